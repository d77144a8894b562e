import { z } from 'zod';
import { RELEASE_KINDS } from '../domain/aftercare.ts';
import { LEGAL_STATUSES, SEXES, isoDate, paginationQuery } from './common.ts';

/** Case articles are written as "UU 35/2009 Pasal 112" and similar; free text, trimmed. */
export const caseArticle = z.string().trim().min(3).max(80);

export const SDP_NUMBER_PATTERN = /^[A-Z0-9][A-Z0-9./-]{3,39}$/;
export const sdpNumber = z
  .string()
  .trim()
  .toUpperCase()
  .regex(SDP_NUMBER_PATTERN, { message: 'sdpNumber.format' });

const wbpFields = {
  sdpNumber,
  fullName: z.string().trim().min(2).max(120),
  sex: z.enum(SEXES),
  birthDate: isoDate.nullable().default(null),
  birthPlace: z.string().trim().max(80).nullable().default(null),
  legalStatus: z.enum(LEGAL_STATUSES),
  caseArticles: z.array(caseArticle).max(10).default([]),
  sentenceMonths: z.number().int().min(0).max(1200).nullable().default(null),
  block: z.string().trim().max(40).nullable().default(null),
  room: z.string().trim().max(40).nullable().default(null),
  admissionDate: isoDate,
  expectedReleaseDate: isoDate.nullable().default(null),
};

function releaseNotBeforeAdmission(v: { admissionDate?: string; expectedReleaseDate?: string | null }): boolean {
  return !v.admissionDate || !v.expectedReleaseDate || v.expectedReleaseDate >= v.admissionDate;
}
const releaseRule = { message: 'wbp.releaseBeforeAdmission', path: ['expectedReleaseDate'] };

export const createWbpRequest = z
  .object({ ...wbpFields, facilityId: z.uuid() })
  .refine(releaseNotBeforeAdmission, releaseRule);
export type CreateWbpRequest = z.infer<typeof createWbpRequest>;

/** An edit carries the version it was based on, so two people editing at once cannot overwrite each other. */
export const updateWbpRequest = z
  .object({ ...wbpFields, version: z.number().int().min(1) })
  .partial({ sdpNumber: true })
  .refine(releaseNotBeforeAdmission, releaseRule);
export type UpdateWbpRequest = z.infer<typeof updateWbpRequest>;

export const transferWbpRequest = z.object({
  toFacilityId: z.uuid(),
  transferDate: isoDate,
  reason: z.string().trim().min(3).max(500),
  version: z.number().int().min(1),
});
export type TransferWbpRequest = z.infer<typeof transferWbpRequest>;

export const WBP_CUSTODY_FILTERS = ['held', 'released', 'all'] as const;
export type WbpCustodyFilter = (typeof WBP_CUSTODY_FILTERS)[number];

export const wbpListQuery = paginationQuery.extend({
  q: z.string().trim().max(80).optional(),
  block: z.string().trim().max(40).optional(),
  legalStatus: z.enum(LEGAL_STATUSES).optional(),
  facilityId: z.uuid().optional(),
  sort: z.enum(['name', 'admission']).default('name'),
  /** Who the register lists: people held (the default), people released, or both. */
  custody: z.enum(WBP_CUSTODY_FILTERS).default('held'),
});
export type WbpListQuery = z.infer<typeof wbpListQuery>;

export const wbpSummary = z.object({
  id: z.uuid(),
  sdpNumber: z.string(),
  fullName: z.string(),
  sex: z.enum(SEXES),
  legalStatus: z.enum(LEGAL_STATUSES),
  facilityId: z.uuid(),
  facilityName: z.string(),
  block: z.string().nullable(),
  room: z.string().nullable(),
  admissionDate: z.string(),
  expectedReleaseDate: z.string().nullable(),
  /** Set when the person was released (aftercare); the record stays, the person is no longer held. */
  releasedOn: z.string().nullable(),
});
export type WbpSummary = z.infer<typeof wbpSummary>;

export const transferRecord = z.object({
  id: z.uuid(),
  fromFacilityName: z.string(),
  toFacilityName: z.string(),
  transferDate: z.string(),
  reason: z.string(),
  recordedBy: z.string().nullable(),
});

export const wbpDetail = wbpSummary.extend({
  birthDate: z.string().nullable(),
  birthPlace: z.string().nullable(),
  ageYears: z.number().int().nullable(),
  caseArticles: z.array(z.string()),
  sentenceMonths: z.number().int().nullable(),
  source: z.enum(['manual', 'sdp']),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  transfers: z.array(transferRecord),
  /** The kind of the release plan the person was released on, when released. */
  releaseKind: z.enum(RELEASE_KINDS).nullable(),
});
export type WbpDetail = z.infer<typeof wbpDetail>;
