import { z } from 'zod';
import {
  SEVERITY_AREA_CODES, type CareTaskKind, type ChangeDirection, type PhaseDirection, type PhaseSchedule, type ReassessmentStatus,
} from '../contracts/progress.ts';
import { phaseBody } from '../contracts/programmes.ts';
import { ASI_AREAS, SEVERITY_AREAS, roundHalfAwayFromZero, type AsiArea, type SeverityAreaCode } from '../instruments/index.ts';
import { addDays, daysBetween } from './dates.ts';

// Progress through a programme: where a person stands in the Therapeutic Community's phases, when
// the re-assessments fall due, and what changed between the assessment that placed them and a
// follow-up. Pure: "today" is always an argument.

export interface Phase {
  code: string;
  name: string;
  weeks: number;
}

const phaseList = z.array(phaseBody);

/** A programme's phases as stored (programmes.phases); anything unreadable counts as no phases. */
export function phasesOf(stored: unknown): Phase[] {
  const parsed = phaseList.safeParse(stored);
  return parsed.success ? parsed.data : [];
}

/** The phase a person is in: the last change's destination, else the first phase (null without phases). */
export function currentPhase(phases: readonly Phase[], changes: readonly { toPhase: string }[]): string | null {
  // Indexes, not Array.prototype.at: shared code also runs in the old browsers the units use.
  const last = changes[changes.length - 1];
  if (last) return last.toPhase;
  return phases[0]?.code ?? null;
}

/** The calendar of the phases from a start date: each phase's first day and the day after its last. */
export function phaseCalendar(phases: readonly Phase[], startDate: string | null): { code: string; startsOn: string | null; endsOn: string | null }[] {
  let offsetWeeks = 0;
  return phases.map((p) => {
    const startsOn = startDate ? addDays(startDate, offsetWeeks * 7) : null;
    offsetWeeks += p.weeks;
    return { code: p.code, startsOn, endsOn: startDate ? addDays(startDate, offsetWeeks * 7) : null };
  });
}

/**
 * The phase the calendar expects on `today`: the phase whose weeks hold the day. Before the start
 * (or without one) there is none; past the last phase's end it stays the last phase.
 */
export function expectedPhase(phases: readonly Phase[], startDate: string | null, today: string): string | null {
  if (!startDate || phases.length === 0 || today < startDate) return null;
  const week = Math.floor(daysBetween(startDate, today) / 7);
  let cumulative = 0;
  for (const p of phases) {
    cumulative += p.weeks;
    if (week < cumulative) return p.code;
  }
  return phases[phases.length - 1]!.code;
}

/** Behind, on time or ahead of the calendar; null when either phase is unknown. */
export function phaseSchedule(phases: readonly Phase[], current: string | null, expected: string | null): PhaseSchedule | null {
  const at = phases.findIndex((p) => p.code === current);
  const due = phases.findIndex((p) => p.code === expected);
  if (at < 0 || due < 0) return null;
  if (at < due) return 'behind';
  return at === due ? 'on_time' : 'ahead';
}

export interface Problem {
  field: string;
  /** A message key of the server's catalogue. */
  message: string;
  params?: Record<string, string | number>;
}

/**
 * What is wrong with a phase change, by field. A promotion goes to the next phase only, a
 * regression to any earlier one; the date lies between the start (and the last change) and today.
 */
export function phaseChangeProblems(input: {
  phases: readonly Phase[];
  current: string | null;
  direction: PhaseDirection;
  toPhase: string;
  changedOn: string;
  startDate: string;
  lastChangedOn: string | null;
  today: string;
}): Problem[] {
  const problems: Problem[] = [];
  const to = input.phases.findIndex((p) => p.code === input.toPhase);
  const at = input.phases.findIndex((p) => p.code === input.current);
  if (to < 0) {
    problems.push({ field: 'toPhase', message: 'validation.progress.unknownPhase' });
  } else if (at >= 0 && input.direction === 'promotion') {
    if (at === input.phases.length - 1) problems.push({ field: 'toPhase', message: 'validation.progress.lastPhase' });
    else if (to !== at + 1) problems.push({ field: 'toPhase', message: 'validation.progress.notNextPhase', params: { phase: input.phases[at + 1]!.name } });
  } else if (at >= 0 && input.direction === 'regression') {
    if (at === 0) problems.push({ field: 'toPhase', message: 'validation.progress.firstPhase' });
    else if (to >= at) problems.push({ field: 'toPhase', message: 'validation.progress.notEarlierPhase' });
  }
  // From a phase the programme no longer has (it was edited since), any of its phases may follow.
  problems.push(...dateProblems('changedOn', input.changedOn, input.startDate, input.today));
  if (problems.every((p) => p.field !== 'changedOn') && input.lastChangedOn && input.changedOn < input.lastChangedOn) {
    problems.push({ field: 'changedOn', message: 'validation.progress.beforeLastChange', params: { date: input.lastChangedOn } });
  }
  return problems;
}

/** A date of something that happened in the programme: not before its start, not after today. */
export function dateProblems(field: string, date: string, notBefore: string, today: string): Problem[] {
  if (date > today) return [{ field, message: 'validation.dateInFuture' }];
  if (date < notBefore) return [{ field, message: 'validation.progress.beforeStart', params: { date: notBefore } }];
  return [];
}

