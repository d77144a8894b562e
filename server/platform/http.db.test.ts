import { afterEach, describe, expect, it } from 'vitest';
import { type TestApp, signIn, testApp } from '../testing/app.ts';
import { makeOrganization, makeUser } from '../testing/factories.ts';

const MINUTE = 60_000;

let ctx: TestApp;
afterEach(async () => ctx.close());

describe('resolving the session', () => {
  it('leaves the session alone for a request outside the API, such as a file of the web app', async () => {
    let at = Date.now();
    ctx = await testApp({ now: () => new Date(at) });
    const unit = await makeOrganization(ctx.db, { kind: 'rutan' });
    const user = await makeUser(ctx.db, { role: 'clinic_staff', organizationId: unit.id });
    const session = await signIn(ctx.app, user.username);
    const lastSeen = async () => (await ctx.db.selectFrom('sessions').select('last_seen_at').where('user_id', '=', user.id).executeTakeFirstOrThrow()).last_seen_at;
    const before = await lastSeen();

    at += 2 * MINUTE;
    await session.request({ method: 'GET', url: '/assets/index.js' });

    expect(await lastSeen()).toEqual(before);
  });

  it('still reads the session for the API, touching it after a minute', async () => {
    let at = Date.now();
    ctx = await testApp({ now: () => new Date(at) });
    const unit = await makeOrganization(ctx.db, { kind: 'rutan' });
    const user = await makeUser(ctx.db, { role: 'clinic_staff', organizationId: unit.id });
    const session = await signIn(ctx.app, user.username);

    at += 2 * MINUTE;
    const response = await session.request({ method: 'GET', url: '/api/auth/session' });

    expect(response.statusCode).toBe(200);
    const row = await ctx.db.selectFrom('sessions').select('last_seen_at').where('user_id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.last_seen_at.getTime()).toBe(at);
  });
});
