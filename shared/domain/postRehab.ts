import { endDateProblem } from './outcomes.ts';
import type { Permission } from './permissions.ts';

/**
 * Post-rehabilitation (pascarehabilitasi, domain.md §2.6): a Bapas runs its own programmes for the
 * clients referred to it after release. Its staff work in two places: the custodial units of its
 * area (the register, as before) and the Bapas itself, which holds no one but runs programmes,
 * rooms, staff hours, a weekly timetable and attendance.
 */

/** What Bapas staff do in the Bapas itself, and only there: running its post-rehabilitation programmes. */
export const BAPAS_UNIT_PERMISSIONS: readonly Permission[] = [
  'programme.manage', 'routine.manage', 'timetable.read', 'timetable.manage', 'attendance.write', 'postrehab.manage',
];

/** What Bapas staff do in both: reading programmes, rooms and routines. */
const BOTH: readonly Permission[] = ['programme.read'];

/**
 * The units a Bapas account works in for a permission: the Bapas for running its programmes, the
 * custodial units of its area for everything else (the Bapas holds no one, so the register,
 * imports, screening and counts never see it), both for reading programmes.
 */
export function bapasUnitsFor(permission: Permission, facilityIds: readonly string[], bapasId: string): string[] {
  if (BAPAS_UNIT_PERMISSIONS.includes(permission)) return facilityIds.filter((id) => id === bapasId);
  if (BOTH.includes(permission)) return [...facilityIds];
  return facilityIds.filter((id) => id !== bapasId);
}

/** Why an enrolment from a referral is refused, as field problems (message keys without the 'validation.' prefix). */
export type PostRehabProblem = { field: 'referralId' | 'startDate' | 'endedOn' | 'note'; message: string };

/**
 * A client can join a Bapas programme from an aftercare referral that is addressed to that Bapas,
 * accepted, with the person's consent to share in force, after the release; the start date is not
 * before the release.
 */
export function enrolmentProblems(r: {
  addressedHere: boolean; status: 'sent' | 'accepted' | 'declined' | 'closed' | null; consentInForce: boolean; releasedOn: string | null;
}, startDate: string): PostRehabProblem[] {
  if (!r.addressedHere || r.status === null) return [{ field: 'referralId', message: 'postRehab.unknownReferral' }];
  if (r.status !== 'accepted') return [{ field: 'referralId', message: 'postRehab.notAccepted' }];
  if (!r.consentInForce) return [{ field: 'referralId', message: 'postRehab.noConsent' }];
  if (r.releasedOn === null) return [{ field: 'referralId', message: 'postRehab.notReleased' }];
  if (startDate < r.releasedOn) return [{ field: 'startDate', message: 'postRehab.beforeRelease' }];
  return [];
}

/** How a Bapas ends a post-rehabilitation enrolment: completed (no certificate is issued) or dropped. */
export const POST_REHAB_ENDINGS = ['completed', 'dropped'] as const;
export type PostRehabEnding = (typeof POST_REHAB_ENDINGS)[number];

/** A drop-out says why in the note (its reason is stored as 'other'); a completion may add one. */
export function endingNoteProblems(status: PostRehabEnding, note: string | null | undefined): PostRehabProblem[] {
  if (status === 'dropped' && (note === null || note === undefined || note.trim() === '')) {
    return [{ field: 'note', message: 'postRehab.noteRequiredForDrop' }];
  }
  return [];
}

/** The end date is not after today (in Jakarta) and not before the enrolment started. */
export function endingDateProblems(endedOn: string, startDate: string | null, today: string): PostRehabProblem[] {
  const problem = endDateProblem(endedOn, startDate, today);
  if (problem === 'future') return [{ field: 'endedOn', message: 'dateInFuture' }];
  if (problem === 'beforeStart') return [{ field: 'endedOn', message: 'postRehab.endBeforeStart' }];
  return [];
}
