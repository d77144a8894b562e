import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { PGLITE_OPTIONS } from '../db/database.ts';
import { fakeIo } from './fake-io.ts';
import { main } from './main.ts';
import { databaseUrl, withClient } from '../testing/postgres.ts';

// The commands run as an operator runs them: on an embedded database on disk, and, when the suite
// runs against a PostgreSQL server, on databases of their own on that server.
const TIMEOUT = 120_000;

let workDir: string;
let savedEnv: { PULIH_DATA_DIR: string | undefined; DATABASE_URL: string | undefined };

function setEnv(key: 'PULIH_DATA_DIR' | 'DATABASE_URL', value: string | undefined): void {
  if (value === undefined) Reflect.deleteProperty(process.env, key);
  else process.env[key] = value;
}

beforeEach(() => {
  savedEnv = { PULIH_DATA_DIR: process.env.PULIH_DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
  workDir = mkdtempSync(path.join(tmpdir(), 'pulih-backup-'));
  setEnv('DATABASE_URL', undefined);
  setEnv('PULIH_DATA_DIR', path.join(workDir, 'a'));
});

afterEach(() => {
  setEnv('PULIH_DATA_DIR', savedEnv.PULIH_DATA_DIR);
  setEnv('DATABASE_URL', savedEnv.DATABASE_URL);
  rmSync(workDir, { recursive: true, force: true });
});

/** Runs `pulih <args>` in-process, with its exit code and what it printed. */
async function run(args: string[]) {
  const io = fakeIo();
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

async function seed(): Promise<void> {
  const result = await run(['seed', '--anchor', '2026-11-01']);
  if (result.code !== 0) throw new Error(`seed failed: ${result.err}`);
}

type Query = (text: string) => Promise<Record<string, unknown>[]>;

/** Every table's row count and a checksum of its rows, in a stable order. */
async function fingerprint(query: Query): Promise<Record<string, string>> {
  const tables = await query(`SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
  const result: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await query(`SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS sum FROM ${String(name)} t`);
    result[String(name)] = `${String(row?.n)}:${String(row?.sum)}`;
  }
  return result;
}

async function pgliteFingerprint(dataDir: string): Promise<Record<string, string>> {
  const pglite = await PGlite.create({ dataDir: path.join(dataDir, 'pglite'), ...PGLITE_OPTIONS });
  try {
    return await fingerprint(async (text) => (await pglite.query<Record<string, unknown>>(text)).rows);
  } finally {
    await pglite.close();
  }
}

describe('backup and restore on the embedded database', () => {
  it('restores into an empty data directory exactly what was backed up', async () => {
    await seed();
    const file = path.join(workDir, 'cadangan.tar.gz');
    expect((await run(['backup', file])).code).toBe(0);

    setEnv('PULIH_DATA_DIR', path.join(workDir, 'b'));
    const restored = await run(['restore', file]);

    expect(restored.err).toBe('');
    expect(restored.code).toBe(0);
    const [before, after] = [await pgliteFingerprint(path.join(workDir, 'a')), await pgliteFingerprint(path.join(workDir, 'b'))];
    expect(Object.keys(after).length).toBeGreaterThan(40);
    expect(after.wbp).not.toMatch(/^0:/);
    expect(after).toEqual(before);
  }, TIMEOUT);

  it('refuses to replace a database that has data without --force, exits 2 and leaves it as it was', async () => {
    await seed();
    const file = path.join(workDir, 'cadangan.tar.gz');
    await run(['backup', file]);
    const before = await pgliteFingerprint(path.join(workDir, 'a'));

    const refused = await run(['restore', file]);

    expect(refused.code).toBe(2);
    expect(refused.err).toContain('--force');
    expect(await pgliteFingerprint(path.join(workDir, 'a'))).toEqual(before);
  }, TIMEOUT);

  it('with --force keeps the replaced database beside the restored one', async () => {
    await seed();
    const file = path.join(workDir, 'cadangan.tar.gz');
    await run(['backup', file]);

    const forced = await run(['restore', file, '--force']);

    expect(forced.code).toBe(0);
    const kept = readdirSync(path.join(workDir, 'a')).filter((name) => name.startsWith('pglite.sebelum-pulih-'));
    expect(kept).toHaveLength(1);
    expect(forced.out).toContain(kept[0]);
  }, TIMEOUT);

  it('refuses a file that is not a backup with exit 2 and creates no database', async () => {
    const file = path.join(workDir, 'bukan.csv');
    writeFileSync(file, 'noSdp,nama\n');

    const refused = await run(['restore', file]);

    expect(refused.code).toBe(2);
    expect(refused.err).toContain('bukan cadangan');
    expect(existsSync(path.join(workDir, 'a', 'pglite'))).toBe(false);
  });

  it('refuses to back up where there is no database, with exit 2', async () => {
    const refused = await run(['backup', path.join(workDir, 'x.tar.gz')]);

    expect(refused.code).toBe(2);
    expect(refused.err).toContain('tidak ada basis data');
  });

  it('names the usage when the file is missing, through the pulih command', async () => {
    const io = fakeIo();

    expect(await main(['restore'], io)).toBe(2);
    expect(io.err()).toContain('pulih restore BERKAS');
  });
});

const serverUrl = process.env.TEST_DATABASE_URL;

describe.runIf(serverUrl)('backup and restore on PostgreSQL', () => {
  const created: string[] = [];

  const admin = <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => withClient(String(serverUrl), work);

  async function newDatabase(): Promise<string> {
    const name = `pulih_backup_${randomBytes(5).toString('hex')}`;
    await admin((client) => client.query(`CREATE DATABASE ${name}`));
    created.push(name);
    return databaseUrl(String(serverUrl), name);
  }

  const postgresFingerprint = (url: string): Promise<Record<string, string>> =>
    withClient(url, (client) => fingerprint(async (text) => (await client.query<Record<string, unknown>>(text)).rows));

  afterEach(async () => {
    await admin(async (client) => {
      for (const name of created.splice(0)) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    });
  });

  it('restores into an empty database exactly what pg_dump backed up', async () => {
    const source = await newDatabase();
    const target = await newDatabase();
    setEnv('DATABASE_URL', source);
    await seed();
    const file = path.join(workDir, 'cadangan.dump');
    expect((await run(['backup', file])).code).toBe(0);

    setEnv('DATABASE_URL', target);
    const restored = await run(['restore', file]);

    expect(restored.code).toBe(0);
    const after = await postgresFingerprint(target);
    expect(after.wbp).not.toMatch(/^0:/);
    expect(after).toEqual(await postgresFingerprint(source));
  }, TIMEOUT);

  it('refuses to replace a database that has data without --force, with exit 2', async () => {
    const source = await newDatabase();
    setEnv('DATABASE_URL', source);
    await seed();
    const file = path.join(workDir, 'cadangan.dump');
    await run(['backup', file]);

    const refused = await run(['restore', file]);

    expect(refused.code).toBe(2);
    expect(refused.err).toContain('--force');
  }, TIMEOUT);

  it('refuses an embedded database backup on PostgreSQL, with exit 2', async () => {
    await seed();
    const file = path.join(workDir, 'cadangan.tar.gz');
    await run(['backup', file]);
    setEnv('DATABASE_URL', await newDatabase());

    const refused = await run(['restore', file]);

    expect(refused.code).toBe(2);
    expect(refused.err).toContain('bukan cadangan PostgreSQL');
  }, TIMEOUT);
});
