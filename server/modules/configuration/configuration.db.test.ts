import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COUNSELLOR_CERTIFIER } from '../../../shared/domain/staff.ts';
import { type Session, type TestApp, signIn, testApp } from '../../testing/app.ts';
import { makeOrganization, makeQualification, makeUser } from '../../testing/factories.ts';

interface ErrorBody { error: { code: string; message: string; fields?: { field: string; message: string }[] } }
interface Qualification { id: string; userId: string; kind: string; number: string; issuedOn: string; expiresOn: string | null; issuer: string | null; valid: boolean }
type Org = Awaited<ReturnType<typeof makeOrganization>>;
type User = Awaited<ReturnType<typeof makeUser>>;

// Friday 20 November 2026, 10:00 in Jakarta (WIB, UTC+7).
const NOW = new Date('2026-11-20T03:00:00Z');

let ctx: TestApp;
let ditjenpas: Org;
let unit: Org;
let admin: User;
let adminSession: Session;

beforeEach(async () => {
  ctx = await testApp({ now: () => NOW });
  ditjenpas = await makeOrganization(ctx.db, { kind: 'ditjenpas' });
  const kanwil = await makeOrganization(ctx.db, { kind: 'kanwil', parent_id: ditjenpas.id });
  unit = await makeOrganization(ctx.db, { kind: 'rutan', parent_id: kanwil.id });
  admin = await makeUser(ctx.db, { role: 'national_admin', organizationId: ditjenpas.id });
  adminSession = await signIn(ctx.app, admin.username);
});
afterEach(async () => ctx.close());

async function sessionFor(role: Parameters<typeof makeUser>[1]['role'], organizationId: string): Promise<Session> {
  const user = await makeUser(ctx.db, { role, organizationId });
  return signIn(ctx.app, user.username);
}

function putSettings(as: Session, payload: Record<string, unknown>) {
  return as.request({ method: 'PUT', url: '/api/settings', payload });
}

/** The two settings this screen edits, as stored. */
async function storedSettings(): Promise<Record<string, unknown>> {
  const rows = await ctx.db.selectFrom('settings').select(['key', 'value']).where('key', 'in', ['rupiahPerUsd', 'holidays']).execute();
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

function qualification(overrides: Record<string, unknown> = {}) {
  return { kind: 'asi_assessor', certificateNumber: 'BNN/ASI/2025/0113', issuedOn: '2025-03-01', expiresOn: '2028-03-01', issuer: 'BNN RI', ...overrides };
}

function addQualification(userId: string, payload: Record<string, unknown>) {
  return adminSession.request({ method: 'POST', url: `/api/admin/users/${userId}/qualifications`, payload });
}

describe('reading the settings', () => {
  it('gives any signed-in user the defaults: Rp 16,000 to the dollar, no holidays, agreement alerts 90 days ahead', async () => {
    const officer = await sessionFor('custody_officer', unit.id);

    const response = await officer.request({ method: 'GET', url: '/api/settings' });

    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ rupiahPerUsd: 16_000, holidays: [], agreementExpiryAlertDays: 90 });
  });

  it('refuses a visitor who has not signed in with 401', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/settings' });

    expect(response.statusCode).toBe(401);
  });
});

