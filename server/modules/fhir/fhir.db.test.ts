import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HealthConsentRecord } from '../../../shared/contracts/fhir.ts';
import { SYSTEMS } from '../../../shared/domain/fhir/systems.ts';
import type { Bundle } from '../../../shared/domain/fhir/types.ts';
import { type Session, type TestApp, signIn, testApp } from '../../testing/app.ts';
import { makeAssessment, makeEnrolment, makeOrganization, makeScreening, makeUser, makeWbp } from '../../testing/factories.ts';
import { FHIR_SCHEMA_TIMEOUT, expectValidFhir, prepareFhirSchema } from '../../testing/fhir.ts';

beforeAll(prepareFhirSchema, FHIR_SCHEMA_TIMEOUT);

// Sunday 22 November 2026, 10:00 in Jakarta.
const nowAt = new Date('2026-11-22T03:00:00Z');

let ctx: TestApp;
let unit: { id: string; code: string };
let otherUnit: { id: string };
let headId: string;
let clinic: Session;

beforeEach(async () => {
  ctx = await testApp({ now: () => nowAt });
  const kanwil = await makeOrganization(ctx.db, { kind: 'kanwil', name: 'Kantor Wilayah Banten' });
  const rutan = await makeOrganization(ctx.db, { kind: 'rutan', parent_id: kanwil.id, name: 'Rutan Kelas IIB Serang' });
  unit = { id: rutan.id, code: rutan.code };
  otherUnit = await makeOrganization(ctx.db, { kind: 'lapas', parent_id: kanwil.id, name: 'Lapas Kelas IIA Serang' });
  headId = (await makeUser(ctx.db, { role: 'head_of_unit', organizationId: rutan.id })).id;
  clinic = await signIn(ctx.app, (await makeUser(ctx.db, { role: 'clinic_staff', organizationId: rutan.id })).username);
});
afterEach(async () => ctx.close());

const fieldsOf = (body: string) => ((JSON.parse(body) as { error: { fields?: { field: string }[] } }).error.fields ?? []).map((f) => f.field);

/** A person of the unit screened on `screenedOn`, placed in a social programme on a signed assessment. */
async function screenedAndEnrolled(screenedOn = '2026-11-02') {
  const person = await makeWbp(ctx.db, { facility_id: unit.id, full_name: 'Budi Santoso' });
  await makeScreening(ctx.db, { wbpId: person.id, facilityId: unit.id, overall: 'high', screenedOn });
  const placed = await makeEnrolment(ctx.db, { wbpId: person.id, facilityId: unit.id, decidedBy: headId, startDate: '2026-09-01' });
  return { person, placed };
}

async function consent(wbpId: string, body: Record<string, unknown> = {}): Promise<HealthConsentRecord> {
  const response = await clinic.request({
    method: 'POST', url: `/api/wbp/${wbpId}/health-platform-consents`, payload: { givenOn: '2026-11-20', method: 'signed_form', ...body },
  });
  if (response.statusCode !== 201) throw new Error(`the consent was refused: ${response.body}`);
  return response.json() as HealthConsentRecord;
}

const revoke = (consentId: string, revokedOn = '2026-11-22') => clinic.request({
  method: 'POST', url: `/api/health-platform-consents/${consentId}/revoke`, payload: { revokedOn, reason: 'Warga binaan menarik persetujuannya.' },
});

const exportOf = (from = '2026-11-01', to = '2026-11-30', facilityId = unit.id) =>
  clinic.request({ method: 'GET', url: `/api/facilities/${facilityId}/fhir/export?from=${from}&to=${to}` });

const linesOf = (body: string) => body.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as { resourceType: string; id: string; [k: string]: unknown });

