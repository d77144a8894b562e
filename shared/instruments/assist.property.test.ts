import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EVER_ANSWERS, FREQUENCIES, MAX_SCORE, RISKS, SUBSTANCES, type Substance, riskFor, scoreAssist, validateAssistInput,
} from './assist.ts';

type Question = 'q1' | 'q2' | 'q3' | 'q4' | 'q5' | 'q6' | 'q7';
type Answers = { [Q in Question]?: Record<string, unknown> } & { q1: Record<string, unknown>; q8?: unknown };

const frequency = fc.constantFrom(...FREQUENCIES);
const ever = fc.constantFrom(...EVER_ANSWERS);

/** One substance, following the skip logic: never used (Q1 absent or false), or used with the answers it needs. */
const substanceAnswers = fc.oneof(
  fc.record({ used: fc.constant(false as const), q1Given: fc.boolean() }),
  fc.record({ used: fc.constant(true as const), q2: frequency, q3: frequency, q4: frequency, q5: frequency, q6: ever, q7: ever }),
);

/** A valid answer set, built question by question exactly as an interviewer following the skip logic would. */
const validAnswers = fc
  .record({
    substances: fc.tuple(...SUBSTANCES.map(() => substanceAnswers)),
    q8: ever,
    keepEmptyQuestions: fc.boolean(),
  })
  .map(({ substances, q8, keepEmptyQuestions }) => {
    const answers: Answers = { q1: {}, q8 };
    const put = (question: Question, s: Substance, value: unknown) => {
      (answers[question] ??= {})[s] = value;
    };
    substances.forEach((a, i) => {
      const s = SUBSTANCES[i] as Substance;
      if (!a.used) {
        if (a.q1Given) answers.q1[s] = false;
        return;
      }
      answers.q1[s] = true;
      put('q2', s, a.q2);
      if (a.q2 !== 'never') {
        put('q3', s, a.q3);
        put('q4', s, a.q4);
        if (s !== 'tobacco') put('q5', s, a.q5);
      }
      put('q6', s, a.q6);
      put('q7', s, a.q7);
    });
    if (keepEmptyQuestions) for (const q of ['q2', 'q3', 'q4', 'q5', 'q6', 'q7'] as const) answers[q] ??= {};
    return answers;
  });

const input = (answers: Answers) => ({ instrument: 'assist', version: '3.0', answers });

/** Every [question, substance] the answer set must have; q8 is [q8]. */
function requiredAnswers(answers: Answers): string[][] {
  const required = [['q8']];
  for (const s of SUBSTANCES) {
    if (answers.q1[s] !== true) continue;
    required.push(['q2', s], ['q6', s], ['q7', s]);
    if (answers.q2?.[s] !== 'never') {
      required.push(['q3', s], ['q4', s]);
      if (s !== 'tobacco') required.push(['q5', s]);
    }
  }
  return required;
}

/** Every [question, substance] the answer set must not have. */
function forbiddenAnswers(answers: Answers): string[][] {
  const forbidden = [['q5', 'tobacco']];
  for (const s of SUBSTANCES) {
    const recent = ['q3', 'q4', ...(s === 'tobacco' ? [] : ['q5'])];
    if (answers.q1[s] !== true) forbidden.push(...['q2', ...recent, 'q6', 'q7'].map((q) => [q, s]));
    else if (answers.q2?.[s] === 'never') forbidden.push(...recent.map((q) => [q, s]));
  }
  return forbidden;
}

function presentAnswers(answers: Answers): string[][] {
  const present = [['q8']];
  for (const q of ['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7'] as const) {
    for (const s of Object.keys(answers[q] ?? {})) present.push([q, s]);
  }
  return present;
}

const pick = <T>(items: readonly T[], index: number): T => items[index % items.length] as T;

function refusalPaths(answers: Answers): string[] {
  const valid = validateAssistInput(input(answers));
  return valid.ok ? [] : valid.errors.map((e) => e.path);
}

