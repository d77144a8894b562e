import { z } from 'zod';
import { LEGAL_STATUSES, SEXES, isoDate } from './common.ts';
import { caseArticle, sdpNumber } from './wbp.ts';

/**
 * The SDP roster CSV, one row per person held. Header names are fixed (case-insensitive);
 * columns not listed are ignored. Documented in docs/sdp-import.md.
 */
export const SDP_COLUMNS = [
  'no_registrasi', 'nama', 'jenis_kelamin', 'tanggal_lahir', 'tempat_lahir', 'status_hukum',
  'pasal', 'lama_pidana_bulan', 'kode_upt', 'blok', 'kamar', 'tanggal_masuk', 'tanggal_bebas',
] as const;
export const SDP_REQUIRED_COLUMNS = ['no_registrasi', 'nama', 'jenis_kelamin', 'status_hukum', 'kode_upt', 'tanggal_masuk'] as const;

const optionalText = (max: number) =>
  z.string().trim().max(max).transform((v) => (v === '' ? null : v));
const optionalDate = z
  .string()
  .trim()
  .transform((v) => (v === '' ? null : v))
  .pipe(isoDate.nullable());

export const sdpRow = z
  .object({
    no_registrasi: sdpNumber,
    nama: z.string().trim().min(2).max(120),
    jenis_kelamin: z.string().trim().toUpperCase().pipe(z.enum(SEXES)),
    tanggal_lahir: optionalDate,
    tempat_lahir: optionalText(80),
    status_hukum: z.string().trim().toLowerCase().pipe(z.enum(LEGAL_STATUSES)),
    pasal: z
      .string()
      .trim()
      .transform((v) => (v === '' ? [] : v.split(';').map((a) => a.trim()).filter(Boolean)))
      .pipe(z.array(caseArticle).max(10)),
    lama_pidana_bulan: z
      .string()
      .trim()
      .transform((v) => (v === '' ? null : Number(v)))
      .pipe(z.number().int().min(0).max(1200).nullable()),
    kode_upt: z.string().trim().toUpperCase().min(2).max(40),
    blok: optionalText(40),
    kamar: optionalText(40),
    tanggal_masuk: z.string().trim().pipe(isoDate),
    tanggal_bebas: optionalDate,
  })
  .refine((r) => !r.tanggal_bebas || r.tanggal_bebas >= r.tanggal_masuk, {
    message: 'wbp.releaseBeforeAdmission',
    path: ['tanggal_bebas'],
  });
export type SdpRow = z.infer<typeof sdpRow>;

export const importRejection = z.object({
  line: z.number().int(),
  field: z.string(),
  reason: z.string(),
  value: z.string().optional(),
});
export type ImportRejection = z.infer<typeof importRejection>;

export const importReport = z.object({
  status: z.enum(['imported', 'rejected', 'checked']),
  rowsRead: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  transferred: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.array(importRejection),
  /** Problems found; exact even when the list above is capped. */
  rejectedTotal: z.number().int(),
  /** Rows with at least one problem. */
  rejectedRows: z.number().int(),
});
export type ImportReport = z.infer<typeof importReport>;

export const importQuery = z.object({
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});
