import { addDays } from '../shared/domain/dates.ts';
import { DEFAULT_PROGRAMMES } from '../shared/domain/programmes.ts';
import { demandFromSessionType, type SchedulerInput } from '../shared/domain/scheduler.ts';
import { intBetween, pick, seededRandom } from '../server/seed/random.ts';

type Input = SchedulerInput;
type Participant = Input['participants'][number];
type Demand = Input['demands'][number];

/** The week planned: a Monday, week 2 of the programme calendar (weekly and two-weekly sessions due, four-weekly not). */
const SYNTHETIC_WEEK = '2026-11-23';
const SYNTHETIC_WEEK_INDEX = 2;

const WEEKDAYS = [1, 2, 3, 4, 5];
const DATES = WEEKDAYS.map((dayOfWeek) => addDays(SYNTHETIC_WEEK, dayOfWeek - 1));

/** Staff and the session types each may run (doctor, nurse, two psychologists, four counsellors, two pembinaan officers, a religious instructor, a vocational trainer). */
const STAFF: { id: string; name: string; days: number[]; start: string; end: string }[] = [
  { id: 'dokter', name: 'dr. Rina (dokter)', days: WEEKDAYS, start: '08:00', end: '14:00' },
  { id: 'perawat', name: 'Ns. Dewi (perawat)', days: WEEKDAYS, start: '07:30', end: '16:00' },
  { id: 'psikolog1', name: 'Psikolog UPT', days: WEEKDAYS, start: '07:30', end: '16:00' },
  { id: 'psikolog2', name: 'Psikolog BNNK', days: [2, 4], start: '08:00', end: '15:00' },
  { id: 'konselor1', name: 'Konselor adiksi 1', days: WEEKDAYS, start: '07:30', end: '16:00' },
  { id: 'konselor2', name: 'Konselor adiksi 2', days: WEEKDAYS, start: '07:30', end: '16:00' },
  { id: 'konselor3', name: 'Konselor BNNK', days: [1, 3, 5], start: '08:00', end: '15:00' },
  { id: 'manajer_tc', name: 'Manajer program TC', days: WEEKDAYS, start: '07:00', end: '16:30' },
  { id: 'pembinaan1', name: 'Petugas pembinaan 1', days: WEEKDAYS, start: '07:30', end: '16:00' },
  { id: 'pembinaan2', name: 'Petugas pembinaan 2', days: WEEKDAYS, start: '07:30', end: '16:00' },
  { id: 'rohaniwan', name: 'Rohaniwan', days: [1, 2, 3, 4, 5], start: '08:00', end: '12:00' },
  { id: 'instruktur', name: 'Instruktur vokasional', days: WEEKDAYS, start: '08:00', end: '15:00' },
];

/** Who runs what, by programme and session code; rooms where a session type needs a particular room. */
const RESOURCES: Record<string, Record<string, { staffIds: string[]; roomIds?: string[]; within?: { start: string; end: string } }>> = {
  tc: {
    morning_meeting: { staffIds: ['manajer_tc', 'konselor1', 'konselor2', 'pembinaan1'], within: { start: '07:30', end: '10:30' } },
    group_counselling: { staffIds: ['psikolog1', 'psikolog2', 'konselor1', 'konselor2', 'konselor3', 'manajer_tc'] },
    individual_counselling: { staffIds: ['psikolog1', 'psikolog2', 'konselor1', 'konselor2', 'konselor3'] },
    seminar: { staffIds: ['dokter', 'psikolog1', 'psikolog2', 'konselor1'] },
    family_support: { staffIds: ['konselor1', 'konselor2', 'psikolog1'] },
    religious: { staffIds: ['rohaniwan', 'pembinaan1', 'pembinaan2'] },
    recreational: { staffIds: ['pembinaan1', 'pembinaan2', 'manajer_tc'] },
    vocational: { staffIds: ['instruktur', 'pembinaan2'] },
    case_conference: { staffIds: ['psikolog1', 'manajer_tc'] },
    urine_test: { staffIds: ['perawat', 'dokter'], roomIds: ['klinik'] },
  },
  edu: {
    seminar: { staffIds: ['dokter', 'psikolog1', 'konselor1', 'konselor2', 'konselor3'] },
    brief_intervention: { staffIds: ['konselor1', 'konselor2', 'konselor3', 'perawat'] },
  },
  med: {
    medical_review: { staffIds: ['dokter', 'perawat'], roomIds: ['klinik'] },
    individual_counselling: { staffIds: ['psikolog1', 'psikolog2', 'konselor1', 'konselor2'] },
    seminar: { staffIds: ['dokter', 'psikolog1'] },
    motivational_interviewing: { staffIds: ['psikolog1', 'psikolog2', 'konselor1', 'konselor3'] },
    urine_test: { staffIds: ['perawat', 'dokter'], roomIds: ['klinik'] },
  },
  post: {
    relapse_prevention: { staffIds: ['konselor1', 'konselor2', 'konselor3', 'psikolog1', 'psikolog2'] },
    family_support: { staffIds: ['konselor2', 'konselor3'] },
    urine_test: { staffIds: ['perawat', 'dokter'], roomIds: ['klinik'] },
  },
  ptrm: { ptrm_counselling: { staffIds: ['perawat', 'dokter', 'konselor1'], roomIds: ['klinik', 'konseling'] } },
  vct: {
    vct: { staffIds: ['perawat', 'konselor2'], roomIds: ['klinik', 'konseling'] },
    individual_counselling: { staffIds: ['konselor1', 'konselor2', 'konselor3', 'perawat'] },
  },
};

