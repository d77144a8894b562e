// Release and aftercare (domain.md §8): the release look-ahead, who may receive a person after
// release, the follow-up schedule counted from the release date and the flags of a referral left
// unanswered or a follow-up not done in time. Pure: "today" is always an argument.

import type { OrgKind } from '../contracts/common.ts';
import { addDays, addMonths } from './dates.ts';

/** How a person leaves: parole (pembebasan bersyarat), leave before release (cuti bersyarat), end of sentence, other. */
export const RELEASE_KINDS = ['pb', 'cb', 'end_of_sentence', 'other'] as const;
export type ReleaseKind = (typeof RELEASE_KINDS)[number];

export const RELEASE_PLAN_STATUSES = ['planned', 'released', 'cancelled'] as const;
export type ReleasePlanStatus = (typeof RELEASE_PLAN_STATUSES)[number];

/** How a consent to share was given. */
export const CONSENT_METHODS = ['signed_form', 'verbal_witnessed'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

export const REFERRAL_STATUSES = ['sent', 'accepted', 'declined', 'closed'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const AFTERCARE_OUTCOMES = ['stable', 'relapse', 're_offended', 'lost_to_follow_up'] as const;
export type AftercareOutcome = (typeof AFTERCARE_OUTCOMES)[number];

export const FOLLOW_UP_URINE = ['not_done', 'negative', 'positive'] as const;
export type FollowUpUrine = (typeof FOLLOW_UP_URINE)[number];

/** The organisations that take a person after release: the probation office, the narcotics boards and the IPWL clinics. */
export const AFTERCARE_RECEIVER_KINDS: readonly OrgKind[] = ['bapas', 'bnn', 'bnnp', 'bnnk', 'ipwl'];

export function receivesAftercare(kind: OrgKind): boolean {
  return AFTERCARE_RECEIVER_KINDS.includes(kind);
}

/** The look-ahead windows offered: the next 1, 2 or 3 months. */
export const LOOK_AHEAD_MONTHS = [1, 2, 3] as const;
export type LookAheadMonths = (typeof LOOK_AHEAD_MONTHS)[number];

/** Months of follow-up after release when the setting `aftercareFollowUpMonths` is absent or unusable. */
export const DEFAULT_FOLLOW_UP_MONTHS: readonly number[] = [1, 3, 6, 12];
/** The longest follow-up the setting may ask for, in months. */
export const MAX_FOLLOW_UP_MONTH = 60;
/** Days after its due date before a follow-up not recorded is flagged as overdue. */
export const FOLLOW_UP_GRACE_DAYS = 14;
/** Days after it was sent before a referral neither accepted nor declined is flagged. */
export const ACCEPTANCE_ALERT_DAYS = 7;

/** Whether a value is a usable follow-up setting: whole months from 1 to 60, at least one. */
export function followUpMonthsProblem(value: unknown): string | null {
  if (!Array.isArray(value) || value.length === 0) return 'aftercare.followUpMonthsEmpty';
  if (!value.every((v) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= MAX_FOLLOW_UP_MONTH)) return 'aftercare.followUpMonthsRange';
  return null;
}

/** The configured months (setting `aftercareFollowUpMonths`), in order and once each; the default when unusable. */
export function followUpMonthsOf(setting: unknown): number[] {
  if (followUpMonthsProblem(setting) !== null) return [...DEFAULT_FOLLOW_UP_MONTHS];
  return [...new Set(setting as number[])].sort((a, b) => a - b);
}

export type FollowUpState = 'done' | 'upcoming' | 'due' | 'overdue';

/**
 * Where a follow-up stands: done once recorded; before its due date upcoming; from it due;
 * overdue once the grace days after it have passed without a record.
 */
export function followUpState(dueOn: string, doneOn: string | null, today: string, graceDays: number = FOLLOW_UP_GRACE_DAYS): FollowUpState {
  if (doneOn !== null) return 'done';
  if (today < dueOn) return 'upcoming';
  if (today > addDays(dueOn, graceDays)) return 'overdue';
  return 'due';
}

/** The follow-ups of a referral: one per configured month, due that many months after the release date. */
export function followUpSchedule(releaseOn: string, months: readonly number[]): { month: number; dueOn: string }[] {
  return [...new Set(months)].sort((a, b) => a - b).map((month) => ({ month, dueOn: addMonths(releaseOn, month) }));
}

/** A referral still waiting for an answer more than the alert days after it was sent. */
export function acceptanceOverdue(status: ReferralStatus, referredOn: string, today: string, alertDays: number = ACCEPTANCE_ALERT_DAYS): boolean {
  return status === 'sent' && today > addDays(referredOn, alertDays);
}

/** The last day of a look-ahead window that starts today. */
export function lookAheadUntil(today: string, months: LookAheadMonths): string {
  return addMonths(today, months);
}

/** The expected release of a person: the release plan's date when there is one, else the register's date. */
export function expectedRelease(planOn: string | null, registerOn: string | null): string | null {
  return planOn ?? registerOn;
}

/** PB and CB are granted by decision (the Kanwil's or the unit's TPP); a decision date cannot be after the release it grants. */
export function releasePlanProblems(p: { kind: ReleaseKind; decisionNumber: string | null; decisionDate: string | null; expectedOn: string }): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if ((p.decisionNumber === null) !== (p.decisionDate === null)) {
    problems.push({ field: p.decisionNumber === null ? 'decisionNumber' : 'decisionDate', message: 'aftercare.decisionIncomplete' });
  }
  if (p.decisionDate !== null && p.decisionDate > p.expectedOn) problems.push({ field: 'decisionDate', message: 'aftercare.decisionAfterRelease' });
  return problems;
}
