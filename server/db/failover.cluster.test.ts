import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { type Session, signIn } from '../testing/app.ts';
import { makeOrganization, makeUser } from '../testing/factories.ts';
import { withClient } from '../testing/postgres.ts';
import { type DatabaseHandle, openPostgres } from './database.ts';
import { migrateToLatest } from './migrate.ts';

// A primary and its streaming replica on this machine, with synchronous replication as
// docs/operations.md sets it up. The app writes through the API; the primary is crashed in the
// middle of the writes; the replica is promoted; every write the app acknowledged must be there.
// Run by `npm run test:cluster` (CI), which needs the PostgreSQL server binaries.

const execFileAsync = promisify(execFile);
const SCRIPT = path.resolve(import.meta.dirname, '../../.ci/pg-server.sh');
const APP_CONFIG = { sessionIdleMs: 1_800_000, sessionAbsoluteMs: 43_200_000, loginMaxPer15Min: 1000, secureCookies: 'false', logLevel: 'silent', webRoot: '/nonexistent' } as const;

async function pgServer(args: string[], env: Record<string, string> = {}): Promise<string> {
  const { stdout } = await execFileAsync('bash', [SCRIPT, ...args], { env: { ...process.env, ...env } });
  return stdout.trim();
}

const query = <T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> =>
  withClient(url, async (client) => (await client.query<T>(text)).rows);

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

let base: string;
let primaryUrl: string;
let replicaUrl: string;
let primary: DatabaseHandle;
let replica: DatabaseHandle;
let app: FastifyInstance;
let unitId: string;
let clinicUsername: string;

beforeAll(async () => {
  base = mkdtempSync(path.join(tmpdir(), 'pulih-failover-'));
  chmodSync(base, 0o755); // the server runs as the postgres user when the suite runs as root
  primaryUrl = await pgServer(['start', path.join(base, 'primary')], { PG_DURABLE: '1' });
  replicaUrl = await pgServer(['replica', path.join(base, 'replica'), path.join(base, 'primary')]);
  // A commit returns only once the replica has flushed it to disk.
  await query(primaryUrl, `ALTER SYSTEM SET synchronous_standby_names = '*'`);
  await query(primaryUrl, 'SELECT pg_reload_conf()');
  await until('the replica is synchronous', async () =>
    (await query<{ sync_state: string }>(primaryUrl, 'SELECT sync_state FROM pg_stat_replication')).some((r) => r.sync_state === 'sync'));

  primary = openPostgres(primaryUrl, { max: 8 });
  replica = openPostgres(replicaUrl, { max: 4 });
  await migrateToLatest(primary.db);
  const unit = await makeOrganization(primary.db, { kind: 'rutan', capacity: 500 });
  unitId = unit.id;
  clinicUsername = (await makeUser(primary.db, { role: 'clinic_staff', organizationId: unit.id })).username;
  await makeUser(primary.db, { role: 'head_of_unit', organizationId: unit.id, username: 'karutan.failover' });
  app = await buildApp({ db: primary.db, readDb: replica.db, databaseKind: 'postgres', logger: false, config: APP_CONFIG });
  await app.ready();
}, 180_000);

afterAll(async () => {
  await app?.close();
  await Promise.allSettled([primary?.close(), replica?.close()]);
  for (const server of ['replica', 'primary']) await pgServer(['stop', path.join(base, server)]).catch(() => undefined);
  rmSync(base, { recursive: true, force: true });
}, 120_000);

function newPerson(n: number, prefix = 'FO') {
  return { sdpNumber: `AII.2026.${prefix}${String(n).padStart(5, '0')}`, fullName: `Warga Uji ${n}`, sex: 'L', legalStatus: 'tahanan', admissionDate: '2026-10-01', facilityId: unitId };
}

/** Registers people until told to stop; returns the SDP numbers the app answered 201 for. */
async function writer(session: Session, first: number, stop: { now: boolean }): Promise<string[]> {
  const acknowledged: string[] = [];
  for (let n = first; !stop.now; n += 1) {
    const person = newPerson(n);
    const response = await session.request({ method: 'POST', url: '/api/wbp', payload: person }).catch(() => null);
    if (response?.statusCode === 201) acknowledged.push(person.sdpNumber);
    else if (!response || response.statusCode >= 500) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return acknowledged;
}

describe('a primary and a synchronous streaming replica', () => {
  it('serve the reports from the replica, which sees the writes made on the primary', async () => {
    const clinic = await signIn(app, clinicUsername);
    const head = await signIn(app, 'karutan.failover');
    for (let n = 0; n < 3; n += 1) expect((await clinic.request({ method: 'POST', url: '/api/wbp', payload: newPerson(n, 'RD') })).statusCode).toBe(201);

    await until('the overview counts the three', async () => {
      const overview = await head.request({ method: 'GET', url: '/api/stats/overview' });
      return (overview.json() as { facilities: { held: number }[] }).facilities[0]?.held === 3;
    }, 10_000);
    expect((await query<{ n: number }>(replicaUrl, 'SELECT count(*)::int AS n FROM wbp'))[0]?.n).toBe(3);
  }, 60_000);

  it('lose no acknowledged write when the primary crashes and the replica is promoted', async () => {
    const session = await signIn(app, clinicUsername);
    const stop = { now: false };
    const writers = [0, 1, 2, 3].map((w) => writer(session, w * 10_000, stop));
    await until('the app has acknowledged 40 writes', async () =>
      ((await query<{ n: number }>(replicaUrl, `SELECT count(*)::int AS n FROM wbp WHERE sdp_number LIKE 'AII.2026.FO%'`))[0]?.n ?? 0) >= 40);

    await pgServer(['crash', path.join(base, 'primary')]);
    await new Promise((resolve) => setTimeout(resolve, 500)); // writes in flight meet the crash
    stop.now = true;
    const acknowledged = (await Promise.all(writers)).flat();
    await pgServer(['promote', path.join(base, 'replica')]);

    const kept = await query<{ sdp_number: string }>(replicaUrl, 'SELECT sdp_number FROM wbp');
    const keptNumbers = new Set(kept.map((r) => r.sdp_number));
    expect(acknowledged.length).toBeGreaterThanOrEqual(40);
    expect(acknowledged.filter((number) => !keptNumbers.has(number))).toEqual([]);

    // The app, pointed at the promoted server, takes writes again.
    const promoted = await buildApp({ db: replica.db, databaseKind: 'postgres', logger: false, config: APP_CONFIG });
    try {
      const again = await signIn(promoted, clinicUsername);
      expect((await again.request({ method: 'POST', url: '/api/wbp', payload: newPerson(0, 'PR') })).statusCode).toBe(201);
    } finally {
      await promoted.close();
    }
  }, 120_000);
});
