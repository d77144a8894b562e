import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DashboardResponse, type Indicators, dashboardResponse } from '../../../shared/contracts/reports.ts';
import { mondayOf } from '../../../shared/domain/dates.ts';
import { type Session, type TestApp, signIn, testApp } from '../../testing/app.ts';
import { makeOrganization, makeProgramme, makeScreening, makeUser, makeWbp } from '../../testing/factories.ts';
import { indicatorQueries } from './indicators.repository.ts';
import { indicatorsFor } from './indicators.service.ts';

// Monday 23 November 2026, 10:00 in Jakarta.
const NOW = new Date('2026-11-23T03:00:00Z');
const NOVEMBER = 'from=2026-11-01&to=2026-11-30';

let ctx: TestApp;

beforeEach(async () => {
  ctx = await testApp({ now: () => NOW });
});
afterEach(async () => ctx.close());

const DRUG = ['UU 35/2009 Pasal 112'];
let certificates = 0;
let decrees = 0;

/**
 * A small hand-made world: Kanwil A with Rutan Alpha (capacity 100, the full pathway) and Lapas Beta
 * (capacity 50, three people screened), Kanwil B with Rutan Gamma (one person screened), and the
 * Bapas of Kanwil A, which runs a post-rehabilitation programme.
 */
async function world() {
  const db = ctx.db;
  const ditjenpas = await makeOrganization(db, { kind: 'ditjenpas', name: 'Ditjenpas' });
  const kanwilA = await makeOrganization(db, { kind: 'kanwil', parent_id: ditjenpas.id, name: 'Kanwil A' });
  const kanwilB = await makeOrganization(db, { kind: 'kanwil', parent_id: ditjenpas.id, name: 'Kanwil B' });
  const alpha = await makeOrganization(db, { kind: 'rutan', parent_id: kanwilA.id, name: 'Rutan Alpha', capacity: 100 });
  const beta = await makeOrganization(db, { kind: 'lapas', parent_id: kanwilA.id, name: 'Lapas Beta', capacity: 50 });
  const gamma = await makeOrganization(db, { kind: 'rutan', parent_id: kanwilB.id, name: 'Rutan Gamma', capacity: 80 });
  const bapas = await makeOrganization(db, { kind: 'bapas', parent_id: kanwilA.id, name: 'Bapas A' });
  const head = await makeUser(db, { role: 'head_of_unit', organizationId: alpha.id });
  const staff = await makeUser(db, { role: 'clinic_staff', organizationId: alpha.id });
  const by = head.id;

  const held = (facilityId: string, o: { drug?: boolean; admitted?: string; released?: string | null } = {}) => makeWbp(db, {
    facility_id: facilityId, case_articles: o.drug === false ? ['KUHP Pasal 362'] : DRUG, admission_date: o.admitted ?? '2026-03-01',
    ...(o.released ? { released_on: o.released } : {}),
  });
  const assessment = async (wbpId: string, facilityId: string, finalClass: 'rendah' | 'menengah' | 'tinggi', signedAt: string) =>
    (await db.insertInto('assessments').values({
      wbp_id: wbpId, facility_id: facilityId, status: 'signed', form: '{}', exchange_rate: 16_000, composites: '{}', asi_problems: '[]',
      placement: '["social"]', rule_class: finalClass, rule_basis: 'asi', final_class: finalClass, signed_by: by, signed_at: new Date(signedAt),
    }).returning('id').executeTakeFirstOrThrow()).id;
  const decision = async (wbpId: string, facilityId: string, assessmentId: string, decreeDate: string) =>
    (await db.insertInto('placement_decisions').values({
      wbp_id: wbpId, facility_id: facilityId, assessment_id: assessmentId, decree_number: `SK/${(decrees += 1)}`, decree_date: decreeDate, place: 'inside_unit', decided_by: by,
    }).returning('id').executeTakeFirstOrThrow()).id;
  const enrol = async (e: { wbpId: string; programmeId: string; decisionId?: string; referralId?: string; start: string; status?: 'active' | 'completed' | 'dropped'; endedOn?: string }) =>
    db.insertInto('enrolments').values({
      wbp_id: e.wbpId, programme_id: e.programmeId, decision_id: e.decisionId ?? null, referral_id: e.referralId ?? null, status: e.status ?? 'active',
      start_date: e.start, ended_on: e.endedOn ?? null,
      outcome_reason: e.status === 'dropped' ? 'voluntary' : null,
      certificate_number: e.status === 'completed' ? `RTN/REH/2026/${(certificates += 1)}` : null,
    }).execute();
  const urine = async (wbpId: string, facilityId: string, plannedOn: string, outcome: 'negative' | 'positive' | 'invalid' | null) =>
    db.insertInto('urine_tests').values({
      wbp_id: wbpId, facility_id: facilityId, reason: 'routine', planned_on: plannedOn, status: outcome ? 'resulted' : 'planned', outcome,
      results: outcome ? JSON.stringify({ amphetamines: outcome }) : null, created_by: by,
    }).execute();
  const weeks = new Map<string, string>();
  const sessionOf = async (facilityId: string, programmeId: string, date: string, marks: [string, 'present' | 'absent' | 'excused'][]) => {
    const monday = mondayOf(date);
    let weekId = weeks.get(`${facilityId}/${monday}`);
    if (!weekId) {
      weekId = (await db.insertInto('timetable_weeks').values({ facility_id: facilityId, week_start: monday, week_index: 0, required: 1, placed: 1, groups: '[]', unplaced: '[]' })
        .returning('id').executeTakeFirstOrThrow()).id;
      weeks.set(`${facilityId}/${monday}`, weekId);
    }
    const room = await db.insertInto('rooms').values({ facility_id: facilityId, name: `Aula ${date}`, capacity: 20 }).returning('id').executeTakeFirstOrThrow();
    const session = await db.insertInto('timetable_sessions').values({
      week_id: weekId, facility_id: facilityId, programme_id: programmeId, session_code: 'morning_meeting', session_name: 'Morning meeting', mode: 'group',
      occurrence: 1, date, start_time: '08:00', end_time: '09:00', room_id: room.id, staff_id: staff.id,
    }).returning('id').executeTakeFirstOrThrow();
    for (const [wbpId, status] of marks) {
      await db.insertInto('timetable_session_members').values({ session_id: session.id, wbp_id: wbpId }).execute();
      await db.insertInto('attendance').values({
        session_id: session.id, wbp_id: wbpId, status, absence_reason: status === 'present' ? null : status === 'absent' ? 'sick' : 'court', recorded_by: staff.id,
      }).execute();
    }
  };
  const referral = async (wbpId: string, r: { referredOn: string; releasedOn: string; outcome?: 'stable' | 'relapse' | 're_offended' | 'lost_to_follow_up'; closedOn?: string }) => {
    const plan = await db.insertInto('release_plans').values({
      wbp_id: wbpId, facility_id: alpha.id, kind: 'pb', decision_number: `PB/${wbpId.slice(0, 6)}`, decision_date: r.referredOn, expected_on: r.releasedOn,
      status: 'released', released_on: r.releasedOn, created_by: by,
    }).returning('id').executeTakeFirstOrThrow();
    return (await db.insertInto('referrals').values({
      wbp_id: wbpId, facility_id: alpha.id, kind: 'aftercare', to_organization_id: bapas.id, to_name: 'Bapas A', reason: 'Pembebasan bersyarat',
      referred_on: r.referredOn, release_plan_id: plan.id, release_kind: 'pb', follow_up_months: [1, 3], created_by: by,
      status: r.outcome ? 'closed' : 'accepted', answered_at: new Date(`${r.referredOn}T03:00:00Z`), answered_by: by,
      ...(r.outcome ? { outcome: r.outcome, closed_on: r.closedOn ?? null, closed_by: by } : {}),
    }).returning('id').executeTakeFirstOrThrow()).id;
  };

  // --- Rutan Alpha ---
  const social = (await makeProgramme(db, alpha.id, 'social')).id;
  const medical = (await makeProgramme(db, alpha.id, 'medical')).id;
  const ptrm = (await makeProgramme(db, alpha.id, 'ptrm')).id;
  const education = (await makeProgramme(db, alpha.id, 'education')).id;
  const postRehab = (await makeProgramme(db, bapas.id, 'post_rehab')).id;

  // p1: screened high on Monday 2 November, tinggi, decree 8 working days later, in the TC and on methadone.
  const p1 = await held(alpha.id);
  await makeScreening(db, { wbpId: p1.id, facilityId: alpha.id, overall: 'high', screenedOn: '2026-11-02' });
  const d1 = await decision(p1.id, alpha.id, await assessment(p1.id, alpha.id, 'tinggi', '2026-11-05T03:00:00Z'), '2026-11-10');
  await enrol({ wbpId: p1.id, programmeId: social, decisionId: d1, start: '2026-11-12' });
  await enrol({ wbpId: p1.id, programmeId: ptrm, decisionId: d1, start: '2026-11-12' });
  await urine(p1.id, alpha.id, '2026-11-13', 'negative');
  await urine(p1.id, alpha.id, '2026-11-20', null);
  await urine(p1.id, alpha.id, '2026-10-20', 'positive');

  // p2: screened moderate on 1 October (before the period), menengah, decree 24 working days later, medical rehabilitation completed.
  const p2 = await held(alpha.id);
  await makeScreening(db, { wbpId: p2.id, facilityId: alpha.id, overall: 'moderate', screenedOn: '2026-10-01' });
  const d2 = await decision(p2.id, alpha.id, await assessment(p2.id, alpha.id, 'menengah', '2026-11-03T03:00:00Z'), '2026-11-04');
  await enrol({ wbpId: p2.id, programmeId: medical, decisionId: d2, start: '2026-11-05', status: 'completed', endedOn: '2026-11-20' });
  await urine(p2.id, alpha.id, '2026-11-14', 'positive');
  await urine(p2.id, alpha.id, '2026-11-18', 'invalid');
  await sessionOf(alpha.id, social, '2026-11-16', [[p1.id, 'present'], [p2.id, 'absent']]);
  await sessionOf(alpha.id, social, '2026-11-17', [[p1.id, 'present'], [p2.id, 'excused']]);
  await sessionOf(alpha.id, social, '2026-10-26', [[p1.id, 'present'], [p2.id, 'absent']]);

  // p3: screened high on 20 October, no decree: due on 9 November, overdue today.
  const p3 = await held(alpha.id);
  await makeScreening(db, { wbpId: p3.id, facilityId: alpha.id, overall: 'high', screenedOn: '2026-10-20' });

  // p4: not a drug case, screened low.
  const p4 = await held(alpha.id, { drug: false });
  await makeScreening(db, { wbpId: p4.id, facilityId: alpha.id, overall: 'low', screenedOn: '2026-11-03' });

  // p5: released before the period.
  await held(alpha.id, { admitted: '2026-01-01', released: '2026-10-15' });

  // p6: released on parole on 15 November, referred to the Bapas, followed up, in its post-rehabilitation programme.
  const p6 = await held(alpha.id, { admitted: '2026-02-01', released: '2026-11-15' });
  const r6 = await referral(p6.id, { referredOn: '2026-11-14', releasedOn: '2026-11-15' });
  await db.insertInto('aftercare_follow_ups').values({ referral_id: r6, month: 1, done_on: '2026-11-20', contact_made: true, urine: 'negative', recorded_by: by }).execute();
  await enrol({ wbpId: p6.id, programmeId: postRehab, referralId: r6, start: '2026-11-18' });

  // p7: assessed in August, in education from September, dropped out on 10 November.
  const p7 = await held(alpha.id, { admitted: '2026-05-01' });
  const d7 = await decision(p7.id, alpha.id, await assessment(p7.id, alpha.id, 'rendah', '2026-08-20T03:00:00Z'), '2026-08-28');
  await enrol({ wbpId: p7.id, programmeId: education, decisionId: d7, start: '2026-09-01', status: 'dropped', endedOn: '2026-11-10' });

  // p8, p9: released earlier; their referrals closed in the period, one relapse, one re-offence.
  const p8 = await held(alpha.id, { admitted: '2026-01-10', released: '2026-09-01' });
  await referral(p8.id, { referredOn: '2026-08-30', releasedOn: '2026-09-01', outcome: 'relapse', closedOn: '2026-11-05' });
  const p9 = await held(alpha.id, { admitted: '2026-01-10', released: '2026-08-01' });
  await referral(p9.id, { referredOn: '2026-07-30', releasedOn: '2026-08-01', outcome: 're_offended', closedOn: '2026-11-06' });

  // --- Lapas Beta: three people screened moderate on 10 November (due on 30 November), six urine tests, one positive ---
  for (let i = 0; i < 3; i += 1) {
    const q = await held(beta.id);
    await makeScreening(db, { wbpId: q.id, facilityId: beta.id, overall: 'moderate', screenedOn: '2026-11-10' });
    await urine(q.id, beta.id, '2026-11-12', i === 0 ? 'positive' : 'negative');
    await urine(q.id, beta.id, '2026-11-19', 'negative');
  }

  // --- Rutan Gamma: one person screened ---
  const g = await held(gamma.id);
  await makeScreening(db, { wbpId: g.id, facilityId: gamma.id, overall: 'moderate', screenedOn: '2026-11-05' });

  const as = async (role: 'national_admin' | 'regional_manager' | 'head_of_unit' | 'clinic_staff', organizationId: string) =>
    signIn(ctx.app, (await makeUser(db, { role, organizationId })).username);
  return {
    ditjenpas, kanwilA, kanwilB, alpha, beta, gamma,
    head: await signIn(ctx.app, head.username),
    clinic: await signIn(ctx.app, staff.username),
    managerA: await as('regional_manager', kanwilA.id),
    managerB: await as('regional_manager', kanwilB.id),
    national: await as('national_admin', ditjenpas.id),
  };
}

