import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AssessmentRecord } from '../../../shared/contracts/clinical.ts';
import type { CareTaskItem, CommunityRoleRecord, EnrolmentProgress, PhaseChangeRecord, ProgressRecord } from '../../../shared/contracts/progress.ts';
import { type Session, type TestApp, signIn, testApp } from '../../testing/app.ts';
import { makeEnrolment, makeOrganization, makeProgramme, makeQualification, makeUser, makeWbp } from '../../testing/factories.ts';

let ctx: TestApp;
// Monday 23 November 2026, 10:00 in Jakarta. A Therapeutic Community enrolment that started on
// 1 September is in week 12: the calendar expects the core phase; mid-programme (84 days) is tomorrow.
const NOW = new Date('2026-11-23T03:00:00Z');
const START = '2026-09-01';

beforeEach(async () => {
  ctx = await testApp({ now: () => NOW });
});
afterEach(async () => ctx.close());

interface Unit {
  unitId: string;
  /** Clinic staff of the unit, with an ASI assessor certificate. */
  clinic: Session;
  clinicId: string;
  headId: string;
}

async function unit(): Promise<Unit> {
  const org = await makeOrganization(ctx.db, { kind: 'rutan' });
  const clinician = await makeUser(ctx.db, { role: 'clinic_staff', organizationId: org.id });
  await makeQualification(ctx.db, clinician.id);
  const head = await makeUser(ctx.db, { role: 'head_of_unit', organizationId: org.id });
  return { unitId: org.id, clinic: await signIn(ctx.app, clinician.username), clinicId: clinician.id, headId: head.id };
}

/** A person of the unit in a Therapeutic Community (24 weeks: entry 2, core 19, re-entry 3) since START. */
async function inCommunity(u: Unit, more: { status?: 'active' | 'waitlisted'; startDate?: string; fullName?: string } = {}) {
  const person = await makeWbp(ctx.db, { facility_id: u.unitId, ...(more.fullName ? { full_name: more.fullName } : {}) });
  const made = await makeEnrolment(ctx.db, {
    wbpId: person.id, facilityId: u.unitId, decidedBy: u.headId, kind: 'social', startDate: more.startDate ?? START, status: more.status ?? 'active',
  });
  return { wbpId: person.id, enrolmentId: made.enrolment.id, baselineId: made.assessment.id, programmeId: made.programme.id };
}

async function progressOf(session: Session, wbpId: string): Promise<ProgressRecord> {
  const response = await session.request({ method: 'GET', url: `/api/wbp/${wbpId}/progress` });
  if (response.statusCode !== 200) throw new Error(`progress: ${response.statusCode} ${response.body}`);
  return response.json() as ProgressRecord;
}

async function enrolmentOf(session: Session, wbpId: string, enrolmentId: string): Promise<EnrolmentProgress> {
  return (await progressOf(session, wbpId)).enrolments.find((e) => e.enrolmentId === enrolmentId)!;
}

const changePhase = (session: Session, enrolmentId: string, body: Record<string, unknown>) =>
  session.request({ method: 'POST', url: `/api/enrolments/${enrolmentId}/phase`, payload: body });
const promotion = { direction: 'promotion', toPhase: 'core', reason: 'Menyelesaikan evaluasi awal dengan baik', changedOn: '2026-09-16' };

const assignRole = (session: Session, enrolmentId: string, body: Record<string, unknown>) =>
  session.request({ method: 'POST', url: `/api/enrolments/${enrolmentId}/roles`, payload: body });

const startReassessment = (session: Session, enrolmentId: string, point: number) =>
  session.request({ method: 'POST', url: `/api/enrolments/${enrolmentId}/reassessments`, payload: { point } });

function fieldsOf(body: string): string[] {
  return ((JSON.parse(body) as { error: { fields?: { field: string }[] } }).error.fields ?? []).map((f) => f.field);
}

/** Fills a follow-up draft with a severity grid (so it has a class) and signs it through the API. */
async function signFollowUp(session: Session, assessmentId: string, severity: Record<string, number> = { napza: 3 }): Promise<AssessmentRecord> {
  const saved = await session.request({ method: 'PUT', url: `/api/assessments/${assessmentId}`, payload: { form: { severity }, version: 1 } });
  if (saved.statusCode !== 200) throw new Error(`save: ${saved.statusCode} ${saved.body}`);
  const signed = await session.request({ method: 'POST', url: `/api/assessments/${assessmentId}/sign`, payload: { version: 2 } });
  if (signed.statusCode !== 200) throw new Error(`sign: ${signed.statusCode} ${signed.body}`);
  return signed.json() as AssessmentRecord;
}

async function auditRows(entityType: string, actorId: string) {
  return ctx.db.selectFrom('audit_log').selectAll().where('entity_type', '=', entityType).where('actor_user_id', '=', actorId).orderBy('id').execute();
}

// --- Reading a person's progress -----------------------------------------------------------------

