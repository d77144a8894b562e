import { ApiError } from '../app/api.ts';
import { ErrorAlert } from './ErrorAlert.tsx';

/**
 * A failed save's message above a form, unless the server named the fields at fault: those
 * messages stand next to their inputs, and saying them twice would only add noise.
 */
export function FormErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const byField = error instanceof ApiError && error.fields.length > 0;
  return <ErrorAlert error={byField ? null : error} title={title} />;
}
