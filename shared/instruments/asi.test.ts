import { describe, expect, it } from 'vitest';
import { type AsiResult, ASI_ITEMS, SEVERITY_BANDS, scoreAsi, severityBand, validateAsiInput } from './asi.ts';
import { roundHalfAwayFromZero } from './common.ts';

type Items = Record<string, unknown>;

const input = (items: Items) => ({ instrument: 'asi', version: '5', items });

function score(items: Items, clampComposites?: boolean): AsiResult {
  const valid = validateAsiInput(input(items));
  if (!valid.ok) throw new Error(`expected valid items: ${JSON.stringify(valid.errors)}`);
  return scoreAsi(valid.value, clampComposites === undefined ? {} : { clampComposites });
}

function errorsOf(items: Items) {
  const valid = validateAsiInput(input(items));
  return valid.ok ? [] : valid.errors;
}

const zeroFamily = { F3: 'yes', F30: 0, F32: 0, F34: 0, F18: 0, F19: 0, F20: 0, F21: 0, F22: 0, F23: 0, F24: 0, F25: 0, F26: 0 };

describe('ASI-5 composite formulas', () => {
  it.each<[string, Items, keyof AsiResult['composites'], number]>([
    ['M6/90 + M7/12 + M8/12', { M6: 9, M7: 3, M8: 0 }, 'medical', 0.35],
    ['1 − (E4/4 + E5/4 + E11/120 + ln(E12)/36)', { E4: 1, E5: 0, E11: 12, E12: 100 }, 'employment', 0.5221],
    ['D1/180 + D2/180 + D26/180 + D28/24 + D30/24 + ln(D23)/44', { D1: 18, D2: 9, D26: 9, D28: 2, D30: 1, D23: 50 }, 'alcohol', 0.4139],
    ['(D3 + … + D13 + D27)/390 + D29/52 + D31/52',
      { D3: 30, D4: 0, D5: 0, D6: 0, D7: 0, D8: 0, D9: 9, D10: 0, D11: 0, D13: 0, D27: 0, D29: 2, D31: 4 }, 'drug', 0.2154],
    ['L24/5 + L27/150 + L28/20 + L29/20 + ln(E17)/46', { L24: 1, L27: 15, L28: 2, L29: 3, E17: 20 }, 'legal', 0.6151],
    ['F3r/10 + F30/150 + F32/20 + F34/20 + (F18 + … + F26)/9/5',
      { ...zeroFamily, F3: 'no', F30: 3, F32: 1, F34: 2, F18: 1, F19: 1, F20: 1 }, 'family', 0.4367],
    ['(P4 + … + P11)/11 + P12/330 + P13/44 + P14/44',
      { P4: 1, P5: 1, P6: 0, P7: 0, P8: 0, P9: 0, P10: 0, P11: 0, P12: 22, P13: 2, P14: 2 }, 'psychiatric', 0.3394],
  ])('computes %s', (_formula, items, area, expected) => {
    expect(score(items).composites[area]).toBe(expected);
  });

  it('treats ln(x) as 0 when there was no income', () => {
    expect(score({ E4: 0, E5: 0, E11: 0, E12: 0 }).composites.employment).toBe(1);
  });

  it('treats ln(x) as 0 when nothing was spent on alcohol', () => {
    expect(score({ D1: 0, D2: 0, D26: 0, D28: 0, D30: 0, D23: 0 }).composites.alcohol).toBe(0);
  });

  it.each([['yes', 0], ['indifferent', 0.1], ['no', 0.2]] as const)('reverses F3 "%s" into F3r = %d tenths', (answer, expected) => {
    expect(score({ ...zeroFamily, F3: answer }).composites.family).toBe(expected);
  });

  it('leaves a composite null when one of its items is missing', () => {
    const result = score({ M6: 3, M7: 1 });
    expect(result.composites.medical).toBeNull();
    expect(result.missing.medical).toEqual(['M8']);
  });

  it('computes the complete composites beside a missing one', () => {
    const result = score({ M6: 3, M7: 1, E4: 0, E5: 0, E11: 0, E12: 0 });
    expect(result.composites).toMatchObject({ medical: null, employment: 1 });
    expect(result.missing.employment).toBeUndefined();
  });

  it('records D12 and D24 without letting them change the drug composite', () => {
    const drug = { D3: 1, D4: 2, D5: 3, D6: 4, D7: 5, D8: 6, D9: 7, D10: 8, D11: 9, D13: 10, D27: 11, D29: 1, D31: 2 };
    expect(score({ ...drug, D12: 30, D24: 5000 }).composites.drug).toBe(score(drug).composites.drug);
  });

  it('rounds every composite to 4 decimals', () => {
    expect(score({ M6: 1, M7: 0, M8: 0 }).composites.medical).toBe(0.0111);
  });
});

