import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PersonUrineTests, UnitUrineRates, UrineDay, UrineSelection, UrineTest } from '../../../shared/contracts/urine.ts';
import { URINE_PANEL, type UrineOutcome, drawRandom } from '../../../shared/domain/urine.ts';
import { type Session, type TestApp, signIn, testApp } from '../../testing/app.ts';
import { grantAccess, makeEnrolment, makeOrganization, makeProgramme, makeUser, makeWbp } from '../../testing/factories.ts';

let ctx: TestApp;
// Sunday 22 November 2026, 10:00 in Jakarta.
const NOW = new Date('2026-11-22T03:00:00Z');
const TODAY = '2026-11-22';

beforeEach(async () => {
  ctx = await testApp({ now: () => NOW });
});
afterEach(async () => ctx.close());

interface Unit {
  id: string;
  clinic: Session;
  clinicId: string;
  headId: string;
  custodyId: string;
  social: string;
  medical: string;
  /** People actively enrolled in the Therapeutic Community since 1 September. */
  tc: string[];
  /** People actively enrolled in medical rehabilitation since 1 September. */
  med: string[];
}

async function unit(tcCount = 4, medCount = 2): Promise<Unit> {
  const org = await makeOrganization(ctx.db, { kind: 'rutan' });
  const clinic = await makeUser(ctx.db, { role: 'clinic_staff', organizationId: org.id });
  const head = await makeUser(ctx.db, { role: 'head_of_unit', organizationId: org.id });
  const custody = await makeUser(ctx.db, { role: 'custody_officer', organizationId: org.id });
  const social = await makeProgramme(ctx.db, org.id, 'social');
  const medical = await makeProgramme(ctx.db, org.id, 'medical');
  const enrol = async (programmeId: string) => {
    const person = await makeWbp(ctx.db, { facility_id: org.id });
    await makeEnrolment(ctx.db, { wbpId: person.id, facilityId: org.id, decidedBy: head.id, programmeId });
    return person.id;
  };
  const tc: string[] = [];
  for (let i = 0; i < tcCount; i += 1) tc.push(await enrol(social.id));
  const med: string[] = [];
  for (let i = 0; i < medCount; i += 1) med.push(await enrol(medical.id));
  return {
    id: org.id, clinic: await signIn(ctx.app, clinic.username), clinicId: clinic.id, headId: head.id, custodyId: custody.id,
    social: social.id, medical: medical.id, tc, med,
  };
}

async function select(u: Unit, body: Record<string, unknown>): Promise<UrineSelection> {
  const response = await u.clinic.request({ method: 'POST', url: `/api/facilities/${u.id}/urine/selections`, payload: { date: TODAY, ...body } });
  if (response.statusCode !== 201) throw new Error(`selection failed: ${response.statusCode} ${response.body}`);
  return response.json() as UrineSelection;
}

async function plan(u: Unit, wbpId: string, reason = 'routine'): Promise<UrineTest> {
  const response = await u.clinic.request({ method: 'POST', url: `/api/wbp/${wbpId}/urine-tests`, payload: { reason, plannedOn: TODAY } });
  if (response.statusCode !== 201) throw new Error(`planning failed: ${response.statusCode} ${response.body}`);
  return response.json() as UrineTest;
}

const post = (u: Unit, testId: string, step: string, payload: Record<string, unknown>) =>
  u.clinic.request({ method: 'POST', url: `/api/urine-tests/${testId}/${step}`, payload });

async function stepOk(u: Unit, test: UrineTest, step: string, payload: Record<string, unknown>): Promise<UrineTest> {
  const response = await post(u, test.id, step, { ...payload, version: test.version });
  if (response.statusCode !== 200) throw new Error(`${step} failed: ${response.statusCode} ${response.body}`);
  return response.json() as UrineTest;
}

const collectBody = (u: Unit) => ({ observedBy: u.custodyId, collectedAt: '2026-11-22T02:30:00.000Z', sealNumber: 'SGL-0001' });
const panel = (outcome: UrineOutcome, overrides: Partial<Record<(typeof URINE_PANEL)[number], UrineOutcome>> = {}) =>
  ({ ...Object.fromEntries(URINE_PANEL.map((s) => [s, outcome])), ...overrides });

async function collected(u: Unit, wbpId: string): Promise<UrineTest> {
  return stepOk(u, await plan(u, wbpId), 'collect', collectBody(u));
}

async function resulted(u: Unit, wbpId: string, results: Record<string, UrineOutcome>): Promise<UrineTest> {
  return stepOk(u, await collected(u, wbpId), 'result', { results });
}

const fieldsOf = (body: string) => ((JSON.parse(body) as { error: { fields?: { field: string }[] } }).error.fields ?? []).map((f) => f.field);

