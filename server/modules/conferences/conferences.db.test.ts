import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConferenceList, ConferenceRecord, OutcomeEnrolment, PersonOutcomes, ReferralRecord } from '../../../shared/contracts/conferences.ts';
import { type Session, type TestApp, signIn, testApp } from '../../testing/app.ts';
import { makeEnrolment, makeOrganization, makeProgramme, makeUser, makeWbp } from '../../testing/factories.ts';
import { readPdf } from '../../testing/pdf.ts';

let ctx: TestApp;
// Sunday 22 November 2026, 10:00 in Jakarta.
const NOW = new Date('2026-11-22T03:00:00Z');
const HELD_ON = '2026-11-20';

interface Unit {
  id: string;
  code: string;
  headId: string;
  clinic: Session;
}

let units = 0;
/** A Rutan under a Kanwil, with its head of unit and a clinic staff member signed in. */
async function makeUnit(options: { head?: boolean } = {}): Promise<Unit> {
  units += 1;
  const kanwil = await makeOrganization(ctx.db, { kind: 'kanwil', name: `Kantor Wilayah Banten ${units}` });
  const code = `RUTAN-SRG${units}`;
  const unit = await makeOrganization(ctx.db, { kind: 'rutan', parent_id: kanwil.id, code, name: `Rutan Kelas IIB Serang ${units}`, city: 'Serang' });
  const head = await makeUser(ctx.db, { role: 'head_of_unit', organizationId: unit.id });
  await ctx.db.updateTable('users').set({ full_name: 'Hendra Saputra', active: options.head ?? true }).where('id', '=', head.id).execute();
  const clinic = await makeUser(ctx.db, { role: 'clinic_staff', organizationId: unit.id });
  return { id: unit.id, code, headId: head.id, clinic: await signIn(ctx.app, clinic.username) };
}

let unit: Unit;

beforeEach(async () => {
  ctx = await testApp({ now: () => NOW });
  unit = await makeUnit();
});
afterEach(async () => ctx.close());

/** A person of the unit in a Therapeutic Community programme since 1 September 2026. */
async function enrolled(options: { programmeId?: string; status?: 'active' | 'waitlisted'; name?: string; within?: Unit } = {}) {
  const where = options.within ?? unit;
  const person = await makeWbp(ctx.db, { facility_id: where.id, ...(options.name ? { full_name: options.name } : {}) });
  const made = await makeEnrolment(ctx.db, {
    wbpId: person.id, facilityId: where.id, decidedBy: where.headId, kind: 'social',
    ...(options.programmeId ? { programmeId: options.programmeId } : {}), ...(options.status ? { status: options.status } : {}),
  });
  return { person, enrolment: made.enrolment, programme: made.programme, decision: made.decision };
}

