import type { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AGREEMENT_DOCUMENT_TYPES, MAX_AGREEMENT_DOCUMENT_BYTES, agreementAlerts, agreementBody, agreementListQuery, agreementPage, agreementRecord,
  documentUploadQuery, terminateAgreementBody, updateAgreementBody,
} from '../../../shared/contracts/agreements.ts';
import { actorOf, originOf } from '../../platform/http.ts';
import type { AgreementsService } from './agreements.service.ts';

const idParams = z.object({ id: z.uuid() });
const documentParams = z.object({ id: z.uuid(), documentId: z.uuid() });

/** A header value for the download: an ASCII name for old clients, the exact name in UTF-8 beside it. */
function attachment(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** Partnership agreements (MoU/PKS) between units and partners, their scans, and the expiry alerts. */
export async function agreementsRoutes(app: FastifyInstance, opts: { agreements: AgreementsService }): Promise<void> {
  const { agreements } = opts;
  // A document arrives as the raw request body; its type and size are checked as it is read. Any
  // other type reaches the route too, so the refusal can name the file instead of the request.
  // These parsers belong to this plugin only.
  app.addContentTypeParser([...AGREEMENT_DOCUMENT_TYPES], (_request, payload, done) => done(null, payload));
  app.addContentTypeParser('*', (_request, payload, done) => done(null, payload));

  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/agreements', {
    schema: { querystring: agreementListQuery, response: { 200: agreementPage } },
    config: { policy: 'agreement.read' },
  }, (request) => agreements.list(actorOf(request), request.query));

  r.get('/api/agreements/alerts', {
    schema: { response: { 200: agreementAlerts } },
    config: { policy: 'agreement.read' },
  }, (request) => agreements.alerts(actorOf(request)));

  r.get('/api/agreements/:id', {
    schema: { params: idParams, response: { 200: agreementRecord } },
    config: { policy: 'agreement.read' },
  }, (request) => agreements.get(actorOf(request), request.params.id));

  r.post('/api/agreements', {
    schema: { body: agreementBody, response: { 201: agreementRecord } },
    config: { policy: 'agreement.manage' },
  }, async (request, reply) => reply.status(201).send(await agreements.create(actorOf(request), request.body, originOf(request))));

  r.put('/api/agreements/:id', {
    schema: { params: idParams, body: updateAgreementBody, response: { 200: agreementRecord } },
    config: { policy: 'agreement.manage' },
  }, (request) => agreements.update(actorOf(request), request.params.id, request.body, originOf(request)));

  r.post('/api/agreements/:id/terminate', {
    schema: { params: idParams, body: terminateAgreementBody, response: { 200: agreementRecord } },
    config: { policy: 'agreement.manage' },
  }, (request) => agreements.terminate(actorOf(request), request.params.id, request.body, originOf(request)));

  r.post('/api/agreements/:id/documents', {
    schema: { params: idParams, querystring: documentUploadQuery, response: { 201: agreementRecord } },
    bodyLimit: MAX_AGREEMENT_DOCUMENT_BYTES,
    config: { policy: 'agreement.manage' },
  }, async (request, reply) => {
    const body = request.body as Readable | undefined;
    const length = Number(request.headers['content-length']);
    const saved = await agreements.attach(actorOf(request), request.params.id, {
      filename: request.query.filename,
      contentType: request.headers['content-type'] ?? '',
      body: body && typeof body.pipe === 'function' ? body : null,
      declaredSize: Number.isFinite(length) ? length : null,
    }, originOf(request));
    return reply.status(201).send(saved);
  });

  r.get('/api/agreements/:id/documents/:documentId', {
    schema: { params: documentParams },
    config: { policy: 'agreement.read' },
  }, async (request, reply) => {
    const doc = await agreements.document(actorOf(request), request.params.id, request.params.documentId, originOf(request));
    return reply
      .type(doc.contentType)
      .header('content-disposition', attachment(doc.filename))
      .header('cache-control', 'private, no-store')
      .send(Buffer.from(doc.content));
  });
}
