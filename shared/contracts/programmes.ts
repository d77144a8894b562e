import { z } from 'zod';
import { CLASSES, REHAB_PLACES } from './clinical.ts';

export const PROGRAMME_KINDS = ['education', 'medical', 'social', 'post_rehab', 'ptrm', 'vct_counselling'] as const;
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];
export const SESSION_MODES = ['group', 'individual', 'community'] as const;

export const sessionTypeBody = z
  .object({
    code: z.string().trim().regex(/^[a-z0-9_]{2,40}$/, { message: 'programme.codeFormat' }),
    name: z.string().trim().min(2).max(120),
    mode: z.enum(SESSION_MODES),
    /** How many sessions in a week it is held, in the weeks it is held. */
    perWeek: z.number().int().min(1).max(14),
    /** Held every n weeks (1 = every week; 4 = once in four weeks). */
    everyWeeks: z.number().int().min(1).max(26),
    durationMinutes: z.number().int().min(15).max(480),
    minGroup: z.number().int().min(1).max(60).nullable(),
    maxGroup: z.number().int().min(1).max(60).nullable(),
  })
  .refine((s) => s.mode !== 'group' || (s.minGroup !== null && s.maxGroup !== null), { message: 'programme.groupSizeRequired', path: ['maxGroup'] })
  .refine((s) => s.minGroup === null || s.maxGroup === null || s.minGroup <= s.maxGroup, { message: 'programme.groupSizeOrder', path: ['maxGroup'] });
export type SessionTypeBody = z.infer<typeof sessionTypeBody>;

export const phaseBody = z.object({
  code: z.string().trim().regex(/^[a-z0-9_]{2,40}$/, { message: 'programme.codeFormat' }),
  name: z.string().trim().min(2).max(80),
  weeks: z.number().int().min(1).max(104),
});

export const programmeBody = z
  .object({
    kind: z.enum(PROGRAMME_KINDS),
    name: z.string().trim().min(3).max(160),
    description: z.string().trim().max(2000).nullable().default(null),
    durationWeeks: z.number().int().min(1).max(156),
    phases: z.array(phaseBody).max(10).default([]),
    capacity: z.number().int().min(1).max(2000),
    active: z.boolean().default(true),
    sessionTypes: z.array(sessionTypeBody).max(30),
  })
  .refine((p) => p.phases.length === 0 || p.phases.reduce((sum, ph) => sum + ph.weeks, 0) === p.durationWeeks, {
    message: 'programme.phasesSum', path: ['phases'],
  })
  .refine((p) => new Set(p.sessionTypes.map((s) => s.code)).size === p.sessionTypes.length, {
    message: 'programme.duplicateSessionCode', path: ['sessionTypes'],
  });
export type ProgrammeBody = z.infer<typeof programmeBody>;

export const programmeRecord = z.object({
  id: z.uuid(),
  facilityId: z.uuid(),
  kind: z.enum(PROGRAMME_KINDS),
  name: z.string(),
  description: z.string().nullable(),
  durationWeeks: z.number().int(),
  phases: z.array(phaseBody),
  capacity: z.number().int(),
  active: z.boolean(),
  sessionTypes: z.array(sessionTypeBody),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type ProgrammeRecord = z.infer<typeof programmeRecord>;

export const updateProgrammeRequest = programmeBody.and(z.object({ version: z.number().int().min(1) }));

// --- Placement: the head of unit's decision, enrolment and the waitlist -------------------------

export const decisionRequest = z.object({
  assessmentId: z.uuid(),
  decreeNumber: z.string().trim().min(3).max(80),
  decreeDate: z.iso.date(),
  programmeIds: z.array(z.uuid()).min(1).max(4),
  place: z.enum(REHAB_PLACES).default('inside_unit'),
  note: z.string().trim().max(2000).nullable().default(null),
});
export type DecisionRequest = z.infer<typeof decisionRequest>;

/** 'changed': ended by a case conference's change of programme (neither completed nor dropped). */
export const ENROLMENT_STATUSES = ['active', 'waitlisted', 'completed', 'dropped', 'changed'] as const;

export const enrolmentRecord = z.object({
  id: z.uuid(),
  wbpId: z.uuid(),
  fullName: z.string(),
  sdpNumber: z.string(),
  programmeId: z.uuid(),
  programmeName: z.string(),
  status: z.enum(ENROLMENT_STATUSES),
  finalClass: z.enum(CLASSES),
  napzaSeverity: z.number().int().nullable(),
  startDate: z.string().nullable(),
  expectedEndDate: z.string().nullable(),
  expectedReleaseDate: z.string().nullable(),
  /** Why the person cannot finish before release; never a reason to drop them from the list. */
  cannotFinishReason: z.string().nullable(),
  waitlistPosition: z.number().int().nullable(),
  decidedOn: z.string(),
});
export type EnrolmentRecord = z.infer<typeof enrolmentRecord>;

export const decisionRecord = z.object({
  id: z.uuid(),
  wbpId: z.uuid(),
  assessmentId: z.uuid(),
  decreeNumber: z.string(),
  decreeDate: z.string(),
  place: z.enum(REHAB_PLACES),
  note: z.string().nullable(),
  decidedBy: z.string().nullable(),
  screenedOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  workingDaysTaken: z.number().int().nullable(),
  onTime: z.boolean().nullable(),
  enrolments: z.array(enrolmentRecord),
});
export type DecisionRecord = z.infer<typeof decisionRecord>;

export const pendingDecision = z.object({
  wbpId: z.uuid(),
  fullName: z.string(),
  sdpNumber: z.string(),
  assessmentId: z.uuid(),
  finalClass: z.enum(CLASSES),
  recommendedTypes: z.array(z.string()),
  recommendedPlace: z.enum(REHAB_PLACES).nullable(),
  screenedOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  workingDaysLeft: z.number().int().nullable(),
  overdue: z.boolean(),
  /** Rehabilitation outside the unit is open only to pure self-use cases (the articles are data). */
  outsideAllowed: z.boolean(),
});