describe('ASI-5 composites outside 0–1', () => {
  const highIncome = { E4: 1, E5: 1, E11: 30, E12: 100_000 };

  it('clamps employment to 0 when a large E12 pushes the formula below 0', () => {
    const result = score(highIncome);
    expect(result.composites.employment).toBe(0);
    expect(result.clamped).toEqual(['employment']);
  });

  it('gives the raw VistA value when clamping is turned off', () => {
    expect(score(highIncome, false).composites.employment).toBe(-0.0698);
  });

  it('clamps employment to 1 when an income below 1 dollar makes ln negative', () => {
    expect(score({ E4: 0, E5: 0, E11: 0, E12: 0.5 }).composites.employment).toBe(1);
  });

  it('clamps legal to 1 when every item is at its maximum and E17 is large', () => {
    expect(score({ L24: 1, L27: 30, L28: 4, L29: 4, E17: 50_000 }).composites.legal).toBe(1);
  });

  it('names no area as clamped when every composite is inside 0–1', () => {
    expect(score({ M6: 30, M7: 4, M8: 4 }).clamped).toEqual([]);
  });
});

describe('ASI-5 input rules', () => {
  it('accepts an empty item set, every composite then missing', () => {
    expect(Object.values(score({}).composites)).toEqual([null, null, null, null, null, null, null]);
  });

  it('accepts money with cents', () => {
    expect(errorsOf({ E12: 12.5, D23: 0.75 })).toEqual([]);
  });

  it.each<[string, Items, string, string]>([
    ['days above 30', { M6: 31 }, 'items.M6', 'items.M6 must be a whole number of days from 0 to 30 (got 31).'],
    ['negative days', { D3: -1 }, 'items.D3', 'items.D3 must be a whole number of days from 0 to 30 (got -1).'],
    ['a fraction of a day', { E11: 2.5 }, 'items.E11', 'items.E11 must be a whole number of days from 0 to 30 (got 2.5).'],
    ['a rating above 4', { M7: 5 }, 'items.M7', 'items.M7 must be a whole number from 0 to 4 (got 5).'],
    ['a fractional rating', { P13: 1.5 }, 'items.P13', 'items.P13 must be a whole number from 0 to 4 (got 1.5).'],
    ['a yes/no other than 0 or 1', { L24: 2 }, 'items.L24', 'items.L24 must be 0 (no) or 1 (yes) (got 2).'],
    ['a yes/no given as a boolean', { E4: true }, 'items.E4', 'items.E4 must be 0 (no) or 1 (yes) (got true).'],
    ['negative money', { E12: -1 }, 'items.E12', 'items.E12 must be an amount of US dollars of 0 or more (got -1).'],
    ['money as text', { D23: '100' }, 'items.D23', 'items.D23 must be an amount of US dollars of 0 or more (got "100").'],
    ['an F3 answer outside yes, indifferent, no', { F3: 'maybe' }, 'items.F3', 'items.F3 must be one of yes, indifferent, no (got "maybe").'],
    ['null for a missing item (leave it out instead)', { M6: null }, 'items.M6', 'items.M6 must be a whole number of days from 0 to 30 (got null).'],
  ])('refuses %s', (_case, items, path, message) => {
    expect(errorsOf(items)).toEqual([{ path, message }]);
  });

  it('refuses an unknown item code', () => {
    expect(errorsOf({ D25: 1 })).toEqual([{ path: 'items.D25', message: expect.stringMatching(/^items\.D25 is not an ASI-5 item/) }]);
  });

  it('defines every item with an Indonesian and an English label', () => {
    for (const item of ASI_ITEMS) {
      expect(item.label.id.length, item.code).toBeGreaterThan(0);
      expect(item.label.en.length, item.code).toBeGreaterThan(0);
    }
  });
});

describe('ASI-5 interviewer severity rating', () => {
  it.each([
    [0, 'no_real_problem'], [1, 'no_real_problem'], [2, 'slight'], [3, 'slight'], [4, 'moderate'],
    [5, 'moderate'], [6, 'considerable'], [7, 'considerable'], [8, 'extreme'], [9, 'extreme'],
  ] as const)('puts rating %i in the band %s', (rating, band) => {
    expect(severityBand(rating).code).toBe(band);
  });

  it.each([-1, 10, 4.5])('refuses the rating %d', (rating) => {
    expect(() => severityBand(rating)).toThrow(RangeError);
  });

  it('labels each band in Indonesian and English', () => {
    expect(SEVERITY_BANDS.map((band) => band.label.en)).toEqual([
      'No real problem, treatment not indicated',
      'Slight problem, treatment probably not necessary',
      'Moderate problem, some treatment indicated',
      'Considerable problem, treatment necessary',
      'Extreme problem, treatment absolutely necessary',
    ]);
    expect(SEVERITY_BANDS.every((band) => band.label.id.length > 0)).toBe(true);
  });
});

describe('rounding half away from zero', () => {
  it.each([
    [0.12345, 0.1235], [-0.12345, -0.1235], [1.00005, 1.0001], [0.46632356, 0.4663], [0.36804142, 0.368], [0.5, 0.5],
  ])('rounds %d to %d', (value, expected) => {
    expect(roundHalfAwayFromZero(value, 4)).toBe(expected);
  });

  it('never returns negative zero', () => {
    expect(Object.is(roundHalfAwayFromZero(-0.00004, 4), 0)).toBe(true);
  });
});
