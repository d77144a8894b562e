import { seededRandom } from './random.ts';

// Urine tests in custody: the panel of the assessment form (PMK 4/2020), the outcome of a test, the
// order of the chain of custody, the seeded random draw of a day's participants, and the rates.

/** The urinalysis panel of the Indonesian assessment form, in the form's order. */
export const URINE_PANEL = ['benzodiazepines', 'cannabis', 'opiates', 'amphetamines', 'cocaine', 'barbiturates', 'alcohol'] as const;
export type UrineSubstance = (typeof URINE_PANEL)[number];

export const URINE_OUTCOMES = ['negative', 'positive', 'invalid'] as const;
export type UrineOutcome = (typeof URINE_OUTCOMES)[number];
export type UrineResults = Record<UrineSubstance, UrineOutcome>;

/** Why a test is taken; 'random' comes only from a day's selection and 'retest' only from a positive or invalid result. */
export const URINE_REASONS = ['random', 'entry', 'routine', 'exit', 'suspicion', 'retest'] as const;
export type UrineReason = (typeof URINE_REASONS)[number];
/** The reasons a test can be planned for by hand. */
export const PLANNED_URINE_REASONS = ['entry', 'routine', 'exit', 'suspicion'] as const;

export const URINE_STATUSES = ['planned', 'collected', 'sent', 'received', 'resulted', 'refused', 'cancelled'] as const;
export type UrineStatus = (typeof URINE_STATUSES)[number];

/** The steps of the chain of custody. */
export const URINE_STEPS = ['collect', 'refuse', 'cancel', 'send', 'receive', 'result'] as const;
export type UrineStep = (typeof URINE_STEPS)[number];

/**
 * The status each step starts from and leads to. Sending to a laboratory is optional: an on-site
 * rapid test is resulted straight after collection, a sent sample only once it has been received.
 */
const STEP_RULES: Record<UrineStep, { from: readonly UrineStatus[]; to: UrineStatus }> = {
  collect: { from: ['planned'], to: 'collected' },
  refuse: { from: ['planned'], to: 'refused' },
  cancel: { from: ['planned'], to: 'cancelled' },
  send: { from: ['collected'], to: 'sent' },
  receive: { from: ['sent'], to: 'received' },
  result: { from: ['collected', 'received'], to: 'resulted' },
};

/** The status a step leads to from `status`, or null when the step is out of order. */
export function nextStatus(status: UrineStatus, step: UrineStep): UrineStatus | null {
  const rule = STEP_RULES[step];
  return rule.from.includes(status) ? rule.to : null;
}

/** The steps that may follow a test's current status, in the order they are usually taken. */
export function stepsFrom(status: UrineStatus): UrineStep[] {
  return URINE_STEPS.filter((step) => nextStatus(status, step) !== null);
}

/** Any positive makes the test positive; otherwise any invalid makes it invalid; otherwise negative. */
export function testOutcome(results: UrineResults): UrineOutcome {
  const values = URINE_PANEL.map((s) => results[s]);
  if (values.includes('positive')) return 'positive';
  if (values.includes('invalid')) return 'invalid';
  return 'negative';
}

/** The substances of the panel without an outcome in `results`. A result must name all of them. */
export function missingSubstances(results: Partial<Record<string, UrineOutcome | null>>): UrineSubstance[] {
  return URINE_PANEL.filter((s) => results[s] === undefined || results[s] === null);
}

/** A confirmatory retest is asked for a positive or an invalid result only. */
export function mayRetest(test: { status: UrineStatus; outcome: UrineOutcome | null }): boolean {
  return test.status === 'resulted' && (test.outcome === 'positive' || test.outcome === 'invalid');
}

// --- The seeded draw ------------------------------------------------------------------------------

/** FNV-1a, 32 bits, over the seed's UTF-8 bytes: the seed string → the generator's starting state. */
export function seedState(seed: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(seed)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** Candidate ids in the order the draw uses: sorted, without repeats, whatever order they were read in. */
export function stableCandidates(candidates: readonly string[]): string[] {
  return [...new Set(candidates)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Draws `count` of the candidates at random, reproducibly: the same seed and the same candidates
 * give the same people, in the same order. A partial Fisher–Yates shuffle over the candidates in
 * their stable order, driven by Mulberry32 (seededRandom) started from the seed's FNV-1a hash.
 * Asking for more than there are gives everyone.
 */
export function drawRandom(seed: string, candidates: readonly string[], count: number): string[] {
  const pool = stableCandidates(candidates);
  const k = Math.max(0, Math.min(Math.floor(count), pool.length));
  const next = seededRandom(seedState(seed));
  for (let i = 0; i < k; i += 1) {
    const j = i + Math.floor(next() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, k);
}

/** Does a stored selection hold exactly the people the draw gives again from its seed and candidates? */
export function isReproduced(seed: string, candidates: readonly string[], count: number, selected: readonly string[]): boolean {
  const again = drawRandom(seed, candidates, count).sort();
  const stored = [...selected].sort();
  return again.length === stored.length && again.every((id, i) => id === stored[i]);
}

/** Letters and digits that cannot be mistaken for one another when read aloud or copied by hand (Crockford). */
export const SEED_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A short printable seed from random bytes (the caller brings the randomness): one character per byte. */
export function seedFromBytes(bytes: Uint8Array): string {
  return [...bytes].map((b) => SEED_ALPHABET[b % SEED_ALPHABET.length]!).join('');
}

// --- Rates ----------------------------------------------------------------------------------------

export interface RatedTest {
  status: UrineStatus;
  outcome: UrineOutcome | null;
  /** A result replaced by the result of its confirmatory retest: the retest stands for both. */
  superseded: boolean;
}

export interface UrineRates {
  /** Tests with a sample taken (collected, in transit, or resulted). */
  tested: number;
  resulted: number;
  positive: number;
  negative: number;
  invalid: number;
  refused: number;
  /** Positive ÷ resulted, null when nothing has a result. */
  positiveRate: number | null;
}

/**
 * Counts of a set of tests. Cancelled tests are not counted, nor is a result superseded by its
 * retest's result (so a positive confirmed by its retest counts once, and one refuted by it not at all).
 */
export function urineRates(tests: readonly RatedTest[]): UrineRates {
  const counted = tests.filter((t) => t.status !== 'cancelled' && !t.superseded);
  const resulted = counted.filter((t) => t.status === 'resulted');
  const positive = resulted.filter((t) => t.outcome === 'positive').length;
  return {
    tested: counted.filter((t) => t.status === 'collected' || t.status === 'sent' || t.status === 'received' || t.status === 'resulted').length,
    resulted: resulted.length,
    positive,
    negative: resulted.filter((t) => t.outcome === 'negative').length,
    invalid: resulted.filter((t) => t.outcome === 'invalid').length,
    refused: counted.filter((t) => t.status === 'refused').length,
    positiveRate: resulted.length === 0 ? null : positive / resulted.length,
  };
}

/** The ids of tests whose confirmatory retest has a result, from a list holding both. */
export function supersededIds(tests: readonly { id: string; status: UrineStatus; retestOf: string | null }[]): Set<string> {
  return new Set(tests.filter((t) => t.retestOf !== null && t.status === 'resulted').map((t) => t.retestOf!));
}

/** Days after a positive result by which its follow-up is due. */
export const POSITIVE_FOLLOW_UP_DAYS = 3;
