import {
  AGREEMENT_DOCUMENT_TYPES,
  AGREEMENT_STATUSES,
  MAX_AGREEMENT_DOCUMENT_BYTES,
  type AgreementRecord,
  type AgreementScope,
  type AgreementStatus,
} from '../../../shared/contracts/agreements.ts';

export function isAgreementStatus(v: string | null): v is AgreementStatus {
  return v !== null && (AGREEMENT_STATUSES as readonly string[]).includes(v);
}

/** What the inputs hold: text as typed, converted to the contract's types only on submit. */
export interface AgreementValues {
  number: string;
  title: string;
  kind: string;
  signedOn: string;
  validFrom: string;
  validUntil: string;
  partyIds: string[];
  scopes: AgreementScope[];
  note: string;
}

export const FIELD_ORDER: (keyof AgreementValues)[] = ['number', 'title', 'kind', 'signedOn', 'validFrom', 'validUntil', 'partyIds', 'scopes', 'note'];

/** The form's start: the agreement as stored, or blank with the given parties (the user's own unit). */
export function valuesOf(a: AgreementRecord | undefined, defaultParties: readonly string[] = []): AgreementValues {
  return {
    number: a?.number ?? '',
    title: a?.title ?? '',
    kind: a?.kind ?? '',
    signedOn: a?.signedOn ?? '',
    validFrom: a?.validFrom ?? '',
    validUntil: a?.validUntil ?? '',
    partyIds: a ? a.parties.map((p) => p.organizationId) : [...defaultParties],
    scopes: a ? [...a.scopes] : [],
    note: a?.note ?? '',
  };
}

const orNull = (v: string) => (v.trim() === '' ? null : v.trim());

/** The request as the form holds it, before the contract checks it; an edit carries the version it was read at. */
export function agreementInput(v: AgreementValues, version?: number) {
  return {
    number: v.number,
    title: v.title,
    kind: v.kind,
    signedOn: v.signedOn,
    validFrom: v.validFrom,
    validUntil: orNull(v.validUntil),
    partyIds: v.partyIds,
    scopes: v.scopes,
    note: orNull(v.note),
    ...(version === undefined ? {} : { version }),
  };
}

/**
 * Zod skips the date rules while other fields are invalid; the form shows them at the same time
 * anyway, as field → rule.
 */
export function dateOrderProblems(v: AgreementValues): Record<string, string> {
  const out: Record<string, string> = {};
  if (v.signedOn && v.validFrom && v.validFrom < v.signedOn) out.validFrom = 'agreement.validFromBeforeSigning';
  if (v.validFrom && v.validUntil && v.validUntil < v.validFrom) out.validUntil = 'agreement.validUntilBeforeFrom';
  return out;
}

export type DocumentType = (typeof AGREEMENT_DOCUMENT_TYPES)[number];
export const MAX_DOCUMENT_MB = MAX_AGREEMENT_DOCUMENT_BYTES / (1024 * 1024);

const BY_EXTENSION: Record<string, DocumentType> = { pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png' };

/**
 * Whether a file may be attached, before anything is sent: its type (from the browser, or from its
 * extension when the browser gives none) and its size.
 */
export function checkDocument(file: { name: string; type: string; size: number }):
  { ok: true; contentType: DocumentType } | { ok: false; problem: 'wrongType' | 'tooLarge' | 'emptyFile' } {
  const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? '';
  const declared = (AGREEMENT_DOCUMENT_TYPES as readonly string[]).find((type) => type === file.type) as DocumentType | undefined;
  const contentType = file.type === '' ? BY_EXTENSION[extension] : declared;
  if (!contentType) return { ok: false, problem: 'wrongType' };
  if (file.size === 0) return { ok: false, problem: 'emptyFile' };
  if (file.size > MAX_AGREEMENT_DOCUMENT_BYTES) return { ok: false, problem: 'tooLarge' };
  return { ok: true, contentType };
}

/** A file's size for people: "850 KB", "2,4 MB". */
export function fileSize(bytes: number, format: (n: number, digits: number) => string): string {
  if (bytes < 1024 * 1024) return `${format(Math.max(1, Math.round(bytes / 1024)), 0)} KB`;
  return `${format(bytes / (1024 * 1024), 1)} MB`;
}
