import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../shared/contracts/sdp.ts';
import { jakartaDate } from '../../../shared/domain/dates.ts';
import { type Session, type TestApp, signIn, testApp } from '../../testing/app.ts';
import { type RosterRow, rosterCsv, rosterRow } from '../../testing/csv.ts';
import { makeEnrolment, makeOrganization, makeUser, makeWbp } from '../../testing/factories.ts';
import { createImportsService } from './imports.service.ts';

interface RejectedBody {
  report: ImportReport;
  error: { code: string; message: string; fields?: { field: string; message: string }[] };
}

let ctx: TestApp;
let unit: Awaited<ReturnType<typeof makeOrganization>>;
let otherUnit: Awaited<ReturnType<typeof makeOrganization>>;
let importer: Awaited<ReturnType<typeof makeUser>>;
let session: Session;

beforeEach(async () => {
  ctx = await testApp();
  unit = await makeOrganization(ctx.db, { kind: 'rutan', code: 'RUTAN-UJI' });
  otherUnit = await makeOrganization(ctx.db, { kind: 'lapas', code: 'LAPAS-UJI' });
  importer = await makeUser(ctx.db, { role: 'clinic_staff', organizationId: unit.id });
  session = await signIn(ctx.app, importer.username);
});
afterEach(async () => ctx.close());

function upload(csv: string, options: { query?: string; headers?: Record<string, string>; as?: Session } = {}) {
  return (options.as ?? session).request({
    method: 'POST',
    url: `/api/imports/sdp${options.query ?? ''}`,
    headers: { 'content-type': 'text/csv', ...options.headers },
    payload: csv,
  });
}

function rows(count: number, overrides: Partial<RosterRow> = {}): RosterRow[] {
  return Array.from({ length: count }, () => rosterRow({ kode_upt: unit.code, ...overrides }));
}

async function people() {
  return ctx.db.selectFrom('wbp').selectAll().orderBy('sdp_number').execute();
}

async function auditRows(action: string) {
  return ctx.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute();
}

