import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageOf } from '../../../shared/contracts/common.ts';
import {
  careTaskItem, careTaskRecord, careTasksQuery, closeCareTaskRequest, communityRoleRecord, communityRoleRequest, endCommunityRoleRequest,
  phaseChangeRecord, phaseChangeRequest, progressRecord,
} from '../../../shared/contracts/progress.ts';
import { actorOf, originOf } from '../../platform/http.ts';
import type { ProgressService } from './progress.service.ts';

const idParams = z.object({ id: z.uuid() });
const facilityParams = z.object({ facilityId: z.uuid() });

export async function progressRoutes(app: FastifyInstance, opts: { progress: ProgressService }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { progress } = opts;

  r.get('/api/wbp/:id/progress', {
    schema: { params: idParams, response: { 200: progressRecord } },
    config: { policy: 'clinical.read' },
  }, (request) => progress.progress(actorOf(request), request.params.id, originOf(request)));

  r.post('/api/enrolments/:id/phase', {
    schema: { params: idParams, body: phaseChangeRequest, response: { 201: phaseChangeRecord } },
    config: { policy: 'care.write' },
  }, async (request, reply) => reply.status(201).send(await progress.changePhase(actorOf(request), request.params.id, request.body, originOf(request))));

  r.post('/api/enrolments/:id/roles', {
    schema: { params: idParams, body: communityRoleRequest, response: { 201: communityRoleRecord } },
    config: { policy: 'care.write' },
  }, async (request, reply) => reply.status(201).send(await progress.assignRole(actorOf(request), request.params.id, request.body, originOf(request))));

  r.post('/api/community-roles/:id/end', {
    schema: { params: idParams, body: endCommunityRoleRequest, response: { 200: communityRoleRecord } },
    config: { policy: 'care.write' },
  }, (request) => progress.endRole(actorOf(request), request.params.id, request.body.endedOn, originOf(request)));

  r.get('/api/facilities/:facilityId/care-tasks', {
    schema: { params: facilityParams, querystring: careTasksQuery, response: { 200: pageOf(careTaskItem) } },
    config: { policy: 'clinical.read' },
  }, (request) => progress.careTasks(actorOf(request), request.params.facilityId, request.query, originOf(request)));

  r.post('/api/care-tasks/:id/close', {
    schema: { params: idParams, body: closeCareTaskRequest, response: { 200: careTaskRecord } },
    config: { policy: 'care.write' },
  }, (request) => progress.closeTask(actorOf(request), request.params.id, request.body, originOf(request)));
}
