import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NoteRecord, NotesPage } from '../../../shared/contracts/notes.ts';
import { type Session, type TestApp, signIn, testApp } from '../../testing/app.ts';
import { makeEnrolment, makeOrganization, makeUser, makeWbp } from '../../testing/factories.ts';

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
  counsellor: { id: string; full_name: string };
  headId: string;
  session: Session;
  wbpId: string;
}

/** A Rutan with a counsellor of the unit signed in, its head, and one person held there. */
async function unit(): Promise<Unit> {
  const rutan = await makeOrganization(ctx.db, { kind: 'rutan' });
  const counsellor = await makeUser(ctx.db, { role: 'clinic_staff', organizationId: rutan.id });
  const head = await makeUser(ctx.db, { role: 'head_of_unit', organizationId: rutan.id });
  const person = await makeWbp(ctx.db, { facility_id: rutan.id });
  return { unitId: rutan.id, counsellor, headId: head.id, session: await signIn(ctx.app, counsellor.username), wbpId: person.id };
}

const NOTE = {
  kind: 'individual', heldOn: '2026-11-20', topic: 'Pencegahan kekambuhan',
  summary: 'Klien mengenali pemicu saat menerima kunjungan keluarga.', plan: 'Latihan menolak ajakan pada sesi berikutnya.',
};

async function write(u: Unit, body: Record<string, unknown> = {}): Promise<NoteRecord> {
  const response = await u.session.request({ method: 'POST', url: `/api/wbp/${u.wbpId}/notes`, payload: { ...NOTE, ...body } });
  if (response.statusCode !== 201) throw new Error(`writing a note failed: ${response.statusCode} ${response.body}`);
  return response.json() as NoteRecord;
}

