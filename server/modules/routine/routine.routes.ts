import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  availability, availabilityBody, courtDate, courtDateBody, nonAssociation, nonAssociationBody, room, roomBody, routineBlock,
  routineBlockBody, routineException, routineExceptionBody,
} from '../../../shared/contracts/routine.ts';
import { actorOf, originOf } from '../../platform/http.ts';
import type { RoutineService } from './routine.service.ts';

const facilityParams = z.object({ facilityId: z.uuid() });
const idParams = z.object({ id: z.uuid() });

export async function routineRoutes(app: FastifyInstance, opts: { routine: RoutineService }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { routine } = opts;

  r.get('/api/facilities/:facilityId/routine', {
    schema: { params: facilityParams, response: { 200: z.object({ blocks: z.array(routineBlock), exceptions: z.array(routineException), rooms: z.array(room) }) } },
    config: { policy: 'programme.read' },
  }, (request) => routine.routine(actorOf(request), request.params.facilityId));

  r.post('/api/facilities/:facilityId/routine/blocks', {
    schema: { params: facilityParams, body: routineBlockBody, response: { 201: routineBlock } },
    config: { policy: 'routine.manage' },
  }, async (request, reply) => reply.status(201).send(await routine.addBlock(actorOf(request), request.params.facilityId, request.body, originOf(request))));

  r.delete('/api/routine/blocks/:id', { schema: { params: idParams }, config: { policy: 'routine.manage' } }, async (request, reply) => {
    await routine.removeBlock(actorOf(request), request.params.id, originOf(request));
    return reply.status(204).send();
  });

  r.post('/api/facilities/:facilityId/routine/exceptions', {
    schema: { params: facilityParams, body: routineExceptionBody, response: { 201: routineException } },
    config: { policy: 'routine.manage' },
  }, async (request, reply) => reply.status(201).send(await routine.addException(actorOf(request), request.params.facilityId, request.body, originOf(request))));

  r.delete('/api/routine/exceptions/:id', { schema: { params: idParams }, config: { policy: 'routine.manage' } }, async (request, reply) => {
    await routine.removeException(actorOf(request), request.params.id, originOf(request));
    return reply.status(204).send();
  });

  r.post('/api/facilities/:facilityId/rooms', {
    schema: { params: facilityParams, body: roomBody, response: { 201: room } },
    config: { policy: 'routine.manage' },
  }, async (request, reply) => reply.status(201).send(await routine.addRoom(actorOf(request), request.params.facilityId, request.body, originOf(request))));

  r.put('/api/rooms/:id', {
    schema: { params: idParams, body: roomBody, response: { 200: room } },
    config: { policy: 'routine.manage' },
  }, (request) => routine.updateRoom(actorOf(request), request.params.id, request.body, originOf(request)));

  r.get('/api/wbp/:id/court-dates', {
    schema: { params: idParams, response: { 200: z.object({ items: z.array(courtDate) }) } },
    config: { policy: 'wbp.read' },
  }, (request) => routine.courtDates(actorOf(request), request.params.id));

  r.post('/api/wbp/:id/court-dates', {
    schema: { params: idParams, body: courtDateBody, response: { 201: courtDate } },
    config: { policy: 'routine.manage' },
  }, async (request, reply) => reply.status(201).send(await routine.addCourtDate(actorOf(request), request.params.id, request.body, originOf(request))));

  r.delete('/api/court-dates/:id', { schema: { params: idParams }, config: { policy: 'routine.manage' } }, async (request, reply) => {
    await routine.removeCourtDate(actorOf(request), request.params.id, originOf(request));
    return reply.status(204).send();
  });

  r.get('/api/wbp/:id/non-associations', {
    schema: { params: idParams, response: { 200: z.object({ items: z.array(nonAssociation) }) } },
    config: { policy: 'wbp.read' },
  }, (request) => routine.nonAssociations(actorOf(request), request.params.id));

  r.post('/api/wbp/:id/non-associations', {
    schema: { params: idParams, body: nonAssociationBody, response: { 201: nonAssociation } },
    config: { policy: 'routine.manage' },
  }, async (request, reply) => reply.status(201).send(await routine.addNonAssociation(actorOf(request), request.params.id, request.body, originOf(request))));

  r.delete('/api/non-associations/:id', { schema: { params: idParams }, config: { policy: 'routine.manage' } }, async (request, reply) => {
    await routine.removeNonAssociation(actorOf(request), request.params.id, originOf(request));
    return reply.status(204).send();
  });

  r.get('/api/facilities/:facilityId/staff-availability', {
    schema: { params: facilityParams, response: { 200: z.object({ items: z.array(availability) }) } },
    config: { policy: 'programme.read' },
  }, (request) => routine.availability(actorOf(request), request.params.facilityId));

  r.put('/api/facilities/:facilityId/staff-availability/:userId', {
    schema: { params: z.object({ facilityId: z.uuid(), userId: z.uuid() }), body: availabilityBody, response: { 200: availability } },
    config: { policy: 'routine.manage' },
  }, (request) => routine.setAvailability(actorOf(request), request.params.facilityId, request.params.userId, request.body, originOf(request)));
}