describe('GET /api/wbp/:id/fhir', () => {
  it('answers a consenting person\'s record as a valid FHIR collection Bundle', async () => {
    const { person } = await screenedAndEnrolled();
    await consent(person.id);
    const response = await clinic.request({ method: 'GET', url: `/api/wbp/${person.id}/fhir` });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/fhir\+json/);
    const bundle = response.json() as Bundle;
    expectValidFhir(bundle);
    bundle.entry.forEach((e) => expectValidFhir(e.resource));
    expect(bundle.type).toBe('collection');
  });

  it('holds the Patient under the SDP number, the screening, the assessment, their scores, the plan and the episode', async () => {
    const { person, placed } = await screenedAndEnrolled();
    await consent(person.id);
    const bundle = (await clinic.request({ method: 'GET', url: `/api/wbp/${person.id}/fhir` })).json() as Bundle;
    const patient = bundle.entry[0]?.resource;
    expect(patient).toMatchObject({ resourceType: 'Patient', id: person.id, identifier: [{ system: SYSTEMS.sdpNumber, value: person.sdp_number }] });
    const ids = (type: string) => bundle.entry.filter((e) => e.resource.resourceType === type).map((e) => e.resource.id);
    expect(ids('QuestionnaireResponse')).toHaveLength(2);
    expect(ids('QuestionnaireResponse')).toContain(placed.assessment.id);
    expect(ids('Observation').length).toBeGreaterThan(0);
    expect(ids('CarePlan')).toEqual([placed.decision.id]);
    expect(ids('EpisodeOfCare')).toEqual([placed.enrolment.id]);
  });

  it('leaves draft assessments out', async () => {
    const { person } = await screenedAndEnrolled();
    const draft = await makeAssessment(ctx.db, { wbpId: person.id, facilityId: unit.id, status: 'draft', form: { severity: { napza: 7 } } });
    await consent(person.id);
    const bundle = (await clinic.request({ method: 'GET', url: `/api/wbp/${person.id}/fhir` })).json() as Bundle;
    expect(bundle.entry.map((e) => e.resource.id)).not.toContain(draft.id);
  });

  it('writes an audit row of the read with the resources sent', async () => {
    const { person } = await screenedAndEnrolled();
    await consent(person.id);
    await clinic.request({ method: 'GET', url: `/api/wbp/${person.id}/fhir` });
    const row = await ctx.db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'fhir_bundle').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ action: 'read', entity_id: person.id, facility_id: unit.id });
    expect((row.details as { resources: Record<string, number> }).resources).toMatchObject({ Patient: 1, EpisodeOfCare: 1, CarePlan: 1 });
  });

  it('is 404 for a person of another unit', async () => {
    const stranger = await makeWbp(ctx.db, { facility_id: otherUnit.id });
    await ctx.db.insertInto('health_platform_consents').values({
      wbp_id: stranger.id, given_on: '2026-11-20', method: 'signed_form', recorded_by: headId,
    }).execute();
    const response = await clinic.request({ method: 'GET', url: `/api/wbp/${stranger.id}/fhir` });
    expect(response.statusCode).toBe(404);
  });

  it('is 409 without consent in force, and nothing is read or audited', async () => {
    const { person } = await screenedAndEnrolled();
    const response = await clinic.request({ method: 'GET', url: `/api/wbp/${person.id}/fhir` });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ error: { code: 'CONFLICT', message: expect.stringContaining('SATUSEHAT') } });
    expect(await ctx.db.selectFrom('audit_log').select('id').where('entity_type', '=', 'fhir_bundle').execute()).toEqual([]);
  });

  it('is 409 at once after the consent is revoked', async () => {
    const { person } = await screenedAndEnrolled();
    const given = await consent(person.id);
    expect((await clinic.request({ method: 'GET', url: `/api/wbp/${person.id}/fhir` })).statusCode).toBe(200);
    expect((await revoke(given.id)).statusCode).toBe(200);
    expect((await clinic.request({ method: 'GET', url: `/api/wbp/${person.id}/fhir` })).statusCode).toBe(409);
  });

  it('is refused to a custody officer', async () => {
    const { person } = await screenedAndEnrolled();
    await consent(person.id);
    const custody = await signIn(ctx.app, (await makeUser(ctx.db, { role: 'custody_officer', organizationId: unit.id })).username);
    expect((await custody.request({ method: 'GET', url: `/api/wbp/${person.id}/fhir` })).statusCode).toBe(403);
  });
});

