import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { overviewResponse } from '../../../shared/contracts/stats.ts';
import { actorOf } from '../../platform/http.ts';
import type { StatsService } from './stats.service.ts';

export async function statsRoutes(app: FastifyInstance, opts: { stats: StatsService }): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get('/api/stats/overview', {
    schema: { response: { 200: overviewResponse } },
    config: { policy: 'stats.read' },
  }, (request) => opts.stats.overview(actorOf(request)));
}
