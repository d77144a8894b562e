import { createHash } from 'node:crypto';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CompiledQuery } from 'kysely';
import pg from 'pg';
import { buildApp } from '../server/app.ts';
import { type DatabaseHandle, openPglite, openPostgres } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { migrations } from '../server/db/migrations/index.ts';
import { indicatorQueries } from '../server/modules/reports/indicators.repository.ts';
import { type Scale } from '../server/seed/synthetic/country.ts';
import { DEFAULT_ANCHOR, DEFAULT_SEED, GENERATOR_VERSION, NATIONAL_ADMIN, SYNTHETIC_PASSWORD, generateCountry } from '../server/seed/synthetic/generate.ts';
import { openLoadTarget } from '../server/seed/synthetic/target.ts';
import { CUSTODIAL_KINDS } from '../shared/contracts/common.ts';
import { addDays } from '../shared/domain/dates.ts';
import { type Figure, percentile, sample } from './harness.ts';

const RUNS = Number(process.env.BENCH_DASHBOARD_RUNS ?? 10);
const SCALE = (process.env.BENCH_DASHBOARD_SCALE ?? 'national') as Scale;
const CACHE = path.resolve(import.meta.dirname, '.cache');

/**
 * The generated data is kept between runs, keyed by everything that changes it: the generator's
 * version, the seed, the anchor, the scale and the migrations. On PGlite it is a data directory under
 * bench/.cache; on PostgreSQL (BENCH_DATABASE_URL) a database of that server named after the key.
 */
function cacheKey(): string {
  const schema = createHash('sha256').update(Object.keys(migrations).join('\n')).digest('hex').slice(0, 10);
  return `${SCALE}_v${GENERATOR_VERSION}_s${DEFAULT_SEED}_${DEFAULT_ANCHOR.replaceAll('-', '')}_${schema}`;
}

async function generateInto(target: Parameters<typeof openLoadTarget>[0]): Promise<void> {
  console.log(`generating the ${SCALE} synthetic data (seed ${DEFAULT_SEED}); later runs reuse it`);
  const started = Date.now();
  const opened = await openLoadTarget(target);
  try {
    const result = await generateCountry({ scale: SCALE, seed: DEFAULT_SEED, anchor: DEFAULT_ANCHOR, sink: opened.sink });
    console.log(`generated ${result.units} units, ${Object.values(result.rows).reduce((a, b) => a + b, 0)} rows in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await opened.close();
  }
}

async function benchDatabase(): Promise<DatabaseHandle & { where: string }> {
  const key = cacheKey();
  const serverUrl = process.env.BENCH_DATABASE_URL;
  if (serverUrl) {
    const name = `pulih_bench_${key}`.toLowerCase();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (found.rowCount === 0) {
        // Created under a temporary name and renamed when complete, so a failed run leaves no half-filled cache.
        const building = `${name}_building`;
        await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
        await admin.query(`CREATE DATABASE ${building}`);
        const buildUrl = new URL(serverUrl);
        buildUrl.pathname = `/${building}`;
        await generateInto({ kind: 'postgres', url: buildUrl.toString() });
        await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
      }
    } finally {
      await admin.end();
    }
    const handle = openPostgres(url.toString(), { max: 10 });
    await migrateToLatest(handle.db);
    return { ...handle, where: `PostgreSQL ${url.host}/${name}` };
  }
  const dir = path.join(CACHE, key);
  const complete = path.join(dir, 'complete');
  if (!existsSync(complete)) {
    rmSync(dir, { recursive: true, force: true });
    await generateInto({ kind: 'pglite', dataDir: dir });
    writeFileSync(complete, `${new Date().toISOString()}\n`);
  }
  const handle = await openPglite(path.join(dir, 'pglite'));
  await migrateToLatest(handle.db);
  return { ...handle, where: `PGlite ${path.relative(process.cwd(), dir)}` };
}

/**
 * The national dashboard (`GET /api/reports/dashboard` as the national administrator) over the
 * synthetic country, through the whole API (session, policy, the actor's units, the choices, the
 * indicator queries, aggregation and suppression, serialisation), against the same indicator SQL
 * compiled and run directly on the same database in the same run: for a quarter and for a year.
 */
export async function dashboardBench(): Promise<Figure[]> {
  const handle = await benchDatabase();
  const { db } = handle;
  const anchorNow = new Date(`${DEFAULT_ANCHOR}T05:00:00Z`);
  const app = await buildApp({
    db, databaseKind: handle.kind, logger: false, now: () => anchorNow,
    config: { sessionIdleMs: 3_600_000, sessionAbsoluteMs: 3_600_000, loginMaxPer15Min: 100, secureCookies: 'false', logLevel: 'silent', webRoot: '/nonexistent' },
  });
  try {
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: NATIONAL_ADMIN, password: SYNTHETIC_PASSWORD } });
    const sid = login.cookies.find((c) => c.name === 'pulih_sid')?.value;
    if (login.statusCode !== 200 || !sid) throw new Error(`login as ${NATIONAL_ADMIN}: ${login.statusCode} ${login.body}`);
    const cookie = `pulih_sid=${sid}`;
    const units = (await db.selectFrom('organizations').select('id').where('kind', 'in', [...CUSTODIAL_KINDS]).execute()).map((u) => u.id);
    const people = await db.selectFrom('wbp').select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const attendance = await db.selectFrom('attendance').select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    console.log(`${handle.where}: ${units.length} units, ${Number(people.n)} people, ${Number(attendance.n)} attendance rows`);

    const figures: Figure[] = [];
    for (const [label, days] of [['3 months', 91], ['12 months', 365]] as const) {
      const from = addDays(DEFAULT_ANCHOR, -(days - 1));
      const to = DEFAULT_ANCHOR;
      const url = `/api/reports/dashboard?from=${from}&to=${to}`;
      const first = await app.inject({ method: 'GET', url, headers: { cookie } });
      if (first.statusCode !== 200) throw new Error(`${url}: ${first.statusCode} ${first.body}`);
      const body = first.json() as { level: string; units: unknown[] };
      if (body.level !== 'nation' || body.units.length !== units.length) throw new Error(`${url}: level ${body.level} with ${body.units.length} units, not the nation's ${units.length}`);

      const api = async () => {
        const r = await app.inject({ method: 'GET', url, headers: { cookie } });
        if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode}`);
      };
      // The repository's own queries for the same units and period, compiled once and run as plain SQL.
      const compiled: CompiledQuery[] = Object.values(indicatorQueries(db, { facilityIds: units, from, to, heldOn: to, today: to })).map((q) => q.compile());
      const bare = async () => {
        await Promise.all(compiled.map((q) => db.executeQuery(q)));
      };
      const measured = await sample(api, RUNS, 2);
      const baseline = await sample(bare, RUNS, 2);
      for (const p of [50, 95]) {
        const value = percentile(measured, p);
        const base = percentile(baseline, p);
        figures.push({
          name: `dashboard: nation, ${label}, ${SCALE} data on ${handle.kind === 'postgres' ? 'PostgreSQL' : 'PGlite'} (p${p})`, unit: 'ms', value,
          baselineName: 'the same indicator SQL run directly', baseline: base, ratio: value / base,
          ...(p === 95 ? { target: '≤ 1.3× and < 300 ms', met: value / base <= 1.3 && value < 300 } : {}),
        });
      }
    }
    return figures;
  } finally {
    await app.close();
    await handle.close();
  }
}
