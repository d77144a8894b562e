import { mkdirSync } from 'node:fs';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { PgliteDialect } from './pgliteDialect.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
/** Either handle: repositories take whichever the caller holds, and never reach for another. */
export type DbOrTrx = Db | Trx;

export interface DatabaseHandle {
  db: Db;
  kind: 'pglite' | 'postgres';
  close: () => Promise<void>;
}

const INT8 = 20;
const DATE = 1082;

// Both drivers must give the same JavaScript values: bigint counts as numbers (they stay far below
// 2^53 here) and `date` as the ISO string it is, never a Date shifted by the server's time zone.
pg.types.setTypeParser(INT8, (v) => Number(v));
pg.types.setTypeParser(DATE, (v) => v);

export function openPostgres(url: string, options: { max?: number } = {}): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  // An idle connection can be closed by the server (a restart, a failover, an administrator).
  // Without a listener that error would end the process; the pool replaces the connection.
  pool.on('error', (error) => {
    process.emitWarning(`PostgreSQL closed an idle connection: ${error.message}`);
  });
  // A connection in use can lose its server too (a crash, a failover) between two queries of a
  // transaction. Its query fails the request, but the connection's own error event has no listener
  // of the pool's then, and an unheard error event would end the whole process.
  pool.on('connect', (client) => {
    client.on('error', (error) => {
      process.emitWarning(`PostgreSQL connection lost: ${error.message}`);
    });
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', close: () => db.destroy() };
}

/** PGlite's own parsers, giving the same values as the pg driver's above. */
export const PGLITE_OPTIONS = {
  parsers: { [INT8]: (v: string) => Number(v), [DATE]: (v: string) => v },
  serializers: { [DATE]: (v: unknown) => String(v) },
};

export async function openPglite(dataDir: string | undefined): Promise<DatabaseHandle> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create({ ...(dataDir ? { dataDir } : {}), ...PGLITE_OPTIONS });
  return wrapPglite(pglite);
}

export function wrapPglite(pglite: PGlite): DatabaseHandle {
  const db = new Kysely<Database>({ dialect: new PgliteDialect(pglite) });
  return { db, kind: 'pglite', close: () => db.destroy() };
}

export { PGlite, pgliteTypes };