async function auditOf(entityType: string, entityId?: string) {
  let q = ctx.db.selectFrom('audit_log').select(['action', 'details', 'facility_id']).where('entity_type', '=', entityType).orderBy('id');
  if (entityId) q = q.where('entity_id', '=', entityId);
  return q.execute();
}

// --- The day's random selection -------------------------------------------------------------------

describe('drawing a day\'s selection', () => {
  it('plans a random test for the number asked, from the active participants of the unit', async () => {
    const u = await unit(4, 2);
    const selection = await select(u, { count: 3 });

    expect(selection.tests).toHaveLength(3);
    expect(selection.candidateCount).toBe(6);
    const rows = await ctx.db.selectFrom('urine_tests').selectAll().where('selection_id', '=', selection.id).execute();
    expect(rows.map((r) => ({ reason: r.reason, plannedOn: r.planned_on, status: r.status, facility: r.facility_id }))).toEqual(
      Array(3).fill({ reason: 'random', plannedOn: TODAY, status: 'planned', facility: u.id }),
    );
    expect(rows.every((r) => [...u.tc, ...u.med].includes(r.wbp_id) && r.enrolment_id !== null)).toBe(true);
  });

  it('stores the seed, the request and the candidates in their stable order', async () => {
    const u = await unit(3, 2);
    const selection = await select(u, { count: 2 });

    const row = await ctx.db.selectFrom('urine_selections').selectAll().where('id', '=', selection.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ seed: selection.seed, requested: 2, date: TODAY, programme_ids: [] });
    expect(row.candidates).toEqual([...u.tc, ...u.med].sort());
  });

  it('draws from the chosen programmes only', async () => {
    const u = await unit(3, 3);
    const selection = await select(u, { count: 10, programmeIds: [u.medical] });

    expect(selection.tests.map((t) => t.wbpId).sort()).toEqual([...u.med].sort());
    expect(selection.programmes.map((p) => p.id)).toEqual([u.medical]);
  });

  it('leaves out people held elsewhere, waiting, or not yet started on the date', async () => {
    const u = await unit(1, 0);
    const elsewhere = await makeOrganization(ctx.db, { kind: 'rutan' });
    const moved = await makeWbp(ctx.db, { facility_id: u.id });
    await makeEnrolment(ctx.db, { wbpId: moved.id, facilityId: u.id, decidedBy: u.headId, programmeId: u.social });
    await ctx.db.updateTable('wbp').set({ facility_id: elsewhere.id }).where('id', '=', moved.id).execute();
    const waiting = await makeWbp(ctx.db, { facility_id: u.id });
    await makeEnrolment(ctx.db, { wbpId: waiting.id, facilityId: u.id, decidedBy: u.headId, programmeId: u.social, status: 'waitlisted' });
    const later = await makeWbp(ctx.db, { facility_id: u.id });
    await makeEnrolment(ctx.db, { wbpId: later.id, facilityId: u.id, decidedBy: u.headId, programmeId: u.social, startDate: '2026-11-23' });

    const selection = await select(u, { count: 10 });

    expect(selection.tests.map((t) => t.wbpId)).toEqual(u.tc);
    expect(selection.candidateCount).toBe(1);
  });

  it('draws the people that its stored seed and candidates draw again', async () => {
    const u = await unit(8, 4);
    const selection = await select(u, { count: 4 });

    expect(selection.tests.map((t) => t.wbpId).sort()).toEqual(drawRandom(selection.seed, [...u.tc, ...u.med], 4).sort());
  });

  it('refuses a seed chosen by the user, naming it, and draws nothing', async () => {
    const u = await unit(3, 0);
    const response = await u.clinic.request({
      method: 'POST', url: `/api/facilities/${u.id}/urine/selections`, payload: { date: TODAY, count: 1, seed: 'PILIHAN-SAYA' },
    });

    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['seed']);
    expect(await ctx.db.selectFrom('urine_selections').select('id').where('facility_id', '=', u.id).execute()).toEqual([]);
  });

  it('makes a short printable seed when none is given', async () => {
    const u = await unit(2, 0);
    const selection = await select(u, { count: 1 });

    expect(selection.seed).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
  });

  it('takes everyone when more are asked than there are', async () => {
    const u = await unit(2, 1);
    const selection = await select(u, { count: 50 });

    expect(selection.tests.map((t) => t.wbpId).sort()).toEqual([...u.tc, ...u.med].sort());
  });

  it('refuses a draw without candidates, naming the programmes', async () => {
    const u = await unit(0, 0);
    const response = await u.clinic.request({ method: 'POST', url: `/api/facilities/${u.id}/urine/selections`, payload: { date: TODAY, count: 2 } });

    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['programmeIds']);
    expect(await ctx.db.selectFrom('urine_selections').select('id').execute()).toEqual([]);
  });

  it('refuses a programme of another unit, naming it', async () => {
    const u = await unit(2, 0);
    const other = await makeOrganization(ctx.db, { kind: 'rutan' });
    const foreign = await makeProgramme(ctx.db, other.id, 'social');
    const response = await u.clinic.request({
      method: 'POST', url: `/api/facilities/${u.id}/urine/selections`, payload: { date: TODAY, count: 1, programmeIds: [u.social, foreign.id] },
    });

    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['programmeIds.1']);
  });

  it('names a programme of another unit by its place in the request as sent, repeated programmes counted', async () => {
    const u = await unit(2, 0);
    const other = await makeOrganization(ctx.db, { kind: 'rutan' });
    const foreign = await makeProgramme(ctx.db, other.id, 'social');
    const response = await u.clinic.request({
      method: 'POST', url: `/api/facilities/${u.id}/urine/selections`, payload: { date: TODAY, count: 1, programmeIds: [u.social, u.social, foreign.id] },
    });

    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['programmeIds.2']);
  });

  it('refuses a count over 200, naming it', async () => {
    const u = await unit(1, 0);
    const response = await u.clinic.request({ method: 'POST', url: `/api/facilities/${u.id}/urine/selections`, payload: { date: TODAY, count: 201 } });

    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['count']);
  });

  it('does not draw in a unit the user does not work in', async () => {
    const u = await unit(1, 0);
    const other = await unit(2, 0);
    const response = await u.clinic.request({ method: 'POST', url: `/api/facilities/${other.id}/urine/selections`, payload: { date: TODAY, count: 1 } });

    expect(response.statusCode).toBe(404);
  });

  it('audits the draw with its seed and the people drawn', async () => {
    const u = await unit(3, 0);
    const selection = await select(u, { count: 2 });

    const [audit] = await auditOf('urine_selection', selection.id);
    expect(audit).toMatchObject({ action: 'create', facility_id: u.id });
    expect(audit!.details).toMatchObject({ seed: selection.seed, requested: 2, candidates: 3 });
    expect((audit!.details as { selected: string[] }).selected.sort()).toEqual(selection.tests.map((t) => t.wbpId).sort());
  });
});

