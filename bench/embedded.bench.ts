import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type autocannon from 'autocannon';
import { openPglite } from '../server/db/database.ts';
import { hashPassword } from '../server/platform/passwords.ts';
import { DEMO_PASSWORD } from '../server/seed/demo.ts';
import { type Figure, percentile } from './harness.ts';
import { type LoadSummary, describeLoad, runLoad } from './load.ts';
import { REPO, type SpawnedServer, childEnv, signIn, spawnServer } from './processes.ts';

const STARTS = 3;
const USERS = 20;
const SECONDS = Number(process.env.BENCH_EMBEDDED_SECONDS ?? 10);
const WARMUP_SECONDS = 3;
/** The demo's clinic staff member of Rutan Serang, the unit whose data the users share. */
const DEMO_STAFF = 'klinik.serang';
const REGISTER_PAGE = '/api/wbp?page=1&pageSize=25';

const median = (values: readonly number[]) => percentile(values, 50);

/** `pulih serve` on the embedded PGlite in `dataDir`, as an installation on one machine runs it. */
function serve(dataDir: string): Promise<SpawnedServer> {
  return spawnServer({
    args: ['bin/pulih.mjs', 'serve'], probePath: '/', timeoutMs: 300_000,
    env: childEnv({ PULIH_DATA_DIR: dataDir, PULIH_SEED_DEMO: 'auto', PULIH_SECURE_COOKIES: 'false', PULIH_LOGIN_MAX_PER_15_MIN: '1000', PULIH_LOG_LEVEL: 'warn' }),
  });
}

/** Spawns the server, and measures from the spawn to `GET /` answered and to the first signed-in page of the register. */
async function coldStart(dataDir: string): Promise<{ page: number; api: number; status: number }> {
  const server = await serve(dataDir);
  try {
    const cookie = await signIn(server.origin, DEMO_STAFF, DEMO_PASSWORD);
    const response = await fetch(`${server.origin}${REGISTER_PAGE}`, { headers: { cookie } });
    await response.arrayBuffer();
    const api = server.sinceSpawnMs();
    if (response.status !== 200) throw new Error(`${REGISTER_PAGE}: ${response.status}`);
    return { page: server.firstAnswerMs, api, status: server.firstStatus };
  } finally {
    await server.stop();
  }
}

async function bareColdStart(): Promise<number> {
  const server = await spawnServer({ args: ['bench/bare-http.mjs'], probePath: '/', env: childEnv({}) });
  await server.stop();
  return server.firstAnswerMs;
}

/**
 * The embedded mode, one machine and no database server: `node bin/pulih.mjs serve` on PGlite.
 * Cold start: from spawning the process to `GET /` answered and to a signed-in first page of the
 * register (a sign-in, then the page), once on an empty data directory (migrations and the demo
 * data made on the way) and STARTS times on that directory migrated and seeded; the baseline is a
 * bare Node HTTP server spawned the same way, to its first answer. Then 20 signed-in staff of one
 * unit at once, each asking in turn for the register's first page and a person's record (the first
 * timeline page of the next person of the unit) without pause for SECONDS, against the same
 * requests from 1 user: p95 and requests per second.
 */
