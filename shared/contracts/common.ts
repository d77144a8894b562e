import { z } from 'zod';

export const ORG_KINDS = [
  'ditjenpas', 'kanwil', 'rutan', 'lapas', 'lpka', 'bapas',
  'bnn', 'bnnp', 'bnnk', 'dinkes', 'puskesmas', 'rsud', 'ipwl', 'ngo',
] as const;
export type OrgKind = (typeof ORG_KINDS)[number];
/** Correctional units that hold people (Bapas supervises clients outside and holds no one). */
export const CUSTODIAL_KINDS: readonly OrgKind[] = ['rutan', 'lapas', 'lpka'];
export const UPT_KINDS: readonly OrgKind[] = ['rutan', 'lapas', 'lpka', 'bapas'];
export const PARTNER_KINDS: readonly OrgKind[] = ['bnn', 'bnnp', 'bnnk', 'dinkes', 'puskesmas', 'rsud', 'ipwl', 'ngo'];

export const ROLES = [
  'national_admin', 'regional_manager', 'head_of_unit', 'clinic_staff',
  'assessor', 'counsellor', 'custody_officer', 'probation_officer',
] as const;
export type Role = (typeof ROLES)[number];

export const LEGAL_STATUSES = ['tahanan', 'narapidana', 'anak'] as const;
export type LegalStatus = (typeof LEGAL_STATUSES)[number];
export const SEXES = ['L', 'P'] as const;
export type Sex = (typeof SEXES)[number];

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const uuid = z.uuid();
export const isoDate = z.iso.date();

export const paginationQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});
export type PaginationQuery = z.infer<typeof paginationQuery>;

export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  });
}

export const ERROR_CODES = [
  'VALIDATION', 'UNAUTHENTICATED', 'FORBIDDEN', 'CSRF', 'NOT_FOUND', 'CONFLICT',
  'RATE_LIMITED', 'PAYLOAD_TOO_LARGE', 'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const fieldError = z.object({ field: z.string(), message: z.string() });
export const errorResponse = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    fields: z.array(fieldError).optional(),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponse>;
