import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LookAhead, ReferralList } from '../../shared/contracts/aftercare.ts';
import { type TestApp, signIn, testApp } from '../testing/app.ts';
import { DEMO_PASSWORD, seedDemo } from './demo.ts';

// Sunday 22 November 2026, 10:00 in Jakarta: the demo's anchor.
const NOW = new Date('2026-11-22T03:00:00Z');

describe('the demo aftercare', () => {
  let ctx: TestApp;
  beforeAll(async () => {
    ctx = await testApp({ now: () => NOW });
    await seedDemo(ctx.db, { anchor: '2026-11-22' });
  });
  afterAll(async () => ctx.close());

  it('gives Bapas Serang an accepted parole referral with the one-month follow-up recorded', async () => {
    const pk = await signIn(ctx.app, 'pk.bapas', DEMO_PASSWORD);
    const inbox = (await pk.request({ method: 'GET', url: '/api/aftercare/inbox' })).json() as ReferralList;
    expect(inbox.items.map((r) => [r.status, r.releaseKind, r.released, r.followUps[0]?.state])).toEqual([['accepted', 'pb', true, 'done']]);
  });

  it('shows Rutan Serang a parole and a leave within the next two months', async () => {
    const clinic = await signIn(ctx.app, 'klinik.serang', DEMO_PASSWORD);
    const rutan = await ctx.db.selectFrom('organizations').select('id').where('code', '=', 'RUTAN-SERANG').executeTakeFirstOrThrow();
    const body = (await clinic.request({ method: 'GET', url: `/api/facilities/${rutan.id}/releases?months=2` })).json() as LookAhead;
    const planned = body.items.filter((i) => i.source === 'plan').map((i) => [i.kind, i.consentCount]);
    expect(planned).toEqual([['pb', 1], ['cb', 0]]);
  });
});
