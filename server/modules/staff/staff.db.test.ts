import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PeerCounsellorRecord, StaffMember, StaffQualification, TrainingItem, TrainingRecord } from '../../../shared/contracts/staff.ts';
import { type Session, type TestApp, signIn, testApp } from '../../testing/app.ts';
import { makeEnrolment, makeOrganization, makeUser, makeWbp, signAgreement } from '../../testing/factories.ts';

let ctx: TestApp;
// Monday 23 November 2026, 10:00 in Jakarta.
const NOW = new Date('2026-11-23T03:00:00Z');

beforeEach(async () => {
  ctx = await testApp({ now: () => NOW });
});
afterEach(async () => ctx.close());

async function unit() {
  const org = await makeOrganization(ctx.db, { kind: 'rutan' });
  const head = await makeUser(ctx.db, { role: 'head_of_unit', organizationId: org.id });
  const clinician = await makeUser(ctx.db, { role: 'clinic_staff', organizationId: org.id });
  return {
    unitId: org.id, headId: head.id, clinicId: clinician.id,
    head: await signIn(ctx.app, head.username), clinic: await signIn(ctx.app, clinician.username),
  };
}

async function qualify(userId: string, q: { kind?: 'asi_assessor' | 'addiction_counsellor' | 'doctor' | 'psychologist'; issued_on?: string; expires_on: string | null }) {
  await ctx.db.insertInto('staff_qualifications').values({
    user_id: userId, kind: q.kind ?? 'asi_assessor', number: `Q-${Math.random().toString(36).slice(2, 8)}`, issued_on: q.issued_on ?? '2024-01-01', expires_on: q.expires_on,
  }).execute();
}

async function directory(session: Session, unitId: string, query = ''): Promise<StaffMember[]> {
  const response = await session.request({ method: 'GET', url: `/api/facilities/${unitId}/staff${query}` });
  if (response.statusCode !== 200) throw new Error(`staff: ${response.statusCode} ${response.body}`);
  return (response.json() as { items: StaffMember[] }).items;
}

const auditCount = async (entityType: string, action: string) =>
  Number((await ctx.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).where('entity_type', '=', entityType).where('action', '=', action)
    .executeTakeFirstOrThrow()).n);

