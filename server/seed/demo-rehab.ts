import type { ROUTINE_KINDS } from '../../shared/contracts/routine.ts';
import { programmeEnd } from '../../shared/domain/placement.ts';
import { DEFAULT_PROGRAMMES } from '../../shared/domain/programmes.ts';
import { ASSIST_ID, ASSIST_VERSION, type SeverityAreaCode, scoreInstrument } from '../../shared/instruments/index.ts';
import type { DbOrTrx } from '../db/database.ts';
import { addDays } from './random.ts';

// The rehabilitation pathway of the demo's first Rutan, far enough along for every screen to show
// something: the default programmes, rooms, the weekly routine, staff hours, a Therapeutic
// Community of 16 (two static groups of eight), people in medical rehabilitation, and people
// assessed and waiting for the head of unit's decision.

const ROOMS = [
  { name: 'Aula Rehabilitasi', capacity: 40 },
  { name: 'Ruang Konseling 1', capacity: 10 },
  { name: 'Ruang Konseling 2', capacity: 10 },
  { name: 'Ruang Kelas', capacity: 30 },
  { name: 'Klinik', capacity: 4 },
];

type Kind = (typeof ROUTINE_KINDS)[number];
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];
const ROUTINE: { kind: Kind; label: string; days: number[]; start: string; end: string }[] = [
  { kind: 'roll_call', label: 'Apel pagi', days: WEEKDAYS, start: '07:00', end: '07:30' },
  { kind: 'meal', label: 'Makan siang', days: WEEKDAYS, start: '12:00', end: '13:00' },
  { kind: 'worship', label: 'Salat Jumat', days: [5], start: '11:30', end: '13:00' },
  { kind: 'sports', label: 'Olahraga', days: [2, 4], start: '15:30', end: '16:30' },
  { kind: 'visits', label: 'Kunjungan keluarga', days: [6], start: '09:00', end: '12:00' },
  { kind: 'roll_call', label: 'Apel sore', days: WEEKDAYS, start: '16:30', end: '17:00' },
  { kind: 'lock_up', label: 'Penguncian', days: WEEKDAYS, start: '17:00', end: '23:59' },
];

/** Weekly hours of the staff who run sessions in the Rutan. */
const HOURS: { username: string; days: number[]; start: string; end: string }[] = [
  { username: 'klinik.serang', days: [1, 2, 3, 4, 5], start: '07:30', end: '15:30' },
  { username: 'konselor.bnnk', days: [1, 2, 3, 4, 5], start: '07:30', end: '16:00' },
  { username: 'asesor.bnnk', days: [1, 3, 5], start: '08:00', end: '15:00' },
];

const HIGH_RISK_ANSWERS = {
  q1: { amphetamines: true }, q2: { amphetamines: 'daily' }, q3: { amphetamines: 'daily' }, q4: { amphetamines: 'daily' },
  q5: { amphetamines: 'daily' }, q6: { amphetamines: 'past_3_months' }, q7: { amphetamines: 'past_3_months' }, q8: 'never',
};

export const DEMO_TC_MEMBERS = 16;
const MEDICAL_MEMBERS = 6;
const AWAITING_DECISION = 3;

