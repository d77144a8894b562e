import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AftercareReferralRecord, ConsentRecord, LookAhead, PersonAftercare, ReferralList, ReleasePlanRecord } from '../../../shared/contracts/aftercare.ts';
import { type Session, type TestApp, signIn, testApp } from '../../testing/app.ts';
import { grantAccess, makeEnrolment, makeOrganization, makeUser, makeWbp } from '../../testing/factories.ts';
import { readPdf } from '../../testing/pdf.ts';

// Sunday 22 November 2026, 10:00 in Jakarta.
let nowAt = new Date('2026-11-22T03:00:00Z');
const TODAY = '2026-11-22';

let ctx: TestApp;
let unit: { id: string; headId: string };
let clinic: Session;
let bapas: { id: string };
let pk: Session;
let bnnk: { id: string };
let bnnkCounsellor: Session;

beforeEach(async () => {
  nowAt = new Date('2026-11-22T03:00:00Z');
  ctx = await testApp({ now: () => nowAt });
  const kanwil = await makeOrganization(ctx.db, { kind: 'kanwil', name: 'Kantor Wilayah Banten' });
  const rutan = await makeOrganization(ctx.db, { kind: 'rutan', parent_id: kanwil.id, name: 'Rutan Kelas IIB Serang', city: 'Serang' });
  const head = await makeUser(ctx.db, { role: 'head_of_unit', organizationId: rutan.id });
  unit = { id: rutan.id, headId: head.id };
  clinic = await signIn(ctx.app, (await makeUser(ctx.db, { role: 'clinic_staff', organizationId: rutan.id })).username);
  bapas = await makeOrganization(ctx.db, { kind: 'bapas', parent_id: kanwil.id, name: 'Bapas Kelas I Serang' });
  await grantAccess(ctx.db, bapas.id, rutan.id);
  pk = await signIn(ctx.app, (await makeUser(ctx.db, { role: 'probation_officer', organizationId: bapas.id })).username);
  bnnk = await makeOrganization(ctx.db, { kind: 'bnnk', name: 'BNNK Serang' });
  await grantAccess(ctx.db, bnnk.id, rutan.id);
  bnnkCounsellor = await signIn(ctx.app, (await makeUser(ctx.db, { role: 'counsellor', organizationId: bnnk.id })).username);
});
afterEach(async () => ctx.close());

const fieldsOf = (body: string) => ((JSON.parse(body) as { error: { fields?: { field: string }[] } }).error.fields ?? []).map((f) => f.field);

async function person(overrides: { expected_release_date?: string | null; full_name?: string } = {}) {
  return makeWbp(ctx.db, { facility_id: unit.id, admission_date: '2026-01-05', full_name: overrides.full_name ?? 'Rudi Hartono', ...overrides });
}

async function plan(wbpId: string, body: Record<string, unknown> = {}): Promise<ReleasePlanRecord> {
  const response = await clinic.request({
    method: 'POST', url: `/api/wbp/${wbpId}/release-plans`,
    payload: { kind: 'pb', decisionNumber: 'PAS-1234.PK.05.06/2026', decisionDate: '2026-11-16', expectedOn: '2026-12-15', ...body },
  });
  if (response.statusCode !== 201) throw new Error(`the plan was refused: ${response.body}`);
  return response.json() as ReleasePlanRecord;
}

async function consent(wbpId: string, organizationId = bapas.id): Promise<ConsentRecord> {
  const response = await clinic.request({ method: 'POST', url: `/api/wbp/${wbpId}/consents`, payload: { organizationId, givenOn: '2026-11-20', method: 'signed_form' } });
  if (response.statusCode !== 201) throw new Error(`the consent was refused: ${response.body}`);
  return response.json() as ConsentRecord;
}

function refer(wbpId: string, planId: string, toOrganizationId = bapas.id, referredOn = TODAY) {
  return clinic.request({
    method: 'POST', url: `/api/wbp/${wbpId}/aftercare-referrals`,
    payload: { releasePlanId: planId, toOrganizationId, reason: 'Pembebasan bersyarat; lanjut bimbingan', carePlan: 'Wajib lapor bulanan, konseling keluarga', referredOn },
  });
}

