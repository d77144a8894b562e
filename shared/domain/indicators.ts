// The dashboard's and the monthly report's indicators (issue 7), from per-unit counts to what a
// reader is shown: the sums of units, small-count suppression with its complement, rates, the
// waiting time against the 14-working-day standard and the median. Pure: "today" and the holidays
// are arguments; the counts come from server/modules/reports/indicators.repository.ts.

import type { ProgrammeKind } from '../contracts/programmes.ts';
import {
  CLASSES, FOLLOW_UP_OUTCOMES, FUNNEL_STAGES, REHAB_TYPES, type FunnelStage, type Indicators, type RehabType,
} from '../contracts/reports.ts';
import type { AftercareOutcome } from './aftercare.ts';
import { daysBetween } from './dates.ts';
import { decisionDue } from './placement.ts';
import { DECISION_STANDARD_WORKING_DAYS, workingDaysBetween } from './workdays.ts';

export type ClassName = (typeof CLASSES)[number];
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];

/**
 * How Ditjenpas counts rehabilitation (medical, social, post-rehabilitation), per programme kind.
 * - medical → medical; methadone maintenance (ptrm) → medical too: Ditjenpas counts medical
 *   rehabilitation including methadone (PTRM is medical care for opioid dependence).
 * - social (Therapeutic Community) → social; post_rehab (run by the Bapas after release) → post_rehab.
 * - vct_counselling → none: voluntary HIV counselling and testing is a health service given beside
 *   rehabilitation, not a rehabilitation programme (counting it would count people twice).
 * - education → none: education and brief intervention are what the rendah class gets instead of
 *   rehabilitation.
 * A person with two enrolments of the same type in the period is counted once for that type.
 */
export const REHAB_TYPE_OF_KIND: Readonly<Record<ProgrammeKind, RehabType | null>> = {
  medical: 'medical',
  ptrm: 'medical',
  social: 'social',
  post_rehab: 'post_rehab',
  vct_counselling: null,
  education: null,
};

/** The programme kinds counted under a rehabilitation type (the inverse of REHAB_TYPE_OF_KIND). */
export function kindsOfRehabType(type: RehabType): ProgrammeKind[] {
  return (Object.keys(REHAB_TYPE_OF_KIND) as ProgrammeKind[]).filter((kind) => REHAB_TYPE_OF_KIND[kind] === type);
}

/** How an aftercare referral was closed (aftercare module) as the dashboard names the outcome. */
export const FOLLOW_UP_OUTCOME_OF: Readonly<Record<AftercareOutcome, FollowUpOutcome>> = {
  stable: 'stable',
  relapse: 'relapse',
  re_offended: 'reoffended',
  lost_to_follow_up: 'lost',
};

// --- Periods -------------------------------------------------------------------------------------

/** The longest period a dashboard covers, in days (both ends included): a leap year. */
export const MAX_PERIOD_DAYS = 366;

/** What is wrong with a period, as field problems: an end before its start, or longer than MAX_PERIOD_DAYS. */
export function periodProblems(from: string, to: string): { field: string; message: string; params?: Record<string, number> }[] {
  if (to < from) return [{ field: 'to', message: 'validation.dashboard.periodReversed' }];
  if (daysBetween(from, to) + 1 > MAX_PERIOD_DAYS) return [{ field: 'to', message: 'validation.dashboard.periodTooLong', params: { max: MAX_PERIOD_DAYS } }];
  return [];
}

// --- Small pieces --------------------------------------------------------------------------------

/** A count as shown where small counts are suppressed: null from 1 to threshold - 1; zero and larger counts as they are. */
export function suppress(n: number | null, threshold: number): number | null {
  if (n === null) return null;
  return n > 0 && n < threshold ? null : n;
}

/** A share, or null without a denominator or where a part is not shown. */
export function rateOf(numerator: number | null, denominator: number | null): number | null {
  if (numerator === null || denominator === null || denominator <= 0) return null;
  return numerator / denominator;
}

