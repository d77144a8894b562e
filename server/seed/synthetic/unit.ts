import type { LegalStatus, Sex } from '../../../shared/contracts/common.ts';
import type { RehabClass } from '../../../shared/contracts/clinical.ts';
import { addDays, addMonths, daysBetween } from '../../../shared/domain/dates.ts';
import { programmeEnd } from '../../../shared/domain/placement.ts';
import { DEFAULT_PROGRAMMES } from '../../../shared/domain/programmes.ts';
import { URINE_PANEL, type UrineResults, testOutcome } from '../../../shared/domain/urine.ts';
import { addWorkingDays } from '../../../shared/domain/workdays.ts';
import type { Risk } from '../../../shared/instruments/index.ts';
import { BIRTH_PLACES, FAMILY, FEMALE_GIVEN, MALE_GIVEN } from '../names.ts';
import { intBetween, pick } from '../random.ts';
import { type AftercareReceivers, seedAftercare } from './aftercare.ts';
import { type Context, weighted, wib } from './context.ts';
import { RUPIAH_PER_USD } from './instruments.ts';
import type { UnitPlan } from './plan.ts';
import { type Member, type ProgrammeRef, seedTimetable } from './timetable.ts';

// One custodial unit: its staff, rooms and routine, its programmes, the people it holds and, for
// those with a drug case, the pathway: screening, assessment, the head's decision, enrolments,
// urine tests, the weekly timetable with attendance, and release with aftercare.

export interface UnitStaff {
  head: string;
  doctor: string;
  nurse: string;
  counsellor: string;
  officer: string;
}

/** What a unit refers to in its region, and the partner board working in it. */
export interface RegionRefs {
  index: number;
  kanwilId: string;
  ruleId: string;
  receivers: AftercareReceivers;
  /** The partner narcotics board working in this unit under an agreement, if any. */
  partner: { id: string; assessor: string } | null;
}

const DRUG_ARTICLES: readonly [string, number][] = [
  ['UU 35/2009 Pasal 112', 0.45], ['UU 35/2009 Pasal 114', 0.25], ['UU 35/2009 Pasal 127', 0.2], ['UU 35/2009 Pasal 111', 0.1],
];
const OTHER_ARTICLES = ['KUHP Pasal 362', 'KUHP Pasal 363', 'KUHP Pasal 378', 'KUHP Pasal 351', 'KUHP Pasal 372', 'KUHP Pasal 480', 'KUHP Pasal 338', 'UU 23/2002 Pasal 81'];
const ROOMS = [
  { key: 'hall', name: 'Aula Rehabilitasi', capacity: 60 },
  { key: 'class', name: 'Ruang Kelas', capacity: 40 },
  { key: 'counselling1', name: 'Ruang Konseling 1', capacity: 10 },
  { key: 'counselling2', name: 'Ruang Konseling 2', capacity: 10 },
  { key: 'clinic', name: 'Klinik', capacity: 6 },
] as const;
export type RoomKey = (typeof ROOMS)[number]['key'];

const ALL_DAYS = [1, 2, 3, 4, 5, 6, 7];
const ROUTINE = [
  { kind: 'roll_call', label: 'Apel pagi', days: ALL_DAYS, start: '07:00', end: '07:30' },
  { kind: 'meal', label: 'Makan siang', days: ALL_DAYS, start: '12:00', end: '13:00' },
  { kind: 'worship', label: 'Salat Jumat', days: [5], start: '11:30', end: '13:00' },
  { kind: 'visits', label: 'Kunjungan keluarga', days: [6], start: '09:00', end: '12:00' },
  { kind: 'roll_call', label: 'Apel sore', days: ALL_DAYS, start: '16:30', end: '17:00' },
  { kind: 'lock_up', label: 'Penguncian', days: ALL_DAYS, start: '17:00', end: '23:59' },
] as const;

const DROP_REASONS: readonly [string, number][] = [['voluntary', 0.35], ['rule_violation', 0.3], ['health', 0.1], ['transfer', 0.15], ['absconded', 0.02], ['other', 0.08]];

function shuffledFlags(random: () => number, size: number, trues: number): boolean[] {
  const flags = Array.from({ length: size }, (_, i) => i < trues);
  for (let i = size - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [flags[i], flags[j]] = [flags[j]!, flags[i]!];
  }
  return flags;
}