describe('a stored selection', () => {
  it('proves itself reproducible from its seed and candidates', async () => {
    const u = await unit(6, 0);
    const { id } = await select(u, { count: 3 });
    const response = await u.clinic.request({ method: 'GET', url: `/api/urine/selections/${id}` });

    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id, reproduced: true, candidateCount: 6, requested: 3 });
  });

  it('says so when its people are not the draw of its seed', async () => {
    const u = await unit(6, 0);
    const selection = await select(u, { count: 3 });
    const outsider = u.tc.find((p) => !selection.tests.some((t) => t.wbpId === p))!;
    await ctx.db.updateTable('urine_tests').set({ wbp_id: outsider }).where('id', '=', selection.tests[0]!.id).execute();
    const response = await u.clinic.request({ method: 'GET', url: `/api/urine/selections/${selection.id}` });

    expect((response.json() as UrineSelection).reproduced).toBe(false);
  });

  it('leaves out the people transferred out of the unit since', async () => {
    const u = await unit(3, 0);
    const selection = await select(u, { count: 3 });
    const elsewhere = await makeOrganization(ctx.db, { kind: 'rutan' });
    await ctx.db.updateTable('wbp').set({ facility_id: elsewhere.id }).where('id', '=', u.tc[0]!).execute();
    const response = await u.clinic.request({ method: 'GET', url: `/api/urine/selections/${selection.id}` });

    expect((response.json() as UrineSelection).tests.map((t) => t.wbpId).sort()).toEqual([u.tc[1]!, u.tc[2]!].sort());
  });

  it('still proves itself reproducible after one of its people was transferred out', async () => {
    const u = await unit(4, 0);
    const selection = await select(u, { count: 2 });
    const elsewhere = await makeOrganization(ctx.db, { kind: 'rutan' });
    await ctx.db.updateTable('wbp').set({ facility_id: elsewhere.id }).where('id', '=', selection.tests[0]!.wbpId).execute();
    const response = await u.clinic.request({ method: 'GET', url: `/api/urine/selections/${selection.id}` });

    expect((response.json() as UrineSelection).reproduced).toBe(true);
  });

  it('is audited when read', async () => {
    const u = await unit(2, 0);
    const { id } = await select(u, { count: 1 });
    await u.clinic.request({ method: 'GET', url: `/api/urine/selections/${id}` });

    expect(await auditOf('urine_selection', id)).toEqual([
      expect.objectContaining({ action: 'create' }), expect.objectContaining({ action: 'read', details: { reproduced: true } }),
    ]);
  });

  it('is not found from another unit', async () => {
    const u = await unit(2, 0);
    const other = await unit(2, 0);
    const { id } = await select(other, { count: 1 });
    const response = await u.clinic.request({ method: 'GET', url: `/api/urine/selections/${id}` });

    expect(response.statusCode).toBe(404);
  });
});

