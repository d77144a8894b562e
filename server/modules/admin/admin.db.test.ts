import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry, UserSummary } from '../../../shared/contracts/admin.ts';
import type { Role } from '../../../shared/contracts/common.ts';
import { type Session, type TestApp, signIn, testApp } from '../../testing/app.ts';
import { TEST_PASSWORD, makeOrganization, makeUser } from '../../testing/factories.ts';

interface AuditPage { items: AuditEntry[]; page: number; pageSize: number; total: number }
interface ErrorBody { error: { code: string; message: string; fields?: { field: string; message: string }[] } }

let ctx: TestApp;
let ditjenpas: Awaited<ReturnType<typeof makeOrganization>>;
let unit: Awaited<ReturnType<typeof makeOrganization>>;
let admin: Awaited<ReturnType<typeof makeUser>>;
let session: Session;

beforeEach(async () => {
  ctx = await testApp();
  ditjenpas = await makeOrganization(ctx.db, { kind: 'ditjenpas' });
  unit = await makeOrganization(ctx.db, { kind: 'rutan' });
  admin = await makeUser(ctx.db, { role: 'national_admin', organizationId: ditjenpas.id });
  session = await signIn(ctx.app, admin.username);
});
afterEach(async () => ctx.close());

function newAccount(overrides: Record<string, unknown> = {}) {
  return { username: 'klinik.baru', fullName: 'dr. Maya Sari', role: 'clinic_staff', organizationId: unit.id, password: 'Sandi-Akun-2026', ...overrides };
}

function sessionCheck(cookie: string) {
  return ctx.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } });
}

/** An audit row written at a chosen moment, as the services would have written it then. */
async function auditAt(at: string, row: { actor?: string; action?: string; entityId?: string } = {}) {
  await ctx.db
    .insertInto('audit_log')
    .values({
      at: new Date(at),
      actor_username: row.actor ?? 'klinik.uji',
      action: row.action ?? 'read',
      entity_type: 'wbp',
      entity_id: row.entityId ?? 'orang-1',
      details: '{}',
    })
    .execute();
}

