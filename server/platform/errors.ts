import type { ErrorCode } from '../../shared/contracts/common.ts';

export interface FieldProblem {
  field: string;
  /** A message key (translated by the error handler) or a ready sentence. */
  message: string;
  params?: Record<string, string | number>;
}

const STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

/** The one error type of the server. Services throw it; the error handler maps it to HTTP. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldProblem[];
  readonly params: Record<string, string | number>;
  /** Extra JSON for the client, e.g. an import report. */
  readonly extra: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    messageKey: string,
    options: { fields?: FieldProblem[]; params?: Record<string, string | number>; extra?: Record<string, unknown> } = {},
  ) {
    super(messageKey);
    this.code = code;
    this.fields = options.fields ?? [];
    this.params = options.params ?? {};
    this.extra = options.extra;
  }

  get status(): number {
    return STATUS[this.code];
  }
}

export const notFound = (what = 'record') => new AppError('NOT_FOUND', 'error.notFound', { params: { what } });
export const forbidden = () => new AppError('FORBIDDEN', 'error.forbidden');
export const validation = (fields: FieldProblem[]) => new AppError('VALIDATION', 'error.validation', { fields });
export const conflict = (key = 'error.conflict') => new AppError('CONFLICT', key);

export function statusOf(code: ErrorCode): number {
  return STATUS[code];
}