describe('a person\'s progress', () => {
  it('shows a community member without phase changes in the entry phase, behind the core phase the calendar expects', async () => {
    const u = await unit();
    const p = await inCommunity(u);
    const e = await enrolmentOf(u.clinic, p.wbpId, p.enrolmentId);
    expect(e).toMatchObject({ status: 'active', startDate: START, currentPhase: 'entry', expectedPhase: 'core', schedule: 'behind', phaseChanges: [], roles: [] });
    expect(e.phases.map((ph) => [ph.code, ph.weeks, ph.startsOn])).toEqual([['entry', 2, '2026-09-01'], ['core', 19, '2026-09-15'], ['re_entry', 3, '2027-01-26']]);
  });

  it('lists the active enrolment first, then the waitlisted one, then the one that ended', async () => {
    const u = await unit();
    const p = await inCommunity(u);
    const waiting = await makeEnrolment(ctx.db, { wbpId: p.wbpId, facilityId: u.unitId, decidedBy: u.headId, kind: 'medical', status: 'waitlisted' });
    const ended = await makeEnrolment(ctx.db, { wbpId: p.wbpId, facilityId: u.unitId, decidedBy: u.headId, kind: 'education', startDate: '2026-07-01' });
    await ctx.db.updateTable('enrolments').set({ status: 'dropped', ended_on: '2026-07-20', outcome_reason: 'voluntary' }).where('id', '=', ended.enrolment.id).execute();
    // The one that ended was made after the active one, so the order is not the order of making.
    const record = await progressOf(u.clinic, p.wbpId);
    expect(record.enrolments.map((e) => e.enrolmentId)).toEqual([p.enrolmentId, waiting.enrolment.id, ended.enrolment.id]);
  });

  it('answers 404 for a person of another unit', async () => {
    const u = await unit();
    const other = await unit();
    const p = await inCommunity(other);
    const response = await u.clinic.request({ method: 'GET', url: `/api/wbp/${p.wbpId}/progress` });
    expect(response.statusCode).toBe(404);
  });

  it('is refused to a custody officer with 403', async () => {
    const u = await unit();
    const p = await inCommunity(u);
    const officer = await makeUser(ctx.db, { role: 'custody_officer', organizationId: u.unitId });
    const response = await (await signIn(ctx.app, officer.username)).request({ method: 'GET', url: `/api/wbp/${p.wbpId}/progress` });
    expect(response.statusCode).toBe(403);
  });

  it('writes a read audit row naming the person', async () => {
    const u = await unit();
    const p = await inCommunity(u);
    await progressOf(u.clinic, p.wbpId);
    expect(await auditRows('progress', u.clinicId)).toMatchObject([{ action: 'read', entity_id: p.wbpId, facility_id: u.unitId }]);
  });
});

// --- Phases --------------------------------------------------------------------------------------

describe('a phase change', () => {
  it('promotes to the next phase with 201, and the history shows who, when and why', async () => {
    const u = await unit();
    const p = await inCommunity(u);
    const response = await changePhase(u.clinic, p.enrolmentId, promotion);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ fromPhase: 'entry', toPhase: 'core', direction: 'promotion', reason: promotion.reason, changedOn: '2026-09-16' });
    const e = await enrolmentOf(u.clinic, p.wbpId, p.enrolmentId);
    expect(e).toMatchObject({ currentPhase: 'core', schedule: 'on_time' });
    const [change] = e.phaseChanges as [PhaseChangeRecord];
    expect(change.changedBy).toMatch(/^Pengguna clinicstaff\./);
  });

  it('refuses a promotion that skips a phase with 400 naming toPhase, and stores nothing', async () => {
    const u = await unit();
    const p = await inCommunity(u);
    const response = await changePhase(u.clinic, p.enrolmentId, { ...promotion, toPhase: 're_entry' });
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['toPhase']);
    expect(await ctx.db.selectFrom('phase_changes').select('id').where('enrolment_id', '=', p.enrolmentId).execute()).toEqual([]);
  });

  it('moves back from core to entry with a reason', async () => {
    const u = await unit();
    const p = await inCommunity(u);
    await changePhase(u.clinic, p.enrolmentId, promotion);
    const response = await changePhase(u.clinic, p.enrolmentId, { direction: 'regression', toPhase: 'entry', reason: 'Pelanggaran aturan komunitas berulang', changedOn: '2026-10-20' });
    expect(response.statusCode).toBe(201);
    expect((await enrolmentOf(u.clinic, p.wbpId, p.enrolmentId)).currentPhase).toBe('entry');
  });

  it('refuses a regression to a later phase, naming toPhase', async () => {
    const u = await unit();
    const p = await inCommunity(u);
    await changePhase(u.clinic, p.enrolmentId, promotion);
    const response = await changePhase(u.clinic, p.enrolmentId, { ...promotion, direction: 'regression', toPhase: 're_entry', changedOn: '2026-10-20' });
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['toPhase']);
  });

  it('refuses a change without a reason, naming reason', async () => {
    const u = await unit();
    const p = await inCommunity(u);
    const response = await changePhase(u.clinic, p.enrolmentId, { ...promotion, reason: '  ' });
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['reason']);
  });

  it('refuses a date before the start, naming changedOn in the user\'s language', async () => {
    const u = await unit();
    const p = await inCommunity(u);
    const response = await changePhase(u.clinic, p.enrolmentId, { ...promotion, changedOn: '2026-08-31' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { fields: [{ field: 'changedOn', message: expect.stringContaining('2026-09-01') }] } });
  });

  it('refuses a date in the future, naming changedOn', async () => {
    const u = await unit();
    const p = await inCommunity(u);
    const response = await changePhase(u.clinic, p.enrolmentId, { ...promotion, changedOn: '2026-11-24' });
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['changedOn']);
  });

  it('refuses a date before the last change, naming changedOn', async () => {
    const u = await unit();
    const p = await inCommunity(u);
    await changePhase(u.clinic, p.enrolmentId, promotion);
    const response = await changePhase(u.clinic, p.enrolmentId, { direction: 'regression', toPhase: 'entry', reason: 'Kembali ke evaluasi awal', changedOn: '2026-09-10' });
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['changedOn']);
  });

  it('is refused on a waitlisted enrolment with 409', async () => {
    const u = await unit();
    const p = await inCommunity(u, { status: 'waitlisted' });
    const response = await changePhase(u.clinic, p.enrolmentId, promotion);
    expect(response.statusCode).toBe(409);
  });

  it('is refused in a programme without phases with 409', async () => {
    const u = await unit();
    const person = await makeWbp(ctx.db, { facility_id: u.unitId });
    const medical = await makeEnrolment(ctx.db, { wbpId: person.id, facilityId: u.unitId, decidedBy: u.headId, kind: 'medical' });
    const response = await changePhase(u.clinic, medical.enrolment.id, promotion);
    expect(response.statusCode).toBe(409);
  });

  it('answers 404 for an enrolment of another unit and stores nothing', async () => {
    const u = await unit();
    const p = await inCommunity(await unit());
    const response = await changePhase(u.clinic, p.enrolmentId, promotion);
    expect(response.statusCode).toBe(404);
    expect(await ctx.db.selectFrom('phase_changes').select('id').execute()).toEqual([]);
  });

  it('writes a create audit row with the phases', async () => {
    const u = await unit();
    const p = await inCommunity(u);
    const created = (await changePhase(u.clinic, p.enrolmentId, promotion)).json() as PhaseChangeRecord;
    const [row] = await auditRows('phase_change', u.clinicId);
    expect(row).toMatchObject({ action: 'create', entity_id: created.id, facility_id: u.unitId, details: { fromPhase: 'entry', toPhase: 'core', wbpId: p.wbpId } });
  });
});

