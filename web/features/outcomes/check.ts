import type { z } from 'zod';
import { translateKey } from '../../app/i18n.ts';
import { validate, type FieldErrors } from '../../app/validation.ts';

/**
 * Checks form input with a shared contract, like `validate`, and says the contract's own rules
 * (a drop-out for "other" needs a note…) in this area's words.
 */
export function check<S extends z.ZodType>(schema: S, input: unknown): { ok: true; data: z.output<S> } | { ok: false; errors: FieldErrors } {
  const result = validate(schema, input);
  if (result.ok) return result;
  const parsed = schema.safeParse(input);
  const errors = { ...result.errors };
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code !== 'custom') continue;
      const own = translateKey(`care.conferences.rules.${issue.message}`);
      const key = issue.path.length > 0 ? String(issue.path[0]) : '_form';
      if (own) errors[key] = own;
    }
  }
  return { ok: false, errors };
}
