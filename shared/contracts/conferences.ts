import { z } from 'zod';
import { ORG_KINDS, pageOf, paginationQuery } from './common.ts';
import { ENROLMENT_STATUSES, PROGRAMME_KINDS } from './programmes.ts';
import { INCIDENT_KINDS } from './notes.ts';
import { CONFERENCE_DECISIONS, DROP_OUT_REASONS, decisionDetailProblems, decisionNeedsEnrolment, dropOutProblems } from '../domain/outcomes.ts';
import { URINE_OUTCOMES, URINE_REASONS, URINE_STATUSES } from '../domain/urine.ts';

export { CONFERENCE_DECISIONS, DROP_OUT_REASONS };
export type { ConferenceDecision, DropOutReason } from '../domain/outcomes.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
/** An optional text: absent, null or blank all mean "not given". */
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional().transform((v) => (v ? v : null));

// --- Case conferences ----------------------------------------------------------------------------

export const conferenceListQuery = paginationQuery;

export const attendeeBody = z.object({
  name: z.string().trim().min(2).max(120),
  position: optionalText(120),
  /** The agency, from the list of organisations… */
  organizationId: z.uuid().nullable().optional().transform((v) => v ?? null),
  /** …or written out when it is not in the list. */
  agency: optionalText(120),
  /** The attendee's own account, when they have one. */
  userId: z.uuid().nullable().optional().transform((v) => v ?? null),
});
export type AttendeeBody = z.output<typeof attendeeBody>;

export const decisionDetailBody = z.object({
  /** change_programme: the programme to move to. */
  programmeId: z.uuid().nullable().optional().transform((v) => v ?? null),
  /** refer: where to, from the list of organisations or by name; and why. */
  toOrganizationId: z.uuid().nullable().optional().transform((v) => v ?? null),
  toName: optionalText(200),
  /** refer: the reason in words; drop_out: one of DROP_OUT_REASONS. */
  reason: optionalText(2000),
  /** complete / drop_out: a note on the outcome (required for the drop-out reason "other"). */
  note: optionalText(2000),
});
export type DecisionDetailBody = z.output<typeof decisionDetailBody>;

export const conferencePersonBody = z
  .object({
    wbpId: z.uuid(),
    /** The enrolment discussed; required for change_programme, complete and drop_out. */
    enrolmentId: z.uuid().nullable().optional().transform((v) => v ?? null),
    discussion: text(4000),
    decision: z.enum(CONFERENCE_DECISIONS),
    detail: decisionDetailBody.default({ programmeId: null, toOrganizationId: null, toName: null, reason: null, note: null }),
  })
  .superRefine((p, ctx) => {
    if (decisionNeedsEnrolment(p.decision) && p.enrolmentId === null) {
      ctx.addIssue({ code: 'custom', message: 'conference.enrolmentRequired', path: ['enrolmentId'] });
    }
    for (const problem of decisionDetailProblems(p.decision, p.detail)) {
      ctx.addIssue({ code: 'custom', message: problem.message, path: ['detail', problem.field] });
    }
  });
export type ConferencePersonBody = z.output<typeof conferencePersonBody>;

export const conferenceBody = z
  .object({
    heldOn: z.iso.date(),
    title: z.string().trim().min(3).max(200),
    notes: optionalText(8000),
    attendees: z.array(attendeeBody).min(1).max(60),
    people: z.array(conferencePersonBody).min(1).max(100),
  })
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.people.forEach((p, i) => {
      if (seen.has(p.wbpId)) ctx.addIssue({ code: 'custom', message: 'conference.duplicatePerson', path: ['people', i, 'wbpId'] });
      seen.add(p.wbpId);
    });
  });
export type ConferenceBody = z.output<typeof conferenceBody>;

export const conferenceSummary = z.object({
  id: z.uuid(),
  facilityId: z.uuid(),
  heldOn: z.string(),
  title: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  attendeeCount: z.number().int(),
  peopleCount: z.number().int(),
  /** How many people got each decision. */
  decisions: z.object({
    continue: z.number().int(),
    change_programme: z.number().int(),
    refer: z.number().int(),
    complete: z.number().int(),
    drop_out: z.number().int(),
  }),
});
export type ConferenceSummary = z.infer<typeof conferenceSummary>;
export const conferenceList = pageOf(conferenceSummary);
export type ConferenceList = z.infer<typeof conferenceList>;

export const attendeeRecord = z.object({
  id: z.uuid(),
  name: z.string(),
  position: z.string().nullable(),
  userId: z.uuid().nullable(),
});

/** The attendees of one agency: an organisation of the list, one written out, or none given. */
export const agencyGroup = z.object({
  organizationId: z.uuid().nullable(),
  /** The organisation's name or the agency as written; null for attendees without one. */
  name: z.string().nullable(),
  kind: z.enum(ORG_KINDS).nullable(),
  attendees: z.array(attendeeRecord),
});
export type AgencyGroup = z.infer<typeof agencyGroup>;

export const newEnrolmentEffect = z.object({
  id: z.uuid(),
  programmeId: z.uuid(),
  programmeName: z.string(),
  status: z.enum(ENROLMENT_STATUSES),
  startDate: z.string().nullable(),
  expectedEndDate: z.string().nullable(),
});

