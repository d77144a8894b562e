import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CampaignList } from '../../../shared/contracts/campaigns.ts';
import { type Session, type TestApp, signIn, testApp } from '../../testing/app.ts';
import { makeOrganization, makeUser, signAgreement } from '../../testing/factories.ts';

let ctx: TestApp;
// Monday 23 November 2026, 10:00 in Jakarta.
const NOW = new Date('2026-11-23T03:00:00Z');

beforeEach(async () => {
  ctx = await testApp({ now: () => NOW });
});
afterEach(async () => ctx.close());

async function unit() {
  const org = await makeOrganization(ctx.db, { kind: 'rutan' });
  const clinician = await makeUser(ctx.db, { role: 'clinic_staff', organizationId: org.id });
  return { unitId: org.id, clinic: await signIn(ctx.app, clinician.username) };
}

const campaign = (more: Record<string, unknown> = {}) => ({
  heldOn: '2026-11-10', place: 'Aula Rutan', topic: 'Bahaya narkoba bagi keluarga', audience: { wbp: 40, staff: 5, family: 12, public: 0 },
  facilitators: ['Penyuluh BNNK Serang'], ...more,
});
const record = (s: Session, unitId: string, payload: Record<string, unknown>) => s.request({ method: 'POST', url: `/api/facilities/${unitId}/campaigns`, payload });

describe('education campaigns', () => {
  it('records a campaign with its partner and audience', async () => {
    const u = await unit();
    const bnnk = await makeOrganization(ctx.db, { kind: 'bnnk', name: 'BNNK Serang' });

    const response = await record(u.clinic, u.unitId, campaign({ partnerId: bnnk.id }));

    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ partnerName: 'BNNK Serang', total: 57, audience: { wbp: 40, family: 12 } });
  });

  it('sums each audience over the campaigns of the period only', async () => {
    const u = await unit();
    await record(u.clinic, u.unitId, campaign());
    await record(u.clinic, u.unitId, campaign({ heldOn: '2026-11-17', audience: { wbp: 10, staff: 0, family: 0, public: 30 } }));
    await record(u.clinic, u.unitId, campaign({ heldOn: '2026-10-05', audience: { wbp: 99, staff: 0, family: 0, public: 0 } }));

    const list = await u.clinic.request({ method: 'GET', url: `/api/facilities/${u.unitId}/campaigns?from=2026-11-01&to=2026-11-30&pageSize=1` });

    expect((list.json() as CampaignList).totals).toEqual({ wbp: 50, staff: 5, family: 12, public: 30, all: 97, campaigns: 2 });
  });

  it('refuses a campaign that reached no one, naming the audience, and stores nothing', async () => {
    const u = await unit();

    const response = await record(u.clinic, u.unitId, campaign({ audience: { wbp: 0, staff: 0, family: 0, public: 0 } }));

    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { fields: [{ field: 'audience' }] } });
    expect(await ctx.db.selectFrom('campaigns').select('id').execute()).toHaveLength(0);
  });

  it('refuses a date after today', async () => {
    const u = await unit();

    const response = await record(u.clinic, u.unitId, campaign({ heldOn: '2026-11-24' }));

    expect(response.json()).toMatchObject({ error: { fields: [{ field: 'heldOn' }] } });
  });

  it('writes an audit row with the unit', async () => {
    const u = await unit();

    await record(u.clinic, u.unitId, campaign());

    const row = await ctx.db.selectFrom('audit_log').select('facility_id').where('entity_type', '=', 'campaign').where('action', '=', 'create').executeTakeFirst();
    expect(row).toEqual({ facility_id: u.unitId });
  });

  it('answers not found for a unit the actor does not work in', async () => {
    const u = await unit();
    const v = await unit();

    const response = await u.clinic.request({ method: 'GET', url: `/api/facilities/${v.unitId}/campaigns` });

    expect(response.statusCode).toBe(404);
  });

  it('lets a partner counsellor record only under an agreement covering education', async () => {
    const u = await unit();
    const ngo = await makeOrganization(ctx.db, { kind: 'ngo' });
    const puskesmas = await makeOrganization(ctx.db, { kind: 'puskesmas' });
    await signAgreement(ctx.db, { partyIds: [u.unitId, ngo.id], scopes: ['education'] });
    await signAgreement(ctx.db, { partyIds: [u.unitId, puskesmas.id], scopes: ['vct'] });
    const educator = await signIn(ctx.app, (await makeUser(ctx.db, { role: 'counsellor', organizationId: ngo.id })).username);
    const nurse = await signIn(ctx.app, (await makeUser(ctx.db, { role: 'counsellor', organizationId: puskesmas.id })).username);

    expect((await record(educator, u.unitId, campaign())).statusCode).toBe(201);
    expect((await record(nurse, u.unitId, campaign())).statusCode).toBe(404);
  });
});