describe('importing a clean roster', () => {
  it('creates everyone and reports the counts', async () => {
    const roster = rows(3);

    const response = await upload(rosterCsv(roster));

    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      status: 'imported', rowsRead: 3, created: 3, updated: 0, transferred: 0, unchanged: 0, rejected: [], rejectedTotal: 0, rejectedRows: 0,
    });
    const stored = await people();
    expect(stored.map((p) => p.sdp_number)).toEqual(roster.map((r) => r.no_registrasi).sort());
    expect(stored.every((p) => p.facility_id === unit.id && p.source === 'sdp')).toBe(true);
  });

  it('stores every column of a row', async () => {
    const row = rosterRow({
      kode_upt: unit.code, nama: 'Andi Saputra', jenis_kelamin: 'l', status_hukum: 'Narapidana', pasal: 'UU 35/2009 Pasal 112; KUHP Pasal 55',
      lama_pidana_bulan: '48', tanggal_lahir: '1991-04-12', tempat_lahir: 'Serang', blok: 'Blok C', kamar: 'C-02',
      tanggal_masuk: '2026-02-10', tanggal_bebas: '2030-02-10',
    });

    await upload(rosterCsv([row]));

    expect((await people())[0]).toMatchObject({
      sdp_number: row.no_registrasi, full_name: 'Andi Saputra', sex: 'L', legal_status: 'narapidana',
      case_articles: ['UU 35/2009 Pasal 112', 'KUHP Pasal 55'], sentence_months: 48, birth_date: '1991-04-12', birth_place: 'Serang',
      block: 'Blok C', room: 'C-02', admission_date: '2026-02-10', expected_release_date: '2030-02-10', version: 1,
    });
  });

  it('keeps articles with quotes, backslashes, commas and braces as written', async () => {
    const row = rosterRow({ kode_upt: unit.code, pasal: 'Pasal 112 "ayat (1)", jo. {55}; C:\\arsip\\pasal' });

    await upload(rosterCsv([row]));

    expect((await people())[0]?.case_articles).toEqual(['Pasal 112 "ayat (1)", jo. {55}', 'C:\\arsip\\pasal']);
  });

  it('writes one import audit row per person, naming the importer and the unit', async () => {
    await upload(rosterCsv(rows(3)));

    const perPerson = (await auditRows('import')).filter((a) => a.entity_type === 'wbp');
    const ids = (await people()).map((p) => p.id).sort();
    expect(perPerson.map((a) => a.entity_id).sort()).toEqual(ids);
    expect(perPerson.every((a) => a.actor_user_id === importer.id && a.facility_id === unit.id && a.details.change === 'created')).toBe(true);
  });

  it('changes nothing when the same file is imported again', async () => {
    const csv = rosterCsv(rows(3));
    await upload(csv);
    const before = await people();

    const response = await upload(csv);

    expect(response.json()).toMatchObject({ status: 'imported', created: 0, updated: 0, transferred: 0, unchanged: 3 });
    expect(await people()).toEqual(before);
  });

  it('updates a person whose block changed, matched on the SDP number without making a duplicate', async () => {
    const roster = rows(3);
    await upload(rosterCsv(roster));
    const moved = { ...roster[1]!, blok: 'Blok Z', kamar: 'Z-09' };

    const response = await upload(rosterCsv([roster[0]!, moved, roster[2]!]));

    expect(response.json()).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    const stored = await people();
    expect(stored).toHaveLength(3);
    expect(stored.find((p) => p.sdp_number === moved.no_registrasi)).toMatchObject({ block: 'Blok Z', room: 'Z-09', version: 2 });
  });

  it('imports a file with a byte-order mark and CRLF line endings', async () => {
    const response = await upload(rosterCsv(rows(2), { bom: true, eol: '\r\n' }));

    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ created: 2 });
    expect((await people()).map((p) => p.full_name).every((n) => !n.includes('\r'))).toBe(true);
  });

  it('imports a quoted field that contains a comma', async () => {
    const row = rosterRow({ kode_upt: unit.code, nama: 'Saputra, Andi' });

    const response = await upload(rosterCsv([row]));

    expect(response.statusCode, response.body).toBe(200);
    expect((await people())[0]?.full_name).toBe('Saputra, Andi');
  });

  it('ignores columns it does not know and accepts the columns in any order', async () => {
    const row = rosterRow({ kode_upt: unit.code, nama: 'Andi Saputra' });
    const csv = `catatan,kode_upt,nama,no_registrasi,status_hukum,jenis_kelamin,tanggal_masuk\nabc,${row.kode_upt},${row.nama},${row.no_registrasi},tahanan,L,2026-01-05\n`;

    const response = await upload(csv);

    expect(response.statusCode, response.body).toBe(200);
    expect((await people())[0]).toMatchObject({ full_name: 'Andi Saputra', legal_status: 'tahanan', block: null, case_articles: [] });
  });
});

