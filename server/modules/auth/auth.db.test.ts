import type { LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionResponse } from '../../../shared/contracts/auth.ts';
import { type TestApp, signIn, testApp } from '../../testing/app.ts';
import { TEST_PASSWORD, makeOrganization, makeUser } from '../../testing/factories.ts';

const BAD_CREDENTIALS_ID = 'Nama pengguna atau kata sandi salah.';
const MINUTE = 60_000;

/** A clock the test moves by hand; the app reads it through `now`. */
function manualClock(start: Date) {
  let at = start.getTime();
  return { now: () => new Date(at), advance: (ms: number) => { at += ms; } };
}

function login(ctx: TestApp, username: string, password: string, headers: Record<string, string> = {}) {
  return ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers });
}

function sessionWith(ctx: TestApp, cookie: string): Promise<LightMyRequestResponse> {
  return ctx.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } });
}

async function clinicUser(ctx: TestApp, overrides: { active?: boolean; language?: 'id' | 'en' } = {}) {
  const unit = await makeOrganization(ctx.db, { kind: 'rutan' });
  const user = await makeUser(ctx.db, { role: 'clinic_staff', organizationId: unit.id, ...overrides });
  return { unit, user };
}

describe('signing in', () => {
  let ctx: TestApp;
  beforeEach(async () => { ctx = await testApp(); });
  afterEach(async () => ctx.close());

  it('sets an httpOnly, SameSite=Strict session cookie', async () => {
    const { user } = await clinicUser(ctx);

    const response = await login(ctx, user.username, TEST_PASSWORD);

    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'pulih_sid');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie?.value.length).toBeGreaterThan(30);
  });

  it('returns the user with their permissions and the units they work in', async () => {
    const { unit, user } = await clinicUser(ctx);

    const body = (await login(ctx, user.username, TEST_PASSWORD)).json() as SessionResponse;

    expect(body.user).toMatchObject({ id: user.id, username: user.username, role: 'clinic_staff', organization: { id: unit.id, kind: 'rutan' } });
    expect(body.user.permissions).toEqual(expect.arrayContaining(['wbp.read', 'wbp.write', 'sdp.import', 'clinical.read']));
    expect(body.user.permissions).not.toContain('user.manage');
    expect(body.user.facilities).toEqual([{ id: unit.id, name: unit.name, code: unit.code, scopes: null }]);
    expect(body.csrfToken.length).toBeGreaterThan(20);
  });

  it('refuses a wrong password with 401 and the Indonesian message', async () => {
    const { user } = await clinicUser(ctx);

    const response = await login(ctx, user.username, 'Salah-Sandi-2026');

    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: BAD_CREDENTIALS_ID } });
    expect(response.cookies.find((c) => c.name === 'pulih_sid')).toBeUndefined();
  });

  it('records a failed sign-in in the audit log', async () => {
    const { user } = await clinicUser(ctx);

    await login(ctx, user.username, 'Salah-Sandi-2026');

    const rows = await ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'login_failed').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_username: user.username, entity_type: 'user', entity_id: user.id, details: { reason: 'wrong_password' } });
  });

  it('refuses an unknown username with the same 401 message as a wrong password', async () => {
    const response = await login(ctx, 'tidak.ada.orangnya', TEST_PASSWORD);

    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: BAD_CREDENTIALS_ID } });
  });

  it('locks the account after 10 failures, so even the right password is refused with the lock message', async () => {
    const { user } = await clinicUser(ctx);
    for (let attempt = 0; attempt < 10; attempt += 1) {
      expect((await login(ctx, user.username, `Salah-Sandi-${attempt}x`)).statusCode).toBe(401);
    }

    const response = await login(ctx, user.username, TEST_PASSWORD);

    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({
      error: { code: 'UNAUTHENTICATED', message: 'Akun dikunci sementara karena terlalu banyak percobaan masuk. Coba lagi dalam 15 menit.' },
    });
  });

  it('does not lock the account after 9 failures', async () => {
    const { user } = await clinicUser(ctx);
    for (let attempt = 0; attempt < 9; attempt += 1) await login(ctx, user.username, `Salah-Sandi-${attempt}x`);

    expect((await login(ctx, user.username, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('refuses an inactive account with 401 even with the right password', async () => {
    const { user } = await clinicUser(ctx, { active: false });

    const response = await login(ctx, user.username, TEST_PASSWORD);

    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'Akun ini tidak aktif. Hubungi administrator.' } });
  });

  it('answers a session request without a cookie with 401', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/auth/session' });

    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'Silakan masuk terlebih dahulu.' } });
  });

  it('answers a session request with the signed-in user', async () => {
    const { user } = await clinicUser(ctx);
    const session = await signIn(ctx.app, user.username);

    const response = await session.request({ method: 'GET', url: '/api/auth/session' });

    expect(response.statusCode).toBe(200);
    expect((response.json() as SessionResponse).user.id).toBe(user.id);
  });
});

