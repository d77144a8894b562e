import { z } from 'zod';
import { ORG_KINDS, isoDate } from './common.ts';
import type { ConsentMethod, LookAheadMonths } from '../domain/aftercare.ts';
import {
  AFTERCARE_OUTCOMES, CONSENT_METHODS, FOLLOW_UP_URINE, LOOK_AHEAD_MONTHS, MAX_FOLLOW_UP_MONTH, REFERRAL_STATUSES, RELEASE_KINDS, RELEASE_PLAN_STATUSES,
} from '../domain/aftercare.ts';

export { AFTERCARE_OUTCOMES, CONSENT_METHODS, FOLLOW_UP_URINE, LOOK_AHEAD_MONTHS, REFERRAL_STATUSES, RELEASE_KINDS, RELEASE_PLAN_STATUSES };
export type { AftercareOutcome, LookAheadMonths, ConsentMethod, FollowUpState, FollowUpUrine, ReferralStatus, ReleaseKind, ReleasePlanStatus } from '../domain/aftercare.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
/** An optional text: absent, null or blank all mean "not given". */
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional().transform((v) => (v ? v : null));

// --- Release plans and the look-ahead --------------------------------------------------------------

export const lookAheadQuery = z.object({
  months: z.enum(['1', '2', '3']).default('1').transform((m) => Number(m) as LookAheadMonths),
});

export const releasePlanBody = z.object({
  kind: z.enum(RELEASE_KINDS),
  decisionNumber: optionalText(120),
  decisionDate: isoDate.nullable().optional().transform((v) => v ?? null),
  expectedOn: isoDate,
  note: optionalText(2000),
});
export type ReleasePlanBody = z.output<typeof releasePlanBody>;

export const releaseBody = z.object({ releasedOn: isoDate });

/** Why a plan under way is called off (the decision was revoked, the person stays): kept in the audit log. */
export const cancelPlanBody = z.object({ reason: text(2000) });
export type CancelPlanBody = z.infer<typeof cancelPlanBody>;

export const releasePlanRecord = z.object({
  id: z.uuid(),
  wbpId: z.uuid(),
  kind: z.enum(RELEASE_KINDS),
  decisionNumber: z.string().nullable(),
  decisionDate: z.string().nullable(),
  expectedOn: z.string(),
  status: z.enum(RELEASE_PLAN_STATUSES),
  releasedOn: z.string().nullable(),
  note: z.string().nullable(),
  createdBy: z.string(),
});
export type ReleasePlanRecord = z.infer<typeof releasePlanRecord>;

export const lookAheadRow = z.object({
  wbpId: z.uuid(),
  fullName: z.string(),
  sdpNumber: z.string(),
  block: z.string().nullable(),
  expectedOn: z.string(),
  /** Where the date comes from: a release plan, or the register's expected release date. */
  source: z.enum(['plan', 'register']),
  planId: z.uuid().nullable(),
  kind: z.enum(RELEASE_KINDS).nullable(),
  decisionNumber: z.string().nullable(),
  decisionDate: z.string().nullable(),
  /** The class of the latest signed assessment. */
  className: z.string().nullable(),
  programmeName: z.string().nullable(),
  enrolmentStatus: z.string().nullable(),
  phase: z.string().nullable(),
  lastOutcome: z.string().nullable(),
  consentCount: z.number().int(),
  hasReferral: z.boolean(),
});
export const lookAhead = z.object({ from: z.string(), until: z.string(), months: z.number().int(), items: z.array(lookAheadRow) });
export type LookAhead = z.infer<typeof lookAhead>;
export type LookAheadRow = z.infer<typeof lookAheadRow>;

// --- Consent ---------------------------------------------------------------------------------------

/** How a consent to share was given; verbal consent needs its witness named. Shared with the SATUSEHAT consent (fhir.ts). */
export const consentGiven = z.object({
  givenOn: isoDate,
  method: z.enum(CONSENT_METHODS),
  witnessName: optionalText(120),
});
export const witnessNamed = <T extends { method: ConsentMethod; witnessName: string | null }>(c: T): boolean =>
  c.method !== 'verbal_witnessed' || c.witnessName !== null;
export const WITNESS_REQUIRED = { message: 'aftercare.witnessRequired', path: ['witnessName'] };