describe('the day\'s list', () => {
  it('holds the day\'s selections with the name, number, block and room of each person, and the other tests of the day', async () => {
    const u = await unit(2, 0);
    const person = await ctx.db.selectFrom('wbp').selectAll().where('id', '=', u.tc[0]!).executeTakeFirstOrThrow();
    await select(u, { count: 2 });
    const entry = await plan(u, u.tc[1]!, 'entry');
    const response = await u.clinic.request({ method: 'GET', url: `/api/facilities/${u.id}/urine/selections?date=${TODAY}` });

    expect(response.statusCode).toBe(200);
    const day = response.json() as UrineDay;
    expect(day.selections).toHaveLength(1);
    expect(day.selections[0]!.tests.find((t) => t.wbpId === person.id)).toMatchObject({
      fullName: person.full_name, sdpNumber: person.sdp_number, block: person.block, room: person.room, status: 'planned',
    });
    expect(day.otherTests.map((t) => t.id)).toEqual([entry.id]);
  });

  it('leaves out of the day\'s selections the people transferred out of the unit since', async () => {
    const u = await unit(2, 0);
    await select(u, { count: 2 });
    const elsewhere = await makeOrganization(ctx.db, { kind: 'rutan' });
    await ctx.db.updateTable('wbp').set({ facility_id: elsewhere.id }).where('id', '=', u.tc[0]!).execute();
    const response = await u.clinic.request({ method: 'GET', url: `/api/facilities/${u.id}/urine/selections?date=${TODAY}` });

    expect((response.json() as UrineDay).selections[0]!.tests.map((t) => t.wbpId)).toEqual([u.tc[1]!]);
  });

  it('leaves out of the day\'s other tests the people transferred out of the unit since', async () => {
    const u = await unit(2, 0);
    await plan(u, u.tc[0]!, 'entry');
    const staying = await plan(u, u.tc[1]!, 'entry');
    const elsewhere = await makeOrganization(ctx.db, { kind: 'rutan' });
    await ctx.db.updateTable('wbp').set({ facility_id: elsewhere.id }).where('id', '=', u.tc[0]!).execute();
    const response = await u.clinic.request({ method: 'GET', url: `/api/facilities/${u.id}/urine/selections?date=${TODAY}` });

    expect((response.json() as UrineDay).otherTests.map((t) => t.id)).toEqual([staying.id]);
  });

  it('offers the unit\'s staff, custody officers included, as observers', async () => {
    const u = await unit(1, 0);
    const response = await u.clinic.request({ method: 'GET', url: `/api/facilities/${u.id}/urine/selections?date=${TODAY}` });

    expect((response.json() as UrineDay).observers.map((o) => o.id).sort()).toEqual([u.clinicId, u.headId, u.custodyId].sort());
  });

  it('is audited when read', async () => {
    const u = await unit(1, 0);
    await u.clinic.request({ method: 'GET', url: `/api/facilities/${u.id}/urine/selections?date=${TODAY}` });

    expect(await auditOf('urine_day')).toEqual([expect.objectContaining({ action: 'read', facility_id: u.id, details: { date: TODAY, selections: 0, tests: 0 } })]);
  });
});

// --- Tests planned by hand ------------------------------------------------------------------------