describe('login rate limiting', () => {
  let ctx: TestApp;
  beforeEach(async () => { ctx = await testApp({ loginMaxPer15Min: 3 }); });
  afterEach(async () => ctx.close());

  it('refuses the fourth attempt for the same username with 429 RATE_LIMITED', async () => {
    const { user } = await clinicUser(ctx);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect((await login(ctx, user.username, `Salah-Sandi-${attempt}x`)).statusCode).toBe(401);
    }

    const response = await login(ctx, user.username, TEST_PASSWORD);

    expect(response.statusCode).toBe(429);
    expect(response.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    expect((response.json() as { error: { message: string } }).error.message).toMatch(/^Terlalu banyak percobaan\. Coba lagi dalam \d+ detik\.$/);
  });

  it('counts attempts per username, so a colleague at the same address can still sign in', async () => {
    const { unit, user } = await clinicUser(ctx);
    const colleague = await makeUser(ctx.db, { role: 'custody_officer', organizationId: unit.id });
    for (let attempt = 0; attempt < 4; attempt += 1) await login(ctx, user.username, `Salah-Sandi-${attempt}x`);

    expect((await login(ctx, colleague.username, TEST_PASSWORD)).statusCode).toBe(200);
  });
});

describe('signing out', () => {
  let ctx: TestApp;
  beforeEach(async () => { ctx = await testApp(); });
  afterEach(async () => ctx.close());

  it('revokes the session, so the old cookie is then refused with 401', async () => {
    const { user } = await clinicUser(ctx);
    const session = await signIn(ctx.app, user.username);

    const response = await session.request({ method: 'POST', url: '/api/auth/logout' });

    expect(response.statusCode).toBe(204);
    expect((await sessionWith(ctx, session.cookie)).statusCode).toBe(401);
  });
});

describe('session expiry', () => {
  let ctx: TestApp;
  let clock: ReturnType<typeof manualClock>;
  afterEach(async () => ctx.close());

  it('ends a session left idle for 31 minutes with the "session has ended" message', async () => {
    clock = manualClock(new Date());
    ctx = await testApp({ now: clock.now });
    const { user } = await clinicUser(ctx);
    const session = await signIn(ctx.app, user.username);

    clock.advance(31 * MINUTE);
    const response = await sessionWith(ctx, session.cookie);

    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'Sesi Anda telah berakhir. Silakan masuk kembali.' } });
  });

  it('keeps a session used again within 29 minutes', async () => {
    clock = manualClock(new Date());
    ctx = await testApp({ now: clock.now });
    const { user } = await clinicUser(ctx);
    const session = await signIn(ctx.app, user.username);

    clock.advance(29 * MINUTE);

    expect((await sessionWith(ctx, session.cookie)).statusCode).toBe(200);
  });

  it('starts the idle time at sign-in by the app clock, whatever the database clock says', async () => {
    // The app's clock is injected; a session must not depend on the database server's own clock.
    clock = manualClock(new Date('2026-03-02T01:00:00Z'));
    ctx = await testApp({ now: clock.now });
    const { user } = await clinicUser(ctx);
    const session = await signIn(ctx.app, user.username);

    clock.advance(31 * MINUTE);

    expect((await sessionWith(ctx, session.cookie)).statusCode).toBe(401);
  });

  it('ends a session after 12 hours even when it is used every 20 minutes', async () => {
    clock = manualClock(new Date());
    ctx = await testApp({ now: clock.now });
    const { user } = await clinicUser(ctx);
    const session = await signIn(ctx.app, user.username);

    const statuses: number[] = [];
    for (let elapsed = 20; elapsed <= 12 * 60; elapsed += 20) {
      clock.advance(20 * MINUTE);
      statuses.push((await sessionWith(ctx, session.cookie)).statusCode);
    }

    // 35 uses within the 12 hours succeed; the one at 12:00 is refused.
    expect(statuses.slice(0, -1).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(401);
  });
});

describe('CSRF protection', () => {
  let ctx: TestApp;
  beforeEach(async () => { ctx = await testApp(); });
  afterEach(async () => ctx.close());

  function newPerson(facilityId: string) {
    return { sdpNumber: 'AII.2026.CSRF1', fullName: 'Andi Saputra', sex: 'L', legalStatus: 'tahanan', admissionDate: '2026-10-01', facilityId };
  }

  it('refuses a POST without the x-csrf-token header with 403 CSRF and writes nothing', async () => {
    const { unit, user } = await clinicUser(ctx);
    const session = await signIn(ctx.app, user.username);

    const response = await ctx.app.inject({ method: 'POST', url: '/api/wbp', headers: { cookie: session.cookie }, payload: newPerson(unit.id) });

    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: { code: 'CSRF' } });
    const people = await ctx.db.selectFrom('wbp').select('id').execute();
    expect(people).toHaveLength(0);
  });

  it('refuses a POST with a wrong token with 403 CSRF and writes nothing', async () => {
    const { unit, user } = await clinicUser(ctx);
    const session = await signIn(ctx.app, user.username);

    const response = await session.request({ method: 'POST', url: '/api/wbp', headers: { 'x-csrf-token': `${session.csrf.slice(0, -2)}xx` }, payload: newPerson(unit.id) });

    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: { code: 'CSRF' } });
    expect(await ctx.db.selectFrom('wbp').select('id').execute()).toHaveLength(0);
  });

  it('refuses a token that belongs to another session', async () => {
    const { user } = await clinicUser(ctx);
    const first = await signIn(ctx.app, user.username);
    const second = await signIn(ctx.app, user.username);

    const response = await first.request({ method: 'PUT', url: '/api/auth/language', headers: { 'x-csrf-token': second.csrf }, payload: { language: 'en' } });

    expect(response.statusCode).toBe(403);
  });
});