const enrolmentRow = (id: string) => ctx.db.selectFrom('enrolments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

function conferenceBody(people: Record<string, unknown>[], extra: Record<string, unknown> = {}) {
  return {
    heldOn: HELD_ON,
    title: 'Konferensi kasus November',
    attendees: [{ name: 'dr. Ratna Sari', position: 'Dokter' }],
    people,
    ...extra,
  };
}

function hold(body: Record<string, unknown>, session: Session = unit.clinic, facilityId = unit.id, language = 'id') {
  return session.request({ method: 'POST', url: `/api/facilities/${facilityId}/conferences`, payload: body, headers: { 'accept-language': language } });
}

async function held(body: Record<string, unknown>): Promise<ConferenceRecord> {
  const response = await hold(body);
  if (response.statusCode !== 201) throw new Error(`the conference was refused: ${response.statusCode} ${response.body}`);
  return response.json() as ConferenceRecord;
}

const fieldsOf = (body: string) => ((JSON.parse(body) as { error: { fields?: { field: string }[] } }).error.fields ?? []).map((f) => f.field);

async function auditOf(entityType: string, entityId?: string) {
  let q = ctx.db.selectFrom('audit_log').select(['action', 'entity_id', 'details', 'actor_username']).where('entity_type', '=', entityType).orderBy('id');
  if (entityId) q = q.where('entity_id', '=', entityId);
  return q.execute();
}

const conferenceCount = async () => Number((await ctx.db.selectFrom('case_conferences').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

// --- The decisions of a conference ---------------------------------------------------------------

describe('a case conference', () => {
  it('records the meeting, its attendees and the people discussed', async () => {
    const { person, enrolment } = await enrolled();

    const record = await held(conferenceBody([{ wbpId: person.id, enrolmentId: enrolment.id, discussion: 'Mengikuti semua sesi.', decision: 'continue' }]));

    expect(record).toMatchObject({ heldOn: HELD_ON, title: 'Konferensi kasus November', facilityId: unit.id });
    expect(record.people).toEqual([expect.objectContaining({ wbpId: person.id, decision: 'continue', discussion: 'Mengikuti semua sesi.' })]);
    const stored = await ctx.db.selectFrom('case_conference_attendees').select(['name', 'position']).where('conference_id', '=', record.id).execute();
    expect(stored).toEqual([{ name: 'dr. Ratna Sari', position: 'Dokter' }]);
  });

  it('leaves the enrolment as it was when the team decides to continue', async () => {
    const { person, enrolment } = await enrolled();

    const record = await held(conferenceBody([{ wbpId: person.id, enrolmentId: enrolment.id, discussion: 'Stabil.', decision: 'continue' }]));

    expect((await enrolmentRow(enrolment.id)).status).toBe('active');
    expect(record.people[0]!.effect).toMatchObject({ enrolmentStatus: 'active', certificateNumber: null, newEnrolment: null, referral: null });
  });

  it('completes the enrolment on the conference date with the unit\'s next certificate number', async () => {
    const { person, enrolment } = await enrolled();

    const record = await held(conferenceBody([{ wbpId: person.id, enrolmentId: enrolment.id, discussion: 'Tujuan tercapai.', decision: 'complete', detail: { note: 'Lulus TC.' } }]));

    const row = await enrolmentRow(enrolment.id);
    expect(row).toMatchObject({ status: 'completed', ended_on: HELD_ON, outcome_note: 'Lulus TC.', certificate_number: `${unit.code}/REH/2026/0001` });
    expect(record.people[0]!.effect).toMatchObject({ enrolmentStatus: 'completed', endedOn: HELD_ON, certificateNumber: `${unit.code}/REH/2026/0001` });
  });

  it('drops the person out with the reason and note, on the conference date', async () => {
    const { person, enrolment } = await enrolled();

    await held(conferenceBody([{
      wbpId: person.id, enrolmentId: enrolment.id, discussion: 'Berulang kali melanggar aturan.', decision: 'drop_out',
      detail: { reason: 'rule_violation', note: 'Tiga pelanggaran dalam sebulan.' },
    }]));

    expect(await enrolmentRow(enrolment.id)).toMatchObject({
      status: 'dropped', ended_on: HELD_ON, outcome_reason: 'rule_violation', outcome_note: 'Tiga pelanggaran dalam sebulan.', certificate_number: null,
    });
  });

  it('moves the person to another programme of the unit, active from the conference date when it has a free place', async () => {
    const { person, enrolment, decision } = await enrolled();
    const medical = await makeProgramme(ctx.db, unit.id, 'medical');

    const record = await held(conferenceBody([{
      wbpId: person.id, enrolmentId: enrolment.id, discussion: 'Lebih cocok rawat jalan.', decision: 'change_programme', detail: { programmeId: medical.id },
    }]));

    expect(await enrolmentRow(enrolment.id)).toMatchObject({ status: 'changed', ended_on: HELD_ON });
    const moved = await ctx.db.selectFrom('enrolments').selectAll().where('wbp_id', '=', person.id).where('programme_id', '=', medical.id).executeTakeFirstOrThrow();
    // 26 weeks of medical rehabilitation from 20 November 2026.
    expect(moved).toMatchObject({ status: 'active', start_date: HELD_ON, expected_end_date: '2027-05-21', decision_id: decision.id });
    expect(record.people[0]!.effect.newEnrolment).toMatchObject({ id: moved.id, programmeName: medical.name, status: 'active' });
  });

  it('puts the person on the new programme\'s waitlist when it is full', async () => {
    const { person, enrolment } = await enrolled();
    const medical = await makeProgramme(ctx.db, unit.id, 'medical');
    await ctx.db.updateTable('programmes').set({ capacity: 1 }).where('id', '=', medical.id).execute();
    await enrolled({ programmeId: medical.id });

    await held(conferenceBody([{ wbpId: person.id, enrolmentId: enrolment.id, discussion: 'Pindah.', decision: 'change_programme', detail: { programmeId: medical.id } }]));

    const moved = await ctx.db.selectFrom('enrolments').selectAll().where('wbp_id', '=', person.id).where('programme_id', '=', medical.id).executeTakeFirstOrThrow();
    expect(moved).toMatchObject({ status: 'waitlisted', start_date: null, expected_end_date: null });
  });

  it('counts the places taken by earlier decisions of the same conference', async () => {
    const medical = await makeProgramme(ctx.db, unit.id, 'medical');
    await ctx.db.updateTable('programmes').set({ capacity: 1 }).where('id', '=', medical.id).execute();
    const first = await enrolled({ name: 'Adi Pertama' });
    const second = await enrolled({ name: 'Budi Kedua' });

    await held(conferenceBody([first, second].map((p) => ({
      wbpId: p.person.id, enrolmentId: p.enrolment.id, discussion: 'Pindah.', decision: 'change_programme', detail: { programmeId: medical.id },
    }))));

    const rows = await ctx.db.selectFrom('enrolments').select(['wbp_id', 'status']).where('programme_id', '=', medical.id).execute();
    expect(new Map(rows.map((r) => [r.wbp_id, r.status]))).toEqual(new Map([[first.person.id, 'active'], [second.person.id, 'waitlisted']]));
  });

  it('refers the person, dated the day of the conference', async () => {
    const { person } = await enrolled();
    const bnnk = await makeOrganization(ctx.db, { kind: 'bnnk', name: 'BNNK Serang' });

    const record = await held(conferenceBody([{
      wbpId: person.id, discussion: 'Gejala psikotik.', decision: 'refer', detail: { toOrganizationId: bnnk.id, reason: 'Evaluasi psikiatri' },
    }]));

    const referral = await ctx.db.selectFrom('referrals').selectAll().where('wbp_id', '=', person.id).executeTakeFirstOrThrow();
    expect(referral).toMatchObject({
      kind: 'clinical', to_organization_id: bnnk.id, to_name: 'BNNK Serang', reason: 'Evaluasi psikiatri', referred_on: HELD_ON, conference_id: record.id,
    });
  });

  it('numbers the certificates of a conference one after the other', async () => {
    const a = await enrolled({ name: 'Adi' });
    const b = await enrolled({ name: 'Budi' });

    await held(conferenceBody([a, b].map((p) => ({ wbpId: p.person.id, enrolmentId: p.enrolment.id, discussion: 'Selesai.', decision: 'complete' }))));

    const numbers = [(await enrolmentRow(a.enrolment.id)).certificate_number, (await enrolmentRow(b.enrolment.id)).certificate_number];
    expect(numbers).toEqual([`${unit.code}/REH/2026/0001`, `${unit.code}/REH/2026/0002`]);
  });

  it('numbers the certificates of conferences held at the same time in one unit uniquely and in sequence', async () => {
    const people: Awaited<ReturnType<typeof enrolled>>[] = [];
    for (const name of ['Adi', 'Budi', 'Citra', 'Dewi']) people.push(await enrolled({ name }));

    const responses = await Promise.all(people.map((p) => hold(conferenceBody([
      { wbpId: p.person.id, enrolmentId: p.enrolment.id, discussion: 'Selesai.', decision: 'complete' },
    ]))));

    expect(responses.map((r) => r.statusCode)).toEqual([201, 201, 201, 201]);
    const numbers = await Promise.all(people.map(async (p) => (await enrolmentRow(p.enrolment.id)).certificate_number));
    expect(numbers.sort()).toEqual([1, 2, 3, 4].map((n) => `${unit.code}/REH/2026/000${n}`));
  });

  it('saves conferences held at the same time that discuss the same people in another order', async () => {
    const people: Awaited<ReturnType<typeof enrolled>>[] = [];
    for (const name of ['Adi', 'Budi', 'Citra']) people.push(await enrolled({ name }));
    const discussed = (order: typeof people) => conferenceBody(order.map((p) => ({ wbpId: p.person.id, enrolmentId: p.enrolment.id, discussion: 'Lanjut.', decision: 'continue' })));

    const responses = await Promise.all([hold(discussed(people)), hold(discussed([...people].reverse())), hold(discussed(people)), hold(discussed([...people].reverse()))]);

    expect(responses.map((r) => r.statusCode)).toEqual([201, 201, 201, 201]);
  });

  it('stores nothing at all when one decision does not hold', async () => {
    const completing = await enrolled({ name: 'Adi' });
    const moving = await enrolled({ name: 'Budi' });
    const elsewhere = await makeUnit();
    const foreign = await makeProgramme(ctx.db, elsewhere.id, 'medical');

    const response = await hold(conferenceBody([
      { wbpId: completing.person.id, enrolmentId: completing.enrolment.id, discussion: 'Selesai.', decision: 'complete' },
      { wbpId: moving.person.id, enrolmentId: moving.enrolment.id, discussion: 'Pindah.', decision: 'change_programme', detail: { programmeId: foreign.id } },
    ]));

    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['people.1.detail.programmeId']);
    expect(await conferenceCount()).toBe(0);
    expect(await enrolmentRow(completing.enrolment.id)).toMatchObject({ status: 'active', certificate_number: null });
    expect(await auditOf('case_conference')).toEqual([]);
  });

  it('keeps an earlier completion undone when a later referral names an unknown organisation', async () => {
    const completing = await enrolled({ name: 'Adi' });
    const referring = await enrolled({ name: 'Budi' });

    const response = await hold(conferenceBody([
      { wbpId: completing.person.id, enrolmentId: completing.enrolment.id, discussion: 'Selesai.', decision: 'complete' },
      { wbpId: referring.person.id, discussion: 'Rujuk.', decision: 'refer', detail: { toOrganizationId: '00000000-0000-4000-8000-000000000000', reason: 'Evaluasi' } },
    ]));

    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['people.1.detail.toOrganizationId']);
    expect(await enrolmentRow(completing.enrolment.id)).toMatchObject({ status: 'active', certificate_number: null });
    expect(await ctx.db.selectFrom('referrals').selectAll().execute()).toEqual([]);
  });

  it('names the missing programme of a change of programme', async () => {
    const { person, enrolment } = await enrolled();

    const response = await hold(conferenceBody([{ wbpId: person.id, enrolmentId: enrolment.id, discussion: 'Pindah.', decision: 'change_programme', detail: {} }]));

    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { fields: [{ field: 'people.0.detail.programmeId', message: expect.stringContaining('pilih program tujuan') }] } });
  });

  it('asks which enrolment a completion ends', async () => {
    const { person } = await enrolled();

    const response = await hold(conferenceBody([{ wbpId: person.id, discussion: 'Selesai.', decision: 'complete' }]));

    expect(fieldsOf(response.body)).toEqual(['people.0.enrolmentId']);
  });

  it('needs a note for a drop-out for another reason, in the user\'s language', async () => {
    const { person, enrolment } = await enrolled();

    const response = await hold(
      conferenceBody([{ wbpId: person.id, enrolmentId: enrolment.id, discussion: 'Berhenti.', decision: 'drop_out', detail: { reason: 'other' } }]),
      unit.clinic, unit.id, 'en',
    );

    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { fields: [{ field: 'people.0.detail.note', message: expect.stringContaining('write a note for the reason "other"') }] } });
  });

  it('refuses a drop-out reason that is not in the list', async () => {
    const { person, enrolment } = await enrolled();

    const response = await hold(conferenceBody([{ wbpId: person.id, enrolmentId: enrolment.id, discussion: 'Berhenti.', decision: 'drop_out', detail: { reason: 'bosan' } }]));

    expect(fieldsOf(response.body)).toEqual(['people.0.detail.reason']);
  });

  it('lists a person once only', async () => {
    const { person, enrolment } = await enrolled();
    const entry = { wbpId: person.id, enrolmentId: enrolment.id, discussion: 'Stabil.', decision: 'continue' };

    const response = await hold(conferenceBody([entry, entry]));

    expect(fieldsOf(response.body)).toEqual(['people.1.wbpId']);
  });

  it('cannot be dated after today', async () => {
    const { person } = await enrolled();

    const response = await hold(conferenceBody([{ wbpId: person.id, discussion: 'Stabil.', decision: 'continue' }], { heldOn: '2026-11-23' }));

    expect(fieldsOf(response.body)).toEqual(['heldOn']);
  });

  it('cannot complete an enrolment that is not active', async () => {
    const { person, enrolment } = await enrolled({ status: 'waitlisted' });

    const response = await hold(conferenceBody([{ wbpId: person.id, enrolmentId: enrolment.id, discussion: 'Selesai.', decision: 'complete' }]));

    expect(fieldsOf(response.body)).toEqual(['people.0.enrolmentId']);
  });

  it('cannot end an enrolment before it started', async () => {
    const { person, enrolment } = await enrolled();
    await ctx.db.updateTable('enrolments').set({ start_date: '2026-11-21' }).where('id', '=', enrolment.id).execute();

    const response = await hold(conferenceBody([{ wbpId: person.id, enrolmentId: enrolment.id, discussion: 'Selesai.', decision: 'complete' }]));

    expect(fieldsOf(response.body)).toEqual(['people.0.enrolmentId']);
  });

  it('refuses an enrolment of someone else', async () => {
    const { person } = await enrolled({ name: 'Adi' });
    const other = await enrolled({ name: 'Budi' });

    const response = await hold(conferenceBody([{ wbpId: person.id, enrolmentId: other.enrolment.id, discussion: 'Selesai.', decision: 'complete' }]));

    expect(fieldsOf(response.body)).toEqual(['people.0.enrolmentId']);
    expect((await enrolmentRow(other.enrolment.id)).status).toBe('active');
  });

  it('discusses only people held in the unit', async () => {
    const elsewhere = await makeUnit();
    const { person } = await enrolled({ within: elsewhere });

    const response = await hold(conferenceBody([{ wbpId: person.id, discussion: 'Stabil.', decision: 'continue' }]));

    expect(fieldsOf(response.body)).toEqual(['people.0.wbpId']);
  });

  it('is not found in a unit the user does not work in', async () => {
    const elsewhere = await makeUnit();
    const { person } = await enrolled({ within: elsewhere });

    const response = await hold(conferenceBody([{ wbpId: person.id, discussion: 'Stabil.', decision: 'continue' }]), unit.clinic, elsewhere.id);

    expect(response.statusCode).toBe(404);
  });

  it('writes the conference and each change it made to the audit log', async () => {
    const { person, enrolment } = await enrolled();

    const record = await held(conferenceBody([{ wbpId: person.id, enrolmentId: enrolment.id, discussion: 'Selesai.', decision: 'complete' }]));

    expect(await auditOf('case_conference', record.id)).toEqual([expect.objectContaining({ action: 'create' })]);
    expect(await auditOf('enrolment', enrolment.id)).toEqual([
      expect.objectContaining({ action: 'update', details: expect.objectContaining({ before: 'active', after: 'completed', conferenceId: record.id }) }),
    ]);
  });
});