// --- Peer roles ----------------------------------------------------------------------------------

describe('a peer role', () => {
  it('is assigned with 201 and shown as held', async () => {
    const u = await unit();
    const p = await inCommunity(u);
    const response = await assignRole(u.clinic, p.enrolmentId, { role: 'buddy', startedOn: '2026-10-01' });
    expect(response.statusCode).toBe(201);
    expect((await enrolmentOf(u.clinic, p.wbpId, p.enrolmentId)).roles).toMatchObject([{ role: 'buddy', startedOn: '2026-10-01', endedOn: null }]);
  });

  it('is refused while the person holds an open role of the same kind, naming role', async () => {
    const u = await unit();
    const p = await inCommunity(u);
    await assignRole(u.clinic, p.enrolmentId, { role: 'buddy', startedOn: '2026-10-01' });
    const response = await assignRole(u.clinic, p.enrolmentId, { role: 'buddy', startedOn: '2026-10-05' });
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['role']);
  });

  it('may be of another kind at the same time', async () => {
    const u = await unit();
    const p = await inCommunity(u);
    await assignRole(u.clinic, p.enrolmentId, { role: 'buddy', startedOn: '2026-10-01' });
    expect((await assignRole(u.clinic, p.enrolmentId, { role: 'expeditor', startedOn: '2026-10-05' })).statusCode).toBe(201);
  });

  it('refuses a start before the enrolment began, naming startedOn', async () => {
    const u = await unit();
    const p = await inCommunity(u);
    const response = await assignRole(u.clinic, p.enrolmentId, { role: 'chief', startedOn: '2026-08-01' });
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['startedOn']);
  });

  it('ends, and then shows as past', async () => {
    const u = await unit();
    const p = await inCommunity(u);
    const role = (await assignRole(u.clinic, p.enrolmentId, { role: 'coordinator', startedOn: '2026-10-01' })).json() as CommunityRoleRecord;
    const response = await u.clinic.request({ method: 'POST', url: `/api/community-roles/${role.id}/end`, payload: { endedOn: '2026-11-01' } });
    expect(response.statusCode).toBe(200);
    expect((await enrolmentOf(u.clinic, p.wbpId, p.enrolmentId)).roles).toMatchObject([{ id: role.id, endedOn: '2026-11-01' }]);
  });

  it('may be given again once the earlier one ended', async () => {
    const u = await unit();
    const p = await inCommunity(u);
    const role = (await assignRole(u.clinic, p.enrolmentId, { role: 'chief', startedOn: '2026-10-01' })).json() as CommunityRoleRecord;
    await u.clinic.request({ method: 'POST', url: `/api/community-roles/${role.id}/end`, payload: { endedOn: '2026-11-01' } });
    expect((await assignRole(u.clinic, p.enrolmentId, { role: 'chief', startedOn: '2026-11-10' })).statusCode).toBe(201);
  });

  it('refuses an end before its start, naming endedOn', async () => {
    const u = await unit();
    const p = await inCommunity(u);
    const role = (await assignRole(u.clinic, p.enrolmentId, { role: 'buddy', startedOn: '2026-10-01' })).json() as CommunityRoleRecord;
    const response = await u.clinic.request({ method: 'POST', url: `/api/community-roles/${role.id}/end`, payload: { endedOn: '2026-09-30' } });
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['endedOn']);
  });

  it('refuses ending twice with 409', async () => {
    const u = await unit();
    const p = await inCommunity(u);
    const role = (await assignRole(u.clinic, p.enrolmentId, { role: 'buddy', startedOn: '2026-10-01' })).json() as CommunityRoleRecord;
    await u.clinic.request({ method: 'POST', url: `/api/community-roles/${role.id}/end`, payload: { endedOn: '2026-11-01' } });
    const again = await u.clinic.request({ method: 'POST', url: `/api/community-roles/${role.id}/end`, payload: { endedOn: '2026-11-02' } });
    expect(again.statusCode).toBe(409);
  });

  it('writes audit rows for assigning and ending', async () => {
    const u = await unit();
    const p = await inCommunity(u);
    const role = (await assignRole(u.clinic, p.enrolmentId, { role: 'buddy', startedOn: '2026-10-01' })).json() as CommunityRoleRecord;
    await u.clinic.request({ method: 'POST', url: `/api/community-roles/${role.id}/end`, payload: { endedOn: '2026-11-01' } });
    const rows = await auditRows('community_role', u.clinicId);
    expect(rows.map((r) => [r.action, r.entity_id])).toEqual([['create', role.id], ['update', role.id]]);
  });
});

