import { URINE_PANEL } from '../../../shared/domain/urine.ts';
import type { FieldErrors } from '../../app/validation.ts';

/** The fields of the result form in the order they stand: one choice per substance of the panel, then the note. */
export const RESULT_FIELDS: readonly string[] = [...URINE_PANEL, 'note'];

/** Where a message that belongs to no field of the form is kept: it stands above the fields. */
export const FORM_MESSAGE = '_form';

/**
 * The server's messages about a result (by path, as ApiError.messagesByPath gives them) by the form's
 * fields: "results.opiates" is the opiates choice's, "note" the note's; any other stands above the
 * fields, so that none is lost.
 */
export function resultErrors(byPath: Readonly<Record<string, string>>): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(byPath)) {
    const field = path.startsWith('results.') ? path.slice('results.'.length) : path;
    out[RESULT_FIELDS.includes(field) ? field : FORM_MESSAGE] ??= message;
  }
  return out;
}
