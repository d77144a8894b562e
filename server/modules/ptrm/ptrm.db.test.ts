import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HandoverRecord, PtrmOverview, PtrmRecord } from '../../../shared/contracts/notes.ts';
import { type Session, type TestApp, signIn, testApp } from '../../testing/app.ts';
import { grantAccess, makeOrganization, makeUser, makeWbp } from '../../testing/factories.ts';
import { readPdf } from '../../testing/pdf.ts';

let ctx: TestApp;
// Sunday 22 November 2026, 10:00 in Jakarta.
const NOW = new Date('2026-11-22T03:00:00Z');
let clock = NOW;

beforeEach(async () => {
  clock = NOW;
  ctx = await testApp({ now: () => clock });
});
afterEach(async () => ctx.close());

interface Unit {
  unitId: string;
  staff: { id: string; full_name: string };
  session: Session;
  wbpId: string;
}

/** Rutan Serang under the Banten Kanwil, a clinic staff member signed in, and Joko, held there. */
async function unit(): Promise<Unit> {
  const kanwil = await makeOrganization(ctx.db, { kind: 'kanwil', name: 'Kantor Wilayah Banten' });
  const rutan = await makeOrganization(ctx.db, { kind: 'rutan', parent_id: kanwil.id, name: 'Rutan Kelas IIB Serang', city: 'Serang' });
  const staff = await makeUser(ctx.db, { role: 'clinic_staff', organizationId: rutan.id });
  const person = await makeWbp(ctx.db, { facility_id: rutan.id, full_name: 'Joko Wibowo', sdp_number: 'AII.2026.00417', birth_place: 'Pandeglang', birth_date: '1988-03-09' });
  return { unitId: rutan.id, staff, session: await signIn(ctx.app, staff.username), wbpId: person.id };
}

const START = { clinicName: 'Puskesmas Serang Kota', startedOn: '2026-09-14', note: 'Rujukan dari RSUD Serang.' };

async function post<T>(u: Unit, url: string, payload: Record<string, unknown>, status = 201): Promise<T> {
  const response = await u.session.request({ method: 'POST', url, payload });
  if (response.statusCode !== status) throw new Error(`POST ${url} failed: ${response.statusCode} ${response.body}`);
  return response.json() as T;
}

const start = (u: Unit, body: Record<string, unknown> = {}) => post<PtrmRecord>(u, `/api/wbp/${u.wbpId}/ptrm`, { ...START, ...body });

async function overview(u: Unit): Promise<PtrmOverview> {
  const response = await u.session.request({ method: 'GET', url: `/api/wbp/${u.wbpId}/ptrm` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as PtrmOverview;
}

const fieldsOf = (body: { error: { fields?: { field: string; message: string }[] } }) => body.error.fields ?? [];

describe('recording that a person is on PTRM', () => {
  it('keeps the clinic, the start and the first dose as reported', async () => {
    const u = await unit();

    const record = await start(u, { dose: { doseMg: 65.5, reportedOn: '2026-11-20', source: 'Kartu dosis klinik' } });

    expect(record).toMatchObject({ ...START, wbpId: u.wbpId, endedOn: null, version: 1, createdBy: u.staff.full_name, handovers: [] });
    expect(record.doses).toEqual([
      { id: expect.any(String), doseMg: 65.5, reportedOn: '2026-11-20', source: 'Kartu dosis klinik', recordedBy: u.staff.full_name, createdAt: NOW.toISOString() },
    ]);
  });

  it('refuses a second open record with a message that says where the person is on PTRM', async () => {
    const u = await unit();
    await start(u);

    const response = await u.session.request({ method: 'POST', url: `/api/wbp/${u.wbpId}/ptrm`, payload: { ...START, clinicName: 'RSUD Serang' } });

    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toBe(
      'Warga binaan ini sudah tercatat menjalani PTRM di Puskesmas Serang Kota sejak 2026-09-14. Akhiri catatan itu terlebih dahulu sebelum mencatat yang baru.',
    );
    expect(await ctx.db.selectFrom('ptrm_records').select('id').execute()).toHaveLength(1);
  });

  it('refuses a first dose reported before the start, naming the field, and keeps nothing', async () => {
    const u = await unit();

    const response = await u.session.request({
      method: 'POST', url: `/api/wbp/${u.wbpId}/ptrm`, payload: { ...START, dose: { doseMg: 60, reportedOn: '2026-09-01', source: 'Klinik' } },
    });

    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.json())).toEqual([{ field: 'dose.reportedOn', message: 'Dosis (reportedOn): tanggal tidak boleh sebelum PTRM dimulai (2026-09-14)' }]);
    expect(await ctx.db.selectFrom('ptrm_records').select('id').execute()).toEqual([]);
  });

  it('refuses a clinic organisation that does not exist, naming the field', async () => {
    const u = await unit();

    const response = await u.session.request({
      method: 'POST', url: `/api/wbp/${u.wbpId}/ptrm`, payload: { ...START, clinicOrganizationId: '00000000-0000-4000-8000-000000000001' },
    });

    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.json())).toEqual([{ field: 'clinicOrganizationId', message: 'Organisasi klinik: organisasi klinik tidak ditemukan' }]);
  });

  it('treats a person of another unit as not found', async () => {
    const u = await unit();
    const elsewhere = await makeWbp(ctx.db, { facility_id: (await makeOrganization(ctx.db, { kind: 'lapas' })).id });

    const response = await u.session.request({ method: 'POST', url: `/api/wbp/${elsewhere.id}/ptrm`, payload: START });

    expect(response.statusCode).toBe(404);
    expect(await ctx.db.selectFrom('ptrm_records').select('id').execute()).toEqual([]);
  });
});

