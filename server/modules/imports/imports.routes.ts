import type { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { importQuery, importReport } from '../../../shared/contracts/sdp.ts';
import { validation } from '../../platform/errors.ts';
import { actorOf, originOf } from '../../platform/http.ts';
import type { ImportsService } from './imports.service.ts';

const MAX_ROSTER_BYTES = 200 * 1024 * 1024;

export async function importsRoutes(app: FastifyInstance, opts: { imports: ImportsService }): Promise<void> {
  // The roster arrives as the raw request body and is parsed as it streams in.
  app.addContentTypeParser(['text/csv', 'application/vnd.ms-excel', 'application/octet-stream'], (_request, payload, done) => {
    done(null, payload);
  });

  app.withTypeProvider<ZodTypeProvider>().post('/api/imports/sdp', {
    schema: { querystring: importQuery, response: { 200: importReport } },
    bodyLimit: MAX_ROSTER_BYTES,
    config: { policy: 'sdp.import' },
  }, async (request) => {
    const actor = actorOf(request);
    const body = request.body as Readable | undefined;
    if (!body || typeof body.pipe !== 'function') throw validation([{ field: 'file', message: 'error.importEmpty' }]);
    return opts.imports.importSdp(body, {
      dryRun: request.query.dryRun,
      lang: request.lang,
      facilityIds: actor.facilityIds,
      who: { actor, username: actor.username, origin: originOf(request) },
    });
  });
}
