import { describe, expect, it } from 'vitest';
import {
  DRUG_USE_ROWS, FOLLOW_UP_PLANS, FORMULIR_SECTIONS, type FormulirData, ICD10_DIAGNOSES, ROUTES, SEVERITY_AREAS,
  URINALYSIS_PANEL, asiItemsFromFormulir, formulirSchema,
} from './formulir.ts';
import { scoreInstrument } from './index.ts';

/** A form with every field that feeds an ASI-5 composite filled in. */
function completeForm(): FormulirData {
  return {
    medical: { problemDays30: 3, troubled: 1, treatmentImportance: 2 },
    employment: { drivingLicence: true, vehicleAvailable: false, paidWorkDays30: 10, employmentIncome30: 1_600_000, illegalIncome30: 0 },
    drugUse: {
      rows: Object.fromEntries(DRUG_USE_ROWS.map((row, i) => [row.code, { days30: i, lifetimeYears: 2, route: 3 }])),
      alcoholToIntoxicationDays30: 2,
      moneySpentAlcohol30: 160_000,
      moneySpentDrugs30: 800_000,
      alcoholProblemDays30: 1,
      drugProblemDays30: 12,
      troubledByAlcohol: 0,
      troubledByDrugs: 3,
      alcoholTreatmentImportance: 0,
      drugTreatmentImportance: 4,
    },
    legal: { awaitingChargesTrialOrSentence: true, illegalActivityDays30: 0, seriousness: 4, counsellingImportance: 3 },
    familySocial: {
      maritalSatisfaction: 'indifferent',
      seriousProblems30: { mother: false, father: true, siblings: false, partner: false, children: false, other_family: false, close_friends: false, neighbours: false, coworkers: false },
      conflictDays30: 2,
      troubled: 2,
      counsellingImportance: 2,
    },
    psychiatric: {
      symptoms: {
        depression: { past30: true, lifetime: true }, anxiety: { past30: false, lifetime: true },
        hallucinations: { past30: false }, cognitive: { past30: false }, violence: { past30: false },
        suicidal_thoughts: { past30: false }, suicide_attempt: { past30: false }, psychiatric_medication: { past30: false },
      },
      problemDays30: 5,
      troubled: 2,
      treatmentImportance: 1,
    },
  };
}