describe('GET /api/facilities/:facilityId/fhir/export', () => {
  it('answers NDJSON whose every line is a valid FHIR resource', async () => {
    const { person } = await screenedAndEnrolled();
    await consent(person.id);
    const response = await exportOf();
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/fhir\+ndjson/);
    expect(response.headers['content-disposition']).toContain(`fhir-${unit.code}-2026-11-01-2026-11-30.ndjson`);
    const lines = linesOf(response.body);
    lines.forEach(expectValidFhir);
    expect(lines.filter((l) => l.resourceType === 'Patient').map((l) => l.id)).toEqual([person.id]);
  });

  it('refers to the Patient as Patient/id on every line', async () => {
    const { person } = await screenedAndEnrolled();
    await consent(person.id);
    const observation = linesOf((await exportOf()).body).find((l) => l.resourceType === 'Observation');
    expect(observation?.subject).toEqual({ reference: `Patient/${person.id}` });
  });

  it('leaves out a person without consent and counts them in the closing OperationOutcome and a header', async () => {
    const { person: consenting } = await screenedAndEnrolled();
    const { person: refusing } = await screenedAndEnrolled();
    await consent(consenting.id);
    const response = await exportOf();
    const lines = linesOf(response.body);
    expect(lines.some((l) => l.id === refusing.id)).toBe(false);
    expect(JSON.stringify(lines)).not.toContain(refusing.sdp_number);
    expect(lines.at(-1)).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'suppressed', diagnostics: expect.stringContaining('1 people left out') }] });
    expect(response.headers['x-pulih-fhir-excluded']).toBe('1');
    expect(response.headers['x-pulih-fhir-people']).toBe('1');
  });

  it('leaves out a person whose consent was revoked', async () => {
    const { person } = await screenedAndEnrolled();
    const given = await consent(person.id);
    expect((await revoke(given.id)).statusCode).toBe(200);
    const lines = linesOf((await exportOf()).body);
    expect(lines.map((l) => l.resourceType)).toEqual(['OperationOutcome']);
  });

  it('takes only people with records in the period, and only their records of the period', async () => {
    const { person: inside } = await screenedAndEnrolled('2026-11-02');
    const outside = await makeWbp(ctx.db, { facility_id: unit.id });
    await makeScreening(ctx.db, { wbpId: outside.id, facilityId: unit.id, screenedOn: '2026-10-02' });
    await consent(inside.id);
    await consent(outside.id);
    await makeScreening(ctx.db, { wbpId: inside.id, facilityId: unit.id, overall: 'low', screenedOn: '2026-10-15' });
    const lines = linesOf((await exportOf('2026-11-01', '2026-11-30')).body);
    expect(lines.filter((l) => l.resourceType === 'Patient').map((l) => l.id)).toEqual([inside.id]);
    expect(lines.filter((l) => l.resourceType === 'QuestionnaireResponse' && l.authored === '2026-10-15')).toEqual([]);
  });

  it('writes one audit row with the counts of people, left-out people and resources', async () => {
    const { person } = await screenedAndEnrolled();
    await screenedAndEnrolled();
    await consent(person.id);
    await exportOf();
    const row = await ctx.db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'fhir_export').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ action: 'read', entity_id: unit.id, facility_id: unit.id });
    expect(row.details).toMatchObject({ from: '2026-11-01', to: '2026-11-30', people: 1, excluded: 1, wbpIds: [person.id] });
  });

  it('is 400 naming `to` when the period ends before it starts', async () => {
    const response = await exportOf('2026-11-30', '2026-11-01');
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['to']);
  });

  it('is 400 naming `from` when it is not a date', async () => {
    const response = await exportOf('30-11-2026', '2026-11-30');
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toContain('from');
  });

  it('is 400 naming `to` when the period is longer than a year', async () => {
    const response = await exportOf('2025-01-01', '2026-11-30');
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['to']);
  });

  it('is 404 for a unit the actor does not work in', async () => {
    expect((await exportOf('2026-11-01', '2026-11-30', otherUnit.id)).statusCode).toBe(404);
  });
});

