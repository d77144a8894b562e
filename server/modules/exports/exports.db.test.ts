import { createHmac } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RESEARCH_EVENT_COLUMNS, RESEARCH_PEOPLE_COLUMNS, SIRENA_CLIENT_COLUMNS, SIRENA_SERVICE_COLUMNS, dateShiftOf } from '../../../shared/domain/exports.ts';
import { addDays } from '../../../shared/domain/dates.ts';
import { type Session, type TestApp, signIn, testApp } from '../../testing/app.ts';
import { makeOrganization, makeProgramme, makeScreening, makeUser, makeWbp } from '../../testing/factories.ts';

let ctx: TestApp;
// Monday 23 November 2026, 10:00 in Jakarta.
const NOW = new Date('2026-11-23T03:00:00Z');
const PERIOD = 'from=2026-01-01&to=2026-11-30';

beforeEach(async () => {
  ctx = await testApp({ now: () => NOW });
});
afterEach(async () => ctx.close());

/** Two regions: unit A under Kanwil A, unit B under Kanwil B; a person with a full pathway in A and one in B. */
async function world() {
  const ditjenpas = await makeOrganization(ctx.db, { kind: 'ditjenpas' });
  const kanwilA = await makeOrganization(ctx.db, { kind: 'kanwil', parent_id: ditjenpas.id, code: 'KW-A' });
  const kanwilB = await makeOrganization(ctx.db, { kind: 'kanwil', parent_id: ditjenpas.id, code: 'KW-B' });
  const unitA = await makeOrganization(ctx.db, { kind: 'rutan', parent_id: kanwilA.id, code: 'RTN-A' });
  const unitB = await makeOrganization(ctx.db, { kind: 'lapas', parent_id: kanwilB.id, code: 'LPS-B' });
  const head = await makeUser(ctx.db, { role: 'head_of_unit', organizationId: unitA.id });
  const budi = await makeWbp(ctx.db, {
    facility_id: unitA.id, full_name: 'Budi Santoso', sdp_number: 'AII.2026.00417', birth_date: '1990-05-17', admission_date: '2026-06-01',
    legal_status: 'narapidana', sentence_months: 48, case_articles: ['UU 35/2009 Pasal 127'],
  });
  await makeScreening(ctx.db, { wbpId: budi.id, facilityId: unitA.id, overall: 'high', screenedOn: '2026-06-03' });
  // Signed on 10 June 2026 (Jakarta), not on the day the test runs.
  const assessment = await ctx.db.insertInto('assessments').values({
    wbp_id: budi.id, facility_id: unitA.id, status: 'signed', form: JSON.stringify({ drugUse: { mainSubstance: 'heroin' } }), exchange_rate: 16_000,
    composites: '{}', asi_problems: '[]', placement: '["social"]', rule_class: 'tinggi', rule_basis: 'asi', final_class: 'tinggi',
    signed_by: head.id, signed_at: new Date('2026-06-10T03:00:00Z'),
  }).returning('id').executeTakeFirstOrThrow();
  const programme = await makeProgramme(ctx.db, unitA.id, 'social');
  const decision = await ctx.db.insertInto('placement_decisions').values({
    wbp_id: budi.id, facility_id: unitA.id, assessment_id: assessment.id, decree_number: 'SK/001', decree_date: '2026-06-20', place: 'inside_unit', decided_by: head.id,
  }).returning('id').executeTakeFirstOrThrow();
  const enrolment = await ctx.db.insertInto('enrolments').values({
    wbp_id: budi.id, programme_id: programme.id, decision_id: decision.id, status: 'active', start_date: '2026-07-01', expected_end_date: '2026-12-16',
  }).returning('id').executeTakeFirstOrThrow();
  await ctx.db.insertInto('urine_tests').values({
    wbp_id: budi.id, facility_id: unitA.id, enrolment_id: enrolment.id, reason: 'entry', planned_on: '2026-07-02', status: 'resulted', outcome: 'negative',
    results: JSON.stringify({ amphetamines: 'negative' }), note: 'Catatan petugas Budi Santoso', created_by: head.id,
  }).execute();
  await ctx.db.insertInto('referrals').values({
    wbp_id: budi.id, facility_id: unitA.id, to_name: 'RSUD Serang', reason: 'Rujukan Budi Santoso ke psikiater', referred_on: '2026-08-01', created_by: head.id,
  }).execute();
  const siti = await makeWbp(ctx.db, { facility_id: unitB.id, full_name: 'Siti Rahmawati', sdp_number: 'BII.2026.00999', sex: 'P' });
  await makeScreening(ctx.db, { wbpId: siti.id, facilityId: unitB.id, overall: 'moderate', screenedOn: '2026-06-04' });
  const signInAs = async (role: 'national_admin' | 'regional_manager' | 'clinic_staff', organizationId: string) =>
    signIn(ctx.app, (await makeUser(ctx.db, { role, organizationId })).username);
  return {
    unitA, unitB, budi, siti, enrolment,
    national: await signInAs('national_admin', ditjenpas.id),
    regionalA: await signInAs('regional_manager', kanwilA.id),
    clinicA: await signInAs('clinic_staff', unitA.id),
    headA: await signIn(ctx.app, head.username),
  };
}

