import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgreementAlerts } from '../../shared/contracts/agreements.ts';
import { type TestApp, signIn, testApp } from '../testing/app.ts';
import { DEMO_PASSWORD, seedDemo } from './demo.ts';

// Sunday 22 November 2026, 10:00 in Jakarta: the demo's anchor.
const NOW = new Date('2026-11-22T03:00:00Z');

describe('the demo agreements', () => {
  let ctx: TestApp;
  beforeAll(async () => {
    ctx = await testApp({ now: () => NOW });
    await seedDemo(ctx.db, { anchor: '2026-11-22' });
  });
  afterAll(async () => ctx.close());

  async function unitsOf(username: string): Promise<string[]> {
    const session = await signIn(ctx.app, username, DEMO_PASSWORD);
    const response = await session.request({ method: 'GET', url: '/api/auth/session' });
    return (response.json() as { user: { facilities: { code: string }[] } }).user.facilities.map((f) => f.code).sort();
  }

  it("keeps BNNK's assessor and counsellor at work in both Rutan, under the PKS and the MoU", async () => {
    expect(await unitsOf('asesor.bnnk')).toEqual(['RUTAN-PANDEGLANG', 'RUTAN-SERANG']);
    expect(await unitsOf('konselor.bnnk')).toEqual(['RUTAN-PANDEGLANG', 'RUTAN-SERANG']);
  });

  it('keeps the Bapas officer at work in the three units of its area, by area and not by agreement', async () => {
    // And the Bapas itself, for its own post-rehabilitation programmes (docs/adr/0018).
    expect(await unitsOf('pk.bapas')).toEqual(['BAPAS-SERANG', 'LAPAS-CILEGON', 'RUTAN-PANDEGLANG', 'RUTAN-SERANG']);
    expect(await ctx.db.selectFrom('organization_access').select('grantee_id').execute()).toHaveLength(3);
  });

  it('has no partner grant left outside an agreement', async () => {
    const grants = await ctx.db
      .selectFrom('organization_access as a')
      .innerJoin('organizations as o', 'o.id', 'a.grantee_id')
      .select('o.kind')
      .where('o.kind', '<>', 'bapas')
      .execute();
    expect(grants).toEqual([]);
  });

  it('flags the PKS of Rutan Serang on the dashboard, 60 days before it ends', async () => {
    const head = await signIn(ctx.app, 'karutan.serang', DEMO_PASSWORD);

    const alerts = (await head.request({ method: 'GET', url: '/api/agreements/alerts' })).json() as AgreementAlerts;

    expect(alerts.items.map((a) => [a.number, a.status, a.daysLeft])).toEqual([['PKS/01/I/2025/RUTAN-SERANG', 'expiring', 60]]);
    expect(alerts.items[0]?.parties.map((p) => p.code)).toEqual(['RUTAN-SERANG', 'BNNK-SERANG', 'DINKES-SERANG']);
  });
});