describe('the assessment form (PMK 4/2020)', () => {
  it('accepts an empty draft', () => {
    expect(formulirSchema.safeParse({}).success).toBe(true);
  });

  it('accepts a draft whose fields are all null', () => {
    const draft = { medical: { problemDays30: null, troubled: null }, drugUse: { rows: { heroin: { days30: null, route: null } } }, severity: null };
    expect(formulirSchema.safeParse(draft).success).toBe(true);
  });

  it('accepts a complete form', () => {
    expect(formulirSchema.safeParse(completeForm()).success).toBe(true);
  });

  it('lists the drug-use grid rows in the order of the form, each feeding its ASI item', () => {
    expect(DRUG_USE_ROWS.map((row) => [row.code, row.asiItem])).toEqual([
      ['alcohol', 'D1'], ['heroin', 'D3'], ['methadone_buprenorphine', 'D4'], ['other_opiates', 'D5'],
      ['barbiturates', 'D6'], ['sedatives', 'D7'], ['cocaine', 'D8'], ['amphetamines', 'D9'], ['cannabis', 'D10'],
      ['hallucinogens', 'D11'], ['inhalants', 'D12'], ['more_than_one', 'D13'],
    ]);
  });

  it('codes the routes of use 1 oral to 5 intravenous', () => {
    expect(ROUTES.map((route) => [route.code, route.label.en])).toEqual([
      [1, 'Oral'], [2, 'Nasal/sublingual'], [3, 'Smoked'], [4, 'Injected, non-IV'], [5, 'Injected IV'],
    ]);
  });

  it('offers the ICD-10 working diagnoses F10 to F19 with Indonesian labels', () => {
    expect(ICD10_DIAGNOSES.map((d) => d.code)).toEqual(['F10', 'F11', 'F12', 'F13', 'F14', 'F15', 'F16', 'F17', 'F18', 'F19']);
    expect(ICD10_DIAGNOSES.every((d) => d.label.id.startsWith('Gangguan mental dan perilaku'))).toBe(true);
  });

  it('grades severity 0–9 in six areas, napza joining alcohol and drugs', () => {
    expect(SEVERITY_AREAS.map((a) => a.code)).toEqual(['medical', 'employment_support', 'napza', 'legal', 'family_social', 'psychiatric']);
    expect(formulirSchema.safeParse({ severity: { napza: 9 } }).success).toBe(true);
    expect(formulirSchema.safeParse({ severity: { napza: 10 } }).success).toBe(false);
  });

  it('tests urine for the seven substances of the form', () => {
    expect(URINALYSIS_PANEL.map((p) => p.code)).toEqual(['benzodiazepines', 'cannabis', 'opiates', 'amphetamines', 'cocaine', 'barbiturates', 'alcohol']);
  });

  it('offers the nine follow-up plans of the form', () => {
    expect(FOLLOW_UP_PLANS.map((p) => p.code)).toEqual([
      'further_assessment', 'psychological_evaluation', 'detoxification', 'motivational_interviewing',
      'brief_intervention', 'maintenance_therapy', 'inpatient_rehabilitation', 'counselling', 'other',
    ]);
  });

  it('names every section in Indonesian and English', () => {
    expect(FORMULIR_SECTIONS.map((s) => s.key)).toEqual(Object.keys(formulirSchema.shape));
    expect(FORMULIR_SECTIONS.every((s) => s.title.id.length > 0 && s.title.en.length > 0)).toBe(true);
  });

  it.each<[string, unknown]>([
    ['a route code outside 1–5', { drugUse: { rows: { heroin: { route: 6 } } } }],
    ['more than 30 days in the past 30', { drugUse: { rows: { alcohol: { days30: 31 } } } }],
    ['a row the grid does not have', { drugUse: { rows: { tobacco: { days30: 1 } } } }],
    ['a section the form does not have', { notes: 'x' }],
    ['a diagnosis outside F10–F19', { diagnosis: { codes: ['F20'] } }],
    ['a follow-up plan the form does not offer', { followUp: { plans: ['prayer'] } }],
    ['a date that is not a date', { signatures: { assessor: { signedOn: '31-12-2024' } } }],
  ])('refuses %s', (_case, data) => {
    expect(formulirSchema.safeParse(data).success).toBe(false);
  });
});

describe('from the form to the ASI-5 items', () => {
  it('fills every composite item, so all seven composites can be computed', () => {
    const items = asiItemsFromFormulir(completeForm(), { rupiahPerUsd: 16_000 });
    const outcome = scoreInstrument({ instrument: 'asi', version: '5', items });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.result).toMatchObject({ composites: { medical: expect.any(Number), employment: expect.any(Number), alcohol: expect.any(Number), drug: expect.any(Number), legal: expect.any(Number), family: expect.any(Number), psychiatric: expect.any(Number) } });
  });

  it('converts rupiah into US dollars at the given rate', () => {
    const items = asiItemsFromFormulir(completeForm(), { rupiahPerUsd: 16_000 });
    expect(items).toMatchObject({ E12: 100, D23: 10, D24: 50, E17: 0 });
  });

  it('turns yes/no answers into 1 and 0', () => {
    const items = asiItemsFromFormulir(completeForm(), { rupiahPerUsd: 16_000 });
    expect(items).toMatchObject({ E4: 1, E5: 0, L24: 1, F18: 0, F19: 1, P4: 1, P5: 0 });
  });

  it('takes each grid row past-30-day value into its ASI item', () => {
    const items = asiItemsFromFormulir(completeForm(), { rupiahPerUsd: 16_000 });
    expect(DRUG_USE_ROWS.map((row) => items[row.asiItem])).toEqual(DRUG_USE_ROWS.map((_row, i) => i));
  });

  it('leaves empty fields out, so they count as missing and never as zero', () => {
    const items = asiItemsFromFormulir({ medical: { problemDays30: null, troubled: 2 } }, { rupiahPerUsd: 16_000 });
    expect(items).toEqual({ M7: 2 });
  });

  it('refuses an exchange rate that is not positive', () => {
    expect(() => asiItemsFromFormulir({}, { rupiahPerUsd: 0 })).toThrow(RangeError);
  });
});