describe('dose reports', () => {
  it('are listed latest first, as the clinic reported them', async () => {
    const u = await unit();
    const record = await start(u, { dose: { doseMg: 40, reportedOn: '2026-09-14', source: 'Surat rujukan' } });

    await post(u, `/api/ptrm/${record.id}/doses`, { doseMg: 72.5, reportedOn: '2026-11-16', source: 'Telepon klinik' });
    const after = await post<PtrmRecord>(u, `/api/ptrm/${record.id}/doses`, { doseMg: 55, reportedOn: '2026-10-12', source: 'Kartu dosis' });

    expect(after.doses.map((d) => [d.doseMg, d.reportedOn])).toEqual([[72.5, '2026-11-16'], [55, '2026-10-12'], [40, '2026-09-14']]);
  });

  it('refuses a dose with two decimals, naming the field', async () => {
    const u = await unit();
    const record = await start(u);

    const response = await u.session.request({ method: 'POST', url: `/api/ptrm/${record.id}/doses`, payload: { doseMg: 72.55, reportedOn: '2026-11-16', source: 'Klinik' } });

    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.json())).toEqual([{ field: 'doseMg', message: 'Dosis (mg): dosis paling banyak satu angka di belakang koma (misalnya 72,5)' }]);
  });

  it.each([[0, 'Dosis (mg): harus lebih dari 0'], [1000, 'Dosis (mg): maksimal 999.9']])('refuses a dose of %s mg', async (doseMg, message) => {
    const u = await unit();
    const record = await start(u);

    const response = await u.session.request({ method: 'POST', url: `/api/ptrm/${record.id}/doses`, payload: { doseMg, reportedOn: '2026-11-16', source: 'Klinik' } });

    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.json())).toEqual([{ field: 'doseMg', message }]);
  });

  it('refuses a report dated after today', async () => {
    const u = await unit();
    const record = await start(u);

    const response = await u.session.request({ method: 'POST', url: `/api/ptrm/${record.id}/doses`, payload: { doseMg: 60, reportedOn: '2026-11-23', source: 'Klinik' } });

    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.json())).toEqual([{ field: 'reportedOn', message: 'Tanggal laporan dosis: tanggal tidak boleh setelah hari ini' }]);
  });

  it('are refused on an ended record', async () => {
    const u = await unit();
    const record = await start(u);
    await post(u, `/api/ptrm/${record.id}/end`, { endedOn: '2026-11-20', version: 1 }, 200);

    const response = await u.session.request({ method: 'POST', url: `/api/ptrm/${record.id}/doses`, payload: { doseMg: 60, reportedOn: '2026-11-21', source: 'Klinik' } });

    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('CONFLICT');
  });

  it('are written to the audit log', async () => {
    const u = await unit();
    const record = await start(u);

    await post(u, `/api/ptrm/${record.id}/doses`, { doseMg: 72.5, reportedOn: '2026-11-16', source: 'Telepon klinik' });

    const rows = await ctx.db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'ptrm_dose').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'create', actor_user_id: u.staff.id, facility_id: u.unitId });
    expect(rows[0]!.details).toMatchObject({ ptrmId: record.id, doseMg: 72.5 });
  });
});

