import { z } from 'zod';
import { isoDate, ORG_KINDS, pageOf, paginationQuery } from './common.ts';
import { AGREEMENT_KINDS, AGREEMENT_SCOPES, AGREEMENT_STATUSES, agreementDateProblems } from '../domain/agreements.ts';

export { AGREEMENT_KINDS, AGREEMENT_SCOPES, AGREEMENT_STATUSES };
export type { AgreementKind, AgreementScope, AgreementStatus } from '../domain/agreements.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
/** An optional text: absent, null or blank all mean "not given". */
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional().transform((v) => (v ? v : null));

/** The attached documents an agreement may carry, and how large each may be. */
export const AGREEMENT_DOCUMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const MAX_AGREEMENT_DOCUMENT_BYTES = 10 * 1024 * 1024;

export const agreementListQuery = paginationQuery.extend({
  /** Part of the number, the title or a party's name. */
  q: z.string().trim().max(100).optional(),
  status: z.enum(AGREEMENT_STATUSES).optional(),
  /** Only agreements this organisation is a party to. */
  organizationId: z.uuid().optional(),
});
export type AgreementListQuery = z.infer<typeof agreementListQuery>;

const agreementFields = z.object({
  number: text(100),
  title: text(300),
  kind: z.enum(AGREEMENT_KINDS),
  signedOn: isoDate,
  validFrom: isoDate,
  /** Null: the agreement names no end date. */
  validUntil: isoDate.nullable().optional().transform((v) => v ?? null),
  scopes: z.array(z.enum(AGREEMENT_SCOPES)).min(1).max(AGREEMENT_SCOPES.length),
  /** Every party, the units and the partners alike: at least one unit holding people and one other organisation. */
  partyIds: z.array(z.uuid()).min(2).max(20),
  note: optionalText(2000),
});

function checkAgreement(a: z.output<typeof agreementFields>, ctx: z.RefinementCtx): void {
  if (new Set(a.scopes).size !== a.scopes.length) ctx.addIssue({ code: 'custom', message: 'agreement.duplicateScope', path: ['scopes'] });
  if (new Set(a.partyIds).size !== a.partyIds.length) ctx.addIssue({ code: 'custom', message: 'agreement.duplicateParty', path: ['partyIds'] });
  for (const p of agreementDateProblems(a)) ctx.addIssue({ code: 'custom', message: p.message, path: [p.field] });
}

export const agreementBody = agreementFields.superRefine(checkAgreement);
export type AgreementBody = z.output<typeof agreementBody>;
export type AgreementInput = z.input<typeof agreementBody>;

/** A change keeps the version it was read at, so two people editing at once do not overwrite each other. */
export const updateAgreementBody = agreementFields.extend({ version: z.number().int().min(1) }).superRefine(checkAgreement);
export type UpdateAgreementBody = z.output<typeof updateAgreementBody>;

export const terminateAgreementBody = z.object({
  terminatedOn: isoDate,
  reason: text(2000),
  version: z.number().int().min(1),
});
export type TerminateAgreementBody = z.infer<typeof terminateAgreementBody>;

export const agreementParty = z.object({
  organizationId: z.uuid(),
  name: z.string(),
  code: z.string(),
  kind: z.enum(ORG_KINDS),
});

export const agreementDocument = z.object({
  id: z.uuid(),
  filename: z.string(),
  contentType: z.enum(AGREEMENT_DOCUMENT_TYPES),
  size: z.number().int(),
  uploadedAt: z.string(),
  uploadedBy: z.string(),
});
export type AgreementDocument = z.infer<typeof agreementDocument>;

export const agreementRecord = z.object({
  id: z.uuid(),
  number: z.string(),
  title: z.string(),
  kind: z.enum(AGREEMENT_KINDS),
  signedOn: isoDate,
  validFrom: isoDate,
  validUntil: isoDate.nullable(),
  terminatedOn: isoDate.nullable(),
  terminationReason: z.string().nullable(),
  scopes: z.array(z.enum(AGREEMENT_SCOPES)),
  parties: z.array(agreementParty),
  note: z.string().nullable(),
  /** On the server's today (Asia/Jakarta). */
  status: z.enum(AGREEMENT_STATUSES),
  /** Days until the last day of validity (0 on the last day); null without an end date or once ended. */
  daysLeft: z.number().int().nullable(),
  documents: z.array(agreementDocument),
  /** Whether the reader may change, terminate or attach to it. */
  canManage: z.boolean(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type AgreementRecord = z.infer<typeof agreementRecord>;

export const agreementSummary = agreementRecord.omit({ documents: true, note: true, terminationReason: true });
export type AgreementSummary = z.infer<typeof agreementSummary>;
export const agreementPage = pageOf(agreementSummary);
export type AgreementPage = z.infer<typeof agreementPage>;

/** For the dashboard: agreements in force ending within the alert window, and those ended by expiry lately. */
export const agreementAlerts = z.object({
  /** The alert window in days (setting `agreementExpiryAlertDays`). */
  alertDays: z.number().int(),
  items: z.array(agreementSummary),
});
export type AgreementAlerts = z.infer<typeof agreementAlerts>;

/** The upload of a document: the file is the raw request body, its name a query parameter. */
export const documentUploadQuery = z.object({ filename: text(200) });