// --- Re-assessment -------------------------------------------------------------------------------

describe('re-assessment points', () => {
  it('fall mid-programme (due tomorrow) and at the end (upcoming), from the setting', async () => {
    const u = await unit();
    const p = await inCommunity(u);
    expect((await enrolmentOf(u.clinic, p.wbpId, p.enrolmentId)).reassessments).toEqual([
      { point: 50, dueOn: '2026-11-24', status: 'due', assessmentId: null, assessmentStatus: null, signedAt: null },
      { point: 100, dueOn: '2027-02-16', status: 'upcoming', assessmentId: null, assessmentStatus: null, signedAt: null },
    ]);
  });

  it('follow a changed setting', async () => {
    const u = await unit();
    const p = await inCommunity(u);
    await ctx.db.updateTable('settings').set({ value: JSON.stringify([25, 75]) }).where('key', '=', 'reassessmentPoints').execute();
    const e = await enrolmentOf(u.clinic, p.wbpId, p.enrolmentId);
    expect(e.reassessments.map((r) => [r.point, r.dueOn, r.status])).toEqual([[25, '2026-10-13', 'overdue'], [75, '2027-01-05', 'upcoming']]);
  });

  it('start a draft follow-up in the person\'s unit: 201 with its id', async () => {
    const u = await unit();
    const p = await inCommunity(u);
    const response = await startReassessment(u.clinic, p.enrolmentId, 50);
    expect(response.statusCode).toBe(201);
    const { assessmentId } = response.json() as { assessmentId: string };
    const row = await ctx.db.selectFrom('assessments').selectAll().where('id', '=', assessmentId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'draft', purpose: 'follow_up', enrolment_id: p.enrolmentId, follow_up_point: 50, facility_id: u.unitId, wbp_id: p.wbpId });
  });

  it('give back the draft already started for the point instead of making another', async () => {
    const u = await unit();
    const p = await inCommunity(u);
    const first = (await startReassessment(u.clinic, p.enrolmentId, 50)).json() as { assessmentId: string };
    const again = await startReassessment(u.clinic, p.enrolmentId, 50);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ assessmentId: first.assessmentId, created: false });
    expect(await ctx.db.selectFrom('assessments').select('id').where('enrolment_id', '=', p.enrolmentId).execute()).toHaveLength(1);
  });

  it('refuse a point that is not configured, naming point', async () => {
    const u = await unit();
    const p = await inCommunity(u);
    const response = await startReassessment(u.clinic, p.enrolmentId, 75);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { fields: [{ field: 'point', message: expect.stringContaining('50, 100') }] } });
  });

  it('refuse a waitlisted enrolment with 409', async () => {
    const u = await unit();
    const p = await inCommunity(u, { status: 'waitlisted' });
    expect((await startReassessment(u.clinic, p.enrolmentId, 50)).statusCode).toBe(409);
  });

  it('answer 404 for an enrolment of another unit and start nothing', async () => {
    const u = await unit();
    const p = await inCommunity(await unit());
    expect((await startReassessment(u.clinic, p.enrolmentId, 50)).statusCode).toBe(404);
    expect(await ctx.db.selectFrom('assessments').select('id').where('purpose', '=', 'follow_up').execute()).toEqual([]);
  });

  it('show the started draft on the point', async () => {
    const u = await unit();
    const p = await inCommunity(u);
    const { assessmentId } = (await startReassessment(u.clinic, p.enrolmentId, 50)).json() as { assessmentId: string };
    const [mid] = (await enrolmentOf(u.clinic, p.wbpId, p.enrolmentId)).reassessments;
    expect(mid).toMatchObject({ point: 50, status: 'due', assessmentId, assessmentStatus: 'draft' });
  });

  it('are done once the follow-up is signed through the assessment signing', async () => {
    const u = await unit();
    const p = await inCommunity(u);
    const { assessmentId } = (await startReassessment(u.clinic, p.enrolmentId, 50)).json() as { assessmentId: string };
    await signFollowUp(u.clinic, assessmentId);
    const [mid] = (await enrolmentOf(u.clinic, p.wbpId, p.enrolmentId)).reassessments;
    expect(mid).toMatchObject({ point: 50, status: 'done', assessmentId, assessmentStatus: 'signed' });
  });

  it('refuse starting again a point already signed, with 409', async () => {
    const u = await unit();
    const p = await inCommunity(u);
    const { assessmentId } = (await startReassessment(u.clinic, p.enrolmentId, 50)).json() as { assessmentId: string };
    await signFollowUp(u.clinic, assessmentId);
    expect((await startReassessment(u.clinic, p.enrolmentId, 50)).statusCode).toBe(409);
  });

  it('need an ASI assessor certificate to sign the follow-up', async () => {
    const u = await unit();
    const p = await inCommunity(u);
    const counsellor = await makeUser(ctx.db, { role: 'clinic_staff', organizationId: u.unitId });
    const session = await signIn(ctx.app, counsellor.username);
    const { assessmentId } = (await startReassessment(session, p.enrolmentId, 50)).json() as { assessmentId: string };
    await session.request({ method: 'PUT', url: `/api/assessments/${assessmentId}`, payload: { form: { severity: { napza: 3 } }, version: 1 } });
    const response = await session.request({ method: 'POST', url: `/api/assessments/${assessmentId}/sign`, payload: { version: 2 } });
    expect(response.statusCode).toBe(403);
  });

  it('say on the assessment that it is a re-assessment, with its point and programme', async () => {
    const u = await unit();
    const p = await inCommunity(u);
    const { assessmentId } = (await startReassessment(u.clinic, p.enrolmentId, 100)).json() as { assessmentId: string };
    const record = (await u.clinic.request({ method: 'GET', url: `/api/assessments/${assessmentId}` })).json() as AssessmentRecord;
    const programme = await ctx.db.selectFrom('programmes').select('name').where('id', '=', p.programmeId).executeTakeFirstOrThrow();
    expect(record).toMatchObject({ purpose: 'follow_up', followUp: { enrolmentId: p.enrolmentId, point: 100, programmeName: programme.name } });
  });

  it('write a create audit row for the follow-up with its point', async () => {
    const u = await unit();
    const p = await inCommunity(u);
    const { assessmentId } = (await startReassessment(u.clinic, p.enrolmentId, 50)).json() as { assessmentId: string };
    const rows = await auditRows('assessment', u.clinicId);
    expect(rows).toMatchObject([{ action: 'create', entity_id: assessmentId, details: { purpose: 'follow_up', enrolmentId: p.enrolmentId, point: 50 } }]);
  });
});