describe('planning a test by hand', () => {
  it('plans it with its reason and programme', async () => {
    const u = await unit(1, 0);
    const enrolment = await ctx.db.selectFrom('enrolments').select('id').where('wbp_id', '=', u.tc[0]!).executeTakeFirstOrThrow();
    const response = await u.clinic.request({
      method: 'POST', url: `/api/wbp/${u.tc[0]}/urine-tests`, payload: { reason: 'suspicion', plannedOn: TODAY, enrolmentId: enrolment.id },
    });

    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ reason: 'suspicion', plannedOn: TODAY, status: 'planned', enrolmentId: enrolment.id, selectionId: null });
  });

  it('refuses an enrolment of someone else, naming it', async () => {
    const u = await unit(2, 0);
    const enrolment = await ctx.db.selectFrom('enrolments').select('id').where('wbp_id', '=', u.tc[1]!).executeTakeFirstOrThrow();
    const response = await u.clinic.request({
      method: 'POST', url: `/api/wbp/${u.tc[0]}/urine-tests`, payload: { reason: 'routine', plannedOn: TODAY, enrolmentId: enrolment.id },
    });

    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['enrolmentId']);
  });

  it('refuses "random", which only a selection makes', async () => {
    const u = await unit(1, 0);
    const response = await u.clinic.request({ method: 'POST', url: `/api/wbp/${u.tc[0]}/urine-tests`, payload: { reason: 'random', plannedOn: TODAY } });

    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['reason']);
  });

  it('does not find a person of another unit', async () => {
    const u = await unit(1, 0);
    const other = await unit(1, 0);
    const response = await u.clinic.request({ method: 'POST', url: `/api/wbp/${other.tc[0]}/urine-tests`, payload: { reason: 'entry', plannedOn: TODAY } });

    expect(response.statusCode).toBe(404);
  });
});

// --- The chain of custody -------------------------------------------------------------------------

