import type { z } from 'zod';
import { exportPeriodQuery, researchExportQuery } from '../../../shared/contracts/exports.ts';
import { fhirExportQuery } from '../../../shared/contracts/fhir.ts';
import { addDays, addMonths } from '../../../shared/domain/dates.ts';
import { periodProblems } from '../../../shared/domain/exports.ts';
import { i18n, translateKey } from '../../app/i18n.ts';
import { type FieldErrors, validate } from '../../app/validation.ts';

/** A period as typed in the two date inputs, and the unit chosen (research only; empty: every unit). */
export interface PeriodValues { from: string; to: string; facilityId: string }

/** The last twelve months up to `today`, both days included: within one FHIR export's 366 days. */
export function lastTwelveMonths(today: string): PeriodValues {
  return { from: addDays(addMonths(today, -12), 1), to: today, facilityId: '' };
}

/** What each export's route accepts: the research files may name a unit, FHIR limits the length. */
const CONTRACTS = { research: researchExportQuery, sirena: exportPeriodQuery, fhir: fhirExportQuery } satisfies Record<string, z.ZodType>;
export type ExportKind = keyof typeof CONTRACTS;

export type PeriodCheck<K extends ExportKind> = { ok: true; query: z.output<(typeof CONTRACTS)[K]> } | { ok: false; errors: FieldErrors };

/**
 * Checks a period with the route's own contract and the server's rule that the end is not before
 * the start, so nothing the server would refuse is sent; the messages are by field, in the user's language.
 */
export function checkPeriod<K extends ExportKind>(kind: K, values: PeriodValues): PeriodCheck<K> {
  const input = kind === 'research' ? { from: values.from, to: values.to, facilityId: values.facilityId || undefined } : { from: values.from, to: values.to };
  const parsed = validate(CONTRACTS[kind], input);
  if (!parsed.ok) return parsed;
  const reversed = periodProblems(values.from, values.to);
  if (reversed.length > 0) return { ok: false, errors: Object.fromEntries(reversed.map((p) => [p.field, translateKey(p.message) ?? i18n.t('validation.invalid')])) };
  return { ok: true, query: parsed.data as z.output<(typeof CONTRACTS)[K]> };
}