/** The median of some numbers (the mean of the middle two for an even count), or null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The median of a histogram (value → how many times), without spelling it out. */
export function medianOfCounts(histogram: Readonly<Record<number, number>>): number | null {
  const entries = Object.entries(histogram).map(([v, n]) => [Number(v), n] as const).filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return null;
  // The k-th value in order (0-based) of the spelled-out list.
  const nth = (k: number): number => {
    let seen = 0;
    for (const [v, n] of entries) {
      seen += n;
      if (k < seen) return v;
    }
    return entries[entries.length - 1]![0];
  };
  return total % 2 === 1 ? nth((total - 1) / 2) : (nth(total / 2 - 1) + nth(total / 2)) / 2;
}

// --- Waiting for the decree ----------------------------------------------------------------------

/** Decrees of one day answering screenings of one day: how many. */
export interface DecisionWait { screenedOn: string; decidedOn: string; n: number }

/**
 * The working days from screening result to decree, as a histogram, and how many decrees came
 * within the standard: on or before the due day, as the decision worklist judges it (decisionDue).
 */
export function waitingOf(waits: readonly DecisionWait[], holidays: ReadonlySet<string>): { days: Record<number, number>; withinStandard: number } {
  const days: Record<number, number> = {};
  let withinStandard = 0;
  // Many decrees answer screenings of the same day: each day's due date is worked out once.
  const due = new Map<string, string>();
  for (const w of waits) {
    const taken = workingDaysBetween(w.screenedOn, w.decidedOn, holidays);
    days[taken] = (days[taken] ?? 0) + w.n;
    let dueOn = due.get(w.screenedOn);
    if (dueOn === undefined) {
      dueOn = decisionDue(w.screenedOn, holidays);
      due.set(w.screenedOn, dueOn);
    }
    if (w.decidedOn <= dueOn) withinStandard += w.n;
  }
  return { days, withinStandard };
}

/** People still waiting for a decree, by the day of their screening result: those past the due day today. */
export function overdueOf(waiting: readonly { screenedOn: string; n: number }[], today: string, holidays: ReadonlySet<string>): number {
  return waiting.reduce((sum, w) => sum + (today > decisionDue(w.screenedOn, holidays) ? w.n : 0), 0);
}

// --- Raw counts ----------------------------------------------------------------------------------

/** One unit's figures (or a sum of units'), before any suppression: plain counts, never a person. */
export interface RawIndicators {
  funnel: Record<FunnelStage, number>;
  classes: Record<ClassName, number>;
  occupancy: { capacity: number | null; held: number; drugCases: number };
  waiting: { days: Record<number, number>; withinStandard: number; overdueNow: number };
  attendance: { expected: number; present: number };
  urine: { tested: number; positive: number };
  completion: { completed: number; dropped: number; active: number };
  followUps: Record<FollowUpOutcome, number>;
  rehabTypes: Record<RehabType, number>;
}

const zeros = <K extends string>(keys: readonly K[]): Record<K, number> => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export function emptyRaw(capacity: number | null = null): RawIndicators {
  return {
    funnel: zeros(FUNNEL_STAGES),
    classes: zeros(CLASSES),
    occupancy: { capacity, held: 0, drugCases: 0 },
    waiting: { days: {}, withinStandard: 0, overdueNow: 0 },
    attendance: { expected: 0, present: 0 },
    urine: { tested: 0, positive: 0 },
    completion: { completed: 0, dropped: 0, active: 0 },
    followUps: zeros(FOLLOW_UP_OUTCOMES),
    rehabTypes: zeros(REHAB_TYPES),
  };
}

const addRecord = <K extends string>(a: Record<K, number>, b: Record<K, number>): Record<K, number> =>
  Object.fromEntries(Object.keys(a).map((k) => [k, a[k as K] + b[k as K]])) as Record<K, number>;