export async function embeddedBench(): Promise<Figure[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pulih-bench-embedded-'));
  const dataDir = path.join(dir, 'data');
  try {
    if (!existsSync(path.join(REPO, 'dist', 'web', 'index.html'))) {
      console.log('the web app is not built (npm run build): GET / is answered by the server with 404, not with the app page');
    }
    const bare: number[] = [];
    for (let i = 0; i < STARTS; i += 1) bare.push(await bareColdStart());
    const first = await coldStart(dataDir);
    console.log(`first start on an empty data directory: GET / ${first.status} after ${first.page.toFixed(0)} ms, signed-in first page after ${first.api.toFixed(0)} ms`);
    const starts: { page: number; api: number }[] = [];
    for (let i = 0; i < STARTS; i += 1) starts.push(await coldStart(dataDir));
    console.log(`starts on the migrated, seeded directory: GET / after ${starts.map((s) => s.page.toFixed(0)).join(', ')} ms; first page after ${starts.map((s) => s.api.toFixed(0)).join(', ')} ms`);
    console.log(`bare Node HTTP server: first answer after ${bare.map((b) => b.toFixed(0)).join(', ')} ms`);

    // Twenty staff of the demo's Rutan Serang (its clinic staff member and 19 more), written while no server has the directory open.
    const handle = await openPglite(path.join(dataDir, 'pglite'));
    let people: string[];
    const usernames = [DEMO_STAFF, ...Array.from({ length: USERS - 1 }, (_, i) => `bench.staf${i + 1}`)];
    try {
      const staff = await handle.db.selectFrom('users').select('organization_id').where('username', '=', DEMO_STAFF).executeTakeFirstOrThrow();
      const unitId = staff.organization_id;
      if (!unitId) throw new Error(`${DEMO_STAFF} belongs to no unit`);
      const password_hash = await hashPassword(DEMO_PASSWORD);
      await handle.db.insertInto('users').values(usernames.slice(1).map((username, i) => ({
        username, full_name: `Staf Bench ${i + 1}`, role: 'clinic_staff' as const, organization_id: unitId, password_hash,
      }))).execute();
      people = (await handle.db.selectFrom('wbp').select('id').where('facility_id', '=', unitId).where('released_on', 'is', null).orderBy('id').execute()).map((p) => p.id);
    } finally {
      await handle.close();
    }
    if (people.length === 0) throw new Error('the demo unit holds nobody');

    const server = await serve(dataDir);
    let many: LoadSummary;
    let one: LoadSummary;
    try {
      const cookies: string[] = [];
      for (const username of usernames) cookies.push(await signIn(server.origin, username, DEMO_PASSWORD));
      const record = (k: number) => `/api/wbp/${people[k % people.length]}/timeline?page=1&pageSize=25`;
      // Connection n is user n: the register's first page, then the record of the unit's next person, and again.
      const requestsFor = (n: number): autocannon.Request[] => {
        const headers = { cookie: cookies[n % cookies.length] ?? '' };
        let next = n;
        return [
          { method: 'GET', path: REGISTER_PAGE, headers },
          {
            method: 'GET', path: record(n), headers,
            setupRequest: (request) => {
              next += USERS;
              return { ...request, path: record(next) };
            },
          },
        ];
      };
      await runLoad({ url: server.origin, connections: USERS, seconds: WARMUP_SECONDS, requestsFor });
      many = await runLoad({ url: server.origin, connections: USERS, seconds: SECONDS, requestsFor });
      await runLoad({ url: server.origin, connections: 1, seconds: WARMUP_SECONDS, requestsFor });
      one = await runLoad({ url: server.origin, connections: 1, seconds: SECONDS, requestsFor });
    } finally {
      await server.stop();
    }
    console.log(`${people.length} people held in the unit; ${USERS} users: ${describeLoad(many)}`);
    console.log(`1 user: ${describeLoad(one)}`);

    const bareMedian = median(bare);
    const restart = median(starts.map((s) => s.api));
    const usersName = `embedded: ${USERS} users at once on one unit's data (register page and a record, no pause), PGlite`;
    return [
      {
        name: `embedded: cold start to a signed-in first page, PGlite migrated and seeded (median of ${STARTS})`, unit: 'ms', value: restart,
        baselineName: 'bare Node HTTP server to its first answer, spawned the same way', baseline: bareMedian, ratio: restart / bareMedian,
      },
      {
        name: 'embedded: first start to a signed-in first page, empty data directory (migrations and demo data)', unit: 'ms', value: first.api,
        baselineName: 'bare Node HTTP server to its first answer, spawned the same way', baseline: bareMedian, ratio: first.api / bareMedian,
      },
      {
        name: `${usersName} (p95)`, unit: 'ms', value: many.p95, baselineName: 'the same requests from 1 user', baseline: one.p95, ratio: many.p95 / one.p95,
      },
      {
        name: `${usersName} (req/s)`, unit: 'req/s', value: many.perSecond, baselineName: 'the same requests from 1 user', baseline: one.perSecond,
        ratio: many.perSecond / one.perSecond,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
