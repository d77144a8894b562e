import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { classificationRule, qualificationRecord, qualificationRequest, saveRuleRequest, settingsRecord, settingsRequest } from '../../../shared/contracts/clinical.ts';
import { actorOf, originOf } from '../../platform/http.ts';
import type { ConfigurationService } from './configuration.service.ts';

export async function configurationRoutes(app: FastifyInstance, opts: { configuration: ConfigurationService }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { configuration } = opts;

  r.get('/api/settings', { schema: { response: { 200: settingsRecord } }, config: { policy: 'authenticated' } }, () => configuration.settings());
  r.put('/api/settings', {
    schema: { body: settingsRequest, response: { 200: settingsRecord } },
    config: { policy: 'settings.manage' },
  }, (request) => configuration.saveSettings(actorOf(request), request.body, originOf(request)));

  r.get('/api/classification-rules', {
    schema: { response: { 200: z.object({ items: z.array(classificationRule) }) } },
    config: { policy: 'authenticated' },
  }, () => configuration.rules());
  r.post('/api/classification-rules', {
    schema: { body: saveRuleRequest, response: { 201: classificationRule } },
    config: { policy: 'rules.manage' },
  }, async (request, reply) => reply.status(201).send(await configuration.saveRule(actorOf(request), request.body, originOf(request))));

  r.get('/api/admin/users/:id/qualifications', {
    schema: { params: z.object({ id: z.uuid() }), response: { 200: z.object({ items: z.array(qualificationRecord) }) } },
    config: { policy: 'user.manage' },
  }, (request) => configuration.qualifications(request.params.id));
  r.post('/api/admin/users/:id/qualifications', {
    schema: { params: z.object({ id: z.uuid() }), body: qualificationRequest, response: { 201: qualificationRecord } },
    config: { policy: 'user.manage' },
  }, async (request, reply) =>
    reply.status(201).send(await configuration.addQualification(actorOf(request), request.params.id, request.body, originOf(request))));
}
