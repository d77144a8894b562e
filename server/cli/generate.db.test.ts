import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, sql } from 'kysely';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { ASSIST_ID, ASSIST_VERSION, scoreInstrument } from '../../shared/instruments/index.ts';
import { buildApp } from '../app.ts';
import { type Db, PGLITE_OPTIONS, openPostgres } from '../db/database.ts';
import { PgliteDialect } from '../db/pgliteDialect.ts';
import type { Database } from '../db/schema.ts';
import { type CopySink, pgliteSink, postgresSink } from '../seed/synthetic/copy.ts';
import { DEFAULT_ANCHOR, NATIONAL_ADMIN, SYNTHETIC_PASSWORD, generateCountry, type GenerateResult } from '../seed/synthetic/generate.ts';
import { type LoadTarget, existingData, openLoadTarget } from '../seed/synthetic/target.ts';
import { fakeIo } from './fake-io.ts';
import { EXIT } from './io.ts';
import { main } from './main.ts';
import { databaseUrl as databaseUrlOn, withClient } from '../testing/postgres.ts';

// The generator loads through COPY, which needs the driver underneath Kysely, so these tests open
// their databases themselves from the suite's migrated template: a PGlite data directory, or a copy
// of the template database on the PostgreSQL server of TEST_DATABASE_URL.
const TIMEOUT = 120_000;

interface Target { db: Db; kind: 'pglite' | 'postgres'; sink: CopySink; close: () => Promise<void> }

let pgliteTemplate: Blob | undefined;
const serverUrl = process.env.TEST_DATABASE_URL;
const pgTemplate = inject('pgTemplate');

const databaseUrl = (name: string): string => databaseUrlOn(String(serverUrl), name);
const admin = <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => withClient(String(serverUrl), work);