describe('the staff directory', () => {
  it('lists the unit staff and the staff of partners with an agreement in force, not those of an expired one or another unit', async () => {
    const u = await unit();
    const bnnk = await makeOrganization(ctx.db, { kind: 'bnnk' });
    const oldPartner = await makeOrganization(ctx.db, { kind: 'puskesmas' });
    await signAgreement(ctx.db, { partyIds: [u.unitId, bnnk.id] });
    await signAgreement(ctx.db, { partyIds: [u.unitId, oldPartner.id], validFrom: '2023-01-01', validUntil: '2025-12-31' });
    const assessor = await makeUser(ctx.db, { role: 'assessor', organizationId: bnnk.id });
    const lapsed = await makeUser(ctx.db, { role: 'counsellor', organizationId: oldPartner.id });
    const elsewhere = await makeUser(ctx.db, { role: 'clinic_staff', organizationId: (await makeOrganization(ctx.db, { kind: 'rutan' })).id });

    const ids = (await directory(u.head, u.unitId)).map((m) => m.userId);

    expect(ids).toEqual(expect.arrayContaining([u.headId, u.clinicId, assessor.id]));
    expect(ids).not.toContain(lapsed.id);
    expect(ids).not.toContain(elsewhere.id);
  });

  it('leaves out the staff of another unit that is party to the same agreement, since only partners work in the unit', async () => {
    const u = await unit();
    const bnnk = await makeOrganization(ctx.db, { kind: 'bnnk' });
    const otherRutan = await makeOrganization(ctx.db, { kind: 'rutan' });
    await signAgreement(ctx.db, { partyIds: [u.unitId, otherRutan.id, bnnk.id] });
    const assessor = await makeUser(ctx.db, { role: 'assessor', organizationId: bnnk.id });
    const guard = await makeUser(ctx.db, { role: 'clinic_staff', organizationId: otherRutan.id });

    const ids = (await directory(u.head, u.unitId)).map((m) => m.userId);

    expect(ids).toContain(assessor.id);
    expect(ids).not.toContain(guard.id);
  });

  it('marks partner staff as not the unit own', async () => {
    const u = await unit();
    const bnnk = await makeOrganization(ctx.db, { kind: 'bnnk' });
    await signAgreement(ctx.db, { partyIds: [u.unitId, bnnk.id] });
    const assessor = await makeUser(ctx.db, { role: 'assessor', organizationId: bnnk.id });

    const members = await directory(u.head, u.unitId);

    expect(members.find((m) => m.userId === assessor.id)?.ownStaff).toBe(false);
    expect(members.find((m) => m.userId === u.clinicId)?.ownStaff).toBe(true);
  });

  it('gives each qualification its state today: valid, expiring within 90 days, or expired', async () => {
    const u = await unit();
    await qualify(u.clinicId, { kind: 'asi_assessor', expires_on: '2028-01-01' });
    await qualify(u.clinicId, { kind: 'doctor', expires_on: '2027-01-15' });
    await qualify(u.clinicId, { kind: 'psychologist', expires_on: '2026-11-01' });

    const clinic = (await directory(u.head, u.unitId)).find((m) => m.userId === u.clinicId);

    expect(Object.fromEntries((clinic?.qualifications ?? []).map((q) => [q.kind, q.state]))).toEqual({ asi_assessor: 'valid', doctor: 'expiring', psychologist: 'expired' });
  });

  it('filters by qualification kind and state', async () => {
    const u = await unit();
    await qualify(u.clinicId, { kind: 'asi_assessor', expires_on: '2027-01-15' });
    await qualify(u.headId, { kind: 'asi_assessor', expires_on: '2029-01-01' });

    const expiring = await directory(u.head, u.unitId, '?kind=asi_assessor&state=expiring');

    expect(expiring.map((m) => m.userId)).toEqual([u.clinicId]);
  });

  it('filters by state with the same boundaries as the state shown: expiry day and 90th day expiring, none valid', async () => {
    const u = await unit();
    const member = async (expires_on: string | null) => {
      const user = await makeUser(ctx.db, { role: 'counsellor', organizationId: u.unitId });
      await qualify(user.id, { expires_on });
      return user.id;
    };
    const undated = await member(null);
    const pastAlert = await member('2027-02-22');
    const lastAlertDay = await member('2027-02-21');
    const expiryDay = await member('2026-11-23');
    const dayAfter = await member('2026-11-22');
    const inState = async (state: string) => (await directory(u.head, u.unitId, `?state=${state}&pageSize=100`)).map((m) => m.userId).sort();

    expect(await inState('valid')).toEqual([undated, pastAlert].sort());
    expect(await inState('expiring')).toEqual([lastAlertDay, expiryDay].sort());
    expect(await inState('expired')).toEqual([dayAfter]);
  });

  it('finds staff by a part of the name', async () => {
    const u = await unit();
    await ctx.db.updateTable('users').set({ full_name: 'dr. Ratna Sari' }).where('id', '=', u.clinicId).execute();

    const found = await directory(u.head, u.unitId, '?q=ratna');

    expect(found.map((m) => m.userId)).toEqual([u.clinicId]);
  });

  it('answers not found for a unit the actor does not work in', async () => {
    const u = await unit();
    const other = await makeOrganization(ctx.db, { kind: 'rutan' });

    const response = await u.head.request({ method: 'GET', url: `/api/facilities/${other.id}/staff` });

    expect(response.statusCode).toBe(404);
  });
});