const rowsOf = (body: string) => parse(body.replace(/^\uFEFF/, ''), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
const headerOf = (body: string) => body.replace(/^\uFEFF/, '').split(/\r?\n/)[0]!.split(',');
const get = (s: Session, url: string) => s.request({ method: 'GET', url });

async function storedSecret(): Promise<string> {
  const row = await ctx.db.selectFrom('settings').select('value').where('key', '=', 'researchExportSecret').executeTakeFirstOrThrow();
  return row.value as string;
}

describe('the research export', () => {
  it('has the documented columns in both files', async () => {
    const w = await world();

    const people = await get(w.national, `/api/exports/research/people.csv?${PERIOD}`);
    const events = await get(w.national, `/api/exports/research/events.csv?${PERIOD}`);

    expect(people.statusCode, people.body).toBe(200);
    expect(people.headers['content-type']).toContain('text/csv');
    expect(headerOf(people.body)).toEqual([...RESEARCH_PEOPLE_COLUMNS]);
    expect(headerOf(events.body)).toEqual([...RESEARCH_EVENT_COLUMNS]);
  });

  it('shows a known person under their keyed pseudonym, with dates shifted by their own offset and the age banded', async () => {
    const w = await world();

    const rows = rowsOf((await get(w.national, `/api/exports/research/people.csv?${PERIOD}`)).body);

    const key = await storedSecret();
    const keyed = (m: string) => createHmac('sha256', key).update(m).digest();
    const pid = Buffer.from(keyed(w.budi.id)).toString('hex');
    expect(rows.find((r) => r.pid === pid)).toEqual({
      pid, unit_code: 'RTN-A', region_code: 'KW-A', sex: 'L', age_band: '35-44', legal_status: 'narapidana', narcotics_case: '1', sentence_band: '12-59',
      admission_date: addDays('2026-06-01', dateShiftOf(keyed, w.budi.id)), release_date: '',
    });
  });

  it('lists a person\'s events with the same shift, codes only', async () => {
    const w = await world();

    const rows = rowsOf((await get(w.national, `/api/exports/research/events.csv?${PERIOD}&facilityId=${w.unitA.id}`)).body);

    const keyed = (m: string) => createHmac('sha256', key).update(m).digest();
    const key = await storedSecret();
    const shift = dateShiftOf(keyed, w.budi.id);
    expect(rows.map((r) => [r.event, r.date, r.kind, r.result, r.substance])).toEqual(expect.arrayContaining([
      ['screening', addDays('2026-06-03', shift), 'assist', 'high', 'amphetamines'],
      ['assessment', addDays('2026-06-10', shift), 'initial', 'tinggi', 'heroin'],
      ['enrolment', addDays('2026-07-01', shift), 'social', 'active', ''],
      ['urine_test', addDays('2026-07-02', shift), 'entry', 'negative', ''],
      ['referral', addDays('2026-08-01', shift), 'clinical', '', ''],
    ]));
  });

  it('uses RESEARCH_EXPORT_SECRET when it is set, and stores no secret then', async () => {
    const { createExportsService } = await import('./exports.service.ts');
    const w = await world();
    const actor = { statsFacilityIds: [w.unitA.id] } as unknown as Parameters<ReturnType<typeof createExportsService>['research']>[0];
    const service = createExportsService({ db: ctx.db, now: () => NOW, researchSecret: 'dari-lingkungan' });

    const file = await service.research(actor, 'people', { from: '2026-01-01', to: '2026-11-30' }, { ip: null, userAgent: null });

    expect(file.csv).toContain(createHmac('sha256', 'dari-lingkungan').update(w.budi.id).digest('hex'));
    expect(await ctx.db.selectFrom('settings').select('key').where('key', '=', 'researchExportSecret').executeTakeFirst()).toBeUndefined();
  });

  it('gives a regional manager only the units of its region', async () => {
    const w = await world();

    const rows = rowsOf((await get(w.regionalA, `/api/exports/research/people.csv?${PERIOD}`)).body);

    expect(rows.map((r) => r.unit_code)).toEqual(['RTN-A']);
  });

  it('refuses a unit of another region, naming the unit', async () => {
    const w = await world();

    const response = await get(w.regionalA, `/api/exports/research/events.csv?${PERIOD}&facilityId=${w.unitB.id}`);

    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { fields: [{ field: 'facilityId' }] } });
  });

  it('refuses a period that ends before it starts, naming the end, and writes no audit row', async () => {
    const w = await world();

    const response = await get(w.national, '/api/exports/research/people.csv?from=2026-11-30&to=2026-01-01');

    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { fields: [{ field: 'to' }] } });
    expect(await ctx.db.selectFrom('audit_log').select('id').where('entity_type', '=', 'research_export').execute()).toHaveLength(0);
  });

  it('refuses a day that is not a date, naming the field', async () => {
    const w = await world();

    const response = await get(w.national, '/api/exports/research/people.csv?from=2026-13-01&to=2026-11-30');

    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { fields: [{ field: 'from' }] } });
  });

  it('writes an audit row with the number of rows', async () => {
    const w = await world();

    await get(w.national, `/api/exports/research/people.csv?${PERIOD}`);

    const audit = await ctx.db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'research_export').executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ file: 'people', from: '2026-01-01', to: '2026-11-30', rows: 2 });
  });

  it('never carries a name, an SDP number, a birth date or a typed text of any person', async () => {
    const w = await world();

    const text = (await get(w.national, `/api/exports/research/people.csv?${PERIOD}`)).body
      + (await get(w.national, `/api/exports/research/events.csv?${PERIOD}`)).body;

    const people = await ctx.db.selectFrom('wbp').select(['id', 'full_name', 'sdp_number', 'birth_date']).execute();
    expect(people.length).toBeGreaterThan(1);
    for (const p of people) {
      for (const secret of [p.full_name, p.sdp_number, p.id, p.birth_date ?? 'none']) expect(text).not.toContain(secret);
    }
    expect(text).not.toContain('Budi');
    expect(text).not.toContain('RSUD Serang');
  });

  it('is not for unit staff', async () => {
    const w = await world();

    expect((await get(w.clinicA, `/api/exports/research/people.csv?${PERIOD}`)).statusCode).toBe(403);
  });
});

