import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  cancelBody, collectBody, createSelectionBody, createTestBody, dayQuery, personUrineTests, ratesQuery, receiveBody, refuseBody, resultBody,
  retestBody, sendBody, unitUrineRates, urineDay, urineSelection, urineTest,
} from '../../../shared/contracts/urine.ts';
import { actorOf, originOf } from '../../platform/http.ts';
import type { UrineService } from './urine.service.ts';

const facilityParams = z.object({ facilityId: z.uuid() });
const idParams = z.object({ id: z.uuid() });

export async function urineRoutes(app: FastifyInstance, opts: { urine: UrineService }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { urine } = opts;

  r.post('/api/facilities/:facilityId/urine/selections', {
    schema: { params: facilityParams, body: createSelectionBody, response: { 201: urineSelection } },
    config: { policy: 'urine.manage' },
  }, async (request, reply) => reply.status(201).send(await urine.select(actorOf(request), request.params.facilityId, request.body, originOf(request))));

  r.get('/api/facilities/:facilityId/urine/selections', {
    schema: { params: facilityParams, querystring: dayQuery, response: { 200: urineDay } },
    config: { policy: 'urine.manage' },
  }, (request) => urine.day(actorOf(request), request.params.facilityId, request.query.date, originOf(request)));

  r.get('/api/urine/selections/:id', {
    schema: { params: idParams, response: { 200: urineSelection } },
    config: { policy: 'urine.manage' },
  }, (request) => urine.selection(actorOf(request), request.params.id, originOf(request)));

  r.post('/api/wbp/:id/urine-tests', {
    schema: { params: idParams, body: createTestBody, response: { 201: urineTest } },
    config: { policy: 'urine.manage' },
  }, async (request, reply) => reply.status(201).send(await urine.plan(actorOf(request), request.params.id, request.body, originOf(request))));

  r.get('/api/wbp/:id/urine-tests', {
    schema: { params: idParams, response: { 200: personUrineTests } },
    config: { policy: 'clinical.read' },
  }, (request) => urine.ofPerson(actorOf(request), request.params.id, originOf(request)));

  r.post('/api/urine-tests/:id/collect', {
    schema: { params: idParams, body: collectBody, response: { 200: urineTest } },
    config: { policy: 'urine.manage' },
  }, (request) => urine.collect(actorOf(request), request.params.id, request.body, originOf(request)));

  r.post('/api/urine-tests/:id/refuse', {
    schema: { params: idParams, body: refuseBody, response: { 200: urineTest } },
    config: { policy: 'urine.manage' },
  }, (request) => urine.refuse(actorOf(request), request.params.id, request.body, originOf(request)));

  r.post('/api/urine-tests/:id/send', {
    schema: { params: idParams, body: sendBody, response: { 200: urineTest } },
    config: { policy: 'urine.manage' },
  }, (request) => urine.send(actorOf(request), request.params.id, request.body, originOf(request)));

  r.post('/api/urine-tests/:id/receive', {
    schema: { params: idParams, body: receiveBody, response: { 200: urineTest } },
    config: { policy: 'urine.manage' },
  }, (request) => urine.receive(actorOf(request), request.params.id, request.body, originOf(request)));

  r.post('/api/urine-tests/:id/result', {
    schema: { params: idParams, body: resultBody, response: { 200: urineTest } },
    config: { policy: 'urine.manage' },
  }, (request) => urine.result(actorOf(request), request.params.id, request.body, originOf(request)));

  r.post('/api/urine-tests/:id/retest', {
    schema: { params: idParams, body: retestBody, response: { 201: urineTest } },
    config: { policy: 'urine.manage' },
  }, async (request, reply) => reply.status(201).send(await urine.retest(actorOf(request), request.params.id, request.body?.plannedOn, originOf(request))));

  r.post('/api/urine-tests/:id/cancel', {
    schema: { params: idParams, body: cancelBody, response: { 200: urineTest } },
    config: { policy: 'urine.manage' },
  }, (request) => urine.cancel(actorOf(request), request.params.id, request.body, originOf(request)));

  r.get('/api/facilities/:facilityId/urine/rates', {
    schema: { params: facilityParams, querystring: ratesQuery, response: { 200: unitUrineRates } },
    config: { policy: 'clinical.read' },
  }, (request) => urine.rates(actorOf(request), request.params.facilityId, request.query.from, request.query.to, originOf(request)));
}
