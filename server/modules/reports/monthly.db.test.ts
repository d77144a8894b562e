import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DashboardResponse, Indicators } from '../../../shared/contracts/reports.ts';
import { figureText, indicatorLines } from '../../../shared/domain/monthlyReport.ts';
import { type Session, type TestApp, signIn, testApp } from '../../testing/app.ts';
import { makeAftercareReferral, makeOrganization, makeProgramme, makeScreening, makeUser, makeWbp } from '../../testing/factories.ts';
import { readPdf } from '../../testing/pdf.ts';

// Saturday 5 December 2026, 10:00 in Jakarta: November is a whole month behind us.
const NOW = new Date('2026-12-05T03:00:00Z');
const NOVEMBER = 'from=2026-11-01&to=2026-11-30';

let ctx: TestApp;

beforeEach(async () => {
  ctx = await testApp({ now: () => NOW });
});
afterEach(async () => ctx.close());

const DRUG = ['UU 35/2009 Pasal 112'];

/**
 * Kanwil A with Rutan Alpha (Budi, Siti and Joko, released to the Bapas's post-rehabilitation, handled
 * in November; Andi only screened, Dewi only in education) and Lapas Beta (three people assessed in
 * November, all on cannabis), Kanwil B with Rutan Gamma (one person).
 */
