import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  completeBody, conferenceBody, conferenceList, conferenceListQuery, conferenceRecord, dropOutBody, outcomeEnrolment, personOutcomes, referralBody,
  referralRecord,
} from '../../../shared/contracts/conferences.ts';
import { actorOf, originOf } from '../../platform/http.ts';
import type { ConferencesService } from './conferences.service.ts';

const facilityParams = z.object({ facilityId: z.uuid() });
const idParams = z.object({ id: z.uuid() });

/** Case conferences of the integrated team, the outcomes of enrolments (with the certificate) and referrals. */
export async function conferencesRoutes(app: FastifyInstance, opts: { conferences: ConferencesService }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { conferences } = opts;

  r.get('/api/facilities/:facilityId/conferences', {
    schema: { params: facilityParams, querystring: conferenceListQuery, response: { 200: conferenceList } },
    config: { policy: 'clinical.read' },
  }, (request) => conferences.list(actorOf(request), request.params.facilityId, request.query.page, request.query.pageSize, originOf(request)));

  r.post('/api/facilities/:facilityId/conferences', {
    schema: { params: facilityParams, body: conferenceBody, response: { 201: conferenceRecord } },
    config: { policy: 'conference.manage' },
  }, async (request, reply) => reply.status(201).send(await conferences.create(actorOf(request), request.params.facilityId, request.body, originOf(request))));

  r.get('/api/conferences/:id', {
    schema: { params: idParams, response: { 200: conferenceRecord } },
    config: { policy: 'clinical.read' },
  }, (request) => conferences.get(actorOf(request), request.params.id, originOf(request)));

  r.get('/api/wbp/:id/outcomes', {
    schema: { params: idParams, response: { 200: personOutcomes } },
    config: { policy: 'clinical.read' },
  }, (request) => conferences.outcomes(actorOf(request), request.params.id, originOf(request)));

  r.post('/api/enrolments/:id/complete', {
    schema: { params: idParams, body: completeBody, response: { 200: outcomeEnrolment } },
    config: { policy: 'outcome.record' },
  }, (request) => conferences.complete(actorOf(request), request.params.id, request.body, originOf(request)));

  r.post('/api/enrolments/:id/drop-out', {
    schema: { params: idParams, body: dropOutBody, response: { 200: outcomeEnrolment } },
    config: { policy: 'outcome.record' },
  }, (request) => conferences.dropOut(actorOf(request), request.params.id, request.body, originOf(request)));

  r.get('/api/enrolments/:id/certificate.pdf', {
    schema: { params: idParams },
    config: { policy: 'clinical.read' },
  }, async (request, reply) => {
    const { filename, pdf } = await conferences.certificate(actorOf(request), request.params.id, originOf(request));
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="${filename}"`)
      .header('cache-control', 'private, no-store')
      .send(pdf);
  });

  r.post('/api/wbp/:id/referrals', {
    schema: { params: idParams, body: referralBody, response: { 201: referralRecord } },
    config: { policy: 'care.write' },
  }, async (request, reply) => reply.status(201).send(await conferences.refer(actorOf(request), request.params.id, request.body, originOf(request))));
}