// --- Reading conferences -------------------------------------------------------------------------

describe('the conferences of a unit', () => {
  it('are listed newest first, a page at a time, with their counts', async () => {
    const { person, enrolment } = await enrolled();
    await held(conferenceBody([{ wbpId: person.id, discussion: 'Stabil.', decision: 'continue' }], { heldOn: '2026-10-01', title: 'Konferensi Oktober' }));
    await held(conferenceBody([{ wbpId: person.id, enrolmentId: enrolment.id, discussion: 'Selesai.', decision: 'complete' }], { title: 'Konferensi November' }));
    await held(conferenceBody([{ wbpId: person.id, discussion: 'Stabil.', decision: 'continue' }], { heldOn: '2026-09-01', title: 'Konferensi September' }));

    const response = await unit.clinic.request({ method: 'GET', url: `/api/facilities/${unit.id}/conferences?pageSize=2` });

    const list = response.json() as ConferenceList;
    expect(list.total).toBe(3);
    expect(list.items.map((c) => c.title)).toEqual(['Konferensi November', 'Konferensi Oktober']);
    expect(list.items[0]).toMatchObject({ attendeeCount: 1, peopleCount: 1, decisions: { complete: 1, continue: 0 } });
  });
});

describe('a conference\'s minutes', () => {
  async function incident(wbpId: string, occurredOn: string, description: string, userId: string) {
    await ctx.db.insertInto('incidents').values({ wbp_id: wbpId, facility_id: unit.id, occurred_on: occurredOn, kind: 'drug_use', description, reported_by: userId }).execute();
  }
  async function urine(wbpId: string, plannedOn: string, outcome: 'positive' | 'negative', userId: string) {
    await ctx.db.insertInto('urine_tests').values({
      wbp_id: wbpId, facility_id: unit.id, reason: 'random', planned_on: plannedOn, status: 'resulted', outcome,
      results: JSON.stringify({ amphetamines: outcome }), created_by: userId,
    }).execute();
  }

  it('group the attendees by agency, listed or written out', async () => {
    const { person } = await enrolled();
    const bnnk = await makeOrganization(ctx.db, { kind: 'bnnk', name: 'BNNK Serang' });
    const record = await held(conferenceBody([{ wbpId: person.id, discussion: 'Stabil.', decision: 'continue' }], {
      attendees: [
        { name: 'Sari Asesor', position: 'Asesor', organizationId: bnnk.id },
        { name: 'Andi Konselor', position: 'Konselor', organizationId: bnnk.id },
        { name: 'Maya', position: 'Psikolog', agency: 'Yayasan Rumah Cemara' },
        { name: 'Tono', position: 'Wali' },
      ],
    }));

    const minutes = (await unit.clinic.request({ method: 'GET', url: `/api/conferences/${record.id}` })).json() as ConferenceRecord;

    expect(minutes.agencies).toEqual([
      { organizationId: bnnk.id, name: 'BNNK Serang', kind: 'bnnk', attendees: [
        expect.objectContaining({ name: 'Andi Konselor', position: 'Konselor' }), expect.objectContaining({ name: 'Sari Asesor', position: 'Asesor' }),
      ] },
      { organizationId: null, name: 'Yayasan Rumah Cemara', kind: null, attendees: [expect.objectContaining({ name: 'Maya', position: 'Psikolog' })] },
      { organizationId: null, name: null, kind: null, attendees: [expect.objectContaining({ name: 'Tono', position: 'Wali' })] },
    ]);
  });

  it('show each person\'s incidents and urine results of the 90 days before the conference', async () => {
    const { person } = await enrolled();
    await incident(person.id, '2026-11-01', 'Kedapatan memakai', unit.headId);
    await incident(person.id, '2026-08-01', 'Terlalu lama', unit.headId);
    await urine(person.id, '2026-10-15', 'positive', unit.headId);
    await urine(person.id, '2026-08-10', 'negative', unit.headId);
    const record = await held(conferenceBody([{ wbpId: person.id, discussion: 'Kambuh.', decision: 'continue' }]));
    await incident(person.id, '2026-11-21', 'Sesudah konferensi', unit.headId);

    const minutes = (await unit.clinic.request({ method: 'GET', url: `/api/conferences/${record.id}` })).json() as ConferenceRecord;

    expect(minutes.lookbackFrom).toBe('2026-08-22');
    expect(minutes.people[0]!.incidents.map((i) => i.description)).toEqual(['Kedapatan memakai']);
    expect(minutes.people[0]!.urineTests).toEqual([expect.objectContaining({ plannedOn: '2026-10-15', outcome: 'positive', results: { amphetamines: 'positive' } })]);
  });

  it('are audited when read', async () => {
    const { person } = await enrolled();
    const record = await held(conferenceBody([{ wbpId: person.id, discussion: 'Stabil.', decision: 'continue' }]));

    await unit.clinic.request({ method: 'GET', url: `/api/conferences/${record.id}` });

    expect(await auditOf('case_conference', record.id)).toEqual([
      expect.objectContaining({ action: 'create' }), expect.objectContaining({ action: 'read', details: { people: [person.id] } }),
    ]);
  });

  it('are not found by a unit that did not hold the conference', async () => {
    const { person } = await enrolled();
    const record = await held(conferenceBody([{ wbpId: person.id, discussion: 'Stabil.', decision: 'continue' }]));
    const elsewhere = await makeUnit();

    const response = await elsewhere.clinic.request({ method: 'GET', url: `/api/conferences/${record.id}` });

    expect(response.statusCode).toBe(404);
  });
});