describe('the chain of custody', () => {
  it('records the collection: observer, seal, time, and the collector', async () => {
    const u = await unit(1, 0);
    const test = await collected(u, u.tc[0]!);

    expect(test).toMatchObject({ status: 'collected', sealNumber: 'SGL-0001', collectedAt: '2026-11-22T02:30:00.000Z', version: 2 });
    expect(test.observedBy?.id).toBe(u.custodyId);
    const row = await ctx.db.selectFrom('urine_tests').select(['collected_by', 'observed_by']).where('id', '=', test.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ collected_by: u.clinicId, observed_by: u.custodyId });
  });

  it('refuses an observer who does not work in the unit, naming the field', async () => {
    const u = await unit(1, 0);
    const stranger = await makeUser(ctx.db, { role: 'clinic_staff', organizationId: (await makeOrganization(ctx.db, { kind: 'rutan' })).id });
    const test = await plan(u, u.tc[0]!);
    const response = await post(u, test.id, 'collect', { ...collectBody(u), observedBy: stranger.id, version: 1 });

    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['observedBy']);
  });

  it('accepts staff of an organisation granted to the unit as observers', async () => {
    const u = await unit(1, 0);
    const bnnk = await makeOrganization(ctx.db, { kind: 'bnnk' });
    await grantAccess(ctx.db, bnnk.id, u.id);
    const counsellor = await makeUser(ctx.db, { role: 'counsellor', organizationId: bnnk.id });
    const test = await plan(u, u.tc[0]!);
    const response = await post(u, test.id, 'collect', { ...collectBody(u), observedBy: counsellor.id, version: 1 });

    expect(response.statusCode).toBe(200);
  });

  it('refuses a collection time in the future', async () => {
    const u = await unit(1, 0);
    const test = await plan(u, u.tc[0]!);
    const response = await post(u, test.id, 'collect', { ...collectBody(u), collectedAt: '2026-11-22T05:00:00.000Z', version: 1 });

    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['collectedAt']);
  });

  it('refuses a missing seal number, naming it', async () => {
    const u = await unit(1, 0);
    const test = await plan(u, u.tc[0]!);
    const response = await post(u, test.id, 'collect', { observedBy: u.custodyId, collectedAt: '2026-11-22T02:30:00.000Z', sealNumber: ' ', version: 1 });

    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['sealNumber']);
  });

  it('refuses a stale version with 409 and changes nothing', async () => {
    const u = await unit(1, 0);
    const test = await plan(u, u.tc[0]!);
    await stepOk(u, test, 'collect', collectBody(u));
    const response = await post(u, test.id, 'refuse', { note: 'Menolak', version: 1 });

    expect(response.statusCode).toBe(409);
    expect((await ctx.db.selectFrom('urine_tests').select('status').where('id', '=', test.id).executeTakeFirstOrThrow()).status).toBe('collected');
  });

  it.each([
    ['sending a sample not yet collected', 'send', { sentTo: 'Lab BNNK', sentAt: '2026-11-22T02:40:00.000Z' }],
    ['receiving a sample not sent', 'receive', { receivedBy: 'Analis', receivedAt: '2026-11-22T02:40:00.000Z' }],
    ['a result without a sample', 'result', { results: panel('negative') }],
  ])('refuses %s as out of order (409)', async (_name, step, body) => {
    const u = await unit(1, 0);
    const test = await plan(u, u.tc[0]!);
    const response = await post(u, test.id, step, { ...body, version: test.version });

    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ error: { code: 'CONFLICT' } });
  });

  it('refuses a result of a sample sent but not yet received', async () => {
    const u = await unit(1, 0);
    const sent = await stepOk(u, await collected(u, u.tc[0]!), 'send', { sentTo: 'Lab BNNK', sentAt: '2026-11-22T02:40:00.000Z' });
    const response = await post(u, sent.id, 'result', { results: panel('negative'), version: sent.version });

    expect(response.statusCode).toBe(409);
  });

  it('goes through a laboratory: sent, received, resulted', async () => {
    const u = await unit(1, 0);
    const sent = await stepOk(u, await collected(u, u.tc[0]!), 'send', { sentTo: 'Laboratorium BNNK Serang', sentAt: '2026-11-22T02:40:00.000Z' });
    const received = await stepOk(u, sent, 'receive', { receivedBy: 'Analis Siti', receivedAt: '2026-11-22T02:55:00.000Z' });
    const done = await stepOk(u, received, 'result', { results: panel('negative') });

    expect(done).toMatchObject({
      status: 'resulted', outcome: 'negative', sentTo: 'Laboratorium BNNK Serang', receivedBy: 'Analis Siti',
      sentAt: '2026-11-22T02:40:00.000Z', receivedAt: '2026-11-22T02:55:00.000Z', version: 5,
    });
  });

  it('refuses a receipt dated before the sample was sent', async () => {
    const u = await unit(1, 0);
    const sent = await stepOk(u, await collected(u, u.tc[0]!), 'send', { sentTo: 'Lab BNNK', sentAt: '2026-11-22T02:40:00.000Z' });
    const response = await post(u, sent.id, 'receive', { receivedBy: 'Analis', receivedAt: '2026-11-22T02:35:00.000Z', version: sent.version });

    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['receivedAt']);
  });

  it('results an on-site rapid test straight after collection', async () => {
    const u = await unit(1, 0);
    const done = await resulted(u, u.tc[0]!, panel('negative', { alcohol: 'invalid' }));

    expect(done).toMatchObject({ status: 'resulted', outcome: 'invalid', sentTo: null });
    expect(done.results).toEqual(panel('negative', { alcohol: 'invalid' }));
  });

  it('refuses a result that leaves out a substance of the panel, naming it', async () => {
    const u = await unit(1, 0);
    const test = await collected(u, u.tc[0]!);
    const { cannabis: _left, ...partial } = panel('negative');
    const response = await post(u, test.id, 'result', { results: partial, version: test.version });

    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['results.cannabis']);
  });

  it('refuses a substance outside the panel', async () => {
    const u = await unit(1, 0);
    const test = await collected(u, u.tc[0]!);
    const response = await post(u, test.id, 'result', { results: { ...panel('negative'), tobacco: 'negative' }, version: test.version });

    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)[0]).toMatch(/^results/);
  });

  it('opens a follow-up task due three days after a positive result', async () => {
    const u = await unit(1, 0);
    const done = await resulted(u, u.tc[0]!, panel('negative', { amphetamines: 'positive' }));

    expect(done.outcome).toBe('positive');
    const tasks = await ctx.db.selectFrom('care_tasks').selectAll().execute();
    expect(tasks.map((t) => ({ kind: t.kind, source: t.source_id, due: t.due_on, wbp: t.wbp_id, facility: t.facility_id, status: t.status }))).toEqual([
      { kind: 'urine_positive', source: done.id, due: '2026-11-25', wbp: u.tc[0], facility: u.id, status: 'open' },
    ]);
  });

  it('opens no task for a negative or invalid result', async () => {
    const u = await unit(2, 0);
    await resulted(u, u.tc[0]!, panel('negative'));
    await resulted(u, u.tc[1]!, panel('invalid'));

    expect(await ctx.db.selectFrom('care_tasks').select('id').execute()).toEqual([]);
  });

  it('records a refusal of a planned test with its note', async () => {
    const u = await unit(1, 0);
    const refused = await stepOk(u, await plan(u, u.tc[0]!), 'refuse', { note: 'Menolak memberikan sampel' });

    expect(refused).toMatchObject({ status: 'refused', note: 'Menolak memberikan sampel', closedAt: NOW.toISOString() });
  });

  it('refuses a refusal after collection', async () => {
    const u = await unit(1, 0);
    const test = await collected(u, u.tc[0]!);
    const response = await post(u, test.id, 'refuse', { note: 'Terlambat', version: test.version });

    expect(response.statusCode).toBe(409);
  });

  it('cancels a planned test with a note', async () => {
    const u = await unit(1, 0);
    const cancelled = await stepOk(u, await plan(u, u.tc[0]!), 'cancel', { note: 'Sidang di pengadilan' });

    expect(cancelled).toMatchObject({ status: 'cancelled', note: 'Sidang di pengadilan' });
  });

  it('does not cancel a collected test', async () => {
    const u = await unit(1, 0);
    const test = await collected(u, u.tc[0]!);
    const response = await post(u, test.id, 'cancel', { note: 'Salah orang', version: test.version });

    expect(response.statusCode).toBe(409);
  });

  it('audits each step with what was recorded', async () => {
    const u = await unit(1, 0);
    const done = await resulted(u, u.tc[0]!, panel('negative', { opiates: 'positive' }));

    const audit = await auditOf('urine_test', done.id);
    expect(audit.map((a) => [a.action, (a.details as { step?: string }).step ?? null])).toEqual([['create', null], ['update', 'collect'], ['update', 'result']]);
    expect(audit[2]!.details).toMatchObject({ outcome: 'positive', results: panel('negative', { opiates: 'positive' }) });
    expect(audit[1]!.details).toMatchObject({ observedBy: u.custodyId, sealNumber: 'SGL-0001' });
  });

  it('does not find a test of another unit', async () => {
    const u = await unit(1, 0);
    const other = await unit(1, 0);
    const test = await plan(other, other.tc[0]!);
    const response = await post(u, test.id, 'cancel', { note: 'x', version: 1 });

    expect(response.statusCode).toBe(404);
  });
});

