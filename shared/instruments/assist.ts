import { z } from 'zod';
import { type Label, type Validation, formatPath, mustBe, oneOf, requiredOr, validateWith } from './common.ts';

/**
 * WHO ASSIST v3.0 (Alcohol, Smoking and Substance Involvement Screening Test): the questions,
 * the score tables, the skip logic, the risk bands and the recommended intervention, as published
 * by WHO (2010) and summarised in domain.md §3. Scores are recomputed from stored answers, so this
 * file is versioned: a change to a rule is a new version, never an edit of "3.0".
 */
export const ASSIST_ID = 'assist';
export const ASSIST_VERSION = '3.0';

export const SUBSTANCES = [
  'tobacco', 'alcohol', 'cannabis', 'cocaine', 'amphetamines',
  'inhalants', 'sedatives', 'hallucinogens', 'opioids', 'other',
] as const;
export type Substance = (typeof SUBSTANCES)[number];

/** Q5 ("failed to do what was expected") is not asked for tobacco. */
export const Q5_SUBSTANCES = SUBSTANCES.filter((s): s is Exclude<Substance, 'tobacco'> => s !== 'tobacco');

export interface SubstanceDefinition {
  /** The letter of the row on the WHO form, a–j. */
  letter: string;
  label: Label;
}

export const SUBSTANCE_DEFINITIONS: Record<Substance, SubstanceDefinition> = {
  tobacco: { letter: 'a', label: { id: 'Produk tembakau (rokok, kretek)', en: 'Tobacco products (cigarettes, kretek)' } },
  alcohol: { letter: 'b', label: { id: 'Minuman beralkohol (bir, anggur, arak, tuak)', en: 'Alcoholic beverages (beer, wine, arak, tuak)' } },
  cannabis: { letter: 'c', label: { id: 'Ganja', en: 'Cannabis' } },
  cocaine: { letter: 'd', label: { id: 'Kokain', en: 'Cocaine' } },
  amphetamines: { letter: 'e', label: { id: 'Stimulan jenis amfetamin (shabu, ekstasi)', en: 'Amphetamine-type stimulants (shabu, ecstasy)' } },
  inhalants: { letter: 'f', label: { id: 'Inhalansia (lem, thinner, bensin)', en: 'Inhalants (glue, thinner, petrol)' } },
  sedatives: { letter: 'g', label: { id: 'Sedatif atau obat tidur (benzodiazepin, pil koplo)', en: 'Sedatives or sleeping pills (benzodiazepines, pil koplo)' } },
  hallucinogens: { letter: 'h', label: { id: 'Halusinogen (LSD, jamur)', en: 'Hallucinogens (LSD, mushrooms)' } },
  opioids: { letter: 'i', label: { id: 'Opioida (heroin, putaw, morfin, metadon, kodein)', en: 'Opioids (heroin, putaw, morphine, methadone, codeine)' } },
  other: { letter: 'j', label: { id: 'Lainnya', en: 'Other' } },
};