const URINE_NEGATIVE = JSON.stringify(Object.fromEntries(URINE_PANEL.map((s) => [s, 'negative'])));
function urineResults(random: () => number, positiveChance: number): { json: string; outcome: ReturnType<typeof testOutcome> } {
  const roll = random();
  if (roll >= positiveChance + 0.01) return { json: URINE_NEGATIVE, outcome: 'negative' };
  const results = Object.fromEntries(URINE_PANEL.map((s) => [s, 'negative'])) as UrineResults;
  if (roll < positiveChance) results[weighted(random, [['amphetamines', 0.6], ['cannabis', 0.2], ['benzodiazepines', 0.1], ['opiates', 0.1]] as const)] = 'positive';
  else results[pick(random, URINE_PANEL)] = 'invalid';
  return { json: JSON.stringify(results), outcome: testOutcome(results) };
}

function adjacentClass(c: RehabClass, random: () => number): RehabClass {
  if (c === 'rendah') return 'menengah';
  if (c === 'tinggi') return 'menengah';
  return random() < 0.5 ? 'rendah' : 'tinggi';
}

/** The napza severity an assessor rates after a screening of this risk: mostly in line, sometimes not. */
function napzaSeverity(random: () => number, risk: Risk): number {
  const r = random();
  if (risk === 'high') return r < 0.75 ? intBetween(random, 6, 9) : r < 0.95 ? intBetween(random, 4, 5) : intBetween(random, 2, 3);
  if (risk === 'moderate') return r < 0.6 ? intBetween(random, 4, 5) : r < 0.8 ? intBetween(random, 6, 7) : intBetween(random, 1, 3);
  return r < 0.8 ? intBetween(random, 0, 3) : intBetween(random, 4, 5);
}