/** A person with a parole plan, consent for Bapas and a referral to it; released on the plan's day when asked. */
async function referred(options: { released?: string } = {}) {
  const p = await person();
  const made = await plan(p.id, options.released ? { expectedOn: options.released, decisionDate: '2026-08-03' } : {});
  const given = await consent(p.id);
  if (options.released) await clinic.request({ method: 'POST', url: `/api/release-plans/${made.id}/release`, payload: { releasedOn: options.released } });
  const response = await refer(p.id, made.id);
  if (response.statusCode !== 201) throw new Error(`the referral was refused: ${response.body}`);
  return { person: p, plan: made, consent: given, referral: response.json() as AftercareReferralRecord };
}

const accept = (id: string, session: Session = pk) => session.request({ method: 'POST', url: `/api/aftercare/referrals/${id}/accept` });
const followUp = (id: string, payload: Record<string, unknown> = {}, session: Session = pk) => session.request({
  method: 'POST', url: `/api/aftercare/referrals/${id}/follow-ups`, payload: { month: 1, doneOn: TODAY, contactMade: true, urine: 'negative', ...payload },
});

describe('release plans and the release', () => {
  it('records a parole plan with its decision', async () => {
    const p = await person();
    const made = await plan(p.id);
    expect(made).toMatchObject({ kind: 'pb', decisionNumber: 'PAS-1234.PK.05.06/2026', expectedOn: '2026-12-15', status: 'planned', releasedOn: null });
  });

  it('refuses a decision number without its date, naming decisionDate, and stores nothing', async () => {
    const p = await person();
    const response = await clinic.request({ method: 'POST', url: `/api/wbp/${p.id}/release-plans`, payload: { kind: 'cb', decisionNumber: 'CB-7', expectedOn: '2026-12-15' } });
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['decisionDate']);
    expect(await ctx.db.selectFrom('release_plans').select('id').execute()).toEqual([]);
  });

  it('refuses a second plan while one is under way', async () => {
    const p = await person();
    await plan(p.id);
    const again = await clinic.request({ method: 'POST', url: `/api/wbp/${p.id}/release-plans`, payload: { kind: 'end_of_sentence', expectedOn: '2027-01-10' } });
    expect(again.statusCode).toBe(409);
  });

  it('releases the person and ends their open enrolments with the reason release', async () => {
    const p = await person();
    const { enrolment } = await makeEnrolment(ctx.db, { wbpId: p.id, facilityId: unit.id, decidedBy: unit.headId });
    const made = await plan(p.id, { expectedOn: '2026-11-20', decisionDate: '2026-11-01' });
    const response = await clinic.request({ method: 'POST', url: `/api/release-plans/${made.id}/release`, payload: { releasedOn: '2026-11-20' } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'released', releasedOn: '2026-11-20' });
    expect(await ctx.db.selectFrom('wbp').select('released_on').where('id', '=', p.id).executeTakeFirstOrThrow()).toEqual({ released_on: '2026-11-20' });
    expect(await ctx.db.selectFrom('enrolments').select(['status', 'outcome_reason', 'ended_on']).where('id', '=', enrolment.id).executeTakeFirstOrThrow())
      .toEqual({ status: 'dropped', outcome_reason: 'release', ended_on: '2026-11-20' });
  });

  it('releases the person and ends their service as a peer counsellor in the unit with the reason release', async () => {
    const p = await person();
    const peer = await ctx.db
      .insertInto('peer_counsellors')
      .values({ wbp_id: p.id, facility_id: unit.id, started_on: '2026-10-01', created_by: unit.headId })
      .returning('id')
      .executeTakeFirstOrThrow();
    const made = await plan(p.id, { expectedOn: '2026-11-20', decisionDate: '2026-11-01' });
    const response = await clinic.request({ method: 'POST', url: `/api/release-plans/${made.id}/release`, payload: { releasedOn: '2026-11-20' } });
    expect(response.statusCode).toBe(200);
    expect(await ctx.db.selectFrom('peer_counsellors').select(['ended_on', 'end_reason']).where('id', '=', peer.id).executeTakeFirstOrThrow())
      .toEqual({ ended_on: '2026-11-20', end_reason: 'release' });
  });

  it('refuses a release dated in the future, naming releasedOn', async () => {
    const made = await plan((await person()).id);
    const response = await clinic.request({ method: 'POST', url: `/api/release-plans/${made.id}/release`, payload: { releasedOn: '2026-12-15' } });
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['releasedOn']);
  });
});

