import { z } from 'zod';
import { CONFERENCE_DECISIONS, DROP_OUT_REASONS } from '../domain/outcomes.ts';
import { URINE_OUTCOMES, URINE_REASONS, URINE_STATUSES } from '../domain/urine.ts';
import { RISKS } from '../instruments/index.ts';
import { CLASSES, REHAB_PLACES } from './clinical.ts';
import { paginationQuery } from './common.ts';
import { HANDOVER_REASONS, INCIDENT_KINDS, NOTE_KINDS } from './notes.ts';
import { PROGRAMME_KINDS, SESSION_MODES } from './programmes.ts';
import { CARE_TASK_KINDS, CARE_TASK_STATUSES, COMMUNITY_ROLES, PHASE_DIRECTIONS } from './progress.ts';
import { ABSENCE_REASONS, ATTENDANCE_STATUSES } from './timetable.ts';

// The one timeline of a person's care: every event of the pathway, newest first. Each detail takes
// its values from where the area that owns them defines them.

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
export const timelineQuery = paginationQuery.extend({
  kinds: kindList.optional(),
  pageSize: z.coerce.number().int().min(1).max(TIMELINE_MAX_PAGE_SIZE).default(25),
});
export type TimelineQuery = z.infer<typeof timelineQuery>;

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
  z.object({ kind: z.literal('screening'), ...base, detail: z.object({ overallRisk: z.enum(RISKS), instrument: z.string() }) }),
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
      reason: z.enum(DROP_OUT_REASONS).nullable(),
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
      direction: z.enum(PHASE_DIRECTIONS),
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
      handoverReason: z.enum(HANDOVER_REASONS).nullable(),
      toName: z.string().nullable(),
    }),
  }),
  z.object({
    kind: z.literal('task'), ...base,
    detail: z.object({
      event: z.enum(['opened', 'closed']),
      /** The stored tasks: a re-assessment falls due by the programme's length and is no row of care_tasks. */
      taskKind: z.enum(CARE_TASK_KINDS).exclude(['reassessment']),
      status: z.enum(CARE_TASK_STATUSES),
      dueOn: z.string(),
    }),
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
