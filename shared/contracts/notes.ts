import { z } from 'zod';
import { isoDate, pageOf, paginationQuery } from './common.ts';
import { CARE_TASK_STATUSES } from './progress.ts';

// Counselling notes, incidents and methadone (PTRM) continuity: the requests and answers of their routes.

// --- Counselling notes ----------------------------------------------------------------------------

export const NOTE_KINDS = ['individual', 'family', 'group'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

/** Pages of a person's notes or incidents: 20 by default, at most 100. */
const personPages = paginationQuery.extend({
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const notesQuery = personPages;
export type NotesQuery = z.infer<typeof notesQuery>;

/** A note is signed by the one who writes it, at once, and never changes: corrections are addenda. */
export const noteRequest = z.object({
  kind: z.enum(NOTE_KINDS),
  heldOn: isoDate,
  topic: z.string().trim().min(1).max(200),
  summary: z.string().trim().min(1).max(8000),
  plan: z.string().trim().min(1).max(4000),
  /** One of the person's own enrolments, when the session belonged to a programme. */
  enrolmentId: z.uuid().nullable().default(null),
});
export type NoteRequest = z.input<typeof noteRequest>;

export const noteAddendumRequest = z.object({ text: z.string().trim().min(5).max(4000) });

export const noteAddendum = z.object({
  id: z.uuid(),
  text: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});

export const noteRecord = z.object({
  id: z.uuid(),
  wbpId: z.uuid(),
  kind: z.enum(NOTE_KINDS),
  heldOn: z.string(),
  topic: z.string(),
  summary: z.string(),
  plan: z.string(),
  enrolmentId: z.uuid().nullable(),
  programmeName: z.string().nullable(),
  /** The author, who signed the note when saving it. */
  signedBy: z.string().nullable(),
  signedAt: z.string(),
  addenda: z.array(noteAddendum),
});
export type NoteRecord = z.infer<typeof noteRecord>;

export const notesPage = pageOf(noteRecord);
export type NotesPage = z.infer<typeof notesPage>;

// --- Incidents ------------------------------------------------------------------------------------

export const INCIDENT_KINDS = ['drug_use', 'drug_possession', 'violence', 'rule_violation', 'other'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];
/** Incidents with drugs open a review task for the care team. */
export const INCIDENT_KINDS_NEEDING_REVIEW: readonly IncidentKind[] = ['drug_use', 'drug_possession'];
/** Days from the incident to the review's due date. */
export const INCIDENT_REVIEW_DAYS = 7;

export const incidentsQuery = personPages;

export const incidentRequest = z.object({
  occurredOn: isoDate,
  kind: z.enum(INCIDENT_KINDS),
  description: z.string().trim().min(1).max(4000),
  actionTaken: z.string().trim().max(4000).nullable().default(null),
});
export type IncidentRequest = z.input<typeof incidentRequest>;

export const incidentRecord = z.object({
  id: z.uuid(),
  wbpId: z.uuid(),
  occurredOn: z.string(),
  kind: z.enum(INCIDENT_KINDS),
  description: z.string(),
  actionTaken: z.string().nullable(),
  reportedBy: z.string().nullable(),
  createdAt: z.string(),
  /** The review task a drug incident opened, while it exists. */
  reviewTask: z.object({ id: z.uuid(), dueOn: z.string(), status: z.enum(CARE_TASK_STATUSES) }).nullable(),
});
export type IncidentRecord = z.infer<typeof incidentRecord>;

export const incidentsPage = pageOf(incidentRecord);
export type IncidentsPage = z.infer<typeof incidentsPage>;

// --- Methadone (PTRM) -----------------------------------------------------------------------------

export const HANDOVER_REASONS = ['transfer', 'release'] as const;
export type HandoverReason = (typeof HANDOVER_REASONS)[number];
export const MAX_DOSE_MG = 999.9;

/** At most one decimal, as clinics report doses (e.g. 72.5 mg). */
export function hasOneDecimalAtMost(value: number): boolean {
  return Math.abs(value * 10 - Math.round(value * 10)) < 1e-9;
}

/** A dose as the clinic reported it. Pulih records it and never computes one. */
export const doseReportRequest = z.object({
  doseMg: z.number().positive().max(MAX_DOSE_MG).refine(hasOneDecimalAtMost, { message: 'ptrm.doseOneDecimal' }),
  reportedOn: isoDate,
  source: z.string().trim().min(1).max(200),
});
export type DoseReportRequest = z.infer<typeof doseReportRequest>;

export const ptrmStartRequest = z.object({
  clinicName: z.string().trim().min(1).max(200),
  clinicOrganizationId: z.uuid().nullable().default(null),
  startedOn: isoDate,
  note: z.string().trim().max(2000).nullable().default(null),
  dose: doseReportRequest.nullable().default(null),
});
export type PtrmStartRequest = z.input<typeof ptrmStartRequest>;

export const ptrmEndRequest = z.object({ endedOn: isoDate, version: z.number().int().min(1) });
export type PtrmEndRequest = z.infer<typeof ptrmEndRequest>;

export const handoverRequest = z.object({
  reason: z.enum(HANDOVER_REASONS),
  toName: z.string().trim().min(1).max(300),
  issuedOn: isoDate,
});
export type HandoverRequest = z.infer<typeof handoverRequest>;

export const doseReport = z.object({
  id: z.uuid(),
  doseMg: z.number(),
  reportedOn: z.string(),
  source: z.string(),
  recordedBy: z.string().nullable(),
  createdAt: z.string(),
});
export type DoseReport = z.infer<typeof doseReport>;

export const handoverRecord = z.object({
  id: z.uuid(),
  ptrmId: z.uuid(),
  reason: z.enum(HANDOVER_REASONS),
  toName: z.string(),
  issuedOn: z.string(),
  issuedBy: z.string().nullable(),
  createdAt: z.string(),
});
export type HandoverRecord = z.infer<typeof handoverRecord>;

export const ptrmRecord = z.object({
  id: z.uuid(),
  wbpId: z.uuid(),
  clinicName: z.string(),
  clinicOrganizationId: z.uuid().nullable(),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  note: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
  /** Latest first: the first is the dose currently reported. */
  doses: z.array(doseReport),
  handovers: z.array(handoverRecord),
});
export type PtrmRecord = z.infer<typeof ptrmRecord>;

export const ptrmOverview = z.object({
  /** The open record, if the person is on PTRM now. */
  current: ptrmRecord.nullable(),
  /** Ended records, latest first. */
  past: z.array(ptrmRecord),
});
export type PtrmOverview = z.infer<typeof ptrmOverview>;
