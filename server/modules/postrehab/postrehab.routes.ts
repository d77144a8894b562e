import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { postRehabCandidates, postRehabEndBody, postRehabEnrolBody, postRehabEnrolment, postRehabRoster } from '../../../shared/contracts/postRehab.ts';
import { actorOf, originOf } from '../../platform/http.ts';
import type { PostRehabService } from './postrehab.service.ts';

const idParams = z.object({ id: z.uuid() });

export async function postRehabRoutes(app: FastifyInstance, opts: { postRehab: PostRehabService }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { postRehab } = opts;

  r.get('/api/programmes/:id/post-rehab-enrolments', {
    schema: { params: idParams, response: { 200: postRehabRoster } },
    config: { policy: 'postrehab.manage' },
  }, (request) => postRehab.roster(actorOf(request), request.params.id, originOf(request)));

  r.post('/api/programmes/:id/post-rehab-enrolments', {
    schema: { params: idParams, body: postRehabEnrolBody, response: { 201: postRehabEnrolment } },
    config: { policy: 'postrehab.manage' },
  }, async (request, reply) => reply.status(201).send(await postRehab.enrol(actorOf(request), request.params.id, request.body, originOf(request))));

  r.post('/api/post-rehab-enrolments/:id/end', {
    schema: { params: idParams, body: postRehabEndBody, response: { 200: postRehabEnrolment } },
    config: { policy: 'postrehab.manage' },
  }, (request) => postRehab.end(actorOf(request), request.params.id, request.body, originOf(request)));

  r.get('/api/facilities/:facilityId/post-rehab-candidates', {
    schema: { params: z.object({ facilityId: z.uuid() }), response: { 200: postRehabCandidates } },
    config: { policy: 'postrehab.manage' },
  }, (request) => postRehab.candidates(actorOf(request), request.params.facilityId, originOf(request)));
}