describe('writing the settings', () => {
  it('lets the national administrator change the rate and holidays, which everyone then reads', async () => {
    const response = await putSettings(adminSession, { rupiahPerUsd: 15_850, holidays: ['2026-12-25'] });

    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ rupiahPerUsd: 15_850, holidays: ['2026-12-25'], agreementExpiryAlertDays: 90 });
    const staff = await sessionFor('clinic_staff', unit.id);
    expect((await staff.request({ method: 'GET', url: '/api/settings' })).json()).toEqual({ rupiahPerUsd: 15_850, holidays: ['2026-12-25'], agreementExpiryAlertDays: 90 });
  });

  it('stores the holidays sorted and without repeats', async () => {
    const response = await putSettings(adminSession, { rupiahPerUsd: 16_000, holidays: ['2026-12-25', '2026-08-17', '2026-12-25'] });

    expect(response.json()).toMatchObject({ holidays: ['2026-08-17', '2026-12-25'] });
  });

  it('writes an update audit row with the settings before and after', async () => {
    await putSettings(adminSession, { rupiahPerUsd: 15_850, holidays: ['2026-12-25'] });

    const rows = await ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'update').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actor_user_id: admin.id, entity_type: 'settings',
      details: { before: { rupiahPerUsd: 16_000, holidays: [] }, after: { rupiahPerUsd: 15_850, holidays: ['2026-12-25'] } },
    });
  });

  it('refuses a regional manager with 403 and changes nothing', async () => {
    const kanwil = await makeOrganization(ctx.db, { kind: 'kanwil', parent_id: ditjenpas.id });
    const manager = await sessionFor('regional_manager', kanwil.id);

    const response = await putSettings(manager, { rupiahPerUsd: 1, holidays: [] });

    expect(response.statusCode).toBe(403);
    expect(await storedSettings()).toEqual({ rupiahPerUsd: 16_000, holidays: [] });
  });

  it.each([0, -15_000])('refuses a rate of %d with 400 naming rupiahPerUsd, and changes nothing', async (rate) => {
    const response = await putSettings(adminSession, { rupiahPerUsd: rate, holidays: [] });

    expect(response.statusCode).toBe(400);
    const body = response.json() as ErrorBody;
    expect(body.error.code).toBe('VALIDATION');
    expect(body.error.fields?.map((f) => f.field)).toEqual(['rupiahPerUsd']);
    expect(await storedSettings()).toEqual({ rupiahPerUsd: 16_000, holidays: [] });
  });

  it('does not tell the user that a rate of 0 is allowed when it refuses 0', async () => {
    const response = await putSettings(adminSession, { rupiahPerUsd: 0, holidays: [] });

    // The rate must be above 0 (exclusive); "minimal 0" ("at least 0") would invite the very value refused.
    const [field] = (response.json() as ErrorBody).error.fields ?? [];
    expect(field?.message).toBe("Kurs rupiah per dolar AS: harus lebih dari 0");
    expect(field?.message).not.toMatch(/minimal 0$/);
  });

  it('refuses a holiday that is not a date, naming it', async () => {
    const response = await putSettings(adminSession, { rupiahPerUsd: 16_000, holidays: ['2026-12-25', '25-12-2026'] });

    expect(response.statusCode).toBe(400);
    expect((response.json() as ErrorBody).error.fields?.map((f) => f.field)).toEqual(['holidays.1']);
  });
});

describe('the agreement alert window', () => {
  async function storedWindow(): Promise<unknown> {
    return (await ctx.db.selectFrom('settings').select('value').where('key', '=', 'agreementExpiryAlertDays').executeTakeFirst())?.value;
  }

  it('lets the national administrator set it, and the agreement alerts follow it', async () => {
    const response = await putSettings(adminSession, { rupiahPerUsd: 16_000, holidays: [], agreementExpiryAlertDays: 150 });

    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ agreementExpiryAlertDays: 150 });
    const alerts = await adminSession.request({ method: 'GET', url: '/api/agreements/alerts' });
    expect(alerts.json()).toMatchObject({ alertDays: 150 });
  });

  it('keeps the stored window when a save leaves it out', async () => {
    await putSettings(adminSession, { rupiahPerUsd: 16_000, holidays: [], agreementExpiryAlertDays: 30 });

    const response = await putSettings(adminSession, { rupiahPerUsd: 15_000, holidays: [] });

    expect(response.json()).toMatchObject({ rupiahPerUsd: 15_000, agreementExpiryAlertDays: 30 });
  });

  it.each([0, 366, 45.5])('refuses %d days with 400 naming agreementExpiryAlertDays, and changes nothing', async (days) => {
    const response = await putSettings(adminSession, { rupiahPerUsd: 15_000, holidays: [], agreementExpiryAlertDays: days });

    expect(response.statusCode).toBe(400);
    expect((response.json() as ErrorBody).error.fields?.map((f) => f.field)).toEqual(['agreementExpiryAlertDays']);
    expect(await storedWindow()).toBeUndefined();
    expect(await storedSettings()).toEqual({ rupiahPerUsd: 16_000, holidays: [] });
  });

  it('names the window as users know it when refusing it', async () => {
    const response = await putSettings(adminSession, { rupiahPerUsd: 16_000, holidays: [], agreementExpiryAlertDays: 400 });

    const [field] = (response.json() as ErrorBody).error.fields ?? [];
    expect(field?.message).toMatch(/^Peringatan akhir perjanjian \(hari\): /);
  });

  it('records the change of window in the audit row', async () => {
    await putSettings(adminSession, { rupiahPerUsd: 16_000, holidays: [], agreementExpiryAlertDays: 60 });

    const row = await ctx.db.selectFrom('audit_log').select('details').where('entity_type', '=', 'settings').executeTakeFirstOrThrow();
    expect(row.details).toMatchObject({ before: { agreementExpiryAlertDays: 90 }, after: { agreementExpiryAlertDays: 60 } });
  });
});

