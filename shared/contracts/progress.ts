import { z } from 'zod';
import { ASI_AREAS, SEVERITY_AREAS } from '../instruments/index.ts';
import { isoDate, paginationQuery } from './common.ts';
import { ENROLMENT_STATUSES, PROGRAMME_KINDS, phaseBody } from './programmes.ts';

// Therapeutic Community phases and peer roles, re-assessment at configured points with the
// before/after comparison, and the unit's list of care tasks.

export const PHASE_DIRECTIONS = ['promotion', 'regression'] as const;
export type PhaseDirection = (typeof PHASE_DIRECTIONS)[number];

/** Roles of the community's own structure, held by residents (a buddy guides a newcomer). */
export const COMMUNITY_ROLES = ['chief', 'coordinator', 'department_head', 'expeditor', 'buddy'] as const;
export type CommunityRole = (typeof COMMUNITY_ROLES)[number];

/** Where a person stands against the calendar of the programme's phases. */
export const PHASE_SCHEDULES = ['behind', 'on_time', 'ahead'] as const;
export type PhaseSchedule = (typeof PHASE_SCHEDULES)[number];

/**
 * A re-assessment point: done (a signed follow-up exists), upcoming, due (within 14 days),
 * overdue, or closed (the enrolment ended without it).
 */
export const REASSESSMENT_STATUSES = ['done', 'upcoming', 'due', 'overdue', 'closed'] as const;
export type ReassessmentStatus = (typeof REASSESSMENT_STATUSES)[number];

export const CHANGE_DIRECTIONS = ['better', 'worse', 'same'] as const;
export type ChangeDirection = (typeof CHANGE_DIRECTIONS)[number];

/** Stored tasks (opened by a positive urine test or an incident) and computed re-assessment points. */
export const CARE_TASK_KINDS = ['urine_positive', 'incident_review', 'reassessment'] as const;
export type CareTaskKind = (typeof CARE_TASK_KINDS)[number];
export const CARE_TASK_STATUSES = ['open', 'done', 'cancelled'] as const;

// --- Requests ------------------------------------------------------------------------------------

export const phaseChangeRequest = z.object({
  direction: z.enum(PHASE_DIRECTIONS),
  toPhase: z.string().trim().min(1).max(40),
  reason: z.string().trim().min(3).max(2000),
  changedOn: isoDate,
});
export type PhaseChangeRequest = z.infer<typeof phaseChangeRequest>;

export const communityRoleRequest = z.object({
  role: z.enum(COMMUNITY_ROLES),
  startedOn: isoDate,
});
export type CommunityRoleRequest = z.infer<typeof communityRoleRequest>;

export const endCommunityRoleRequest = z.object({ endedOn: isoDate });

export const reassessmentRequest = z.object({ point: z.number().int().min(1).max(100) });
export const reassessmentStarted = z.object({
  assessmentId: z.uuid(),
  /** False when a draft for the point already existed and is given back instead of a new one. */
  created: z.boolean(),
});
export type ReassessmentStarted = z.infer<typeof reassessmentStarted>;

export const careTasksQuery = paginationQuery.extend({ status: z.enum(['open', 'all']).default('open') });
export type CareTasksQuery = z.infer<typeof careTasksQuery>;

export const closeCareTaskRequest = z.object({
  status: z.enum(['done', 'cancelled']),
  note: z.string().trim().min(3).max(2000),
});
export type CloseCareTaskRequest = z.infer<typeof closeCareTaskRequest>;

// --- Records -------------------------------------------------------------------------------------

export const phaseRecord = phaseBody.extend({
  /** The days the calendar gives this phase from the start date (end exclusive); null before a start. */
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
});

export const phaseChangeRecord = z.object({
  id: z.uuid(),
  fromPhase: z.string().nullable(),
  toPhase: z.string(),
  direction: z.enum(PHASE_DIRECTIONS),
  reason: z.string(),
  changedOn: z.string(),
  changedBy: z.string().nullable(),
  createdAt: z.string(),
});
export type PhaseChangeRecord = z.infer<typeof phaseChangeRecord>;

export const communityRoleRecord = z.object({
  id: z.uuid(),
  enrolmentId: z.uuid(),
  role: z.enum(COMMUNITY_ROLES),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  assignedBy: z.string().nullable(),
});
export type CommunityRoleRecord = z.infer<typeof communityRoleRecord>;

