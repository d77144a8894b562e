import { describe, expect, it } from 'vitest';
import {
  type AssistResult, type Frequency, type EverAnswer, type Substance,
  INJECTING_ADVICE, INTERVENTION_LABELS, MAX_SCORE, SUBSTANCES, SUBSTANCE_DEFINITIONS,
  riskFor, scoreAssist, validateAssistInput,
} from './assist.ts';

type Answers = Record<string, unknown>;

const input = (answers: Answers) => ({ instrument: 'assist', version: '3.0', answers });

/** Answers for one substance ever used; every scored question "never" unless overridden. */
function usedOnly(substance: Substance, overrides: Partial<Record<'q2' | 'q3' | 'q4' | 'q5' | 'q6' | 'q7', string>> = {}): Answers {
  const q2 = overrides.q2 ?? 'never';
  const recent = q2 !== 'never';
  const answers: Answers = {
    q1: { [substance]: true },
    q2: { [substance]: q2 },
    q6: { [substance]: overrides.q6 ?? 'never' },
    q7: { [substance]: overrides.q7 ?? 'never' },
    q8: 'never',
  };
  if (recent) {
    answers.q3 = { [substance]: overrides.q3 ?? 'never' };
    answers.q4 = { [substance]: overrides.q4 ?? 'never' };
    if (substance !== 'tobacco') answers.q5 = { [substance]: overrides.q5 ?? 'never' };
  }
  return answers;
}

function score(answers: Answers): AssistResult {
  const valid = validateAssistInput(input(answers));
  if (!valid.ok) throw new Error(`expected valid answers: ${JSON.stringify(valid.errors)}`);
  return scoreAssist(valid.value);
}

function errorsOf(answers: Answers) {
  const valid = validateAssistInput(input(answers));
  return valid.ok ? [] : valid.errors;
}

describe('ASSIST v3.0 score tables', () => {
  it.each<[Frequency, number]>([
    ['never', 0], ['once_or_twice', 2], ['monthly', 3], ['weekly', 4], ['daily', 6],
  ])('Q2 "%s" adds %i points', (answer, points) => {
    expect(score(usedOnly('alcohol', { q2: answer })).substances.alcohol.score).toBe(points);
  });

  // Q3–Q5 are asked only after a Q2 other than never; Q2 "once or twice" adds its own 2 points.
  it.each<['q3' | 'q4' | 'q5', Frequency, number]>([
    ['q3', 'never', 0], ['q3', 'once_or_twice', 3], ['q3', 'monthly', 4], ['q3', 'weekly', 5], ['q3', 'daily', 6],
    ['q4', 'never', 0], ['q4', 'once_or_twice', 4], ['q4', 'monthly', 5], ['q4', 'weekly', 6], ['q4', 'daily', 7],
    ['q5', 'never', 0], ['q5', 'once_or_twice', 5], ['q5', 'monthly', 6], ['q5', 'weekly', 7], ['q5', 'daily', 8],
  ])('%s "%s" adds %i points', (question, answer, points) => {
    const result = score(usedOnly('cannabis', { q2: 'once_or_twice', [question]: answer }));
    expect(result.substances.cannabis.score).toBe(2 + points);
  });

  it.each<['q6' | 'q7', EverAnswer, number]>([
    ['q6', 'never', 0], ['q6', 'past_3_months', 6], ['q6', 'not_past_3_months', 3],
    ['q7', 'never', 0], ['q7', 'past_3_months', 6], ['q7', 'not_past_3_months', 3],
  ])('%s "%s" adds %i points', (question, answer, points) => {
    expect(score(usedOnly('opioids', { [question]: answer })).substances.opioids.score).toBe(points);
  });

  it('gives tobacco at most 31 points, since Q5 is not asked for it', () => {
    const result = score(usedOnly('tobacco', { q2: 'daily', q3: 'daily', q4: 'daily', q6: 'past_3_months', q7: 'past_3_months' }));
    expect(result.substances.tobacco.score).toBe(31);
  });

  it.each(SUBSTANCES.filter((s) => s !== 'tobacco'))('gives %s at most 39 points', (substance) => {
    const result = score(usedOnly(substance, {
      q2: 'daily', q3: 'daily', q4: 'daily', q5: 'daily', q6: 'past_3_months', q7: 'past_3_months',
    }));
    expect(result.substances[substance].score).toBe(39);
    expect(MAX_SCORE[substance]).toBe(39);
  });

  it('never adds Q8 to any substance score', () => {
    const answers = { ...usedOnly('opioids', { q6: 'past_3_months' }), q8: 'past_3_months' };
    expect(score(answers).substances.opioids.score).toBe(6);
  });
});