const get = (s: Session, query: string) => s.request({ method: 'GET', url: `/api/reports/dashboard?${query}` });
async function dashboard(s: Session, query = NOVEMBER): Promise<DashboardResponse> {
  const response = await get(s, query);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as DashboardResponse;
}
const fieldsOf = (body: string) => ((JSON.parse(body) as { error: { fields?: { field: string }[] } }).error.fields ?? []).map((f) => f.field);
const funnelOf = (i: Indicators) => Object.fromEntries(i.funnel.map((f) => [f.stage, f.count]));
const unitRow = (d: DashboardResponse, id: string) => d.units.find((u) => u.id === id)!.indicators;

describe('a unit\'s dashboard for its head', () => {
  it('counts the pathway funnel of the period', async () => {
    const w = await world();

    const d = await dashboard(w.head);

    expect(funnelOf(d.totals)).toEqual({
      drugCases: 5, screened: 2, assessed: 2, classified: 2, decided: 2, enrolled: 2, completed: 1, referred: 1, followedUp: 1,
    });
  });

  it('counts the classes of the initial assessments signed in the period', async () => {
    const w = await world();

    const d = await dashboard(w.head);

    expect(d.totals.classes).toEqual([{ class: 'rendah', count: 0 }, { class: 'menengah', count: 1 }, { class: 'tinggi', count: 1 }]);
  });

  it('counts the people held on the period\'s last day or today, against the capacity', async () => {
    const w = await world();

    const d = await dashboard(w.head);

    expect(d.totals.occupancy).toEqual({ capacity: 100, held: 5, drugCases: 4, rate: 0.05 });
  });

  it('measures the wait from screening result to decree in working days against the standard', async () => {
    const w = await world();

    const d = await dashboard(w.head);

    // 6 working days (2 → 10 November) and 24 (1 October → 4 November); p3 has waited since 20 October.
    expect(d.totals.waiting).toEqual({ standardDays: 14, decided: 2, withinStandard: 1, medianDays: 15, overdueNow: 1 });
  });

  it('skips the national holidays when counting working days', async () => {
    const w = await world();
    await ctx.db.insertInto('settings').values({ key: 'holidays', value: JSON.stringify(['2026-11-09']), updated_at: NOW, updated_by: null })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(['2026-11-09']) })).execute();

    const d = await dashboard(w.head);

    expect(d.totals.waiting.medianDays).toBe(14.5);
  });

  it('rates attendance as present over expected, an excused absence not expected', async () => {
    const w = await world();

    const d = await dashboard(w.head);

    expect(d.totals.attendance).toEqual({ expected: 3, present: 2, rate: 2 / 3 });
  });

  it('rates urine tests with a valid result in the period that were positive', async () => {
    const w = await world();

    const d = await dashboard(w.head);

    expect(d.totals.urine).toEqual({ tested: 2, positive: 1, rate: 0.5 });
  });

  it('counts enrolments completed and dropped in the period and those active at its end', async () => {
    const w = await world();

    const d = await dashboard(w.head);

    expect(d.totals.completion).toEqual({ completed: 1, dropped: 1, active: 2, completionRate: 0.5 });
  });

  it('counts the aftercare referrals closed in the period by outcome', async () => {
    const w = await world();

    const d = await dashboard(w.head);

    expect(d.totals.followUps).toEqual([
      { outcome: 'stable', count: 0 }, { outcome: 'relapse', count: 1 }, { outcome: 'reoffended', count: 1 }, { outcome: 'lost', count: 0 },
    ]);
  });

  it('counts the people in rehabilitation during the period per type, methadone as medical and post-rehabilitation for the referring unit', async () => {
    const w = await world();

    const d = await dashboard(w.head);

    expect(d.totals.rehabTypes).toEqual([{ type: 'medical', count: 2 }, { type: 'social', count: 1 }, { type: 'post_rehab', count: 1 }]);
  });

  it('shows small counts whole, and offers only the unit', async () => {
    const w = await world();

    const d = await dashboard(w.head);

    expect(d).toMatchObject({ level: 'unit', scope: { id: w.alpha.id, name: 'Rutan Alpha' }, suppressionThreshold: null });
    expect(d.units.map((u) => u.id)).toEqual([w.alpha.id]);
    expect(d.choices).toEqual({ regions: [], units: [{ id: w.alpha.id, name: 'Rutan Alpha', regionId: w.kanwilA.id }] });
  });

  it('counts nothing of a period before anything happened, and says so with zeros', async () => {
    const w = await world();

    const d = await dashboard(w.head, 'from=2025-01-01&to=2025-01-31');

    expect(funnelOf(d.totals)).toEqual({
      drugCases: 0, screened: 0, assessed: 0, classified: 0, decided: 0, enrolled: 0, completed: 0, referred: 0, followedUp: 0,
    });
    expect(d.totals.waiting.medianDays).toBeNull();
    expect(d.totals.attendance.rate).toBeNull();
  });
});