describe('a signed follow-up', () => {
  it('never enters the head of unit\'s decision queue', async () => {
    const u = await unit();
    const p = await inCommunity(u);
    const { assessmentId } = (await startReassessment(u.clinic, p.enrolmentId, 50)).json() as { assessmentId: string };
    await signFollowUp(u.clinic, assessmentId);
    const pending = await u.clinic.request({ method: 'GET', url: `/api/facilities/${u.unitId}/placement/pending` });
    expect(pending.statusCode).toBe(200);
    expect((pending.json() as { items: { assessmentId: string }[] }).items.map((i) => i.assessmentId)).not.toContain(assessmentId);
  });

  it('never gets a decision: the decree on it is refused, naming assessmentId', async () => {
    const u = await unit();
    const p = await inCommunity(u);
    const { assessmentId } = (await startReassessment(u.clinic, p.enrolmentId, 50)).json() as { assessmentId: string };
    await signFollowUp(u.clinic, assessmentId);
    const head = await ctx.db.selectFrom('users').select('username').where('id', '=', u.headId).executeTakeFirstOrThrow();
    const response = await (await signIn(ctx.app, head.username)).request({
      method: 'POST', url: `/api/wbp/${p.wbpId}/decisions`,
      payload: { assessmentId, decreeNumber: 'W.11.PAS-UJI-1', decreeDate: '2026-11-23', programmeIds: [p.programmeId] },
    });
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['assessmentId']);
    expect(await ctx.db.selectFrom('placement_decisions').select('id').where('assessment_id', '=', assessmentId).execute()).toEqual([]);
  });
});

// --- After a transfer ----------------------------------------------------------------------------

describe('an enrolment of the unit a person was transferred from', () => {
  /** A member of another unit's community, held in the receiving unit since; the enrolment stays the other unit's. */
  async function transferredIn() {
    const sending = await unit();
    const p = await inCommunity(sending);
    return { sending, ...p };
  }
  const moveTo = (receiving: Unit, wbpId: string) => ctx.db.updateTable('wbp').set({ facility_id: receiving.unitId }).where('id', '=', wbpId).execute();

  it('gets no phase change from the receiving unit: 404, and nothing stored', async () => {
    const u = await unit();
    const p = await transferredIn();
    await moveTo(u, p.wbpId);
    const response = await changePhase(u.clinic, p.enrolmentId, promotion);
    expect(response.statusCode).toBe(404);
    expect(await ctx.db.selectFrom('phase_changes').select('id').execute()).toEqual([]);
  });

  it('gets no peer role from the receiving unit: 404, and nothing stored', async () => {
    const u = await unit();
    const p = await transferredIn();
    await moveTo(u, p.wbpId);
    const response = await assignRole(u.clinic, p.enrolmentId, { role: 'buddy', startedOn: '2026-10-01' });
    expect(response.statusCode).toBe(404);
    expect(await ctx.db.selectFrom('community_roles').select('id').execute()).toEqual([]);
  });

  it('keeps its peer role open against an end from the receiving unit: 404', async () => {
    const u = await unit();
    const p = await transferredIn();
    const role = (await assignRole(p.sending.clinic, p.enrolmentId, { role: 'buddy', startedOn: '2026-10-01' })).json() as CommunityRoleRecord;
    await moveTo(u, p.wbpId);
    const response = await u.clinic.request({ method: 'POST', url: `/api/community-roles/${role.id}/end`, payload: { endedOn: '2026-11-01' } });
    expect(response.statusCode).toBe(404);
    expect(await ctx.db.selectFrom('community_roles').select('ended_on').where('id', '=', role.id).executeTakeFirstOrThrow()).toEqual({ ended_on: null });
  });

  it('gets no re-assessment started by the receiving unit: 404, and nothing started', async () => {
    const u = await unit();
    const p = await transferredIn();
    await moveTo(u, p.wbpId);
    const response = await startReassessment(u.clinic, p.enrolmentId, 50);
    expect(response.statusCode).toBe(404);
    expect(await ctx.db.selectFrom('assessments').select('id').where('purpose', '=', 'follow_up').execute()).toEqual([]);
  });

  it('is still read on the person\'s progress in the receiving unit', async () => {
    const u = await unit();
    const p = await transferredIn();
    await moveTo(u, p.wbpId);
    expect((await progressOf(u.clinic, p.wbpId)).enrolments.map((e) => e.enrolmentId)).toEqual([p.enrolmentId]);
  });
});

