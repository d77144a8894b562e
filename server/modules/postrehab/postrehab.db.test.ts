import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PostRehabCandidate, PostRehabEnrolment } from '../../../shared/contracts/postRehab.ts';
import type { ProgrammeRecord } from '../../../shared/contracts/programmes.ts';
import type { TimetableWeek } from '../../../shared/contracts/timetable.ts';
import { DEFAULT_PROGRAMMES } from '../../../shared/domain/programmes.ts';
import { type Session, type TestApp, signIn, testApp } from '../../testing/app.ts';
import { grantAccess, makeAftercareReferral, makeOrganization, makeUser, makeWbp } from '../../testing/factories.ts';

// Sunday 22 November 2026, 10:00 in Jakarta; the week of Monday 16 November is past.
const NOW = new Date('2026-11-22T03:00:00Z');
const WEEK = '2026-11-16';
const POST_REHAB = DEFAULT_PROGRAMMES.find((p) => p.kind === 'post_rehab')!;

let ctx: TestApp;
let rutan: { id: string };
let bapas: { id: string };
let otherBapas: { id: string };
let pk: Session;
let pkId: string;
let otherPk: Session;
let clinic: Session;
let clinicId: string;

beforeEach(async () => {
  ctx = await testApp({ now: () => NOW });
  const kanwil = await makeOrganization(ctx.db, { kind: 'kanwil', name: 'Kantor Wilayah Banten' });
  rutan = await makeOrganization(ctx.db, { kind: 'rutan', parent_id: kanwil.id, name: 'Rutan Kelas IIB Serang' });
  bapas = await makeOrganization(ctx.db, { kind: 'bapas', parent_id: kanwil.id, name: 'Bapas Kelas I Serang' });
  otherBapas = await makeOrganization(ctx.db, { kind: 'bapas', parent_id: kanwil.id, name: 'Bapas Kelas II Pandeglang' });
  await grantAccess(ctx.db, bapas.id, rutan.id);
  await grantAccess(ctx.db, otherBapas.id, rutan.id);
  const officer = await makeUser(ctx.db, { role: 'probation_officer', organizationId: bapas.id });
  pkId = officer.id;
  pk = await signIn(ctx.app, officer.username);
  otherPk = await signIn(ctx.app, (await makeUser(ctx.db, { role: 'probation_officer', organizationId: otherBapas.id })).username);
  const clinician = await makeUser(ctx.db, { role: 'clinic_staff', organizationId: rutan.id });
  clinicId = clinician.id;
  clinic = await signIn(ctx.app, clinician.username);
});
afterEach(async () => ctx.close());

const fieldsOf = (body: string) => ((JSON.parse(body) as { error: { fields?: { field: string }[] } }).error.fields ?? []).map((f) => f.field);

async function programme(session = pk, facilityId = bapas.id): Promise<ProgrammeRecord> {
  const response = await session.request({
    method: 'POST', url: `/api/facilities/${facilityId}/programmes`, payload: { ...POST_REHAB, name: 'Pascarehabilitasi — pencegahan kekambuhan' },
  });
  if (response.statusCode !== 201) throw new Error(`the programme was refused: ${response.body}`);
  return response.json() as ProgrammeRecord;
}

function client(overrides: Partial<Parameters<typeof makeAftercareReferral>[1]> = {}) {
  return makeAftercareReferral(ctx.db, { fromFacilityId: rutan.id, toOrganizationId: bapas.id, by: clinicId, ...overrides });
}

function enrol(programmeId: string, referralId: string, startDate = '2026-11-02', session = pk) {
  return session.request({ method: 'POST', url: `/api/programmes/${programmeId}/post-rehab-enrolments`, payload: { referralId, startDate } });
}

async function enrolments(programmeId: string): Promise<PostRehabEnrolment[]> {
  return ((await pk.request({ method: 'GET', url: `/api/programmes/${programmeId}/post-rehab-enrolments` })).json() as { items: PostRehabEnrolment[] }).items;
}

async function storedEnrolments(): Promise<number> {
  return (await ctx.db.selectFrom('enrolments').select('id').execute()).length;
}

