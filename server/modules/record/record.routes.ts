import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { timelinePage, timelineQuery } from '../../../shared/contracts/record.ts';
import { actorOf, originOf } from '../../platform/http.ts';
import type { RecordService } from './record.service.ts';

const idParams = z.object({ id: z.uuid() });

export async function recordRoutes(app: FastifyInstance, opts: { record: RecordService }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { record } = opts;

  r.get('/api/wbp/:id/timeline', {
    schema: { params: idParams, querystring: timelineQuery, response: { 200: timelinePage } },
    config: { policy: 'clinical.read' },
  }, (request) => record.timeline(actorOf(request), request.params.id, request.query, originOf(request)));
}