describe('staff qualifications', () => {
  it('lets the national administrator record a qualification for a user: 201, valid', async () => {
    const assessor = await makeUser(ctx.db, { role: 'assessor', organizationId: unit.id });

    const response = await addQualification(assessor.id, qualification());

    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toEqual({
      id: expect.any(String), userId: assessor.id, kind: 'asi_assessor', number: 'BNN/ASI/2025/0113',
      issuedOn: '2025-03-01', expiresOn: '2028-03-01', issuer: 'BNN RI', valid: true,
    });
  });

  it('writes a create audit row for the qualification', async () => {
    const assessor = await makeUser(ctx.db, { role: 'assessor', organizationId: unit.id });

    const created = (await addQualification(assessor.id, qualification())).json() as Qualification;

    const rows = await ctx.db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'qualification').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'create', actor_user_id: admin.id, entity_id: created.id, details: { userId: assessor.id, kind: 'asi_assessor' } });
  });

  it('refuses an expiry before the issue date with 400 naming expiresOn, and stores nothing', async () => {
    const assessor = await makeUser(ctx.db, { role: 'assessor', organizationId: unit.id });

    const response = await addQualification(assessor.id, qualification({ issuedOn: '2025-03-01', expiresOn: '2025-02-28' }));

    expect(response.statusCode).toBe(400);
    expect((response.json() as ErrorBody).error.fields).toEqual([
      { field: 'expiresOn', message: expect.stringContaining('tanggal berakhir harus setelah tanggal terbit') },
    ]);
    expect(await ctx.db.selectFrom('staff_qualifications').select('id').execute()).toEqual([]);
  });

  it('refuses an issue date after today with 400 naming issuedOn, and stores nothing, as the staff directory does', async () => {
    const assessor = await makeUser(ctx.db, { role: 'assessor', organizationId: unit.id });

    const response = await addQualification(assessor.id, qualification({ issuedOn: '2026-12-01', expiresOn: '2029-12-01' }));

    expect(response.statusCode).toBe(400);
    expect((response.json() as ErrorBody).error.fields?.map((f) => f.field)).toEqual(['issuedOn']);
    expect(await ctx.db.selectFrom('staff_qualifications').select('id').execute()).toEqual([]);
  });

  it("records BNN's certification body as the issuer of an addiction counsellor's certificate written without one", async () => {
    const counsellor = await makeUser(ctx.db, { role: 'counsellor', organizationId: unit.id });

    const response = await addQualification(counsellor.id, qualification({ kind: 'addiction_counsellor', issuer: null }));

    expect(response.statusCode, response.body).toBe(201);
    expect((response.json() as Qualification).issuer).toBe(COUNSELLOR_CERTIFIER);
  });

  it('names the certificate number as such when refusing it', async () => {
    const assessor = await makeUser(ctx.db, { role: 'assessor', organizationId: unit.id });

    const response = await addQualification(assessor.id, qualification({ certificateNumber: 'X' }));

    expect(response.statusCode).toBe(400);
    expect((response.json() as ErrorBody).error.fields).toEqual([{ field: 'certificateNumber', message: expect.stringMatching(/^Nomor sertifikat: /) as unknown }]);
  });

  it('answers 404 for a user who does not exist', async () => {
    const response = await addQualification('00000000-0000-4000-8000-000000000000', qualification());

    expect(response.statusCode).toBe(404);
  });

  it('lists an expired qualification as not valid and a current one as valid', async () => {
    const assessor = await makeUser(ctx.db, { role: 'assessor', organizationId: unit.id });
    const expired = await makeQualification(ctx.db, assessor.id, { issued_on: '2022-01-01', expires_on: '2026-11-19' });
    const current = await makeQualification(ctx.db, assessor.id, { issued_on: '2025-01-01', expires_on: '2026-11-20' });

    const response = await adminSession.request({ method: 'GET', url: `/api/admin/users/${assessor.id}/qualifications` });

    expect(response.statusCode, response.body).toBe(200);
    const items = (response.json() as { items: Qualification[] }).items;
    expect(items.map((q) => [q.id, q.valid])).toEqual([[current.id, true], [expired.id, false]]);
  });

  it('lists a qualification not yet issued as not valid', async () => {
    const assessor = await makeUser(ctx.db, { role: 'assessor', organizationId: unit.id });
    await makeQualification(ctx.db, assessor.id, { issued_on: '2026-12-01', expires_on: '2029-12-01' });

    const response = await adminSession.request({ method: 'GET', url: `/api/admin/users/${assessor.id}/qualifications` });

    expect((response.json() as { items: Qualification[] }).items.map((q) => q.valid)).toEqual([false]);
  });
});
