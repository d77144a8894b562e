import type { z } from 'zod';
import { i18n, translateKey } from './i18n.ts';

export type FieldErrors = Record<string, string>;

function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = input;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

/**
 * One issue in the user's language. Schema messages that are keys (e.g. "wbp.releaseBeforeAdmission")
 * are looked up under validation.*; Zod's own English messages are replaced by a generic message per issue code.
 */
export function issueMessage(issue: z.core.$ZodIssue, input: unknown): string {
  const own = translateKey(`validation.${issue.message}`);
  if (own) return own;
  const t = i18n.t;
  const value = valueAt(input, issue.path);
  switch (issue.code) {
    case 'too_small':
      if (isBlank(value) || (issue.origin === 'string' && Number(issue.minimum) <= 1)) return t('validation.required');
      if (issue.origin === 'string') return t('validation.tooShort', { min: Number(issue.minimum) });
      if (issue.origin === 'array' || issue.origin === 'set') return t('validation.tooFew', { min: Number(issue.minimum) });
      return t('validation.tooSmall', { min: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return t('validation.tooLong', { max: Number(issue.maximum) });
      if (issue.origin === 'array' || issue.origin === 'set') return t('validation.tooMany', { max: Number(issue.maximum) });
      return t('validation.tooBig', { max: Number(issue.maximum) });
    case 'invalid_type':
      if (isBlank(value)) return t('validation.required');
      return issue.expected === 'number' || issue.expected === 'int' ? t('validation.notANumber') : t('validation.invalid');
    case 'invalid_format':
      if (isBlank(value)) return t('validation.required');
      if (issue.format === 'date') return t('validation.invalidDate');
      if (issue.format === 'uuid' || issue.format === 'guid') return t('validation.invalidChoice');
      if (issue.format === 'regex') return t('validation.invalidFormat');
      return t('validation.invalid');
    case 'invalid_value':
      return isBlank(value) ? t('validation.required') : t('validation.invalidChoice');
    default:
      return t('validation.invalid');
  }
}

/** The first message per top-level field, so each input shows one clear problem. */
export function fieldErrorsOf(error: z.ZodError, input: unknown): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? String(issue.path[0]) : '_form';
    out[key] ??= issueMessage(issue, input);
  }
  return out;
}

/** Parses form input with a shared contract; on failure returns translated messages by field. */
export function validate<S extends z.ZodType>(
  schema: S,
  input: unknown,
): { ok: true; data: z.output<S> } | { ok: false; errors: FieldErrors } {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: fieldErrorsOf(result.error, input) };
}

/** Text input → nullable field: empty means "not given". */
export function orNull(v: string): string | null {
  const s = v.trim();
  return s === '' ? null : s;
}

/** Number input kept as text → number, null when empty, NaN when not a number (the schema then names the field). */
export function numberOrNull(v: string): number | null {
  const s = v.trim();
  if (s === '') return null;
  return /^-?\d+$/.test(s) ? Number(s) : Number.NaN;
}
