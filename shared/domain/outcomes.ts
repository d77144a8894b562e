// Outcomes of an enrolment and the decisions of a case conference: which decision needs which
// facts, the dates an outcome may carry, the completion certificate's number and the Indonesian
// way of writing its dates. Pure: "today" is always an argument.

import type { ENROLMENT_STATUSES } from '../contracts/programmes.ts';

/** What the integrated team may decide about a person discussed in a case conference. */
export const CONFERENCE_DECISIONS = ['continue', 'change_programme', 'refer', 'complete', 'drop_out'] as const;
export type ConferenceDecision = (typeof CONFERENCE_DECISIONS)[number];

/** Why an enrolment ended without completion (the `outcome_reason` of a drop-out). */
export const DROP_OUT_REASONS = ['voluntary', 'rule_violation', 'health', 'transfer', 'release', 'absconded', 'other'] as const;
export type DropOutReason = (typeof DROP_OUT_REASONS)[number];

/** Decisions that act on an enrolment, which must therefore be named. */
const NEEDS_ENROLMENT: ReadonlySet<ConferenceDecision> = new Set(['change_programme', 'complete', 'drop_out']);

export function decisionNeedsEnrolment(decision: ConferenceDecision): boolean {
  return NEEDS_ENROLMENT.has(decision);
}

type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

/** The enrolment statuses each kind of ending may start from. */
export const ENDS_FROM: Record<'complete' | 'drop_out' | 'change_programme', readonly EnrolmentStatus[]> = {
  complete: ['active'],
  drop_out: ['active', 'waitlisted'],
  change_programme: ['active', 'waitlisted'],
};

export function mayEnd(how: 'complete' | 'drop_out' | 'change_programme', status: EnrolmentStatus): boolean {
  return ENDS_FROM[how].includes(status);
}

/** The facts a decision carries beside the discussion (one shape for all; each decision reads its own). */
export interface DecisionDetail {
  programmeId?: string | null | undefined;
  toOrganizationId?: string | null | undefined;
  toName?: string | null | undefined;
  reason?: string | null | undefined;
  note?: string | null | undefined;
}

export interface DetailProblem {
  /** The field inside `detail`. */
  field: keyof DecisionDetail;
  /** A rule name; the server answers it as `validation.<rule>`. */
  message: string;
}

const blank = (v: string | null | undefined) => v === undefined || v === null || v.trim() === '';

/** Whether a text is one of the drop-out reasons. */
export function isDropOutReason(v: string | null | undefined): v is DropOutReason {
  return typeof v === 'string' && (DROP_OUT_REASONS as readonly string[]).includes(v);
}

/** A drop-out's reason and note: the reason is one of the list, and "other" needs a note that says what. */
export function dropOutProblems(reason: string | null | undefined, note: string | null | undefined): DetailProblem[] {
  if (blank(reason)) return [{ field: 'reason', message: 'outcome.reasonRequired' }];
  if (!isDropOutReason(reason)) return [{ field: 'reason', message: 'outcome.reasonInvalid' }];
  if (reason === 'other' && blank(note)) return [{ field: 'note', message: 'outcome.noteRequiredForOther' }];
  return [];
}

/** What a decision's detail lacks; facts that depend on stored records are checked by the server. */
export function decisionDetailProblems(decision: ConferenceDecision, detail: DecisionDetail): DetailProblem[] {
  switch (decision) {
    case 'change_programme':
      return blank(detail.programmeId) ? [{ field: 'programmeId', message: 'conference.programmeRequired' }] : [];
    case 'refer': {
      const problems: DetailProblem[] = [];
      if (blank(detail.toName) && blank(detail.toOrganizationId)) problems.push({ field: 'toName', message: 'conference.referralTargetRequired' });
      if (blank(detail.reason)) problems.push({ field: 'reason', message: 'conference.referralReasonRequired' });
      return problems;
    }
    case 'drop_out':
      return dropOutProblems(detail.reason, detail.note);
    case 'complete':
    case 'continue':
      return [];
  }
}

/** Where an outcome's end date breaks the rules: not after today, not before the enrolment started. */
export function endDateProblem(endedOn: string, startDate: string | null, today: string): 'future' | 'beforeStart' | null {
  if (endedOn > today) return 'future';
  if (startDate !== null && endedOn < startDate) return 'beforeStart';
  return null;
}

// --- The completion certificate ----------------------------------------------------------------

/** Certificates are numbered per unit and year: `<unit code>/REH/<year>/<sequence>`. */
export function certificatePrefix(unitCode: string, year: number): string {
  return `${unitCode}/REH/${year}/`;
}

export function certificateNumber(unitCode: string, year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`a certificate sequence starts at 1, not ${sequence}`);
  return `${certificatePrefix(unitCode, year)}${String(sequence).padStart(4, '0')}`;
}

/** The sequence after the highest one among the numbers already given with this prefix (1 when none). */
export function nextCertificateSequence(existing: readonly string[], prefix: string): number {
  let highest = 0;
  for (const number of existing) {
    if (!number.startsWith(prefix)) continue;
    const rest = number.slice(prefix.length);
    if (!/^\d+$/.test(rest)) continue;
    highest = Math.max(highest, Number(rest));
  }
  return highest + 1;
}

/** The year of an ISO date. */
export function yearOf(isoDate: string): number {
  return Number(isoDate.slice(0, 4));
}

const INDONESIAN_MONTHS = [
  'Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember',
] as const;

/** An ISO date as Indonesian documents write it: "2026-11-22" → "22 November 2026". */
export function indonesianDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const name = INDONESIAN_MONTHS[month - 1];
  if (!name || !day || !year) throw new RangeError(`not an ISO date: ${isoDate}`);
  return `${day} ${name} ${year}`;
}

/** The 90 days before a conference, whose incidents and urine results the team sees. */
export const CONFERENCE_LOOKBACK_DAYS = 90;
