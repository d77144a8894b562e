import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { openPostgres, PGLITE_OPTIONS, wrapPglite } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgTemplate: string | null;
    pgliteTemplateFile: string | null;
  }
}

/**
 * The real migrations build one template for the whole database suite: a PGlite data directory
 * dumped to a file, or, with TEST_DATABASE_URL set, a template database on that PostgreSQL server.
 * Test files start their databases from it (server/testing/database.ts).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return pgliteTemplate(project);
  project.provide('pgliteTemplateFile', null);
  const template = `pulih_template_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${template}`);
  const target = new URL(url);
  target.pathname = `/${template}`;
  const handle = openPostgres(target.toString(), { max: 1 });
  await migrateToLatest(handle.db);
  await handle.close();
  await admin.end();
  project.provide('pgTemplate', template);
  return async () => {
    const cleanup = new pg.Client({ connectionString: url });
    await cleanup.connect();
    // The template and every copy the test files kept for reuse.
    const copies = await cleanup.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2',
      [template, `${template}\\_copy\\_%`],
    );
    for (const { datname } of copies.rows) await cleanup.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    await cleanup.end();
  };
}

async function pgliteTemplate(project: TestProject): Promise<() => Promise<void>> {
  project.provide('pgTemplate', null);
  const directory = await mkdtemp(join(tmpdir(), 'pulih-test-'));
  const file = join(directory, 'migrated.tar');
  const pglite = await PGlite.create(PGLITE_OPTIONS);
  await migrateToLatest(wrapPglite(pglite).db);
  await writeFile(file, Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer()));
  await pglite.close();
  project.provide('pgliteTemplateFile', file);
  return () => rm(directory, { recursive: true, force: true });
}