async function world() {
  const db = ctx.db;
  const ditjenpas = await makeOrganization(db, { kind: 'ditjenpas', name: 'Direktorat Jenderal Pemasyarakatan' });
  const kanwilA = await makeOrganization(db, { kind: 'kanwil', parent_id: ditjenpas.id, name: 'Kanwil Banten', code: 'KW-BTN' });
  const kanwilB = await makeOrganization(db, { kind: 'kanwil', parent_id: ditjenpas.id, name: 'Kanwil Jawa Barat', code: 'KW-JBR' });
  const alpha = await makeOrganization(db, { kind: 'rutan', parent_id: kanwilA.id, name: 'Rutan Alpha', code: 'RTN-A', city: 'Serang', capacity: 100 });
  const beta = await makeOrganization(db, { kind: 'lapas', parent_id: kanwilA.id, name: 'Lapas Beta', code: 'LPS-B', capacity: 50 });
  const gamma = await makeOrganization(db, { kind: 'rutan', parent_id: kanwilB.id, name: 'Rutan Gamma', code: 'RTN-G', capacity: 80 });
  const head = await makeUser(db, { role: 'head_of_unit', organizationId: alpha.id });
  const staff = await makeUser(db, { role: 'clinic_staff', organizationId: alpha.id });

  const assess = (wbpId: string, facilityId: string, signedAt: string, finalClass: 'rendah' | 'menengah' | 'tinggi', form: unknown) =>
    db.insertInto('assessments').values({
      wbp_id: wbpId, facility_id: facilityId, status: 'signed', form: JSON.stringify(form), exchange_rate: 16_000, composites: '{}', asi_problems: '[]',
      placement: '["medical"]', rule_class: finalClass, rule_basis: 'asi', final_class: finalClass, signed_by: head.id, signed_at: new Date(signedAt),
    }).returning('id').executeTakeFirstOrThrow();
  const enrol = async (wbpId: string, programmeId: string, assessmentId: string, facilityId: string, start: string) => {
    const decision = await db.insertInto('placement_decisions').values({
      wbp_id: wbpId, facility_id: facilityId, assessment_id: assessmentId, decree_number: `SK/${wbpId.slice(0, 8)}`, decree_date: start, place: 'inside_unit', decided_by: head.id,
    }).returning('id').executeTakeFirstOrThrow();
    return db.insertInto('enrolments').values({ wbp_id: wbpId, programme_id: programmeId, decision_id: decision.id, status: 'active', start_date: start })
      .returning('id').executeTakeFirstOrThrow();
  };

  const medical = (await makeProgramme(db, alpha.id, 'medical')).id;
  const social = (await makeProgramme(db, alpha.id, 'social')).id;
  const education = (await makeProgramme(db, alpha.id, 'education')).id;

  // Budi: assessed on 10 November (amphetamines smoked for 4 years, F15, treated once before), in medical rehabilitation from 16 November.
  const budi = await makeWbp(db, {
    facility_id: alpha.id, full_name: 'Budi Santoso', sdp_number: 'AII.2026.00417', sex: 'L', birth_date: '1990-05-17', case_articles: DRUG,
  });
  await makeScreening(db, { wbpId: budi.id, facilityId: alpha.id, overall: 'high', screenedOn: '2026-11-02' });
  const budiAssessment = await assess(budi.id, alpha.id, '2026-11-10T03:00:00Z', 'menengah', {
    drugUse: { mainSubstance: 'amphetamines', rows: { amphetamines: { days30: 20, lifetimeYears: 4, route: 3 } } },
    diagnosis: { codes: ['F15'] },
    treatmentHistory: { drugTreatmentEpisodes: 1, alcoholTreatmentEpisodes: 0, lastTreatmentYear: 2024 },
  });
  await enrol(budi.id, medical, budiAssessment.id, alpha.id, '2026-11-16');

  // Siti: assessed in September (heroin injected for 8 years, F11), in the Therapeutic Community since October.
  const siti = await makeWbp(db, {
    facility_id: alpha.id, full_name: 'Siti Rahmawati', sdp_number: 'AII.2026.00533', sex: 'P', birth_date: '1985-02-01', case_articles: DRUG,
  });
  const sitiAssessment = await assess(siti.id, alpha.id, '2026-09-08T03:00:00Z', 'tinggi', {
    drugUse: { mainSubstance: 'heroin', rows: { heroin: { lifetimeYears: 8, route: 5 } } },
    diagnosis: { codes: ['F11'] },
    treatmentHistory: { drugTreatmentEpisodes: 0 },
  });
  const sitiEnrolment = await enrol(siti.id, social, sitiAssessment.id, alpha.id, '2026-10-01');
  await db.insertInto('urine_tests').values({
    wbp_id: siti.id, facility_id: alpha.id, enrolment_id: sitiEnrolment.id, reason: 'routine', planned_on: '2026-11-12', status: 'resulted', outcome: 'positive',
    results: JSON.stringify({ opiates: 'positive' }), created_by: head.id,
  }).execute();

  // Andi: screened in November only; Dewi: education only (low risk): neither is handled.
  const andi = await makeWbp(db, { facility_id: alpha.id, full_name: 'Andi Wijaya', case_articles: DRUG });
  await makeScreening(db, { wbpId: andi.id, facilityId: alpha.id, overall: 'moderate', screenedOn: '2026-11-20' });
  const dewi = await makeWbp(db, { facility_id: alpha.id, full_name: 'Dewi Lestari', case_articles: DRUG });
  const dewiAssessment = await assess(dewi.id, alpha.id, '2026-08-03T03:00:00Z', 'rendah', {});
  await enrol(dewi.id, education, dewiAssessment.id, alpha.id, '2026-10-05');

  // Joko: released on parole in October, referred to the Bapas, in its post-rehabilitation programme since 2 November.
  const bapas = await makeOrganization(db, { kind: 'bapas', parent_id: kanwilA.id, name: 'Bapas Alpha' });
  const joko = await makeAftercareReferral(db, { fromFacilityId: alpha.id, toOrganizationId: bapas.id, by: head.id, fullName: 'Joko Susilo' });
  await db.insertInto('enrolments').values({
    wbp_id: joko.person.id, programme_id: (await makeProgramme(db, bapas.id, 'post_rehab')).id, referral_id: joko.referralId, status: 'active', start_date: '2026-11-02',
  }).execute();

  // Lapas Beta: three people assessed in November, all on cannabis.
  for (const name of ['Eko Prasetyo', 'Fajar Nugroho', 'Gilang Ramadhan']) {
    const p = await makeWbp(db, { facility_id: beta.id, full_name: name, case_articles: DRUG });
    await assess(p.id, beta.id, '2026-11-12T03:00:00Z', 'menengah', { drugUse: { mainSubstance: 'cannabis', rows: { cannabis: { lifetimeYears: 2, route: 3 } } } });
  }

  // Rutan Gamma, in the other Kanwil.
  const hana = await makeWbp(db, { facility_id: gamma.id, full_name: 'Hana Gamma', case_articles: DRUG });
  await assess(hana.id, gamma.id, '2026-11-12T03:00:00Z', 'tinggi', { drugUse: { mainSubstance: 'heroin' } });

  const as = async (role: 'national_admin' | 'regional_manager', organizationId: string) =>
    signIn(ctx.app, (await makeUser(db, { role, organizationId })).username);
  return {
    ditjenpas, kanwilA, kanwilB, alpha, beta, gamma, budi, siti,
    headAlpha: await signIn(ctx.app, head.username),
    staffAlpha: await signIn(ctx.app, staff.username),
    managerA: await as('regional_manager', kanwilA.id),
    managerB: await as('regional_manager', kanwilB.id),
    national: await as('national_admin', ditjenpas.id),
  };
}

