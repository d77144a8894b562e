import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  doseReportRequest, handoverRecord, handoverRequest, ptrmEndRequest, ptrmOverview, ptrmRecord, ptrmStartRequest,
} from '../../../shared/contracts/notes.ts';
import { actorOf, originOf } from '../../platform/http.ts';
import type { PtrmService } from './ptrm.service.ts';

const idParams = z.object({ id: z.uuid() });

export async function ptrmRoutes(app: FastifyInstance, opts: { ptrm: PtrmService }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { ptrm } = opts;

  r.get('/api/wbp/:id/ptrm', {
    schema: { params: idParams, response: { 200: ptrmOverview } },
    config: { policy: 'clinical.read' },
  }, (request) => ptrm.overview(actorOf(request), request.params.id, originOf(request)));

  r.post('/api/wbp/:id/ptrm', {
    schema: { params: idParams, body: ptrmStartRequest, response: { 201: ptrmRecord } },
    config: { policy: 'care.write' },
  }, async (request, reply) => reply.status(201).send(await ptrm.start(actorOf(request), request.params.id, request.body, originOf(request))));

  r.post('/api/ptrm/:id/doses', {
    schema: { params: idParams, body: doseReportRequest, response: { 201: ptrmRecord } },
    config: { policy: 'care.write' },
  }, async (request, reply) => reply.status(201).send(await ptrm.reportDose(actorOf(request), request.params.id, request.body, originOf(request))));

  r.post('/api/ptrm/:id/end', {
    schema: { params: idParams, body: ptrmEndRequest, response: { 200: ptrmRecord } },
    config: { policy: 'care.write' },
  }, (request) => ptrm.end(actorOf(request), request.params.id, request.body, originOf(request)));

  r.post('/api/ptrm/:id/handovers', {
    schema: { params: idParams, body: handoverRequest, response: { 201: handoverRecord } },
    config: { policy: 'care.write' },
  }, async (request, reply) => reply.status(201).send(await ptrm.issueHandover(actorOf(request), request.params.id, request.body, originOf(request))));

  r.get('/api/ptrm/handovers/:id/letter.pdf', {
    schema: { params: idParams },
    config: { policy: 'clinical.read' },
  }, async (request, reply) => {
    const { pdf, filename } = await ptrm.letter(actorOf(request), request.params.id, originOf(request));
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="${filename}"`)
      .header('cache-control', 'private, no-store')
      .send(pdf);
  });
}