async function searchAudit(query: string): Promise<AuditPage> {
  const response = await session.request({ method: 'GET', url: `/api/admin/audit?${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as AuditPage;
}

describe('user accounts', () => {
  it('lists every account with its organisation', async () => {
    const staff = await makeUser(ctx.db, { role: 'clinic_staff', organizationId: unit.id });

    const response = await session.request({ method: 'GET', url: '/api/admin/users' });

    expect(response.statusCode).toBe(200);
    const items = (response.json() as { items: UserSummary[] }).items;
    expect(items.map((u) => u.username).sort()).toEqual([admin.username, staff.username].sort());
    expect(items.find((u) => u.id === staff.id)).toMatchObject({ role: 'clinic_staff', organizationName: unit.name, active: true });
    expect(response.body).not.toContain('argon2');
  });

  it('creates an account and answers 201 with it', async () => {
    const response = await session.request({ method: 'POST', url: '/api/admin/users', payload: newAccount({ username: 'Klinik.Baru' }) });

    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ username: 'klinik.baru', role: 'clinic_staff', organizationId: unit.id, active: true, language: 'id' });
    const stored = await ctx.db.selectFrom('users').select('password_hash').where('username', '=', 'klinik.baru').executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('lets a new account sign in with the password it was given', async () => {
    await session.request({ method: 'POST', url: '/api/admin/users', payload: newAccount() });

    const login = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'klinik.baru', password: 'Sandi-Akun-2026' } });

    expect(login.statusCode).toBe(200);
  });

  it('refuses a password that breaks the policy with 400 naming password', async () => {
    const response = await session.request({ method: 'POST', url: '/api/admin/users', payload: newAccount({ password: 'hanyahurufsaja' }) });

    expect(response.statusCode).toBe(400);
    expect((response.json() as ErrorBody).error.fields).toEqual([{ field: 'password', message: 'Kata sandi: kata sandi harus memuat huruf dan angka' }]);
    expect(await ctx.db.selectFrom('users').select('id').where('username', '=', 'klinik.baru').execute()).toHaveLength(0);
  });

  it('refuses a password that is too common', async () => {
    const response = await session.request({ method: 'POST', url: '/api/admin/users', payload: newAccount({ password: 'Indonesia123' }) });

    expect(response.statusCode).toBe(400);
    expect((response.json() as ErrorBody).error.fields).toEqual([{ field: 'password', message: 'Kata sandi: kata sandi terlalu umum' }]);
  });

  it('refuses a username that is taken with 400 naming username', async () => {
    const existing = await makeUser(ctx.db, { role: 'clinic_staff', organizationId: unit.id });

    const response = await session.request({ method: 'POST', url: '/api/admin/users', payload: newAccount({ username: existing.username }) });

    expect(response.statusCode).toBe(400);
    expect((response.json() as ErrorBody).error.fields).toEqual([{ field: 'username', message: 'Nama pengguna: Nama pengguna sudah dipakai.' }]);
  });

  it('ends the open sessions of an account at once when it is deactivated', async () => {
    const staff = await makeUser(ctx.db, { role: 'clinic_staff', organizationId: unit.id });
    const staffSession = await signIn(ctx.app, staff.username);

    const response = await session.request({ method: 'PATCH', url: `/api/admin/users/${staff.id}`, payload: { active: false } });

    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: staff.id, active: false });
    expect((await sessionCheck(staffSession.cookie)).statusCode).toBe(401);
  });

  it('refuses sign-in to a deactivated account', async () => {
    const staff = await makeUser(ctx.db, { role: 'clinic_staff', organizationId: unit.id });
    await session.request({ method: 'PATCH', url: `/api/admin/users/${staff.id}`, payload: { active: false } });

    const login = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: staff.username, password: TEST_PASSWORD } });

    expect(login.statusCode).toBe(401);
  });

  it('ends the open sessions of an account whose role changes', async () => {
    const staff = await makeUser(ctx.db, { role: 'clinic_staff', organizationId: unit.id });
    const staffSession = await signIn(ctx.app, staff.username);

    await session.request({ method: 'PATCH', url: `/api/admin/users/${staff.id}`, payload: { role: 'custody_officer' } });

    expect((await sessionCheck(staffSession.cookie)).statusCode).toBe(401);
  });

  it('keeps the sessions of an account whose name alone changes', async () => {
    const staff = await makeUser(ctx.db, { role: 'clinic_staff', organizationId: unit.id });
    const staffSession = await signIn(ctx.app, staff.username);

    await session.request({ method: 'PATCH', url: `/api/admin/users/${staff.id}`, payload: { fullName: 'Nama Baru Pengguna' } });

    expect((await sessionCheck(staffSession.cookie)).statusCode).toBe(200);
  });
});

describe('the audit search', () => {
  it('filters by actor, whatever the case of the name asked for', async () => {
    await auditAt('2026-03-01T02:00:00Z', { actor: 'klinik.a' });
    await auditAt('2026-03-02T02:00:00Z', { actor: 'klinik.b' });

    const page = await searchAudit('actor=KLINIK.A');

    expect(page.total).toBe(1);
    expect(page.items.map((e) => e.actorUsername)).toEqual(['klinik.a']);
  });

  it('filters by action', async () => {
    await auditAt('2026-03-01T02:00:00Z', { action: 'read' });
    await auditAt('2026-03-02T02:00:00Z', { action: 'update' });
    await auditAt('2026-03-03T02:00:00Z', { action: 'read' });

    const page = await searchAudit('action=update');

    expect(page.items.map((e) => [e.action, e.at])).toEqual([['update', '2026-03-02T02:00:00.000Z']]);
  });

  it('filters by entity id', async () => {
    await auditAt('2026-03-01T02:00:00Z', { entityId: 'orang-1' });
    await auditAt('2026-03-02T02:00:00Z', { entityId: 'orang-2' });

    const page = await searchAudit('entityId=orang-2');

    expect(page.items.map((e) => e.entityId)).toEqual(['orang-2']);
  });

  it('filters by a date range of Jakarta calendar days', async () => {
    await auditAt('2026-02-28T16:59:59Z', { entityId: 'sebelum' }); // 23:59:59 WIB on 28 February
    await auditAt('2026-02-28T17:00:00Z', { entityId: 'awal' }); // 00:00 WIB on 1 March
    await auditAt('2026-03-02T16:59:59Z', { entityId: 'akhir' }); // 23:59:59 WIB on 2 March
    await auditAt('2026-03-02T17:00:00Z', { entityId: 'sesudah' }); // 00:00 WIB on 3 March

    const page = await searchAudit('from=2026-03-01&to=2026-03-02');

    expect(page.items.map((e) => e.entityId)).toEqual(['akhir', 'awal']);
  });

  it('pages through the results newest first', async () => {
    for (let hour = 1; hour <= 5; hour += 1) await auditAt(`2026-03-01T0${hour}:00:00Z`, { action: 'read', entityId: `orang-${hour}` });

    const pages = [await searchAudit('action=read&pageSize=2&page=1'), await searchAudit('action=read&pageSize=2&page=2'), await searchAudit('action=read&pageSize=2&page=3')];

    expect(pages.map((p) => p.items.map((e) => e.entityId))).toEqual([['orang-5', 'orang-4'], ['orang-3', 'orang-2'], ['orang-1']]);
    expect(pages.map((p) => p.total)).toEqual([5, 5, 5]);
  });
});

describe('the audit log', () => {
  it('refuses an UPDATE of its rows', async () => {
    await auditAt('2026-03-01T02:00:00Z', { action: 'read' });

    await expect(sql`UPDATE audit_log SET action = 'dihapus'`.execute(ctx.db)).rejects.toThrow(/append-only/);
    expect(await ctx.db.selectFrom('audit_log').select('id').where('action', '=', 'dihapus').execute()).toHaveLength(0);
  });

  it('refuses a DELETE of its rows', async () => {
    await auditAt('2026-03-01T02:00:00Z');
    const before = (await ctx.db.selectFrom('audit_log').select('id').execute()).length;

    await expect(sql`DELETE FROM audit_log`.execute(ctx.db)).rejects.toThrow(/append-only/);
    expect((await ctx.db.selectFrom('audit_log').select('id').execute()).length).toBe(before);
  });

  it('refuses a TRUNCATE', async () => {
    await auditAt('2026-03-01T02:00:00Z');

    await expect(sql`TRUNCATE audit_log`.execute(ctx.db)).rejects.toThrow(/append-only/);
  });
});

describe('organisations', () => {
  const pelita = { parentId: null, kind: 'ngo', code: 'LSM-PELITA', name: 'Yayasan Pelita Harapan', city: 'Serang' };

  it('creates an organisation and answers 201 with it', async () => {
    const response = await session.request({ method: 'POST', url: '/api/organizations', payload: pelita });

    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ code: 'LSM-PELITA', kind: 'ngo', name: 'Yayasan Pelita Harapan', parentId: null, canAssess: false });
  });

  it('refuses a code that is taken, in any case, with 400 naming code', async () => {
    await session.request({ method: 'POST', url: '/api/organizations', payload: pelita });

    const response = await session.request({ method: 'POST', url: '/api/organizations', payload: { ...pelita, code: 'lsm-pelita', name: 'Yayasan Pelita Lain' } });

    expect(response.statusCode).toBe(400);
    expect((response.json() as ErrorBody).error.fields).toEqual([{ field: 'code', message: 'Kode: Kode organisasi sudah dipakai.' }]);
    expect(await ctx.db.selectFrom('organizations').select('id').where('code', '=', 'LSM-PELITA').execute()).toHaveLength(1);
  });
});

describe('for roles other than the national administrator', () => {
  const others: Role[] = ['regional_manager', 'head_of_unit', 'clinic_staff', 'assessor', 'counsellor', 'custody_officer', 'probation_officer'];

  it.each(others)('answers 403 to %s on the user, audit and organisation management routes', async (role) => {
    const user = await makeUser(ctx.db, { role, organizationId: unit.id });
    const other = await signIn(ctx.app, user.username);

    const statuses = [
      (await other.request({ method: 'GET', url: '/api/admin/users' })).statusCode,
      (await other.request({ method: 'POST', url: '/api/admin/users', payload: newAccount() })).statusCode,
      (await other.request({ method: 'PATCH', url: `/api/admin/users/${admin.id}`, payload: { active: false } })).statusCode,
      (await other.request({ method: 'GET', url: '/api/admin/audit' })).statusCode,
      (await other.request({ method: 'POST', url: '/api/organizations', payload: { parentId: null, kind: 'ngo', code: 'LSM-X', name: 'Yayasan X Uji' } })).statusCode,
    ];

    expect(statuses).toEqual([403, 403, 403, 403, 403]);
    const adminRow = await ctx.db.selectFrom('users').select('active').where('id', '=', admin.id).executeTakeFirstOrThrow();
    expect(adminRow.active).toBe(true);
  });
});
