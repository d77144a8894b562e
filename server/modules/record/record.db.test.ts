import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TimelineEntry, TimelineKind, TimelinePage } from '../../../shared/contracts/record.ts';
import type { Db } from '../../db/database.ts';
import { type Session, type TestApp, signIn, testApp } from '../../testing/app.ts';
import { grantAccess, makeEnrolment, makeOrganization, makeProgramme, makeScreening, makeUser, makeWbp, signAgreement } from '../../testing/factories.ts';

// Sunday 22 November 2026, 10:00 in Jakarta.
const NOW = new Date('2026-11-22T03:00:00Z');

interface Unit {
  unitId: string;
  clinicId: string;
  headId: string;
  clinic: Session;
  head: Session;
}

async function makeUnit(ctx: TestApp): Promise<Unit> {
  const unit = await makeOrganization(ctx.db, { kind: 'rutan' });
  const clinic = await makeUser(ctx.db, { role: 'clinic_staff', organizationId: unit.id });
  const head = await makeUser(ctx.db, { role: 'head_of_unit', organizationId: unit.id });
  return { unitId: unit.id, clinicId: clinic.id, headId: head.id, clinic: await signIn(ctx.app, clinic.username), head: await signIn(ctx.app, head.username) };
}

let weeks = 0;
/** A session of the person's programme on `date` at `start`, with the person in it and, if given, their attendance. */
async function makeSession(
  db: Db, u: Unit, p: { wbpId: string; programmeId: string; date: string; start?: string; attendance?: { status: 'present' | 'absent' | 'excused'; reason?: 'court' | 'sick' } },
) {
  weeks += 1;
  const week = await db.insertInto('timetable_weeks').values({
    facility_id: u.unitId, week_start: new Date(Date.UTC(2024, 0, 1 + 7 * weeks)).toISOString().slice(0, 10), week_index: 0, required: 1, placed: 1,
    groups: '[]', unplaced: '[]',
  }).returning('id').executeTakeFirstOrThrow();
  const room = await db.insertInto('rooms').values({ facility_id: u.unitId, name: `Ruang ${weeks}`, capacity: 10 }).returning('id').executeTakeFirstOrThrow();
  const start = p.start ?? '09:00';
  const session = await db.insertInto('timetable_sessions').values({
    week_id: week.id, facility_id: u.unitId, programme_id: p.programmeId, session_code: 'group_counselling', session_name: 'Konseling kelompok',
    mode: 'group', group_label: 'Kelompok 1', occurrence: 1, date: p.date, start_time: start, end_time: `${String(Number(start.slice(0, 2)) + 2).padStart(2, '0')}${start.slice(2)}`,
    room_id: room.id, staff_id: u.clinicId,
  }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('timetable_session_members').values({ session_id: session.id, wbp_id: p.wbpId }).execute();
  if (p.attendance) {
    await db.insertInto('attendance').values({
      session_id: session.id, wbp_id: p.wbpId, status: p.attendance.status, absence_reason: p.attendance.reason ?? null, recorded_by: u.clinicId,
    }).execute();
  }
  return session.id;
}

/** A person of the unit with one entry of every kind of the timeline; the ids of the source rows by kind. */
async function fullHistory(ctx: TestApp, u: Unit) {
  const { db } = ctx;
  const person = await makeWbp(db, { facility_id: u.unitId });
  const wbpId = person.id;
  const screening = await makeScreening(db, { wbpId, facilityId: u.unitId, overall: 'high', screenedOn: '2026-08-10' });
  const programme = await makeProgramme(db, u.unitId, 'social');
  const assessment = await db.insertInto('assessments').values({
    wbp_id: wbpId, facility_id: u.unitId, screening_id: screening.id, status: 'signed', form: '{}', exchange_rate: 16_000, composites: '{}',
    asi_problems: '[]', placement: '["social"]', rule_class: 'tinggi', rule_basis: 'assist', final_class: 'tinggi', signed_by: u.clinicId,
    created_at: new Date('2026-08-12T02:00:00Z'), signed_at: new Date('2026-08-13T03:00:00Z'),
  }).returning('id').executeTakeFirstOrThrow();
  const decision = await db.insertInto('placement_decisions').values({
    wbp_id: wbpId, facility_id: u.unitId, assessment_id: assessment.id, decree_number: `SK-${wbpId.slice(0, 8)}`, decree_date: '2026-08-18',
    place: 'inside_unit', decided_by: u.headId,
  }).returning('id').executeTakeFirstOrThrow();
  const enrolment = await db.insertInto('enrolments').values({
    wbp_id: wbpId, programme_id: programme.id, decision_id: decision.id, status: 'active', start_date: '2026-09-01', expected_end_date: '2027-02-16',
  }).returning('id').executeTakeFirstOrThrow();
  const followUp = await db.insertInto('assessments').values({
    wbp_id: wbpId, facility_id: u.unitId, status: 'draft', form: '{}', exchange_rate: 16_000, composites: '{}', asi_problems: '[]', placement: '[]',
    rule_basis: 'assist', purpose: 'follow_up', enrolment_id: enrolment.id, follow_up_point: 50, created_at: new Date('2026-11-18T02:00:00Z'),
  }).returning('id').executeTakeFirstOrThrow();
  // An earlier programme left with a reason (a change of programme would read the same way).
  const medical = await makeProgramme(db, u.unitId, 'medical');
  const dropped = await db.insertInto('enrolments').values({
    wbp_id: wbpId, programme_id: medical.id, decision_id: decision.id, status: 'dropped', start_date: '2026-08-20', ended_on: '2026-08-31',
    outcome_reason: 'voluntary', outcome_by: u.clinicId,
  }).returning('id').executeTakeFirstOrThrow();
  const session = await makeSession(db, u, { wbpId, programmeId: programme.id, date: '2026-11-16', start: '09:00', attendance: { status: 'absent', reason: 'court' } });
  const note = await db.insertInto('counselling_notes').values({
    wbp_id: wbpId, facility_id: u.unitId, enrolment_id: enrolment.id, kind: 'individual', held_on: '2026-11-17', topic: 'Pencegahan kekambuhan',
    summary: 'RINGKASAN-RAHASIA', plan: 'RENCANA-RAHASIA', signed_by: u.clinicId,
  }).returning('id').executeTakeFirstOrThrow();
  const urine = await db.insertInto('urine_tests').values({
    wbp_id: wbpId, facility_id: u.unitId, enrolment_id: enrolment.id, reason: 'random', planned_on: '2026-11-19', status: 'resulted',
    collected_by: u.clinicId, observed_by: u.clinicId, collected_at: new Date('2026-11-19T01:30:00Z'), seal_number: 'SEGEL-001',
    results: JSON.stringify({ amphetamines: 'positive' }), outcome: 'positive', resulted_by: u.clinicId, resulted_at: new Date('2026-11-19T05:00:00Z'),
    created_by: u.clinicId,
  }).returning('id').executeTakeFirstOrThrow();
  const incident = await db.insertInto('incidents').values({
    wbp_id: wbpId, facility_id: u.unitId, occurred_on: '2026-11-20', kind: 'drug_use', description: 'URAIAN-INSIDEN', reported_by: u.clinicId,
  }).returning('id').executeTakeFirstOrThrow();
  const phase = await db.insertInto('phase_changes').values({
    enrolment_id: enrolment.id, wbp_id: wbpId, from_phase: 'entry', to_phase: 'core', direction: 'promotion', reason: 'Lulus evaluasi awal',
    changed_on: '2026-09-15', changed_by: u.clinicId,
  }).returning('id').executeTakeFirstOrThrow();
  const role = await db.insertInto('community_roles').values({
    enrolment_id: enrolment.id, wbp_id: wbpId, role: 'buddy', started_on: '2026-10-01', ended_on: '2026-11-01', assigned_by: u.clinicId,
  }).returning('id').executeTakeFirstOrThrow();
  const conference = await db.insertInto('case_conferences').values({
    facility_id: u.unitId, held_on: '2026-11-21', title: 'Case conference November', notes: 'CATATAN-KONFERENSI', created_by: u.clinicId,
  }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('case_conference_people').values({
    conference_id: conference.id, wbp_id: wbpId, enrolment_id: enrolment.id, discussion: 'DISKUSI-RAHASIA', decision: 'continue', detail: '{}',
  }).execute();
  const referral = await db.insertInto('referrals').values({
    wbp_id: wbpId, facility_id: u.unitId, kind: 'clinical', to_name: 'RSUD Serang', reason: 'Pemeriksaan psikiatri', referred_on: '2026-10-05',
    created_by: u.clinicId,
  }).returning('id').executeTakeFirstOrThrow();
  const ptrm = await db.insertInto('ptrm_records').values({
    wbp_id: wbpId, facility_id: u.unitId, clinic_name: 'Puskesmas Serang Kota', started_on: '2026-09-05', created_by: u.clinicId,
  }).returning('id').executeTakeFirstOrThrow();
  const dose = await db.insertInto('ptrm_dose_reports').values({
    ptrm_id: ptrm.id, dose_mg: 60, reported_on: '2026-10-10', source: 'Kartu dosis', recorded_by: u.clinicId,
  }).returning('id').executeTakeFirstOrThrow();
  const task = await db.insertInto('care_tasks').values({
    wbp_id: wbpId, facility_id: u.unitId, kind: 'urine_positive', source_id: urine.id, due_on: '2026-11-26', status: 'done', note: 'Ditindaklanjuti',
    closed_by: u.clinicId, closed_at: new Date('2026-11-21T08:00:00Z'), created_at: new Date('2026-11-19T05:00:00Z'),
  }).returning('id').executeTakeFirstOrThrow();
  return {
    wbpId, screening: screening.id, assessment: assessment.id, followUp: followUp.id, decision: decision.id, enrolment: enrolment.id, dropped: dropped.id,
    programmeId: programme.id, session, note: note.id, urine: urine.id, incident: incident.id, phase: phase.id, role: role.id,
    conference: conference.id, referral: referral.id, ptrm: ptrm.id, dose: dose.id, task: task.id,
  };
}

async function timeline(session: Session, wbpId: string, query = ''): Promise<TimelinePage> {
  const response = await session.request({ method: 'GET', url: `/api/wbp/${wbpId}/timeline${query}` });
  if (response.statusCode !== 200) throw new Error(`timeline: ${response.statusCode} ${response.body}`);
  return response.json() as TimelinePage;
}

const entriesOf = <K extends TimelineKind>(page: TimelinePage, kind: K) =>
  page.items.filter((e): e is Extract<TimelineEntry, { kind: K }> => e.kind === kind);

// --- Every kind, with its details ---------------------------------------------------------------

describe('a person with one entry of every kind', () => {
  let ctx: TestApp;
  let u: Unit;
  let h: Awaited<ReturnType<typeof fullHistory>>;
  let all: TimelinePage;

  beforeAll(async () => {
    ctx = await testApp({ now: () => NOW });
    u = await makeUnit(ctx);
    h = await fullHistory(ctx, u);
    all = await timeline(u.clinic, h.wbpId, '?pageSize=100');
  });
  afterAll(async () => ctx.close());

  it('shows the screening with its overall risk, linked to the clinical page', () => {
    expect(entriesOf(all, 'screening')).toEqual([
      { kind: 'screening', id: h.screening, at: '2026-08-10', link: `/wbp/${h.wbpId}/klinis`, detail: { overallRisk: 'high', instrument: expect.any(String) } },
    ]);
  });

  it('shows the initial assessment signed with its class and the follow-up draft with its point', () => {
    const byId = new Map(entriesOf(all, 'assessment').map((e) => [e.id, e]));
    expect(byId.get(h.assessment)?.detail).toEqual({ purpose: 'initial', followUpPoint: null, status: 'signed', finalClass: 'tinggi' });
    expect(byId.get(h.assessment)?.at).toBe('2026-08-13T10:00:00+07:00');
    expect(byId.get(h.followUp)).toEqual({
      kind: 'assessment', id: h.followUp, at: '2026-11-18T09:00:00+07:00', link: `/asesmen/${h.followUp}`,
      detail: { purpose: 'follow_up', followUpPoint: 50, status: 'draft', finalClass: null },
    });
  });

  it('shows the decree, linked to the assessment it decided on', () => {
    expect(entriesOf(all, 'decision')).toEqual([{
      kind: 'decision', id: h.decision, at: '2026-08-18', link: `/asesmen/${h.assessment}`,
      detail: { decreeNumber: `SK-${h.wbpId.slice(0, 8)}`, place: 'inside_unit', assessmentId: h.assessment },
    }]);
  });

  it('shows the start of each enrolment and the end of the dropped one with its reason', () => {
    const events = entriesOf(all, 'enrolment').map((e) => [e.id, e.at, e.detail.event, e.detail.reason]);
    expect(events).toEqual([
      [h.enrolment, '2026-09-01', 'started', null],
      [h.dropped, '2026-08-31', 'dropped', 'voluntary'],
      [h.dropped, '2026-08-20', 'started', null],
    ]);
  });

  it('shows the session at its Jakarta time with the absence and its reason', () => {
    expect(entriesOf(all, 'session')).toEqual([{
      kind: 'session', id: h.session, at: '2026-11-16T09:00:00+07:00', link: `/jadwal/sesi/${h.session}/kehadiran`,
      detail: {
        programmeName: expect.any(String), sessionName: 'Konseling kelompok', mode: 'group', start: '09:00', end: '11:00',
        attendance: 'absent', absenceReason: 'court',
      },
    }]);
  });

  it('shows a counselling note by its topic only, never its summary or plan', () => {
    expect(entriesOf(all, 'note')).toEqual([{
      kind: 'note', id: h.note, at: '2026-11-17', link: `/wbp/${h.wbpId}/catatan`, detail: { noteKind: 'individual', topic: 'Pencegahan kekambuhan' },
    }]);
    expect(JSON.stringify(all)).not.toMatch(/RINGKASAN-RAHASIA|RENCANA-RAHASIA/);
  });

  it('shows the urine test at its collection with its status and outcome', () => {
    expect(entriesOf(all, 'urine')).toEqual([{
      kind: 'urine', id: h.urine, at: '2026-11-19T08:30:00+07:00', link: `/wbp/${h.wbpId}/urin`,
      detail: { reason: 'random', status: 'resulted', outcome: 'positive', plannedOn: '2026-11-19' },
    }]);
  });

  it('shows the incident by its kind, without its free text', () => {
    expect(entriesOf(all, 'incident')).toEqual([
      { kind: 'incident', id: h.incident, at: '2026-11-20', link: `/wbp/${h.wbpId}/insiden`, detail: { incidentKind: 'drug_use' } },
    ]);
    expect(JSON.stringify(all)).not.toContain('URAIAN-INSIDEN');
  });

  it('shows the promotion with the names the programme gives its phases', () => {
    expect(entriesOf(all, 'phase')).toEqual([{
      kind: 'phase', id: h.phase, at: '2026-09-15', link: `/wbp/${h.wbpId}/kemajuan`,
      detail: { direction: 'promotion', fromPhase: 'entry', toPhase: 'core', fromPhaseName: 'Evaluasi awal (entry)', toPhaseName: 'Program utama (primary)' },
    }]);
  });

  it('shows the peer role when assigned and when ended', () => {
    expect(entriesOf(all, 'role').map((e) => [e.id, e.at, e.detail])).toEqual([
      [h.role, '2026-11-01', { event: 'ended', role: 'buddy' }],
      [h.role, '2026-10-01', { event: 'assigned', role: 'buddy' }],
    ]);
  });

  it('shows the case conference with its title and the decision on the person, without the discussion', () => {
    expect(entriesOf(all, 'conference')).toEqual([{
      kind: 'conference', id: h.conference, at: '2026-11-21', link: `/konferensi/${h.conference}`,
      detail: { title: 'Case conference November', decision: 'continue' },
    }]);
    expect(JSON.stringify(all)).not.toMatch(/DISKUSI-RAHASIA|CATATAN-KONFERENSI/);
  });

  it('shows the referral with where it went', () => {
    expect(entriesOf(all, 'referral')).toEqual([
      { kind: 'referral', id: h.referral, at: '2026-10-05', link: `/wbp/${h.wbpId}/hasil`, detail: { referralKind: 'clinical', toName: 'RSUD Serang' } },
    ]);
  });

  it('shows the start of methadone and the dose the clinic reported', () => {
    expect(entriesOf(all, 'ptrm').map((e) => [e.id, e.at, e.detail.event, e.detail.doseMg, e.detail.clinicName])).toEqual([
      [h.dose, '2026-10-10', 'dose', 60, 'Puskesmas Serang Kota'],
      [h.ptrm, '2026-09-05', 'started', null, 'Puskesmas Serang Kota'],
    ]);
  });

  it('shows the follow-up task when opened and when closed', () => {
    expect(entriesOf(all, 'task').map((e) => [e.id, e.at, e.detail])).toEqual([
      [h.task, '2026-11-21T15:00:00+07:00', { event: 'closed', taskKind: 'urine_positive', status: 'done', dueOn: '2026-11-26' }],
      [h.task, '2026-11-19T12:00:00+07:00', { event: 'opened', taskKind: 'urine_positive', status: 'done', dueOn: '2026-11-26' }],
    ]);
  });

  it('counts the entries of every kind', () => {
    expect(all.counts).toEqual({
      screening: 1, assessment: 2, decision: 1, enrolment: 3, session: 1, note: 1, urine: 1, incident: 1, phase: 1, role: 2, conference: 1,
      referral: 1, ptrm: 2, task: 2,
    });
    expect(all.total).toBe(20);
    expect(all.items).toHaveLength(20);
  });

  it('puts the newest first, a timed entry before the day\'s undated ones', () => {
    const days = all.items.map((e) => e.at);
    expect(days.slice(0, 4)).toEqual(['2026-11-21T15:00:00+07:00', '2026-11-21', '2026-11-20', '2026-11-19T12:00:00+07:00']);
    expect([...days].map((d) => d.slice(0, 10))).toEqual([...days].map((d) => d.slice(0, 10)).sort().reverse());
  });

  it('keeps only the kinds asked for, with the counts of every kind for the filter', async () => {
    const page = await timeline(u.clinic, h.wbpId, '?kinds=urine,task');

    expect(page.items.map((e) => e.kind)).toEqual(['task', 'task', 'urine']);
    expect(page.total).toBe(3);
    expect(page.counts).toEqual(all.counts);
  });

  it('refuses a kind it does not know, naming the field', async () => {
    const response = await u.clinic.request({ method: 'GET', url: `/api/wbp/${h.wbpId}/timeline?kinds=urine,gossip` });

    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].field).toMatch(/^kinds/);
  });

  it('refuses pages of more than 100 entries', async () => {
    const response = await u.clinic.request({ method: 'GET', url: `/api/wbp/${h.wbpId}/timeline?pageSize=101` });

    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].field).toBe('pageSize');
  });
});

