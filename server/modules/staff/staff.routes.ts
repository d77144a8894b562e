import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageOf } from '../../../shared/contracts/common.ts';
import {
  endPeerCounsellorRequest, peerCandidate, peerCounsellorQuery, peerCounsellorRecord, peerCounsellorRequest, staffMember, staffQualification,
  staffQualificationRequest, staffQuery, trainingItem, trainingQuery, trainingRecord, trainingRequest,
} from '../../../shared/contracts/staff.ts';
import { actorOf, originOf } from '../../platform/http.ts';
import type { StaffService } from './staff.service.ts';

const facilityParams = z.object({ facilityId: z.uuid() });
const idParams = z.object({ id: z.uuid() });

/** The unit's staff directory with qualifications, its staff trainings and its peer counsellors. */
export async function staffRoutes(app: FastifyInstance, opts: { staff: StaffService }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { staff } = opts;

  r.get('/api/facilities/:facilityId/staff', {
    schema: { params: facilityParams, querystring: staffQuery, response: { 200: pageOf(staffMember) } },
    config: { policy: 'staff.read' },
  }, (request) => staff.staff(actorOf(request), request.params.facilityId, request.query));

  r.post('/api/facilities/:facilityId/staff/:userId/qualifications', {
    schema: { params: facilityParams.extend({ userId: z.uuid() }), body: staffQualificationRequest, response: { 201: staffQualification } },
    config: { policy: 'staff.manage' },
  }, async (request, reply) => reply.status(201).send(
    await staff.addQualification(actorOf(request), request.params.facilityId, request.params.userId, request.body, originOf(request))));

  r.get('/api/facilities/:facilityId/trainings', {
    schema: { params: facilityParams, querystring: trainingQuery, response: { 200: pageOf(trainingItem) } },
    config: { policy: 'training.read' },
  }, (request) => staff.trainings(actorOf(request), request.params.facilityId, request.query));

  r.post('/api/facilities/:facilityId/trainings', {
    schema: { params: facilityParams, body: trainingRequest, response: { 201: trainingRecord } },
    config: { policy: 'training.manage' },
  }, async (request, reply) => reply.status(201).send(await staff.createTraining(actorOf(request), request.params.facilityId, request.body, originOf(request))));

  r.get('/api/trainings/:id', {
    schema: { params: idParams, response: { 200: trainingRecord } },
    config: { policy: 'training.read' },
  }, (request) => staff.training(actorOf(request), request.params.id, originOf(request)));

  r.get('/api/facilities/:facilityId/peer-counsellors', {
    schema: { params: facilityParams, querystring: peerCounsellorQuery, response: { 200: pageOf(peerCounsellorRecord) } },
    config: { policy: 'training.read' },
  }, (request) => staff.peerCounsellors(actorOf(request), request.params.facilityId, request.query, originOf(request)));

  r.get('/api/facilities/:facilityId/peer-counsellors/candidates', {
    schema: { params: facilityParams, response: { 200: z.array(peerCandidate) } },
    config: { policy: 'training.read' },
  }, (request) => staff.peerCandidates(actorOf(request), request.params.facilityId));

  r.post('/api/facilities/:facilityId/peer-counsellors', {
    schema: { params: facilityParams, body: peerCounsellorRequest, response: { 201: peerCounsellorRecord } },
    config: { policy: 'training.manage' },
  }, async (request, reply) => reply.status(201).send(await staff.appointPeerCounsellor(actorOf(request), request.params.facilityId, request.body, originOf(request))));

  r.post('/api/peer-counsellors/:id/end', {
    schema: { params: idParams, body: endPeerCounsellorRequest, response: { 200: peerCounsellorRecord } },
    config: { policy: 'training.manage' },
  }, (request) => staff.endPeerCounsellor(actorOf(request), request.params.id, request.body, originOf(request)));
}