/** The sum of units' figures: counts add up, the waiting histograms merge, capacities add up (null when no unit has one). */
export function sumRaw(units: readonly RawIndicators[]): RawIndicators {
  return units.reduce<RawIndicators>((acc, u) => {
    const days = { ...acc.waiting.days };
    for (const [d, n] of Object.entries(u.waiting.days)) days[Number(d)] = (days[Number(d)] ?? 0) + n;
    return {
      funnel: addRecord(acc.funnel, u.funnel),
      classes: addRecord(acc.classes, u.classes),
      occupancy: {
        capacity: acc.occupancy.capacity === null && u.occupancy.capacity === null ? null : (acc.occupancy.capacity ?? 0) + (u.occupancy.capacity ?? 0),
        held: acc.occupancy.held + u.occupancy.held,
        drugCases: acc.occupancy.drugCases + u.occupancy.drugCases,
      },
      waiting: { days, withinStandard: acc.waiting.withinStandard + u.waiting.withinStandard, overdueNow: acc.waiting.overdueNow + u.waiting.overdueNow },
      attendance: addRecord(acc.attendance, u.attendance),
      urine: addRecord(acc.urine, u.urine),
      completion: addRecord(acc.completion, u.completion),
      followUps: addRecord(acc.followUps, u.followUps),
      rehabTypes: addRecord(acc.rehabTypes, u.rehabTypes),
    };
  }, emptyRaw());
}

/** Every count of a unit's figures by its path ('funnel.screened', 'classes.rendah', …): what suppression works on. */
export function countsOf(raw: RawIndicators): Map<string, number> {
  const counts = new Map<string, number>();
  for (const stage of FUNNEL_STAGES) counts.set(`funnel.${stage}`, raw.funnel[stage]);
  for (const c of CLASSES) counts.set(`classes.${c}`, raw.classes[c]);
  counts.set('occupancy.held', raw.occupancy.held);
  counts.set('occupancy.drugCases', raw.occupancy.drugCases);
  counts.set('waiting.decided', Object.values(raw.waiting.days).reduce((a, b) => a + b, 0));
  counts.set('waiting.withinStandard', raw.waiting.withinStandard);
  counts.set('waiting.overdueNow', raw.waiting.overdueNow);
  counts.set('attendance.expected', raw.attendance.expected);
  counts.set('attendance.present', raw.attendance.present);
  counts.set('urine.tested', raw.urine.tested);
  counts.set('urine.positive', raw.urine.positive);
  counts.set('completion.completed', raw.completion.completed);
  counts.set('completion.dropped', raw.completion.dropped);
  counts.set('completion.active', raw.completion.active);
  for (const o of FOLLOW_UP_OUTCOMES) counts.set(`followUps.${o}`, raw.followUps[o]);
  for (const t of REHAB_TYPES) counts.set(`rehabTypes.${t}`, raw.rehabTypes[t]);
  return counts;
}

// --- Suppression ---------------------------------------------------------------------------------

/** Why a count is hidden: it is small, or it was hidden with a small one (complementary). */
export type Hidden = Map<string, 'small' | 'complementary'>;

/**
 * Groups of a unit's counts where each part could be worked out from the others and a total, so a
 * single hidden part is not enough: the classes with the number classified (their total), and the
 * follow-up outcomes (together the referrals closed in the period).
 */
const GROUPS_IN_A_UNIT: readonly (readonly string[])[] = [
  [...CLASSES.map((c) => `classes.${c}`), 'funnel.classified'],
  FOLLOW_UP_OUTCOMES.map((o) => `followUps.${o}`),
];

interface Cell { table: number; key: string }

/**
 * Which counts to hide, for units shown side by side with their total (the last table): every
 * count from 1 to threshold - 1, and then, in each group where exactly one non-zero count is hidden
 * (so that it could be worked out by subtraction), the smallest other non-zero count too, until no
 * group has a single hidden count. The groups are the unit groups above, and each count across the
 * units of `unitGroups` (all units, each region's units), whose total is shown or can be asked for.
 * Subtraction over different periods is not guarded against.
 */