describe('the release look-ahead', () => {
  it('lists people expected within the chosen months, from the plan or else the register, and says whether they are referred', async () => {
    const planned = await person({ full_name: 'Agus Planned' });
    await plan(planned.id, { expectedOn: '2026-12-15' });
    await person({ full_name: 'Budi Register', expected_release_date: '2027-01-30' });
    await person({ full_name: 'Cahya Later', expected_release_date: '2027-04-01' });
    const one = (await clinic.request({ method: 'GET', url: `/api/facilities/${unit.id}/releases?months=1` })).json() as LookAhead;
    expect(one.items.map((i) => [i.fullName, i.source, i.hasReferral])).toEqual([['Agus Planned', 'plan', false]]);
    const three = (await clinic.request({ method: 'GET', url: `/api/facilities/${unit.id}/releases?months=3` })).json() as LookAhead;
    expect(three.items.map((i) => i.fullName)).toEqual(['Agus Planned', 'Budi Register']);
    expect(three.until).toBe('2027-02-22');
  });

  it('shows the class of the latest signed assessment and the current programme', async () => {
    const p = await person({ expected_release_date: '2026-12-01' });
    const { programme } = await makeEnrolment(ctx.db, { wbpId: p.id, facilityId: unit.id, decidedBy: unit.headId });
    const body = (await clinic.request({ method: 'GET', url: `/api/facilities/${unit.id}/releases?months=1` })).json() as LookAhead;
    expect(body.items[0]).toMatchObject({ className: 'rendah', programmeName: programme.name, enrolmentStatus: 'active' });
  });

  it('refuses a window other than 1, 2 or 3 months, naming months', async () => {
    const response = await clinic.request({ method: 'GET', url: `/api/facilities/${unit.id}/releases?months=6` });
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['months']);
  });
});

describe('consent to share', () => {
  it('refuses a consent for an organisation that does not receive aftercare, naming organizationId', async () => {
    const p = await person();
    const response = await clinic.request({ method: 'POST', url: `/api/wbp/${p.id}/consents`, payload: { organizationId: unit.id, givenOn: TODAY, method: 'signed_form' } });
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['organizationId']);
  });

  it('needs a witness for a verbal consent', async () => {
    const p = await person();
    const response = await clinic.request({ method: 'POST', url: `/api/wbp/${p.id}/consents`, payload: { organizationId: bapas.id, givenOn: TODAY, method: 'verbal_witnessed' } });
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['witnessName']);
  });

  it('keeps a revoked consent in the history, no longer in force', async () => {
    const p = await person();
    const given = await consent(p.id);
    const revoked = await clinic.request({ method: 'POST', url: `/api/consents/${given.id}/revoke`, payload: { revokedOn: TODAY, reason: 'Tidak bersedia lagi' } });
    expect(revoked.json()).toMatchObject({ inForce: false, revokedOn: TODAY, revocationReason: 'Tidak bersedia lagi' });
    const record = (await clinic.request({ method: 'GET', url: `/api/wbp/${p.id}/aftercare` })).json() as PersonAftercare;
    expect(record.consents.map((c) => c.inForce)).toEqual([false]);
  });
});

