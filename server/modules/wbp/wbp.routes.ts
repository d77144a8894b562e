import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageOf } from '../../../shared/contracts/common.ts';
import { createWbpRequest, transferWbpRequest, updateWbpRequest, wbpDetail, wbpListQuery, wbpSummary } from '../../../shared/contracts/wbp.ts';
import { actorOf, originOf } from '../../platform/http.ts';
import type { WbpService } from './wbp.service.ts';

const idParams = z.object({ id: z.uuid() });

export async function wbpRoutes(app: FastifyInstance, opts: { wbp: WbpService }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { wbp } = opts;

  r.get('/api/wbp', {
    schema: { querystring: wbpListQuery, response: { 200: pageOf(wbpSummary) } },
    config: { policy: 'wbp.read' },
  }, (request) => wbp.list(actorOf(request), request.query, originOf(request)));

  r.get('/api/wbp/blocks', {
    schema: { querystring: z.object({ facilityId: z.uuid().optional() }), response: { 200: z.object({ items: z.array(z.string()) }) } },
    config: { policy: 'wbp.read' },
  }, (request) => wbp.blocks(actorOf(request), request.query.facilityId));

  r.get('/api/wbp/:id', {
    schema: { params: idParams, response: { 200: wbpDetail } },
    config: { policy: 'wbp.read' },
  }, (request) => wbp.get(actorOf(request), request.params.id, originOf(request)));

  r.post('/api/wbp', {
    schema: { body: createWbpRequest, response: { 201: wbpDetail } },
    config: { policy: 'wbp.write' },
  }, async (request, reply) => {
    const created = await wbp.create(actorOf(request), request.body, originOf(request));
    return reply.status(201).send(created);
  });

  r.put('/api/wbp/:id', {
    schema: { params: idParams, body: updateWbpRequest, response: { 200: wbpDetail } },
    config: { policy: 'wbp.write' },
  }, (request) => wbp.update(actorOf(request), request.params.id, request.body, originOf(request)));

  r.post('/api/wbp/:id/transfer', {
    schema: { params: idParams, body: transferWbpRequest, response: { 200: wbpDetail } },
    config: { policy: 'wbp.transfer' },
  }, (request) => wbp.transfer(actorOf(request), request.params.id, request.body, originOf(request)));
}