// --- Before and after ----------------------------------------------------------------------------

const BASELINE_COMPOSITES = { medical: 0.2, employment: 0.85, alcohol: 0.05, drug: 0.4103, legal: 0.6, family: 0.3, psychiatric: null };
const FOLLOW_UP_COMPOSITES = { medical: 0.25, employment: 0.8, alcohol: 0, drug: 0.1, legal: 0.6, family: 0.1, psychiatric: 0.2 };

/** A person placed on a signed assessment with known composites and grid, in a community since START. */
async function placedOnKnownAssessment(u: Unit) {
  const person = await makeWbp(ctx.db, { facility_id: u.unitId });
  const baseline = await ctx.db.insertInto('assessments').values({
    wbp_id: person.id, facility_id: u.unitId, status: 'signed', form: JSON.stringify({ severity: { medical: 2, employment_support: 6, napza: 7, legal: 5, family_social: 4, psychiatric: 3 } }),
    exchange_rate: 16_000, composites: JSON.stringify(BASELINE_COMPOSITES), asi_problems: '[]', placement: '["social"]', rule_class: 'tinggi',
    rule_basis: 'asi_severity', final_class: 'tinggi', signed_by: u.clinicId, signed_at: new Date('2026-08-20T03:00:00Z'),
  }).returning('id').executeTakeFirstOrThrow();
  const programme = await makeProgramme(ctx.db, u.unitId, 'social');
  const decision = await ctx.db.insertInto('placement_decisions').values({
    wbp_id: person.id, facility_id: u.unitId, assessment_id: baseline.id, decree_number: `SK/KNOWN/${person.id.slice(0, 6)}`, decree_date: '2026-08-28',
    place: 'inside_unit', decided_by: u.headId,
  }).returning('id').executeTakeFirstOrThrow();
  const enrolment = await ctx.db.insertInto('enrolments').values({
    wbp_id: person.id, programme_id: programme.id, decision_id: decision.id, status: 'active', start_date: START, expected_end_date: '2027-02-16',
  }).returning('id').executeTakeFirstOrThrow();
  const followUp = await ctx.db.insertInto('assessments').values({
    wbp_id: person.id, facility_id: u.unitId, status: 'signed', form: JSON.stringify({ severity: { medical: 2, employment_support: 5, napza: 3, legal: 5, family_social: 2 } }),
    exchange_rate: 16_000, composites: JSON.stringify(FOLLOW_UP_COMPOSITES), asi_problems: '[]', placement: '["education"]', rule_class: 'rendah',
    rule_basis: 'asi_severity', final_class: 'rendah', purpose: 'follow_up', enrolment_id: enrolment.id, follow_up_point: 50,
    signed_by: u.clinicId, signed_at: new Date('2026-11-20T03:00:00Z'),
  }).returning('id').executeTakeFirstOrThrow();
  return { wbpId: person.id, enrolmentId: enrolment.id, baselineId: baseline.id, followUpId: followUp.id };
}