/** What a decision did to the record when the conference was saved. */
export const decisionEffect = z.object({
  /** The discussed enrolment's status after the decision (null when none was named). */
  enrolmentStatus: z.enum(ENROLMENT_STATUSES).nullable(),
  endedOn: z.string().nullable(),
  certificateNumber: z.string().nullable(),
  newEnrolment: newEnrolmentEffect.nullable(),
  referral: z.object({ id: z.uuid(), toName: z.string(), reason: z.string(), referredOn: z.string() }).nullable(),
});
export type DecisionEffect = z.infer<typeof decisionEffect>;

export const recentIncident = z.object({
  id: z.uuid(),
  occurredOn: z.string(),
  kind: z.enum(INCIDENT_KINDS),
  description: z.string(),
  actionTaken: z.string().nullable(),
});
export const recentUrineTest = z.object({
  id: z.uuid(),
  plannedOn: z.string(),
  reason: z.enum(URINE_REASONS),
  status: z.enum(URINE_STATUSES),
  outcome: z.enum(URINE_OUTCOMES).nullable(),
  /** Per substance of the panel. */
  results: z.record(z.string(), z.enum(URINE_OUTCOMES)).nullable(),
});

export const conferencePersonRecord = z.object({
  wbpId: z.uuid(),
  fullName: z.string(),
  sdpNumber: z.string(),
  enrolmentId: z.uuid().nullable(),
  programmeName: z.string().nullable(),
  discussion: z.string(),
  decision: z.enum(CONFERENCE_DECISIONS),
  detail: z.object({
    programmeId: z.uuid().nullable(),
    programmeName: z.string().nullable(),
    toOrganizationId: z.uuid().nullable(),
    toName: z.string().nullable(),
    reason: z.string().nullable(),
    note: z.string().nullable(),
  }),
  effect: decisionEffect,
  /** The person's incidents and urine tests in the 90 days before the conference, newest first. */
  incidents: z.array(recentIncident),
  urineTests: z.array(recentUrineTest),
});
export type ConferencePersonRecord = z.infer<typeof conferencePersonRecord>;

export const conferenceRecord = z.object({
  id: z.uuid(),
  facilityId: z.uuid(),
  facilityName: z.string(),
  heldOn: z.string(),
  title: z.string(),
  notes: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  /** The first day of the window whose incidents and urine results are shown. */
  lookbackFrom: z.string(),
  agencies: z.array(agencyGroup),
  people: z.array(conferencePersonRecord),
});
export type ConferenceRecord = z.infer<typeof conferenceRecord>;

// --- Outcomes and referrals ----------------------------------------------------------------------

export const completeBody = z.object({
  endedOn: z.iso.date(),
  note: optionalText(2000),
});
export type CompleteBody = z.output<typeof completeBody>;

export const dropOutBody = z
  .object({
    endedOn: z.iso.date(),
    reason: z.enum(DROP_OUT_REASONS),
    note: optionalText(2000),
  })
  .superRefine((d, ctx) => {
    for (const problem of dropOutProblems(d.reason, d.note)) ctx.addIssue({ code: 'custom', message: problem.message, path: [problem.field] });
  });
export type DropOutBody = z.output<typeof dropOutBody>;

export const referralBody = z
  .object({
    toOrganizationId: z.uuid().nullable().optional().transform((v) => v ?? null),
    toName: optionalText(200),
    reason: z.string().trim().min(3).max(2000),
    referredOn: z.iso.date(),
  })
  .refine((r) => r.toName !== null || r.toOrganizationId !== null, { message: 'conference.referralTargetRequired', path: ['toName'] });
export type ReferralBody = z.output<typeof referralBody>;

export const outcomeEnrolment = z.object({
  id: z.uuid(),
  wbpId: z.uuid(),
  programmeId: z.uuid(),
  programmeName: z.string(),
  programmeKind: z.enum(PROGRAMME_KINDS),
  facilityId: z.uuid(),
  facilityName: z.string(),
  decreeNumber: z.string(),
  status: z.enum(ENROLMENT_STATUSES),
  startDate: z.string().nullable(),
  expectedEndDate: z.string().nullable(),
  endedOn: z.string().nullable(),
  outcomeReason: z.enum(DROP_OUT_REASONS).nullable(),
  outcomeNote: z.string().nullable(),
  outcomeBy: z.string().nullable(),
  certificateNumber: z.string().nullable(),
});
export type OutcomeEnrolment = z.infer<typeof outcomeEnrolment>;

export const referralRecord = z.object({
  id: z.uuid(),
  kind: z.enum(['clinical', 'aftercare']),
  toOrganizationId: z.uuid().nullable(),
  toName: z.string(),
  reason: z.string(),
  referredOn: z.string(),
  conferenceId: z.uuid().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type ReferralRecord = z.infer<typeof referralRecord>;

export const personOutcomes = z.object({
  enrolments: z.array(outcomeEnrolment),
  referrals: z.array(referralRecord),
});
export type PersonOutcomes = z.infer<typeof personOutcomes>;