describe('transfers through the roster', () => {
  it('records a transfer with history when a person appears under another unit', async () => {
    const at = new Date('2026-11-04T20:00:00Z');
    const service = createImportsService({ db: ctx.db, now: () => at });
    const options = {
      dryRun: false, lang: 'id' as const, facilityIds: null,
      who: { actor: null, username: 'cli:uji', origin: { ip: null, userAgent: 'pulih import' } },
    };
    const row = rosterRow({ kode_upt: unit.code });
    await service.importSdp(Readable.from([rosterCsv([row])]), options);

    const report = await service.importSdp(Readable.from([rosterCsv([{ ...row, kode_upt: otherUnit.code }])]), options);

    expect(report).toMatchObject({ status: 'imported', transferred: 1, updated: 0, created: 0 });
    const stored = await people();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.facility_id).toBe(otherUnit.id);
    const history = await ctx.db.selectFrom('wbp_transfers').selectAll().execute();
    expect(history).toEqual([
      expect.objectContaining({
        wbp_id: stored[0]!.id, from_facility_id: unit.id, to_facility_id: otherUnit.id,
        transfer_date: jakartaDate(at), reason: 'Impor roster SDP', recorded_by: null,
      }),
    ]);
  });

  it("ends the open enrolments and peer roles of everyone it moves in the sending unit's programmes, and names them in the audit", async () => {
    const at = new Date('2026-11-04T20:00:00Z');
    const service = createImportsService({ db: ctx.db, now: () => at });
    const options = {
      dryRun: false, lang: 'id' as const, facilityIds: null,
      who: { actor: null, username: 'cli:uji', origin: { ip: null, userAgent: 'pulih import' } },
    };
    const roster = rows(3);
    await service.importSdp(Readable.from([rosterCsv(roster)]), options);
    const stored = await people();
    const idOf = (row: RosterRow) => stored.find((p) => p.sdp_number === row.no_registrasi)!.id;
    const enrolOf = async (row: RosterRow) => (await makeEnrolment(ctx.db, { wbpId: idOf(row), facilityId: unit.id, decidedBy: importer.id })).enrolment.id;
    const [moving, alsoMoving, staying] = [await enrolOf(roster[0]!), await enrolOf(roster[1]!), await enrolOf(roster[2]!)];
    const role = await ctx.db.insertInto('community_roles')
      .values({ enrolment_id: moving, wbp_id: idOf(roster[0]!), role: 'buddy', started_on: '2026-10-01', assigned_by: importer.id })
      .returning('id').executeTakeFirstOrThrow();

    await service.importSdp(Readable.from([rosterCsv([{ ...roster[0]!, kode_upt: otherUnit.code }, { ...roster[1]!, kode_upt: otherUnit.code }, roster[2]!])]), options);

    const enrolments = await ctx.db.selectFrom('enrolments').select(['id', 'status', 'ended_on', 'outcome_reason']).execute();
    expect(enrolments.sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      { id: moving, status: 'dropped', ended_on: jakartaDate(at), outcome_reason: 'transfer' },
      { id: alsoMoving, status: 'dropped', ended_on: jakartaDate(at), outcome_reason: 'transfer' },
      { id: staying, status: 'active', ended_on: null, outcome_reason: null },
    ].sort((a, b) => a.id.localeCompare(b.id)));
    expect(await ctx.db.selectFrom('community_roles').select('ended_on').where('id', '=', role.id).executeTakeFirstOrThrow()).toEqual({ ended_on: jakartaDate(at) });
    const transferred = (await auditRows('import')).filter((r) => (r.details as { change: string }).change === 'transferred');
    expect(transferred.map((r) => [r.entity_id, (r.details as { endedEnrolments?: string[] }).endedEnrolments]).sort()).toEqual(
      [[idOf(roster[0]!), [moving]], [idOf(roster[1]!), [alsoMoving]]].sort(),
    );
  });

  it('does not let an importer take over a person held in a unit the importer may not work in', async () => {
    // The roster of unit A may not rewrite, or pull in, the record of someone unit B holds.
    const held = await makeWbp(ctx.db, { facility_id: otherUnit.id, full_name: 'Budi Santoso', sdp_number: 'AII.2026.7777' });
    const row = rosterRow({ kode_upt: unit.code, no_registrasi: 'AII.2026.7777', nama: 'Nama Tertimpa' });

    const response = await upload(rosterCsv([row]));

    expect(response.statusCode).toBe(400);
    const stored = await ctx.db.selectFrom('wbp').selectAll().where('id', '=', held.id).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ facility_id: otherUnit.id, full_name: 'Budi Santoso', version: 1 });
    expect(await ctx.db.selectFrom('wbp_transfers').select('id').execute()).toHaveLength(0);
  });
});

