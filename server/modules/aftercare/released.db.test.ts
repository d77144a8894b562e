import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReleasePlanRecord } from '../../../shared/contracts/aftercare.ts';
import type { ImportReport } from '../../../shared/contracts/sdp.ts';
import type { WbpSummary } from '../../../shared/contracts/wbp.ts';
import { type Session, type TestApp, signIn, testApp } from '../../testing/app.ts';
import { rosterCsv, rosterRow } from '../../testing/csv.ts';
import { grantAccess, makeAssessment, makeEnrolment, makeOrganization, makeUser, makeWbp } from '../../testing/factories.ts';

// Released people keep their records, but are no longer held: the register, head counts, worklists
// and the roster import treat them so. Sunday 22 November 2026, 10:00 in Jakarta.
const nowAt = new Date('2026-11-22T03:00:00Z');
const TODAY = '2026-11-22';
const RELEASED_ON = '2026-11-10';

let ctx: TestApp;
let unit: Awaited<ReturnType<typeof makeOrganization>>;
let otherUnit: Awaited<ReturnType<typeof makeOrganization>>;
let headId: string;
let clinic: Session;

beforeEach(async () => {
  ctx = await testApp({ now: () => nowAt });
  unit = await makeOrganization(ctx.db, { kind: 'rutan', code: 'RUTAN-UJI', name: 'Rutan Uji' });
  otherUnit = await makeOrganization(ctx.db, { kind: 'lapas', code: 'LAPAS-UJI', name: 'Lapas Uji' });
  headId = (await makeUser(ctx.db, { role: 'head_of_unit', organizationId: unit.id })).id;
  clinic = await signIn(ctx.app, (await makeUser(ctx.db, { role: 'clinic_staff', organizationId: unit.id })).username);
});
afterEach(async () => ctx.close());

interface ErrorBody { error: { code: string; message: string; fields?: { field: string; message: string }[] } }
const fieldsOf = (body: string) => ((JSON.parse(body) as ErrorBody).error.fields ?? []).map((f) => f.field);

async function held(overrides: { full_name?: string; block?: string } = {}) {
  return makeWbp(ctx.db, { facility_id: unit.id, admission_date: '2026-01-05', full_name: 'Masih Ditahan', ...overrides });
}

/** A person released on RELEASED_ON on a parole plan, as the release of aftercare leaves them. */
async function released(overrides: { full_name?: string; block?: string; sdp_number?: string } = {}) {
  const person = await makeWbp(ctx.db, { facility_id: unit.id, admission_date: '2026-01-05', full_name: 'Sudah Bebas', released_on: RELEASED_ON, ...overrides });
  await ctx.db.insertInto('release_plans').values({
    wbp_id: person.id, facility_id: unit.id, kind: 'pb', expected_on: RELEASED_ON, status: 'released', released_on: RELEASED_ON, created_by: headId,
  }).execute();
  return person;
}