describe('referral to aftercare', () => {
  it('refuses a referral without the person\'s consent for the organisation, naming toOrganizationId, and stores nothing', async () => {
    const p = await person();
    const made = await plan(p.id);
    const response = await refer(p.id, made.id);
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['toOrganizationId']);
    expect(await ctx.db.selectFrom('referrals').select('id').execute()).toEqual([]);
  });

  it('refuses a referral to a custodial unit, naming toOrganizationId', async () => {
    const p = await person();
    const made = await plan(p.id);
    const response = await refer(p.id, made.id, unit.id);
    expect(fieldsOf(response.body)).toEqual(['toOrganizationId']);
  });

  it('sends the referral with the configured follow-up schedule', async () => {
    const { referral } = await referred();
    expect(referral).toMatchObject({ status: 'sent', toName: 'Bapas Kelas I Serang', releaseKind: 'pb', releaseOn: '2026-12-15', released: false, consentInForce: true });
    expect(referral.followUps.map((f) => [f.month, f.dueOn, f.state])).toEqual([
      [1, '2027-01-15', 'upcoming'], [3, '2027-03-15', 'upcoming'], [6, '2027-06-15', 'upcoming'], [12, '2027-12-15', 'upcoming'],
    ]);
  });

  it('uses the follow-up months set by the national administrator', async () => {
    const ditjenpas = await makeOrganization(ctx.db, { kind: 'ditjenpas' });
    const admin = await signIn(ctx.app, (await makeUser(ctx.db, { role: 'national_admin', organizationId: ditjenpas.id })).username);
    const saved = await admin.request({ method: 'PUT', url: '/api/aftercare/settings', payload: { followUpMonths: [6, 2] } });
    expect(saved.json()).toEqual({ followUpMonths: [2, 6] });
    const { referral } = await referred();
    expect(referral.followUps.map((f) => f.month)).toEqual([2, 6]);
  });

  it('refuses follow-up months beyond five years, naming followUpMonths', async () => {
    const ditjenpas = await makeOrganization(ctx.db, { kind: 'ditjenpas' });
    const admin = await signIn(ctx.app, (await makeUser(ctx.db, { role: 'national_admin', organizationId: ditjenpas.id })).username);
    const response = await admin.request({ method: 'PUT', url: '/api/aftercare/settings', payload: { followUpMonths: [1, 61] } });
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['followUpMonths']);
  });

  it('flags a referral neither accepted nor declined more than seven days after it was sent', async () => {
    const p = await person();
    const made = await plan(p.id);
    await consent(p.id);
    const week = (await refer(p.id, made.id, bapas.id, '2026-11-15')).json() as AftercareReferralRecord;
    expect(week.awaitingTooLong).toBe(false);
    const other = await makeOrganization(ctx.db, { kind: 'ipwl', name: 'IPWL RSUD Serang' });
    await consent(p.id, other.id);
    const longer = (await refer(p.id, made.id, other.id, '2026-11-14')).json() as AftercareReferralRecord;
    expect(longer.awaitingTooLong).toBe(true);
  });

  it('leaves the clinical referrals of case conferences working', async () => {
    const p = await person();
    const response = await clinic.request({
      method: 'POST', url: `/api/wbp/${p.id}/referrals`, payload: { toOrganizationId: bnnk.id, reason: 'Pemeriksaan psikiatri', referredOn: TODAY },
    });
    expect(response.statusCode).toBe(201);
  });
});

describe('the receiving organisation', () => {
  it('finds the referral in its inbox and accepts it', async () => {
    const { referral } = await referred();
    const inbox = (await pk.request({ method: 'GET', url: '/api/aftercare/inbox' })).json() as ReferralList;
    expect(inbox.items.map((r) => r.id)).toEqual([referral.id]);
    const accepted = await accept(referral.id);
    expect(accepted.json()).toMatchObject({ status: 'accepted' });
  });

  it('does not see a referral addressed to another organisation', async () => {
    const { referral } = await referred();
    expect((await bnnkCounsellor.request({ method: 'GET', url: `/api/aftercare/referrals/${referral.id}` })).statusCode).toBe(404);
    expect(((await bnnkCounsellor.request({ method: 'GET', url: '/api/aftercare/inbox' })).json() as ReferralList).items).toEqual([]);
    expect((await accept(referral.id, bnnkCounsellor)).statusCode).toBe(404);
  });

  it('declines with a reason', async () => {
    const { referral } = await referred();
    const response = await pk.request({ method: 'POST', url: `/api/aftercare/referrals/${referral.id}/decline`, payload: { reason: 'Alamat di luar wilayah Bapas' } });
    expect(response.json()).toMatchObject({ status: 'declined', declinedReason: 'Alamat di luar wilayah Bapas' });
  });

  it('records the one-month follow-up after release, which the sending unit sees', async () => {
    const { referral } = await referred({ released: '2026-10-15' });
    await accept(referral.id);
    const response = await followUp(referral.id, { doneOn: '2026-11-16' });
    expect(response.statusCode).toBe(200);
    const seen = (await clinic.request({ method: 'GET', url: `/api/aftercare/referrals/${referral.id}` })).json() as AftercareReferralRecord;
    expect(seen.followUps[0]).toMatchObject({ month: 1, dueOn: '2026-11-15', state: 'done', contactMade: true, urine: 'negative' });
  });

  it('refuses a follow-up before the referral is accepted', async () => {
    const { referral } = await referred({ released: '2026-10-15' });
    expect((await followUp(referral.id)).statusCode).toBe(409);
  });

  it('refuses a month outside the schedule, naming month', async () => {
    const { referral } = await referred({ released: '2026-10-15' });
    await accept(referral.id);
    const response = await followUp(referral.id, { month: 2 });
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['month']);
  });

  it('flags a follow-up not recorded fourteen days after it was due', async () => {
    const { referral } = await referred({ released: '2026-09-01' });
    const accepted = (await accept(referral.id)).json() as AftercareReferralRecord;
    expect(accepted.followUps[0]).toMatchObject({ month: 1, dueOn: '2026-10-01', state: 'overdue' });
    expect(accepted.overdueFollowUps).toBe(1);
  });

  it('closes the referral with an outcome', async () => {
    const { referral } = await referred({ released: '2026-10-15' });
    await accept(referral.id);
    const response = await pk.request({ method: 'POST', url: `/api/aftercare/referrals/${referral.id}/close`, payload: { outcome: 'relapse', closedOn: TODAY } });
    expect(response.json()).toMatchObject({ status: 'closed', outcome: 'relapse', closedOn: TODAY });
  });
});