const get = (s: Session, url: string) => s.request({ method: 'GET', url });

async function workbookOf(body: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook;
}

/** The sheet's rows below the header, as plain values. */
function rowsOf(workbook: ExcelJS.Workbook, name: string): unknown[][] {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const rows: unknown[][] = [];
  sheet.eachRow((row, n) => {
    // An empty cell reads back as a hole in the row's values.
    if (n > 1) rows.push(Array.from({ length: sheet.columnCount }, (_, i) => (row.values as unknown[])[i + 1] ?? null));
  });
  return rows;
}

async function dashboard(s: Session, query: string): Promise<DashboardResponse> {
  const response = await get(s, `/api/reports/dashboard?${NOVEMBER}${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as DashboardResponse;
}

/** The value the workbook should hold for a line: a number where it is one, else the text the PDF prints. */
function expectedCell(line: ReturnType<typeof indicatorLines>[number], threshold: number | null): unknown {
  const f = line.figure;
  if (f.value === null) return figureText(f, threshold);
  return f.value;
}

describe('the monthly report of a unit, for its head', () => {
  it('is a PDF named for the unit and the month', async () => {
    const w = await world();

    const response = await get(w.headAlpha, '/api/reports/monthly.pdf?month=2026-11');

    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe('attachment; filename="laporan-bulanan-RTN-A-2026-11.pdf"');
    expect(response.headers['cache-control']).toBe('private, no-store');
  });

  it('is a workbook named for the unit and the month', async () => {
    const w = await world();

    const response = await get(w.headAlpha, `/api/reports/monthly.xlsx?month=2026-11&facilityId=${w.alpha.id}`);

    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers['content-disposition']).toBe('attachment; filename="laporan-bulanan-RTN-A-2026-11.xlsx"');
  });

  it('heads the PDF with the unit, its Kanwil, the month, the day it was made and who made it', async () => {
    const w = await world();

    const pdf = await readPdf((await get(w.headAlpha, '/api/reports/monthly.pdf?month=2026-11')).rawPayload);

    expect(pdf.title).toBe('Laporan bulanan rehabilitasi - Rutan Alpha - November 2026');
    expect(pdf.text).toContain('RUTAN ALPHA');
    expect(pdf.text).toContain('KANWIL BANTEN');
    expect(pdf.text).toContain('BULAN NOVEMBER 2026');
    expect(pdf.text).toContain('1 November 2026 s.d. 30 November 2026');
    expect(pdf.text).toContain('Tanggal dibuat : 5 Desember 2026');
    expect(pdf.text).toMatch(/Dibuat oleh : Pengguna headof_unit\.\w+, Rutan Alpha/);
  });

  it("prints the dashboard's figures for the same month and unit", async () => {
    const w = await world();
    const expected = await dashboard(w.headAlpha, '');

    const pdf = await readPdf((await get(w.headAlpha, '/api/reports/monthly.pdf?month=2026-11')).rawPayload);

    for (const line of indicatorLines(expected.totals)) expect(pdf.text).toContain(`${line.label} ${figureText(line.figure, null)}`);
    expect(expected.totals.funnel.find((f) => f.stage === 'screened')?.count).toBe(2);
    expect(pdf.text).toContain('Diskrining (ASSIST) 2');
    expect(pdf.text).toContain('Tingkat positif 100,0%');
  });

  it("holds the dashboard's figures for the same month and unit, as numbers", async () => {
    const w = await world();
    const expected = await dashboard(w.headAlpha, '');

    const workbook = await workbookOf((await get(w.headAlpha, '/api/reports/monthly.xlsx?month=2026-11')).rawPayload);

    const rows = rowsOf(workbook, 'Indikator');
    const lines = indicatorLines(expected.totals);
    expect(rows.map((r) => r.slice(0, 3))).toEqual(lines.map((line) => [line.section, line.label, expectedCell(line, null)]));
    expect(rows.find((r) => r[1] === 'Diskrining (ASSIST)')?.[2]).toBe(2);
  });

  it('counts each rehabilitation type as the dashboard does', async () => {
    const w = await world();
    const expected = await dashboard(w.headAlpha, '');

    const workbook = await workbookOf((await get(w.headAlpha, '/api/reports/monthly.xlsx?month=2026-11')).rawPayload);

    const count = (type: string) => expected.totals.rehabTypes.find((t) => t.type === type)?.count;
    expect(rowsOf(workbook, 'Jenis rehabilitasi')).toEqual([['RTN-A', 'Rutan Alpha', count('medical'), count('social'), count('post_rehab')]]);
    expect([count('medical'), count('social'), count('post_rehab')]).toEqual([1, 1, 1]);
  });

  it('lists each person handled in the month with identity, substance, duration, route, diagnosis and treatment history', async () => {
    const w = await world();

    const workbook = await workbookOf((await get(w.headAlpha, '/api/reports/monthly.xlsx?month=2026-11')).rawPayload);

    expect(rowsOf(workbook, 'Daftar ditangani')).toEqual([
      [1, 'Budi Santoso', 'AII.2026.00417', 36, 'L', 'Amfetamin (shabu, ekstasi)', 4, 'Dihisap/dirokok',
        'F15 Gangguan mental dan perilaku akibat penggunaan stimulansia lain termasuk kafein', 'Menengah', 1, 2024, 'Rehabilitasi medis',
        new Date('2026-11-10T00:00:00Z')],
      [2, 'Joko Susilo', expect.any(String), 36, 'L', 'Tidak tercatat', null, 'Tidak tercatat', 'Tidak tercatat', null, null, null, 'Pascarehabilitasi', null],
      [3, 'Siti Rahmawati', 'AII.2026.00533', 41, 'P', 'Heroin', 8, 'Suntik IV (intravena)',
        'F11 Gangguan mental dan perilaku akibat penggunaan opioida', 'Tinggi', 0, null, 'Rehabilitasi sosial', new Date('2026-09-08T00:00:00Z')],
    ]);
  });

  it('lists the same people in the PDF, on a page of its own', async () => {
    const w = await world();

    const pdf = await readPdf((await get(w.headAlpha, '/api/reports/monthly.pdf?month=2026-11')).rawPayload);

    expect(pdf.text).toContain('Jumlah yang ditangani pada bulan ini: 3 orang');
    expect(pdf.text).toMatch(/1 Budi Santoso AII\.2026\.00417 36 L Amfetamin \(shabu, ekstasi\) 4 Dihisap\/dirokok F15/);
    expect(pdf.text).toMatch(/2 Joko Susilo \S+ 36 L Tidak tercatat - Tidak tercatat Tidak tercatat - Tidak tercatat Pascarehabilitasi Belum diasesmen/);
    expect(pdf.text).toMatch(/3 Siti Rahmawati AII\.2026\.00533 41 P Heroin 8 Suntik IV \(intravena\) F11/);
    expect(pdf.text).not.toContain('Andi Wijaya');
    expect(pdf.text).not.toContain('Dewi Lestari');
    expect(pdf.text).not.toContain('Eko Prasetyo');
  });

  it('counts the people handled by substance, duration and route without suppressing small counts', async () => {
    const w = await world();

    const workbook = await workbookOf((await get(w.headAlpha, '/api/reports/monthly.xlsx?month=2026-11')).rawPayload);

    const recap = rowsOf(workbook, 'Rekap Pasal 18');
    expect(recap[0]).toEqual(['Jumlah yang ditangani', 'Rutan Alpha', 3]);
    expect(recap).toContainEqual(['Zat utama', 'Heroin', 1]);
    expect(recap).toContainEqual(['Lama pemakaian zat utama', '3–5 tahun', 1]);
    expect(recap).toContainEqual(['Cara pemakaian zat utama', 'Suntik IV (intravena)', 1]);
    expect(recap).toContainEqual(['Riwayat terapi/rehabilitasi sebelumnya', 'Belum pernah', 1]);
  });

  it('writes an audit row naming how many people it lists', async () => {
    const w = await world();

    await get(w.headAlpha, '/api/reports/monthly.pdf?month=2026-11');

    const rows = await ctx.db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'monthly_report').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'read', facility_id: w.alpha.id, entity_id: w.alpha.id });
    expect(rows[0]?.details).toEqual({ month: '2026-11', format: 'pdf', level: 'unit', identified: true, people: 3, units: 1 });
  });

  it('covers the month so far while it is under way', async () => {
    const w = await world();

    const pdf = await readPdf((await get(w.headAlpha, '/api/reports/monthly.pdf?month=2026-12')).rawPayload);

    expect(pdf.text).toContain('1 Desember 2026 s.d. 5 Desember 2026 (bulan berjalan)');
  });
});

describe('the monthly report of a region', () => {
  it("holds the dashboard's figures for the same month and region, unit by unit", async () => {
    const w = await world();
    const expected = await dashboard(w.managerA, `&regionId=${w.kanwilA.id}`);

    const workbook = await workbookOf((await get(w.managerA, `/api/reports/monthly.xlsx?month=2026-11&regionId=${w.kanwilA.id}`)).rawPayload);

    const threshold = expected.suppressionThreshold;
    expect(threshold).toBe(5);
    const unitLines = expected.units.map((u) => indicatorLines(u.indicators));
    expect(rowsOf(workbook, 'Indikator')).toEqual(indicatorLines(expected.totals).map((line, i) => [
      line.section, line.label, expectedCell(line, threshold), ...unitLines.map((lines) => expectedCell(lines[i]!, threshold)),
    ]));
    expect(workbook.getWorksheet('Indikator')?.getRow(1).values).toEqual([undefined, 'Bagian', 'Indikator', 'Jumlah Kanwil', 'LPS-B', 'RTN-A']);
  });

  it('counts each rehabilitation type per unit as the dashboard does, small counts suppressed', async () => {
    const w = await world();
    const expected = await dashboard(w.managerA, `&regionId=${w.kanwilA.id}`);

    const workbook = await workbookOf((await get(w.managerA, `/api/reports/monthly.xlsx?month=2026-11&regionId=${w.kanwilA.id}`)).rawPayload);

    const cells = (i: Indicators) => i.rehabTypes.map((t) => t.count ?? '<5');
    expect(rowsOf(workbook, 'Jenis rehabilitasi')).toEqual([
      ...expected.units.map((u) => [u.code, u.name, ...cells(u.indicators)]),
      ['KW-BTN', 'Jumlah Kanwil', ...cells(expected.totals)],
    ]);
    expect(rowsOf(workbook, 'Jenis rehabilitasi')[1]).toEqual(['RTN-A', 'Rutan Alpha', '<5', '<5', '<5']);
  });

  it("prints the dashboard's figures for the same month and region", async () => {
    const w = await world();
    const expected = await dashboard(w.managerA, `&regionId=${w.kanwilA.id}`);

    const pdf = await readPdf((await get(w.managerA, `/api/reports/monthly.pdf?month=2026-11&regionId=${w.kanwilA.id}`)).rawPayload);

    for (const line of indicatorLines(expected.totals)) expect(pdf.text).toContain(`${line.label} ${figureText(line.figure, 5)}`);
    expect(pdf.text).toContain('LAPORAN BULANAN PELAKSANAAN REHABILITASI NARKOTIKA');
    expect(pdf.text).toContain('Kantor wilayah : Kanwil Banten (KW-BTN)');
  });

  it('names nobody, in the PDF or the workbook', async () => {
    const w = await world();
    const url = `month=2026-11&regionId=${w.kanwilA.id}`;

    const pdf = await readPdf((await get(w.managerA, `/api/reports/monthly.pdf?${url}`)).rawPayload);
    const workbook = await workbookOf((await get(w.managerA, `/api/reports/monthly.xlsx?${url}`)).rawPayload);

    const cells = workbook.worksheets.flatMap((sheet) => {
      const values: string[] = [];
      sheet.eachRow((row) => (row.values as unknown[]).forEach((v) => values.push(String(v))));
      return values;
    }).join(' ');
    for (const name of ['Budi', 'Siti', 'Joko', 'Eko', 'AII.2026.00417']) {
      expect(pdf.text).not.toContain(name);
      expect(cells).not.toContain(name);
    }
    expect(workbook.getWorksheet('Daftar ditangani')).toBeUndefined();
  });

  it('suppresses a count of three, and keeps a zero', async () => {
    const w = await world();

    const workbook = await workbookOf((await get(w.managerA, `/api/reports/monthly.xlsx?month=2026-11&regionId=${w.kanwilA.id}`)).rawPayload);

    const recap = rowsOf(workbook, 'Rekap Pasal 18');
    expect(recap[0]).toEqual(['Jumlah yang ditangani', 'Seluruh Kanwil (orang yang sama dihitung sekali)', 6]);
    expect(recap).toContainEqual(['Ditangani per unit', 'Lapas Beta', '<5']);
    expect(recap).toContainEqual(['Ditangani per unit', 'Rutan Alpha', '<5']);
    expect(recap).toContainEqual(['Zat utama', 'Kanabis (ganja)', '<5']);
    expect(recap).toContainEqual(['Zat utama', 'Kokain', 0]);
    expect(recap).toContainEqual(['Kelompok umur', '35–44 tahun', 6]);
  });

  it('withholds the count that would give a suppressed one away, marked apart from "<5"', async () => {
    const w = await world();

    const workbook = await workbookOf((await get(w.managerA, `/api/reports/monthly.xlsx?month=2026-11&regionId=${w.kanwilA.id}`)).rawPayload);

    // Five men and one woman of six handled: the five would give the one away.
    const recap = rowsOf(workbook, 'Rekap Pasal 18');
    expect(recap).toContainEqual(['Jenis kelamin', 'Perempuan', '<5']);
    expect(recap).toContainEqual(['Jenis kelamin', 'Laki-laki', '*']);
  });

  it('explains the suppression on a sheet of notes and in the PDF', async () => {
    const w = await world();
    const url = `month=2026-11&regionId=${w.kanwilA.id}`;

    const workbook = await workbookOf((await get(w.managerA, `/api/reports/monthly.xlsx?${url}`)).rawPayload);
    const pdf = await readPdf((await get(w.managerA, `/api/reports/monthly.pdf?${url}`)).rawPayload);

    expect(String(rowsOf(workbook, 'Catatan')[0]?.[0])).toContain('Tanda "<5" berarti jumlahnya antara 1 dan 4');
    expect(pdf.text).toContain('Tanda "<5" berarti jumlahnya antara 1 dan 4');
  });

  it('is named for the Kanwil', async () => {
    const w = await world();

    const response = await get(w.national, `/api/reports/monthly.pdf?month=2026-11&regionId=${w.kanwilB.id}`);

    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-disposition']).toBe('attachment; filename="laporan-bulanan-KW-JBR-2026-11.pdf"');
  });
});

describe('a unit seen from outside it', () => {
  it('is aggregates only, suppressed as on the dashboard, for the regional manager', async () => {
    const w = await world();
    const expected = await dashboard(w.managerA, `&facilityId=${w.alpha.id}`);

    const workbook = await workbookOf((await get(w.managerA, `/api/reports/monthly.xlsx?month=2026-11&facilityId=${w.alpha.id}`)).rawPayload);

    expect(rowsOf(workbook, 'Indikator').map((r) => r[2])).toEqual(indicatorLines(expected.totals).map((line) => expectedCell(line, 5)));
    expect(workbook.getWorksheet('Daftar ditangani')).toBeUndefined();
    expect(rowsOf(workbook, 'Rekap Pasal 18')[0]).toEqual(['Jumlah yang ditangani', 'Rutan Alpha', '<5']);
  });
});

describe('who may have which report', () => {
  it("answers 404 for another unit's report to a head of unit", async () => {
    const w = await world();

    const response = await get(w.headAlpha, `/api/reports/monthly.pdf?month=2026-11&facilityId=${w.beta.id}`);

    expect(response.statusCode).toBe(404);
  });

  it("answers 404 for the region's report to a head of unit", async () => {
    const w = await world();

    const response = await get(w.headAlpha, `/api/reports/monthly.xlsx?month=2026-11&regionId=${w.kanwilA.id}`);

    expect(response.statusCode).toBe(404);
  });

  it("answers 404 for another region's report, and for a unit of it, to a regional manager", async () => {
    const w = await world();

    const region = await get(w.managerA, `/api/reports/monthly.pdf?month=2026-11&regionId=${w.kanwilB.id}`);
    const unit = await get(w.managerA, `/api/reports/monthly.xlsx?month=2026-11&facilityId=${w.gamma.id}`);

    expect([region.statusCode, unit.statusCode]).toEqual([404, 404]);
  });

  it('refuses the report to clinic staff', async () => {
    const w = await world();

    const response = await get(w.staffAlpha, '/api/reports/monthly.pdf?month=2026-11');

    expect(response.statusCode).toBe(403);
  });

  it('writes no audit row for a refused report', async () => {
    const w = await world();

    await get(w.headAlpha, `/api/reports/monthly.pdf?month=2026-11&facilityId=${w.beta.id}`);

    expect(await ctx.db.selectFrom('audit_log').select('id').where('entity_type', '=', 'monthly_report').execute()).toEqual([]);
  });
});

describe('bad requests', () => {
  it('names the month when it is not YYYY-MM', async () => {
    const w = await world();

    const response = await get(w.headAlpha, '/api/reports/monthly.pdf?month=2026-13');

    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'VALIDATION', fields: [{ field: 'month', message: expect.stringContaining('bulan ditulis TTTT-BB, misalnya 2026-11') }] } });
  });

  it('names the month when it has not begun', async () => {
    const w = await world();

    const response = await get(w.headAlpha, '/api/reports/monthly.xlsx?month=2027-01');

    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { fields: [{ field: 'month' }] } });
  });

  it('names the unit when a manager asks for neither a unit nor a region', async () => {
    const w = await world();

    const response = await get(w.managerA, '/api/reports/monthly.pdf?month=2026-11');

    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { fields: [{ field: 'facilityId' }] } });
  });

  it('names the region when both a unit and a region are asked for', async () => {
    const w = await world();

    const response = await get(w.national, `/api/reports/monthly.pdf?month=2026-11&facilityId=${w.alpha.id}&regionId=${w.kanwilA.id}`);

    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { fields: [{ field: 'regionId' }] } });
  });
});