// --- Outcomes ------------------------------------------------------------------------------------

function completeEnrolment(id: string, body: Record<string, unknown> = { endedOn: HELD_ON }, session: Session = unit.clinic) {
  return session.request({ method: 'POST', url: `/api/enrolments/${id}/complete`, payload: body });
}

describe('completing a programme', () => {
  it('ends the enrolment as completed with a certificate number', async () => {
    const { enrolment } = await enrolled();

    const response = await completeEnrolment(enrolment.id, { endedOn: HELD_ON, note: 'Tuntas.' });

    expect(response.statusCode).toBe(200);
    expect(response.json() as OutcomeEnrolment).toMatchObject({
      status: 'completed', endedOn: HELD_ON, outcomeNote: 'Tuntas.', certificateNumber: `${unit.code}/REH/2026/0001`, outcomeBy: expect.any(String),
    });
  });

  it('numbers certificates per unit and year, each unique', async () => {
    const first = await enrolled();
    const second = await enrolled();
    const lastYear = await enrolled();
    await ctx.db.updateTable('enrolments').set({ start_date: '2025-06-01' }).where('id', '=', lastYear.enrolment.id).execute();
    const elsewhere = await makeUnit();
    const other = await enrolled({ within: elsewhere });

    await completeEnrolment(first.enrolment.id);
    await completeEnrolment(lastYear.enrolment.id, { endedOn: '2025-12-20' });
    await completeEnrolment(second.enrolment.id);
    await completeEnrolment(other.enrolment.id, { endedOn: HELD_ON }, elsewhere.clinic);

    const numbers = await Promise.all([first, second, lastYear, other].map(async (e) => (await enrolmentRow(e.enrolment.id)).certificate_number));
    expect(numbers).toEqual([
      `${unit.code}/REH/2026/0001`, `${unit.code}/REH/2026/0002`, `${unit.code}/REH/2025/0001`, `${elsewhere.code}/REH/2026/0001`,
    ]);
  });

  it('is refused for an enrolment that is not active', async () => {
    const { enrolment } = await enrolled();
    await completeEnrolment(enrolment.id);

    const response = await completeEnrolment(enrolment.id);

    expect(response.statusCode).toBe(409);
    expect((await enrolmentRow(enrolment.id)).certificate_number).toBe(`${unit.code}/REH/2026/0001`);
  });

  it('cannot be dated in the future', async () => {
    const { enrolment } = await enrolled();

    const response = await completeEnrolment(enrolment.id, { endedOn: '2026-11-23' });

    expect(fieldsOf(response.body)).toEqual(['endedOn']);
  });

  it('cannot be dated before the start', async () => {
    const { enrolment } = await enrolled();

    const response = await completeEnrolment(enrolment.id, { endedOn: '2026-08-31' });

    expect(response.json()).toMatchObject({ error: { fields: [{ field: 'endedOn', message: expect.stringContaining('sebelum program dimulai') }] } });
  });

  it('is for those who record outcomes', async () => {
    const { enrolment } = await enrolled();
    const counsellor = await makeUser(ctx.db, { role: 'counsellor', organizationId: unit.id });

    const response = await completeEnrolment(enrolment.id, { endedOn: HELD_ON }, await signIn(ctx.app, counsellor.username));

    expect(response.statusCode).toBe(403);
  });

  it('is not found for a person of another unit', async () => {
    const elsewhere = await makeUnit();
    const { enrolment } = await enrolled({ within: elsewhere });

    const response = await completeEnrolment(enrolment.id);

    expect(response.statusCode).toBe(404);
    expect((await enrolmentRow(enrolment.id)).status).toBe('active');
  });

  it('is audited with the certificate number', async () => {
    const { enrolment } = await enrolled();

    await completeEnrolment(enrolment.id);

    expect(await auditOf('enrolment', enrolment.id)).toEqual([
      expect.objectContaining({ action: 'update', details: expect.objectContaining({ after: 'completed', certificateNumber: `${unit.code}/REH/2026/0001` }) }),
    ]);
  });
});