export function suppressionPlan(units: readonly RawIndicators[], threshold: number, unitGroups: readonly (readonly number[])[]): { units: Hidden[]; total: Hidden } {
  const tables = [...units, sumRaw(units)].map(countsOf);
  const hidden: Hidden[] = tables.map((counts) => {
    const h: Hidden = new Map();
    for (const [key, n] of counts) if (n > 0 && n < threshold) h.set(key, 'small');
    return h;
  });
  const value = (c: Cell) => tables[c.table]!.get(c.key) ?? 0;
  const isHidden = (c: Cell) => hidden[c.table]!.has(c.key);
  const groups: Cell[][] = [];
  tables.forEach((_, table) => GROUPS_IN_A_UNIT.forEach((keys) => groups.push(keys.map((key) => ({ table, key })))));
  for (const members of unitGroups) {
    if (members.length < 2) continue;
    for (const key of tables[0]?.keys() ?? []) groups.push(members.map((table) => ({ table, key })));
  }
  let changed = true;
  while (changed) {
    changed = false;
    for (const cells of groups) {
      const nonZero = cells.filter((c) => value(c) > 0);
      if (nonZero.filter(isHidden).length !== 1) continue;
      const next = nonZero.filter((c) => !isHidden(c)).sort((a, b) => value(a) - value(b))[0];
      if (!next) continue;
      hidden[next.table]!.set(next.key, 'complementary');
      changed = true;
    }
  }
  return { units: hidden.slice(0, units.length), total: hidden[units.length]! };
}

/** What a reader is shown of a unit's (or a total's) figures: every count, with those in `hidden` as null, and the rates of what is shown. */
export function toIndicators(raw: RawIndicators, hidden: Hidden | null): Indicators {
  const counts = countsOf(raw);
  const shown = (key: string): number | null => (hidden?.has(key) ? null : (counts.get(key) ?? 0));
  const decided = shown('waiting.decided');
  const held = shown('occupancy.held');
  const completed = shown('completion.completed');
  const dropped = shown('completion.dropped');
  const complementary = hidden ? [...hidden].filter(([, why]) => why === 'complementary').map(([key]) => key) : [];
  return {
    funnel: FUNNEL_STAGES.map((stage) => ({ stage, count: shown(`funnel.${stage}`) })),
    classes: CLASSES.map((c) => ({ class: c, count: shown(`classes.${c}`) })),
    occupancy: { capacity: raw.occupancy.capacity, held, drugCases: shown('occupancy.drugCases'), rate: rateOf(held, raw.occupancy.capacity) },
    waiting: {
      standardDays: DECISION_STANDARD_WORKING_DAYS,
      decided,
      withinStandard: shown('waiting.withinStandard'),
      // One person's wait is not shown where the number of decrees is hidden.
      medianDays: decided === null ? null : medianOfCounts(raw.waiting.days),
      overdueNow: shown('waiting.overdueNow'),
    },
    attendance: { expected: shown('attendance.expected'), present: shown('attendance.present'), rate: rateOf(shown('attendance.present'), shown('attendance.expected')) },
    urine: { tested: shown('urine.tested'), positive: shown('urine.positive'), rate: rateOf(shown('urine.positive'), shown('urine.tested')) },
    completion: {
      completed, dropped, active: shown('completion.active'),
      completionRate: completed === null || dropped === null ? null : rateOf(completed, completed + dropped),
    },
    followUps: FOLLOW_UP_OUTCOMES.map((outcome) => ({ outcome, count: shown(`followUps.${outcome}`) })),
    rehabTypes: REHAB_TYPES.map((type) => ({ type, count: shown(`rehabTypes.${type}`) })),
    complementary,
  };
}
