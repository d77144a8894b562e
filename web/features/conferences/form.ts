import type { z } from 'zod';
import type { ConferenceDecision, PersonOutcomes } from '../../../shared/contracts/conferences.ts';
import { issueMessage } from '../../app/validation.ts';

/** How a decision is marked in lists and minutes: ending the programme stands out. */
export const DECISION_COLOR: Record<ConferenceDecision, string> = {
  continue: 'blue', change_programme: 'blue', refer: 'blue', complete: 'teal', drop_out: 'red',
};

/** One attendee as typed: the agency is chosen from the list of organisations or written out. */
export interface AttendeeRow {
  key: number;
  name: string;
  position: string;
  organizationId: string | null;
  agency: string;
  userId: string | null;
}

/** One person discussed, with the fields of every decision (only the chosen decision's are sent). */
export interface PersonRow {
  wbpId: string;
  fullName: string;
  sdpNumber: string;
  /** '' for none. */
  enrolmentId: string;
  discussion: string;
  decision: ConferenceDecision;
  programmeId: string | null;
  toOrganizationId: string | null;
  toName: string;
  referralReason: string;
  dropReason: string;
  note: string;
}

export interface MeetingValues {
  heldOn: string;
  title: string;
  notes: string;
}

const orNull = (v: string) => (v.trim() === '' ? null : v.trim());

/** The request as the form holds it, before the contract checks it. */
export function conferenceInput(meeting: MeetingValues, attendees: readonly AttendeeRow[], people: readonly PersonRow[]) {
  return {
    heldOn: meeting.heldOn,
    title: meeting.title,
    notes: orNull(meeting.notes),
    attendees: attendees.map((a) => ({
      name: a.name,
      position: orNull(a.position),
      organizationId: a.organizationId,
      agency: a.organizationId ? null : orNull(a.agency),
      userId: a.userId,
    })),
    people: people.map((p) => ({
      wbpId: p.wbpId,
      enrolmentId: p.enrolmentId || null,
      discussion: p.discussion,
      decision: p.decision,
      detail: detailOf(p),
    })),
  };
}

function detailOf(p: PersonRow): Record<string, string | null> {
  switch (p.decision) {
    case 'change_programme':
      return { programmeId: p.programmeId };
    case 'refer':
      return { toOrganizationId: p.toOrganizationId, toName: orNull(p.toName), reason: orNull(p.referralReason) };
    case 'complete':
      return { note: orNull(p.note) };
    case 'drop_out':
      return { reason: p.dropReason || null, note: orNull(p.note) };
    case 'continue':
      return {};
  }
}

/** The enrolment a decision most likely concerns: the one active, else the one open; none when it is not clear. */
export function defaultEnrolment(outcomes: PersonOutcomes | undefined): string {
  const open = (outcomes?.enrolments ?? []).filter((e) => e.status === 'active' || e.status === 'waitlisted');
  const active = open.filter((e) => e.status === 'active');
  if (active.length === 1) return active[0]!.id;
  if (open.length === 1) return open[0]!.id;
  return '';
}

/** Messages keyed by the whole path ("people.1.detail.programmeId"), the first per field. */
export function messagesOfIssues(error: z.ZodError, input: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[issue.path.map(String).join('.') || '_form'] ??= issueMessage(issue, input);
  return out;
}

/** The id of the input for a field path, so a message can name it and focus can go to it. */
export function fieldId(path: string): string {
  return `conference-${path.replace(/\./g, '-')}`;
}