describe('a region\'s dashboard', () => {
  it('sums its units\' own counts before suppressing the total', async () => {
    const w = await world();

    const d = await dashboard(w.managerA);

    // Alpha screened 2 and Beta 3: each hidden, their sum shown.
    expect(funnelOf(unitRow(d, w.alpha.id)).screened).toBeNull();
    expect(funnelOf(unitRow(d, w.beta.id)).screened).toBeNull();
    expect(funnelOf(d.totals).screened).toBe(5);
  });

  it('hides a count of 3 and keeps a count of 0', async () => {
    const w = await world();

    const d = await dashboard(w.managerA);

    expect(d).toMatchObject({ level: 'region', scope: { id: w.kanwilA.id, name: 'Kanwil A' }, suppressionThreshold: 5 });
    expect(unitRow(d, w.beta.id).occupancy.held).toBeNull();
    expect(d.totals.classes.find((c) => c.class === 'rendah')!.count).toBe(0);
    expect(unitRow(d, w.beta.id).completion.dropped).toBe(0);
  });

  it('gives no rate where a part of it is hidden', async () => {
    const w = await world();

    const d = await dashboard(w.managerA);

    // 8 tests, 2 positive.
    expect(d.totals.urine).toEqual({ tested: 8, positive: null, rate: null });
  });

  it('hides a second unit\'s count where the one hidden could be worked out from the total', async () => {
    const w = await world();

    const d = await dashboard(w.managerA);

    // Held: Alpha 5, Beta 3, total 8: showing Alpha's 5 would give Beta's 3 away.
    expect(d.totals.occupancy.held).toBe(8);
    expect(unitRow(d, w.alpha.id).occupancy.held).toBeNull();
    expect(unitRow(d, w.alpha.id).complementary).toContain('occupancy.held');
  });

  it('lists only the region\'s units', async () => {
    const w = await world();

    const d = await dashboard(w.managerA);

    expect(d.units.map((u) => u.name)).toEqual(['Lapas Beta', 'Rutan Alpha']);
    expect(d.choices.regions).toEqual([{ id: w.kanwilA.id, name: 'Kanwil A' }]);
  });

  it('suppresses small counts of one unit for a regional manager, who does not run it', async () => {
    const w = await world();

    const d = await dashboard(w.managerA, `${NOVEMBER}&facilityId=${w.alpha.id}`);

    expect(d).toMatchObject({ level: 'unit', scope: { id: w.alpha.id }, suppressionThreshold: 5 });
    expect(d.totals.waiting.overdueNow).toBeNull();
    expect(funnelOf(d.totals).drugCases).toBe(5);
  });
});

