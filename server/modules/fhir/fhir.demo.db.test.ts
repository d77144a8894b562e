import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bundle } from '../../../shared/domain/fhir/types.ts';
import { DEMO_PASSWORD, seedDemo } from '../../seed/demo.ts';
import { type Session, type TestApp, signIn, testApp } from '../../testing/app.ts';
import { FHIR_SCHEMA_TIMEOUT, expectValidFhir, prepareFhirSchema } from '../../testing/fhir.ts';

beforeAll(prepareFhirSchema, FHIR_SCHEMA_TIMEOUT);

// Sunday 22 November 2026, 10:00 in Jakarta: the demo's anchor.
const NOW = new Date('2026-11-22T03:00:00Z');

/** The demo's first Rutan with every person consenting: the export then holds every kind of record the demo has. */
describe('the FHIR export of the demo unit', () => {
  let ctx: TestApp;
  let clinic: Session;
  let unitId: string;

  beforeAll(async () => {
    ctx = await testApp({ now: () => NOW });
    await seedDemo(ctx.db, { anchor: '2026-11-22' });
    const staff = await ctx.db.selectFrom('users').select(['id', 'organization_id']).where('username', '=', 'klinik.serang').executeTakeFirstOrThrow();
    unitId = staff.organization_id;
    // The demo already has a few consents in force (server/seed/demo-health-consents.ts): the others join them.
    const people = await ctx.db.selectFrom('wbp').select('id').where('facility_id', '=', unitId)
      .where(({ exists, not, selectFrom }) => not(exists(selectFrom('health_platform_consents as c').select('c.id').whereRef('c.wbp_id', '=', 'wbp.id').where('c.revoked_on', 'is', null))))
      .execute();
    await ctx.db.insertInto('health_platform_consents')
      .values(people.map((p) => ({ wbp_id: p.id, given_on: '2026-11-20', method: 'signed_form' as const, recorded_by: staff.id })))
      .execute();
    clinic = await signIn(ctx.app, 'klinik.serang', DEMO_PASSWORD);
  }, 240_000);
  afterAll(async () => ctx.close());

  it('is a year of lines that are each valid FHIR R4, with every kind of resource', async () => {
    const response = await clinic.request({ method: 'GET', url: `/api/facilities/${unitId}/fhir/export?from=2025-11-23&to=2026-11-22` });
    expect(response.statusCode, response.body.slice(0, 400)).toBe(200);
    const lines = response.body.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as { resourceType: string });
    lines.forEach(expectValidFhir);
    expect(new Set(lines.map((l) => l.resourceType))).toEqual(new Set(['Patient', 'QuestionnaireResponse', 'Observation', 'CarePlan', 'EpisodeOfCare', 'OperationOutcome']));
    expect(response.headers['x-pulih-fhir-excluded']).toBe('0');
  });

  it('gives a placed person a Bundle with the ASSIST scores, the severity grid, the plan and the episode', async () => {
    const placed = await ctx.db.selectFrom('placement_decisions').select('wbp_id').where('facility_id', '=', unitId).orderBy('decree_date').executeTakeFirstOrThrow();
    const bundle = (await clinic.request({ method: 'GET', url: `/api/wbp/${placed.wbp_id}/fhir` })).json() as Bundle;
    expectValidFhir(bundle);
    const codes = bundle.entry.flatMap((e) => (e.resource.resourceType === 'Observation' ? e.resource.code.coding ?? [] : [])).map((c) => c.code);
    expect(codes).toContain('overall-risk');
    expect(codes).toContain('severity-napza');
    expect(bundle.entry.filter((e) => e.resource.resourceType === 'CarePlan')).not.toEqual([]);
    expect(bundle.entry.filter((e) => e.resource.resourceType === 'EpisodeOfCare')).not.toEqual([]);
  });
});
