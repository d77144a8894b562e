import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE } from './classification.ts';
import { deriveAssessment } from './assessment.ts';

const context = { rupiahPerUsd: 16_000, assistOverall: null, rule: DEFAULT_RULE };

describe('deriveAssessment', () => {
  it('computes the medical composite from the form and leaves the others empty', () => {
    const derived = deriveAssessment({ medical: { problemDays30: 9, troubled: 2, treatmentImportance: 1 } }, context);
    expect(derived.composites.medical).toBe(0.35);
    expect(derived.composites.drug).toBeNull();
  });

  it('converts rupiah to US dollars before the employment composite', () => {
    const form = { employment: { drivingLicence: false, vehicleAvailable: false, paidWorkDays30: 0, employmentIncome30: 16_000 * Math.E } };
    // ln(e) / 36 = 0.0278, so the composite is 1 − 0.0278.
    expect(deriveAssessment(form, context).composites.employment).toBe(0.9722);
  });

  it('classes by the napza severity and places tinggi with comorbidity in social and medical rehabilitation', () => {
    const derived = deriveAssessment({ severity: { napza: 7 }, medical: { hivTest: 'positive' } }, context);
    expect(derived.classification).toEqual({ ruleClass: 'tinggi', basis: 'asi_severity' });
    expect(derived.placement).toEqual(['social', 'medical']);
  });

  it('adds PTRM when the main substance is an opioid', () => {
    expect(deriveAssessment({ severity: { napza: 4 }, drugUse: { mainSubstance: 'heroin' } }, context).placement).toEqual(['medical', 'ptrm']);
  });

  it('falls back to the screening risk without a severity rating', () => {
    expect(deriveAssessment({}, { ...context, assistOverall: 'moderate' }).classification).toEqual({ ruleClass: 'menengah', basis: 'assist' });
  });
});