/** The Bapas's room and the officer's hours, as the officer records them. */
async function readyToSchedule(): Promise<void> {
  const room = await pk.request({ method: 'POST', url: `/api/facilities/${bapas.id}/rooms`, payload: { name: 'Ruang konseling Bapas', capacity: 20 } });
  expect(room.statusCode, room.body).toBe(201);
  const hours = await pk.request({
    method: 'PUT', url: `/api/facilities/${bapas.id}/staff-availability/${pkId}`,
    payload: { windows: [1, 2, 3, 4, 5].map((dayOfWeek) => ({ dayOfWeek, start: '08:00', end: '15:00' })) },
  });
  expect(hours.statusCode, hours.body).toBe(200);
}

/** Clients enrolled, six by default: enough for the relapse-prevention group (6–12). */
async function groupEnrolled(programmeId: string, count = 6) {
  const made = [];
  for (let i = 0; i < count; i += 1) {
    const c = await client({ fullName: `Klien Pasca ${i + 1}` });
    expect((await enrol(programmeId, c.referralId)).statusCode).toBe(201);
    made.push(c);
  }
  return made;
}

async function week(session = pk): Promise<TimetableWeek> {
  const response = await session.request({ method: 'POST', url: `/api/facilities/${bapas.id}/timetable`, payload: { weekStart: WEEK } });
  if (response.statusCode !== 201) throw new Error(`the week was refused: ${response.body}`);
  return response.json() as TimetableWeek;
}

describe('a Bapas as a unit of its own', () => {
  it('lets a probation officer create a post-rehabilitation programme in the Bapas', async () => {
    const made = await programme();

    expect(made).toMatchObject({ facilityId: bapas.id, kind: 'post_rehab', name: 'Pascarehabilitasi — pencegahan kekambuhan' });
  });

  it('keeps the probation officer from managing the programmes of a Rutan of the area', async () => {
    const response = await pk.request({ method: 'POST', url: `/api/facilities/${rutan.id}/programmes`, payload: { ...POST_REHAB } });

    expect(response.statusCode).toBe(404);
  });

  it('offers the Bapas in the session but keeps the register to people held in custodial units', async () => {
    await makeWbp(ctx.db, { facility_id: rutan.id, full_name: 'Andi Tahanan' });
    const session = (await pk.request({ method: 'GET', url: '/api/auth/session' })).json() as { user: { facilities: { id: string }[] } };
    const register = (await pk.request({ method: 'GET', url: '/api/wbp?pageSize=200' })).json() as { items: { facilityId: string }[] };
    const filtered = await pk.request({ method: 'GET', url: `/api/wbp?facilityId=${bapas.id}` });

    expect(session.user.facilities.map((f) => f.id)).toEqual([bapas.id, rutan.id]);
    expect(register.items.length).toBeGreaterThan(0);
    expect(register.items.every((p) => p.facilityId === rutan.id)).toBe(true);
    expect(filtered.statusCode).toBe(400);
  });

  it('refuses to register a person held in a Bapas, even for its head', async () => {
    const head = await signIn(ctx.app, (await makeUser(ctx.db, { role: 'head_of_unit', organizationId: bapas.id })).username);
    const response = await head.request({
      method: 'POST', url: '/api/wbp',
      payload: { sdpNumber: 'AII.2026.77001', fullName: 'Budi Baru', sex: 'L', legalStatus: 'tahanan', admissionDate: '2026-10-01', facilityId: bapas.id },
    });

    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(405);
    expect(await ctx.db.selectFrom('wbp').select('id').where('facility_id', '=', bapas.id).execute()).toEqual([]);
  });

  it('counts the head of a Bapas the people held in its area, never the Bapas itself', async () => {
    const head = await signIn(ctx.app, (await makeUser(ctx.db, { role: 'head_of_unit', organizationId: bapas.id })).username);
    const overview = (await head.request({ method: 'GET', url: '/api/stats/overview' })).json() as { facilities: { facilityId?: string; id?: string }[] };

    const ids = JSON.stringify(overview);
    expect(ids).toContain(rutan.id);
    expect(ids).not.toContain(bapas.id);
  });
});