describe('a confirmatory retest', () => {
  it('is planned for a positive result, linked to it', async () => {
    const u = await unit(1, 0);
    const positive = await resulted(u, u.tc[0]!, panel('negative', { cannabis: 'positive' }));
    const response = await u.clinic.request({ method: 'POST', url: `/api/urine-tests/${positive.id}/retest`, payload: {} });

    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ reason: 'retest', retestOf: positive.id, status: 'planned', plannedOn: TODAY, wbpId: u.tc[0] });
  });

  it('is planned for an invalid result', async () => {
    const u = await unit(1, 0);
    const invalid = await resulted(u, u.tc[0]!, panel('invalid'));
    const response = await u.clinic.request({ method: 'POST', url: `/api/urine-tests/${invalid.id}/retest`, payload: { plannedOn: '2026-11-23' } });

    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ plannedOn: '2026-11-23' });
  });

  it('is refused for a negative result', async () => {
    const u = await unit(1, 0);
    const negative = await resulted(u, u.tc[0]!, panel('negative'));
    const response = await u.clinic.request({ method: 'POST', url: `/api/urine-tests/${negative.id}/retest`, payload: {} });

    expect(response.statusCode).toBe(409);
  });

  it('is refused before there is a result', async () => {
    const u = await unit(1, 0);
    const test = await collected(u, u.tc[0]!);
    const response = await u.clinic.request({ method: 'POST', url: `/api/urine-tests/${test.id}/retest`, payload: {} });

    expect(response.statusCode).toBe(409);
  });

  it('is refused a second time while the first is under way', async () => {
    const u = await unit(1, 0);
    const positive = await resulted(u, u.tc[0]!, panel('negative', { cocaine: 'positive' }));
    await u.clinic.request({ method: 'POST', url: `/api/urine-tests/${positive.id}/retest`, payload: {} });
    const again = await u.clinic.request({ method: 'POST', url: `/api/urine-tests/${positive.id}/retest`, payload: {} });

    expect(again.statusCode).toBe(409);
  });
});

// --- Reading a person's tests and the rates -------------------------------------------------------