describe('ending a record', () => {
  it('moves it to the past, so a new record can be opened', async () => {
    const u = await unit();
    const record = await start(u);

    const ended = await post<PtrmRecord>(u, `/api/ptrm/${record.id}/end`, { endedOn: '2026-11-20', version: 1 }, 200);
    const again = await start(u, { clinicName: 'RSUD Serang', startedOn: '2026-11-21' });

    expect(ended).toMatchObject({ endedOn: '2026-11-20', version: 2 });
    const { current, past } = await overview(u);
    expect(current?.id).toBe(again.id);
    expect(past.map((r) => r.id)).toEqual([record.id]);
  });

  it('refuses a stale version', async () => {
    const u = await unit();
    const record = await start(u);

    const response = await u.session.request({ method: 'POST', url: `/api/ptrm/${record.id}/end`, payload: { endedOn: '2026-11-20', version: 7 } });

    expect(response.statusCode).toBe(409);
    expect((await overview(u)).current?.endedOn).toBeNull();
  });

  it('refuses an end before the start, naming the field', async () => {
    const u = await unit();
    const record = await start(u);

    const response = await u.session.request({ method: 'POST', url: `/api/ptrm/${record.id}/end`, payload: { endedOn: '2026-09-01', version: 1 } });

    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.json()).map((f) => f.field)).toEqual(['endedOn']);
  });
});

describe("reading a person's PTRM", () => {
  it('gives nothing current to a person never on PTRM', async () => {
    const u = await unit();

    expect(await overview(u)).toEqual({ current: null, past: [] });
  });

  it('writes the read to the audit log', async () => {
    const u = await unit();

    await overview(u);

    const rows = await ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'read').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_user_id: u.staff.id, entity_type: 'ptrm', entity_id: u.wbpId, facility_id: u.unitId });
  });
});

