import { z } from 'zod';
import { assistResultSchema, formulirSchema, ASI_AREAS } from '../instruments/index.ts';
import { isoDate, paginationQuery } from './common.ts';

export const CLASSES = ['rendah', 'menengah', 'tinggi'] as const;
export type RehabClass = (typeof CLASSES)[number];
export const REHAB_TYPES = ['education', 'medical', 'social', 'ptrm'] as const;
export type RehabType = (typeof REHAB_TYPES)[number];
export const REHAB_PLACES = ['inside_unit', 'outside_unit'] as const;

// --- Screening (WHO ASSIST) ---------------------------------------------------------------

/** The answers as `pulih score` takes them; the server scores them, never the client. */
export const screeningRequest = z.object({
  answers: z.record(z.string(), z.unknown()),
  screenedOn: isoDate.optional(),
});
export type ScreeningRequest = z.infer<typeof screeningRequest>;

export const screeningRecord = z.object({
  id: z.uuid(),
  wbpId: z.uuid(),
  instrument: z.string(),
  version: z.string(),
  answers: z.record(z.string(), z.unknown()),
  result: assistResultSchema,
  screenedOn: z.string(),
  screenedBy: z.string().nullable(),
  /** The 14-working-day service standard from screening result to decision. */
  decisionDueOn: z.string(),
  createdAt: z.string(),
});
export type ScreeningRecord = z.infer<typeof screeningRecord>;

export const worklistQuery = paginationQuery.extend({
  facilityId: z.uuid().optional(),
  q: z.string().trim().max(80).optional(),
});

export const worklistItem = z.object({
  wbpId: z.uuid(),
  sdpNumber: z.string(),
  fullName: z.string(),
  block: z.string().nullable(),
  room: z.string().nullable(),
  admissionDate: z.string(),
  facilityId: z.uuid(),
  facilityName: z.string(),
  drugCase: z.boolean(),
});

// --- Assessment (ASI + the Indonesian form) -------------------------------------------------

export const recommendation = z.object({
  types: z.array(z.enum(REHAB_TYPES)).max(4),
  place: z.enum(REHAB_PLACES).nullable(),
  note: z.string().trim().max(2000).nullable(),
});
export type Recommendation = z.infer<typeof recommendation>;

export const saveAssessmentRequest = z.object({
  form: formulirSchema,
  /** The team's chosen class; when it differs from the rule's, overrideReason is required on signing. */
  teamClass: z.enum(CLASSES).nullable().default(null),
  recommendation: recommendation.nullable().default(null),
  overrideReason: z.string().trim().max(2000).nullable().default(null),
  version: z.number().int().min(1),
});
export type SaveAssessmentRequest = z.infer<typeof saveAssessmentRequest>;

export const createAssessmentRequest = z.object({ screeningId: z.uuid().nullable().default(null) });

export const signAssessmentRequest = z.object({ version: z.number().int().min(1) });
export const addendumRequest = z.object({ text: z.string().trim().min(5).max(4000) });

export const composites = z.partialRecord(z.enum(ASI_AREAS), z.number().nullable());

export const classificationResult = z.object({
  ruleClass: z.enum(CLASSES).nullable(),
  basis: z.enum(['asi_severity', 'assist', 'none']),
  ruleId: z.uuid().nullable(),
  ruleVersion: z.number().int().nullable(),
  placement: z.array(z.enum(REHAB_TYPES)),
});
export type ClassificationResult = z.infer<typeof classificationResult>;