describe('enrolment from an aftercare referral', () => {
  it('lists the accepted clients with consent in force who are not enrolled yet', async () => {
    const accepted = await client({ fullName: 'Rudi Diterima' });
    await client({ fullName: 'Sari Terkirim', status: 'sent' });
    await client({ fullName: 'Tono Ditolak', status: 'declined' });
    await client({ fullName: 'Umar Dicabut', revoked: true });

    const response = await pk.request({ method: 'GET', url: `/api/facilities/${bapas.id}/post-rehab-candidates` });

    expect(response.statusCode).toBe(200);
    expect((response.json() as { items: PostRehabCandidate[] }).items.map((c) => [c.fullName, c.referralId])).toEqual([['Rudi Diterima', accepted.referralId]]);
  });

  it('enrols a client from an accepted referral, active from the start date for the programme length', async () => {
    const made = await programme();
    const c = await client({ fullName: 'Rudi Hartono' });

    const response = await enrol(made.id, c.referralId, '2026-11-02');

    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      wbpId: c.person.id, referralId: c.referralId, fullName: 'Rudi Hartono', status: 'active', startDate: '2026-11-02', expectedEndDate: '2027-01-25',
      fromName: 'Rutan Kelas IIB Serang', releasedOn: '2026-10-10',
    });
    const audit = await ctx.db.selectFrom('audit_log').select(['action', 'entity_type']).where('entity_type', '=', 'enrolment').execute();
    expect(audit).toEqual([{ action: 'create', entity_type: 'enrolment' }]);
  });

  it('takes an enrolled client off the candidates', async () => {
    const made = await programme();
    const c = await client();
    await enrol(made.id, c.referralId);

    const response = await pk.request({ method: 'GET', url: `/api/facilities/${bapas.id}/post-rehab-candidates` });

    expect((response.json() as { items: PostRehabCandidate[] }).items).toEqual([]);
  });

  it('refuses a referral not answered yet, naming the referral, and stores nothing', async () => {
    const made = await programme();
    const c = await client({ status: 'sent' });

    const response = await enrol(made.id, c.referralId);

    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['referralId']);
    expect(response.json()).toMatchObject({ error: { fields: [{ message: 'Rujukan: rujukan ini belum diterima, ditolak atau sudah ditutup' }] } });
    expect(await storedEnrolments()).toBe(0);
  });

  it('refuses a declined referral, naming the referral', async () => {
    const made = await programme();
    const c = await client({ status: 'declined' });

    const response = await enrol(made.id, c.referralId);

    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['referralId']);
    expect(await storedEnrolments()).toBe(0);
  });

  it('refuses an accepted referral whose consent was revoked, naming the referral', async () => {
    const made = await programme();
    const c = await client({ revoked: true });

    const response = await enrol(made.id, c.referralId);

    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      error: { fields: [{ field: 'referralId', message: 'Rujukan: persetujuan klien untuk berbagi informasi dengan Bapas ini tidak berlaku' }] },
    });
    expect(await storedEnrolments()).toBe(0);
  });

  it('refuses a referral addressed to another Bapas as if it did not exist', async () => {
    const made = await programme();
    const c = await client({ toOrganizationId: otherBapas.id });

    const response = await enrol(made.id, c.referralId);

    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { fields: [{ field: 'referralId', message: 'Rujukan: rujukan pascarehabilitasi ke Bapas ini tidak ditemukan' }] } });
  });

  it('refuses a start before the release, naming the start date', async () => {
    const made = await programme();
    const c = await client({ releasedOn: '2026-10-10' });

    const response = await enrol(made.id, c.referralId, '2026-10-01');

    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['startDate']);
  });

  it('refuses a client not released yet', async () => {
    const made = await programme();
    const c = await client({ releasedOn: null });

    const response = await enrol(made.id, c.referralId);

    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['referralId']);
  });

  it('refuses the same client twice in the programme', async () => {
    const made = await programme();
    const c = await client();
    await enrol(made.id, c.referralId);

    const response = await enrol(made.id, c.referralId);

    expect(response.statusCode).toBe(409);
  });

  it('refuses a programme that is not post-rehabilitation', async () => {
    const other = await pk.request({ method: 'POST', url: `/api/facilities/${bapas.id}/programmes`, payload: { ...DEFAULT_PROGRAMMES[0]!, name: 'Edukasi Bapas' } });
    const c = await client();

    const response = await enrol((other.json() as ProgrammeRecord).id, c.referralId);

    expect(response.statusCode).toBe(409);
  });
});