describe('the comparison of a follow-up with the assessment that placed the person', () => {
  it('gives each ASI composite before, after and the change, with its direction', async () => {
    const u = await unit();
    const k = await placedOnKnownAssessment(u);
    const [comparison] = (await enrolmentOf(u.clinic, k.wbpId, k.enrolmentId)).comparisons;
    expect(comparison).toMatchObject({ baselineId: k.baselineId, followUpId: k.followUpId, point: 50 });
    expect(comparison!.composites).toEqual([
      { area: 'medical', before: 0.2, after: 0.25, change: 0.05, direction: 'worse' },
      { area: 'employment', before: 0.85, after: 0.8, change: -0.05, direction: 'better' },
      { area: 'alcohol', before: 0.05, after: 0, change: -0.05, direction: 'better' },
      { area: 'drug', before: 0.4103, after: 0.1, change: -0.3103, direction: 'better' },
      { area: 'legal', before: 0.6, after: 0.6, change: 0, direction: 'same' },
      { area: 'family', before: 0.3, after: 0.1, change: -0.2, direction: 'better' },
      { area: 'psychiatric', before: null, after: 0.2, change: null, direction: null },
    ]);
  });

  it('gives the 0–9 grid of the six areas before, after and the change', async () => {
    const u = await unit();
    const k = await placedOnKnownAssessment(u);
    const [comparison] = (await enrolmentOf(u.clinic, k.wbpId, k.enrolmentId)).comparisons;
    expect(comparison!.severity.map((s) => [s.area, s.before, s.after, s.change, s.direction])).toEqual([
      ['medical', 2, 2, 0, 'same'],
      ['employment_support', 6, 5, -1, 'better'],
      ['napza', 7, 3, -4, 'better'],
      ['legal', 5, 5, 0, 'same'],
      ['family_social', 4, 2, -2, 'better'],
      ['psychiatric', 3, null, null, null],
    ]);
  });

  it('names the baseline on the enrolment and leaves drafts out of the comparisons', async () => {
    const u = await unit();
    const k = await placedOnKnownAssessment(u);
    await startReassessment(u.clinic, k.enrolmentId, 100);
    const e = await enrolmentOf(u.clinic, k.wbpId, k.enrolmentId);
    expect(e.baselineAssessmentId).toBe(k.baselineId);
    expect(e.comparisons.map((c) => c.point)).toEqual([50]);
  });

  it('compares a follow-up signed through the API on its grid', async () => {
    const u = await unit();
    const k = await placedOnKnownAssessment(u);
    const { assessmentId } = (await startReassessment(u.clinic, k.enrolmentId, 100)).json() as { assessmentId: string };
    await signFollowUp(u.clinic, assessmentId, { napza: 1, psychiatric: 4 });
    const comparison = (await enrolmentOf(u.clinic, k.wbpId, k.enrolmentId)).comparisons.find((c) => c.point === 100)!;
    expect(comparison.severity.find((s) => s.area === 'napza')).toEqual({ area: 'napza', before: 7, after: 1, change: -6, direction: 'better' });
    expect(comparison.severity.find((s) => s.area === 'psychiatric')).toEqual({ area: 'psychiatric', before: 3, after: 4, change: 1, direction: 'worse' });
  });
});

// --- The unit's task list ------------------------------------------------------------------------

async function storedTask(u: Unit, wbpId: string, more: { kind?: 'urine_positive' | 'incident_review'; dueOn?: string; status?: 'open' | 'done' } = {}) {
  return (await ctx.db.insertInto('care_tasks').values({
    wbp_id: wbpId, facility_id: u.unitId, kind: more.kind ?? 'urine_positive', due_on: more.dueOn ?? '2026-11-25', status: more.status ?? 'open',
  }).returning('id').executeTakeFirstOrThrow()).id;
}

interface TaskPage { items: CareTaskItem[]; page: number; pageSize: number; total: number }

async function tasksOf(session: Session, unitId: string, query = ''): Promise<TaskPage> {
  const response = await session.request({ method: 'GET', url: `/api/facilities/${unitId}/care-tasks${query}` });
  if (response.statusCode !== 200) throw new Error(`tasks: ${response.statusCode} ${response.body}`);
  return response.json() as TaskPage;
}

const closeTask = (session: Session, taskId: string, body: Record<string, unknown>) =>
  session.request({ method: 'POST', url: `/api/care-tasks/${taskId}/close`, payload: body });