describe('the continuity hand-over letter', () => {
  async function issued(u: Unit, body: Record<string, unknown> = {}) {
    const record = await start(u, { dose: { doseMg: 40, reportedOn: '2026-09-14', source: 'Surat rujukan' } });
    await post(u, `/api/ptrm/${record.id}/doses`, { doseMg: 72.5, reportedOn: '2026-11-16', source: 'Kartu dosis Puskesmas Serang Kota' });
    const handover = await post<HandoverRecord>(u, `/api/ptrm/${record.id}/handovers`, {
      reason: 'transfer', toName: 'Lapas Kelas IIA Cilegon', issuedOn: '2026-11-21', ...body,
    });
    return { record, handover };
  }

  async function letter(u: Unit, handoverId: string) {
    const response = await u.session.request({ method: 'GET', url: `/api/ptrm/handovers/${handoverId}/letter.pdf` });
    expect(response.statusCode, response.body).toBe(200);
    return response;
  }

  it('is recorded with the record and listed with it', async () => {
    const u = await unit();
    const { handover } = await issued(u);

    expect(handover).toMatchObject({ reason: 'transfer', toName: 'Lapas Kelas IIA Cilegon', issuedOn: '2026-11-21', issuedBy: u.staff.full_name });
    expect((await overview(u)).current?.handovers).toEqual([handover]);
  });

  it('is a PDF to download', async () => {
    const u = await unit();
    const { handover } = await issued(u);

    const response = await letter(u, handover.id);

    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe('attachment; filename="serah-terima-ptrm-AII.2026.00417-2026-11-21.pdf"');
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it("names the unit, the person, the clinic, the start, the latest dose as reported and the receiving party, in Bahasa Indonesia", async () => {
    const u = await unit();
    const { handover } = await issued(u);

    const { text, title } = await readPdf((await letter(u, handover.id)).rawPayload);

    expect(title).toBe('Surat serah terima PTRM - Joko Wibowo');
    for (const part of [
      'KANTOR WILAYAH BANTEN', 'RUTAN KELAS IIB SERANG', 'SURAT SERAH TERIMA KESINAMBUNGAN LAYANAN',
      'Joko Wibowo', 'AII.2026.00417', 'Pandeglang, 9 Maret 1988',
      'Puskesmas Serang Kota', '14 September 2026', '72,5 mg', '16 November 2026', 'Kartu dosis Puskesmas Serang Kota',
      'Pemindahan ke UPT lain', 'Lapas Kelas IIA Cilegon',
      'Serang, 21 November 2026', 'a.n. Kepala Rutan Kelas IIB Serang', u.staff.full_name,
    ]) expect(text).toContain(part);
  });

  it('says that dosing records stay in SIHA and how a family may collect doses where the receiving unit has no PTRM', async () => {
    const u = await unit();
    const { handover } = await issued(u, { reason: 'release', toName: 'Puskesmas Cilegon' });

    const { text } = await readPdf((await letter(u, handover.id)).rawPayload);

    expect(text).toContain('Pembebasan');
    expect(text).toMatch(/tersimpan di sistem informasi klinik PTRM \(SIHA\)/);
    expect(text).toMatch(/Apabila UPT penerima tidak memiliki layanan PTRM, keluarga dapat mengambil paling banyak 3 \(tiga\) dosis/);
    expect(text).toMatch(/bukti minum obat yang ditandatangani oleh petugas UPT/);
  });

  it("comes from the unit that recorded the PTRM when partner staff issue it", async () => {
    const u = await unit();
    const bnnk = await makeOrganization(ctx.db, { kind: 'bnnk', name: 'BNNK Serang' });
    await grantAccess(ctx.db, bnnk.id, u.unitId);
    const partner = { ...u, session: await signIn(ctx.app, (await makeUser(ctx.db, { role: 'counsellor', organizationId: bnnk.id })).username) };
    const { handover } = await issued(partner);

    const { text } = await readPdf((await letter(partner, handover.id)).rawPayload);

    expect(text).toContain('RUTAN KELAS IIB SERANG');
    expect(text).toContain('a.n. Kepala Rutan Kelas IIB Serang');
    expect(text).not.toContain('BNNK SERANG');
  });

  it('comes from the unit its issuer works in once the person has moved there', async () => {
    const u = await unit();
    const record = await start(u);
    const lapas = await makeOrganization(ctx.db, { kind: 'lapas', name: 'Lapas Kelas IIA Cilegon', city: 'Cilegon' });
    await ctx.db.updateTable('wbp').set({ facility_id: lapas.id }).where('id', '=', u.wbpId).execute();
    const there = { ...u, session: await signIn(ctx.app, (await makeUser(ctx.db, { role: 'clinic_staff', organizationId: lapas.id })).username) };
    const handover = await post<HandoverRecord>(there, `/api/ptrm/${record.id}/handovers`, { reason: 'release', toName: 'Puskesmas Cilegon', issuedOn: '2026-11-21' });

    const { text } = await readPdf((await letter(there, handover.id)).rawPayload);

    expect(text).toContain('LAPAS KELAS IIA CILEGON');
    expect(text).toContain('Cilegon, 21 November 2026');
    expect(text).toContain('a.n. Kepala Lapas Kelas IIA Cilegon');
    expect(text).not.toContain('RUTAN KELAS IIB SERANG');
  });

  it('gives the dose reported by the day it was issued, not one reported later', async () => {
    const u = await unit();
    const { record, handover } = await issued(u);
    await post(u, `/api/ptrm/${record.id}/doses`, { doseMg: 80, reportedOn: '2026-11-22', source: 'Telepon klinik' });

    const { text } = await readPdf((await letter(u, handover.id)).rawPayload);

    expect(text).toContain('72,5 mg');
    expect(text).not.toContain('80,0 mg');
  });

  it('says when the clinic has reported no dose yet', async () => {
    const u = await unit();
    const record = await start(u);
    const handover = await post<HandoverRecord>(u, `/api/ptrm/${record.id}/handovers`, { reason: 'release', toName: 'Puskesmas Cilegon', issuedOn: '2026-11-21' });

    const { text } = await readPdf((await letter(u, handover.id)).rawPayload);

    expect(text).toContain('Belum ada laporan dosis dari klinik');
  });

  it('writes each download to the audit log', async () => {
    const u = await unit();
    const { handover } = await issued(u);

    await letter(u, handover.id);

    const rows = await ctx.db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'ptrm_handover_letter').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'read', actor_user_id: u.staff.id, entity_id: handover.id, facility_id: u.unitId });
  });

  it('is not found by a unit that does not hold the person', async () => {
    const u = await unit();
    const { handover } = await issued(u);
    const stranger = await signIn(ctx.app, (await makeUser(ctx.db, { role: 'clinic_staff', organizationId: (await makeOrganization(ctx.db)).id })).username);

    const response = await stranger.request({ method: 'GET', url: `/api/ptrm/handovers/${handover.id}/letter.pdf` });

    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('Joko');
  });

  it('refuses a receiving party left blank, naming the field', async () => {
    const u = await unit();
    const record = await start(u);

    const response = await u.session.request({ method: 'POST', url: `/api/ptrm/${record.id}/handovers`, payload: { reason: 'transfer', toName: ' ', issuedOn: '2026-11-21' } });

    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.json()).map((f) => f.field)).toEqual(['toName']);
  });
});
