import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../db/database.ts';

const healthResponse = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']), version: z.string() });

export async function healthRoutes(app: FastifyInstance, opts: { db: Db; databaseKind: 'pglite' | 'postgres'; version: string }): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get('/api/health', {
    schema: { response: { 200: healthResponse } },
    config: { policy: 'public' },
  }, async () => {
    // Answering proves the database answers too, not only the process.
    await sql`SELECT 1`.execute(opts.db);
    return { status: 'ok' as const, database: opts.databaseKind, version: opts.version };
  });
}
