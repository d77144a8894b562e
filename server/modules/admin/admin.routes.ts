import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditEntry, auditQuery, createUserRequest, updateUserRequest, userSummary } from '../../../shared/contracts/admin.ts';
import { pageOf } from '../../../shared/contracts/common.ts';
import { actorOf, originOf } from '../../platform/http.ts';
import type { AdminService } from './admin.service.ts';

export async function adminRoutes(app: FastifyInstance, opts: { admin: AdminService }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { admin } = opts;

  r.get('/api/admin/users', {
    schema: { response: { 200: z.object({ items: z.array(userSummary) }) } },
    config: { policy: 'user.manage' },
  }, () => admin.listUsers());

  r.post('/api/admin/users', {
    schema: { body: createUserRequest, response: { 201: userSummary } },
    config: { policy: 'user.manage' },
  }, async (request, reply) => reply.status(201).send(await admin.createUser(actorOf(request), request.body, originOf(request))));

  r.patch('/api/admin/users/:id', {
    schema: { params: z.object({ id: z.uuid() }), body: updateUserRequest, response: { 200: userSummary } },
    config: { policy: 'user.manage' },
  }, (request) => admin.updateUser(actorOf(request), request.params.id, request.body, originOf(request)));

  r.get('/api/admin/audit', {
    schema: { querystring: auditQuery, response: { 200: pageOf(auditEntry) } },
    config: { policy: 'audit.read' },
  }, (request) => admin.searchAudit(request.query));
}