/** Generates the unit and returns its id. */
export function seedUnit(ctx: Context, region: RegionRefs, plan: UnitPlan): string {
  const { tables: t, random, anchor, historyStart } = ctx;
  const unitId = ctx.id();
  const created = wib(addDays(historyStart, -30), 9);
  t.organizations.add([
    unitId, region.kanwilId, plan.kind, plan.code, plan.name, null, null, plan.city, `Jl. Pemasyarakatan No. ${intBetween(random, 1, 120)}, ${plan.city}`,
    plan.capacity, false, created, created,
  ]);

  // Staff: the head, a doctor (certified ASI assessor), a nurse, a counsellor and a custody officer.
  const login = plan.code.toLowerCase();
  const staff: UnitStaff = { head: ctx.id(), doctor: ctx.id(), nurse: ctx.id(), counsellor: ctx.id(), officer: ctx.id() };
  const accounts: [string, string, string, string][] = [
    [staff.head, `kepala.${login}`, 'head_of_unit', 'Kepala'],
    [staff.doctor, `klinik.${login}`, 'clinic_staff', 'dr.'],
    [staff.nurse, `perawat.${login}`, 'clinic_staff', 'Ns.'],
    [staff.counsellor, `konselor.${login}`, 'counsellor', 'Konselor'],
    [staff.officer, `petugas.${login}`, 'custody_officer', 'Petugas'],
  ];
  for (const [id, username, role, title] of accounts) {
    const name = `${pick(random, MALE_GIVEN)} ${pick(random, FAMILY)}`;
    t.users.add([id, username, title === 'dr.' || title === 'Ns.' ? `${title} ${name}` : name, ctx.passwordHash, role, unitId, 'id', true, 0, created, created, created]);
  }
  t.staff_qualifications.add([
    ctx.id(), staff.doctor, 'asi_assessor', `LSP-BNN/ASI/${plan.code}/2024`, addDays(historyStart, -60), addDays(anchor, 700), 'LSP BNN', null, created,
  ]);
  for (const user of [staff.doctor, staff.nurse, staff.counsellor]) {
    for (const day of [1, 2, 3, 4, 5]) t.staff_availability.add([ctx.id(), user, day, '07:30', '16:00']);
  }
  const rooms = new Map<RoomKey, string>();
  for (const room of ROOMS) {
    const id = ctx.id();
    rooms.set(room.key, id);
    t.rooms.add([id, unitId, room.name, room.capacity, true]);
  }
  for (const block of ROUTINE) {
    for (const day of block.days) t.routine_blocks.add([ctx.id(), unitId, block.kind, block.label, day, block.start, block.end]);
  }

  const programmes = new Map<string, ProgrammeRef>();
  for (const p of DEFAULT_PROGRAMMES) {
    const id = ctx.id();
    programmes.set(p.kind, { id, kind: p.kind, weeks: p.durationWeeks, sessionTypes: p.sessionTypes });
    t.programmes.add([id, unitId, p.kind, p.name, p.description, p.durationWeeks, JSON.stringify(p.phases), p.capacity, p.active, 1, created, created]);
    for (const [position, s] of p.sessionTypes.entries()) {
      t.programme_session_types.add([ctx.id(), id, position, s.code, s.name, s.mode, s.perWeek, s.everyWeeks, s.durationMinutes, s.minGroup, s.maxGroup]);
    }
  }

  const drugFlags = shuffledFlags(random, plan.people, plan.drugCases);
  const members: Member[] = [];
  let decree = 0;
  const blocks = plan.kind === 'lapas' ? ['A', 'B', 'C', 'D', 'E', 'F'] : ['A', 'B', 'C', 'D'];
  for (let i = 0; i < plan.people; i += 1) {
    const drugCase = drugFlags[i]!;
    const wbpId = ctx.id();
    const sex: Sex = random() < (plan.kind === 'lpka' ? 0.95 : 0.93) ? 'L' : 'P';
    const given = pick(random, sex === 'L' ? MALE_GIVEN : FEMALE_GIVEN);
    const fullName = random() < 0.12 ? given : `${given} ${pick(random, FAMILY)}`;
    const age = plan.kind === 'lpka' ? intBetween(random, 14, 17) : intBetween(random, 18, 40) + (random() < 0.3 ? intBetween(random, 0, 25) : 0);
    const legalStatus: LegalStatus = plan.kind === 'lpka' ? 'anak' : plan.kind === 'lapas' ? 'narapidana' : random() < 0.65 ? 'tahanan' : 'narapidana';
    const maxStay = plan.kind === 'lapas' ? 2_200 : legalStatus === 'tahanan' ? 240 : 900;
    const admission = addDays(anchor, -intBetween(random, 3, maxStay));
    const stayed = daysBetween(admission, anchor);
    const released = stayed > 30 && random() < 0.08;
    const releasedOn = released ? addDays(anchor, -intBetween(random, 1, Math.min(365, stayed - 1))) : null;
    const articles = drugCase
      ? [weighted(random, DRUG_ARTICLES), ...(random() < 0.2 ? ['UU 35/2009 Pasal 132'] : [])]
      : [pick(random, OTHER_ARTICLES)];
    const selfUse = articles[0] === 'UU 35/2009 Pasal 127';
    let sentenceMonths: number | null = null;
    let expectedRelease: string | null = null;
    const releaseKind = releasedOn ? (legalStatus === 'tahanan' ? 'other' : weighted(random, [['pb', 0.5], ['cb', 0.15], ['end_of_sentence', 0.35]] as const)) : null;
    if (legalStatus !== 'tahanan') {
      sentenceMonths = drugCase ? (selfUse ? intBetween(random, 12, 48) : intBetween(random, 48, 144)) : intBetween(random, 6, 96);
      if (releasedOn) {
        // Parole and leave come before the end of the sentence; the sentence is what the dates say.
        expectedRelease = releaseKind === 'end_of_sentence' ? releasedOn : addDays(releasedOn, intBetween(random, 60, 400));
        sentenceMonths = Math.max(1, Math.round(daysBetween(admission, expectedRelease) / 30.44));
      } else {
        expectedRelease = addMonths(admission, sentenceMonths);
        if (expectedRelease <= anchor) {
          sentenceMonths = Math.ceil(stayed / 30.44) + intBetween(random, 1, 36);
          expectedRelease = addMonths(admission, sentenceMonths);
        }
      }
    }
    ctx.serial.sdp += 1;
    const prefix = legalStatus === 'tahanan' ? 'AII' : legalStatus === 'anak' ? 'AN' : 'BI';
    const block = pick(random, blocks);
    t.wbp.add([
      wbpId, `${prefix}.${admission.slice(0, 4)}.${String(ctx.serial.sdp).padStart(6, '0')}`, fullName, sex,
      addDays(anchor, -(age * 365 + intBetween(random, 0, 364))), pick(random, BIRTH_PLACES), legalStatus, articles, sentenceMonths, unitId,
      `Blok ${block}`, `${block}-${String(intBetween(random, 1, 30)).padStart(2, '0')}`, admission, expectedRelease, releasedOn, 'sdp', 1,
      wib(admission, 9), wib(releasedOn ?? admission, 10),
    ]);
    if (!drugCase) continue;

    // ---- the pathway of a person with a drug case -----------------------------------------
    const lastDay = releasedOn ?? anchor;
    const firstDay = admission >= historyStart ? admission : addDays(historyStart, intBetween(random, 0, 650));
    let enrolled = false;
    if (firstDay < lastDay && daysBetween(firstDay, lastDay) >= 5 && random() < 0.88) {
      const screenedOn = addDays(firstDay, Math.min(intBetween(random, 1, 21), daysBetween(firstDay, lastDay) - 1));
      const risk = weighted(random, [['low', 0.2], ['moderate', 0.5], ['high', 0.3]] as const);
      const pooled = pick(random, ctx.screeningPool[risk]);
      // A partner board's assessor screens and assesses some people; the unit's doctor the others.
      const clinician = region.partner && random() < 0.3 ? region.partner.assessor : staff.doctor;
      const screeningId = ctx.id();
      t.screenings.add([screeningId, wbpId, unitId, 'assist', '3.0', pooled.answers, pooled.result, pooled.overall, screenedOn, clinician, wib(screenedOn, 10)]);

      const assess = pooled.overall !== 'low' || random() < 0.05;
      const assessedOn = addDays(screenedOn, intBetween(random, 1, 6));
      if (assess && assessedOn <= lastDay) {
        const form = pick(random, ctx.formPool[napzaSeverity(random, pooled.overall)]!);
        const signedOn = addDays(assessedOn, intBetween(random, 0, 3));
        const signed = signedOn <= lastDay && daysBetween(assessedOn, anchor) >= 3 && random() < 0.96;
        const override = signed && random() < 0.04;
        const teamClass = override ? adjacentClass(form.ruleClass, random) : null;
        const finalClass = signed ? teamClass ?? form.ruleClass : null;
        const assessmentId = ctx.id();
        t.assessments.add([
          assessmentId, wbpId, unitId, screeningId, signed ? 'signed' : 'draft', 'asi', '5', form.form, RUPIAH_PER_USD, form.composites,
          form.asiProblems, form.ruleClass, form.basis, region.ruleId, 1, form.placementJson, teamClass, finalClass, null,
          override ? 'Pertimbangan tim: riwayat penggunaan dan dukungan keluarga.' : null, clinician, signed ? clinician : null,
          signed ? wib(signedOn, 14) : null, signed ? 3 : 2, wib(assessedOn, 9), wib(signed ? signedOn : assessedOn, 14), 'initial',
        ]);

        // The head's decree: most within the 14 working days of the standard, some later.
        const wait = weighted(random, [[intBetween(random, 4, 14), 0.6], [intBetween(random, 15, 25), 0.3], [intBetween(random, 26, 40), 0.1]] as const);
        let decreeDate = addWorkingDays(screenedOn, wait, new Set());
        if (decreeDate <= signedOn) decreeDate = addDays(signedOn, 1);
        if (signed && decreeDate <= lastDay && random() < 0.92) {
          decree += 1;
          const outside = selfUse && random() < 0.2;
          const decisionId = ctx.id();
          t.placement_decisions.add([
            decisionId, wbpId, unitId, assessmentId, `W${region.index + 1}.PAS.${plan.code}-PK.01.04-${String(decree).padStart(4, '0')}`,
            decreeDate, outside ? 'outside_unit' : 'inside_unit', null, staff.head, wib(decreeDate, 11),
          ]);
          if (!outside) {
            const kinds = teamClass !== null
              ? [teamClass === 'rendah' ? 'education' : teamClass === 'menengah' ? 'medical' : 'social']
              : form.placement;
            for (const kind of kinds) {
              const programme = programmes.get(kind);
              if (!programme) continue;
              enrolled = seedEnrolment(ctx, { unitId, staff, wbpId, decisionId, decreeDate, releasedOn, programme, members }) || enrolled;
            }
          }
        }
      }
    }
    if (releasedOn && releaseKind) {
      seedAftercare(ctx, { unitId, staff, wbpId, releasedOn, releaseKind, expectedRelease, enrolled, receivers: region.receivers });
    } else if (expectedRelease && expectedRelease > anchor && expectedRelease <= addDays(anchor, 90) && random() < 0.6) {
      ctx.serial.releaseDecision += 1;
      const decisionDate = addDays(anchor, -intBetween(random, 1, 20));
      const pb = random() < 0.5;
      t.release_plans.add([
        ctx.id(), wbpId, unitId, pb ? 'pb' : 'end_of_sentence', pb ? `PAS-${ctx.serial.releaseDecision}.PK.05.09/${anchor.slice(0, 4)}` : null,
        pb ? decisionDate : null, expectedRelease, 'planned', null, null, staff.officer, wib(decisionDate, 10), wib(decisionDate, 10),
      ]);
    }
  }

  seedTimetable(ctx, { unitId, staff, rooms, programmes, members });
  return unitId;
}

