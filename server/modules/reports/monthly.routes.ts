import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { monthlyReportQuery } from '../../../shared/contracts/reports.ts';
import { actorOf, originOf } from '../../platform/http.ts';
import type { MonthlyFile, MonthlyService } from './monthly.service.ts';

function sendFile(reply: FastifyReply, file: MonthlyFile) {
  return reply
    .type(file.contentType)
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('cache-control', 'private, no-store')
    .send(file.body);
}

/** The monthly report of a unit or a region, as PDF (Bahasa Indonesia) and as a workbook. */
export async function monthlyRoutes(app: FastifyInstance, opts: { monthly: MonthlyService }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { monthly } = opts;

  r.get('/api/reports/monthly.pdf', {
    schema: { querystring: monthlyReportQuery },
    config: { policy: 'stats.read' },
  }, async (request, reply) => sendFile(reply, await monthly.report(actorOf(request), request.query, 'pdf', originOf(request))));

  r.get('/api/reports/monthly.xlsx', {
    schema: { querystring: monthlyReportQuery },
    config: { policy: 'stats.read' },
  }, async (request, reply) => sendFile(reply, await monthly.report(actorOf(request), request.query, 'xlsx', originOf(request))));
}
