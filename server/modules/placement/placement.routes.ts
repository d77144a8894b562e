import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { decisionRecord, decisionRequest, enrolmentRecord, pendingDecision } from '../../../shared/contracts/programmes.ts';
import { actorOf, originOf } from '../../platform/http.ts';
import type { PlacementService } from './placement.service.ts';

export async function placementRoutes(app: FastifyInstance, opts: { placement: PlacementService }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { placement } = opts;

  r.get('/api/facilities/:facilityId/placement/pending', {
    schema: { params: z.object({ facilityId: z.uuid() }), response: { 200: z.object({ items: z.array(pendingDecision) }) } },
    config: { policy: 'clinical.read' },
  }, (request) => placement.pending(actorOf(request), request.params.facilityId));

  r.post('/api/wbp/:id/decisions', {
    schema: { params: z.object({ id: z.uuid() }), body: decisionRequest, response: { 201: decisionRecord } },
    config: { policy: 'decision.sign' },
  }, async (request, reply) => reply.status(201).send(await placement.decide(actorOf(request), request.params.id, request.body, originOf(request))));

  r.get('/api/wbp/:id/decisions', {
    schema: { params: z.object({ id: z.uuid() }), response: { 200: z.object({ items: z.array(decisionRecord) }) } },
    config: { policy: 'clinical.read' },
  }, (request) => placement.decisions(actorOf(request), request.params.id, originOf(request)));

  r.get('/api/programmes/:id/enrolments', {
    schema: { params: z.object({ id: z.uuid() }), response: { 200: z.object({ items: z.array(enrolmentRecord) }) } },
    config: { policy: 'clinical.read' },
  }, (request) => placement.programmeRoster(actorOf(request), request.params.id, originOf(request), request.lang));
}
