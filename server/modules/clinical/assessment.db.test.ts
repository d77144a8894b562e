import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AssessmentRecord } from '../../../shared/contracts/clinical.ts';
import { type Session, type TestApp, signIn, testApp } from '../../testing/app.ts';
import {
  grantAccess, makeAssessment, makeOrganization, makeQualification, makeScreening, makeUser, makeWbp,
} from '../../testing/factories.ts';

interface ErrorBody { error: { code: string; message: string; fields?: { field: string; message: string }[] } }
interface RuleRecord { id: string; regionId: string | null; version: number; rule: Record<string, unknown> }
type Org = Awaited<ReturnType<typeof makeOrganization>>;
type User = Awaited<ReturnType<typeof makeUser>>;

// Friday 20 November 2026, 10:00 in Jakarta (WIB, UTC+7).
const NOW = new Date('2026-11-20T03:00:00Z');
const TODAY = '2026-11-20';

/** The form of a person with 9 days of medical problems, troubled 2, treatment importance 1: medical composite 0.35. */
const MEDICAL = { problemDays30: 9, troubled: 2, treatmentImportance: 1 };

const FALLBACK = { low: 'rendah', moderate: 'menengah', high: 'tinggi' } as const;

let ctx: TestApp;
let ditjenpas: Org;
let kanwil: Org;
let unit: Org;
let staff: User;
let session: Session;
let person: Awaited<ReturnType<typeof makeWbp>>;

beforeEach(async () => {
  ctx = await testApp({ now: () => NOW });
  ditjenpas = await makeOrganization(ctx.db, { kind: 'ditjenpas' });
  kanwil = await makeOrganization(ctx.db, { kind: 'kanwil', parent_id: ditjenpas.id });
  unit = await makeOrganization(ctx.db, { kind: 'rutan', parent_id: kanwil.id });
  staff = await makeUser(ctx.db, { role: 'clinic_staff', organizationId: unit.id });
  session = await signIn(ctx.app, staff.username);
  person = await makeWbp(ctx.db, { facility_id: unit.id });
});
afterEach(async () => ctx.close());

function saveBody(form: Record<string, unknown>, version: number, extra: Record<string, unknown> = {}) {
  return { form, version, ...extra };
}

async function start(wbpId: string = person.id, as: Session = session): Promise<AssessmentRecord> {
  const response = await as.request({ method: 'POST', url: `/api/wbp/${wbpId}/assessments`, payload: {} });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as AssessmentRecord;
}

function save(id: string, body: Record<string, unknown>, as: Session = session) {
  return as.request({ method: 'PUT', url: `/api/assessments/${id}`, payload: body });
}

async function saved(id: string, body: Record<string, unknown>, as: Session = session): Promise<AssessmentRecord> {
  const response = await save(id, body, as);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as AssessmentRecord;
}

/** A draft saved once with the given form (and team class, reason…): version 2. */
async function draft(form: Record<string, unknown>, extra: Record<string, unknown> = {}, wbpId: string = person.id, as: Session = session) {
  const started = await start(wbpId, as);
  return saved(started.id, saveBody(form, started.version, extra), as);
}

function sign(id: string, version: number, as: Session = session) {
  return as.request({ method: 'POST', url: `/api/assessments/${id}/sign`, payload: { version } });
}

function addAddendum(id: string, text: string) {
  return session.request({ method: 'POST', url: `/api/assessments/${id}/addenda`, payload: { text } });
}