// --- Who sees what ------------------------------------------------------------------------------

describe('reading a timeline', () => {
  let ctx: TestApp;
  beforeEach(async () => {
    ctx = await testApp({ now: () => NOW });
  });
  afterEach(async () => ctx.close());

  it('hides counselling notes from the head of unit, not even counting them', async () => {
    const u = await makeUnit(ctx);
    const h = await fullHistory(ctx, u);

    const page = await timeline(u.head, h.wbpId, '?pageSize=100');

    expect(page.items.some((e) => e.kind === 'note')).toBe(false);
    expect(page.counts).not.toHaveProperty('note');
    expect(page.total).toBe(19);
  });

  it('gives the head of unit nothing when asking for notes alone', async () => {
    const u = await makeUnit(ctx);
    const h = await fullHistory(ctx, u);

    const page = await timeline(u.head, h.wbpId, '?kinds=note');

    expect(page.items).toEqual([]);
    expect(page.total).toBe(0);
  });

  it('shows notes to a partner counsellor whose organisation is granted the unit', async () => {
    const u = await makeUnit(ctx);
    const h = await fullHistory(ctx, u);
    const bnnk = await makeOrganization(ctx.db, { kind: 'bnnk' });
    await grantAccess(ctx.db, bnnk.id, u.unitId);
    const counsellor = await makeUser(ctx.db, { role: 'counsellor', organizationId: bnnk.id });

    const page = await timeline(await signIn(ctx.app, counsellor.username), h.wbpId, '?kinds=note');

    expect(page.items.map((e) => e.id)).toEqual([h.note]);
  });

  it('hides notes from a partner counsellor whose agreement with the unit covers screening only, not even counting them', async () => {
    const u = await makeUnit(ctx);
    const h = await fullHistory(ctx, u);
    const bnnk = await makeOrganization(ctx.db, { kind: 'bnnk' });
    await signAgreement(ctx.db, { partyIds: [u.unitId, bnnk.id], scopes: ['screening'] });
    const counsellor = await makeUser(ctx.db, { role: 'counsellor', organizationId: bnnk.id });

    const page = await timeline(await signIn(ctx.app, counsellor.username), h.wbpId, '?pageSize=100');

    expect(page.items.some((e) => e.kind === 'note')).toBe(false);
    expect(page.counts).not.toHaveProperty('note');
  });

  it('answers 404 for a person of another unit', async () => {
    const u = await makeUnit(ctx);
    const other = await makeOrganization(ctx.db, { kind: 'rutan' });
    const stranger = await makeWbp(ctx.db, { facility_id: other.id });

    const response = await u.clinic.request({ method: 'GET', url: `/api/wbp/${stranger.id}/timeline` });

    expect(response.statusCode).toBe(404);
  });

  it('refuses custody officers, who never see clinical content', async () => {
    const u = await makeUnit(ctx);
    const person = await makeWbp(ctx.db, { facility_id: u.unitId });
    const officer = await makeUser(ctx.db, { role: 'custody_officer', organizationId: u.unitId });

    const response = await (await signIn(ctx.app, officer.username)).request({ method: 'GET', url: `/api/wbp/${person.id}/timeline` });

    expect(response.statusCode).toBe(403);
  });

  it('writes one audit row for each page read, naming the person, the page and the kinds', async () => {
    const u = await makeUnit(ctx);
    const person = await makeWbp(ctx.db, { facility_id: u.unitId });
    await makeScreening(ctx.db, { wbpId: person.id, facilityId: u.unitId });

    await timeline(u.clinic, person.id, '?page=2&pageSize=10&kinds=screening');

    const rows = await ctx.db.selectFrom('audit_log').select(['action', 'entity_id', 'facility_id', 'details'])
      .where('entity_type', '=', 'timeline').execute();
    expect(rows).toEqual([{ action: 'read', entity_id: person.id, facility_id: u.unitId, details: { page: 2, pageSize: 10, kinds: ['screening'] } }]);
  });

  it('leaves out sessions after today, which have not been held', async () => {
    const u = await makeUnit(ctx);
    const person = await makeWbp(ctx.db, { facility_id: u.unitId });
    const programme = await makeProgramme(ctx.db, u.unitId, 'social');
    const held = await makeSession(ctx.db, u, { wbpId: person.id, programmeId: programme.id, date: '2026-11-22', start: '08:00' });
    await makeSession(ctx.db, u, { wbpId: person.id, programmeId: programme.id, date: '2026-11-23', start: '08:00' });

    const page = await timeline(u.clinic, person.id, '?kinds=session');

    expect(page.items.map((e) => [e.id, e.kind === 'session' ? e.detail.attendance : 'other'])).toEqual([[held, null]]);
  });

  it('shows an enrolment waiting for a place from the moment it was made', async () => {
    const u = await makeUnit(ctx);
    const person = await makeWbp(ctx.db, { facility_id: u.unitId });
    const { enrolment } = await makeEnrolment(ctx.db, { wbpId: person.id, facilityId: u.unitId, decidedBy: u.headId, status: 'waitlisted' });
    await ctx.db.updateTable('enrolments').set({ created_at: new Date('2026-11-02T01:00:00Z') }).where('id', '=', enrolment.id).execute();

    const page = await timeline(u.clinic, person.id, '?kinds=enrolment');

    expect(page.items.map((e) => [e.at, e.kind === 'enrolment' ? e.detail.event : 'other'])).toEqual([['2026-11-02T08:00:00+07:00', 'waitlisted']]);
  });
});

