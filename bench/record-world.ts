import { type Insertable, sql } from 'kysely';
import { NOTE_KINDS } from '../shared/contracts/notes.ts';
import { addDays, isoWeekday, mondayOf } from '../shared/domain/dates.ts';
import type { Db } from '../server/db/database.ts';
import type { Database } from '../server/db/schema.ts';
import { hashPassword } from '../server/platform/passwords.ts';
import { intBetween, pick, seededRandom } from '../server/seed/random.ts';

/** Timeline entries of the subject. */
export const ENTRIES = 2_000;
/** Other people of the unit, with histories of their own. */
export const OTHERS = 300;
/** The world's "today": a Sunday in Jakarta. Two years of history end here. */
export const TODAY = '2026-11-22';
export const NOW = new Date(`${TODAY}T03:00:00Z`);
export const FIRST_DAY = addDays(TODAY, -730);
/** The unit's clinic staff member who reads the record. */
export const STAFF_USERNAME = 'bench.klinik';
export const STAFF_PASSWORD = 'Bench-Sandi-2026';

type Row<T extends keyof Database> = Insertable<Database[T]>;

export interface RecordWorld {
  unitId: string;
  staffId: string;
  /** The person with ENTRIES timeline entries. */
  subject: string;
  others: string[];
}

/** Inserts many rows in statements of at most 500. */
async function inChunks<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
}

/**
 * Builds, in a freshly migrated database, one person with 2,000 timeline entries spread over every
 * kind across two years (sessions the most, as in a long Therapeutic Community stay), in a unit where
 * 300 other people have histories of their own, so the indexes on the person do the work. The same
 * seed gives the same world on PGlite and on PostgreSQL.
 */