export const reassessmentPointRecord = z.object({
  point: z.number().int(),
  dueOn: z.string().nullable(),
  status: z.enum(REASSESSMENT_STATUSES),
  /** The follow-up of this point once started (a draft) or done (signed). */
  assessmentId: z.uuid().nullable(),
  assessmentStatus: z.enum(['draft', 'signed']).nullable(),
  signedAt: z.string().nullable(),
});
export type ReassessmentPointRecord = z.infer<typeof reassessmentPointRecord>;

export const compositeChange = z.object({
  area: z.enum(ASI_AREAS),
  before: z.number().nullable(),
  after: z.number().nullable(),
  change: z.number().nullable(),
  direction: z.enum(CHANGE_DIRECTIONS).nullable(),
});

export const SEVERITY_AREA_CODES = SEVERITY_AREAS.map((a) => a.code) as [
  (typeof SEVERITY_AREAS)[number]['code'], ...(typeof SEVERITY_AREAS)[number]['code'][],
];

export const severityChange = z.object({
  area: z.enum(SEVERITY_AREA_CODES),
  before: z.number().int().nullable(),
  after: z.number().int().nullable(),
  change: z.number().int().nullable(),
  direction: z.enum(CHANGE_DIRECTIONS).nullable(),
});

export const assessmentComparison = z.object({
  baselineId: z.uuid(),
  baselineSignedAt: z.string().nullable(),
  followUpId: z.uuid(),
  point: z.number().int(),
  followUpSignedAt: z.string().nullable(),
  composites: z.array(compositeChange),
  severity: z.array(severityChange),
});
export type AssessmentComparison = z.infer<typeof assessmentComparison>;

export const enrolmentProgress = z.object({
  enrolmentId: z.uuid(),
  programmeId: z.uuid(),
  programmeName: z.string(),
  programmeKind: z.enum(PROGRAMME_KINDS),
  durationWeeks: z.number().int(),
  status: z.enum(ENROLMENT_STATUSES),
  startDate: z.string().nullable(),
  expectedEndDate: z.string().nullable(),
  endedOn: z.string().nullable(),
  phases: z.array(phaseRecord),
  currentPhase: z.string().nullable(),
  /** The phase the calendar expects today, from the start date and the phases' weeks. */
  expectedPhase: z.string().nullable(),
  schedule: z.enum(PHASE_SCHEDULES).nullable(),
  phaseChanges: z.array(phaseChangeRecord),
  roles: z.array(communityRoleRecord),
  reassessments: z.array(reassessmentPointRecord),
  /** The signed assessment the placement decision rests on: what follow-ups are compared with. */
  baselineAssessmentId: z.uuid().nullable(),
  comparisons: z.array(assessmentComparison),
});
export type EnrolmentProgress = z.infer<typeof enrolmentProgress>;

export const progressRecord = z.object({
  wbpId: z.uuid(),
  today: z.string(),
  enrolments: z.array(enrolmentProgress),
});
export type ProgressRecord = z.infer<typeof progressRecord>;

export const careTaskItem = z.object({
  /** A stored task's id; a computed re-assessment point is named `reassessment:<enrolment>:<point>`. */
  id: z.string(),
  kind: z.enum(CARE_TASK_KINDS),
  wbpId: z.uuid(),
  fullName: z.string(),
  sdpNumber: z.string(),
  dueOn: z.string(),
  overdue: z.boolean(),
  status: z.enum(CARE_TASK_STATUSES),
  note: z.string().nullable(),
  closedBy: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** The page in the web app where the work is done. */
  link: z.string(),
  point: z.number().int().nullable(),
  programmeName: z.string().nullable(),
  assessmentId: z.uuid().nullable(),
  /** Only stored tasks are closed by hand; a re-assessment point closes when its follow-up is signed. */
  closable: z.boolean(),
});
export type CareTaskItem = z.infer<typeof careTaskItem>;

export const careTaskRecord = z.object({
  id: z.uuid(),
  status: z.enum(CARE_TASK_STATUSES),
  note: z.string().nullable(),
  closedBy: z.string().nullable(),
  closedAt: z.string().nullable(),
});