const PROGRAMME_OF_KIND: Record<string, string> = { social: 'tc', education: 'edu', medical: 'med', post_rehab: 'post', ptrm: 'ptrm', vct_counselling: 'vct' };

/**
 * A synthetic unit, the same for the same seed: 300 people in the six default programmes (112 in
 * the Therapeutic Community, 64 in education, 40 in medical rehabilitation of whom 16 on
 * methadone, 72 in pre-release relapse prevention, 12 in VCT only plus 12 education people in
 * VCT counselling), 12 staff, 6 rooms, a full routine (roll calls, meals, Friday prayers and
 * exercise, work details, visiting days, lock-up), about 10% detainees with a court date this
 * week and a few pairs kept apart. Group-mode demands form 35 groups, community 2: 164 sessions.
 *
 * `staffOnLeave` takes staff away for the whole week, for a tight week in which not everything fits.
 */
export function syntheticUnit(seed = 20261123, options: { staffOnLeave?: string[] } = {}): SchedulerInput {
  const random = seededRandom(seed);
  const people: Participant[] = [];
  const enrol = (p: Participant, programmeId: string, sessionCodes: string[]) => {
    p.enrolments = [...(p.enrolments ?? []), { programmeId, sessionCodes }];
  };
  for (let i = 1; i <= 300; i += 1) people.push({ id: `p${String(i).padStart(3, '0')}`, name: `WBP ${i}`, enrolments: [], unavailability: [] });
  const range = (from: number, to: number) => people.slice(from - 1, to);

  // Therapeutic Community, 112 people: the whole programme's sessions; vocational in the re-entry
  // phase (24), individual counselling for those in entry or flagged by the team (20).
  const tc = range(1, 112);
  tc.forEach((p, i) => {
    const codes = ['morning_meeting', 'group_counselling', 'seminar', 'religious', 'recreational', 'family_support', 'case_conference', 'urine_test'];
    if (i >= 88) codes.push('vocational');
    if (i < 20) codes.push('individual_counselling');
    enrol(p, 'tc', codes);
  });
  // Education, 64: the seminar; brief intervention for 16.
  range(113, 176).forEach((p, i) => enrol(p, 'edu', i < 16 ? ['seminar', 'brief_intervention'] : ['seminar']));
  // Medical rehabilitation, 40: seminar; review for 16, counselling 12, motivational interviewing 8; urine tests four-weekly.
  range(177, 216).forEach((p, i) => {
    const codes = ['seminar', 'urine_test'];
    if (i < 16) codes.push('medical_review');
    if (i >= 16 && i < 28) codes.push('individual_counselling');
    if (i >= 28 && i < 36) codes.push('motivational_interviewing');
    enrol(p, 'med', codes);
  });
  // Methadone maintenance, 16 of the medical ones.
  range(177, 192).forEach((p) => enrol(p, 'ptrm', ['ptrm_counselling']));
  // Pre-release relapse prevention, 72.
  range(217, 288).forEach((p) => enrol(p, 'post', ['relapse_prevention', 'family_support', 'urine_test']));
  // VCT and counselling: 12 only here, 12 from education; counselling for 12 of them.
  [...range(289, 300), ...range(160, 171)].forEach((p, i) => enrol(p, 'vct', i < 12 ? ['vct', 'individual_counselling'] : ['vct']));

  // Detainees with a court date this week (about 10%): a day out 08:00–14:00, or the whole day.
  const detainees = people.slice(112).filter(() => random() < 0.16).slice(0, 30);
  for (const p of detainees) {
    const date = pick(random, DATES.slice(0, 4));
    p.unavailability = random() < 0.33 ? [{ date, reason: 'court' }] : [{ date, start: '08:00', end: '14:00', reason: 'court' }];
  }

  // Work details and visiting blocks hold part of the population only.
  const general = people.slice(112);
  const kitchen = general.filter(() => random() < 0.14).map((p) => p.id);
  const workshop = general.filter((p) => !kitchen.includes(p.id) && random() < 0.1).map((p) => p.id);
  const visitingBlock = general.filter(() => random() < 0.5).map((p) => p.id);
  const christians = people.filter(() => random() < 0.1).map((p) => p.id);

  const routine: Input['routine'] = [];
  for (const day of WEEKDAYS) {
    routine.push(
      { dayOfWeek: day, start: '07:00', end: '07:30', kind: 'apel', label: 'Apel pagi' },
      { dayOfWeek: day, start: '12:00', end: '13:00', kind: 'makan', label: 'Makan siang' },
      { dayOfWeek: day, start: '16:30', end: '17:00', kind: 'apel', label: 'Apel sore' },
      { dayOfWeek: day, start: '17:00', end: '24:00', kind: 'penguncian', label: 'Penguncian' },
    );
    if (day <= 4) routine.push({ dayOfWeek: day, start: '08:00', end: '11:00', kind: 'kerja', label: 'Kerja dapur', participantIds: kitchen });
    routine.push({ dayOfWeek: day, start: '13:00', end: '15:00', kind: 'kerja', label: 'Bengkel kerja', participantIds: workshop });
  }
  routine.push(
    { dayOfWeek: 5, start: '07:30', end: '08:30', kind: 'olahraga', label: 'Senam Jumat' },
    { dayOfWeek: 5, start: '11:30', end: '13:00', kind: 'ibadah', label: 'Salat Jumat' },
    { dayOfWeek: 2, start: '09:00', end: '11:00', kind: 'kunjungan', label: 'Kunjungan blok B', participantIds: visitingBlock },
    { dayOfWeek: 4, start: '09:00', end: '11:00', kind: 'kunjungan', label: 'Kunjungan blok B', participantIds: visitingBlock },
    { dayOfWeek: 3, start: '15:00', end: '16:00', kind: 'ibadah', label: 'Kebaktian', participantIds: christians },
  );

  // Non-associations: a dozen pairs, mostly inside the Therapeutic Community, some across programmes.
  const nonAssociations: [string, string][] = [];
  while (nonAssociations.length < 14) {
    const a = people[intBetween(random, 0, nonAssociations.length < 10 ? 111 : 299)]!.id;
    const b = people[intBetween(random, 0, nonAssociations.length < 10 ? 111 : 299)]!.id;
    if (a !== b && !nonAssociations.some(([x, y]) => (x === a && y === b) || (x === b && y === a))) nonAssociations.push([a, b]);
  }

  const demands: Demand[] = [];
  for (const programme of DEFAULT_PROGRAMMES) {
    const programmeId = PROGRAMME_OF_KIND[programme.kind]!;
    for (const type of programme.sessionTypes) {
      const resources = RESOURCES[programmeId]?.[type.code];
      if (resources) demands.push(demandFromSessionType(programmeId, type, resources));
    }
  }

  return {
    weekStart: SYNTHETIC_WEEK,
    weekIndex: SYNTHETIC_WEEK_INDEX,
    slotMinutes: 30,
    days: WEEKDAYS.map((dayOfWeek) => ({ dayOfWeek, start: '07:00', end: '17:00' })),
    routine,
    exceptions: [],
    rooms: [
      { id: 'aula', name: 'Aula', capacity: 60 },
      { id: 'kelas1', name: 'Ruang kelas 1', capacity: 40 },
      { id: 'kelas2', name: 'Ruang kelas 2', capacity: 30 },
      { id: 'kelompok', name: 'Ruang kelompok TC', capacity: 12 },
      { id: 'konseling', name: 'Ruang konseling', capacity: 4 },
      { id: 'klinik', name: 'Klinik', capacity: 4 },
    ],
    staff: STAFF.map((s) => ({
      id: s.id, name: s.name,
      availability: s.days.map((dayOfWeek) => ({ dayOfWeek, start: s.start, end: s.end })),
      exceptions: options.staffOnLeave?.includes(s.id) ? DATES.map((date) => ({ date, reason: 'other' as const, note: 'Cuti' }))
        : s.id === 'konselor2' ? [{ date: DATES[2]!, reason: 'other', note: 'Pelatihan' }]
          : s.id === 'dokter' ? [{ date: DATES[4]!, start: '08:00', end: '11:00', reason: 'other' }] : [],
    })),
    participants: people,
    nonAssociations,
    demands,
  };
}