describe('a drop-out', () => {
  const dropOut = (id: string, body: Record<string, unknown>) => unit.clinic.request({ method: 'POST', url: `/api/enrolments/${id}/drop-out`, payload: body });

  it('ends an active enrolment with the reason', async () => {
    const { enrolment } = await enrolled();

    const response = await dropOut(enrolment.id, { endedOn: HELD_ON, reason: 'health', note: 'Dirujuk ke RSUD.' });

    expect(response.json()).toMatchObject({ status: 'dropped', endedOn: HELD_ON, outcomeReason: 'health', outcomeNote: 'Dirujuk ke RSUD.', certificateNumber: null });
  });

  it('takes a person off a waitlist', async () => {
    const { enrolment } = await enrolled({ status: 'waitlisted' });

    const response = await dropOut(enrolment.id, { endedOn: HELD_ON, reason: 'release' });

    expect(response.statusCode).toBe(200);
    expect((await enrolmentRow(enrolment.id)).status).toBe('dropped');
  });

  it('needs a note for the reason "other"', async () => {
    const { enrolment } = await enrolled();

    const response = await dropOut(enrolment.id, { endedOn: HELD_ON, reason: 'other' });

    expect(fieldsOf(response.body)).toEqual(['note']);
  });

  it('cannot end a completed enrolment', async () => {
    const { enrolment } = await enrolled();
    await completeEnrolment(enrolment.id);

    const response = await dropOut(enrolment.id, { endedOn: HELD_ON, reason: 'voluntary' });

    expect(response.statusCode).toBe(409);
  });
});