export async function buildRecordWorld(db: Db): Promise<RecordWorld> {
  const random = seededRandom(2_026);
  const unit = await db.insertInto('organizations').values({ kind: 'rutan', code: 'RUTAN-BENCH', name: 'Rutan Bench' }).returning('id').executeTakeFirstOrThrow();
  const staff = await db.insertInto('users').values({
    username: STAFF_USERNAME, full_name: 'Bench', role: 'clinic_staff', organization_id: unit.id, password_hash: await hashPassword(STAFF_PASSWORD),
  }).returning('id').executeTakeFirstOrThrow();
  const facility_id = unit.id;
  const by = staff.id;

  const person = (i: number) => ({
    sdp_number: `AII.2024.${String(i).padStart(6, '0')}`, full_name: `Warga ${i}`, sex: 'L' as const, legal_status: 'narapidana' as const,
    case_articles: ['UU 35/2009 Pasal 112'], facility_id, admission_date: addDays(FIRST_DAY, -30),
  });
  const people = await db.insertInto('wbp').values(Array.from({ length: OTHERS + 1 }, (_, i) => person(i))).returning('id').execute();
  const subject = people[0]!.id;
  const others = people.slice(1).map((p) => p.id);
  const programme = await db.insertInto('programmes').values({
    facility_id, kind: 'social', name: 'TC', duration_weeks: 24, capacity: 400,
    phases: JSON.stringify([{ code: 'entry', name: 'Entry', weeks: 2 }, { code: 'core', name: 'Core', weeks: 19 }, { code: 're_entry', name: 'Re-entry', weeks: 3 }]),
  }).returning('id').executeTakeFirstOrThrow();
  const room = await db.insertInto('rooms').values({ facility_id, name: 'Aula', capacity: 40 }).returning('id').executeTakeFirstOrThrow();

  const day = () => addDays(FIRST_DAY, intBetween(random, 0, 729));
  const at = (date: string) => new Date(`${date}T${String(intBetween(random, 1, 9)).padStart(2, '0')}:${String(intBetween(random, 0, 59)).padStart(2, '0')}:00Z`);

  // The pathway: screenings, assessments, decisions and enrolments (three stays, one of them dropped).
  let made = 0;
  const histories = [subject, ...others];
  const screenings: Row<'screenings'>[] = [];
  for (const wbp_id of histories) {
    for (let i = 0; i < (wbp_id === subject ? 6 : 1); i += 1) {
      screenings.push({
        wbp_id, facility_id, instrument: 'who-assist', instrument_version: '3.0', answers: '{}', result: '{}', overall_risk: 'high', screened_on: day(), screened_by: by,
      });
    }
  }
  await inChunks(screenings, (c) => db.insertInto('screenings').values(c).execute());
  made += 6;
  const enrolmentIds: string[] = [];
  for (let stay = 0; stay < 3; stay += 1) {
    const start = addDays(FIRST_DAY, 20 + stay * 240);
    const assessment = await db.insertInto('assessments').values({
      wbp_id: subject, facility_id, status: 'signed', form: '{}', exchange_rate: 16_000, composites: '{}', asi_problems: '[]', placement: '["social"]',
      rule_class: 'tinggi', rule_basis: 'assist', final_class: 'tinggi', signed_by: by, signed_at: at(addDays(start, -14)), created_at: at(addDays(start, -15)),
    }).returning('id').executeTakeFirstOrThrow();
    const decision = await db.insertInto('placement_decisions').values({
      wbp_id: subject, facility_id, assessment_id: assessment.id, decree_number: `SK-BENCH-${stay}`, decree_date: addDays(start, -5), place: 'inside_unit', decided_by: by,
    }).returning('id').executeTakeFirstOrThrow();
    const ended = stay < 2;
    const enrolment = await db.insertInto('enrolments').values({
      wbp_id: subject, programme_id: programme.id, decision_id: decision.id, status: stay === 0 ? 'dropped' : stay === 1 ? 'completed' : 'active',
      start_date: start, expected_end_date: addDays(start, 168), ended_on: ended ? addDays(start, stay === 0 ? 60 : 168) : null,
      outcome_reason: stay === 0 ? 'voluntary' : null, certificate_number: stay === 1 ? 'SERT-BENCH-1' : null,
    }).returning('id').executeTakeFirstOrThrow();
    enrolmentIds.push(enrolment.id);
    made += ended ? 4 : 3;
    // Two follow-up assessments in each stay.
    for (const point of [50, 100]) {
      await db.insertInto('assessments').values({
        wbp_id: subject, facility_id, status: 'draft', form: '{}', exchange_rate: 16_000, composites: '{}', asi_problems: '[]', placement: '[]',
        rule_basis: 'assist', purpose: 'follow_up', enrolment_id: enrolment.id, follow_up_point: point, created_at: at(addDays(start, point === 50 ? 84 : 160)),
      }).execute();
      made += 1;
    }
  }

  // The care record, for the subject (counted) and every other person (a few rows each).
  const notes: Row<'counselling_notes'>[] = [];
  const urine: Row<'urine_tests'>[] = [];
  const incidents: Row<'incidents'>[] = [];
  const tasks: Row<'care_tasks'>[] = [];
  const referrals: Row<'referrals'>[] = [];
  for (const wbp_id of histories) {
    const mine = wbp_id === subject;
    for (let i = 0; i < (mine ? 160 : 4); i += 1) {
      const d = day();
      notes.push({ wbp_id, facility_id, kind: pick(random, NOTE_KINDS), held_on: d, topic: 'Pencegahan kekambuhan', summary: 'Ringkasan.', plan: 'Rencana.', signed_by: by, signed_at: at(d) });
    }
    for (let i = 0; i < (mine ? 160 : 4); i += 1) {
      const d = day();
      const outcome = random() < 0.1 ? 'positive' as const : 'negative' as const;
      urine.push({
        wbp_id, facility_id, reason: 'random', planned_on: d, status: 'resulted', collected_by: by, collected_at: at(d),
        results: JSON.stringify({ amphetamines: outcome }), outcome, resulted_by: by, resulted_at: at(d), created_by: by,
      });
    }
    for (let i = 0; i < (mine ? 40 : 1); i += 1) {
      incidents.push({ wbp_id, facility_id, occurred_on: day(), kind: pick(random, ['drug_use', 'rule_violation', 'violence'] as const), description: 'Insiden.', reported_by: by });
    }
    // Tasks: opened, and closed for most (two entries each).
    for (let i = 0; i < (mine ? 120 : 2); i += 1) {
      const d = day();
      const closed = i % 4 !== 0;
      tasks.push({
        wbp_id, facility_id, kind: pick(random, ['urine_positive', 'incident_review'] as const), due_on: addDays(d, 3), status: closed ? 'done' : 'open',
        closed_by: closed ? by : null, closed_at: closed ? at(addDays(d, 2)) : null, created_at: at(d),
      });
      if (mine) made += closed ? 2 : 1;
    }
    for (let i = 0; i < (mine ? 20 : 0); i += 1) {
      referrals.push({ wbp_id, facility_id, to_name: 'RSUD Serang', reason: 'Rujukan.', referred_on: day(), created_by: by });
    }
  }
  await inChunks(notes, (c) => db.insertInto('counselling_notes').values(c).execute());
  await inChunks(urine, (c) => db.insertInto('urine_tests').values(c).execute());
  await inChunks(incidents, (c) => db.insertInto('incidents').values(c).execute());
  await inChunks(tasks, (c) => db.insertInto('care_tasks').values(c).execute());
  await inChunks(referrals, (c) => db.insertInto('referrals').values(c).execute());
  made += 160 + 160 + 40 + 20;

  await db.insertInto('phase_changes').values(Array.from({ length: 30 }, (_, i) => ({
    enrolment_id: enrolmentIds[i % 3]!, wbp_id: subject, from_phase: i % 2 === 0 ? 'entry' : 'core', to_phase: i % 2 === 0 ? 'core' : 're_entry',
    direction: 'promotion' as const, reason: 'Naik fase.', changed_on: day(), changed_by: by,
  }))).execute();
  await db.insertInto('community_roles').values(Array.from({ length: 10 }, (_, i) => {
    const start = day();
    return { enrolment_id: enrolmentIds[i % 3]!, wbp_id: subject, role: pick(random, ['buddy', 'coordinator', 'expeditor'] as const), started_on: start, ended_on: addDays(start, 30), assigned_by: by };
  })).execute();
  made += 30 + 20;
  for (let i = 0; i < 40; i += 1) {
    const conference = await db.insertInto('case_conferences').values({ facility_id, held_on: day(), title: `Case conference ${i + 1}`, created_by: by }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('case_conference_people').values([subject, others[i]!].map((wbp_id) => ({ conference_id: conference.id, wbp_id, discussion: 'Dibahas.', decision: 'continue' as const, detail: '{}' }))).execute();
  }
  made += 40;
  const ptrm = await db.insertInto('ptrm_records').values({ wbp_id: subject, facility_id, clinic_name: 'Puskesmas Serang Kota', started_on: FIRST_DAY, created_by: by }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('ptrm_dose_reports')
    .values(Array.from({ length: 120 }, () => ({ ptrm_id: ptrm.id, dose_mg: intBetween(random, 30, 90), reported_on: day(), source: 'Kartu dosis', recorded_by: by })))
    .execute();
  await db.insertInto('ptrm_handovers')
    .values(Array.from({ length: 4 }, () => ({ ptrm_id: ptrm.id, wbp_id: subject, reason: 'transfer' as const, to_name: 'Lapas Cilegon', issued_on: day(), issued_by: by })))
    .execute();
  made += 1 + 120 + 4;

  // Sessions make up the rest: groups of eight on weekdays over the two years, most with attendance.
  const sessionsWanted = ENTRIES - made;
  const weekdays = Array.from({ length: 730 }, (_, i) => addDays(FIRST_DAY, i)).filter((d) => isoWeekday(d) <= 5);
  const weekIds = new Map<string, string>();
  for (const monday of new Set(weekdays.map(mondayOf))) {
    const week = await db.insertInto('timetable_weeks').values({ facility_id, week_start: monday, week_index: 0, required: 0, placed: 0, groups: '[]', unplaced: '[]' })
      .returning('id').executeTakeFirstOrThrow();
    weekIds.set(monday, week.id);
  }
  const sessionRows: Row<'timetable_sessions'>[] = [];
  for (let i = 0; i < sessionsWanted; i += 1) {
    const date = weekdays[Math.floor((i * weekdays.length) / sessionsWanted)]!;
    const hour = 8 + (i % 4) * 2;
    sessionRows.push({
      week_id: weekIds.get(mondayOf(date))!, facility_id, programme_id: programme.id, session_code: 'group_counselling',
      session_name: 'Konseling kelompok', mode: 'group', group_label: 'Kelompok 1', occurrence: 1, date, start_time: `${String(hour).padStart(2, '0')}:00`,
      end_time: `${String(hour + 2).padStart(2, '0')}:00`, room_id: room.id, staff_id: by,
    });
  }
  const sessionIds: string[] = [];
  await inChunks(sessionRows, async (c) => sessionIds.push(...(await db.insertInto('timetable_sessions').values(c).returning('id').execute()).map((r) => r.id)));
  const members: Row<'timetable_session_members'>[] = [];
  const attendance: Row<'attendance'>[] = [];
  for (const [i, session_id] of sessionIds.entries()) {
    const group = [subject, ...Array.from({ length: 7 }, (_, k) => others[(i * 7 + k) % others.length]!)];
    for (const wbp_id of group) {
      members.push({ session_id, wbp_id });
      if (i % 10 !== 0) {
        const absent = random() < 0.1;
        attendance.push({ session_id, wbp_id, status: absent ? 'absent' : 'present', absence_reason: absent ? 'court' : null, recorded_by: by });
      }
    }
  }
  await inChunks(members, (c) => db.insertInto('timetable_session_members').values(c).execute());
  await inChunks(attendance, (c) => db.insertInto('attendance').values(c).execute());
  await sql`ANALYZE`.execute(db);
  return { unitId: unit.id, staffId: staff.id, subject, others };
}
