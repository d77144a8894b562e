import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  aftercareReferralBody, aftercareReferralRecord, aftercareSettings, closeBody, consentBody, consentRecord, declineBody, followUpBody, lookAhead,
  lookAheadQuery, personAftercare, referralList, releaseBody, cancelPlanBody, releasePlanBody, releasePlanRecord, revokeBody,
} from '../../../shared/contracts/aftercare.ts';
import { actorOf, originOf } from '../../platform/http.ts';
import type { AftercareService } from './aftercare.service.ts';

const facilityParams = z.object({ facilityId: z.uuid() });
const idParams = z.object({ id: z.uuid() });

/** Release plans and the look-ahead, consent to share, referrals to aftercare and their follow-ups. */
export async function aftercareRoutes(app: FastifyInstance, opts: { aftercare: AftercareService }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { aftercare } = opts;

  r.get('/api/aftercare/settings', {
    schema: { response: { 200: aftercareSettings } },
    config: { policy: 'authenticated' },
  }, () => aftercare.settings());

  r.put('/api/aftercare/settings', {
    schema: { body: aftercareSettings, response: { 200: aftercareSettings } },
    config: { policy: 'settings.manage' },
  }, (request) => aftercare.saveSettings(actorOf(request), request.body, originOf(request)));

  r.get('/api/facilities/:facilityId/releases', {
    schema: { params: facilityParams, querystring: lookAheadQuery, response: { 200: lookAhead } },
    config: { policy: 'clinical.read' },
  }, (request) => aftercare.lookAhead(actorOf(request), request.params.facilityId, request.query.months, originOf(request)));

  r.get('/api/wbp/:id/aftercare', {
    schema: { params: idParams, response: { 200: personAftercare } },
    config: { policy: 'clinical.read' },
  }, (request) => aftercare.person(actorOf(request), request.params.id, originOf(request)));

  r.post('/api/wbp/:id/release-plans', {
    schema: { params: idParams, body: releasePlanBody, response: { 201: releasePlanRecord } },
    config: { policy: 'release.manage' },
  }, async (request, reply) => reply.status(201).send(await aftercare.createPlan(actorOf(request), request.params.id, request.body, originOf(request))));

  r.post('/api/release-plans/:id/release', {
    schema: { params: idParams, body: releaseBody, response: { 200: releasePlanRecord } },
    config: { policy: 'release.manage' },
  }, (request) => aftercare.release(actorOf(request), request.params.id, request.body.releasedOn, originOf(request)));

  r.post('/api/release-plans/:id/cancel', {
    schema: { params: idParams, body: cancelPlanBody, response: { 200: releasePlanRecord } },
    config: { policy: 'release.manage' },
  }, (request) => aftercare.cancelPlan(actorOf(request), request.params.id, request.body.reason, originOf(request)));

  r.post('/api/wbp/:id/consents', {
    schema: { params: idParams, body: consentBody, response: { 201: consentRecord } },
    config: { policy: 'consent.manage' },
  }, async (request, reply) => reply.status(201).send(await aftercare.recordConsent(actorOf(request), request.params.id, request.body, originOf(request))));

  r.post('/api/consents/:id/revoke', {
    schema: { params: idParams, body: revokeBody, response: { 200: consentRecord } },
    config: { policy: 'consent.manage' },
  }, (request) => aftercare.revokeConsent(actorOf(request), request.params.id, request.body, originOf(request)));

  r.post('/api/wbp/:id/aftercare-referrals', {
    schema: { params: idParams, body: aftercareReferralBody, response: { 201: aftercareReferralRecord } },
    config: { policy: 'aftercare.refer' },
  }, async (request, reply) => reply.status(201).send(await aftercare.refer(actorOf(request), request.params.id, request.body, originOf(request))));

  r.get('/api/facilities/:facilityId/aftercare-referrals', {
    schema: { params: facilityParams, response: { 200: referralList } },
    config: { policy: 'clinical.read' },
  }, (request) => aftercare.sent(actorOf(request), request.params.facilityId, originOf(request)));

  r.get('/api/aftercare/inbox', {
    schema: { response: { 200: referralList } },
    config: { policy: 'aftercare.receive' },
  }, (request) => aftercare.inbox(actorOf(request), originOf(request)));

  r.get('/api/aftercare/referrals/:id', {
    schema: { params: idParams, response: { 200: aftercareReferralRecord } },
    config: { policy: 'aftercare.read' },
  }, (request) => aftercare.get(actorOf(request), request.params.id, originOf(request)));

  r.get('/api/aftercare/referrals/:id/handover.pdf', {
    schema: { params: idParams },
    config: { policy: 'aftercare.read' },
  }, async (request, reply) => {
    const { filename, pdf } = await aftercare.handover(actorOf(request), request.params.id, originOf(request));
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="${filename}"`)
      .header('cache-control', 'private, no-store')
      .send(pdf);
  });

  r.post('/api/aftercare/referrals/:id/accept', {
    schema: { params: idParams, response: { 200: aftercareReferralRecord } },
    config: { policy: 'aftercare.receive' },
  }, (request) => aftercare.accept(actorOf(request), request.params.id, originOf(request)));

  r.post('/api/aftercare/referrals/:id/decline', {
    schema: { params: idParams, body: declineBody, response: { 200: aftercareReferralRecord } },
    config: { policy: 'aftercare.receive' },
  }, (request) => aftercare.decline(actorOf(request), request.params.id, request.body.reason, originOf(request)));

  r.post('/api/aftercare/referrals/:id/follow-ups', {
    schema: { params: idParams, body: followUpBody, response: { 200: aftercareReferralRecord } },
    config: { policy: 'aftercare.receive' },
  }, (request) => aftercare.recordFollowUp(actorOf(request), request.params.id, request.body, originOf(request)));

  r.post('/api/aftercare/referrals/:id/close', {
    schema: { params: idParams, body: closeBody, response: { 200: aftercareReferralRecord } },
    config: { policy: 'aftercare.receive' },
  }, (request) => aftercare.close(actorOf(request), request.params.id, request.body, originOf(request)));
}
