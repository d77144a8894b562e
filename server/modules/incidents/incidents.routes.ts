import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { incidentRecord, incidentRequest, incidentsPage, incidentsQuery } from '../../../shared/contracts/notes.ts';
import { actorOf, originOf } from '../../platform/http.ts';
import type { IncidentsService } from './incidents.service.ts';

const idParams = z.object({ id: z.uuid() });

export async function incidentsRoutes(app: FastifyInstance, opts: { incidents: IncidentsService }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { incidents } = opts;

  r.get('/api/wbp/:id/incidents', {
    schema: { params: idParams, querystring: incidentsQuery, response: { 200: incidentsPage } },
    config: { policy: 'clinical.read' },
  }, (request) => incidents.list(actorOf(request), request.params.id, request.query, originOf(request)));

  r.post('/api/wbp/:id/incidents', {
    schema: { params: idParams, body: incidentRequest, response: { 201: incidentRecord } },
    config: { policy: 'care.write' },
  }, async (request, reply) => reply.status(201).send(await incidents.record(actorOf(request), request.params.id, request.body, originOf(request))));
}