export const consentBody = consentGiven.extend({ organizationId: z.uuid() }).refine(witnessNamed, WITNESS_REQUIRED);
export type ConsentBody = z.output<typeof consentBody>;

export const revokeBody = z.object({ revokedOn: isoDate, reason: text(2000) });

/** A consent as recorded, in force or revoked; the SATUSEHAT consent (fhir.ts) has the same fields without the organisation. */
export const consentFields = {
  id: z.uuid(),
  givenOn: z.string(),
  method: z.enum(CONSENT_METHODS),
  witnessName: z.string().nullable(),
  recordedBy: z.string(),
  revokedOn: z.string().nullable(),
  revocationReason: z.string().nullable(),
  inForce: z.boolean(),
};
export const consentRecord = z.object({ ...consentFields, organizationId: z.uuid(), organizationName: z.string() });
export type ConsentRecord = z.infer<typeof consentRecord>;

// --- Referrals and follow-ups --------------------------------------------------------------------------

export const aftercareReferralBody = z.object({
  releasePlanId: z.uuid(),
  toOrganizationId: z.uuid(),
  reason: text(2000),
  carePlan: text(4000),
  referredOn: isoDate,
});
export type AftercareReferralBody = z.output<typeof aftercareReferralBody>;

export const declineBody = z.object({ reason: text(2000) });
export const closeBody = z.object({ outcome: z.enum(AFTERCARE_OUTCOMES), closedOn: isoDate, note: optionalText(2000) });
export const followUpBody = z.object({
  month: z.number().int().min(1).max(MAX_FOLLOW_UP_MONTH),
  doneOn: isoDate,
  contactMade: z.boolean(),
  urine: z.enum(FOLLOW_UP_URINE),
  note: optionalText(2000),
});
export type FollowUpBody = z.output<typeof followUpBody>;

export const followUpRecord = z.object({
  month: z.number().int(),
  dueOn: z.string(),
  state: z.enum(['done', 'upcoming', 'due', 'overdue']),
  doneOn: z.string().nullable(),
  contactMade: z.boolean().nullable(),
  urine: z.enum(FOLLOW_UP_URINE).nullable(),
  note: z.string().nullable(),
  recordedBy: z.string().nullable(),
});
export type FollowUpRecord = z.infer<typeof followUpRecord>;

export const aftercareReferralRecord = z.object({
  id: z.uuid(),
  wbpId: z.uuid(),
  fullName: z.string(),
  sdpNumber: z.string(),
  facilityId: z.uuid(),
  facilityName: z.string(),
  toOrganizationId: z.uuid(),
  toName: z.string(),
  toKind: z.enum(ORG_KINDS),
  releaseKind: z.enum(RELEASE_KINDS),
  /** The release date the schedule counts from: the actual one once released, else the expected one. */
  releaseOn: z.string(),
  released: z.boolean(),
  reason: z.string(),
  carePlan: z.string(),
  referredOn: z.string(),
  status: z.enum(REFERRAL_STATUSES),
  answeredAt: z.string().nullable(),
  answeredBy: z.string().nullable(),
  declinedReason: z.string().nullable(),
  outcome: z.enum(AFTERCARE_OUTCOMES).nullable(),
  outcomeNote: z.string().nullable(),
  closedOn: z.string().nullable(),
  createdBy: z.string(),
  consentInForce: z.boolean(),
  /** Sent more than seven days ago and neither accepted nor declined. */
  awaitingTooLong: z.boolean(),
  overdueFollowUps: z.number().int(),
  followUps: z.array(followUpRecord),
});
export type AftercareReferralRecord = z.infer<typeof aftercareReferralRecord>;

export const referralList = z.object({ items: z.array(aftercareReferralRecord) });
export type ReferralList = z.infer<typeof referralList>;

export const personAftercare = z.object({
  releasedOn: z.string().nullable(),
  expectedReleaseDate: z.string().nullable(),
  plans: z.array(releasePlanRecord),
  consents: z.array(consentRecord),
  referrals: z.array(aftercareReferralRecord),
});
export type PersonAftercare = z.infer<typeof personAftercare>;

export const aftercareSettings = z.object({ followUpMonths: z.array(z.number().int()).min(1).max(24) });
export type AftercareSettings = z.infer<typeof aftercareSettings>;