export const assessmentRecord = z.object({
  id: z.uuid(),
  wbpId: z.uuid(),
  screeningId: z.uuid().nullable(),
  status: z.enum(['draft', 'signed']),
  instrument: z.string(),
  instrumentVersion: z.string(),
  form: formulirSchema,
  composites,
  /** ASI items the form could not give (composites that stay empty) and why. */
  asiProblems: z.array(z.object({ path: z.string(), message: z.string() })),
  exchangeRate: z.number(),
  classification: classificationResult,
  teamClass: z.enum(CLASSES).nullable(),
  finalClass: z.enum(CLASSES).nullable(),
  recommendation: recommendation.nullable(),
  overrideReason: z.string().nullable(),
  /** 'follow_up': a re-assessment during a programme, compared with the assessment that placed the person; never decided on. */
  purpose: z.enum(['initial', 'follow_up']),
  /** A follow-up's enrolment, its point (percent of the programme's length) and the programme's name. */
  followUp: z.object({ enrolmentId: z.uuid(), point: z.number().int(), programmeName: z.string() }).nullable(),
  createdBy: z.string().nullable(),
  signedBy: z.string().nullable(),
  signedAt: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
  addenda: z.array(z.object({ id: z.uuid(), text: z.string(), createdBy: z.string().nullable(), createdAt: z.string() })),
});
export type AssessmentRecord = z.infer<typeof assessmentRecord>;

export const assessmentSummary = assessmentRecord.pick({
  id: true, status: true, finalClass: true, signedAt: true, updatedAt: true, createdBy: true, signedBy: true, purpose: true,
}).extend({ followUpPoint: z.number().int().nullable() });

// --- Rules, qualifications, settings ---------------------------------------------------------

export const classificationRuleBody = z.object({
  /** Highest napza severity (0–9) still classed rendah, and still menengah; above is tinggi. */
  rendahMax: z.number().int().min(0).max(8),
  menengahMax: z.number().int().min(1).max(8),
  /** ASSIST overall risk → class, used when no severity grid is available. */
  assistFallback: z.object({ low: z.enum(CLASSES), moderate: z.enum(CLASSES), high: z.enum(CLASSES) }),
}).refine((r) => r.menengahMax > r.rendahMax, { message: 'rule.order', path: ['menengahMax'] });
export type ClassificationRuleBody = z.infer<typeof classificationRuleBody>;

export const classificationRule = z.object({
  id: z.uuid(),
  regionId: z.uuid().nullable(),
  regionName: z.string().nullable(),
  version: z.number().int(),
  rule: classificationRuleBody,
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});

export const saveRuleRequest = z.object({ regionId: z.uuid().nullable(), rule: classificationRuleBody });

export const QUALIFICATION_KINDS = ['asi_assessor', 'addiction_counsellor', 'doctor', 'psychologist'] as const;
export const qualificationRequest = z.object({
  kind: z.enum(QUALIFICATION_KINDS),
  /** Stored and listed as the qualification's `number`; named for what it is, so a refusal names it so. */
  certificateNumber: z.string().trim().min(2).max(80),
  issuedOn: isoDate,
  expiresOn: isoDate.nullable().default(null),
  issuer: z.string().trim().max(160).nullable().default(null),
}).refine((q) => !q.expiresOn || q.expiresOn > q.issuedOn, { message: 'qualification.expiryBeforeIssue', path: ['expiresOn'] });
export const qualificationRecord = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  kind: z.enum(QUALIFICATION_KINDS),
  number: z.string(),
  issuedOn: z.string(),
  expiresOn: z.string().nullable(),
  issuer: z.string().nullable(),
  valid: z.boolean(),
});

export const settingsRecord = z.object({
  rupiahPerUsd: z.number().positive().max(1_000_000),
  holidays: z.array(isoDate).max(400),
  /** Days before an agreement's end from which the dashboard flags it (shared/domain/agreements.ts). */
  agreementExpiryAlertDays: z.number().int().min(1).max(365),
});
export type SettingsRecord = z.infer<typeof settingsRecord>;

/** The settings as saved: a setting left out keeps its stored value. */
export const settingsRequest = settingsRecord.extend({ agreementExpiryAlertDays: settingsRecord.shape.agreementExpiryAlertDays.optional() });
export type SettingsRequest = z.infer<typeof settingsRequest>;