describe('recording a qualification', () => {
  const record = (s: Session, unitId: string, userId: string, payload: Record<string, unknown>) =>
    s.request({ method: 'POST', url: `/api/facilities/${unitId}/staff/${userId}/qualifications`, payload });

  it('lets the head record an addiction counsellor certificate, issued by BNN certification body unless told otherwise', async () => {
    const u = await unit();

    const response = await record(u.head, u.unitId, u.clinicId, { kind: 'addiction_counsellor', certificateNumber: 'KA-0012/2026', issuedOn: '2026-02-01', expiresOn: '2029-02-01' });

    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ kind: 'addiction_counsellor', issuer: 'LSP BNN', state: 'valid' });
  });

  it('writes an audit row with the unit', async () => {
    const u = await unit();

    const response = await record(u.head, u.unitId, u.clinicId, { kind: 'doctor', certificateNumber: 'STR-123', issuedOn: '2025-02-01', expiresOn: '2030-02-01' });

    const row = await ctx.db.selectFrom('audit_log').select(['facility_id', 'entity_id']).where('entity_type', '=', 'qualification').where('action', '=', 'create').executeTakeFirst();
    expect(row).toEqual({ facility_id: u.unitId, entity_id: (response.json() as StaffQualification).id });
  });

  it('keeps an expired certificate listed after its renewal, and the renewal is the current one', async () => {
    const u = await unit();
    await qualify(u.clinicId, { kind: 'asi_assessor', issued_on: '2023-01-01', expires_on: '2026-10-01' });

    await record(u.head, u.unitId, u.clinicId, { kind: 'asi_assessor', certificateNumber: 'ASI-2026-9', issuedOn: '2026-11-01', expiresOn: '2029-11-01' });

    const clinic = (await directory(u.head, u.unitId)).find((m) => m.userId === u.clinicId);
    expect(clinic?.qualifications.map((q) => q.state)).toEqual(['valid', 'expired']);
    expect(await directory(u.head, u.unitId, '?kind=asi_assessor&state=expired')).toEqual([]);
  });

  it('refuses an expiry before the issue date, naming the field, and stores nothing', async () => {
    const u = await unit();

    const response = await record(u.head, u.unitId, u.clinicId, { kind: 'doctor', certificateNumber: 'STR-123', issuedOn: '2025-02-01', expiresOn: '2024-02-01' });

    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { fields: [{ field: 'expiresOn', message: 'Tanggal berakhir: tanggal berakhir harus setelah tanggal terbit' }] } });
    expect(await ctx.db.selectFrom('staff_qualifications').select('id').execute()).toHaveLength(0);
  });

  it('answers not found for an account outside the unit directory', async () => {
    const u = await unit();
    const stranger = await makeUser(ctx.db, { role: 'clinic_staff', organizationId: (await makeOrganization(ctx.db, { kind: 'rutan' })).id });

    const response = await record(u.head, u.unitId, stranger.id, { kind: 'doctor', certificateNumber: 'STR-123', issuedOn: '2025-02-01' });

    expect(response.statusCode).toBe(404);
  });

  it('is refused to clinic staff', async () => {
    const u = await unit();

    const response = await record(u.clinic, u.unitId, u.clinicId, { kind: 'doctor', certificateNumber: 'STR-123', issuedOn: '2025-02-01' });

    expect(response.statusCode).toBe(403);
  });
});

const bimtek = (participants: Record<string, unknown>[], more: Record<string, unknown> = {}) => ({
  title: 'Bimbingan teknis asesmen ASI', kind: 'bimtek', startsOn: '2026-11-02', endsOn: '2026-11-04', hours: 24, organizerName: 'BNNP Banten',
  place: 'Aula Rutan', participants, ...more,
});

describe('trainings', () => {
  const create = (s: Session, unitId: string, payload: Record<string, unknown>) => s.request({ method: 'POST', url: `/api/facilities/${unitId}/trainings`, payload });

  it('records a technical guidance with an account and a participant without one, each with hours and result', async () => {
    const u = await unit();

    const response = await create(u.clinic, u.unitId, bimtek([
      { userId: u.clinicId, hoursAttended: 24, result: 'completed', certificateNumber: 'BT-01' },
      { name: 'dr. Budi (Puskesmas)', position: 'Dokter', hoursAttended: 16, result: 'not_completed' },
    ]));

    expect(response.statusCode, response.body).toBe(201);
    const record = response.json() as TrainingRecord;
    expect(record.participantList.map((p) => [p.name.startsWith('dr. Budi') ? 'named' : p.userId, p.hoursAttended, p.result]))
      .toEqual(expect.arrayContaining([[u.clinicId, 24, 'completed'], ['named', 16, 'not_completed']]));
  });

  it('lists the unit trainings with participants and completions counted', async () => {
    const u = await unit();
    await create(u.clinic, u.unitId, bimtek([{ userId: u.clinicId, hoursAttended: 24, result: 'completed' }, { userId: u.headId, hoursAttended: 8, result: 'not_completed' }]));

    const list = await u.clinic.request({ method: 'GET', url: `/api/facilities/${u.unitId}/trainings` });

    expect((list.json() as { items: TrainingItem[] }).items.map((t) => [t.participants, t.completed])).toEqual([[2, 1]]);
  });

  it('refuses a person held in a technical guidance, naming the participant', async () => {
    const u = await unit();
    const person = await makeWbp(ctx.db, { facility_id: u.unitId });

    const response = await create(u.clinic, u.unitId, bimtek([{ wbpId: person.id, hoursAttended: 24 }]));

    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { fields: [{ field: 'participants.0.wbpId' }] } });
  });

  it('refuses an account of another unit and stores nothing', async () => {
    const u = await unit();
    const stranger = await makeUser(ctx.db, { role: 'clinic_staff', organizationId: (await makeOrganization(ctx.db, { kind: 'rutan' })).id });

    const response = await create(u.clinic, u.unitId, bimtek([{ userId: stranger.id, hoursAttended: 24 }]));

    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { fields: [{ field: 'participants.0.userId' }] } });
    expect(await ctx.db.selectFrom('trainings').select('id').execute()).toHaveLength(0);
  });

  it('answers not found for another unit training, and audits the reading of its own', async () => {
    const u = await unit();
    const v = await unit();
    const made = (await create(v.clinic, v.unitId, bimtek([{ userId: v.clinicId, hoursAttended: 24 }]))).json() as TrainingRecord;
    const mine = (await create(u.clinic, u.unitId, bimtek([{ userId: u.clinicId, hoursAttended: 24 }]))).json() as TrainingRecord;

    expect((await u.clinic.request({ method: 'GET', url: `/api/trainings/${made.id}` })).statusCode).toBe(404);
    expect((await u.clinic.request({ method: 'GET', url: `/api/trainings/${mine.id}` })).statusCode).toBe(200);
    expect(await auditCount('training', 'read')).toBe(1);
  });
});

