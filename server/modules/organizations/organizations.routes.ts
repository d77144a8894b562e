import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createOrganizationRequest, organization } from '../../../shared/contracts/admin.ts';
import { actorOf, originOf } from '../../platform/http.ts';
import type { OrganizationsService } from './organizations.service.ts';

export async function organizationsRoutes(app: FastifyInstance, opts: { organizations: OrganizationsService }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/organizations', {
    schema: { response: { 200: z.object({ items: z.array(organization) }) } },
    config: { policy: 'org.read' },
  }, () => opts.organizations.list());

  r.post('/api/organizations', {
    schema: { body: createOrganizationRequest, response: { 201: organization } },
    config: { policy: 'org.manage' },
  }, async (request, reply) => reply.status(201).send(await opts.organizations.create(actorOf(request), request.body, originOf(request))));
}