async function register(query = ''): Promise<WbpSummary[]> {
  const response = await clinic.request({ method: 'GET', url: `/api/wbp?facilityId=${unit.id}${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as { items: WbpSummary[] }).items;
}

describe('the register', () => {
  it('lists only the people held by default', async () => {
    const stays = await held();
    await released();

    expect((await register()).map((p) => p.id)).toEqual([stays.id]);
  });

  it('lists the released people, with their release date, when asked', async () => {
    await held();
    const gone = await released();

    expect((await register('&custody=released')).map((p) => [p.id, p.releasedOn])).toEqual([[gone.id, RELEASED_ON]]);
  });

  it('lists everyone when asked for all', async () => {
    await held();
    await released();

    expect((await register('&custody=all')).map((p) => p.fullName).sort()).toEqual(['Masih Ditahan', 'Sudah Bebas']);
  });

  it('refuses an unknown custody filter, naming it', async () => {
    const response = await clinic.request({ method: 'GET', url: '/api/wbp?custody=escaped' });

    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['custody']);
  });

  it('offers only the blocks of people held', async () => {
    await held({ block: 'Blok A' });
    await released({ block: 'Blok Z' });

    const response = await clinic.request({ method: 'GET', url: `/api/wbp/blocks?facilityId=${unit.id}` });

    expect(response.json()).toEqual({ items: ['Blok A'] });
  });

  it("shows a released person's page with the release date and kind", async () => {
    const gone = await released();

    const response = await clinic.request({ method: 'GET', url: `/api/wbp/${gone.id}` });

    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ releasedOn: RELEASED_ON, releaseKind: 'pb' });
  });

  it('shows no release on the page of someone held', async () => {
    const stays = await held();

    expect((await clinic.request({ method: 'GET', url: `/api/wbp/${stays.id}` })).json()).toMatchObject({ releasedOn: null, releaseKind: null });
  });

  it('refuses to edit a released person, saying since when they are free, and changes nothing', async () => {
    const gone = await released();

    const response = await clinic.request({
      method: 'PUT', url: `/api/wbp/${gone.id}`,
      payload: { fullName: 'Nama Baru', sex: 'L', legalStatus: 'narapidana', admissionDate: '2026-01-05', version: gone.version },
    });

    expect(response.statusCode).toBe(409);
    expect((response.json() as ErrorBody).error.message).toContain(RELEASED_ON);
    expect((await ctx.db.selectFrom('wbp').select('full_name').where('id', '=', gone.id).executeTakeFirstOrThrow()).full_name).toBe('Sudah Bebas');
  });

  it('refuses to transfer a released person and records no transfer', async () => {
    const gone = await released();

    const response = await clinic.request({
      method: 'POST', url: `/api/wbp/${gone.id}/transfer`,
      payload: { toFacilityId: otherUnit.id, transferDate: TODAY, reason: 'Pemindahan uji', version: gone.version },
    });

    expect(response.statusCode).toBe(409);
    expect(await ctx.db.selectFrom('wbp_transfers').select('id').where('wbp_id', '=', gone.id).execute()).toEqual([]);
  });
});

describe('head counts and worklists', () => {
  it('counts only the people held in the overview', async () => {
    await held();
    await held();
    await released();
    const head = await signIn(ctx.app, (await ctx.db.selectFrom('users').select('username').where('id', '=', headId).executeTakeFirstOrThrow()).username);

    const response = await head.request({ method: 'GET', url: '/api/stats/overview' });

    expect(response.statusCode, response.body).toBe(200);
    expect((response.json() as { facilities: { id: string; held: number }[] }).facilities.find((f) => f.id === unit.id)?.held).toBe(2);
  });

  it('leaves released people out of the screening worklist', async () => {
    const stays = await held();
    await released();

    const response = await clinic.request({ method: 'GET', url: `/api/screening/worklist?facilityId=${unit.id}` });

    expect((response.json() as { items: { wbpId: string }[] }).items.map((i) => i.wbpId)).toEqual([stays.id]);
  });

  it('leaves released people out of the decisions pending', async () => {
    const stays = await held();
    const gone = await released();
    for (const p of [stays, gone]) await makeAssessment(ctx.db, { wbpId: p.id, facilityId: unit.id, status: 'signed', signedBy: headId });

    const response = await clinic.request({ method: 'GET', url: `/api/facilities/${unit.id}/placement/pending` });

    expect((response.json() as { items: { wbpId: string }[] }).items.map((i) => i.wbpId)).toEqual([stays.id]);
  });

  it('leaves released people out of the care tasks', async () => {
    const stays = await held();
    const gone = await released();
    await ctx.db.insertInto('care_tasks').values([stays, gone].map((p) => ({ wbp_id: p.id, facility_id: unit.id, kind: 'incident_review' as const, due_on: TODAY })))
      .execute();

    const response = await clinic.request({ method: 'GET', url: `/api/facilities/${unit.id}/care-tasks` });

    expect((response.json() as { items: { wbpId: string }[] }).items.map((i) => i.wbpId)).toEqual([stays.id]);
  });

  it('does not draw a released person for a urine test, even with an enrolment left open', async () => {
    const stays = await held();
    const gone = await released();
    const { programme } = await makeEnrolment(ctx.db, { wbpId: stays.id, facilityId: unit.id, decidedBy: headId });
    await makeEnrolment(ctx.db, { wbpId: gone.id, facilityId: unit.id, decidedBy: headId, programmeId: programme.id });

    const response = await clinic.request({ method: 'POST', url: `/api/facilities/${unit.id}/urine/selections`, payload: { date: TODAY, count: 1 } });

    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ candidateCount: 1 });
  });
});

describe('the SDP roster import', () => {
  function upload(csv: string, as: Session = clinic) {
    return as.request({ method: 'POST', url: '/api/imports/sdp', headers: { 'content-type': 'text/csv' }, payload: csv });
  }

  it("refuses a released person's row without a new admission date, naming tanggal_masuk, and writes nothing", async () => {
    const gone = await released({ sdp_number: 'AII.2026.BEBAS1' });
    const fresh = rosterRow({ kode_upt: unit.code });

    const response = await upload(rosterCsv([rosterRow({ kode_upt: unit.code, no_registrasi: gone.sdp_number, tanggal_masuk: '2026-01-05' }), fresh]));

    expect(response.statusCode).toBe(400);
    const { report } = response.json() as { report: ImportReport };
    expect(report.rejected).toEqual([{ line: 2, field: 'tanggal_masuk', value: '2026-01-05', reason: expect.stringContaining(`sudah bebas sejak ${RELEASED_ON}`) as unknown }]);
    expect(await ctx.db.selectFrom('wbp').select('id').where('sdp_number', '=', fresh.no_registrasi).execute()).toEqual([]);
  });

  it('re-admits a released person whose row has an admission date after the release, and audits it', async () => {
    const gone = await released({ sdp_number: 'AII.2026.BEBAS2' });

    const response = await upload(rosterCsv([rosterRow({ kode_upt: unit.code, no_registrasi: gone.sdp_number, tanggal_masuk: '2026-11-20' })]));

    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ updated: 1 });
    expect(await ctx.db.selectFrom('wbp').select(['released_on', 'admission_date']).where('id', '=', gone.id).executeTakeFirstOrThrow())
      .toEqual({ released_on: null, admission_date: '2026-11-20' });
    const audit = await ctx.db.selectFrom('audit_log').select('details').where('entity_id', '=', gone.id).where('action', '=', 'import').executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ readmitted: true, releasedOn: RELEASED_ON });
  });

  it('lets another unit re-admit a released person, who is held nowhere', async () => {
    const gone = await released({ sdp_number: 'AII.2026.BEBAS3' });
    const lapasClinic = await signIn(ctx.app, (await makeUser(ctx.db, { role: 'clinic_staff', organizationId: otherUnit.id })).username);

    const response = await upload(rosterCsv([rosterRow({ kode_upt: otherUnit.code, no_registrasi: gone.sdp_number, tanggal_masuk: '2026-11-21' })]), lapasClinic);

    expect(response.statusCode, response.body).toBe(200);
    expect(await ctx.db.selectFrom('wbp').select(['facility_id', 'released_on']).where('id', '=', gone.id).executeTakeFirstOrThrow())
      .toEqual({ facility_id: otherUnit.id, released_on: null });
  });
});

describe('cancelling a release plan', () => {
  async function plan(wbpId: string): Promise<ReleasePlanRecord> {
    const response = await clinic.request({ method: 'POST', url: `/api/wbp/${wbpId}/release-plans`, payload: { kind: 'pb', expectedOn: '2026-12-15' } });
    if (response.statusCode !== 201) throw new Error(`the plan was refused: ${response.body}`);
    return response.json() as ReleasePlanRecord;
  }
  const cancel = (id: string, payload: Record<string, unknown> = { reason: 'Keputusan PB dicabut oleh Kanwil' }, as: Session = clinic) =>
    as.request({ method: 'POST', url: `/api/release-plans/${id}/cancel`, payload });

  it('cancels a plan under way and keeps the reason in the audit log', async () => {
    const made = await plan((await held()).id);

    const response = await cancel(made.id);

    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ status: 'cancelled', releasedOn: null });
    const audit = await ctx.db.selectFrom('audit_log').select('details').where('entity_id', '=', made.id).where('entity_type', '=', 'release_plan')
      .where('action', '=', 'update').executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ before: 'planned', after: 'cancelled', reason: 'Keputusan PB dicabut oleh Kanwil' });
  });

  it('refuses a cancellation without a reason, naming it, and keeps the plan', async () => {
    const made = await plan((await held()).id);

    const response = await cancel(made.id, { reason: '  ' });

    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['reason']);
    expect((await ctx.db.selectFrom('release_plans').select('status').where('id', '=', made.id).executeTakeFirstOrThrow()).status).toBe('planned');
  });

  it('lets a new plan be made once the old one is cancelled', async () => {
    const person = await held();
    await cancel((await plan(person.id)).id);

    const response = await clinic.request({ method: 'POST', url: `/api/wbp/${person.id}/release-plans`, payload: { kind: 'cb', expectedOn: '2027-01-10' } });

    expect(response.statusCode, response.body).toBe(201);
  });

  it('refuses to release on a cancelled plan', async () => {
    const made = await plan((await held()).id);
    await cancel(made.id);

    const response = await clinic.request({ method: 'POST', url: `/api/release-plans/${made.id}/release`, payload: { releasedOn: TODAY } });

    expect(response.statusCode).toBe(409);
  });

  it('refuses to cancel a plan already carried out', async () => {
    const made = await plan((await held()).id);
    await clinic.request({ method: 'POST', url: `/api/release-plans/${made.id}/release`, payload: { releasedOn: TODAY } });

    const response = await cancel(made.id);

    expect(response.statusCode).toBe(409);
    expect((await ctx.db.selectFrom('release_plans').select('status').where('id', '=', made.id).executeTakeFirstOrThrow()).status).toBe('released');
  });

  it("answers 404 to another unit's staff", async () => {
    const made = await plan((await held()).id);
    const stranger = await signIn(ctx.app, (await makeUser(ctx.db, { role: 'clinic_staff', organizationId: otherUnit.id })).username);

    expect((await cancel(made.id, undefined, stranger)).statusCode).toBe(404);
  });
});

describe("the conferences module's referral list", () => {
  it('shows clinical referrals only, leaving aftercare referrals to the release page', async () => {
    const bapas = await makeOrganization(ctx.db, { kind: 'bapas', name: 'Bapas Uji' });
    await grantAccess(ctx.db, bapas.id, unit.id);
    const person = await held();
    const clinical = await clinic.request({
      method: 'POST', url: `/api/wbp/${person.id}/referrals`, payload: { toName: 'RSUD Serang', reason: 'Konsultasi psikiatri', referredOn: TODAY },
    });
    const planned = await clinic.request({ method: 'POST', url: `/api/wbp/${person.id}/release-plans`, payload: { kind: 'pb', expectedOn: '2026-12-15' } });
    await clinic.request({ method: 'POST', url: `/api/wbp/${person.id}/consents`, payload: { organizationId: bapas.id, givenOn: TODAY, method: 'signed_form' } });
    const aftercare = await clinic.request({
      method: 'POST', url: `/api/wbp/${person.id}/aftercare-referrals`,
      payload: { releasePlanId: (planned.json() as ReleasePlanRecord).id, toOrganizationId: bapas.id, reason: 'Bimbingan setelah PB', carePlan: 'Wajib lapor', referredOn: TODAY },
    });
    expect([clinical.statusCode, aftercare.statusCode]).toEqual([201, 201]);

    const response = await clinic.request({ method: 'GET', url: `/api/wbp/${person.id}/outcomes` });

    expect((response.json() as { referrals: { id: string }[] }).referrals.map((r) => r.id)).toEqual([(clinical.json() as { id: string }).id]);
  });
});
