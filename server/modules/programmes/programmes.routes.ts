import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { programmeBody, programmeRecord, updateProgrammeRequest } from '../../../shared/contracts/programmes.ts';
import { actorOf, originOf } from '../../platform/http.ts';
import type { ProgrammesService } from './programmes.service.ts';

const facilityParams = z.object({ facilityId: z.uuid() });
const catalogue = z.object({ items: z.array(programmeRecord) });

export async function programmesRoutes(app: FastifyInstance, opts: { programmes: ProgrammesService }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { programmes } = opts;

  r.get('/api/facilities/:facilityId/programmes', {
    schema: { params: facilityParams, response: { 200: catalogue } },
    config: { policy: 'programme.read' },
  }, (request) => programmes.list(actorOf(request), request.params.facilityId));

  r.post('/api/facilities/:facilityId/programmes/defaults', {
    schema: { params: facilityParams, response: { 200: catalogue } },
    config: { policy: 'programme.manage' },
  }, (request) => programmes.addDefaults(actorOf(request), request.params.facilityId, originOf(request)));

  r.post('/api/facilities/:facilityId/programmes', {
    schema: { params: facilityParams, body: programmeBody, response: { 201: programmeRecord } },
    config: { policy: 'programme.manage' },
  }, async (request, reply) =>
    reply.status(201).send(await programmes.create(actorOf(request), request.params.facilityId, request.body, originOf(request))));

  r.get('/api/programmes/:id', {
    schema: { params: z.object({ id: z.uuid() }), response: { 200: programmeRecord } },
    config: { policy: 'programme.read' },
  }, (request) => programmes.get(actorOf(request), request.params.id));

  r.put('/api/programmes/:id', {
    schema: { params: z.object({ id: z.uuid() }), body: updateProgrammeRequest, response: { 200: programmeRecord } },
    config: { policy: 'programme.manage' },
  }, (request) => programmes.update(actorOf(request), request.params.id, request.body, originOf(request)));
}