describe('the unit\'s task list', () => {
  it('lists open tasks with the person and a link, and the re-assessment due, by due date', async () => {
    const u = await unit();
    const p = await inCommunity(u, { fullName: 'Bima Santoso' });
    const urine = await storedTask(u, p.wbpId, { dueOn: '2026-11-25' });
    const incident = await storedTask(u, p.wbpId, { kind: 'incident_review', dueOn: '2026-11-20' });
    const page = await tasksOf(u.clinic, u.unitId);
    expect(page.items.map((i) => [i.kind, i.dueOn, i.overdue, i.link])).toEqual([
      ['incident_review', '2026-11-20', true, `/wbp/${p.wbpId}/insiden`],
      ['reassessment', '2026-11-24', false, `/wbp/${p.wbpId}/kemajuan`],
      ['urine_positive', '2026-11-25', false, `/wbp/${p.wbpId}/urin`],
    ]);
    expect(page.items.map((i) => i.id)).toEqual([incident, `reassessment:${p.enrolmentId}:50`, urine]);
    expect(page.items[1]).toMatchObject({ fullName: 'Bima Santoso', point: 50, closable: false, assessmentId: null });
  });

  it('leaves out a re-assessment more than 14 days away and flags one overdue', async () => {
    const u = await unit();
    const later = await inCommunity(u, { startDate: '2026-10-01' });
    const earlier = await inCommunity(u, { startDate: '2026-08-01' });
    const items = (await tasksOf(u.clinic, u.unitId)).items;
    expect(items.map((i) => [i.wbpId, i.dueOn, i.overdue])).toEqual([[earlier.wbpId, '2026-10-24', true]]);
    expect(items.some((i) => i.wbpId === later.wbpId)).toBe(false);
  });

  it('leaves out a re-assessment once its follow-up is signed, but keeps a started draft with its id', async () => {
    const u = await unit();
    const signed = await inCommunity(u);
    const started = await inCommunity(u);
    const a = (await startReassessment(u.clinic, signed.enrolmentId, 50)).json() as { assessmentId: string };
    await signFollowUp(u.clinic, a.assessmentId);
    const b = (await startReassessment(u.clinic, started.enrolmentId, 50)).json() as { assessmentId: string };
    const items = (await tasksOf(u.clinic, u.unitId)).items;
    expect(items.map((i) => [i.wbpId, i.assessmentId])).toEqual([[started.wbpId, b.assessmentId]]);
  });

  it('keeps the end-of-programme re-assessment of a completed enrolment while it is not signed', async () => {
    const u = await unit();
    // 24 weeks from 9 June 2026: the end falls due on 24 November, the day after the completion.
    const p = await inCommunity(u, { startDate: '2026-06-09' });
    await ctx.db.updateTable('enrolments').set({ status: 'completed', ended_on: '2026-11-23', certificate_number: 'RUTAN-UJI/REH/2026/0001' })
      .where('id', '=', p.enrolmentId).execute();
    const items = (await tasksOf(u.clinic, u.unitId)).items;
    expect(items).toContainEqual(expect.objectContaining({
      id: `reassessment:${p.enrolmentId}:100`, kind: 'reassessment', wbpId: p.wbpId, point: 100, dueOn: '2026-11-24', overdue: false,
    }));
  });

  it('shows closed tasks only when asked for all', async () => {
    const u = await unit();
    const person = await makeWbp(ctx.db, { facility_id: u.unitId });
    await storedTask(u, person.id, { status: 'done' });
    expect((await tasksOf(u.clinic, u.unitId)).total).toBe(0);
    expect((await tasksOf(u.clinic, u.unitId, '?status=all')).items.map((i) => i.status)).toEqual(['done']);
  });

  it('holds no one of another unit', async () => {
    const u = await unit();
    const other = await unit();
    const theirs = await makeWbp(ctx.db, { facility_id: other.unitId });
    await storedTask(other, theirs.id);
    await inCommunity(other);
    expect((await tasksOf(u.clinic, u.unitId)).total).toBe(0);
  });

  it('holds no re-assessment of an enrolment in the programme of a unit the person was transferred from', async () => {
    const u = await unit();
    const sending = await unit();
    const p = await inCommunity(sending);
    await ctx.db.updateTable('wbp').set({ facility_id: u.unitId }).where('id', '=', p.wbpId).execute();
    expect((await tasksOf(u.clinic, u.unitId)).items).toEqual([]);
  });

  it('answers 404 for another unit\'s list', async () => {
    const u = await unit();
    const other = await unit();
    const response = await u.clinic.request({ method: 'GET', url: `/api/facilities/${other.unitId}/care-tasks` });
    expect(response.statusCode).toBe(404);
  });

  it('is paged', async () => {
    const u = await unit();
    const person = await makeWbp(ctx.db, { facility_id: u.unitId });
    for (const day of ['2026-11-25', '2026-11-26', '2026-11-27']) await storedTask(u, person.id, { dueOn: day });
    const page = await tasksOf(u.clinic, u.unitId, '?page=2&pageSize=2');
    expect(page).toMatchObject({ page: 2, pageSize: 2, total: 3 });
    expect(page.items.map((i) => i.dueOn)).toEqual(['2026-11-27']);
  });

  it('writes a read audit row for the unit', async () => {
    const u = await unit();
    await tasksOf(u.clinic, u.unitId);
    expect(await auditRows('care_tasks', u.clinicId)).toMatchObject([{ action: 'read', facility_id: u.unitId }]);
  });
});

describe('closing a task', () => {
  it('records done with the note, who closed it and when', async () => {
    const u = await unit();
    const person = await makeWbp(ctx.db, { facility_id: u.unitId });
    const id = await storedTask(u, person.id);
    const response = await closeTask(u.clinic, id, { status: 'done', note: 'Konseling lanjutan sudah dilakukan' });
    expect(response.statusCode).toBe(200);
    const row = await ctx.db.selectFrom('care_tasks').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'done', note: 'Konseling lanjutan sudah dilakukan', closed_by: u.clinicId, closed_at: NOW });
  });

  it('refuses closing without a note, naming note, and leaves it open', async () => {
    const u = await unit();
    const person = await makeWbp(ctx.db, { facility_id: u.unitId });
    const id = await storedTask(u, person.id);
    const response = await closeTask(u.clinic, id, { status: 'cancelled', note: '' });
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['note']);
    expect((await ctx.db.selectFrom('care_tasks').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('open');
  });

  it('refuses closing twice with 409', async () => {
    const u = await unit();
    const person = await makeWbp(ctx.db, { facility_id: u.unitId });
    const id = await storedTask(u, person.id);
    await closeTask(u.clinic, id, { status: 'done', note: 'Selesai ditindaklanjuti' });
    expect((await closeTask(u.clinic, id, { status: 'cancelled', note: 'Dibatalkan' })).statusCode).toBe(409);
  });

  it('answers 404 for a task of another unit and leaves it open', async () => {
    const u = await unit();
    const other = await unit();
    const theirs = await makeWbp(ctx.db, { facility_id: other.unitId });
    const id = await storedTask(other, theirs.id);
    expect((await closeTask(u.clinic, id, { status: 'done', note: 'Bukan tugas unit ini' })).statusCode).toBe(404);
    expect((await ctx.db.selectFrom('care_tasks').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('open');
  });

  it('writes an update audit row with the new status', async () => {
    const u = await unit();
    const person = await makeWbp(ctx.db, { facility_id: u.unitId });
    const id = await storedTask(u, person.id);
    await closeTask(u.clinic, id, { status: 'cancelled', note: 'Hasil tes ulang negatif' });
    expect(await auditRows('care_task', u.clinicId)).toMatchObject([{ action: 'update', entity_id: id, details: { status: 'cancelled', wbpId: person.id } }]);
  });
});