describe('peer counsellors', () => {
  async function community(u: Awaited<ReturnType<typeof unit>>) {
    const person = await makeWbp(ctx.db, { facility_id: u.unitId, full_name: 'Rudi Hartono' });
    const made = await makeEnrolment(ctx.db, { wbpId: person.id, facilityId: u.unitId, decidedBy: u.headId, kind: 'social', startDate: '2026-09-01' });
    return { wbpId: person.id, programmeId: made.programme.id };
  }

  async function peerTraining(u: Awaited<ReturnType<typeof unit>>, wbpId: string, result: 'completed' | null) {
    const response = await u.clinic.request({
      method: 'POST', url: `/api/facilities/${u.unitId}/trainings`,
      payload: bimtek([{ wbpId, hoursAttended: 20, result }], { kind: 'peer_counsellor', title: 'Pelatihan konselor sebaya', hours: 20 }),
    });
    if (response.statusCode !== 201) throw new Error(response.body);
    return (response.json() as TrainingRecord).participantList[0]!.id;
  }

  const appoint = (s: Session, unitId: string, payload: Record<string, unknown>) => s.request({ method: 'POST', url: `/api/facilities/${unitId}/peer-counsellors`, payload });

  it('appoints a trained person to a static group of the community', async () => {
    const u = await unit();
    const c = await community(u);
    const participation = await peerTraining(u, c.wbpId, 'completed');

    const response = await appoint(u.clinic, u.unitId, {
      wbpId: c.wbpId, trainingParticipantId: participation, startedOn: '2026-11-10', groups: [{ programmeId: c.programmeId, groupLabel: 'Kelompok 2' }],
    });

    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ trainingStatus: 'trained', groups: [{ programmeId: c.programmeId, groupLabel: 'Kelompok 2' }] });
  });

  it('appoints a person still in training, with a group written out', async () => {
    const u = await unit();
    const c = await community(u);

    const response = await appoint(u.clinic, u.unitId, { wbpId: c.wbpId, startedOn: '2026-11-10', groups: [{ description: 'Blok C, kamar 3' }] });

    expect(response.json()).toMatchObject({ trainingStatus: 'in_training', trainingId: null });
  });

  it('refuses a person of another unit, naming the field', async () => {
    const u = await unit();
    const other = await makeWbp(ctx.db, { facility_id: (await makeOrganization(ctx.db, { kind: 'rutan' })).id });

    const response = await appoint(u.clinic, u.unitId, { wbpId: other.id, startedOn: '2026-11-10', groups: [{ description: 'Blok C' }] });

    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { fields: [{ field: 'wbpId' }] } });
  });

  it('refuses a person released from the unit, naming the field', async () => {
    const u = await unit();
    const released = await makeWbp(ctx.db, { facility_id: u.unitId, released_on: '2026-11-05' });

    const response = await appoint(u.clinic, u.unitId, { wbpId: released.id, startedOn: '2026-11-10', groups: [{ description: 'Blok C' }] });

    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { fields: [{ field: 'wbpId', message: 'Warga binaan: orang ini tidak ditahan di unit ini' }] } });
    expect(await ctx.db.selectFrom('peer_counsellors').select('id').where('wbp_id', '=', released.id).execute()).toEqual([]);
  });

  it('refuses a second appointment while the first is active', async () => {
    const u = await unit();
    const c = await community(u);
    await appoint(u.clinic, u.unitId, { wbpId: c.wbpId, startedOn: '2026-11-10', groups: [{ description: 'Blok C' }] });

    const again = await appoint(u.clinic, u.unitId, { wbpId: c.wbpId, startedOn: '2026-11-11', groups: [{ description: 'Blok D' }] });

    expect(again.json()).toMatchObject({ error: { fields: [{ field: 'wbpId', message: expect.stringContaining('konselor sebaya aktif') }] } });
  });

  it('ends a peer counsellor with a reason, and refuses to end it twice', async () => {
    const u = await unit();
    const c = await community(u);
    const made = (await appoint(u.clinic, u.unitId, { wbpId: c.wbpId, startedOn: '2026-11-10', groups: [{ description: 'Blok C' }] })).json() as PeerCounsellorRecord;
    const end = () => u.clinic.request({ method: 'POST', url: `/api/peer-counsellors/${made.id}/end`, payload: { endedOn: '2026-11-20', reason: 'stepped_down' } });

    const first = await end();
    const second = await end();

    expect(first.json()).toMatchObject({ endedOn: '2026-11-20', endReason: 'stepped_down' });
    expect(second.statusCode).toBe(409);
  });

  it('refuses an end before the start, naming the field', async () => {
    const u = await unit();
    const c = await community(u);
    const made = (await appoint(u.clinic, u.unitId, { wbpId: c.wbpId, startedOn: '2026-11-10', groups: [{ description: 'Blok C' }] })).json() as PeerCounsellorRecord;

    const response = await u.clinic.request({ method: 'POST', url: `/api/peer-counsellors/${made.id}/end`, payload: { endedOn: '2026-11-01', reason: 'other' } });

    expect(response.json()).toMatchObject({ error: { fields: [{ field: 'endedOn' }] } });
  });

  it('ends the service in the sending unit when the person is transferred', async () => {
    const u = await unit();
    const c = await community(u);
    const made = (await appoint(u.clinic, u.unitId, { wbpId: c.wbpId, startedOn: '2026-11-10', groups: [{ description: 'Blok C' }] })).json() as PeerCounsellorRecord;
    const destination = await makeOrganization(ctx.db, { kind: 'lapas' });

    const moved = await u.clinic.request({
      method: 'POST', url: `/api/wbp/${c.wbpId}/transfer`, payload: { toFacilityId: destination.id, transferDate: '2026-11-20', reason: 'Kepadatan hunian', version: 1 },
    });

    expect(moved.statusCode, moved.body).toBe(200);
    const row = await ctx.db.selectFrom('peer_counsellors').select(['ended_on', 'end_reason']).where('id', '=', made.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ ended_on: '2026-11-20', end_reason: 'transfer' });
  });

  it('lists active peer counsellors with their groups and audits the reading', async () => {
    const u = await unit();
    const c = await community(u);
    await appoint(u.clinic, u.unitId, { wbpId: c.wbpId, startedOn: '2026-11-10', groups: [{ programmeId: c.programmeId, groupLabel: 'Kelompok 1' }] });

    const list = await u.clinic.request({ method: 'GET', url: `/api/facilities/${u.unitId}/peer-counsellors` });

    expect((list.json() as { items: PeerCounsellorRecord[] }).items.map((p) => [p.fullName, p.groups[0]?.groupLabel])).toEqual([['Rudi Hartono', 'Kelompok 1']]);
    expect(await auditCount('peer_counsellors', 'read')).toBe(1);
  });

  it('is open to a partner counsellor only under an agreement covering peer-counsellor training', async () => {
    const u = await unit();
    const ngo = await makeOrganization(ctx.db, { kind: 'ngo' });
    const bnnk = await makeOrganization(ctx.db, { kind: 'bnnk' });
    await signAgreement(ctx.db, { partyIds: [u.unitId, ngo.id], scopes: ['peer_training'] });
    await signAgreement(ctx.db, { partyIds: [u.unitId, bnnk.id], scopes: ['screening'] });
    const trainer = await signIn(ctx.app, (await makeUser(ctx.db, { role: 'counsellor', organizationId: ngo.id })).username);
    const screener = await signIn(ctx.app, (await makeUser(ctx.db, { role: 'counsellor', organizationId: bnnk.id })).username);

    const url = `/api/facilities/${u.unitId}/peer-counsellors`;

    expect((await trainer.request({ method: 'GET', url })).statusCode).toBe(200);
    expect((await screener.request({ method: 'GET', url })).statusCode).toBe(404);
  });
});
