import type { RehabClass } from '../../../shared/contracts/clinical.ts';
import { deriveAssessment } from '../../../shared/domain/assessment.ts';
import { DEFAULT_RULE } from '../../../shared/domain/classification.ts';
import {
  ASSIST_ID, ASSIST_VERSION, type AssistResult, DRUG_USE_ROWS, EVER_ANSWERS, FREQUENCIES, type FormulirData, type Frequency, type Risk,
  SUBSTANCES, type Substance, scoreInstrument,
} from '../../../shared/instruments/index.ts';
import { intBetween, pick } from '../random.ts';
import { weighted } from './context.ts';

// The clinical records of the synthetic country are scored by the real instruments: every ASSIST
// answer set is scored by scoreInstrument, every assessment form derived by deriveAssessment. To
// keep 136,000 histories fast, each run draws a pool of distinct answer sets and forms once (from
// its seed) and the people take theirs from the pool.

export interface PooledScreening {
  answers: string;
  result: string;
  overall: Risk;
}

export interface PooledForm {
  form: string;
  composites: string;
  asiProblems: string;
  ruleClass: RehabClass;
  basis: string;
  placement: readonly string[];
  placementJson: string;
}

export const RUPIAH_PER_USD = 16_000;

const MAIN_SUBSTANCES: readonly [Substance, number][] = [
  ['amphetamines', 0.6], ['cannabis', 0.2], ['opioids', 0.06], ['sedatives', 0.06], ['alcohol', 0.05], ['inhalants', 0.03],
];

/** A frequency around a level (0 never … 4 daily), one step either way. */
function frequencyNear(random: () => number, level: number): Frequency {
  const shifted = Math.max(0, Math.min(4, level + intBetween(random, -1, 1)));
  return FREQUENCIES[shifted]!;
}

/** One answer set following the skip logic, more or less intense. */
function assistAnswers(random: () => number, intensity: 0 | 1 | 2): Record<string, unknown> {
  const main = weighted(random, MAIN_SUBSTANCES);
  const used = new Set<Substance>([main]);
  if (random() < 0.85) used.add('tobacco');
  if (random() < 0.4) used.add('alcohol');
  if (random() < 0.3) used.add(pick(random, ['cannabis', 'sedatives', 'amphetamines', 'inhalants'] as const));
  const q1: Partial<Record<Substance, boolean>> = {};
  const q2: Partial<Record<Substance, Frequency>> = {};
  const q3: Partial<Record<Substance, Frequency>> = {};
  const q4: Partial<Record<Substance, Frequency>> = {};
  const q5: Partial<Record<Substance, Frequency>> = {};
  const q6: Partial<Record<Substance, string>> = {};
  const q7: Partial<Record<Substance, string>> = {};
  for (const s of SUBSTANCES) {
    q1[s] = used.has(s);
    if (!used.has(s)) continue;
    const level = s === main ? [1, 2, 4][intensity]! : s === 'tobacco' ? 4 : intBetween(random, 0, 2);
    const recent = s === main && intensity > 0 ? frequencyNear(random, level) : random() < 0.3 ? 'never' : frequencyNear(random, level);
    q2[s] = recent === 'never' && s === main && intensity > 0 ? 'monthly' : recent;
    if (q2[s] !== 'never') {
      q3[s] = frequencyNear(random, level - 1);
      q4[s] = frequencyNear(random, level - 1);
      if (s !== 'tobacco') q5[s] = frequencyNear(random, level - 2);
    }
    q6[s] = s === main && intensity === 2 ? 'past_3_months' : pick(random, EVER_ANSWERS);
    q7[s] = s === main && intensity > 0 ? pick(random, ['past_3_months', 'not_past_3_months'] as const) : pick(random, EVER_ANSWERS);
  }
  const q8 = random() < 0.85 ? 'never' : random() < 0.35 ? 'past_3_months' : 'not_past_3_months';
  return { q1, q2, q3, q4, q5, q6, q7, q8 };
}

/**
 * Distinct ASSIST answer sets, each scored by the real instrument, grouped by the overall risk it
 * scored (the intensity only steers the draw; the score decides the group).
 */
export function screeningPool(random: () => number, perRisk = 64): Record<Risk, PooledScreening[]> {
  const pool: Record<Risk, PooledScreening[]> = { low: [], moderate: [], high: [] };
  const seen = new Set<string>();
  for (let attempt = 0; attempt < perRisk * 200; attempt += 1) {
    if (pool.low.length >= perRisk && pool.moderate.length >= perRisk && pool.high.length >= perRisk) break;
    const answers = assistAnswers(random, (attempt % 3) as 0 | 1 | 2);
    const key = JSON.stringify(answers);
    if (seen.has(key)) continue;
    seen.add(key);
    const scored = scoreInstrument({ instrument: ASSIST_ID, version: ASSIST_VERSION, answers });
    if (!scored.ok) throw new Error(`a synthetic ASSIST answer set does not score: ${JSON.stringify(scored.errors)}`);
    const result = scored.result as AssistResult;
    const group = pool[result.overall];
    if (group.length < perRisk) group.push({ answers: key, result: JSON.stringify(result), overall: result.overall });
  }
  for (const risk of ['low', 'moderate', 'high'] as const) {
    if (pool[risk].length === 0) throw new Error(`no synthetic ASSIST answer set scored ${risk}`);
  }
  return pool;
}

