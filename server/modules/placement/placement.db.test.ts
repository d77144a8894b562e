import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DecisionRecord, EnrolmentRecord } from '../../../shared/contracts/programmes.ts';
import { type Session, type TestApp, signIn, testApp } from '../../testing/app.ts';
import { makeAssessment, makeOrganization, makeProgramme, makeScreening, makeUser, makeWbp } from '../../testing/factories.ts';

let ctx: TestApp;
let unitId: string;
let head: Session;
let staff: Session;
let signerId: string;
// Monday 23 November 2026, 10:00 in Jakarta.
const NOW = new Date('2026-11-23T03:00:00Z');

beforeEach(async () => {
  ctx = await testApp({ now: () => NOW });
  const unit = await makeOrganization(ctx.db, { kind: 'rutan' });
  unitId = unit.id;
  head = await signIn(ctx.app, (await makeUser(ctx.db, { role: 'head_of_unit', organizationId: unit.id })).username);
  const signer = await makeUser(ctx.db, { role: 'clinic_staff', organizationId: unit.id });
  signerId = signer.id;
  staff = await signIn(ctx.app, signer.username);
});
afterEach(async () => ctx.close());

async function assessed(overrides: { articles?: string[]; release?: string | null; napza?: number } = {}) {
  const person = await makeWbp(ctx.db, {
    facility_id: unitId, case_articles: overrides.articles ?? ['UU 35/2009 Pasal 112'], expected_release_date: overrides.release ?? null,
  });
  const assessment = await makeAssessment(ctx.db, {
    wbpId: person.id, facilityId: unitId, status: 'signed', signedBy: signerId, form: { severity: { napza: overrides.napza ?? 5 } },
  });
  return { person, assessment };
}

let decree = 0;
function decide(wbpId: string, assessmentId: string, programmeIds: string[], extra: Record<string, unknown> = {}) {
  decree += 1;
  return head.request({
    method: 'POST', url: `/api/wbp/${wbpId}/decisions`,
    payload: { assessmentId, decreeNumber: `W.11.PAS.PK.01-${decree}`, decreeDate: '2026-11-20', programmeIds, ...extra },
  });
}

describe('the head of unit\'s decision', () => {
  it('enrols the person in the programme from today, with its expected end', async () => {
    const { person, assessment } = await assessed();
    const programme = await makeProgramme(ctx.db, unitId, 'medical');

    const response = await decide(person.id, assessment.id, [programme.id]);

    expect(response.statusCode).toBe(201);
    const record = response.json() as DecisionRecord;
    expect(record.enrolments).toEqual([expect.objectContaining({ status: 'active', startDate: '2026-11-23', expectedEndDate: '2027-05-24' })]);
  });

  it('shows whether the decision kept the 14-working-day standard from the screening', async () => {
    const { person, assessment } = await assessed();
    await makeScreening(ctx.db, { wbpId: person.id, facilityId: unitId, screenedOn: '2026-10-26' });
    const programme = await makeProgramme(ctx.db, unitId, 'medical');

    const record = (await decide(person.id, assessment.id, [programme.id])).json() as DecisionRecord;

    expect(record).toMatchObject({ screenedOn: '2026-10-26', dueOn: '2026-11-13', workingDaysTaken: 19, onTime: false });
  });

  it('is for the head of unit alone', async () => {
    const { person, assessment } = await assessed();
    const programme = await makeProgramme(ctx.db, unitId);

    const response = await staff.request({
      method: 'POST', url: `/api/wbp/${person.id}/decisions`,
      payload: { assessmentId: assessment.id, decreeNumber: 'W.11-1', decreeDate: '2026-11-20', programmeIds: [programme.id] },
    });

    expect(response.statusCode).toBe(403);
  });

  it('refuses a second decision on the same assessment', async () => {
    const { person, assessment } = await assessed();
    const programme = await makeProgramme(ctx.db, unitId);
    await decide(person.id, assessment.id, [programme.id]);

    expect((await decide(person.id, assessment.id, [programme.id])).statusCode).toBe(409);
  });

  it('refuses a draft assessment, naming the field', async () => {
    const person = await makeWbp(ctx.db, { facility_id: unitId });
    const draft = await makeAssessment(ctx.db, { wbpId: person.id, facilityId: unitId });
    const programme = await makeProgramme(ctx.db, unitId);

    const response = await decide(person.id, draft.id, [programme.id]);

    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { fields: [{ field: 'assessmentId' }] } });
  });

  it('allows rehabilitation outside the unit only for a pure Pasal 127 case', async () => {
    const programme = await makeProgramme(ctx.db, unitId);
    const dealer = await assessed({ articles: ['UU 35/2009 Pasal 114', 'UU 35/2009 Pasal 127'] });
    const user = await assessed({ articles: ['UU 35/2009 Pasal 127'] });

    const refused = await decide(dealer.person.id, dealer.assessment.id, [programme.id], { place: 'outside_unit' });
    const allowed = await decide(user.person.id, user.assessment.id, [programme.id], { place: 'outside_unit' });

    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ error: { fields: [{ field: 'place' }] } });
    expect(allowed.statusCode).toBe(201);
  });

  it('lists signed assessments awaiting a decision with their due date, and drops them once decided', async () => {
    const { person, assessment } = await assessed();
    await makeScreening(ctx.db, { wbpId: person.id, facilityId: unitId, screenedOn: '2026-10-26' });
    const pending = async () => (await staff.request({ method: 'GET', url: `/api/facilities/${unitId}/placement/pending` })).json() as { items: { wbpId: string; overdue: boolean; dueOn: string }[] };

    expect((await pending()).items).toEqual([expect.objectContaining({ wbpId: person.id, dueOn: '2026-11-13', overdue: true })]);
    await decide(person.id, assessment.id, [(await makeProgramme(ctx.db, unitId)).id]);
    expect((await pending()).items).toEqual([]);
  });
});