async function page(u: Unit, query = ''): Promise<NotesPage> {
  const response = await u.session.request({ method: 'GET', url: `/api/wbp/${u.wbpId}/notes${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as NotesPage;
}

describe('writing a counselling note', () => {
  it('signs the note by its author at once', async () => {
    const u = await unit();

    const note = await write(u);

    expect(note).toMatchObject({ ...NOTE, wbpId: u.wbpId, signedBy: u.counsellor.full_name, signedAt: NOW.toISOString(), addenda: [] });
    const stored = await ctx.db.selectFrom('counselling_notes').selectAll().where('id', '=', note.id).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ signed_by: u.counsellor.id, facility_id: u.unitId, topic: NOTE.topic });
  });

  it('refuses a session date after today, naming the field', async () => {
    const u = await unit();

    const response = await u.session.request({ method: 'POST', url: `/api/wbp/${u.wbpId}/notes`, payload: { ...NOTE, heldOn: '2026-11-23' } });

    expect(response.statusCode).toBe(400);
    const fields = response.json().error.fields as { field: string; message: string }[];
    expect(fields.map((f) => f.field)).toEqual(['heldOn']);
    expect(fields[0]!.message).toMatch(/: tanggal tidak boleh setelah hari ini$/);
  });

  it('refuses a note without a follow-up plan, naming the field in the reader\'s language', async () => {
    const u = await unit();

    const response = await u.session.request({
      method: 'POST', url: `/api/wbp/${u.wbpId}/notes`, headers: { 'accept-language': 'en' }, payload: { ...NOTE, plan: '  ' },
    });

    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([{ field: 'plan', message: 'Follow-up plan: is required' }]);
  });

  it("refuses an enrolment that is another person's", async () => {
    const u = await unit();
    const other = await makeWbp(ctx.db, { facility_id: u.unitId });
    const { enrolment } = await makeEnrolment(ctx.db, { wbpId: other.id, facilityId: u.unitId, decidedBy: u.headId });

    const response = await u.session.request({ method: 'POST', url: `/api/wbp/${u.wbpId}/notes`, payload: { ...NOTE, enrolmentId: enrolment.id } });

    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([{ field: 'enrolmentId', message: 'Program: bukan program warga binaan ini' }]);
    expect(await ctx.db.selectFrom('counselling_notes').select('id').execute()).toEqual([]);
  });

  it("links the note to one of the person's enrolments and names its programme", async () => {
    const u = await unit();
    const { enrolment, programme } = await makeEnrolment(ctx.db, { wbpId: u.wbpId, facilityId: u.unitId, decidedBy: u.headId });

    const note = await write(u, { enrolmentId: enrolment.id, kind: 'family' });

    expect(note).toMatchObject({ enrolmentId: enrolment.id, programmeName: programme.name, kind: 'family' });
  });

  it('treats a person of another unit as not found', async () => {
    const u = await unit();
    const elsewhere = await makeWbp(ctx.db, { facility_id: (await makeOrganization(ctx.db, { kind: 'lapas' })).id });

    const response = await u.session.request({ method: 'POST', url: `/api/wbp/${elsewhere.id}/notes`, payload: NOTE });

    expect(response.statusCode).toBe(404);
    expect(await ctx.db.selectFrom('counselling_notes').select('id').execute()).toEqual([]);
  });

  it('writes the signing to the audit log', async () => {
    const u = await unit();

    const note = await write(u);

    const rows = await ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'sign').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_user_id: u.counsellor.id, entity_type: 'counselling_note', entity_id: note.id, facility_id: u.unitId });
  });
});

describe('a signed note', () => {
  it('cannot be changed in the database', async () => {
    const u = await unit();
    const note = await write(u);

    await expect(ctx.db.updateTable('counselling_notes').set({ summary: 'Diubah' }).where('id', '=', note.id).execute()).rejects.toThrow(/signed record/);
  });

  it('cannot be removed from the database', async () => {
    const u = await unit();
    const note = await write(u);

    await expect(ctx.db.deleteFrom('counselling_notes').where('id', '=', note.id).execute()).rejects.toThrow(/signed record/);
  });

  it('is corrected by an addendum, which keeps the note as signed', async () => {
    const u = await unit();
    const note = await write(u);

    const response = await u.session.request({ method: 'POST', url: `/api/notes/${note.id}/addenda`, payload: { text: 'Koreksi: sesi berlangsung 45 menit.' } });

    expect(response.statusCode, response.body).toBe(201);
    const corrected = response.json() as NoteRecord;
    expect(corrected).toMatchObject({ id: note.id, summary: NOTE.summary, signedAt: note.signedAt });
    expect(corrected.addenda).toEqual([
      { id: expect.any(String), text: 'Koreksi: sesi berlangsung 45 menit.', createdBy: u.counsellor.full_name, createdAt: NOW.toISOString() },
    ]);
  });

  it('keeps its addenda unchangeable too', async () => {
    const u = await unit();
    const note = await write(u);
    await u.session.request({ method: 'POST', url: `/api/notes/${note.id}/addenda`, payload: { text: 'Koreksi: sesi berlangsung 45 menit.' } });

    await expect(ctx.db.updateTable('counselling_note_addenda').set({ text: 'Diubah' }).where('note_id', '=', note.id).execute()).rejects.toThrow(/signed record/);
  });

  it('takes no addendum from a unit that does not hold the person', async () => {
    const u = await unit();
    const note = await write(u);
    const elsewhere = await makeOrganization(ctx.db, { kind: 'rutan' });
    const stranger = await signIn(ctx.app, (await makeUser(ctx.db, { role: 'counsellor', organizationId: elsewhere.id })).username);

    const response = await stranger.request({ method: 'POST', url: `/api/notes/${note.id}/addenda`, payload: { text: 'Koreksi dari unit lain.' } });

    expect(response.statusCode).toBe(404);
    expect(await ctx.db.selectFrom('counselling_note_addenda').select('id').execute()).toEqual([]);
  });

  it('names a too-short addendum', async () => {
    const u = await unit();
    const note = await write(u);

    const response = await u.session.request({ method: 'POST', url: `/api/notes/${note.id}/addenda`, payload: { text: 'ok' } });

    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([{ field: 'text', message: 'Isi adendum: minimal 5 karakter' }]);
  });
});

describe("reading a person's notes", () => {
  it('lists the latest session first, a page at a time, with the total', async () => {
    const u = await unit();
    for (const heldOn of ['2026-11-02', '2026-11-16', '2026-11-09']) await write(u, { heldOn, topic: `Sesi ${heldOn}` });

    const first = await page(u, '?pageSize=2');
    const second = await page(u, '?pageSize=2&page=2');

    expect(first.items.map((n) => n.heldOn)).toEqual(['2026-11-16', '2026-11-09']);
    expect(second.items.map((n) => n.heldOn)).toEqual(['2026-11-02']);
    expect(first).toMatchObject({ page: 1, pageSize: 2, total: 3 });
  });

  it('shows each note with its own addenda, oldest first', async () => {
    const u = await unit();
    const a = await write(u, { topic: 'A' });
    const b = await write(u, { topic: 'B', heldOn: '2026-11-19' });
    for (const [minutes, text] of [[5, 'Adendum pertama.'], [9, 'Adendum kedua.']] as const) {
      clock = new Date(NOW.getTime() + minutes * 60_000);
      await u.session.request({ method: 'POST', url: `/api/notes/${a.id}/addenda`, payload: { text } });
    }

    const { items } = await page(u);

    expect(items.find((n) => n.id === a.id)?.addenda.map((d) => d.text)).toEqual(['Adendum pertama.', 'Adendum kedua.']);
    expect(items.find((n) => n.id === b.id)?.addenda).toEqual([]);
  });

  it('writes the read to the audit log', async () => {
    const u = await unit();
    const note = await write(u);

    await page(u);

    const rows = await ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'read').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_user_id: u.counsellor.id, entity_type: 'counselling_note', entity_id: u.wbpId, facility_id: u.unitId });
    expect(rows[0]!.details).toMatchObject({ list: true, page: 1, noteIds: [note.id] });
  });

});