describe('a person\'s tests', () => {
  it('come newest first with the chain of custody, results, retest links and rates', async () => {
    const u = await unit(1, 0);
    const wbpId = u.tc[0]!;
    await ctx.db.insertInto('urine_tests').values({ wbp_id: wbpId, facility_id: u.id, reason: 'entry', planned_on: '2026-09-01', created_by: u.clinicId, status: 'refused' }).execute();
    const positive = await resulted(u, wbpId, panel('negative', { opiates: 'positive' }));
    const retest = (await u.clinic.request({ method: 'POST', url: `/api/urine-tests/${positive.id}/retest`, payload: { plannedOn: '2026-11-24' } })).json() as UrineTest;
    const response = await u.clinic.request({ method: 'GET', url: `/api/wbp/${wbpId}/urine-tests` });

    expect(response.statusCode).toBe(200);
    const body = response.json() as PersonUrineTests;
    expect(body.items.map((t) => t.plannedOn)).toEqual(['2026-11-24', TODAY, '2026-09-01']);
    const shown = body.items.find((t) => t.id === positive.id)!;
    expect(shown).toMatchObject({ retests: [retest.id], canRetest: false, outcome: 'positive' });
    expect(shown.collectedBy).toMatch(/^Pengguna /);
    expect(shown.observedBy?.name).toMatch(/^Pengguna /);
    expect(shown.closedBy).toBe(shown.collectedBy);
    expect(body.rates).toEqual({ tested: 1, resulted: 1, positive: 1, negative: 0, invalid: 0, refused: 1, positiveRate: 1 });
  });

  it('count a positive refuted by its retest only as the retest\'s result', async () => {
    const u = await unit(1, 0);
    const wbpId = u.tc[0]!;
    const positive = await resulted(u, wbpId, panel('negative', { opiates: 'positive' }));
    const retest = (await u.clinic.request({ method: 'POST', url: `/api/urine-tests/${positive.id}/retest`, payload: {} })).json() as UrineTest;
    await stepOk(u, await stepOk(u, retest, 'collect', collectBody(u)), 'result', { results: panel('negative') });
    const body = (await u.clinic.request({ method: 'GET', url: `/api/wbp/${wbpId}/urine-tests` })).json() as PersonUrineTests;

    expect(body.rates).toMatchObject({ resulted: 1, positive: 0, negative: 1, positiveRate: 0 });
  });

  it('come with the person\'s enrolments, which a test planned by hand may name', async () => {
    const u = await unit(1, 0);
    const enrolment = await ctx.db.selectFrom('enrolments').select('id').where('wbp_id', '=', u.tc[0]!).executeTakeFirstOrThrow();
    const body = (await u.clinic.request({ method: 'GET', url: `/api/wbp/${u.tc[0]}/urine-tests` })).json() as PersonUrineTests;

    expect(body.enrolments).toEqual([expect.objectContaining({ id: enrolment.id, status: 'active', startDate: '2026-09-01' })]);
  });

  it('are an audited read', async () => {
    const u = await unit(1, 0);
    await u.clinic.request({ method: 'GET', url: `/api/wbp/${u.tc[0]}/urine-tests` });

    expect(await auditOf('urine_tests', u.tc[0])).toEqual([expect.objectContaining({ action: 'read', facility_id: u.id })]);
  });

  it('are not found for a person of another unit', async () => {
    const u = await unit(1, 0);
    const other = await unit(1, 0);
    const response = await u.clinic.request({ method: 'GET', url: `/api/wbp/${other.tc[0]}/urine-tests` });

    expect(response.statusCode).toBe(404);
  });
});

describe('a unit\'s rates', () => {
  it('are given per programme and in total for the period', async () => {
    const u = await unit(2, 2);
    const selection = await select(u, { count: 4 });
    const byPerson = new Map(selection.tests.map((t) => [t.wbpId, t]));
    const result = async (wbpId: string, outcome: UrineOutcome) =>
      stepOk(u, await stepOk(u, byPerson.get(wbpId)!, 'collect', collectBody(u)), 'result', { results: panel('negative', { opiates: outcome }) });
    await result(u.tc[0]!, 'positive');
    await result(u.tc[1]!, 'negative');
    await result(u.med[0]!, 'negative');
    await stepOk(u, byPerson.get(u.med[1]!)!, 'refuse', { note: 'Menolak' });
    await ctx.db.insertInto('urine_tests').values({
      wbp_id: u.tc[0]!, facility_id: u.id, reason: 'routine', planned_on: '2026-10-01', created_by: u.clinicId, status: 'refused',
    }).execute();
    const response = await u.clinic.request({ method: 'GET', url: `/api/facilities/${u.id}/urine/rates?from=2026-11-01&to=2026-11-30` });

    expect(response.statusCode).toBe(200);
    const body = response.json() as UnitUrineRates;
    const programme = (id: string) => body.programmes.find((p) => p.programmeId === id);
    expect(programme(u.social)).toMatchObject({ tested: 2, resulted: 2, positive: 1, refused: 0, positiveRate: 0.5 });
    expect(programme(u.medical)).toMatchObject({ tested: 1, resulted: 1, positive: 0, refused: 1, positiveRate: 0 });
    expect(body.total).toEqual({ tested: 3, resulted: 3, positive: 1, negative: 2, invalid: 0, refused: 1, positiveRate: 1 / 3 });
  });

  it('refuse a period that ends before it starts, naming the end', async () => {
    const u = await unit(1, 0);
    const response = await u.clinic.request({ method: 'GET', url: `/api/facilities/${u.id}/urine/rates?from=2026-11-30&to=2026-11-01` });

    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['to']);
  });

  it('are audited when read', async () => {
    const u = await unit(1, 0);
    await u.clinic.request({ method: 'GET', url: `/api/facilities/${u.id}/urine/rates?from=2026-11-01&to=2026-11-30` });

    expect(await auditOf('urine_rates')).toEqual([expect.objectContaining({ action: 'read', facility_id: u.id, details: { from: '2026-11-01', to: '2026-11-30' } })]);
  });
});
