import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthConsentRecord } from '../../shared/contracts/fhir.ts';
import { type Session, type TestApp, signIn, testApp } from '../testing/app.ts';
import { DEMO_PASSWORD, seedDemo } from './demo.ts';

// Sunday 22 November 2026, 10:00 in Jakarta: the demo's anchor.
const NOW = new Date('2026-11-22T03:00:00Z');

describe('the demo SATUSEHAT consents', () => {
  let ctx: TestApp;
  let clinic: Session;
  let unitId: string;
  beforeAll(async () => {
    ctx = await testApp({ now: () => NOW });
    await seedDemo(ctx.db, { anchor: '2026-11-22' });
    clinic = await signIn(ctx.app, 'klinik.serang', DEMO_PASSWORD);
    unitId = (await ctx.db.selectFrom('organizations').select('id').where('code', '=', 'RUTAN-SERANG').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => ctx.close());

  it('give Rutan Serang a year of FHIR export with six people in it and the others counted out', async () => {
    const response = await clinic.request({ method: 'GET', url: `/api/facilities/${unitId}/fhir/export?from=2025-11-23&to=2026-11-22` });

    expect(response.statusCode).toBe(200);
    expect(response.headers['x-pulih-fhir-people']).toBe('6');
    expect(Number(response.headers['x-pulih-fhir-excluded'])).toBeGreaterThan(0);
  });

  it('keep a revoked consent in the history of a person the export leaves out', async () => {
    const revoked = await ctx.db.selectFrom('health_platform_consents').select('wbp_id').where('revoked_on', 'is not', null).executeTakeFirstOrThrow();

    const history = (await clinic.request({ method: 'GET', url: `/api/wbp/${revoked.wbp_id}/health-platform-consents` })).json() as { items: HealthConsentRecord[] };
    const bundle = await clinic.request({ method: 'GET', url: `/api/wbp/${revoked.wbp_id}/fhir` });

    expect(history.items.map((c) => [c.inForce, c.revokedOn])).toEqual([[false, '2026-10-23']]);
    expect(bundle.statusCode).toBe(409);
  });
});