describe('the completion certificate', () => {
  const certificate = (id: string, session: Session = unit.clinic) => session.request({ method: 'GET', url: `/api/enrolments/${id}/certificate.pdf` });

  it('says in Bahasa Indonesia who completed which programme, where and when, signed by the head of unit', async () => {
    const { person, enrolment, programme } = await enrolled({ name: 'Joko Wibowo' });
    await completeEnrolment(enrolment.id);

    const response = await certificate(enrolment.id);

    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toContain('attachment; filename="sertifikat-');
    const pdf = await readPdf(response.rawPayload);
    expect(pdf.pages).toBe(1);
    expect(pdf.text).toContain('KANTOR WILAYAH BANTEN');
    expect(pdf.text).toContain('RUTAN KELAS IIB SERANG');
    expect(pdf.text).toContain('SERTIFIKAT');
    expect(pdf.text).toContain(`Nomor: ${unit.code}/REH/2026/0001`);
    expect(pdf.text).toContain('Diberikan kepada Joko Wibowo');
    expect(pdf.text).toContain(person.sdp_number);
    expect(pdf.text).toContain(`telah menyelesaikan program ${programme.name}`);
    expect(pdf.text).toContain('sejak 1 September 2026 sampai dengan 20 November 2026');
    expect(pdf.text).toContain('Serang, 20 November 2026');
    expect(pdf.text).toContain('Hendra Saputra');
  });

  it('leaves the name line blank when the unit has no head of unit account', async () => {
    const headless = await makeUnit({ head: false });
    const { enrolment } = await enrolled({ within: headless });
    await completeEnrolment(enrolment.id, { endedOn: HELD_ON }, headless.clinic);

    const pdf = await readPdf((await certificate(enrolment.id, headless.clinic)).rawPayload);

    expect(pdf.text).not.toContain('Hendra Saputra');
    expect(pdf.text).toContain('(....');
  });

  it('exists only for a completed programme', async () => {
    const { enrolment } = await enrolled();

    const response = await certificate(enrolment.id);

    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ error: { message: 'Sertifikat hanya tersedia untuk program yang telah diselesaikan.' } });
  });

  it('is not found for a person of another unit', async () => {
    const elsewhere = await makeUnit();
    const { enrolment } = await enrolled({ within: elsewhere });
    await completeEnrolment(enrolment.id, { endedOn: HELD_ON }, elsewhere.clinic);

    expect((await certificate(enrolment.id)).statusCode).toBe(404);
  });

  it('is audited when downloaded', async () => {
    const { enrolment } = await enrolled();
    await completeEnrolment(enrolment.id);

    await certificate(enrolment.id);

    expect(await auditOf('certificate', enrolment.id)).toEqual([
      expect.objectContaining({ action: 'read', details: { certificateNumber: `${unit.code}/REH/2026/0001` } }),
    ]);
  });
});