export const FREQUENCIES = ['never', 'once_or_twice', 'monthly', 'weekly', 'daily'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const FREQUENCY_LABELS: Record<Frequency, Label> = {
  never: { id: 'Tidak pernah', en: 'Never' },
  once_or_twice: { id: 'Sekali atau dua kali', en: 'Once or twice' },
  monthly: { id: 'Setiap bulan', en: 'Monthly' },
  weekly: { id: 'Setiap minggu', en: 'Weekly' },
  daily: { id: 'Setiap hari atau hampir setiap hari', en: 'Daily or almost daily' },
};

/** The answers of Q6, Q7 and Q8. */
export const EVER_ANSWERS = ['never', 'past_3_months', 'not_past_3_months'] as const;
export type EverAnswer = (typeof EVER_ANSWERS)[number];

export const EVER_LABELS: Record<EverAnswer, Label> = {
  never: { id: 'Tidak, tidak pernah', en: 'No, never' },
  past_3_months: { id: 'Ya, dalam 3 bulan terakhir', en: 'Yes, in the past 3 months' },
  not_past_3_months: { id: 'Ya, tetapi tidak dalam 3 bulan terakhir', en: 'Yes, but not in the past 3 months' },
};

export const Q1_LABELS: Record<'yes' | 'no', Label> = {
  no: { id: 'Tidak', en: 'No' },
  yes: { id: 'Ya', en: 'Yes' },
};

export const QUESTION_IDS = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8'] as const;
export type QuestionId = (typeof QUESTION_IDS)[number];
export type FrequencyQuestion = 'q2' | 'q3' | 'q4' | 'q5';
export type EverQuestion = 'q6' | 'q7';

export interface QuestionDefinition {
  id: QuestionId;
  text: Label;
  answers: 'yes_no' | 'frequency' | 'ever';
  /** Asked once per substance (Q1–Q7) or once for the whole screening (Q8). */
  perSubstance: boolean;
  /** Whether the answer adds to the substance score (Q1 and Q8 never do). */
  scored: boolean;
  askedFor: Label;
}

const EVER_USED: Label = { id: 'setiap zat yang pernah digunakan (Q1 ya)', en: 'each substance ever used (Q1 yes)' };
const USED_RECENTLY: Label = {
  id: 'setiap zat yang digunakan dalam 3 bulan terakhir (Q2 bukan "tidak pernah")',
  en: 'each substance used in the past 3 months (Q2 not never)',
};

export const QUESTIONS: readonly QuestionDefinition[] = [
  {
    id: 'q1', answers: 'yes_no', perSubstance: true, scored: false,
    text: {
      id: 'Sepanjang hidup Anda, zat mana saja di bawah ini yang pernah Anda gunakan? (hanya penggunaan non-medis)',
      en: 'In your life, which of the following substances have you ever used? (non-medical use only)',
    },
    askedFor: { id: 'semua zat', en: 'every substance' },
  },
  {
    id: 'q2', answers: 'frequency', perSubstance: true, scored: true,
    text: {
      id: 'Dalam tiga bulan terakhir, seberapa sering Anda menggunakan zat yang Anda sebutkan?',
      en: 'In the past three months, how often have you used the substances you mentioned?',
    },
    askedFor: EVER_USED,
  },
  {
    id: 'q3', answers: 'frequency', perSubstance: true, scored: true,
    text: {
      id: 'Dalam tiga bulan terakhir, seberapa sering Anda merasakan keinginan atau dorongan yang kuat untuk menggunakan zat tersebut?',
      en: 'During the past three months, how often have you had a strong desire or urge to use the substance?',
    },
    askedFor: USED_RECENTLY,
  },
  {
    id: 'q4', answers: 'frequency', perSubstance: true, scored: true,
    text: {
      id: 'Dalam tiga bulan terakhir, seberapa sering penggunaan zat tersebut menyebabkan masalah kesehatan, sosial, hukum atau keuangan?',
      en: 'During the past three months, how often has your use of the substance led to health, social, legal or financial problems?',
    },
    askedFor: USED_RECENTLY,
  },
  {
    id: 'q5', answers: 'frequency', perSubstance: true, scored: true,
    text: {
      id: 'Dalam tiga bulan terakhir, seberapa sering Anda gagal melakukan hal yang biasanya diharapkan dari Anda karena penggunaan zat tersebut?',
      en: 'During the past three months, how often have you failed to do what was normally expected of you because of your use of the substance?',
    },
    askedFor: {
      id: 'setiap zat yang digunakan dalam 3 bulan terakhir, kecuali tembakau',
      en: 'each substance used in the past 3 months, except tobacco',
    },
  },
  {
    id: 'q6', answers: 'ever', perSubstance: true, scored: true,
    text: {
      id: 'Apakah teman, kerabat atau orang lain pernah menyatakan kekhawatiran tentang penggunaan zat tersebut oleh Anda?',
      en: 'Has a friend or relative or anyone else ever expressed concern about your use of the substance?',
    },
    askedFor: EVER_USED,
  },
  {
    id: 'q7', answers: 'ever', perSubstance: true, scored: true,
    text: {
      id: 'Apakah Anda pernah mencoba mengendalikan, mengurangi atau menghentikan penggunaan zat tersebut, tetapi gagal?',
      en: 'Have you ever tried and failed to control, cut down or stop using the substance?',
    },
    askedFor: EVER_USED,
  },
  {
    id: 'q8', answers: 'ever', perSubstance: false, scored: false,
    text: {
      id: 'Apakah Anda pernah menggunakan narkoba dengan cara disuntikkan? (hanya penggunaan non-medis)',
      en: 'Have you ever used any drug by injection? (non-medical use only)',
    },
    askedFor: { id: 'sekali, bukan per zat', en: 'once, not per substance' },
  },
];

/** Points per answer, exactly as in the WHO ASSIST v3.0 score tables. */
export const FREQUENCY_POINTS: Record<FrequencyQuestion, Record<Frequency, number>> = {
  q2: { never: 0, once_or_twice: 2, monthly: 3, weekly: 4, daily: 6 },
  q3: { never: 0, once_or_twice: 3, monthly: 4, weekly: 5, daily: 6 },
  q4: { never: 0, once_or_twice: 4, monthly: 5, weekly: 6, daily: 7 },
  q5: { never: 0, once_or_twice: 5, monthly: 6, weekly: 7, daily: 8 },
};

export const EVER_POINTS: Record<EverQuestion, Record<EverAnswer, number>> = {
  q6: { never: 0, past_3_months: 6, not_past_3_months: 3 },
  q7: { never: 0, past_3_months: 6, not_past_3_months: 3 },
};

/** Highest possible substance score: 31 for tobacco (no Q5), 39 for every other substance. */
export const MAX_SCORE: Record<Substance, number> = Object.fromEntries(
  SUBSTANCES.map((s) => [s, s === 'tobacco' ? 31 : 39]),
) as Record<Substance, number>;

export const RISKS = ['low', 'moderate', 'high'] as const;
export type Risk = (typeof RISKS)[number];

export const RISK_LABELS: Record<Risk, Label> = {
  low: { id: 'Risiko rendah', en: 'Low risk' },
  moderate: { id: 'Risiko sedang', en: 'Moderate risk' },
  high: { id: 'Risiko tinggi', en: 'High risk' },
};

/** Lowest score of the moderate and of the high band. Alcohol 0–10 / 11–26 / 27+; others 0–3 / 4–26 / 27+. */
export const RISK_BANDS: Record<Substance, { moderateFrom: number; highFrom: number }> = Object.fromEntries(
  SUBSTANCES.map((s) => [s, { moderateFrom: s === 'alcohol' ? 11 : 4, highFrom: 27 }]),
) as Record<Substance, { moderateFrom: number; highFrom: number }>;

export const INTERVENTIONS = ['feedback', 'brief_intervention', 'brief_intervention_and_referral'] as const;
export type Intervention = (typeof INTERVENTIONS)[number];

export const INTERVENTION_FOR_RISK: Record<Risk, Intervention> = {
  low: 'feedback',
  moderate: 'brief_intervention',
  high: 'brief_intervention_and_referral',
};

export const INTERVENTION_LABELS: Record<Intervention, Label> = {
  feedback: {
    id: 'Umpan balik dan saran umum (edukasi dasar tentang narkoba)',
    en: 'Feedback and general advice (basic education on drugs)',
  },
  brief_intervention: {
    id: 'Intervensi singkat',
    en: 'Brief intervention',
  },
  brief_intervention_and_referral: {
    id: 'Intervensi singkat dan rujukan untuk asesmen serta terapi oleh tenaga spesialis',
    en: 'Brief intervention and referral to specialist assessment and treatment',
  },
};

/** Given when Q8 is "yes, in the past 3 months". */
export const INJECTING_ADVICE: Label = {
  id:
    'Menyuntik dalam 3 bulan terakhir: berikan saran tentang risiko penggunaan narkoba suntik (risiko menyuntik, ' +
    'cara menyuntik yang lebih aman, tes HIV dan hepatitis). Menyuntik lebih dari sekali seminggu, atau 3 hari ' +
    'atau lebih berturut-turut, dalam 3 bulan terakhir menandakan perlunya terapi yang lebih intensif.',
  en:
    'Injected in the past 3 months: give injecting-risk advice (risks of injecting, safer injecting, HIV and ' +
    'hepatitis testing). Injecting more than weekly, or on 3 or more days in a row, in the past 3 months ' +
    'indicates more intensive treatment.',
};

// ---------------------------------------------------------------------------------------------
// Input: the shape and the skip logic, with one sentence per rule.

function perSubstance<K extends Substance, T extends z.ZodType>(
  question: QuestionId,
  substances: readonly K[],
  answer: (substance: K) => T,
  expectation: string,
) {
  const shape = Object.fromEntries(substances.map((s) => [s, answer(s).optional()])) as { [P in K]: z.ZodOptional<T> };
  return z.strictObject(shape, { error: requiredOr(question, expectation) });
}

const frequency = (question: FrequencyQuestion) => (s: Substance) =>
  z.enum(FREQUENCIES, { error: mustBe(`${question}.${s}`, oneOf(FREQUENCIES)) });
const ever = (question: EverQuestion) => (s: Substance) =>
  z.enum(EVER_ANSWERS, { error: mustBe(`${question}.${s}`, oneOf(EVER_ANSWERS)) });

const BY_SUBSTANCE = 'an object keyed by substance';

const answersShape = z.strictObject(
  {
    q1: perSubstance('q1', SUBSTANCES, (s) => z.boolean({ error: mustBe(`q1.${s}`, 'true or false') }), BY_SUBSTANCE),
    q2: perSubstance('q2', SUBSTANCES, frequency('q2'), BY_SUBSTANCE).optional(),
    q3: perSubstance('q3', SUBSTANCES, frequency('q3'), BY_SUBSTANCE).optional(),
    q4: perSubstance('q4', SUBSTANCES, frequency('q4'), BY_SUBSTANCE).optional(),
    q5: perSubstance('q5', Q5_SUBSTANCES, frequency('q5'), BY_SUBSTANCE).optional(),
    q6: perSubstance('q6', SUBSTANCES, ever('q6'), BY_SUBSTANCE).optional(),
    q7: perSubstance('q7', SUBSTANCES, ever('q7'), BY_SUBSTANCE).optional(),
    q8: z.enum(EVER_ANSWERS, { error: requiredOr('q8', oneOf(EVER_ANSWERS)) }),
  },
  { error: requiredOr('answers', 'an object with the answers q1 to q8') },
);

type AnswersShape = z.infer<typeof answersShape>;

function answerOf(answers: AnswersShape, question: Exclude<QuestionId, 'q1' | 'q8'>, s: Substance): string | undefined {
  const byQuestion: Partial<Record<Substance, string>> | undefined = answers[question];
  return byQuestion?.[s];
}

/** The skip logic of domain.md §3: which answers a substance needs, and which it must not have. */
function checkSkipLogic(answers: AnswersShape, ctx: z.RefinementCtx): void {
  const fail = (question: QuestionId, s: Substance, message: string) =>
    ctx.addIssue({ code: 'custom', path: [question, s], message });
  for (const s of SUBSTANCES) {
    if (answers.q1[s] !== true) {
      for (const q of ['q2', 'q3', 'q4', 'q5', 'q6', 'q7'] as const) {
        if (answerOf(answers, q, s) !== undefined) fail(q, s, `${q}.${s} must be absent because q1.${s} is not true.`);
      }
      continue;
    }
    const q2 = answerOf(answers, 'q2', s);
    if (q2 === undefined) fail('q2', s, `q2.${s} is required because q1.${s} is true.`);
    const recent = s === 'tobacco' ? (['q3', 'q4'] as const) : (['q3', 'q4', 'q5'] as const);
    for (const q of recent) {
      const present = answerOf(answers, q, s) !== undefined;
      if (q2 === 'never' && present) fail(q, s, `${q}.${s} must be absent because q2.${s} is never.`);
      if (q2 !== undefined && q2 !== 'never' && !present) fail(q, s, `${q}.${s} is required because q2.${s} is not never.`);
    }
    for (const q of ['q6', 'q7'] as const) {
      if (answerOf(answers, q, s) === undefined) fail(q, s, `${q}.${s} is required because q1.${s} is true.`);
    }
  }
}

export const assistInputSchema = z.strictObject(
  {
    instrument: z.literal(ASSIST_ID, { error: requiredOr('instrument', `"${ASSIST_ID}"`) }),
    version: z.literal(ASSIST_VERSION, { error: requiredOr('version', `"${ASSIST_VERSION}"`) }),
    answers: answersShape.superRefine(checkSkipLogic),
  },
  { error: requiredOr('The input', 'an object with instrument, version and answers') },
);
export type AssistInput = z.infer<typeof assistInputSchema>;
export type AssistAnswers = AssistInput['answers'];

function unknownKeyMessage(parentPath: readonly PropertyKey[], key: string): string {
  const parent = formatPath(parentPath);
  if (parent === '') return `${key} is not a field of an ASSIST input (expected instrument, version and answers).`;
  if (parent === 'answers') return `${key} is not an ASSIST question (expected q1 to q8).`;
  const question = parent.replace(/^answers\./, '');
  if (question === 'q5' && key === 'tobacco') return 'q5.tobacco is not allowed because q5 is never asked for tobacco.';
  return `${question}.${key} is not an ASSIST substance (expected ${oneOf(SUBSTANCES)}).`;
}

export function validateAssistInput(input: unknown): Validation<AssistInput> {
  return validateWith(assistInputSchema, input, unknownKeyMessage);
}

// ---------------------------------------------------------------------------------------------
// Output and scoring.

export const substanceResultSchema = z.object({
  score: z.number().int().min(0),
  risk: z.enum(RISKS),
  intervention: z.enum(INTERVENTIONS),
});

export const assistResultSchema = z.object({
  instrument: z.literal(ASSIST_ID),
  version: z.literal(ASSIST_VERSION),
  substances: z.record(z.enum(SUBSTANCES), substanceResultSchema),
  injection: z.enum(EVER_ANSWERS),
  /** Q8 "yes, in the past 3 months": give INJECTING_ADVICE. */
  injectingAdvice: z.boolean(),
  overall: z.enum(RISKS),
  /** The substances the overall result ignored (tobacco unless the option says otherwise). */
  overallExcludes: z.array(z.enum(SUBSTANCES)),
});
export type AssistResult = z.infer<typeof assistResultSchema>;
export type SubstanceResult = z.infer<typeof substanceResultSchema>;

export interface AssistOptions {
  /** The overall result is a policy (domain.md §3): by default tobacco does not raise it. */
  excludeTobaccoFromOverall?: boolean;
}

export function riskFor(substance: Substance, score: number): Risk {
  const band = RISK_BANDS[substance];
  if (score >= band.highFrom) return 'high';
  if (score >= band.moderateFrom) return 'moderate';
  return 'low';
}

/** Q2 + Q3 + Q4 + Q5 + Q6 + Q7; an unasked question adds nothing. Q1 and Q8 are never summed. */
export function substanceScore(answers: AssistAnswers, s: Substance): number {
  if (answers.q1[s] !== true) return 0;
  let score = 0;
  for (const q of ['q2', 'q3', 'q4'] as const) {
    const answer = answers[q]?.[s];
    if (answer !== undefined) score += FREQUENCY_POINTS[q][answer];
  }
  const q5 = s === 'tobacco' ? undefined : answers.q5?.[s];
  if (q5 !== undefined) score += FREQUENCY_POINTS.q5[q5];
  for (const q of ['q6', 'q7'] as const) {
    const answer = answers[q]?.[s];
    if (answer !== undefined) score += EVER_POINTS[q][answer];
  }
  return score;
}

export function highestRisk(risks: Iterable<Risk>): Risk {
  let highest: Risk = 'low';
  for (const risk of risks) if (RISKS.indexOf(risk) > RISKS.indexOf(highest)) highest = risk;
  return highest;
}

export function scoreAssist(input: AssistInput, options: AssistOptions = {}): AssistResult {
  const excludeTobacco = options.excludeTobaccoFromOverall ?? true;
  const substances = Object.fromEntries(
    SUBSTANCES.map((s) => {
      const score = substanceScore(input.answers, s);
      const risk = riskFor(s, score);
      return [s, { score, risk, intervention: INTERVENTION_FOR_RISK[risk] }];
    }),
  ) as Record<Substance, SubstanceResult>;
  const overallExcludes: Substance[] = excludeTobacco ? ['tobacco'] : [];
  const counted = SUBSTANCES.filter((s) => !overallExcludes.includes(s));
  return {
    instrument: ASSIST_ID,
    version: ASSIST_VERSION,
    substances,
    injection: input.answers.q8,
    injectingAdvice: input.answers.q8 === 'past_3_months',
    overall: highestRisk(counted.map((s) => substances[s].risk)),
    overallExcludes,
  };
}
