import { type Kysely, sql } from 'kysely';
import { buildApp } from '../server/app.ts';
import { openPglite } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import type { Database, NewWbp } from '../server/db/schema.ts';
import type { AgreementScope } from '../shared/domain/agreements.ts';
import { hashPassword } from '../server/platform/passwords.ts';
import { seededRandom, pick, intBetween } from '../server/seed/random.ts';
import { addDays } from '../shared/domain/dates.ts';
import { FAMILY, MALE_GIVEN } from '../server/seed/names.ts';
import { type Figure, percentile, sample } from './harness.ts';

const PEOPLE = 10_000;
const RUNS = 60;

/**
 * The register of one unit holding 10,000 people: a page of the list, a name search and the last
 * page, through the whole API (session, policy, audit, serialisation), against the bare SQL of
 * the same page run directly on the same database in the same run.
 */
export async function registerBench(): Promise<Figure[]> {
  const handle = await openPglite(undefined);
  const { db } = handle;
  await migrateToLatest(db);
  const unit = await db.insertInto('organizations').values({ kind: 'rutan', code: 'RUTAN-BENCH', name: 'Rutan Bench' }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('users').values({
    username: 'bench.klinik', full_name: 'Bench', role: 'clinic_staff', organization_id: unit.id, password_hash: await hashPassword('Bench-Sandi-2026'),
  }).execute();
  const random = seededRandom(7);
  const rows: NewWbp[] = [];
  for (let i = 0; i < PEOPLE; i += 1) {
    const block = pick(random, ['A', 'B', 'C', 'D', 'E', 'F']);
    rows.push({
      sdp_number: `AII.2025.${String(i).padStart(6, '0')}`, full_name: `${pick(random, MALE_GIVEN)} ${pick(random, FAMILY)}`, sex: 'L',
      legal_status: 'tahanan', case_articles: ['UU 35/2009 Pasal 112'], facility_id: unit.id, block: `Blok ${block}`,
      room: `${block}-${intBetween(random, 1, 40)}`, admission_date: addDays('2026-01-01', -intBetween(random, 0, 900)),
    });
  }
  for (let i = 0; i < rows.length; i += 1000) await db.insertInto('wbp').values(rows.slice(i, i + 1000)).execute();
  const partnerId = await partnerWithAgreements(db, unit.id);
  await db.insertInto('users').values({
    username: 'bench.asesor', full_name: 'Bench Asesor', role: 'assessor', organization_id: partnerId, password_hash: await hashPassword('Bench-Sandi-2026'),
  }).execute();
  await sql`ANALYZE`.execute(db);

  const app = await buildApp({
    db, databaseKind: 'pglite', logger: false,
    config: { sessionIdleMs: 3_600_000, sessionAbsoluteMs: 3_600_000, loginMaxPer15Min: 100, secureCookies: 'false', logLevel: 'silent', webRoot: '/nonexistent' },
  });
  const signIn = async (username: string) => {
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'Bench-Sandi-2026' } });
    return `pulih_sid=${login.cookies.find((c) => c.name === 'pulih_sid')!.value}`;
  };
  const cookie = await signIn('bench.klinik');
  const partnerCookie = await signIn('bench.asesor');
  const get = (url: string, as = cookie) => async () => {
    const r = await app.inject({ method: 'GET', url, headers: { cookie: as } });
    if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode}`);
  };
  const bare = (offset: number, q?: string) => async () => {
    let query = db.selectFrom('wbp').selectAll().where('facility_id', '=', unit.id);
    if (q) query = query.where(sql`lower(full_name)`, 'like', `%${q}%`);
    await query.orderBy(sql`lower(full_name)`).orderBy('id').limit(25).offset(offset).execute();
  };

  const cases: [string, () => Promise<void>, () => Promise<void>][] = [
    ['register: first page of 10,000 (p95)', get('/api/wbp?page=1&pageSize=25'), bare(0)],
    ['register: last page of 10,000 (p95)', get(`/api/wbp?page=${PEOPLE / 25}&pageSize=25`), bare(PEOPLE - 25)],
    ['register: name search in 10,000 (p95)', get('/api/wbp?q=saputra&pageSize=25'), bare(0, 'saputra')],
  ];
  // A partner's units are read from its agreements in force on every request; the same page as the
  // unit's own staff, in the same run, shows what that costs.
  const partnerPage = get(`/api/wbp?page=1&pageSize=25&facilityId=${unit.id}`, partnerCookie);
  const staffPage = get(`/api/wbp?page=1&pageSize=25&facilityId=${unit.id}`);
  const pm = percentile(await sample(partnerPage, RUNS), 95);
  const sm = percentile(await sample(staffPage, RUNS), 95);
  const partnerFigure: Figure = {
    name: `register: first page as a partner with ${AGREEMENTS} agreements (p95)`, unit: 'ms', value: pm,
    baselineName: "the same page as the unit's own staff", baseline: sm, ratio: pm / sm, target: '< 200 ms', met: pm < 200,
  };
  const figures: Figure[] = [];
  for (const [name, measured, baseline] of cases) {
    const m = percentile(await sample(measured, RUNS), 95);
    const b = percentile(await sample(baseline, RUNS), 95);
    figures.push({ name, unit: 'ms', value: m, baselineName: 'bare SQL of one page', baseline: b, ratio: m / b, target: '< 200 ms', met: m < 200 });
  }
  figures.push(partnerFigure);
  await app.close();
  await handle.close();
  return figures;
}

const AGREEMENTS = 200;

/**
 * A BNNK with agreements in force with the bench unit and 199 other units (three parties each, as
 * agreements often have), and as many agreements between other partners it is not party to.
 */
async function partnerWithAgreements(db: Kysely<Database>, unitId: string): Promise<string> {
  const [partner, other] = await db.insertInto('organizations').values([
    { kind: 'bnnk', code: 'BNNK-BENCH', name: 'BNNK Bench' }, { kind: 'dinkes', code: 'DINKES-BENCH', name: 'Dinkes Bench' },
  ]).returning('id').execute();
  const units = await db.insertInto('organizations')
    .values(Array.from({ length: AGREEMENTS - 1 }, (_, i) => ({ kind: 'rutan' as const, code: `RUTAN-B${i}`, name: `Rutan B${i}` })))
    .returning('id').execute();
  const unitIds = [unitId, ...units.map((u) => u.id)];
  for (const [i, id] of unitIds.entries()) {
    const [mine, theirs] = await db.insertInto('agreements').values([0, 1].map((k) => ({
      number: `PKS/${i}/${k}`, title: 'Bench', kind: 'pks' as const, signed_on: '2025-01-01', valid_from: '2025-01-01', valid_until: '2099-12-31',
      scopes: ['screening', 'assessment'] as AgreementScope[],
    }))).returning('id').execute();
    await db.insertInto('agreement_parties').values([
      { agreement_id: mine!.id, organization_id: id }, { agreement_id: mine!.id, organization_id: partner!.id }, { agreement_id: mine!.id, organization_id: other!.id },
      { agreement_id: theirs!.id, organization_id: id }, { agreement_id: theirs!.id, organization_id: other!.id },
    ]).execute();
  }
  return partner!.id;
}
