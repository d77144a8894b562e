import type { RehabClass } from '../contracts/clinical.ts';
import { addDays } from './dates.ts';
import { DECISION_STANDARD_WORKING_DAYS, addWorkingDays } from './workdays.ts';

const CLASS_RANK: Record<RehabClass, number> = { tinggi: 3, menengah: 2, rendah: 1 };

/**
 * UU 35/2009 Pasal 127: rehabilitation outside the unit only for pure self-users. The articles
 * that count as "self-use only" are data (a setting), matched on the article text.
 */
export function outsideUnitAllowed(caseArticles: readonly string[], selfUseArticles: readonly string[]): boolean {
  if (caseArticles.length === 0) return false;
  const normal = (a: string) => a.replace(/\s+/g, ' ').trim().toLowerCase();
  const allowed = new Set(selfUseArticles.map(normal));
  return caseArticles.every((a) => allowed.has(normal(a)));
}

/** The programme's end if it started on `start`: its length in weeks, counted in days. */
export function programmeEnd(start: string, durationWeeks: number): string {
  return addDays(start, durationWeeks * 7);
}

export interface WaitlistCandidate {
  id: string;
  finalClass: RehabClass;
  napzaSeverity: number | null;
  expectedReleaseDate: string | null;
  decidedOn: string;
}

export interface WaitlistEntry<C> {
  candidate: C;
  position: number;
  canFinish: boolean;
  /** When the time left before release does not cover the programme, the dates that show it. */
  cannotFinish: { releaseOn: string; wouldEndOn: string } | null;
}

/**
 * The waitlist of a full programme: those who can finish before release first, then by severity
 * (class, then the napza rating), then by the date of the decision. Nobody is left out: people who
 * cannot finish stay on the list, flagged with the dates.
 */
export function orderWaitlist<C extends WaitlistCandidate>(candidates: readonly C[], durationWeeks: number, startOn: string): WaitlistEntry<C>[] {
  const wouldEndOn = programmeEnd(startOn, durationWeeks);
  const judged = candidates.map((candidate) => {
    const canFinish = candidate.expectedReleaseDate === null || candidate.expectedReleaseDate >= wouldEndOn;
    return { candidate, canFinish, cannotFinish: canFinish ? null : { releaseOn: candidate.expectedReleaseDate!, wouldEndOn } };
  });
  judged.sort((a, b) =>
    Number(b.canFinish) - Number(a.canFinish)
    || CLASS_RANK[b.candidate.finalClass] - CLASS_RANK[a.candidate.finalClass]
    || (b.candidate.napzaSeverity ?? -1) - (a.candidate.napzaSeverity ?? -1)
    || a.candidate.decidedOn.localeCompare(b.candidate.decidedOn)
    || a.candidate.id.localeCompare(b.candidate.id));
  return judged.map((j, i) => ({ ...j, position: i + 1 }));
}

/** The 14-working-day service standard, from the screening to the head of unit's decision. */
export function decisionDue(screenedOn: string, holidays: ReadonlySet<string>): string {
  return addWorkingDays(screenedOn, DECISION_STANDARD_WORKING_DAYS, holidays);
}
