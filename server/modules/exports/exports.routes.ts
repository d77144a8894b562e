import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exportPeriodQuery, researchExportQuery } from '../../../shared/contracts/exports.ts';
import { actorOf, originOf } from '../../platform/http.ts';
import type { CsvFile, ExportsService } from './exports.service.ts';

const facilityParams = z.object({ facilityId: z.uuid() });

function sendCsv(reply: FastifyReply, file: CsvFile) {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('cache-control', 'private, no-store')
    .send(file.csv);
}

/** The research files (de-identified) and the SIRENA files of a unit, as CSV downloads. */
export async function exportsRoutes(app: FastifyInstance, opts: { exports: ExportsService }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { exports } = opts;

  r.get('/api/exports/research/people.csv', {
    schema: { querystring: researchExportQuery },
    config: { policy: 'export.research' },
  }, async (request, reply) => sendCsv(reply, await exports.research(actorOf(request), 'people', request.query, originOf(request))));

  r.get('/api/exports/research/events.csv', {
    schema: { querystring: researchExportQuery },
    config: { policy: 'export.research' },
  }, async (request, reply) => sendCsv(reply, await exports.research(actorOf(request), 'events', request.query, originOf(request))));

  r.get('/api/facilities/:facilityId/exports/sirena/clients.csv', {
    schema: { params: facilityParams, querystring: exportPeriodQuery },
    config: { policy: 'export.sirena' },
  }, async (request, reply) => sendCsv(reply, await exports.sirena(actorOf(request), request.params.facilityId, 'clients', request.query, originOf(request))));

  r.get('/api/facilities/:facilityId/exports/sirena/services.csv', {
    schema: { params: facilityParams, querystring: exportPeriodQuery },
    config: { policy: 'export.sirena' },
  }, async (request, reply) => sendCsv(reply, await exports.sirena(actorOf(request), request.params.facilityId, 'services', request.query, originOf(request))));
}