describe('the nation\'s dashboard', () => {
  it('covers every unit, and offers every region', async () => {
    const w = await world();

    const d = await dashboard(w.national);

    expect(d).toMatchObject({ level: 'nation', scope: { id: null, name: 'Nasional' }, suppressionThreshold: 5 });
    expect(d.units.map((u) => u.name)).toEqual(['Lapas Beta', 'Rutan Alpha', 'Rutan Gamma']);
    expect(d.choices.regions.map((r) => r.name)).toEqual(['Kanwil A', 'Kanwil B']);
    expect(funnelOf(d.totals).screened).toBe(6);
  });

  it('narrows to one region on request', async () => {
    const w = await world();

    const d = await dashboard(w.national, `${NOVEMBER}&regionId=${w.kanwilB.id}`);

    expect(d).toMatchObject({ level: 'region', scope: { id: w.kanwilB.id, name: 'Kanwil B' } });
    expect(d.units.map((u) => u.name)).toEqual(['Rutan Gamma']);
  });
});

describe('who sees which dashboard', () => {
  it('answers 404 to a head of unit asking for another unit', async () => {
    const w = await world();

    expect((await get(w.head, `${NOVEMBER}&facilityId=${w.beta.id}`)).statusCode).toBe(404);
  });

  it('answers 404 to a head of unit asking for a region', async () => {
    const w = await world();

    expect((await get(w.head, `${NOVEMBER}&regionId=${w.kanwilA.id}`)).statusCode).toBe(404);
  });

  it('answers 404 to a regional manager asking for another region or one of its units', async () => {
    const w = await world();

    expect((await get(w.managerB, `${NOVEMBER}&facilityId=${w.alpha.id}`)).statusCode).toBe(404);
    expect((await get(w.managerB, `${NOVEMBER}&regionId=${w.kanwilA.id}`)).statusCode).toBe(404);
  });

  it('refuses clinic staff', async () => {
    const w = await world();

    expect((await get(w.clinic, NOVEMBER)).statusCode).toBe(403);
  });
});