async function read(id: string): Promise<AssessmentRecord> {
  const response = await session.request({ method: 'GET', url: `/api/assessments/${id}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as AssessmentRecord;
}

async function statusInDb(id: string) {
  return ctx.db.selectFrom('assessments').select(['status', 'final_class', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
}

async function nationalRuleId(): Promise<string> {
  return (await ctx.db.selectFrom('classification_rules').select('id').where('region_id', 'is', null).executeTakeFirstOrThrow()).id;
}

async function signInAs(role: Parameters<typeof makeUser>[1]['role'], organizationId: string) {
  const user = await makeUser(ctx.db, { role, organizationId });
  return { user, session: await signIn(ctx.app, user.username) };
}

async function setRate(rupiahPerUsd: number): Promise<void> {
  const admin = await signInAs('national_admin', ditjenpas.id);
  const response = await admin.session.request({ method: 'PUT', url: '/api/settings', payload: { rupiahPerUsd, holidays: [] } });
  expect(response.statusCode, response.body).toBe(200);
}

describe('starting an assessment', () => {
  it('starts a draft at version 1 on the ASI-5 with the exchange rate in force', async () => {
    const record = await start();

    expect(record).toMatchObject({
      wbpId: person.id, status: 'draft', version: 1, instrument: 'asi', instrumentVersion: '5', form: {},
      exchangeRate: 16_000, finalClass: null, signedBy: null, createdBy: staff.full_name, addenda: [],
    });
  });

  it('has no class when there is neither a severity rating nor a screening', async () => {
    const record = await start();

    expect(record.classification).toMatchObject({ ruleClass: null, basis: 'none', placement: [] });
  });
  it('links the screening it starts from', async () => {
    const screening = await makeScreening(ctx.db, { wbpId: person.id, facilityId: unit.id });

    const response = await session.request({ method: 'POST', url: `/api/wbp/${person.id}/assessments`, payload: { screeningId: screening.id } });

    expect(response.statusCode, response.body).toBe(201);
    expect((response.json() as AssessmentRecord).screeningId).toBe(screening.id);
  });

  it("refuses another person's screening as its basis, naming screeningId, and starts nothing", async () => {
    const neighbour = await makeWbp(ctx.db, { facility_id: unit.id });
    const screening = await makeScreening(ctx.db, { wbpId: neighbour.id, facilityId: unit.id });

    const response = await session.request({ method: 'POST', url: `/api/wbp/${person.id}/assessments`, payload: { screeningId: screening.id } });

    expect(response.statusCode).toBe(400);
    expect((response.json() as ErrorBody).error.fields?.map((f) => f.field)).toEqual(['screeningId']);
    expect(await ctx.db.selectFrom('assessments').select('id').execute()).toEqual([]);
  });
});

describe('saving a draft', () => {
  it('increments the version on each save', async () => {
    const started = await start();

    const first = await saved(started.id, saveBody({ medical: MEDICAL }, 1));
    const second = await saved(started.id, saveBody({ medical: MEDICAL }, 2));

    expect([first.version, second.version]).toEqual([2, 3]);
  });

  it('refuses a save from a stale version with 409 and keeps the newer form', async () => {
    const started = await start();
    await saved(started.id, saveBody({ severity: { napza: 7 } }, 1));

    const response = await save(started.id, saveBody({ severity: { napza: 2 } }, 1));

    expect(response.statusCode).toBe(409);
    expect((response.json() as ErrorBody).error.code).toBe('CONFLICT');
    expect((await read(started.id)).form).toEqual({ severity: { napza: 7 } });
  });

  it('computes the ASI composites the form allows and leaves the others empty', async () => {
    const record = await draft({ medical: MEDICAL, severity: { napza: 7 } });

    expect(record.composites).toEqual({
      medical: 0.35, employment: null, alcohol: null, drug: null, legal: null, family: null, psychiatric: null,
    });
  });

  it('classifies napza 7 as tinggi by the national default rule, version 1, placed in social rehabilitation', async () => {
    const record = await draft({ medical: MEDICAL, severity: { napza: 7 } });

    expect(record.classification).toEqual({
      ruleClass: 'tinggi', basis: 'asi_severity', ruleId: await nationalRuleId(), ruleVersion: 1, placement: ['social'],
    });
  });

  it('adds medical care for a comorbidity and methadone for opioid dependence to a tinggi placement', async () => {
    const record = await draft({ medical: { hivTest: 'positive' }, drugUse: { mainSubstance: 'heroin' }, severity: { napza: 8 } });

    expect(record.classification.placement).toEqual(['social', 'medical', 'ptrm']);
  });

  it('converts rupiah to US dollars at the configured rate before scoring employment', async () => {
    await setRate(10_000);
    // Rp 1,000,000 at 10,000 = 100 USD: 1 − (0 + 0 + 0/120 + ln(100)/36) = 0.8721.
    // At the default 16,000 it would be 62.5 USD and 0.8851.
    const employment = { drivingLicence: false, vehicleAvailable: false, paidWorkDays30: 0, employmentIncome30: 1_000_000 };

    const record = await draft({ employment });

    expect(record.exchangeRate).toBe(10_000);
    expect(record.composites.employment).toBe(0.8721);
  });

  it('keeps the rate the assessment started with when the setting changes later', async () => {
    const started = await start();
    await setRate(10_000);
    // Rp 1,600,000 at the starting rate of 16,000 = 100 USD: 0.8721 (at 10,000 it would be 0.8590).
    const employment = { drivingLicence: false, vehicleAvailable: false, paidWorkDays30: 0, employmentIncome30: 1_600_000 };

    const record = await saved(started.id, saveBody({ employment }, started.version));

    expect(record.exchangeRate).toBe(16_000);
    expect(record.composites.employment).toBe(0.8721);
  });

  it("falls back to the latest screening's ASSIST risk when napza severity is not rated", async () => {
    await makeScreening(ctx.db, { wbpId: person.id, facilityId: unit.id, overall: 'high', screenedOn: '2026-10-01' });
    await makeScreening(ctx.db, { wbpId: person.id, facilityId: unit.id, overall: 'moderate', screenedOn: '2026-11-16' });

    const record = await draft({ medical: MEDICAL });

    expect(record.classification).toMatchObject({ ruleClass: 'menengah', basis: 'assist', placement: ['medical'] });
  });

  it('prefers a rated napza severity to the screening', async () => {
    await makeScreening(ctx.db, { wbpId: person.id, facilityId: unit.id, overall: 'high' });

    const record = await draft({ severity: { napza: 2 } });

    expect(record.classification).toMatchObject({ ruleClass: 'rendah', basis: 'asi_severity', placement: ['education'] });
  });

  it('refuses a form field outside the form schema with 400 and keeps the draft unchanged', async () => {
    const started = await start();

    const response = await save(started.id, saveBody({ medical: { ...MEDICAL, troubled: 5 } }, 1));

    expect(response.statusCode).toBe(400);
    expect((response.json() as ErrorBody).error.fields?.map((f) => f.field)).toEqual(['form.medical.troubled']);
    expect((await statusInDb(started.id)).version).toBe(1);
  });
});

describe('signing an assessment', () => {
  it('refuses a signer without an ASI assessor certificate with 403 and leaves the draft', async () => {
    const record = await draft({ severity: { napza: 7 } });

    const response = await sign(record.id, record.version);

    expect(response.statusCode).toBe(403);
    expect((response.json() as ErrorBody).error).toEqual({
      code: 'FORBIDDEN',
      message: 'Hanya asesor dengan sertifikat asesor ASI yang masih berlaku yang dapat menandatangani asesmen.',
    });
    expect(await statusInDb(record.id)).toMatchObject({ status: 'draft', final_class: null });
  });

  it('refuses a signer whose certificate expired yesterday', async () => {
    await makeQualification(ctx.db, staff.id, { issued_on: '2024-01-01', expires_on: '2026-11-19' });
    const record = await draft({ severity: { napza: 7 } });

    const response = await sign(record.id, record.version);

    expect(response.statusCode).toBe(403);
    expect((response.json() as ErrorBody).error.message).toMatch(/sertifikat asesor ASI/);
  });

  it('refuses a signer whose only certificate is of another kind', async () => {
    await ctx.db.insertInto('staff_qualifications')
      .values({ user_id: staff.id, kind: 'doctor', number: 'STR-3171-2025', issued_on: '2025-01-01', expires_on: '2030-12-31' })
      .execute();
    const record = await draft({ severity: { napza: 7 } });

    const response = await sign(record.id, record.version);

    expect(response.statusCode).toBe(403);
  });

  it('accepts a certificate on its last day', async () => {
    await makeQualification(ctx.db, staff.id, { issued_on: '2024-01-01', expires_on: TODAY });
    const record = await draft({ severity: { napza: 7 } });

    const response = await sign(record.id, record.version);

    expect(response.statusCode, response.body).toBe(200);
  });

  it('signs with a valid certificate: signed, the final class is the rule class, the signer named', async () => {
    await makeQualification(ctx.db, staff.id);
    const record = await draft({ severity: { napza: 7 } });

    const response = await sign(record.id, record.version);

    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'signed', finalClass: 'tinggi', teamClass: null, signedBy: staff.full_name, signedAt: NOW.toISOString(), version: record.version + 1,
    });
  });

  it('writes a sign audit row with the class and the rule version', async () => {
    await makeQualification(ctx.db, staff.id);
    const record = await draft({ severity: { napza: 7 } });

    await sign(record.id, record.version);

    const rows = await ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'sign').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actor_user_id: staff.id, entity_type: 'assessment', entity_id: record.id, facility_id: unit.id,
      details: { finalClass: 'tinggi', ruleClass: 'tinggi', ruleVersion: 1, override: false },
    });
  });

  it('refuses to sign without any class, naming teamClass', async () => {
    await makeQualification(ctx.db, staff.id);
    const record = await draft({ medical: MEDICAL });

    const response = await sign(record.id, record.version);

    expect(response.statusCode).toBe(400);
    expect((response.json() as ErrorBody).error.fields?.map((f) => f.field)).toEqual(['teamClass']);
  });

  it('refuses a team class that departs from the rule without a reason, naming overrideReason', async () => {
    await makeQualification(ctx.db, staff.id);
    const record = await draft({ severity: { napza: 7 } }, { teamClass: 'menengah' });

    const response = await sign(record.id, record.version);

    expect(response.statusCode).toBe(400);
    expect((response.json() as ErrorBody).error.fields).toEqual([
      { field: 'overrideReason', message: expect.stringContaining('berbeda dari aturan; tuliskan alasannya') },
    ]);
    expect((await statusInDb(record.id)).status).toBe('draft');
  });

  it("signs the team's class when the team gives its reason, keeping the rule's class beside it", async () => {
    await makeQualification(ctx.db, staff.id);
    const reason = 'Komorbiditas ringan, keluarga mendukung; rawat jalan lebih sesuai.';
    const record = await draft({ severity: { napza: 7 } }, { teamClass: 'menengah', overrideReason: reason });

    const response = await sign(record.id, record.version);

    expect(response.statusCode, response.body).toBe(200);
    const signed = response.json() as AssessmentRecord;
    expect(signed).toMatchObject({ status: 'signed', teamClass: 'menengah', finalClass: 'menengah', overrideReason: reason });
    expect(signed.classification.ruleClass).toBe('tinggi');
  });

  it('refuses a sign from a stale version with 409', async () => {
    await makeQualification(ctx.db, staff.id);
    const record = await draft({ severity: { napza: 7 } });

    const response = await sign(record.id, record.version - 1);

    expect(response.statusCode).toBe(409);
    expect((await statusInDb(record.id)).status).toBe('draft');
  });

  it('refuses signing twice with 409', async () => {
    await makeQualification(ctx.db, staff.id);
    const record = await draft({ severity: { napza: 7 } });
    await sign(record.id, record.version);

    const response = await sign(record.id, record.version + 1);

    expect(response.statusCode).toBe(409);
  });
});

describe('signing by partner staff', () => {
  async function partnerAssessor(canAssess: boolean) {
    const bnnk = await makeOrganization(ctx.db, { kind: 'bnnk', can_assess: canAssess });
    await grantAccess(ctx.db, bnnk.id, unit.id);
    const assessor = await signInAs('assessor', bnnk.id);
    await makeQualification(ctx.db, assessor.user.id);
    return assessor;
  }

  it('refuses an assessor of an organisation not authorised to assess, even with a certificate and access', async () => {
    const assessor = await partnerAssessor(false);
    const record = await draft({ severity: { napza: 7 } });

    const response = await sign(record.id, record.version, assessor.session);

    expect(response.statusCode).toBe(403);
    expect((response.json() as ErrorBody).error.message).toBe('Organisasi Anda belum berwenang melakukan asesmen di unit ini.');
    expect((await statusInDb(record.id)).status).toBe('draft');
  });

  it('lets an assessor of an organisation authorised to assess sign', async () => {
    const assessor = await partnerAssessor(true);
    const record = await draft({ severity: { napza: 7 } });

    const response = await sign(record.id, record.version, assessor.session);

    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ status: 'signed', signedBy: assessor.user.full_name });
  });
});

describe('a signed assessment', () => {
  async function signedAssessment(): Promise<AssessmentRecord> {
    await makeQualification(ctx.db, staff.id);
    const record = await draft({ severity: { napza: 7 } });
    const response = await sign(record.id, record.version);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as AssessmentRecord;
  }

  it('cannot be saved again: 409, telling the user to add an addendum', async () => {
    const signed = await signedAssessment();

    const response = await save(signed.id, saveBody({ severity: { napza: 1 } }, signed.version));

    expect(response.statusCode).toBe(409);
    expect((response.json() as ErrorBody).error.message).toMatch(/sudah ditandatangani.*adendum/);
    expect((await read(signed.id)).form).toEqual({ severity: { napza: 7 } });
  });

  it('is refused an UPDATE by the database itself', async () => {
    const row = await makeAssessment(ctx.db, { wbpId: person.id, facilityId: unit.id, status: 'signed', signedBy: staff.id });

    await expect(sql`UPDATE assessments SET final_class = 'tinggi' WHERE id = ${row.id}`.execute(ctx.db))
      .rejects.toThrow(/signed assessment cannot be changed/);
    expect((await statusInDb(row.id)).final_class).toBe('rendah');
  });

  it('is refused a DELETE by the database itself', async () => {
    const row = await makeAssessment(ctx.db, { wbpId: person.id, facilityId: unit.id, status: 'signed', signedBy: staff.id });

    await expect(sql`DELETE FROM assessments WHERE id = ${row.id}`.execute(ctx.db)).rejects.toThrow(/signed assessment cannot be changed/);
    expect(await statusInDb(row.id)).toMatchObject({ status: 'signed' });
  });

  it('leaves a draft open to change in the database', async () => {
    const row = await makeAssessment(ctx.db, { wbpId: person.id, facilityId: unit.id, status: 'draft' });

    await sql`UPDATE assessments SET team_class = 'tinggi' WHERE id = ${row.id}`.execute(ctx.db);

    expect((await ctx.db.selectFrom('assessments').select('team_class').where('id', '=', row.id).executeTakeFirstOrThrow()).team_class).toBe('tinggi');
  });

  it('takes an addendum: 201, and the record shows it with its author', async () => {
    const signed = await signedAssessment();
    const text = 'Hasil urin susulan positif amfetamin; rekomendasi tetap.';

    const response = await addAddendum(signed.id, text);

    expect(response.statusCode, response.body).toBe(201);
    expect((await read(signed.id)).addenda).toEqual([
      { id: expect.any(String), text, createdBy: staff.full_name, createdAt: NOW.toISOString() },
    ]);
  });

  it('refuses an addendum on a draft with 409 and stores none', async () => {
    const record = await draft({ severity: { napza: 7 } });

    const response = await addAddendum(record.id, 'Catatan yang seharusnya masuk ke draf.');

    expect(response.statusCode).toBe(409);
    expect(await ctx.db.selectFrom('assessment_addenda').select('id').execute()).toEqual([]);
  });
});

describe('reading an assessment', () => {
  it('writes a read audit row', async () => {
    const record = await start();

    await read(record.id);

    const rows = await ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'read').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_user_id: staff.id, entity_type: 'assessment', entity_id: record.id, facility_id: unit.id });
  });
});

describe('regional classification rules', () => {
  const LOOSER = { rendahMax: 5, menengahMax: 6, assistFallback: FALLBACK };

  function postRule(as: Session, regionId: string | null, rule: Record<string, unknown>) {
    return as.request({ method: 'POST', url: '/api/classification-rules', payload: { regionId, rule } });
  }

  async function regionalManager() {
    return (await signInAs('regional_manager', kanwil.id)).session;
  }

  it("saves a regional manager's rule for their own Kanwil as version 1", async () => {
    const manager = await regionalManager();

    const response = await postRule(manager, kanwil.id, LOOSER);

    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ regionId: kanwil.id, regionName: kanwil.name, version: 1, rule: LOOSER });
  });

  it("classifies in the Kanwil's units by its rule, storing that rule's id and version", async () => {
    const rule = (await postRule(await regionalManager(), kanwil.id, LOOSER)).json() as RuleRecord;

    const record = await draft({ severity: { napza: 5 } });

    expect(record.classification).toMatchObject({ ruleClass: 'rendah', basis: 'asi_severity', ruleId: rule.id, ruleVersion: 1 });
  });

  it('leaves a unit of another Kanwil on the national default', async () => {
    await postRule(await regionalManager(), kanwil.id, LOOSER);
    const otherKanwil = await makeOrganization(ctx.db, { kind: 'kanwil', parent_id: ditjenpas.id });
    const otherUnit = await makeOrganization(ctx.db, { kind: 'lapas', parent_id: otherKanwil.id });
    const otherPerson = await makeWbp(ctx.db, { facility_id: otherUnit.id });
    const otherStaff = await signInAs('clinic_staff', otherUnit.id);

    const record = await draft({ severity: { napza: 5 } }, {}, otherPerson.id, otherStaff.session);

    expect(record.classification).toMatchObject({ ruleClass: 'menengah', ruleId: await nationalRuleId(), ruleVersion: 1 });
  });

  it('refuses a regional manager saving for another Kanwil with 403 and saves nothing', async () => {
    const otherKanwil = await makeOrganization(ctx.db, { kind: 'kanwil', parent_id: ditjenpas.id });

    const response = await postRule(await regionalManager(), otherKanwil.id, LOOSER);

    expect(response.statusCode).toBe(403);
    expect(await ctx.db.selectFrom('classification_rules').select('id').execute()).toHaveLength(1);
  });

  it('refuses a menengah limit not above the rendah limit with 400 and saves nothing', async () => {
    const response = await postRule(await regionalManager(), kanwil.id, { rendahMax: 5, menengahMax: 5, assistFallback: FALLBACK });

    expect(response.statusCode).toBe(400);
    expect((response.json() as ErrorBody).error.fields).toEqual([
      { field: 'rule.menengahMax', message: expect.stringContaining('batas menengah harus lebih tinggi dari batas rendah') },
    ]);
    expect(await ctx.db.selectFrom('classification_rules').select('id').execute()).toHaveLength(1);
  });

  it("gives a second save of the region's rule version 2, which assessments then use", async () => {
    const manager = await regionalManager();
    await postRule(manager, kanwil.id, LOOSER);

    const response = await postRule(manager, kanwil.id, { rendahMax: 2, menengahMax: 4, assistFallback: FALLBACK });

    expect(response.statusCode, response.body).toBe(201);
    const second = response.json() as RuleRecord;
    expect(second.version).toBe(2);
    const record = await draft({ severity: { napza: 5 } });
    expect(record.classification).toMatchObject({ ruleClass: 'tinggi', ruleId: second.id, ruleVersion: 2 });
  });
});

describe('a recommendation that departs from the default placement', () => {
  it('needs the team\'s reason before signing, and signs with it', async () => {
    const ctx = await testApp();
    try {
      const unit = await makeOrganization(ctx.db, { kind: 'rutan' });
      const staff = await makeUser(ctx.db, { role: 'clinic_staff', organizationId: unit.id });
      await makeQualification(ctx.db, staff.id);
      const person = await makeWbp(ctx.db, { facility_id: unit.id });
      const session = await signIn(ctx.app, staff.username);
      const started = (await session.request({ method: 'POST', url: `/api/wbp/${person.id}/assessments`, payload: {} })).json() as { id: string; version: number };
      // napza 7 places in social rehabilitation; the team recommends medical rehabilitation instead.
      const draft = { form: { severity: { napza: 7 } }, recommendation: { types: ['medical'], place: 'inside_unit', note: null } };
      const saved = (await session.request({ method: 'PUT', url: `/api/assessments/${started.id}`, payload: { ...draft, version: started.version } })).json() as { version: number };

      const refused = await session.request({ method: 'POST', url: `/api/assessments/${started.id}/sign`, payload: { version: saved.version } });
      expect(refused.statusCode).toBe(400);
      expect((refused.json() as { error: { fields: { field: string }[] } }).error.fields[0]?.field).toBe('overrideReason');

      const reasoned = (await session.request({
        method: 'PUT', url: `/api/assessments/${started.id}`,
        payload: { ...draft, overrideReason: 'Blok rehabilitasi sosial penuh; rawat jalan sambil menunggu.', version: saved.version },
      })).json() as { version: number };
      const signed = await session.request({ method: 'POST', url: `/api/assessments/${started.id}/sign`, payload: { version: reasoned.version } });
      expect(signed.statusCode).toBe(200);
    } finally {
      await ctx.close();
    }
  });
});
