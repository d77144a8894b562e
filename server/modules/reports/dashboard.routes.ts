import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { dashboardResponse, indicatorsQuery } from '../../../shared/contracts/reports.ts';
import { actorOf } from '../../platform/http.ts';
import type { DashboardService } from './dashboard.service.ts';

/** The dashboards at unit, region and nation level: aggregates only, never a person. */
export async function dashboardRoutes(app: FastifyInstance, opts: { dashboard: DashboardService }): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get('/api/reports/dashboard', {
    schema: { querystring: indicatorsQuery, response: { 200: dashboardResponse } },
    config: { policy: 'stats.read' },
  }, (request) => opts.dashboard.dashboard(actorOf(request), request.query, request.lang));
}
