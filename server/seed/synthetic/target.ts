import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { type Db, PGLITE_OPTIONS, openPostgres, wrapPglite } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { type CopySink, pgliteSink, postgresSink } from './copy.ts';

/** Where generated data goes: a PostgreSQL server, or the embedded PGlite in a data directory. */
export type LoadTarget = { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };

/** A migrated database opened for loading: COPY goes through `sink`, queries through `db`. */
export interface OpenTarget {
  db: Db;
  sink: CopySink;
  close: () => Promise<void>;
}

/**
 * Opens and migrates the target. On PostgreSQL the loading connection is a client of its own (one
 * transaction on one connection); on PGlite the one embedded session serves both.
 */
export async function openLoadTarget(target: LoadTarget): Promise<OpenTarget> {
  if (target.kind === 'postgres') {
    const handle = openPostgres(target.url, { max: 2 });
    await migrateToLatest(handle.db);
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    return {
      db: handle.db, sink: postgresSink(client),
      close: async () => {
        await client.end();
        await handle.close();
      },
    };
  }
  const dir = path.join(target.dataDir, 'pglite');
  mkdirSync(dir, { recursive: true });
  const pglite = await PGlite.create({ dataDir: dir, ...PGLITE_OPTIONS });
  const handle = wrapPglite(pglite);
  await migrateToLatest(handle.db);
  return { db: handle.db, sink: pgliteSink(pglite), close: handle.close };
}

/** Organisations and people already in the database: generated data goes only into an empty one. */
export async function existingData(db: Db): Promise<{ organizations: number; people: number }> {
  const row = await db
    .selectNoFrom((eb) => [
      eb.selectFrom('organizations').select(eb.fn.countAll<number>().as('n')).as('organizations'),
      eb.selectFrom('wbp').select(eb.fn.countAll<number>().as('n')).as('people'),
    ])
    .executeTakeFirstOrThrow();
  return { organizations: Number(row.organizations), people: Number(row.people) };
}
