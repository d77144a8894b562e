import { z } from 'zod';
import { PLANNED_URINE_REASONS, URINE_OUTCOMES, URINE_REASONS, URINE_STATUSES, type UrineResults } from '../domain/urine.ts';
import { isoDate } from './common.ts';

export { PLANNED_URINE_REASONS };

/** A moment with its offset, as browsers send it (`toISOString()`). */
const moment = z.iso.datetime({ offset: true });
const version = z.number().int().min(1);
const text = (max: number) => z.string().trim().min(1).max(max);

const urineOutcome = z.enum(URINE_OUTCOMES);
/** One outcome per substance of the panel: every substance named, nothing else. */
const urineResults = z.strictObject({
  benzodiazepines: urineOutcome,
  cannabis: urineOutcome,
  opiates: urineOutcome,
  amphetamines: urineOutcome,
  cocaine: urineOutcome,
  barbiturates: urineOutcome,
  alcohol: urineOutcome,
}) satisfies z.ZodType<UrineResults>;

// --- The day's random selection -------------------------------------------------------------------

export const SELECTION_MAX = 200;

/**
 * A draw's seed is always made by the server: a seed chosen by the user could be tried offline until
 * it leaves someone out. Repeating a stored draw is the selection's `reproduced` proof.
 */
export const createSelectionBody = z.strictObject({
  date: isoDate,
  count: z.number().int().min(1).max(SELECTION_MAX),
  /** The programmes to draw from; empty or absent: every programme of the unit with active participants. */
  programmeIds: z.array(z.uuid()).max(50).optional(),
});
export type CreateSelectionBody = z.infer<typeof createSelectionBody>;

export const dayQuery = z.object({ date: isoDate });
export const ratesQuery = z.object({ from: isoDate, to: isoDate }).refine((q) => q.from <= q.to, { message: 'urine.periodOrder', path: ['to'] });

// --- A test ----------------------------------------------------------------------------------------

const person = { id: z.uuid(), name: z.string() };

/** One urine test with its chain of custody, results and retest links. */
export const urineTest = z.object({
  id: z.uuid(),
  wbpId: z.uuid(),
  fullName: z.string(),
  sdpNumber: z.string(),
  block: z.string().nullable(),
  room: z.string().nullable(),
  facilityId: z.uuid(),
  selectionId: z.uuid().nullable(),
  enrolmentId: z.uuid().nullable(),
  programmeName: z.string().nullable(),
  reason: z.enum(URINE_REASONS),
  /** The test this one confirms (a retest), and the retests asked of this one. */
  retestOf: z.uuid().nullable(),
  retests: z.array(z.uuid()),
  plannedOn: z.string(),
  status: z.enum(URINE_STATUSES),
  observedBy: z.object(person).nullable(),
  collectedBy: z.string().nullable(),
  collectedAt: z.string().nullable(),
  sealNumber: z.string().nullable(),
  sentTo: z.string().nullable(),
  sentAt: z.string().nullable(),
  receivedBy: z.string().nullable(),
  receivedAt: z.string().nullable(),
  results: z.record(z.string(), urineOutcome).nullable(),
  outcome: urineOutcome.nullable(),
  /** Who recorded the result, the refusal or the cancellation, and when. */
  closedBy: z.string().nullable(),
  closedAt: z.string().nullable(),
  note: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  /** May a confirmatory retest be asked for (a positive or invalid result without a retest under way)? */
  canRetest: z.boolean(),
  version: z.number().int(),
});
export type UrineTest = z.infer<typeof urineTest>;

export const urineSelection = z.object({
  id: z.uuid(),
  facilityId: z.uuid(),
  date: z.string(),
  seed: z.string(),
  requested: z.number().int(),
  /** The programmes drawn from; empty: every programme of the unit. */
  programmes: z.array(z.object({ id: z.uuid(), name: z.string() })),
  candidateCount: z.number().int(),
  selectedBy: z.string(),
  createdAt: z.string(),
  tests: z.array(urineTest),
  /** Does drawing again from the stored seed and candidates give the same people? */
  reproduced: z.boolean(),
});
export type UrineSelection = z.infer<typeof urineSelection>;

/** A unit's urine tests of one day: its random selections, the other tests planned for it, and who may observe a collection. */
export const urineDay = z.object({
  date: z.string(),
  facilityName: z.string(),
  selections: z.array(urineSelection),
  otherTests: z.array(urineTest),
  observers: z.array(z.object(person)),
});
export type UrineDay = z.infer<typeof urineDay>;

export const createTestBody = z.object({
  reason: z.enum(PLANNED_URINE_REASONS),
  plannedOn: isoDate,
  enrolmentId: z.uuid().optional(),
});
export type CreateTestBody = z.infer<typeof createTestBody>;

export const retestBody = z.object({ plannedOn: isoDate.optional() }).optional();

// --- The chain of custody -------------------------------------------------------------------------

export const collectBody = z.object({ observedBy: z.uuid(), collectedAt: moment, sealNumber: text(60), version });
export const refuseBody = z.object({ note: text(1000), version });
export const cancelBody = z.object({ note: text(1000), version });
export const sendBody = z.object({ sentTo: text(200), sentAt: moment, version });
export const receiveBody = z.object({ receivedBy: text(200), receivedAt: moment, version });
export const resultBody = z.object({ results: urineResults, note: z.string().trim().max(1000).optional(), version });
export type CollectBody = z.infer<typeof collectBody>;
export type RefuseBody = z.infer<typeof refuseBody>;
export type CancelBody = z.infer<typeof cancelBody>;
export type SendBody = z.infer<typeof sendBody>;
export type ReceiveBody = z.infer<typeof receiveBody>;
export type ResultBody = z.infer<typeof resultBody>;

// --- Rates ----------------------------------------------------------------------------------------

export const urineRates = z.object({
  tested: z.number().int(),
  resulted: z.number().int(),
  positive: z.number().int(),
  negative: z.number().int(),
  invalid: z.number().int(),
  refused: z.number().int(),
  positiveRate: z.number().nullable(),
});

/** A person's tests, their rates, and their enrolments (which a test planned by hand may name). */
export const personUrineTests = z.object({
  items: z.array(urineTest),
  rates: urineRates,
  enrolments: z.array(z.object({ id: z.uuid(), programmeName: z.string(), status: z.string(), startDate: z.string().nullable() })),
});
export type PersonUrineTests = z.infer<typeof personUrineTests>;

export const unitUrineRates = z.object({
  from: z.string(),
  to: z.string(),
  programmes: z.array(urineRates.extend({ programmeId: z.uuid(), programmeName: z.string() })),
  total: urineRates,
});
export type UnitUrineRates = z.infer<typeof unitUrineRates>;