describe('ASSIST v3.0 risk bands', () => {
  it.each<[number, string]>([
    [0, 'low'], [10, 'low'], [11, 'moderate'], [26, 'moderate'], [27, 'high'], [39, 'high'],
  ])('rates alcohol %i as %s', (points, risk) => {
    expect(riskFor('alcohol', points)).toBe(risk);
  });

  const others = SUBSTANCES.filter((s) => s !== 'alcohol');
  it.each(others.flatMap((s) => [[s, 0, 'low'], [s, 3, 'low'], [s, 4, 'moderate'], [s, 26, 'moderate'], [s, 27, 'high'], [s, MAX_SCORE[s], 'high']] as const))(
    'rates %s %i as %s',
    (substance, points, risk) => {
      expect(riskFor(substance, points)).toBe(risk);
    },
  );
});

describe('ASSIST v3.0 result', () => {
  it('reports all ten substances even when nothing was ever used', () => {
    const result = score({ q1: {}, q8: 'never' });
    expect(Object.keys(result.substances)).toEqual([...SUBSTANCES]);
    expect(result.overall).toBe('low');
  });

  it.each([
    ['low', 'feedback'], ['moderate', 'brief_intervention'], ['high', 'brief_intervention_and_referral'],
  ] as const)('recommends for %s risk the intervention %s', (risk, intervention) => {
    const answers = {
      low: usedOnly('cannabis', { q6: 'not_past_3_months' }),
      moderate: usedOnly('cannabis', { q6: 'past_3_months' }),
      high: usedOnly('cannabis', { q2: 'daily', q3: 'daily', q4: 'daily', q5: 'daily', q6: 'past_3_months' }),
    }[risk];
    const result = score(answers);
    expect(result.substances.cannabis).toMatchObject({ risk, intervention });
  });

  it('words the high-risk intervention as brief intervention plus referral to specialist assessment and treatment', () => {
    expect(INTERVENTION_LABELS.brief_intervention_and_referral.en).toBe(
      'Brief intervention and referral to specialist assessment and treatment',
    );
    expect(INTERVENTION_LABELS.brief_intervention_and_referral.id).toMatch(/rujukan/);
  });

  it('leaves tobacco out of the overall result by default', () => {
    const highTobacco = usedOnly('tobacco', { q2: 'daily', q3: 'daily', q4: 'daily', q6: 'past_3_months', q7: 'past_3_months' });
    const result = score(highTobacco);
    expect(result.substances.tobacco.risk).toBe('high');
    expect(result.overall).toBe('low');
    expect(result.overallExcludes).toEqual(['tobacco']);
  });

  it('counts tobacco in the overall result when the option says so', () => {
    const highTobacco = usedOnly('tobacco', { q2: 'daily', q3: 'daily', q4: 'daily', q6: 'past_3_months', q7: 'past_3_months' });
    const valid = validateAssistInput(input(highTobacco));
    if (!valid.ok) throw new Error('expected valid answers');
    expect(scoreAssist(valid.value, { excludeTobaccoFromOverall: false }).overall).toBe('high');
  });

  it('takes the highest risk of the other substances as the overall result', () => {
    const answers = {
      q1: { alcohol: true, cannabis: true },
      q2: { alcohol: 'never', cannabis: 'never' },
      q6: { alcohol: 'past_3_months', cannabis: 'past_3_months' },
      q7: { alcohol: 'never', cannabis: 'never' },
      q8: 'never',
    };
    const result = score(answers);
    expect(result.substances.alcohol.risk).toBe('low');
    expect(result.substances.cannabis.risk).toBe('moderate');
    expect(result.overall).toBe('moderate');
  });

  it.each([
    ['past_3_months', true], ['not_past_3_months', false], ['never', false],
  ] as const)('flags injecting-risk advice for Q8 "%s": %s', (q8, advice) => {
    const result = score({ q1: {}, q8 });
    expect(result.injection).toBe(q8);
    expect(result.injectingAdvice).toBe(advice);
  });

  it('says in the injecting advice that more than weekly or 3+ days in a row needs more intensive treatment', () => {
    expect(INJECTING_ADVICE.en).toMatch(/more than weekly/);
    expect(INJECTING_ADVICE.en).toMatch(/3 or more days in a row/);
    expect(INJECTING_ADVICE.en).toMatch(/more intensive treatment/);
    expect(INJECTING_ADVICE.id).toMatch(/3 hari atau lebih berturut-turut/);
  });

  it('labels the substances in Indonesian with local examples', () => {
    expect(SUBSTANCE_DEFINITIONS.amphetamines.label.id).toBe('Stimulan jenis amfetamin (shabu, ekstasi)');
    expect(SUBSTANCE_DEFINITIONS.opioids.label.id).toBe('Opioida (heroin, putaw, morfin, metadon, kodein)');
  });
});

