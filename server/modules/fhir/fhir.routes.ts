import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fhirExportQuery, healthConsentBody, healthConsentList, healthConsentRecord, healthConsentRevokeBody } from '../../../shared/contracts/fhir.ts';
import { actorOf, originOf } from '../../platform/http.ts';
import type { FhirService } from './fhir.service.ts';

const idParams = z.object({ id: z.uuid() });
const facilityParams = z.object({ facilityId: z.uuid() });

/** FHIR R4 for SATUSEHAT: a person's Bundle, a unit's bulk NDJSON, and the consent that lets either leave Pulih. */
export async function fhirRoutes(app: FastifyInstance, opts: { fhir: FhirService }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { fhir } = opts;

  r.get('/api/wbp/:id/fhir', {
    schema: { params: idParams },
    config: { policy: 'fhir.export' },
  }, async (request, reply) => {
    const bundle = await fhir.personBundle(actorOf(request), request.params.id, originOf(request));
    return reply.type('application/fhir+json; charset=utf-8').header('cache-control', 'private, no-store').send(JSON.stringify(bundle));
  });

  r.get('/api/facilities/:facilityId/fhir/export', {
    schema: { params: facilityParams, querystring: fhirExportQuery },
    config: { policy: 'fhir.export' },
  }, async (request, reply) => {
    const result = await fhir.facilityExport(actorOf(request), request.params.facilityId, request.query, originOf(request));
    return reply
      .type('application/fhir+ndjson; charset=utf-8')
      .header('content-disposition', `attachment; filename="${result.filename}"`)
      .header('cache-control', 'private, no-store')
      .header('x-pulih-fhir-people', String(result.people))
      .header('x-pulih-fhir-excluded', String(result.excluded))
      .send(result.ndjson);
  });

  r.get('/api/wbp/:id/health-platform-consents', {
    schema: { params: idParams, response: { 200: healthConsentList } },
    config: { policy: 'clinical.read' },
  }, (request) => fhir.consents(actorOf(request), request.params.id, originOf(request)));

  r.post('/api/wbp/:id/health-platform-consents', {
    schema: { params: idParams, body: healthConsentBody, response: { 201: healthConsentRecord } },
    config: { policy: 'consent.manage' },
  }, async (request, reply) => reply.status(201).send(await fhir.recordConsent(actorOf(request), request.params.id, request.body, originOf(request))));

  r.post('/api/health-platform-consents/:id/revoke', {
    schema: { params: idParams, body: healthConsentRevokeBody, response: { 200: healthConsentRecord } },
    config: { policy: 'consent.manage' },
  }, (request) => fhir.revokeConsent(actorOf(request), request.params.id, request.body, originOf(request)));
}
