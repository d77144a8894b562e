import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignList } from '../../shared/contracts/campaigns.ts';
import type { PeerCounsellorRecord, StaffMember } from '../../shared/contracts/staff.ts';
import { type Session, type TestApp, signIn, testApp } from '../testing/app.ts';
import { DEMO_PASSWORD, seedDemo } from './demo.ts';

// Sunday 22 November 2026, 10:00 in Jakarta: the demo's anchor.
const NOW = new Date('2026-11-22T03:00:00Z');

describe('the demo staff, trainings and campaigns', () => {
  let ctx: TestApp;
  let head: Session;
  let unitId: string;
  beforeAll(async () => {
    ctx = await testApp({ now: () => NOW });
    await seedDemo(ctx.db, { anchor: '2026-11-22' });
    head = await signIn(ctx.app, 'karutan.serang', DEMO_PASSWORD);
    unitId = (await ctx.db.selectFrom('organizations').select('id').where('code', '=', 'RUTAN-SERANG').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => ctx.close());

  it('shows a partner counsellor whose certificate expires within 90 days', async () => {
    const response = await head.request({ method: 'GET', url: `/api/facilities/${unitId}/staff?kind=addiction_counsellor&state=expiring` });

    expect((response.json() as { items: StaffMember[] }).items.map((m) => m.fullName)).toEqual(['Rahmat Hidayat']);
  });

  it('has two trained peer counsellors in two static groups of the Therapeutic Community', async () => {
    const response = await head.request({ method: 'GET', url: `/api/facilities/${unitId}/peer-counsellors` });

    const items = (response.json() as { items: PeerCounsellorRecord[] }).items;
    expect(items.map((p) => [p.trainingStatus, p.groups[0]?.groupLabel]).sort()).toEqual([['trained', 'Kelompok 1'], ['trained', 'Kelompok 2']]);
  });

  it('has three campaigns reaching people held, staff, families and the public', async () => {
    const response = await head.request({ method: 'GET', url: `/api/facilities/${unitId}/campaigns` });

    expect((response.json() as CampaignList).totals).toMatchObject({ campaigns: 3, wbp: 105, staff: 20, family: 34, public: 150 });
  });
});