describe('ASSIST v3.0 input rules', () => {
  it('accepts all Q1 answers no with Q2 to Q7 left out', () => {
    expect(errorsOf({ q1: { tobacco: false, alcohol: false }, q8: 'never' })).toEqual([]);
  });

  it('accepts Q2 "never" for every substance with Q3 to Q5 left out', () => {
    expect(errorsOf(usedOnly('sedatives'))).toEqual([]);
  });

  it.each<[string, Answers, string, string]>([
    ['Q2 missing for a substance ever used',
      { q1: { alcohol: true }, q6: { alcohol: 'never' }, q7: { alcohol: 'never' }, q8: 'never' },
      'answers.q2.alcohol', 'q2.alcohol is required because q1.alcohol is true.'],
    ['Q3 missing after a Q2 other than never',
      { ...usedOnly('alcohol', { q2: 'weekly' }), q3: {} },
      'answers.q3.alcohol', 'q3.alcohol is required because q2.alcohol is not never.'],
    ['Q5 missing after a Q2 other than never',
      { ...usedOnly('cocaine', { q2: 'monthly' }), q5: undefined },
      'answers.q5.cocaine', 'q5.cocaine is required because q2.cocaine is not never.'],
    ['Q4 given after Q2 never',
      { ...usedOnly('alcohol'), q4: { alcohol: 'never' } },
      'answers.q4.alcohol', 'q4.alcohol must be absent because q2.alcohol is never.'],
    ['Q6 missing for a substance ever used',
      { ...usedOnly('opioids'), q6: {} },
      'answers.q6.opioids', 'q6.opioids is required because q1.opioids is true.'],
    ['Q7 given for a substance never used',
      { ...usedOnly('opioids'), q7: { opioids: 'never', cannabis: 'never' } },
      'answers.q7.cannabis', 'q7.cannabis must be absent because q1.cannabis is not true.'],
    ['Q2 given for a substance with Q1 false',
      { q1: { inhalants: false }, q2: { inhalants: 'never' }, q8: 'never' },
      'answers.q2.inhalants', 'q2.inhalants must be absent because q1.inhalants is not true.'],
    ['Q5 given for tobacco',
      { ...usedOnly('tobacco', { q2: 'daily' }), q5: { tobacco: 'never' } },
      'answers.q5.tobacco', 'q5.tobacco is not allowed because q5 is never asked for tobacco.'],
    ['Q8 missing',
      { q1: {} },
      'answers.q8', 'q8 is required.'],
    ['an unknown substance',
      { q1: { heroin: true }, q8: 'never' },
      'answers.q1.heroin', 'q1.heroin is not an ASSIST substance (expected one of tobacco, alcohol, cannabis, cocaine, amphetamines, inhalants, sedatives, hallucinogens, opioids, other).'],
    ['an unknown question',
      { q1: {}, q8: 'never', q9: 'never' },
      'answers.q9', 'q9 is not an ASSIST question (expected q1 to q8).'],
    ['a Q1 answer that is not a boolean',
      { q1: { alcohol: 'yes' }, q8: 'never' },
      'answers.q1.alcohol', 'q1.alcohol must be true or false (got "yes").'],
    ['a frequency outside the scale',
      { ...usedOnly('alcohol'), q2: { alcohol: 'sometimes' } },
      'answers.q2.alcohol', 'q2.alcohol must be one of never, once_or_twice, monthly, weekly, daily (got "sometimes").'],
    ['a Q8 answer outside the scale',
      { q1: {}, q8: 'yes' },
      'answers.q8', 'q8 must be one of never, past_3_months, not_past_3_months (got "yes").'],
  ])('refuses %s', (_case, answers, path, message) => {
    expect(errorsOf(answers)).toContainEqual({ path, message });
  });

  it('refuses a field beside instrument, version and answers', () => {
    const valid = validateAssistInput({ ...input({ q1: {}, q8: 'never' }), patient: 'x' });
    expect(valid).toEqual({
      ok: false,
      errors: [{ path: 'patient', message: 'patient is not a field of an ASSIST input (expected instrument, version and answers).' }],
    });
  });

  it('refuses an input without answers', () => {
    const valid = validateAssistInput({ instrument: 'assist', version: '3.0' });
    expect(valid).toEqual({ ok: false, errors: [{ path: 'answers', message: 'answers is required.' }] });
  });
});
