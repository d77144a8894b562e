import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE, classify, defaultPlacement } from './classification.ts';

describe('classify by the default rule', () => {
  it.each([
    [0, 'rendah'], [3, 'rendah'], [4, 'menengah'], [5, 'menengah'], [6, 'tinggi'], [9, 'tinggi'],
  ] as const)('classes napza severity %i as %s', (severity, expected) => {
    expect(classify({ napzaSeverity: severity, assistOverall: 'high' }, DEFAULT_RULE)).toEqual({ ruleClass: expected, basis: 'asi_severity' });
  });

  it.each([['low', 'rendah'], ['moderate', 'menengah'], ['high', 'tinggi']] as const)(
    'falls back to the ASSIST risk %s as %s without a severity rating', (risk, expected) => {
      expect(classify({ napzaSeverity: null, assistOverall: risk }, DEFAULT_RULE)).toEqual({ ruleClass: expected, basis: 'assist' });
    },
  );

  it('gives no class without either', () => {
    expect(classify({ napzaSeverity: null, assistOverall: null }, DEFAULT_RULE).ruleClass).toBeNull();
  });

  it('follows a region rule with other cut-offs', () => {
    const rule = { ...DEFAULT_RULE, rendahMax: 2, menengahMax: 6 };
    expect(classify({ napzaSeverity: 3, assistOverall: null }, rule).ruleClass).toBe('menengah');
    expect(classify({ napzaSeverity: 6, assistOverall: null }, rule).ruleClass).toBe('menengah');
  });
});

describe('default placement', () => {
  it('places rendah in education, menengah in medical and tinggi in social rehabilitation', () => {
    const none = { comorbidity: false, opioidDependence: false };
    expect(defaultPlacement('rendah', none)).toEqual(['education']);
    expect(defaultPlacement('menengah', none)).toEqual(['medical']);
    expect(defaultPlacement('tinggi', none)).toEqual(['social']);
  });

  it('adds medical care to tinggi with comorbidity and PTRM for opioid dependence', () => {
    expect(defaultPlacement('tinggi', { comorbidity: true, opioidDependence: true })).toEqual(['social', 'medical', 'ptrm']);
  });
});