describe('a person\'s outcomes', () => {
  it('list the enrolments with their outcome and the referrals', async () => {
    const { person, enrolment, programme } = await enrolled();
    await completeEnrolment(enrolment.id);
    await unit.clinic.request({ method: 'POST', url: `/api/wbp/${person.id}/referrals`, payload: { toName: 'RSUD Serang', reason: 'Kontrol TB', referredOn: HELD_ON } });

    const response = await unit.clinic.request({ method: 'GET', url: `/api/wbp/${person.id}/outcomes` });

    const outcomes = response.json() as PersonOutcomes;
    expect(outcomes.enrolments).toEqual([expect.objectContaining({
      id: enrolment.id, programmeName: programme.name, status: 'completed', startDate: '2026-09-01', endedOn: HELD_ON, certificateNumber: `${unit.code}/REH/2026/0001`,
    })]);
    expect(outcomes.referrals).toEqual([expect.objectContaining({ toName: 'RSUD Serang', reason: 'Kontrol TB', referredOn: HELD_ON, conferenceId: null })]);
  });

  it('are audited when read', async () => {
    const { person } = await enrolled();

    await unit.clinic.request({ method: 'GET', url: `/api/wbp/${person.id}/outcomes` });

    expect(await auditOf('outcomes', person.id)).toEqual([expect.objectContaining({ action: 'read' })]);
  });

  it('are not found for a person of another unit', async () => {
    const elsewhere = await makeUnit();
    const { person } = await enrolled({ within: elsewhere });

    expect((await unit.clinic.request({ method: 'GET', url: `/api/wbp/${person.id}/outcomes` })).statusCode).toBe(404);
  });
});

