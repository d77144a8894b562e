import { z } from 'zod';
import { daysBetween } from '../domain/dates.ts';
import { WITNESS_REQUIRED, consentFields, consentGiven, revokeBody, witnessNamed } from './aftercare.ts';
import { isoDate } from './common.ts';

/** The longest period one bulk export covers: a year, so one request stays one pass over a unit. */
export const MAX_EXPORT_DAYS = 366;

/** `GET /api/facilities/:facilityId/fhir/export?from=&to=`: the people with records in the period, both days included. */
export const fhirExportQuery = z.object({ from: isoDate, to: isoDate })
  .refine((q) => q.to >= q.from, { message: 'fhir.periodOrder', path: ['to'] })
  .refine((q) => q.to < q.from || daysBetween(q.from, q.to) < MAX_EXPORT_DAYS, { message: 'fhir.periodTooLong', path: ['to'] });
export type FhirExportQuery = z.infer<typeof fhirExportQuery>;

// --- Consent to share health data with SATUSEHAT (ADR 20) ----------------------------------------

export const healthConsentBody = consentGiven.refine(witnessNamed, WITNESS_REQUIRED);
export type HealthConsentBody = z.output<typeof healthConsentBody>;

/** Revoking: the day and the reason, as for aftercare consent. */
export const healthConsentRevokeBody = revokeBody;

export const healthConsentRecord = z.object({ ...consentFields, wbpId: z.uuid() });
export type HealthConsentRecord = z.infer<typeof healthConsentRecord>;

export const healthConsentList = z.object({ items: z.array(healthConsentRecord) });