describe('consent to share health data with SATUSEHAT', () => {
  it('is recorded in force and listed', async () => {
    const person = await makeWbp(ctx.db, { facility_id: unit.id });
    const given = await consent(person.id);
    expect(given).toMatchObject({ wbpId: person.id, givenOn: '2026-11-20', method: 'signed_form', inForce: true, revokedOn: null });
    const list = await clinic.request({ method: 'GET', url: `/api/wbp/${person.id}/health-platform-consents` });
    expect((list.json() as { items: HealthConsentRecord[] }).items.map((c) => c.id)).toEqual([given.id]);
  });

  it('is refused a second time while one is in force', async () => {
    const person = await makeWbp(ctx.db, { facility_id: unit.id });
    await consent(person.id);
    const again = await clinic.request({ method: 'POST', url: `/api/wbp/${person.id}/health-platform-consents`, payload: { givenOn: '2026-11-21', method: 'signed_form' } });
    expect(again.statusCode).toBe(409);
  });

  it('needs a witness when given verbally, and saves nothing without one', async () => {
    const person = await makeWbp(ctx.db, { facility_id: unit.id });
    const response = await clinic.request({ method: 'POST', url: `/api/wbp/${person.id}/health-platform-consents`, payload: { givenOn: '2026-11-20', method: 'verbal_witnessed' } });
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['witnessName']);
    expect(await ctx.db.selectFrom('health_platform_consents').select('id').execute()).toEqual([]);
  });

  it('cannot be given on a day after today', async () => {
    const person = await makeWbp(ctx.db, { facility_id: unit.id });
    const response = await clinic.request({ method: 'POST', url: `/api/wbp/${person.id}/health-platform-consents`, payload: { givenOn: '2026-11-23', method: 'signed_form' } });
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['givenOn']);
  });

  it('is revoked once, kept with its reason, and a new one can then be recorded', async () => {
    const person = await makeWbp(ctx.db, { facility_id: unit.id });
    const given = await consent(person.id);
    const revoked = await revoke(given.id);
    expect(revoked.json()).toMatchObject({ inForce: false, revokedOn: '2026-11-22', revocationReason: 'Warga binaan menarik persetujuannya.' });
    expect((await revoke(given.id)).statusCode).toBe(409);
    expect((await consent(person.id, { givenOn: '2026-11-22' })).inForce).toBe(true);
  });

  it('cannot be revoked before it was given', async () => {
    const person = await makeWbp(ctx.db, { facility_id: unit.id });
    const given = await consent(person.id);
    const response = await revoke(given.id, '2026-11-19');
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['revokedOn']);
  });

  it('of a person in another unit is not found', async () => {
    const stranger = await makeWbp(ctx.db, { facility_id: otherUnit.id });
    const row = await ctx.db.insertInto('health_platform_consents').values({
      wbp_id: stranger.id, given_on: '2026-11-20', method: 'signed_form', recorded_by: headId,
    }).returning('id').executeTakeFirstOrThrow();
    expect((await revoke(row.id)).statusCode).toBe(404);
    expect((await clinic.request({ method: 'POST', url: `/api/wbp/${stranger.id}/health-platform-consents`, payload: { givenOn: '2026-11-20', method: 'signed_form' } })).statusCode).toBe(404);
  });

  it('writes audit rows for recording and revoking', async () => {
    const person = await makeWbp(ctx.db, { facility_id: unit.id });
    const given = await consent(person.id);
    await revoke(given.id);
    const rows = await ctx.db.selectFrom('audit_log').select(['action', 'entity_id']).where('entity_type', '=', 'health_platform_consent').orderBy('id').execute();
    expect(rows).toEqual([{ action: 'create', entity_id: given.id }, { action: 'update', entity_id: given.id }]);
  });
});