interface EnrolmentInput {
  unitId: string;
  staff: UnitStaff;
  wbpId: string;
  decisionId: string;
  decreeDate: string;
  releasedOn: string | null;
  programme: ProgrammeRef;
  members: Member[];
}

/** An enrolment from a decree, ended by the dates (completed, dropped, released) or still under way; false when it never started. */
function seedEnrolment(ctx: Context, e: EnrolmentInput): boolean {
  const { tables: t, random, anchor } = ctx;
  const start = addDays(e.decreeDate, intBetween(random, 1, 10));
  const lastDay = e.releasedOn ?? anchor;
  const id = ctx.id();
  if (start > lastDay) {
    if (e.releasedOn) return false;
    t.enrolments.add([id, e.wbpId, e.programme.id, e.decisionId, null, 'waitlisted', null, null, null, null, null, null, wib(e.decreeDate, 11), wib(e.decreeDate, 11)]);
    return false;
  }
  const expectedEnd = programmeEnd(start, e.programme.weeks);
  let status: 'active' | 'completed' | 'dropped' | 'changed' = 'active';
  let endedOn: string | null = null;
  let reason: string | null = null;
  let certificate: string | null = null;
  if (e.releasedOn && e.releasedOn < expectedEnd) {
    status = 'dropped';
    endedOn = e.releasedOn;
    reason = 'release';
  } else if (expectedEnd <= anchor) {
    const r = random();
    const early = addDays(start, intBetween(random, 7, e.programme.weeks * 7 - 1));
    if (r < 0.8) {
      status = 'completed';
      endedOn = expectedEnd;
      ctx.serial.certificate += 1;
      certificate = `SERT/${e.programme.kind.toUpperCase()}/${String(ctx.serial.certificate).padStart(7, '0')}`;
    } else if (r < 0.95) {
      status = 'dropped';
      endedOn = early;
      reason = weighted(random, DROP_REASONS);
    } else {
      status = 'changed';
      endedOn = early;
    }
  }
  t.enrolments.add([
    id, e.wbpId, e.programme.id, e.decisionId, null, status, start, expectedEnd, endedOn, reason, endedOn ? e.staff.head : null, certificate,
    wib(e.decreeDate, 11), wib(endedOn ?? start, 15),
  ]);
  const until = endedOn ?? anchor;
  e.members.push({ wbpId: e.wbpId, kind: e.programme.kind, from: start, to: until });
  seedUrineTests(ctx, { unitId: e.unitId, staff: e.staff, wbpId: e.wbpId, enrolmentId: id, from: start, to: until, completed: status === 'completed' });
  return true;
}

