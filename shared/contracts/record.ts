import { z } from 'zod';
import { CLASSES, REHAB_PLACES } from './clinical.ts';
import { PROGRAMME_KINDS, SESSION_MODES } from './programmes.ts';
import { ABSENCE_REASONS, ATTENDANCE_STATUSES } from './timetable.ts';

// The one timeline of a person's care: every event of the pathway, newest first. The values of
// the care record's own columns are listed here as the schema (migration 0007) allows them.

/** The kinds of entry, in the order of the pathway (the order of the filter chips). */
export const TIMELINE_KINDS = [
  'screening', 'assessment', 'decision', 'enrolment', 'session', 'note', 'urine', 'incident',
  'phase', 'role', 'conference', 'referral', 'ptrm', 'task',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export const TIMELINE_MAX_PAGE_SIZE = 100;

const kindList = z
  .string()
  .max(400)
  .transform((text) => [...new Set(text.split(',').map((k) => k.trim()).filter((k) => k.length > 0))])
  .pipe(z.array(z.enum(TIMELINE_KINDS)));

/** `?kinds=session,urine&page=2&pageSize=25`: no kinds (or an empty list) means every kind the reader may see. */
export const timelineQuery = z.object({
  kinds: kindList.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(TIMELINE_MAX_PAGE_SIZE).default(25),
});
export type TimelineQuery = z.infer<typeof timelineQuery>;

export const NOTE_KINDS = ['individual', 'family', 'group'] as const;
export const INCIDENT_KINDS = ['drug_use', 'drug_possession', 'violence', 'rule_violation', 'other'] as const;
export const URINE_REASONS = ['random', 'entry', 'routine', 'exit', 'suspicion', 'retest'] as const;
export const URINE_STATUSES = ['planned', 'collected', 'sent', 'received', 'resulted', 'refused', 'cancelled'] as const;
export const URINE_OUTCOMES = ['negative', 'positive', 'invalid'] as const;
export const COMMUNITY_ROLES = ['chief', 'coordinator', 'department_head', 'expeditor', 'buddy'] as const;
export const CONFERENCE_DECISIONS = ['continue', 'change_programme', 'refer', 'complete', 'drop_out'] as const;
export const OUTCOME_REASONS = ['voluntary', 'rule_violation', 'health', 'transfer', 'release', 'absconded', 'other'] as const;
export const TASK_KINDS = ['urine_positive', 'incident_review'] as const;
export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;

/** What happened to an enrolment on the entry's day. */
export const ENROLMENT_EVENTS = ['started', 'waitlisted', 'completed', 'dropped', 'changed'] as const;
export const PTRM_EVENTS = ['started', 'ended', 'dose', 'handover'] as const;

const base = {
  /** The id of the source row (the session's id for a session, the conference's for a conference). */
  id: z.uuid(),
  /** An ISO date (YYYY-MM-DD), or a date and time in Jakarta (YYYY-MM-DDTHH:MM:SS+07:00). */
  at: z.string(),
  /** The web page where the entry is seen in full. */
  link: z.string(),
};

export const timelineEntry = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('screening'), ...base, detail: z.object({ overallRisk: z.enum(['low', 'moderate', 'high']), instrument: z.string() }) }),
  z.object({
    kind: z.literal('assessment'), ...base,
    detail: z.object({
      purpose: z.enum(['initial', 'follow_up']),
      /** For a follow-up: the point of the programme's length (percent). */
      followUpPoint: z.number().int().nullable(),
      status: z.enum(['draft', 'signed']),
      finalClass: z.enum(CLASSES).nullable(),
    }),
  }),
  z.object({
    kind: z.literal('decision'), ...base,
    detail: z.object({ decreeNumber: z.string(), place: z.enum(REHAB_PLACES), assessmentId: z.uuid() }),
  }),
  z.object({
    kind: z.literal('enrolment'), ...base,
    detail: z.object({
      event: z.enum(ENROLMENT_EVENTS),
      programmeId: z.uuid(),
      programmeName: z.string(),
      programmeKind: z.enum(PROGRAMME_KINDS),
      expectedEndDate: z.string().nullable(),
      /** Why it ended (a drop-out's reason); null otherwise. */
      reason: z.enum(OUTCOME_REASONS).nullable(),
    }),
  }),
  z.object({
    kind: z.literal('session'), ...base,
    detail: z.object({
      programmeName: z.string(),
      sessionName: z.string(),
      mode: z.enum(SESSION_MODES),
      start: z.string(),
      end: z.string(),
      /** null: attendance not recorded (yet). */
      attendance: z.enum(ATTENDANCE_STATUSES).nullable(),
      absenceReason: z.enum(ABSENCE_REASONS).nullable(),
    }),
  }),
  /** Readers with notes.read only; the topic, never the summary or plan. */
  z.object({ kind: z.literal('note'), ...base, detail: z.object({ noteKind: z.enum(NOTE_KINDS), topic: z.string() }) }),
  z.object({
    kind: z.literal('urine'), ...base,
    detail: z.object({
      reason: z.enum(URINE_REASONS),
      status: z.enum(URINE_STATUSES),
      outcome: z.enum(URINE_OUTCOMES).nullable(),
      plannedOn: z.string(),
    }),
  }),
  z.object({ kind: z.literal('incident'), ...base, detail: z.object({ incidentKind: z.enum(INCIDENT_KINDS) }) }),
  z.object({
    kind: z.literal('phase'), ...base,
    detail: z.object({
      direction: z.enum(['promotion', 'regression']),
      fromPhase: z.string().nullable(),
      toPhase: z.string(),
      /** The phases' names in the programme, when it names them. */
      fromPhaseName: z.string().nullable(),
      toPhaseName: z.string().nullable(),
    }),
  }),
  z.object({ kind: z.literal('role'), ...base, detail: z.object({ event: z.enum(['assigned', 'ended']), role: z.enum(COMMUNITY_ROLES) }) }),
  z.object({ kind: z.literal('conference'), ...base, detail: z.object({ title: z.string(), decision: z.enum(CONFERENCE_DECISIONS) }) }),
  z.object({ kind: z.literal('referral'), ...base, detail: z.object({ referralKind: z.enum(['clinical', 'aftercare']), toName: z.string() }) }),
  z.object({
    kind: z.literal('ptrm'), ...base,
    detail: z.object({
      event: z.enum(PTRM_EVENTS),
      clinicName: z.string(),
      /** The dose as reported by the clinic (event 'dose'). */
      doseMg: z.number().nullable(),
      /** A hand-over letter's reason and addressee (event 'handover'). */
      handoverReason: z.enum(['transfer', 'release']).nullable(),
      toName: z.string().nullable(),
    }),
  }),
  z.object({
    kind: z.literal('task'), ...base,
    detail: z.object({ event: z.enum(['opened', 'closed']), taskKind: z.enum(TASK_KINDS), status: z.enum(TASK_STATUSES), dueOn: z.string() }),
  }),
]);
export type TimelineEntry = z.infer<typeof timelineEntry>;
export type TimelineDetail<K extends TimelineKind> = Extract<TimelineEntry, { kind: K }>['detail'];

export const timelinePage = z.object({
  items: z.array(timelineEntry),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Entries of the chosen kinds. */
  total: z.number().int(),
  /** Entries per kind, for every kind the reader may see (whatever the filter): the filter chips' numbers. */
  counts: z.partialRecord(z.enum(TIMELINE_KINDS), z.number().int()),
});
export type TimelinePage = z.infer<typeof timelinePage>;