describe('the SIRENA export', () => {
  it('lists the unit\'s clients with identity, substance and classes', async () => {
    const w = await world();

    const response = await get(w.clinicA, `/api/facilities/${w.unitA.id}/exports/sirena/clients.csv?${PERIOD}`);

    expect(response.statusCode, response.body).toBe(200);
    expect(headerOf(response.body)).toEqual([...SIRENA_CLIENT_COLUMNS]);
    expect(rowsOf(response.body)).toEqual([expect.objectContaining({
      no_registrasi_sdp: 'AII.2026.00417', nama: 'Budi Santoso', nik: '', jenis_kelamin: 'L', tanggal_lahir: '1990-05-17', kode_upt: 'RTN-A',
      zat_utama: 'heroin', tanggal_skrining: '2026-06-03', risiko_assist: 'tinggi', tanggal_asesmen: '2026-06-10', kelas_asesmen: 'tinggi',
    })]);
  });

  it('lists the unit\'s services with their kind and attendance', async () => {
    const w = await world();

    const response = await get(w.headA, `/api/facilities/${w.unitA.id}/exports/sirena/services.csv?${PERIOD}`);

    expect(headerOf(response.body)).toEqual([...SIRENA_SERVICE_COLUMNS]);
    expect(rowsOf(response.body)).toEqual([expect.objectContaining({
      no_registrasi_sdp: 'AII.2026.00417', jenis_layanan: 'rehabilitasi_sosial', tanggal_mulai: '2026-07-01', status: 'berjalan', sesi_tercatat: '0',
    })]);
  });

  it('leaves out clients with nothing in the period', async () => {
    const w = await world();

    const response = await get(w.clinicA, `/api/facilities/${w.unitA.id}/exports/sirena/clients.csv?from=2025-01-01&to=2025-12-31`);

    expect(rowsOf(response.body)).toEqual([]);
  });

  it('answers another unit as not found and never shows its people', async () => {
    const w = await world();

    const response = await get(w.clinicA, `/api/facilities/${w.unitB.id}/exports/sirena/clients.csv?${PERIOD}`);

    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('Siti');
  });

  it('refuses a reversed period, naming the end', async () => {
    const w = await world();

    const response = await get(w.clinicA, `/api/facilities/${w.unitA.id}/exports/sirena/services.csv?from=2026-11-30&to=2026-01-01`);

    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { fields: [{ field: 'to' }] } });
  });

  it('writes an audit row for the unit with the number of rows', async () => {
    const w = await world();

    await get(w.clinicA, `/api/facilities/${w.unitA.id}/exports/sirena/clients.csv?${PERIOD}`);

    const audit = await ctx.db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'sirena_export').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ facility_id: w.unitA.id, action: 'read' });
    expect(audit.details).toMatchObject({ file: 'clients', rows: 1 });
  });
});