describe('a person\'s decisions', () => {
  it('lists each decision with its own enrolments', async () => {
    const { person, assessment } = await assessed();
    const later = await makeAssessment(ctx.db, { wbpId: person.id, facilityId: unitId, status: 'signed', signedBy: signerId });
    const medical = await makeProgramme(ctx.db, unitId, 'medical');
    const social = await makeProgramme(ctx.db, unitId, 'social');
    const first = (await decide(person.id, assessment.id, [medical.id])).json() as DecisionRecord;
    const second = (await decide(person.id, later.id, [social.id])).json() as DecisionRecord;

    const response = await staff.request({ method: 'GET', url: `/api/wbp/${person.id}/decisions` });

    expect(response.statusCode).toBe(200);
    const items = (response.json() as { items: DecisionRecord[] }).items;
    expect(items.map((d) => [d.id, d.enrolments.map((e) => e.programmeId)]).sort()).toEqual([[first.id, [medical.id]], [second.id, [social.id]]].sort());
  });
});

describe('a full programme', () => {
  it('puts the next person on a waitlist, the more severe first, and flags who cannot finish before release', async () => {
    const programme = await makeProgramme(ctx.db, unitId, 'social');
    await ctx.db.updateTable('programmes').set({ capacity: 1 }).where('id', '=', programme.id).execute();
    const first = await assessed({ napza: 6 });
    const mild = await assessed({ napza: 6 });
    const severe = await assessed({ napza: 9 });
    const leaving = await assessed({ napza: 9, release: '2027-01-15' });
    for (const p of [first, mild, severe, leaving]) await decide(p.person.id, p.assessment.id, [programme.id]);

    const roster = (await staff.request({ method: 'GET', url: `/api/programmes/${programme.id}/enrolments` })).json() as { items: EnrolmentRecord[] };

    expect(roster.items.map((e) => [e.wbpId, e.status, e.waitlistPosition])).toEqual([
      [first.person.id, 'active', null],
      [severe.person.id, 'waitlisted', 1],
      [mild.person.id, 'waitlisted', 2],
      [leaving.person.id, 'waitlisted', 3],
    ]);
    expect(roster.items[3]?.cannotFinishReason).toBe('perkiraan bebas 2027-01-15, sebelum program selesai 2027-05-10');
  });
});