describe('the week and attendance of a Bapas', () => {
  it('schedules the clients into the week with the timetable of every unit', async () => {
    const made = await programme();
    const clients = await groupEnrolled(made.id);
    await readyToSchedule();

    const madeWeek = await week();

    const group = madeWeek.sessions.find((s) => s.sessionCode === 'relapse_prevention');
    expect(group?.staffId).toBe(pkId);
    expect(group?.members.map((m) => m.wbpId).sort()).toEqual(clients.map((c) => c.person.id).sort());
  });

  it('records the attendance of a held session', async () => {
    const made = await programme();
    await groupEnrolled(made.id);
    await readyToSchedule();
    const group = (await week()).sessions.find((s) => s.sessionCode === 'relapse_prevention')!;

    const response = await pk.request({
      method: 'PUT', url: `/api/timetable/sessions/${group.id}/attendance`,
      payload: { entries: group.members.map((m, i) => ({ wbpId: m.wbpId, status: i === 0 ? 'absent' : 'present', ...(i === 0 ? { absenceReason: 'sick' } : {}) })) },
    });

    expect(response.statusCode, response.body).toBe(200);
    const stored = await ctx.db.selectFrom('attendance').select('status').where('session_id', '=', group.id).execute();
    expect(stored.filter((a) => a.status === 'present')).toHaveLength(5);
  });

  it('shows nothing of it to another Bapas', async () => {
    const made = await programme();
    await groupEnrolled(made.id);
    await readyToSchedule();
    const group = (await week()).sessions.find((s) => s.sessionCode === 'relapse_prevention')!;

    const responses = await Promise.all([
      otherPk.request({ method: 'GET', url: `/api/programmes/${made.id}/post-rehab-enrolments` }),
      otherPk.request({ method: 'GET', url: `/api/facilities/${bapas.id}/timetable?week=${WEEK}` }),
      otherPk.request({ method: 'GET', url: `/api/timetable/sessions/${group.id}/attendance` }),
      otherPk.request({ method: 'GET', url: `/api/facilities/${bapas.id}/post-rehab-candidates` }),
    ]);

    expect(responses.map((r) => r.statusCode)).toEqual([404, 404, 404, 404]);
  });
});

describe('revocation and closing', () => {
  it('ends the enrolment when the client revokes consent, and the Bapas no longer sees the client', async () => {
    const made = await programme();
    const c = await client();
    await enrol(made.id, c.referralId);

    const revoked = await clinic.request({ method: 'POST', url: `/api/consents/${c.consentId}/revoke`, payload: { revokedOn: '2026-11-20', reason: 'Tidak bersedia lagi' } });

    expect(revoked.statusCode, revoked.body).toBe(200);
    const row = await ctx.db.selectFrom('enrolments').select(['status', 'ended_on', 'outcome_reason', 'outcome_note']).where('referral_id', '=', c.referralId).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'dropped', ended_on: '2026-11-20', outcome_reason: 'other', outcome_note: 'Persetujuan berbagi informasi dicabut' });
    expect(await enrolments(made.id)).toEqual([]);
  });

  it('leaves a client whose consent was revoked out of the next week', async () => {
    const made = await programme();
    const [gone, ...staying] = await groupEnrolled(made.id, 7);
    await readyToSchedule();
    await clinic.request({ method: 'POST', url: `/api/consents/${gone!.consentId}/revoke`, payload: { revokedOn: '2026-11-20', reason: 'Tidak bersedia lagi' } });

    const madeWeek = await week();

    const group = madeWeek.sessions.find((s) => s.sessionCode === 'relapse_prevention');
    expect(group?.members.map((m) => m.wbpId).sort()).toEqual(staying.map((c) => c.person.id).sort());
  });

  it('ends the enrolment when the Bapas closes the referral, and keeps it as history', async () => {
    const made = await programme();
    const c = await client();
    await enrol(made.id, c.referralId);

    const closed = await pk.request({
      method: 'POST', url: `/api/aftercare/referrals/${c.referralId}/close`, payload: { outcome: 'stable', closedOn: '2026-11-21', note: 'Masa bimbingan selesai' },
    });

    expect(closed.statusCode, closed.body).toBe(200);
    expect(await enrolments(made.id)).toMatchObject([
      { wbpId: c.person.id, status: 'dropped', endedOn: '2026-11-21', outcomeNote: 'Rujukan pascarehabilitasi ditutup: stabil' },
    ]);
  });
});