/** An entry test, a routine test every four weeks and an exit test on completion, all resulted; a positive opens a task. */
function seedUrineTests(ctx: Context, u: { unitId: string; staff: UnitStaff; wbpId: string; enrolmentId: string; from: string; to: string; completed: boolean }): void {
  const { tables: t, random, anchor } = ctx;
  const last = u.to < anchor ? u.to : addDays(anchor, -1);
  const planned: [string, string][] = [];
  for (let day = u.from, n = 0; day <= last; day = addDays(u.from, (n += 1) * 28)) planned.push([day, n === 0 ? 'entry' : 'routine']);
  if (u.completed && planned.at(-1)?.[0] !== u.to && u.to <= last) planned.push([u.to, 'exit']);
  for (const [day, reason] of planned) {
    const { json, outcome } = urineResults(random, reason === 'entry' ? 0.18 : 0.05);
    const id = ctx.id();
    t.urine_tests.add([
      id, u.wbpId, u.unitId, u.enrolmentId, reason, day, 'resulted', u.staff.officer, u.staff.nurse, wib(day, 8, 30), json, outcome,
      u.staff.nurse, wib(day, 10), u.staff.nurse, wib(day, 8), 3,
    ]);
    if (outcome === 'positive') {
      const due = addDays(day, 3);
      const open = due >= anchor;
      t.care_tasks.add([
        ctx.id(), u.wbpId, u.unitId, 'urine_positive', id, due, open ? 'open' : 'done', open ? null : 'Konseling dan tes ulang dijadwalkan.',
        open ? null : u.staff.counsellor, open ? null : wib(addDays(day, intBetween(random, 1, 3)), 15), wib(day, 10),
      ]);
    }
  }
}
