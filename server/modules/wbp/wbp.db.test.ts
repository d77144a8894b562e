import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WbpDetail, WbpSummary } from '../../../shared/contracts/wbp.ts';
import { type Session, type TestApp, signIn, testApp } from '../../testing/app.ts';
import { makeEnrolment, makeOrganization, makeProgramme, makeUser, makeWbp } from '../../testing/factories.ts';

interface Page { items: WbpSummary[]; page: number; pageSize: number; total: number }
interface ErrorBody { error: { code: string; message: string; fields?: { field: string; message: string }[] } }

let ctx: TestApp;
let unit: Awaited<ReturnType<typeof makeOrganization>>;
let otherUnit: Awaited<ReturnType<typeof makeOrganization>>;
let user: Awaited<ReturnType<typeof makeUser>>;
let session: Session;

beforeEach(async () => {
  ctx = await testApp();
  unit = await makeOrganization(ctx.db, { kind: 'rutan' });
  otherUnit = await makeOrganization(ctx.db, { kind: 'lapas' });
  user = await makeUser(ctx.db, { role: 'clinic_staff', organizationId: unit.id });
  session = await signIn(ctx.app, user.username);
});
afterEach(async () => ctx.close());

function newPerson(overrides: Record<string, unknown> = {}) {
  return {
    sdpNumber: 'AII.2026.0417',
    fullName: 'Andi Saputra',
    sex: 'L',
    birthDate: '1994-03-08',
    birthPlace: 'Serang',
    legalStatus: 'narapidana',
    caseArticles: ['UU 35/2009 Pasal 112'],
    sentenceMonths: 36,
    block: 'Blok B',
    room: 'B-07',
    admissionDate: '2026-04-01',
    expectedReleaseDate: '2029-04-01',
    facilityId: unit.id,
    ...overrides,
  };
}

function createPerson(payload: Record<string, unknown>, headers: Record<string, string> = {}) {
  return session.request({ method: 'POST', url: '/api/wbp', payload, headers });
}

