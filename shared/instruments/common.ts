import type { z } from 'zod';

/** A text in both languages of the app: Bahasa Indonesia first, English second. */
export interface Label {
  id: string;
  en: string;
}

/** One refused field: `path` like `answers.q3.alcohol`, `message` one English sentence naming the rule. */
export interface FieldError {
  path: string;
  message: string;
}

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

type PathSegment = PropertyKey;

/** `['answers', 'q3', 'alcohol']` → `answers.q3.alcohol`; numbers become `[n]`. */
export function formatPath(path: readonly PathSegment[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? String(segment) : `.${String(segment)}`;
  }
  return text;
}

/**
 * Turns Zod issues into field errors. Leaf schemas carry their own sentences; the one issue Zod
 * cannot word per field is an unknown key, reported on the parent object, so it is split here into
 * one error per key, on the key's own path, worded by the instrument.
 */
function toFieldErrors(
  error: z.ZodError,
  unknownKeyMessage: (parentPath: readonly PathSegment[], key: string) => string,
): FieldError[] {
  const errors: FieldError[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        errors.push({ path: formatPath([...issue.path, key]), message: unknownKeyMessage(issue.path, key) });
      }
    } else {
      errors.push({ path: formatPath(issue.path), message: issue.message });
    }
  }
  return errors;
}

/** Parses `input` with an instrument's schema; a refusal becomes field errors (see toFieldErrors). */
export function validateWith<T>(
  schema: z.ZodType<T>,
  input: unknown,
  unknownKeyMessage: (parentPath: readonly PathSegment[], key: string) => string,
): Validation<T> {
  const parsed = schema.safeParse(input);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: toFieldErrors(parsed.error, unknownKeyMessage) };
}

/** A Zod error callback: "X is required" when the value is absent, "X must be …" otherwise. */
export function requiredOr(field: string, expectation: string) {
  return (issue: { input?: unknown }): string =>
    issue.input === undefined ? `${field} is required.` : `${field} must be ${expectation} (got ${describe(issue.input)}).`;
}

/** A Zod error callback for optional fields: "X must be …". */
export function mustBe(field: string, expectation: string) {
  return (issue: { input?: unknown }): string => `${field} must be ${expectation} (got ${describe(issue.input)}).`;
}

export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

export function oneOf(values: readonly string[]): string {
  return `one of ${values.join(', ')}`;
}

/**
 * Rounds half away from zero to `decimals` places. Binary floating point stores 0.12345 as
 * 0.1234499999…, so the scaled value is first cut to 12 significant digits, which removes the
 * representation error without touching any real digit of a 0–1 score.
 */
export function roundHalfAwayFromZero(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const scaled = Number((Math.abs(value) * factor).toPrecision(12));
  const rounded = (Math.sign(value) * Math.round(scaled)) / factor;
  return rounded === 0 ? 0 : rounded; // never print -0
}