type Diagnosis = NonNullable<NonNullable<FormulirData['diagnosis']>['codes']>[number];
const DIAGNOSIS_OF: Partial<Record<string, Diagnosis>> = {
  amphetamines: 'F15', cannabis: 'F12', heroin: 'F11', other_opiates: 'F11', sedatives: 'F13', alcohol: 'F10', inhalants: 'F18',
};

/** A complete assessment form with the napza severity given; the other answers vary. */
function assessmentForm(random: () => number, napza: number): FormulirData {
  const main = pick(random, ['amphetamines', 'amphetamines', 'amphetamines', 'cannabis', 'heroin', 'sedatives', 'other_opiates', 'alcohol'] as const);
  const heavy = napza >= 6;
  const rows = Object.fromEntries(DRUG_USE_ROWS.map((row) => {
    const days30 = row.code === main ? intBetween(random, heavy ? 8 : 0, heavy ? 30 : 10) : random() < 0.2 ? intBetween(random, 0, 6) : 0;
    return [row.code, { days30, lifetimeYears: row.code === main ? intBetween(random, 1, 15) : intBetween(random, 0, 3), route: row.code === 'heroin' ? 5 : pick(random, [1, 2, 3] as const) }];
  }));
  const diagnosis = DIAGNOSIS_OF[main];
  return {
    medical: {
      problemDays30: intBetween(random, 0, 12), troubled: intBetween(random, 0, 4), treatmentImportance: intBetween(random, 0, 4),
      chronicIllness: random() < 0.08,
      hivTest: random() < 0.04 ? 'positive' : pick(random, ['negative', 'not_tested', 'unknown'] as const),
      hepatitisCTest: random() < 0.03 ? 'positive' : pick(random, ['negative', 'not_tested'] as const),
    },
    employment: {
      drivingLicence: random() < 0.5, vehicleAvailable: random() < 0.4, paidWorkDays30: intBetween(random, 0, 26),
      employmentIncome30: intBetween(random, 0, 60) * 100_000, illegalIncome30: random() < 0.3 ? intBetween(random, 1, 40) * 100_000 : 0,
    },
    drugUse: {
      rows, mainSubstance: main, alcoholToIntoxicationDays30: intBetween(random, 0, 6), moneySpentAlcohol30: intBetween(random, 0, 10) * 20_000,
      moneySpentDrugs30: intBetween(random, heavy ? 10 : 0, heavy ? 80 : 20) * 50_000, alcoholProblemDays30: intBetween(random, 0, 4),
      drugProblemDays30: intBetween(random, heavy ? 8 : 0, heavy ? 30 : 12), troubledByAlcohol: intBetween(random, 0, 2),
      troubledByDrugs: Math.min(4, Math.floor(napza / 2)), alcoholTreatmentImportance: intBetween(random, 0, 2), drugTreatmentImportance: intBetween(random, 1, 4),
    },
    legal: { awaitingChargesTrialOrSentence: random() < 0.5, illegalActivityDays30: intBetween(random, 0, 10), seriousness: intBetween(random, 1, 4), counsellingImportance: intBetween(random, 0, 4) },
    familySocial: {
      maritalSatisfaction: pick(random, ['yes', 'indifferent', 'no'] as const), conflictDays30: intBetween(random, 0, 10),
      troubled: intBetween(random, 0, 4), counsellingImportance: intBetween(random, 0, 4),
      seriousProblems30: {
        mother: random() < 0.2, father: random() < 0.2, siblings: random() < 0.2, partner: random() < 0.3, children: false,
        other_family: false, close_friends: random() < 0.2, neighbours: false, coworkers: false,
      },
    },
    psychiatric: {
      symptoms: {
        depression: { past30: random() < 0.3, lifetime: random() < 0.5 }, anxiety: { past30: random() < 0.3, lifetime: random() < 0.5 },
        hallucinations: { past30: random() < 0.05 }, cognitive: { past30: random() < 0.1 }, violence: { past30: random() < 0.1 },
        suicidal_thoughts: { past30: random() < 0.05 }, suicide_attempt: { past30: false }, psychiatric_medication: { past30: random() < 0.05 },
      },
      problemDays30: intBetween(random, 0, 10), troubled: intBetween(random, 0, 4), treatmentImportance: intBetween(random, 0, 4),
    },
    severity: {
      medical: intBetween(random, 0, 6), employment_support: intBetween(random, 1, 7), napza, legal: intBetween(random, 3, 8),
      family_social: intBetween(random, 1, 7), psychiatric: intBetween(random, 0, 6),
    },
    diagnosis: diagnosis ? { codes: [diagnosis] } : null,
  };
}

/** Forms for each napza severity 0–9, each derived (composites, class, placement) by the app's own rule. */
export function formPool(random: () => number, perSeverity = 12): PooledForm[][] {
  return Array.from({ length: 10 }, (_, napza) => Array.from({ length: perSeverity }, () => {
    const form = assessmentForm(random, napza);
    const derived = deriveAssessment(form, { rupiahPerUsd: RUPIAH_PER_USD, assistOverall: null, rule: DEFAULT_RULE });
    if (!derived.classification.ruleClass) throw new Error('a synthetic assessment form has no class');
    return {
      form: JSON.stringify(form), composites: JSON.stringify(derived.composites), asiProblems: JSON.stringify(derived.asiProblems),
      ruleClass: derived.classification.ruleClass, basis: derived.classification.basis, placement: derived.placement,
      placementJson: JSON.stringify(derived.placement),
    };
  }));
}