describe('ending an enrolment', () => {
  async function enrolled(name = 'Rudi Hartono') {
    const made = await programme();
    const c = await client({ fullName: name });
    const response = await enrol(made.id, c.referralId, '2026-11-02');
    expect(response.statusCode, response.body).toBe(201);
    return { programmeId: made.id, client: c, enrolmentId: (response.json() as PostRehabEnrolment).id };
  }

  function end(enrolmentId: string, payload: Record<string, unknown>, session = pk) {
    return session.request({ method: 'POST', url: `/api/post-rehab-enrolments/${enrolmentId}/end`, payload });
  }

  const stored = (id: string) => ctx.db.selectFrom('enrolments').select(['status', 'ended_on', 'outcome_reason', 'outcome_note', 'outcome_by', 'certificate_number'])
    .where('id', '=', id).executeTakeFirstOrThrow();

  it('completes an enrolment without issuing a certificate, and audits it', async () => {
    const { enrolmentId } = await enrolled();

    const response = await end(enrolmentId, { status: 'completed', endedOn: '2026-11-20', note: 'Mengikuti seluruh sesi' });

    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ id: enrolmentId, status: 'completed', endedOn: '2026-11-20', outcomeNote: 'Mengikuti seluruh sesi' });
    expect(await stored(enrolmentId)).toEqual({
      status: 'completed', ended_on: '2026-11-20', outcome_reason: null, outcome_note: 'Mengikuti seluruh sesi', outcome_by: pkId, certificate_number: null,
    });
    const audit = await ctx.db.selectFrom('audit_log').select(['action', 'entity_id']).where('entity_type', '=', 'enrolment').where('action', '=', 'update').execute();
    expect(audit).toEqual([{ action: 'update', entity_id: enrolmentId }]);
  });

  it('drops an enrolment with the reason "other" and the note that says why', async () => {
    const { enrolmentId } = await enrolled();

    const response = await end(enrolmentId, { status: 'dropped', endedOn: '2026-11-18', note: 'Pindah domisili ke luar wilayah Bapas' });

    expect(response.statusCode, response.body).toBe(200);
    expect(await stored(enrolmentId)).toMatchObject({
      status: 'dropped', ended_on: '2026-11-18', outcome_reason: 'other', outcome_note: 'Pindah domisili ke luar wilayah Bapas',
    });
  });

  it('refuses a drop-out without a note, naming the note, and changes nothing', async () => {
    const { enrolmentId } = await enrolled();

    const response = await end(enrolmentId, { status: 'dropped', endedOn: '2026-11-18', note: '  ' });

    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['note']);
    expect((await stored(enrolmentId)).status).toBe('active');
  });

  it('refuses an end before the start, naming the end date', async () => {
    const { enrolmentId } = await enrolled();

    const response = await end(enrolmentId, { status: 'completed', endedOn: '2026-11-01' });

    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      error: { fields: [{ field: 'endedOn', message: 'Tanggal berakhir: tanggal berakhir tidak boleh sebelum tanggal mulai program' }] },
    });
    expect((await stored(enrolmentId)).status).toBe('active');
  });

  it('refuses an end after today in Jakarta, naming the end date', async () => {
    const { enrolmentId } = await enrolled();

    const response = await end(enrolmentId, { status: 'completed', endedOn: '2026-11-23' });

    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['endedOn']);
    expect((await stored(enrolmentId)).status).toBe('active');
  });

  it('refuses to end an enrolment that has already ended', async () => {
    const { enrolmentId } = await enrolled();
    await end(enrolmentId, { status: 'completed', endedOn: '2026-11-20' });

    const response = await end(enrolmentId, { status: 'dropped', endedOn: '2026-11-21', note: 'Tidak hadir lagi' });

    expect(response.statusCode).toBe(409);
    expect((await stored(enrolmentId)).status).toBe('completed');
  });

  it('answers another Bapas as if the enrolment did not exist', async () => {
    const { enrolmentId } = await enrolled();

    const response = await end(enrolmentId, { status: 'completed', endedOn: '2026-11-20' }, otherPk);

    expect(response.statusCode).toBe(404);
    expect((await stored(enrolmentId)).status).toBe('active');
  });

  it('keeps an ended enrolment out of the next week', async () => {
    const made = await programme();
    const [gone, ...staying] = await groupEnrolled(made.id, 7);
    await readyToSchedule();
    const goneEnrolment = (await enrolments(made.id)).find((e) => e.wbpId === gone!.person.id)!;
    expect((await end(goneEnrolment.id, { status: 'dropped', endedOn: '2026-11-20', note: 'Bekerja di luar kota' })).statusCode).toBe(200);

    const madeWeek = await week();

    const group = madeWeek.sessions.find((s) => s.sessionCode === 'relapse_prevention');
    expect(group?.members.map((m) => m.wbpId).sort()).toEqual(staying.map((c) => c.person.id).sort());
  });
});