describe('the hand-over summary', () => {
  it('is a PDF in Bahasa Indonesia with the release, the plan and the consent statement', async () => {
    const { referral } = await referred();
    const response = await clinic.request({ method: 'GET', url: `/api/aftercare/referrals/${referral.id}/handover.pdf` });
    expect(response.headers['content-type']).toBe('application/pdf');
    const { text } = await readPdf(response.rawPayload);
    expect(text).toContain('RINGKASAN SERAH TERIMA PASCAREHABILITASI');
    expect(text).toContain('Rudi Hartono');
    expect(text).toContain('Pembebasan Bersyarat (PB)');
    expect(text).toContain('PAS-1234.PK.05.06/2026');
    expect(text).toContain('Wajib lapor bulanan');
    expect(text).toContain('menandatangani formulir persetujuan');
  });

  it('is readable by the receiving organisation, and each read is audited', async () => {
    const { referral } = await referred();
    const response = await pk.request({ method: 'GET', url: `/api/aftercare/referrals/${referral.id}/handover.pdf` });
    expect(response.statusCode).toBe(200);
    const audit = await ctx.db.selectFrom('audit_log').select(['action', 'entity_id']).where('entity_type', '=', 'aftercare_handover').execute();
    expect(audit).toEqual([{ action: 'read', entity_id: referral.id }]);
  });
});

describe('revoking consent', () => {
  it('stops the receiving organisation reading the referral, the hand-over and the follow-ups at once', async () => {
    const { referral, consent: given } = await referred({ released: '2026-10-15' });
    await accept(referral.id);
    await followUp(referral.id, { doneOn: '2026-11-16' });
    await clinic.request({ method: 'POST', url: `/api/consents/${given.id}/revoke`, payload: { revokedOn: TODAY, reason: 'Mencabut persetujuan' } });

    expect((await pk.request({ method: 'GET', url: `/api/aftercare/referrals/${referral.id}` })).statusCode).toBe(404);
    expect((await pk.request({ method: 'GET', url: `/api/aftercare/referrals/${referral.id}/handover.pdf` })).statusCode).toBe(404);
    expect(((await pk.request({ method: 'GET', url: '/api/aftercare/inbox' })).json() as ReferralList).items).toEqual([]);
    expect((await followUp(referral.id, { month: 3, doneOn: TODAY })).statusCode).toBe(404);
  });

  it('leaves the sending unit its referral, marked without consent', async () => {
    const { referral, consent: given } = await referred();
    await clinic.request({ method: 'POST', url: `/api/consents/${given.id}/revoke`, payload: { revokedOn: TODAY, reason: 'Mencabut persetujuan' } });
    const seen = await clinic.request({ method: 'GET', url: `/api/aftercare/referrals/${referral.id}` });
    expect(seen.json()).toMatchObject({ id: referral.id, consentInForce: false });
  });

  it('says on the sending unit\'s hand-over that the consent was revoked', async () => {
    const { referral, consent: given } = await referred();
    await clinic.request({ method: 'POST', url: `/api/consents/${given.id}/revoke`, payload: { revokedOn: TODAY, reason: 'Mencabut persetujuan' } });
    const response = await clinic.request({ method: 'GET', url: `/api/aftercare/referrals/${referral.id}/handover.pdf` });
    const { text } = await readPdf(response.rawPayload);
    expect(text).toContain('Persetujuan ini telah dicabut pada 22 November 2026');
  });

  it('lets a new consent restore the sharing', async () => {
    const { person: p, referral, consent: given } = await referred();
    await clinic.request({ method: 'POST', url: `/api/consents/${given.id}/revoke`, payload: { revokedOn: TODAY, reason: 'Mencabut persetujuan' } });
    await consent(p.id);
    expect((await pk.request({ method: 'GET', url: `/api/aftercare/referrals/${referral.id}` })).statusCode).toBe(200);
  });
});
