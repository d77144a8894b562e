import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { type DatabaseHandle, openPostgres, wrapPglite } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';

let pgliteTemplate: Promise<Blob | File> | undefined;

const PGLITE_OPTIONS = {
  parsers: { 20: (v: string) => Number(v), 1082: (v: string) => v },
  serializers: { 1082: (v: unknown) => String(v) },
};

/** The migrated data directory, dumped once per worker and loaded into each test's database. */
async function migratedDump(): Promise<Blob | File> {
  const pglite = await PGlite.create(PGLITE_OPTIONS);
  await migrateToLatest(wrapPglite(pglite).db);
  const dump = await pglite.dumpDataDir('none');
  await pglite.close();
  return dump;
}

/**
 * A freshly migrated database of its own for one test: a copy of a migrated template, on
 * PostgreSQL when the suite runs with TEST_DATABASE_URL and on PGlite otherwise.
 */
export async function freshDatabase(): Promise<DatabaseHandle> {
  const template = inject('pgTemplate');
  const url = process.env.TEST_DATABASE_URL;
  if (template && url) {
    const name = `pulih_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    } finally {
      await admin.end();
    }
    const target = new URL(url);
    target.pathname = `/${name}`;
    const handle = openPostgres(target.toString(), { max: 4 });
    return {
      ...handle,
      close: async () => {
        await handle.close();
        const dropper = new pg.Client({ connectionString: url });
        await dropper.connect();
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await dropper.end();
      },
    };
  }
  pgliteTemplate ??= migratedDump();
  const pglite = await PGlite.create({ ...PGLITE_OPTIONS, loadDataDir: await pgliteTemplate });
  return wrapPglite(pglite);
}