async function list(query: string): Promise<Page> {
  const response = await session.request({ method: 'GET', url: `/api/wbp?${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Page;
}

async function countPeople(): Promise<number> {
  return (await ctx.db.selectFrom('wbp').select('id').execute()).length;
}

function editOf(person: { full_name: string; sex: 'L' | 'P'; legal_status: string; admission_date: string }, version: number, changes: Record<string, unknown> = {}) {
  return { fullName: person.full_name, sex: person.sex, legalStatus: person.legal_status, admissionDate: person.admission_date, version, ...changes };
}

function transferTo(toFacilityId: string, overrides: Record<string, unknown> = {}) {
  return { toFacilityId, transferDate: '2026-11-03', reason: 'Kepadatan hunian', version: 1, ...overrides };
}

describe('creating a person', () => {
  it('answers 201 with the detail of the new person', async () => {
    const response = await createPerson(newPerson());

    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      sdpNumber: 'AII.2026.0417', fullName: 'Andi Saputra', facilityId: unit.id, facilityName: unit.name,
      block: 'Blok B', caseArticles: ['UU 35/2009 Pasal 112'], source: 'manual', version: 1, transfers: [],
    });
    expect(await countPeople()).toBe(1);
  });

  it('records who created the person, in which unit and from which address', async () => {
    const response = await session.request({ method: 'POST', url: '/api/wbp', payload: newPerson(), remoteAddress: '10.20.30.40' });
    const created = response.json() as WbpDetail;

    const rows = await ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'create').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actor_user_id: user.id, actor_username: user.username, actor_org_id: unit.id,
      entity_type: 'wbp', entity_id: created.id, facility_id: unit.id, ip: '10.20.30.40',
    });
  });

  it('names each bad field with an Indonesian message and writes nothing', async () => {
    const auditBefore = (await ctx.db.selectFrom('audit_log').select('id').execute()).length;

    const response = await createPerson(newPerson({ sdpNumber: 'x', fullName: 'A', sex: 'X', admissionDate: '2026-13-01' }));

    expect(response.statusCode).toBe(400);
    const body = response.json() as ErrorBody;
    expect(body.error.code).toBe('VALIDATION');
    expect(body.error.message).toBe('Data tidak valid. Periksa isian yang ditandai.');
    const byField = Object.fromEntries((body.error.fields ?? []).map((f) => [f.field, f.message]));
    expect(byField).toEqual({
      sdpNumber: expect.stringMatching(/^Nomor registrasi SDP: format nomor registrasi tidak valid/),
      fullName: 'Nama lengkap: minimal 2 karakter',
      sex: 'Jenis kelamin: pilihan tidak valid; pilih salah satu dari: L, P',
      admissionDate: 'Tanggal masuk: tanggal tidak valid (format TTTT-BB-HH)',
    });
    expect(await countPeople()).toBe(0);
    expect((await ctx.db.selectFrom('audit_log').select('id').execute()).length).toBe(auditBefore);
  });

  it('names a missing field as required', async () => {
    const { fullName: _omitted, ...withoutName } = newPerson();

    const response = await createPerson(withoutName);

    expect(response.statusCode).toBe(400);
    expect((response.json() as ErrorBody).error.fields).toEqual([{ field: 'fullName', message: 'Nama lengkap: wajib diisi' }]);
  });

  it('writes the field messages in English when the browser asks for English', async () => {
    const response = await createPerson(newPerson({ fullName: 'A' }), { 'accept-language': 'en' });

    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: {
        code: 'VALIDATION',
        message: 'The data is not valid. Check the marked fields.',
        fields: [{ field: 'fullName', message: 'Full name: needs at least 2 characters' }],
      },
    });
  });

  it('refuses a unit the user may not work in, naming facilityId', async () => {
    const response = await createPerson(newPerson({ facilityId: otherUnit.id }));

    expect(response.statusCode).toBe(400);
    expect((response.json() as ErrorBody).error.fields).toEqual([{ field: 'facilityId', message: 'Unit: Anda tidak berwenang atas unit ini' }]);
    expect(await countPeople()).toBe(0);
  });

  it('refuses an SDP number that is already registered, naming sdpNumber', async () => {
    await makeWbp(ctx.db, { facility_id: otherUnit.id, sdp_number: 'AII.2026.0417' });

    const response = await createPerson(newPerson());

    expect(response.statusCode).toBe(400);
    expect((response.json() as ErrorBody).error.fields).toEqual([
      { field: 'sdpNumber', message: 'Nomor registrasi SDP: Nomor registrasi SDP sudah terdaftar.' },
    ]);
    expect(await countPeople()).toBe(1);
  });

  it('refuses an expected release date before the admission date, naming expectedReleaseDate', async () => {
    const response = await createPerson(newPerson({ admissionDate: '2026-04-01', expectedReleaseDate: '2026-03-31' }));

    expect(response.statusCode).toBe(400);
    expect((response.json() as ErrorBody).error.fields).toEqual([
      { field: 'expectedReleaseDate', message: 'Perkiraan tanggal bebas: tanggal bebas tidak boleh sebelum tanggal masuk' },
    ]);
    expect(await countPeople()).toBe(0);
  });
});

describe('listing and searching', () => {
  it('pages through 30 people 10 at a time without overlaps, sorted by name', async () => {
    const names = Array.from({ length: 30 }, (_, i) => `Warga ${String.fromCharCode(97 + ((i * 7) % 26))}${String(i).padStart(2, '0')}`);
    for (const full_name of names) await makeWbp(ctx.db, { facility_id: unit.id, full_name });

    const pages = [await list('page=1&pageSize=10'), await list('page=2&pageSize=10'), await list('page=3&pageSize=10')];

    expect(pages.map((p) => [p.page, p.pageSize, p.total, p.items.length])).toEqual([[1, 10, 30, 10], [2, 10, 30, 10], [3, 10, 30, 10]]);
    const all = pages.flatMap((p) => p.items);
    expect(new Set(all.map((p) => p.id)).size).toBe(30);
    expect(all.map((p) => p.fullName)).toEqual([...names].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)));
    expect((await list('page=4&pageSize=10')).items).toEqual([]);
  });

  it('sorts by name regardless of capital letters', async () => {
    for (const full_name of ['budi Santoso', 'Citra Lestari', 'andi Saputra', 'Dewi Anggraini']) await makeWbp(ctx.db, { facility_id: unit.id, full_name });

    const page = await list('pageSize=10');

    expect(page.items.map((p) => p.fullName)).toEqual(['andi Saputra', 'budi Santoso', 'Citra Lestari', 'Dewi Anggraini']);
  });

  it('finds people by any part of the name, ignoring case', async () => {
    await makeWbp(ctx.db, { facility_id: unit.id, full_name: 'Andi Saputra' });
    await makeWbp(ctx.db, { facility_id: unit.id, full_name: 'Budi Santoso' });
    await makeWbp(ctx.db, { facility_id: unit.id, full_name: 'Rudi Hartono' });

    const page = await list('q=SAPU');

    expect(page.total).toBe(1);
    expect(page.items.map((p) => p.fullName)).toEqual(['Andi Saputra']);
  });

  it('finds people by the start of the SDP number, in any case', async () => {
    await makeWbp(ctx.db, { facility_id: unit.id, sdp_number: 'AII.2026.0001', full_name: 'Andi Saputra' });
    await makeWbp(ctx.db, { facility_id: unit.id, sdp_number: 'AII.2026.0002', full_name: 'Budi Santoso' });
    await makeWbp(ctx.db, { facility_id: unit.id, sdp_number: 'BI.2025.0003', full_name: 'Rudi Hartono' });
    await makeWbp(ctx.db, { facility_id: unit.id, sdp_number: 'BI.AII.2026.9', full_name: 'Joko Widodo' });

    const page = await list('q=aii.2026');

    expect(page.items.map((p) => p.sdpNumber).sort()).toEqual(['AII.2026.0001', 'AII.2026.0002']);
  });

  it('treats % and _ in a search as plain characters', async () => {
    await makeWbp(ctx.db, { facility_id: unit.id, full_name: 'Andi Saputra' });

    expect((await list('q=%25')).total).toBe(0);
    expect((await list('q=_')).total).toBe(0);
  });

  it('filters by block', async () => {
    await makeWbp(ctx.db, { facility_id: unit.id, full_name: 'Andi Saputra', block: 'Blok A' });
    await makeWbp(ctx.db, { facility_id: unit.id, full_name: 'Budi Santoso', block: 'Blok B' });

    const page = await list(`block=${encodeURIComponent('Blok B')}`);

    expect(page.items.map((p) => p.fullName)).toEqual(['Budi Santoso']);
  });

  it('filters by legal status', async () => {
    await makeWbp(ctx.db, { facility_id: unit.id, full_name: 'Andi Saputra', legal_status: 'tahanan' });
    await makeWbp(ctx.db, { facility_id: unit.id, full_name: 'Budi Santoso', legal_status: 'narapidana' });
    await makeWbp(ctx.db, { facility_id: unit.id, full_name: 'Citra Lestari', legal_status: 'anak' });

    const page = await list('legalStatus=narapidana');

    expect(page.items.map((p) => p.fullName)).toEqual(['Budi Santoso']);
  });

  it('records a search in the audit log with what was searched for', async () => {
    await makeWbp(ctx.db, { facility_id: unit.id, full_name: 'Andi Saputra' });

    await list('q=andi');

    const rows = await ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'search').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_user_id: user.id, entity_type: 'wbp', details: { q: 'andi', results: 1 } });
  });

  it('does not record a plain list without a search term', async () => {
    await list('page=1');

    expect(await ctx.db.selectFrom('audit_log').select('id').where('action', '=', 'search').execute()).toHaveLength(0);
  });

  it('never includes people held in another unit', async () => {
    await makeWbp(ctx.db, { facility_id: unit.id, full_name: 'Andi Saputra' });
    await makeWbp(ctx.db, { facility_id: otherUnit.id, full_name: 'Andi Saputri' });

    const page = await list('q=andi&pageSize=200');

    expect(page.total).toBe(1);
    expect(page.items.map((p) => p.facilityId)).toEqual([unit.id]);
  });

  it('refuses to list another unit asked for by id', async () => {
    const response = await session.request({ method: 'GET', url: `/api/wbp?facilityId=${otherUnit.id}` });

    expect(response.statusCode).toBe(400);
    expect((response.json() as ErrorBody).error.fields?.map((f) => f.field)).toEqual(['facilityId']);
  });
});

describe('reading a person', () => {
  it('answers with the detail', async () => {
    const person = await makeWbp(ctx.db, { facility_id: unit.id, full_name: 'Andi Saputra', birth_date: '1990-05-17' });

    const response = await session.request({ method: 'GET', url: `/api/wbp/${person.id}` });

    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: person.id, fullName: 'Andi Saputra', facilityName: unit.name, version: 1, transfers: [] });
  });

  it('records the read in the audit log with actor, person, unit and address', async () => {
    const person = await makeWbp(ctx.db, { facility_id: unit.id });

    await session.request({ method: 'GET', url: `/api/wbp/${person.id}`, remoteAddress: '10.9.8.7' });

    const rows = await ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'read').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_user_id: user.id, entity_type: 'wbp', entity_id: person.id, facility_id: unit.id, ip: '10.9.8.7' });
  });

  it('answers 404 for a person held in another unit and records no read', async () => {
    const person = await makeWbp(ctx.db, { facility_id: otherUnit.id, full_name: 'Rahasia Unit Lain' });

    const response = await session.request({ method: 'GET', url: `/api/wbp/${person.id}` });

    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('Rahasia');
    expect(await ctx.db.selectFrom('audit_log').select('id').where('action', '=', 'read').execute()).toHaveLength(0);
  });
});

describe('updating a person', () => {
  it('accepts an edit made on the current version and raises the version by one', async () => {
    const person = await makeWbp(ctx.db, { facility_id: unit.id, full_name: 'Andi Saputra' });

    const response = await session.request({ method: 'PUT', url: `/api/wbp/${person.id}`, payload: editOf(person, 1, { fullName: 'Andi Saputra Wijaya' }) });

    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ fullName: 'Andi Saputra Wijaya', version: 2 });
    const stored = await ctx.db.selectFrom('wbp').select(['full_name', 'version']).where('id', '=', person.id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ full_name: 'Andi Saputra Wijaya', version: 2 });
  });

  it('refuses an edit made on a stale version with 409 CONFLICT and changes nothing', async () => {
    const person = await makeWbp(ctx.db, { facility_id: unit.id, full_name: 'Andi Saputra' });
    await session.request({ method: 'PUT', url: `/api/wbp/${person.id}`, payload: editOf(person, 1, { fullName: 'Andi Perubahan Pertama' }) });

    const response = await session.request({ method: 'PUT', url: `/api/wbp/${person.id}`, payload: editOf(person, 1, { fullName: 'Andi Perubahan Kedua' }) });

    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ error: { code: 'CONFLICT' } });
    const stored = await ctx.db.selectFrom('wbp').select(['full_name', 'version']).where('id', '=', person.id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ full_name: 'Andi Perubahan Pertama', version: 2 });
  });

  it('refuses a release date before the admission date, naming expectedReleaseDate', async () => {
    const person = await makeWbp(ctx.db, { facility_id: unit.id, admission_date: '2026-06-01' });

    const response = await session.request({ method: 'PUT', url: `/api/wbp/${person.id}`, payload: editOf(person, 1, { expectedReleaseDate: '2026-05-31' }) });

    expect(response.statusCode).toBe(400);
    expect((response.json() as ErrorBody).error.fields?.map((f) => f.field)).toEqual(['expectedReleaseDate']);
  });
});

describe('transferring a person', () => {
  it('moves the person to the destination unit and clears block and room', async () => {
    const person = await makeWbp(ctx.db, { facility_id: unit.id, block: 'Blok A', room: 'A-01' });

    const response = await session.request({ method: 'POST', url: `/api/wbp/${person.id}/transfer`, payload: transferTo(otherUnit.id) });

    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ facilityId: otherUnit.id, facilityName: otherUnit.name, block: null, room: null, version: 2 });
    const stored = await ctx.db.selectFrom('wbp').select(['facility_id', 'block', 'room']).where('id', '=', person.id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ facility_id: otherUnit.id, block: null, room: null });
  });

  it("ends the person's open enrolments in the sending unit's programmes as dropped for the transfer, with their peer roles", async () => {
    const person = await makeWbp(ctx.db, { facility_id: unit.id });
    const tc = await makeEnrolment(ctx.db, { wbpId: person.id, facilityId: unit.id, decidedBy: user.id, kind: 'social' });
    const waiting = await makeEnrolment(ctx.db, { wbpId: person.id, facilityId: unit.id, decidedBy: user.id, kind: 'medical', status: 'waitlisted' });
    const role = await ctx.db.insertInto('community_roles')
      .values({ enrolment_id: tc.enrolment.id, wbp_id: person.id, role: 'buddy', started_on: '2026-10-01', assigned_by: user.id })
      .returning('id').executeTakeFirstOrThrow();

    await session.request({ method: 'POST', url: `/api/wbp/${person.id}/transfer`, payload: transferTo(otherUnit.id, { transferDate: '2026-11-03' }) });

    const ended = await ctx.db.selectFrom('enrolments').select(['id', 'status', 'ended_on', 'outcome_reason', 'outcome_by'])
      .where('wbp_id', '=', person.id).orderBy('created_at').execute();
    expect(ended).toEqual([
      { id: tc.enrolment.id, status: 'dropped', ended_on: '2026-11-03', outcome_reason: 'transfer', outcome_by: user.id },
      { id: waiting.enrolment.id, status: 'dropped', ended_on: '2026-11-03', outcome_reason: 'transfer', outcome_by: user.id },
    ]);
    expect(await ctx.db.selectFrom('community_roles').select('ended_on').where('id', '=', role.id).executeTakeFirstOrThrow()).toEqual({ ended_on: '2026-11-03' });
  });

  it("leaves an enrolment in another unit's programme as it is", async () => {
    const person = await makeWbp(ctx.db, { facility_id: unit.id });
    const elsewhere = await makeProgramme(ctx.db, otherUnit.id, 'medical');
    const kept = await makeEnrolment(ctx.db, { wbpId: person.id, facilityId: unit.id, decidedBy: user.id, programmeId: elsewhere.id });

    await session.request({ method: 'POST', url: `/api/wbp/${person.id}/transfer`, payload: transferTo(otherUnit.id) });

    expect(await ctx.db.selectFrom('enrolments').select('status').where('id', '=', kept.enrolment.id).executeTakeFirstOrThrow()).toEqual({ status: 'active' });
  });

  it('keeps a history row with from, to, date, reason and who recorded it', async () => {
    const person = await makeWbp(ctx.db, { facility_id: unit.id });

    const response = await session.request({
      method: 'POST', url: `/api/wbp/${person.id}/transfer`, payload: transferTo(otherUnit.id, { transferDate: '2026-11-03', reason: 'Kepadatan hunian' }),
    });

    const history = await ctx.db.selectFrom('wbp_transfers').selectAll().where('wbp_id', '=', person.id).execute();
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      from_facility_id: unit.id, to_facility_id: otherUnit.id, transfer_date: '2026-11-03', reason: 'Kepadatan hunian', recorded_by: user.id,
    });
    expect((response.json() as WbpDetail).transfers).toEqual([
      expect.objectContaining({ fromFacilityName: unit.name, toFacilityName: otherUnit.name, transferDate: '2026-11-03', reason: 'Kepadatan hunian', recordedBy: user.full_name }),
    ]);
  });

  it('leaves the sending unit unable to see the person afterwards', async () => {
    const person = await makeWbp(ctx.db, { facility_id: unit.id });
    await session.request({ method: 'POST', url: `/api/wbp/${person.id}/transfer`, payload: transferTo(otherUnit.id) });

    const response = await session.request({ method: 'GET', url: `/api/wbp/${person.id}` });

    expect(response.statusCode).toBe(404);
  });

  it('refuses a destination that holds no one, such as a BNNK, naming toFacilityId', async () => {
    const bnnk = await makeOrganization(ctx.db, { kind: 'bnnk' });
    const person = await makeWbp(ctx.db, { facility_id: unit.id });

    const response = await session.request({ method: 'POST', url: `/api/wbp/${person.id}/transfer`, payload: transferTo(bnnk.id) });

    expect(response.statusCode).toBe(400);
    expect((response.json() as ErrorBody).error.fields).toEqual([{ field: 'toFacilityId', message: 'Unit tujuan: unit harus Rutan, Lapas atau LPKA' }]);
    const stored = await ctx.db.selectFrom('wbp').select('facility_id').where('id', '=', person.id).executeTakeFirstOrThrow();
    expect(stored.facility_id).toBe(unit.id);
  });

  it('refuses a transfer to the unit the person is already in', async () => {
    const person = await makeWbp(ctx.db, { facility_id: unit.id });

    const response = await session.request({ method: 'POST', url: `/api/wbp/${person.id}/transfer`, payload: transferTo(unit.id) });

    expect(response.statusCode).toBe(400);
    expect((response.json() as ErrorBody).error.fields).toEqual([{ field: 'toFacilityId', message: 'Unit tujuan: Unit tujuan sama dengan unit saat ini.' }]);
    expect(await ctx.db.selectFrom('wbp_transfers').select('id').execute()).toHaveLength(0);
  });
});