// --- Re-assessment -------------------------------------------------------------------------------

/** Mid-programme and at the end, as percentages of the programme's length. */
export const DEFAULT_REASSESSMENT_POINTS: readonly number[] = [50, 100];
/** A point this near (in days) is due; nearer still or past, it is a task. */
export const DUE_WINDOW_DAYS = 14;

/** The configured points (setting `reassessmentPoints`): whole percentages 1–100, in order, once each. */
export function reassessmentPointsOf(setting: unknown): number[] {
  const parsed = z.array(z.number().int().min(1).max(100)).min(1).safeParse(setting);
  if (!parsed.success) return [...DEFAULT_REASSESSMENT_POINTS];
  return [...new Set(parsed.data)].sort((a, b) => a - b);
}

/** The day a point falls due: the start plus that share of the programme's length, in whole days. */
export function reassessmentDue(startDate: string, durationWeeks: number, point: number): string {
  return addDays(startDate, Math.round((durationWeeks * 7 * point) / 100));
}

/** The follow-up a point shows: its signed one, else the latest started (a draft); null before any. */
export function followUpOfPoint<T extends { status: string }>(atPoint: readonly T[]): T | null {
  return atPoint.find((f) => f.status === 'signed') ?? atPoint[atPoint.length - 1] ?? null;
}

/** A point is a task of the unit while it is due (within DUE_WINDOW_DAYS) or overdue: unsigned, of an enrolment not stopped. */
export function isReassessmentTask(status: ReassessmentStatus): boolean {
  return status === 'due' || status === 'overdue';
}

export function reassessmentStatus(input: {
  dueOn: string | null;
  today: string;
  signed: boolean;
  enrolmentStatus: 'active' | 'waitlisted' | 'completed' | 'dropped' | 'changed';
}): ReassessmentStatus {
  if (input.signed) return 'done';
  if (input.enrolmentStatus === 'dropped' || input.enrolmentStatus === 'changed') return 'closed';
  if (!input.dueOn) return 'upcoming';
  const days = daysBetween(input.today, input.dueOn);
  if (days < 0) return 'overdue';
  return days <= DUE_WINDOW_DAYS ? 'due' : 'upcoming';
}

// --- Before and after ----------------------------------------------------------------------------

export interface AssessmentScores {
  composites: Partial<Record<AsiArea, number | null>>;
  severity: Partial<Record<SeverityAreaCode, number>>;
}

const compositesShape = z.partialRecord(z.enum(ASI_AREAS), z.number().nullable().catch(null));
const severityShape = z.partialRecord(
  z.enum(SEVERITY_AREA_CODES),
  z.number().int().min(0).max(9).optional().catch(undefined),
);

/** The composites (assessments.composites) and the form's 0–9 grid (assessments.form.severity) of a stored assessment. */
export function scoresOf(composites: unknown, form: unknown): AssessmentScores {
  const c = compositesShape.safeParse(composites ?? {});
  const grid = form !== null && typeof form === 'object' ? (form as { severity?: unknown }).severity : undefined;
  const s = severityShape.safeParse(grid ?? {});
  return {
    composites: c.success ? c.data : {},
    severity: s.success ? (Object.fromEntries(Object.entries(s.data).filter(([, v]) => v !== undefined)) as AssessmentScores['severity']) : {},
  };
}

/** Lower is better in every area (the employment composite too: it measures the problem, not the job). */
export function directionOf(change: number | null): ChangeDirection | null {
  if (change === null) return null;
  if (change < 0) return 'better';
  return change > 0 ? 'worse' : 'same';
}

function changeOf(before: number | null | undefined, after: number | null | undefined, decimals: number) {
  const b = before ?? null;
  const a = after ?? null;
  const change = a === null || b === null ? null : roundHalfAwayFromZero(a - b, decimals);
  return { before: b, after: a, change, direction: directionOf(change) };
}

/** Area by area, before and after: the seven ASI composites (4 decimals) and the form's six 0–9 ratings. */
export function compareScores(before: AssessmentScores, after: AssessmentScores) {
  return {
    composites: ASI_AREAS.map((area) => ({ area, ...changeOf(before.composites[area], after.composites[area], 4) })),
    severity: SEVERITY_AREAS.map(({ code }) => ({ area: code, ...changeOf(before.severity[code], after.severity[code], 0) })),
  };
}

// --- Care tasks ----------------------------------------------------------------------------------

const TASK_PAGES: Record<CareTaskKind, string> = {
  urine_positive: 'urin',
  incident_review: 'insiden',
  reassessment: 'kemajuan',
};

/** The page of a person's care record where a task of this kind is worked on. */
export function careTaskLink(kind: CareTaskKind, wbpId: string): string {
  return `/wbp/${wbpId}/${TASK_PAGES[kind]}`;
}

/** A task is overdue once its day has passed while still open. */
export function taskOverdue(dueOn: string, status: 'open' | 'done' | 'cancelled', today: string): boolean {
  return status === 'open' && dueOn < today;
}