describe('ASSIST v3.0 properties', () => {
  it('scores every valid answer set within 0–31 for tobacco and 0–39 for the others', () => {
    fc.assert(
      fc.property(validAnswers, (answers) => {
        const valid = validateAssistInput(input(answers));
        expect(valid.ok).toBe(true);
        if (!valid.ok) return;
        const result = scoreAssist(valid.value);
        for (const s of SUBSTANCES) {
          const { score, risk } = result.substances[s];
          expect(score).toBeGreaterThanOrEqual(0);
          expect(score).toBeLessThanOrEqual(s === 'tobacco' ? 31 : 39);
          expect(score).toBeLessThanOrEqual(MAX_SCORE[s]);
          expect(risk).toBe(riskFor(s, score));
          if (answers.q1[s] !== true) expect(score).toBe(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives as overall result the highest risk of the substances other than tobacco', () => {
    fc.assert(
      fc.property(validAnswers, (answers) => {
        const valid = validateAssistInput(input(answers));
        if (!valid.ok) throw new Error('generated answers must be valid');
        const result = scoreAssist(valid.value);
        const levels = SUBSTANCES.filter((s) => s !== 'tobacco').map((s) => RISKS.indexOf(result.substances[s].risk));
        expect(RISKS.indexOf(result.overall)).toBe(Math.max(...levels));
        expect(result.injectingAdvice).toBe(answers.q8 === 'past_3_months');
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a valid answer set with one required answer dropped, naming that answer', () => {
    fc.assert(
      fc.property(validAnswers, fc.nat(), (answers, n) => {
        const broken = structuredClone(answers);
        const [question, substance] = pick(requiredAnswers(answers), n) as [Question, string?];
        if (substance === undefined) delete broken.q8;
        else delete broken[question]?.[substance];
        expect(refusalPaths(broken)).toContain(['answers', question, substance].filter(Boolean).join('.'));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a valid answer set with one forbidden answer added, naming that answer', () => {
    fc.assert(
      fc.property(validAnswers, fc.nat(), frequency, ever, (answers, n, f, e) => {
        const broken = structuredClone(answers);
        const [question, substance] = pick(forbiddenAnswers(answers), n) as [Question, string];
        broken[question] = { ...broken[question], [substance]: question === 'q6' || question === 'q7' ? e : f };
        expect(refusalPaths(broken)).toContain(`answers.${question}.${substance}`);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a valid answer set with one answer outside its scale, naming that answer', () => {
    const badValue = fc.oneof(
      fc.string().filter((s) => !(FREQUENCIES as readonly string[]).includes(s) && !(EVER_ANSWERS as readonly string[]).includes(s)),
      fc.integer(),
      fc.constant(null),
      fc.constant([]),
    );
    fc.assert(
      fc.property(validAnswers, fc.nat(), badValue, (answers, n, bad) => {
        const broken = structuredClone(answers);
        const [question, substance] = pick(presentAnswers(answers), n) as [Question, string?];
        if (substance === undefined) broken.q8 = bad;
        else (broken[question] ??= {})[substance] = bad;
        expect(refusalPaths(broken)).toContain(['answers', question, substance].filter(Boolean).join('.'));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a valid answer set with an unknown key added', () => {
    const where = fc.constantFrom('answers', 'q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7') as fc.Arbitrary<'answers' | Question>;
    const unknownKey = fc.string({ minLength: 1 }).filter((k) => !/^q[1-8]$/.test(k) && !(SUBSTANCES as readonly string[]).includes(k) && k !== '__proto__');
    fc.assert(
      fc.property(validAnswers, where, unknownKey, (answers, at, key) => {
        const broken: Answers & Record<string, unknown> = structuredClone(answers);
        if (at === 'answers') broken[key] = 'never';
        else broken[at] = { ...broken[at], [key]: 'never' };
        expect(refusalPaths(broken)).toContain(at === 'answers' ? `answers.${key}` : `answers.${at}.${key}`);
      }),
      { numRuns: 300 },
    );
  });
});