describe('rejecting a roster', () => {
  it('rejects a roster with one bad date, naming line, column and reason, and imports nothing', async () => {
    const roster = rows(3);
    roster[2] = { ...roster[2]!, tanggal_masuk: '2026-13-40' };

    const response = await upload(rosterCsv(roster));

    expect(response.statusCode).toBe(400);
    const body = response.json() as RejectedBody;
    expect(body.error.code).toBe('VALIDATION');
    expect(body.error.message).toBe('1 baris ditolak. Tidak ada data yang diimpor; perbaiki berkas lalu impor ulang.');
    expect(body.report).toMatchObject({ status: 'rejected', rowsRead: 3, created: 0, rejectedTotal: 1, rejectedRows: 1 });
    expect(body.report.rejected).toEqual([
      { line: 4, field: 'tanggal_masuk', reason: 'tanggal tidak valid (format TTTT-BB-HH)', value: '2026-13-40' },
    ]);
    expect(await people()).toEqual([]);
    expect(await auditRows('import')).toEqual([]);
  });

  it('counts lines as the file shows them, with CRLF endings and a blank line', async () => {
    const roster = rows(3);
    roster[2] = { ...roster[2]!, tanggal_masuk: '2026-13-40' };
    const [header, first, second, third] = rosterCsv(roster, { eol: '\r\n' }).split('\r\n');
    const csv = [header, first, '', second, third, ''].join('\r\n');

    const response = await upload(csv);

    expect((response.json() as RejectedBody).report.rejected.map((r) => [r.line, r.field])).toEqual([[5, 'tanggal_masuk']]);
  });

  it('writes the reasons in English when the browser asks for English', async () => {
    const roster = rows(1, { tanggal_masuk: '2026-13-40' });

    const response = await upload(rosterCsv(roster), { headers: { 'accept-language': 'en' } });

    expect((response.json() as RejectedBody).report.rejected[0]?.reason).toBe('is not a valid date (YYYY-MM-DD)');
  });

  it('rejects an unknown unit code with the code in the reason', async () => {
    const response = await upload(rosterCsv(rows(1, { kode_upt: 'RUTAN-ANTAH' })));

    expect(response.statusCode).toBe(400);
    expect((response.json() as RejectedBody).report.rejected).toEqual([
      { line: 2, field: 'kode_upt', reason: 'kode UPT tidak dikenal: RUTAN-ANTAH', value: 'RUTAN-ANTAH' },
    ]);
    expect(await people()).toEqual([]);
  });

  it('rejects a row for a unit the importer may not work in', async () => {
    const roster = [...rows(1), rosterRow({ kode_upt: otherUnit.code })];

    const response = await upload(rosterCsv(roster));

    expect(response.statusCode).toBe(400);
    expect((response.json() as RejectedBody).report.rejected).toEqual([
      { line: 3, field: 'kode_upt', reason: 'Anda tidak berwenang atas unit ini', value: otherUnit.code },
    ]);
    expect(await people()).toEqual([]);
  });

  it('rejects the second row with a registration number already in the file, naming the first line', async () => {
    const roster = rows(3);
    roster[2] = { ...roster[2]!, no_registrasi: roster[0]!.no_registrasi };

    const response = await upload(rosterCsv(roster));

    expect(response.statusCode).toBe(400);
    expect((response.json() as RejectedBody).report.rejected).toEqual([
      { line: 4, field: 'no_registrasi', reason: 'nomor registrasi sudah muncul di baris 2', value: roster[0]!.no_registrasi },
    ]);
  });

  it('rejects a row with the wrong number of columns', async () => {
    const csv = `${rosterCsv(rows(1))}AII.2026.9991,Andi Saputra,L\n`;

    const response = await upload(csv);

    expect(response.statusCode).toBe(400);
    expect((response.json() as RejectedBody).report.rejected).toEqual([
      { line: 3, field: '*', reason: 'jumlah kolom tidak sesuai baris judul' },
    ]);
    expect(await people()).toEqual([]);
  });

  it('rejects a header without a required column, naming the column', async () => {
    const csv = rosterCsv(rows(1), { columns: ['no_registrasi', 'nama', 'jenis_kelamin', 'status_hukum', 'tanggal_masuk'] });

    const response = await upload(csv);

    expect(response.statusCode).toBe(400);
    expect((response.json() as RejectedBody).error).toMatchObject({ code: 'VALIDATION', message: 'Kolom wajib tidak ada di baris judul: kode_upt.' });
    expect(await people()).toEqual([]);
  });

  it('rejects an empty file', async () => {
    const response = await upload('');

    expect(response.statusCode).toBe(400);
    expect((response.json() as RejectedBody).error).toMatchObject({ code: 'VALIDATION', message: 'Berkas tidak berisi baris data.' });
  });

  it('rejects a file with a header and no data rows', async () => {
    const response = await upload(rosterCsv([]));

    expect(response.statusCode).toBe(400);
    expect((response.json() as RejectedBody).error).toMatchObject({ code: 'VALIDATION', message: 'Berkas tidak berisi baris data.' });
  });

  it('refuses a custody officer with 403, since importing needs sdp.import', async () => {
    const officer = await makeUser(ctx.db, { role: 'custody_officer', organizationId: unit.id });
    const officerSession = await signIn(ctx.app, officer.username);

    const response = await upload(rosterCsv(rows(1)), { as: officerSession });

    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(await people()).toEqual([]);
  });
});

describe('checking a roster without importing', () => {
  it('reports the counts, changes nothing and answers with status checked', async () => {
    const response = await upload(rosterCsv(rows(2)), { query: '?dryRun=true' });

    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ status: 'checked', rowsRead: 2, created: 2 });
    expect(await people()).toEqual([]);
  });

  it('writes one import_check audit row and no import rows', async () => {
    await upload(rosterCsv(rows(2)), { query: '?dryRun=true' });

    const checks = await auditRows('import_check');
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ actor_user_id: importer.id, entity_type: 'sdp_roster', details: { rows: 2, created: 2 } });
    expect(await auditRows('import')).toEqual([]);
  });
});
