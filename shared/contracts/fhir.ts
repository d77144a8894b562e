import { z } from 'zod';
import { CONSENT_METHODS } from '../domain/aftercare.ts';
import { daysBetween } from '../domain/dates.ts';
import { isoDate } from './common.ts';

/** The longest period one bulk export covers: a year, so one request stays one pass over a unit. */
export const MAX_EXPORT_DAYS = 366;

/** `GET /api/facilities/:facilityId/fhir/export?from=&to=`: the people with records in the period, both days included. */
export const fhirExportQuery = z.object({ from: isoDate, to: isoDate })
  .refine((q) => q.to >= q.from, { message: 'fhir.periodOrder', path: ['to'] })
  .refine((q) => q.to < q.from || daysBetween(q.from, q.to) < MAX_EXPORT_DAYS, { message: 'fhir.periodTooLong', path: ['to'] });
export type FhirExportQuery = z.infer<typeof fhirExportQuery>;

// --- Consent to share health data with SATUSEHAT (ADR 20) ----------------------------------------

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional().transform((v) => (v ? v : null));

export const healthConsentBody = z.object({
  givenOn: isoDate,
  method: z.enum(CONSENT_METHODS),
  witnessName: optionalText(120),
}).refine((c) => c.method !== 'verbal_witnessed' || c.witnessName !== null, { message: 'aftercare.witnessRequired', path: ['witnessName'] });
export type HealthConsentBody = z.output<typeof healthConsentBody>;

export const healthConsentRevokeBody = z.object({ revokedOn: isoDate, reason: z.string().trim().min(1).max(2000) });

export const healthConsentRecord = z.object({
  id: z.uuid(),
  wbpId: z.uuid(),
  givenOn: z.string(),
  method: z.enum(CONSENT_METHODS),
  witnessName: z.string().nullable(),
  recordedBy: z.string(),
  revokedOn: z.string().nullable(),
  revocationReason: z.string().nullable(),
  inForce: z.boolean(),
});
export type HealthConsentRecord = z.infer<typeof healthConsentRecord>;

export const healthConsentList = z.object({ items: z.array(healthConsentRecord) });
