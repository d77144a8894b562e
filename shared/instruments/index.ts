import { ASI_ID, ASI_VERSION, type AsiOptions, type AsiResult, scoreAsi, validateAsiInput } from './asi.ts';
import { ASSIST_ID, ASSIST_VERSION, type AssistOptions, type AssistResult, scoreAssist, validateAssistInput } from './assist.ts';
import { type FieldError, type Label, type Validation, describe } from './common.ts';

export * from './assist.ts';
export * from './asi.ts';
export * from './formulir.ts';
export type { FieldError, Label, Validation } from './common.ts';
export { formatPath, roundHalfAwayFromZero } from './common.ts';

export type ScoreResult = AssistResult | AsiResult;
export type ScoreOutcome = { ok: true; result: ScoreResult } | { ok: false; errors: FieldError[] };

/** Policies that the published rules leave open; each instrument documents its defaults. */
export interface ScoreOptions {
  assist?: AssistOptions;
  asi?: AsiOptions;
}

export interface RegisteredInstrument {
  id: string;
  version: string;
  label: Label;
  score: (input: unknown, options: ScoreOptions) => ScoreOutcome;
}

function register<I>(
  id: string,
  version: string,
  label: Label,
  validate: (input: unknown) => Validation<I>,
  score: (input: I, options: ScoreOptions) => ScoreResult,
): RegisteredInstrument {
  return {
    id,
    version,
    label,
    score: (input, options) => {
      const valid = validate(input);
      return valid.ok ? { ok: true, result: score(valid.value, options) } : valid;
    },
  };
}

/** Every scorable instrument, by id and version: a stored assessment is always rescored by the version it was taken with. */
export const INSTRUMENTS: readonly RegisteredInstrument[] = [
  register(ASSIST_ID, ASSIST_VERSION, { id: 'WHO ASSIST v3.0 (skrining)', en: 'WHO ASSIST v3.0 (screening)' },
    validateAssistInput, (input, options) => scoreAssist(input, options.assist)),
  register(ASI_ID, ASI_VERSION, { id: 'Addiction Severity Index edisi 5 (asesmen)', en: 'Addiction Severity Index, 5th edition (assessment)' },
    validateAsiInput, (input, options) => scoreAsi(input, options.asi)),
];

export function findInstrument(id: string, version: string): RegisteredInstrument | undefined {
  return INSTRUMENTS.find((instrument) => instrument.id === id && instrument.version === version);
}

const refuse = (path: string, message: string): ScoreOutcome => ({ ok: false, errors: [{ path, message }] });

/**
 * Validates any instrument input and scores it with the instrument and version it names.
 * Never throws on bad input: every refusal is a list of field errors.
 */
export function scoreInstrument(input: unknown, options: ScoreOptions = {}): ScoreOutcome {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return refuse('', `The input must be a JSON object with instrument and version (got ${describe(input)}).`);
  }
  const ids = [...new Set(INSTRUMENTS.map((i) => i.id))];
  const { instrument, version } = input as { instrument?: unknown; version?: unknown };
  if (typeof instrument !== 'string' || !ids.includes(instrument)) {
    const expected = `one of ${ids.join(', ')}`;
    return refuse('instrument', instrument === undefined
      ? `instrument is required (${expected}).`
      : `instrument must be ${expected} (got ${describe(instrument)}).`);
  }
  const versions = INSTRUMENTS.filter((i) => i.id === instrument).map((i) => i.version);
  const found = typeof version === 'string' ? findInstrument(instrument, version) : undefined;
  if (!found) {
    const supported = `supported: ${versions.map((v) => `"${v}"`).join(', ')}`;
    if (version === undefined) return refuse('version', `version is required (${instrument} ${supported}).`);
    if (typeof version !== 'string') return refuse('version', `version must be a string (${instrument} ${supported}; got ${describe(version)}).`);
    return refuse('version', `version ${describe(version)} of ${instrument} is not supported (${supported}).`);
  }
  return found.score(input, options);
}