describe('bad input', () => {
  it('refuses a unit and a region together, naming the region', async () => {
    const w = await world();

    const response = await get(w.national, `${NOVEMBER}&facilityId=${w.alpha.id}&regionId=${w.kanwilA.id}`);

    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['regionId']);
  });

  it('refuses a period that ends before it starts, naming its end', async () => {
    const w = await world();

    const response = await get(w.head, 'from=2026-11-30&to=2026-11-01');

    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['to']);
  });

  it('refuses a period longer than a year, naming its end', async () => {
    const w = await world();

    const response = await get(w.head, 'from=2025-01-01&to=2026-01-02');

    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['to']);
  });

  it('refuses a period without a start, naming it', async () => {
    const w = await world();

    const response = await get(w.head, 'to=2026-11-30');

    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['from']);
  });
});

describe('the answer', () => {
  it('is valid against the contract at every level', async () => {
    const w = await world();

    for (const s of [w.head, w.managerA, w.national]) expect(dashboardResponse.safeParse(await dashboard(s)).success).toBe(true);
  });

  it('names no person', async () => {
    const w = await world();
    const names = (await ctx.db.selectFrom('wbp').select(['full_name', 'sdp_number', 'id']).execute()).flatMap((p) => [p.full_name, p.sdp_number, p.id]);

    const bodies = await Promise.all([w.head, w.managerA, w.national].map(async (s) => (await get(s, NOVEMBER)).body));

    for (const body of bodies) for (const name of names) expect(body).not.toContain(name);
  });
});

describe('indicatorsFor, for the monthly report', () => {
  it('gives the same figures as the dashboard for the same units and period', async () => {
    const w = await world();

    const direct = await indicatorsFor(ctx.db, { facilityIds: [w.alpha.id, w.beta.id], from: '2026-11-01', to: '2026-11-30', level: 'region', today: '2026-11-23' });

    expect(direct.totals).toEqual((await dashboard(w.managerA)).totals);
  });

  it('exposes its queries as SQL that reads the units once each, grouped by unit', async () => {
    const w = await world();
    const queries = indicatorQueries(ctx.db, { facilityIds: [w.alpha.id], from: '2026-11-01', to: '2026-11-30', heldOn: '2026-11-23', today: '2026-11-23' });

    const compiled = queries.screened.compile();

    expect(compiled.sql).toMatch(/group by/i);
    expect(compiled.parameters).toContain(w.alpha.id);
  });
});