export async function seedRehabilitation(trx: DbOrTrx, facilityId: string, anchor: string): Promise<void> {
  const users = new Map((await trx.selectFrom('users').select(['id', 'username']).execute()).map((u) => [u.username, u.id]));
  const clinician = users.get('klinik.serang')!;
  const head = users.get('karutan.serang')!;

  const programmeIds = new Map<string, { id: string; weeks: number }>();
  for (const p of DEFAULT_PROGRAMMES) {
    const row = await trx
      .insertInto('programmes')
      .values({
        facility_id: facilityId, kind: p.kind, name: p.name, description: p.description, duration_weeks: p.durationWeeks,
        phases: JSON.stringify(p.phases), capacity: p.capacity, active: p.active,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    programmeIds.set(p.kind, { id: row.id, weeks: p.durationWeeks });
    await trx
      .insertInto('programme_session_types')
      .values(p.sessionTypes.map((t, position) => ({
        programme_id: row.id, position, code: t.code, name: t.name, mode: t.mode, per_week: t.perWeek, every_weeks: t.everyWeeks,
        duration_minutes: t.durationMinutes, min_group: t.minGroup, max_group: t.maxGroup,
      })))
      .execute();
  }

  await trx.insertInto('rooms').values(ROOMS.map((r) => ({ facility_id: facilityId, ...r }))).execute();
  await trx
    .insertInto('routine_blocks')
    .values(ROUTINE.flatMap((b) => b.days.map((day) => ({ facility_id: facilityId, kind: b.kind, label: b.label, day_of_week: day, start_time: b.start, end_time: b.end }))))
    .execute();
  await trx
    .insertInto('staff_availability')
    .values(HOURS.flatMap((h) => h.days.map((day) => ({ user_id: users.get(h.username)!, day_of_week: day, start_time: h.start, end_time: h.end }))))
    .execute();

  // People with a drug case, held in the Rutan, in a fixed order.
  const people = (await trx
    .selectFrom('wbp')
    .select(['id', 'sdp_number', 'case_articles'])
    .where('facility_id', '=', facilityId)
    .orderBy('sdp_number')
    .execute())
    .filter((p) => p.case_articles.some((a) => a.startsWith('UU 35/2009')))
    .slice(0, DEMO_TC_MEMBERS + MEDICAL_MEMBERS + AWAITING_DECISION);
  const scored = scoreInstrument({ instrument: ASSIST_ID, version: ASSIST_VERSION, answers: HIGH_RISK_ANSWERS });
  if (!scored.ok) throw new Error('demo screening answers do not score');

  let decree = 0;
  for (const [i, person] of people.entries()) {
    const kind = i < DEMO_TC_MEMBERS ? 'social' : i < DEMO_TC_MEMBERS + MEDICAL_MEMBERS ? 'medical' : null;
    const startedWeeksAgo = kind === null ? 0 : 4 + (i % 6);
    const screenedOn = addDays(anchor, -(startedWeeksAgo * 7 + (kind === null ? 5 : 21)));
    const screening = await trx
      .insertInto('screenings')
      .values({
        wbp_id: person.id, facility_id: facilityId, instrument: ASSIST_ID, instrument_version: ASSIST_VERSION,
        answers: JSON.stringify(HIGH_RISK_ANSWERS), result: JSON.stringify(scored.result), overall_risk: 'high', screened_on: screenedOn,
        screened_by: clinician,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const finalClass = kind === 'medical' ? 'menengah' : 'tinggi';
    const assessment = await trx
      .insertInto('assessments')
      .values({
        wbp_id: person.id, facility_id: facilityId, screening_id: screening.id, status: 'signed', form: JSON.stringify({ severity: severityOf(kind, i), ...drugHistoryOf(i) }), exchange_rate: 16_000,
        composites: '{}', asi_problems: '[]', rule_class: finalClass, rule_basis: 'assist', placement: JSON.stringify([kind ?? 'social']),
        final_class: finalClass, created_by: clinician, signed_by: clinician, signed_at: new Date(`${addDays(screenedOn, 3)}T03:00:00Z`),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (kind === null) continue;
    decree += 1;
    const decidedOn = addDays(screenedOn, 10);
    const decision = await trx
      .insertInto('placement_decisions')
      .values({
        wbp_id: person.id, facility_id: facilityId, assessment_id: assessment.id, decree_number: `W11.PAS.PAS.2-PK.01.04-${String(decree).padStart(3, '0')}`,
        decree_date: decidedOn, place: 'inside_unit', decided_by: head,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const programme = programmeIds.get(kind)!;
    const start = addDays(anchor, -startedWeeksAgo * 7);
    await trx
      .insertInto('enrolments')
      .values({
        wbp_id: person.id, programme_id: programme.id, decision_id: decision.id, status: 'active', start_date: start,
        expected_end_date: programmeEnd(start, programme.weeks),
      })
      .execute();
  }
}

/**
 * What the form records of use, diagnosis and earlier treatment, which the monthly report's
 * PP 25/2011 Pasal 18 recap and the exports read: mostly methamphetamine (shabu), smoked, as in
 * Indonesian prisons; some cannabis and sedatives. No opioids, so no one here needs methadone.
 */
function drugHistoryOf(i: number) {
  const [substance, code, route] = ([['amphetamines', 'F15', 3], ['amphetamines', 'F15', 3], ['cannabis', 'F12', 3], ['sedatives', 'F13', 1]] as const)[i % 4]!;
  const years = 1 + ((i * 3) % 11);
  return {
    drugUse: { mainSubstance: substance, rows: { [substance]: { days30: 0, lifetimeYears: years, route } } },
    diagnosis: { codes: [code] },
    treatmentHistory: { drugTreatmentEpisodes: i % 3, alcoholTreatmentEpisodes: 0, ...(i % 3 > 0 ? { lastTreatmentYear: 2020 + (i % 5) } : {}) },
  };
}

/** The interviewer's 0–9 grid of an initial assessment: napza matches the class (tinggi 6–9, menengah 4–5), the other areas vary. */
function severityOf(kind: 'social' | 'medical' | null, i: number): Record<SeverityAreaCode, number> {
  const napza = kind === 'medical' ? 4 + (i % 2) : 6 + (i % 3);
  return { medical: 2 + (i % 4), employment_support: 3 + (i % 3), napza, legal: 5 + (i % 2), family_social: 3 + (i % 4), psychiatric: 1 + (i % 5) };
}