// --- Paging -------------------------------------------------------------------------------------

describe('paging a long timeline', () => {
  let ctx: TestApp;
  let u: Unit;
  let wbpId: string;

  beforeAll(async () => {
    ctx = await testApp({ now: () => NOW });
    u = await makeUnit(ctx);
    const person = await makeWbp(ctx.db, { facility_id: u.unitId });
    wbpId = person.id;
    const programme = await makeProgramme(ctx.db, u.unitId, 'social');
    // Many entries on few days and at the same moments, so only the tie-breaker orders them.
    const days = ['2026-11-02', '2026-11-03', '2026-11-04'];
    for (let i = 0; i < 24; i += 1) {
      const day = days[i % 3]!;
      await makeSession(ctx.db, u, { wbpId, programmeId: programme.id, date: day, start: i % 2 === 0 ? '09:00' : '13:00' });
      await ctx.db.insertInto('incidents').values({ wbp_id: wbpId, facility_id: u.unitId, occurred_on: day, kind: 'rule_violation', description: 'x', reported_by: u.clinicId }).execute();
      await makeScreening(ctx.db, { wbpId, facilityId: u.unitId, screenedOn: day });
    }
  });
  afterAll(async () => ctx.close());

  it('gives every entry exactly once over the pages, in the order of one long page', async () => {
    const whole = await timeline(u.clinic, wbpId, '?pageSize=100');
    const paged: TimelineEntry[] = [];
    for (let page = 1; page <= Math.ceil(whole.total / 7); page += 1) paged.push(...(await timeline(u.clinic, wbpId, `?pageSize=7&page=${page}`)).items);

    const key = (e: TimelineEntry) => `${e.kind}:${e.id}:${e.at}`;
    expect(whole.total).toBe(72);
    expect(paged.map(key)).toEqual(whole.items.map(key));
    expect(new Set(paged.map(key)).size).toBe(72);
  });

  it('gives the same page twice in the same order', async () => {
    const first = await timeline(u.clinic, wbpId, '?pageSize=10&page=3');
    const again = await timeline(u.clinic, wbpId, '?pageSize=10&page=3');

    expect(again.items).toEqual(first.items);
  });

  it('gives an empty page past the end, with the total', async () => {
    const page = await timeline(u.clinic, wbpId, '?pageSize=50&page=3');

    expect(page.items).toEqual([]);
    expect(page.total).toBe(72);
  });
});
