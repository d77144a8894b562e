import { TIMELINE_KINDS } from '../shared/contracts/record.ts';
import { jakartaDate } from '../shared/domain/dates.ts';
import { openPostgres } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { timeline } from '../server/modules/record/record.repository.ts';
import { hashPassword } from '../server/platform/passwords.ts';
import type { Figure } from './harness.ts';
import { type LoadSummary, describeLoad, runConcurrently, runLoad } from './load.ts';
import { NO_POSTGRES, benchPostgres } from './postgres.ts';
import { childEnv, signIn, spawnServer } from './processes.ts';
import { ENTRIES, STAFF_PASSWORD, STAFF_USERNAME, buildRecordWorld } from './record-world.ts';

const CONNECTIONS = 32;
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 10);
const WARMUP_SECONDS = 3;
/** Both servers keep at most this many connections to PostgreSQL (the app's DATABASE_POOL_MAX default). */
const POOL_MAX = 10;
const PAGE_SIZE = 25;

async function measure(origin: string, requestsFor: Parameters<typeof runLoad>[0]['requestsFor']): Promise<LoadSummary> {
  await runLoad({ url: origin, connections: CONNECTIONS, seconds: WARMUP_SECONDS, requestsFor });
  return runLoad({ url: origin, connections: CONNECTIONS, seconds: SECONDS, requestsFor });
}

/**
 * A person's record under load on PostgreSQL: the first timeline page of the person with 2,000
 * entries (bench/record-world.ts), asked by 32 signed-in staff of the unit at once over real HTTP on
 * localhost, from `pulih serve` itself (session, policy, scope, the page and its counts, the audit
 * row, serialisation). The baseline is a bare Fastify app reading the same person by primary key
 * through a pg Pool, the floor of any HTTP API on this machine and database. Each server runs as a
 * process of its own; the load generator (autocannon) runs in this one; 32 connections for SECONDS
 * after a warm-up, p95 from every answer's latency.
 */
export async function apiLoadBench(): Promise<Figure[]> {
  const server = await benchPostgres();
  if (!server) {
    console.log(`load: skipped; this figure ${NO_POSTGRES}`);
    return [];
  }
  try {
    const url = await server.database('load');
    const handle = openPostgres(url, { max: POOL_MAX });
    let subject: string;
    let sqlAlone: LoadSummary;
    try {
      await migrateToLatest(handle.db);
      const world = await buildRecordWorld(handle.db);
      subject = world.subject;
      // 32 staff of the unit, one per connection, each with a session of their own.
      const password_hash = await hashPassword(STAFF_PASSWORD);
      await handle.db.insertInto('users').values(Array.from({ length: CONNECTIONS - 1 }, (_, i) => ({
        username: `${STAFF_USERNAME}.${i + 2}`, full_name: `Bench ${i + 2}`, role: 'clinic_staff' as const, organization_id: world.unitId, password_hash,
      }))).execute();
      // Not a figure: what the page's one statement sustains by itself at the same concurrency and pool
      // size, without HTTP, session or audit, to show how much of the API's cost is that query.
      const page = () => timeline(handle.db, {
        wbpId: world.subject, kinds: TIMELINE_KINDS, shown: TIMELINE_KINDS, today: jakartaDate(new Date()), limit: PAGE_SIZE, offset: 0,
      });
      await runConcurrently(CONNECTIONS, WARMUP_SECONDS, page);
      sqlAlone = await runConcurrently(CONNECTIONS, SECONDS, page);
    } finally {
      await handle.close();
    }
    console.log(`${server.where}: one person with ${ENTRIES} timeline entries; ${CONNECTIONS} connections, ${SECONDS} s each after ${WARMUP_SECONDS} s of warm-up; both servers pool ${POOL_MAX} connections`);
    console.log(`  (for reference) the timeline page's SQL alone, ${CONNECTIONS} at once, no HTTP: ${describeLoad(sqlAlone)}`);

    const app = await spawnServer({
      args: ['bin/pulih.mjs', 'serve'], probePath: '/api/health',
      env: childEnv({
        DATABASE_URL: url, DATABASE_POOL_MAX: String(POOL_MAX), PULIH_SEED_DEMO: 'false', PULIH_SECURE_COOKIES: 'false',
        PULIH_LOGIN_MAX_PER_15_MIN: '1000', PULIH_LOG_LEVEL: 'warn',
      }),
    });
    let api: LoadSummary;
    try {
      const usernames = [STAFF_USERNAME, ...Array.from({ length: CONNECTIONS - 1 }, (_, i) => `${STAFF_USERNAME}.${i + 2}`)];
      const cookies: string[] = [];
      for (const username of usernames) cookies.push(await signIn(app.origin, username, STAFF_PASSWORD));
      const path = `/api/wbp/${subject}/timeline?page=1&pageSize=${PAGE_SIZE}`;
      const first = await fetch(`${app.origin}${path}`, { headers: { cookie: cookies[0] ?? '' } });
      const body = (await first.json()) as { total?: number };
      if (first.status !== 200 || body.total !== ENTRIES) throw new Error(`${path}: ${first.status}, total ${body.total} (expected ${ENTRIES})`);
      api = await measure(app.origin, (n) => [{ method: 'GET', path, headers: { cookie: cookies[n % cookies.length] ?? '' } }]);
    } finally {
      await app.stop();
    }
    console.log(`  record API (pulih serve): ${describeLoad(api)}`);

    const bare = await spawnServer({
      args: ['--import', 'tsx', 'bench/bare-fastify.ts'], probePath: `/wbp/${subject}`,
      env: childEnv({ BENCH_BARE_DATABASE_URL: url, BENCH_BARE_POOL_MAX: String(POOL_MAX) }),
    });
    let baseline: LoadSummary;
    try {
      if (bare.firstStatus !== 200) throw new Error(`bare server: /wbp/${subject} answered ${bare.firstStatus}`);
      baseline = await measure(bare.origin, () => [{ method: 'GET', path: `/wbp/${subject}` }]);
    } finally {
      await bare.stop();
    }
    console.log(`  bare Fastify + pg primary-key lookup: ${describeLoad(baseline)}`);

    const name = `load: a person's record (2,000 entries), ${CONNECTIONS} connections, PostgreSQL`;
    const baselineName = 'bare Fastify + pg primary-key lookup, same load';
    return [
      {
        name: `${name} (req/s)`, unit: 'req/s', value: api.perSecond, baselineName, baseline: baseline.perSecond,
        ratio: api.perSecond / baseline.perSecond, target: '≥ 0.5× the baseline', met: api.perSecond / baseline.perSecond >= 0.5,
      },
      {
        name: `${name} (p95)`, unit: 'ms', value: api.p95, baselineName, baseline: baseline.p95,
        ratio: api.p95 / baseline.p95, target: '< 30 ms', met: api.p95 < 30,
      },
    ];
  } finally {
    await server.close();
  }
}