describe('changing the password', () => {
  let ctx: TestApp;
  beforeEach(async () => { ctx = await testApp(); });
  afterEach(async () => ctx.close());

  it('refuses a new password that breaks the policy with 400 naming newPassword', async () => {
    const { user } = await clinicUser(ctx);
    const session = await signIn(ctx.app, user.username);

    const response = await session.request({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: TEST_PASSWORD, newPassword: 'hanyahurufsaja' } });

    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      error: { code: 'VALIDATION', fields: [{ field: 'newPassword', message: 'Kata sandi baru: kata sandi harus memuat huruf dan angka' }] },
    });
  });

  it('refuses a new password that contains the username', async () => {
    const { user } = await clinicUser(ctx);
    const session = await signIn(ctx.app, user.username);

    const response = await session.request({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: TEST_PASSWORD, newPassword: `${user.username}-2026` } });

    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { fields: [{ field: 'newPassword', message: 'Kata sandi baru: kata sandi tidak boleh memuat nama pengguna' }] } });
  });

  it('refuses a wrong current password with 400 naming currentPassword', async () => {
    const { user } = await clinicUser(ctx);
    const session = await signIn(ctx.app, user.username);

    const response = await session.request({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: 'Bukan-Sandinya-1', newPassword: 'Sandi-Baru-2026x' } });

    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { fields: [{ field: 'currentPassword', message: 'Kata sandi saat ini: Kata sandi saat ini salah.' }] } });
  });

  it('answers 204 and lets the user sign in with the new password only', async () => {
    const { user } = await clinicUser(ctx);
    const session = await signIn(ctx.app, user.username);

    const response = await session.request({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: TEST_PASSWORD, newPassword: 'Sandi-Baru-2026x' } });

    expect(response.statusCode).toBe(204);
    expect((await login(ctx, user.username, 'Sandi-Baru-2026x')).statusCode).toBe(200);
    expect((await login(ctx, user.username, TEST_PASSWORD)).statusCode).toBe(401);
  });

  it('revokes the user\'s other sessions and keeps the one that made the change', async () => {
    const { user } = await clinicUser(ctx);
    const changer = await signIn(ctx.app, user.username);
    const elsewhere = await signIn(ctx.app, user.username);

    await changer.request({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: TEST_PASSWORD, newPassword: 'Sandi-Baru-2026x' } });

    expect((await sessionWith(ctx, elsewhere.cookie)).statusCode).toBe(401);
    expect((await sessionWith(ctx, changer.cookie)).statusCode).toBe(200);
  });
});

describe('language', () => {
  let ctx: TestApp;
  beforeEach(async () => { ctx = await testApp(); });
  afterEach(async () => ctx.close());

  it('stores the language preference for the next sign-in', async () => {
    const { user } = await clinicUser(ctx);
    const session = await signIn(ctx.app, user.username);

    const response = await session.request({ method: 'PUT', url: '/api/auth/language', payload: { language: 'en' } });

    expect(response.statusCode).toBe(204);
    const stored = await ctx.db.selectFrom('users').select('language').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(stored.language).toBe('en');
    expect(((await login(ctx, user.username, TEST_PASSWORD)).json() as SessionResponse).user.language).toBe('en');
  });

  it('writes error messages in English when the browser asks for English', async () => {
    const response = await login(ctx, 'tidak.ada.orangnya', TEST_PASSWORD, { 'accept-language': 'en-GB,en;q=0.9' });

    expect(response.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'Wrong username or password.' } });
  });

  it('writes error messages in Indonesian when the browser names a language without a catalogue', async () => {
    const response = await login(ctx, 'tidak.ada.orangnya', TEST_PASSWORD, { 'accept-language': 'fr-FR' });

    expect(response.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: BAD_CREDENTIALS_ID } });
  });

  it('answers a signed-in user in their stored language when the browser names none', async () => {
    const { user } = await clinicUser(ctx, { language: 'en' });
    const session = await signIn(ctx.app, user.username);

    const response = await session.request({ method: 'GET', url: '/api/wbp/00000000-0000-4000-8000-000000000000' });

    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'Not found.' } });
  });
});