async function freshTarget(): Promise<Target> {
  if (serverUrl && pgTemplate) {
    const name = `${pgTemplate}_copy_gen_${randomBytes(4).toString('hex')}`;
    await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${pgTemplate}`));
    const handle = openPostgres(databaseUrl(name), { max: 2 });
    const client = new pg.Client({ connectionString: databaseUrl(name) });
    await client.connect();
    return {
      db: handle.db, kind: 'postgres', sink: postgresSink(client),
      close: async () => {
        await client.end();
        await handle.close();
        await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      },
    };
  }
  const file = inject('pgliteTemplateFile');
  if (!file) throw new Error('the database suite runs with server/testing/global-setup.ts');
  pgliteTemplate ??= new Blob([readFileSync(file)]);
  const pglite = await PGlite.create({ ...PGLITE_OPTIONS, loadDataDir: pgliteTemplate });
  const db = new Kysely<Database>({ dialect: new PgliteDialect(pglite) });
  return { db, kind: 'pglite', sink: pgliteSink(pglite), close: () => db.destroy() };
}

/** md5 of a table's rows in a fixed order, as text: equal only if every value is. */
async function checksum(db: Db, table: string, orderBy: string): Promise<string> {
  const { rows } = await sql<{ md5: string }>`SELECT md5(coalesce(string_agg(t::text, E'\n' ORDER BY ${sql.raw(orderBy)}), '')) AS md5 FROM ${sql.table(table)} t`.execute(db);
  return rows[0]!.md5;
}

const CHECKED: [string, string][] = [
  ['organizations', 'id'], ['users', 'id'], ['wbp', 'id'], ['screenings', 'id'], ['assessments', 'id'], ['placement_decisions', 'id'],
  ['enrolments', 'id'], ['timetable_sessions', 'id'], ['attendance', 'session_id, wbp_id'], ['urine_tests', 'id'], ['referrals', 'id'],
];

async function checksums(db: Db): Promise<Record<string, string>> {
  const sums: Record<string, string> = {};
  for (const [table, order] of CHECKED) sums[table] = await checksum(db, table, order);
  return sums;
}

describe('the synthetic generator at unit scale', () => {
  let target: Target;
  let result: GenerateResult;

  beforeAll(async () => {
    target = await freshTarget();
    result = await generateCountry({ scale: 'unit', seed: 42, anchor: DEFAULT_ANCHOR, sink: target.sink });
  }, TIMEOUT);
  afterAll(async () => {
    await target.close();
  });

  it('holds one Rutan of 500 people, about half with a drug case, in one region', async () => {
    const units = await target.db.selectFrom('organizations').select(['kind', 'code']).where('kind', 'in', ['rutan', 'lapas', 'lpka']).execute();
    const people = await target.db.selectFrom('wbp').select(['case_articles', 'released_on']).execute();
    const regions = await target.db.selectFrom('organizations').select('id').where('kind', '=', 'kanwil').execute();
    expect(units).toEqual([{ kind: 'rutan', code: 'RUTAN-LPG-01' }]);
    expect(regions).toHaveLength(1);
    expect(people).toHaveLength(500);
    expect(people.filter((p) => p.case_articles.some((a) => a.includes('35/2009')))).toHaveLength(247);
    expect(people.filter((p) => p.released_on !== null).length).toBeGreaterThan(10);
  });

  it('gives the people histories on every step of the pathway', () => {
    const r = result.rows;
    expect(r.screenings).toBeGreaterThan(150);
    expect(r.assessments).toBeGreaterThan(100);
    expect(r.placement_decisions).toBeGreaterThan(80);
    expect(r.enrolments).toBeGreaterThan(80);
    expect(r.attendance).toBeGreaterThan(5_000);
    expect(r.urine_tests).toBeGreaterThan(300);
    expect(r.referrals).toBeGreaterThan(0);
    expect(r.aftercare_follow_ups).toBeGreaterThan(0);
  });

  it('stores each screening result as the real ASSIST scoring of its answers', async () => {
    const screenings = await target.db.selectFrom('screenings').select(['answers', 'result', 'overall_risk']).orderBy('id').limit(50).execute();
    expect(screenings).toHaveLength(50);
    for (const s of screenings) {
      const scored = scoreInstrument({ instrument: ASSIST_ID, version: ASSIST_VERSION, answers: s.answers });
      expect(scored.ok && scored.result).toEqual(s.result);
      expect(s.overall_risk).toBe((s.result as { overall: string }).overall);
    }
  });

  it('signs assessments with a class and decides only on signed ones', async () => {
    const unsigned = await target.db.selectFrom('placement_decisions as d').innerJoin('assessments as a', 'a.id', 'd.assessment_id')
      .select('d.id').where('a.status', '<>', 'signed').execute();
    const signed = await target.db.selectFrom('assessments').select(['final_class', 'rule_class']).where('status', '=', 'signed').execute();
    expect(unsigned).toEqual([]);
    expect(signed.length).toBeGreaterThan(100);
    expect(signed.every((a) => a.final_class !== null)).toBe(true);
    expect(new Set(signed.map((a) => a.rule_class))).toEqual(new Set(['rendah', 'menengah', 'tinggi']));
  });

  it('answers the app\'s own reads: the register, a person\'s screenings and the national overview', async () => {
    const app = await buildApp({
      db: target.db, databaseKind: target.kind, logger: false,
      config: { sessionIdleMs: 3_600_000, sessionAbsoluteMs: 3_600_000, loginMaxPer15Min: 100, secureCookies: 'false', logLevel: 'silent', webRoot: '/nonexistent' },
    });
    try {
      const signIn = async (username: string) => {
        const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: SYNTHETIC_PASSWORD } });
        expect(login.statusCode, login.body).toBe(200);
        return `pulih_sid=${login.cookies.find((c) => c.name === 'pulih_sid')?.value}`;
      };
      const clinic = await signIn('klinik.rutan-lpg-01');
      const register = await app.inject({ method: 'GET', url: '/api/wbp?custody=all&pageSize=100', headers: { cookie: clinic } });
      expect(register.statusCode, register.body).toBe(200);
      expect((register.json() as { total: number }).total).toBe(500);

      const screened = await target.db.selectFrom('screenings').select(['wbp_id', 'answers']).orderBy('id').limit(1).executeTakeFirstOrThrow();
      const screenings = await app.inject({ method: 'GET', url: `/api/wbp/${screened.wbp_id}/screenings`, headers: { cookie: clinic } });
      expect(screenings.statusCode, screenings.body).toBe(200);
      const item = (screenings.json() as { items: { answers: unknown; result: unknown }[] }).items[0]!;
      const scored = scoreInstrument({ instrument: ASSIST_ID, version: ASSIST_VERSION, answers: item.answers });
      expect(scored.ok && scored.result).toEqual(item.result);

      const national = await signIn(NATIONAL_ADMIN);
      const overview = await app.inject({ method: 'GET', url: '/api/stats/overview', headers: { cookie: national } });
      expect(overview.statusCode, overview.body).toBe(200);
      const held = await target.db.selectFrom('wbp').select('id').where('released_on', 'is', null).execute();
      expect((overview.json() as { facilities: { held: number }[] }).facilities.map((f) => f.held)).toEqual([held.length]);
    } finally {
      await app.close();
    }
  });

  it('gives byte-identical rows for the same seed, and different ones for another seed', { timeout: TIMEOUT }, async () => {
    const again = await freshTarget();
    const other = await freshTarget();
    try {
      const second = await generateCountry({ scale: 'unit', seed: 42, anchor: DEFAULT_ANCHOR, sink: again.sink });
      await generateCountry({ scale: 'unit', seed: 43, anchor: DEFAULT_ANCHOR, sink: other.sink });
      expect(second.rows).toEqual(result.rows);
      const first = await checksums(target.db);
      expect(await checksums(again.db)).toEqual(first);
      expect((await checksums(other.db)).wbp).not.toBe(first.wbp);
    } finally {
      await again.close();
      await other.close();
    }
  });

  it('loads the same rows when every foreign key is checked row by row as they arrive', { timeout: TIMEOUT }, async () => {
    const checked = await freshTarget();
    try {
      const loaded = await generateCountry({ scale: 'unit', seed: 42, anchor: DEFAULT_ANCHOR, sink: checked.sink, rowChecks: true });
      expect(loaded.foreignKeys).toBe('row');
      expect(await checksums(checked.db)).toEqual(await checksums(target.db));
    } finally {
      await checked.close();
    }
  });
});

describe('pulih generate', () => {
  let workDir: string;
  let database: { args: string[]; target: LoadTarget; drop: () => Promise<void> };

  /** For calls refused before any database is opened. */
  function noDatabase(): void {
    workDir = mkdtempSync(path.join(tmpdir(), 'pulih-generate-'));
    database = { args: [], target: { kind: 'pglite', dataDir: path.join(workDir, 'data') }, drop: async () => undefined };
  }

  afterEach(async () => {
    await database.drop();
    rmSync(workDir, { recursive: true, force: true });
  });

  /** A database of the test's own: an empty PostgreSQL database, or a PGlite data directory. */
  async function emptyDatabase(): Promise<void> {
    workDir = mkdtempSync(path.join(tmpdir(), 'pulih-generate-'));
    if (serverUrl) {
      const name = `pulih_generate_${randomBytes(4).toString('hex')}`;
      await admin((c) => c.query(`CREATE DATABASE ${name}`));
      database = {
        args: ['--database-url', databaseUrl(name)], target: { kind: 'postgres', url: databaseUrl(name) },
        drop: async () => {
          await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
        },
      };
    } else {
      const dataDir = path.join(workDir, 'data');
      database = { args: ['--data-dir', dataDir], target: { kind: 'pglite', dataDir }, drop: async () => undefined };
    }
  }

  it('fills an empty database, exits 0 and prints the rows per table and how to sign in', { timeout: TIMEOUT }, async () => {
    await emptyDatabase();
    const io = fakeIo();

    const code = await main(['generate', '--scale', 'unit', '--seed', '7', ...database.args], io);

    expect(code, io.err()).toBe(EXIT.ok);
    expect(io.out()).toMatch(/1 kanwil, 1 unit, \d+ baris; kunci asing diperiksa sekaligus sebelum commit\./);
    expect(io.out()).toMatch(/\n {2}wbp +500\n/);
    expect(io.out()).toContain(`Masuk sebagai ${NATIONAL_ADMIN}`);
  });

  it('refuses a database that already holds data with exit 2, and leaves it as it was', { timeout: TIMEOUT }, async () => {
    await emptyDatabase();
    expect(await main(['generate', '--scale', 'unit', '--seed', '7', ...database.args], fakeIo())).toBe(EXIT.ok);
    const io = fakeIo();

    const code = await main(['generate', '--scale', 'unit', '--seed', '8', ...database.args], io);

    expect(code).toBe(EXIT.invalid);
    expect(io.err()).toMatch(/^pulih generate: .* sudah berisi data \(\d+ organisasi, 500 warga binaan\); data sintetis hanya diisikan ke basis data kosong\.\n$/);
    const opened = await openLoadTarget(database.target);
    try {
      expect(await existingData(opened.db)).toEqual({ organizations: 6, people: 500 });
    } finally {
      await opened.close();
    }
  });

  it('refuses an unknown scale with exit 2, naming --scale, before opening any database', async () => {
    noDatabase();
    const io = fakeIo();

    const code = await main(['generate', '--scale', 'kota', '--data-dir', path.join(workDir, 'data')], io);

    expect(code).toBe(EXIT.invalid);
    expect(io.err()).toBe('pulih generate: --scale harus salah satu dari unit, region, national, bukan "kota"\n');
    expect(() => readFileSync(path.join(workDir, 'data', 'pglite', 'PG_VERSION'))).toThrow();
  });

  it('refuses a call without --scale with exit 2, naming the option', async () => {
    noDatabase();
    const io = fakeIo();

    expect(await main(['generate'], io)).toBe(EXIT.invalid);
    expect(io.err()).toMatch(/^pulih generate: --scale wajib diisi \(unit, region, national\)/);
  });

  it('refuses a seed that is not a whole number with exit 2', async () => {
    noDatabase();
    const io = fakeIo();

    expect(await main(['generate', '--scale', 'unit', '--seed', 'satu'], io)).toBe(EXIT.invalid);
    expect(io.err()).toBe('pulih generate: --seed harus bilangan bulat 0 sampai 4294967295, bukan "satu"\n');
  });
});
