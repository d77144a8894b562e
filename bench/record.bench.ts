import { TIMELINE_KINDS } from '../shared/contracts/record.ts';
import { jakartaDate } from '../shared/domain/dates.ts';
import { buildApp } from '../server/app.ts';
import { openPglite } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { timeline } from '../server/modules/record/record.repository.ts';
import { type Figure, percentile, sample } from './harness.ts';
import { ENTRIES, FIRST_DAY, NOW, OTHERS, STAFF_PASSWORD, STAFF_USERNAME, TODAY, buildRecordWorld } from './record-world.ts';

const RUNS = 60;
const PAGE_SIZE = 25;

/**
 * One person with 2,000 timeline entries spread over every kind across two years (sessions the
 * most, as in a long Therapeutic Community stay), in a unit where 300 other people have histories
 * of their own, so the indexes on the person do the work. The first page of the timeline through
 * the whole API (session, policy, scope, the page and the counts per kind, audit, serialisation)
 * is measured against its one statement (the page and the counts) run directly on the same
 * database in the same run.
 */
export async function recordBench(): Promise<Figure[]> {
  const handle = await openPglite(undefined);
  const { db } = handle;
  await migrateToLatest(db);
  const { subject } = await buildRecordWorld(db);

  const app = await buildApp({
    db, databaseKind: 'pglite', logger: false, now: () => NOW,
    config: { sessionIdleMs: 3_600_000, sessionAbsoluteMs: 3_600_000, loginMaxPer15Min: 100, secureCookies: 'false', logLevel: 'silent', webRoot: '/nonexistent' },
  });
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: STAFF_USERNAME, password: STAFF_PASSWORD } });
  const cookie = `pulih_sid=${login.cookies.find((c) => c.name === 'pulih_sid')!.value}`;
  const url = `/api/wbp/${subject}/timeline?page=1&pageSize=${PAGE_SIZE}`;
  const first = await app.inject({ method: 'GET', url, headers: { cookie } });
  if (first.statusCode !== 200) throw new Error(`${url}: ${first.statusCode} ${first.body}`);
  const total = (first.json() as { total: number }).total;
  if (total !== ENTRIES) throw new Error(`the subject has ${total} timeline entries, not ${ENTRIES}`);
  console.log(`one person with ${total} timeline entries over ${FIRST_DAY}…${TODAY}, ${OTHERS} others in the unit`);

  const measured = async () => {
    const r = await app.inject({ method: 'GET', url, headers: { cookie } });
    if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode}`);
  };
  const bare = async () => {
    await timeline(db, { wbpId: subject, kinds: TIMELINE_KINDS, shown: TIMELINE_KINDS, today: jakartaDate(NOW), limit: PAGE_SIZE, offset: 0 });
  };
  const m = await sample(measured, RUNS);
  const b = await sample(bare, RUNS);
  const figures: Figure[] = [50, 95].map((p) => {
    const value = percentile(m, p);
    const baseline = percentile(b, p);
    return {
      name: `record: first timeline page of 2,000 entries (p${p})`, unit: 'ms', value, baselineName: 'bare SQL of the same page and counts',
      baseline, ratio: value / baseline, target: '< 200 ms', met: value < 200,
    };
  });
  await app.close();
  await handle.close();
  return figures;
}