// --- After a transfer ----------------------------------------------------------------------------

describe('an enrolment of the unit a person was transferred from', () => {
  /** A person in a programme of another unit, held in this unit since: the enrolment stays the other unit's. */
  async function transferredIn() {
    const elsewhere = await makeUnit();
    const made = await enrolled({ within: elsewhere });
    await ctx.db.updateTable('wbp').set({ facility_id: unit.id }).where('id', '=', made.person.id).execute();
    return made;
  }

  it('is not completed by the receiving unit: 404, and it stays active without a certificate', async () => {
    const { enrolment } = await transferredIn();

    const response = await completeEnrolment(enrolment.id);

    expect(response.statusCode).toBe(404);
    expect(await enrolmentRow(enrolment.id)).toMatchObject({ status: 'active', certificate_number: null });
  });

  it('is not dropped out by the receiving unit: 404, and it stays active', async () => {
    const { enrolment } = await transferredIn();

    const response = await unit.clinic.request({ method: 'POST', url: `/api/enrolments/${enrolment.id}/drop-out`, payload: { endedOn: HELD_ON, reason: 'transfer' } });

    expect(response.statusCode).toBe(404);
    expect((await enrolmentRow(enrolment.id)).status).toBe('active');
  });

  it('is not decided on in a conference of the receiving unit, which names the enrolment and stores nothing', async () => {
    const { person, enrolment } = await transferredIn();

    const response = await hold(conferenceBody([{ wbpId: person.id, enrolmentId: enrolment.id, discussion: 'Selesai.', decision: 'complete' }]));

    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['people.0.enrolmentId']);
    expect(await conferenceCount()).toBe(0);
    expect((await enrolmentRow(enrolment.id)).status).toBe('active');
  });

  it('is still read among the person\'s outcomes in the receiving unit', async () => {
    const { person, enrolment } = await transferredIn();

    const response = await unit.clinic.request({ method: 'GET', url: `/api/wbp/${person.id}/outcomes` });

    expect((response.json() as PersonOutcomes).enrolments.map((e) => [e.id, e.status])).toEqual([[enrolment.id, 'active']]);
  });
});

describe('a referral', () => {
  const refer = (wbpId: string, body: Record<string, unknown>) => unit.clinic.request({ method: 'POST', url: `/api/wbp/${wbpId}/referrals`, payload: body });

  it('is recorded with the organisation\'s name when only the organisation is chosen', async () => {
    const { person } = await enrolled();
    const rsud = await makeOrganization(ctx.db, { kind: 'rsud', name: 'RSUD dr. Dradjat Prawiranegara' });

    const response = await refer(person.id, { toOrganizationId: rsud.id, reason: 'Pemeriksaan hepatitis', referredOn: HELD_ON });

    expect(response.statusCode).toBe(201);
    expect(response.json() as ReferralRecord).toMatchObject({ kind: 'clinical', toOrganizationId: rsud.id, toName: 'RSUD dr. Dradjat Prawiranegara' });
    expect(await auditOf('referral', (response.json() as ReferralRecord).id)).toEqual([expect.objectContaining({ action: 'create' })]);
  });

  it('needs somewhere to refer to', async () => {
    const { person } = await enrolled();

    const response = await refer(person.id, { reason: 'Pemeriksaan hepatitis', referredOn: HELD_ON });

    expect(fieldsOf(response.body)).toEqual(['toName']);
  });

  it('cannot be dated in the future', async () => {
    const { person } = await enrolled();

    const response = await refer(person.id, { toName: 'Puskesmas Serang', reason: 'Kontrol', referredOn: '2026-12-01' });

    expect(fieldsOf(response.body)).toEqual(['referredOn']);
  });

  it('is not found for a person of another unit', async () => {
    const elsewhere = await makeUnit();
    const { person } = await enrolled({ within: elsewhere });

    const response = await refer(person.id, { toName: 'Puskesmas Serang', reason: 'Kontrol', referredOn: HELD_ON });

    expect(response.statusCode).toBe(404);
    expect(await ctx.db.selectFrom('referrals').selectAll().execute()).toEqual([]);
  });
});
