import { describe, expect, it } from 'vitest';
import type { Indicators } from '../contracts/reports.ts';
import {
  type HandledPerson, EMPTY_FORM_RECAP, countText, durationBand, figureText, fileCode, formRecap, indicatorLines, indonesianMonth, isFutureMonth,
  monthPeriod, recapCounts, rehabTypeFigure, reportPeriod, suppressPartition, suppressRecap, treatmentHistoryOf, treatmentText,
} from './monthlyReport.ts';

const person = (over: Partial<HandledPerson> = {}): HandledPerson => ({
  wbpId: crypto.randomUUID(), unitId: 'u1', fullName: 'Uji', sdpNumber: 'AII.1', sex: 'L', birthDate: '1990-01-01', assessedOn: '2026-11-02',
  finalClass: 'menengah', form: EMPTY_FORM_RECAP, rehabTypes: ['medical'], ...over,
});

describe('the month of a report', () => {
  it('runs from its first to its last day', () => {
    expect(monthPeriod('2026-11')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(monthPeriod('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });

  it('is named as Indonesian documents name it', () => {
    expect(indonesianMonth('2026-11')).toBe('November 2026');
    expect(indonesianMonth('2027-01')).toBe('Januari 2027');
  });

  it('is in the future only when its first day is after today', () => {
    expect(isFutureMonth('2026-12', '2026-11-30')).toBe(true);
    expect(isFutureMonth('2026-12', '2026-12-01')).toBe(false);
  });

  it('ends today while it is under way', () => {
    expect(reportPeriod('2026-12', '2026-12-05')).toEqual({ from: '2026-12-01', to: '2026-12-05', complete: false });
    expect(reportPeriod('2026-11', '2026-12-05')).toEqual({ from: '2026-11-01', to: '2026-11-30', complete: true });
  });
});

describe("a person's recap from the assessment form", () => {
  it("takes duration and route from the main substance's row", () => {
    const recap = formRecap({
      drugUse: { mainSubstance: 'heroin', rows: { heroin: { lifetimeYears: 8, route: 5 }, cannabis: { lifetimeYears: 12, route: 3 } } },
      diagnosis: { codes: ['F11', 'F12'] },
      treatmentHistory: { drugTreatmentEpisodes: 2, alcoholTreatmentEpisodes: 1, lastTreatmentYear: 2023 },
    });

    expect(recap).toEqual({ substance: 'heroin', years: 8, route: 5, diagnoses: ['F11', 'F12'], treatmentEpisodes: 3, lastTreatmentYear: 2023 });
  });

  it('is empty where the form is silent', () => {
    expect(formRecap({})).toEqual(EMPTY_FORM_RECAP);
  });

  it('gives nothing rather than a guess for a form that does not parse', () => {
    expect(formRecap({ drugUse: { mainSubstance: 'tea' } })).toEqual(EMPTY_FORM_RECAP);
  });

  it('puts the years of use in bands', () => {
    expect([0, 1, 2, 3, 5, 6, 10, 11, null].map(durationBand)).toEqual(['<1', '1-2', '1-2', '3-5', '3-5', '6-10', '6-10', '>10', null]);
  });

  it('tells never treated from not recorded', () => {
    expect([0, 1, 4, null].map(treatmentHistoryOf)).toEqual(['never', 'once', 'more', null]);
    expect(treatmentText({ treatmentEpisodes: 2, lastTreatmentYear: 2024 })).toBe('2 kali (terakhir 2024)');
    expect(treatmentText({ treatmentEpisodes: null, lastTreatmentYear: null })).toBe('Tidak tercatat');
  });
});

describe('the counts of the recap', () => {
  it('count every person once in each dimension but the type of rehabilitation', () => {
    const recap = recapCounts([
      person({ rehabTypes: ['medical', 'social'] }),
      person({ rehabTypes: [] }),
    ], '2026-11-30');

    const group = (d: string) => recap.groups.find((g) => g.dimension === d)!;
    expect(recap.handled).toBe(2);
    expect(group('sex').rows.map((r) => r.count)).toEqual([2, 0]);
    expect(group('substance').rows.find((r) => r.key === 'unknown')?.count).toBe(2);
    expect(group('rehabType').rows.map((r) => [r.key, r.count])).toEqual([['medical', 1], ['social', 1], ['post_rehab', 0], ['assessment_only', 1]]);
  });

  it('band the age on the last day of the month', () => {
    const recap = recapCounts([person({ birthDate: '2002-12-01' }), person({ birthDate: null })], '2026-11-30');

    const ages = recap.groups.find((g) => g.dimension === 'age')!.rows.filter((r) => r.count).map((r) => r.key);
    expect(ages).toEqual(['18-24', 'unknown']);
  });
});

describe('suppression outside the unit', () => {
  it('hides counts from 1 to 4 and keeps zero', () => {
    expect(suppressPartition([0, 3, 5, 9])).toEqual([
      { count: 0, withheld: false }, { count: null, withheld: false }, { count: null, withheld: true }, { count: 9, withheld: false },
    ]);
  });

  it('withholds nothing more where two small counts hide each other', () => {
    expect(suppressPartition([2, 3, 12]).map((x) => x.count)).toEqual([null, null, 12]);
  });

  it("keeps the total and the rows' zeros, and marks the withheld count", () => {
    const people = [...Array.from({ length: 6 }, () => person({ sex: 'L' })), person({ sex: 'P' })];

    const shown = suppressRecap(recapCounts(people, '2026-11-30'));

    expect(shown.handled).toBe(7);
    const sex = shown.groups.find((g) => g.dimension === 'sex')!.rows;
    expect(sex.map((r) => [r.count, r.withheld])).toEqual([[null, true], [null, false]]);
    expect(sex.map((r) => countText(r.count, 5, r.withheld))).toEqual(['*', '<5']);
  });

  it('hides every small row when the total itself is small', () => {
    const shown = suppressRecap(recapCounts([person(), person({ sex: 'P' })], '2026-11-30'));

    expect(shown.handled).toBeNull();
    expect(shown.groups.find((g) => g.dimension === 'sex')!.rows.map((r) => r.count)).toEqual([null, null]);
  });
});

describe("the dashboard's indicators as the report prints them", () => {
  const indicators: Indicators = {
    funnel: [{ stage: 'drugCases', count: 40 }, { stage: 'screened', count: null }],
    classes: [{ class: 'rendah', count: null }, { class: 'menengah', count: 7 }],
    occupancy: { capacity: 100, held: 120, drugCases: 60, rate: 1.2 },
    waiting: { standardDays: 14, decided: 8, withinStandard: 6, medianDays: 9.5, overdueNow: 0 },
    attendance: { expected: 10, present: 9, rate: 0.9 },
    urine: { tested: 0, positive: 0, rate: null },
    completion: { completed: 5, dropped: 0, active: 12, completionRate: 1 },
    followUps: [{ outcome: 'stable', count: 0 }],
    rehabTypes: [{ type: 'medical', count: 7 }],
    complementary: ['classes.rendah'],
  };

  it('print a small count as "<5", a withheld one as "*", shares with the decimal comma and a missing share as "-"', () => {
    const text = Object.fromEntries(indicatorLines(indicators).map((l) => [l.label, figureText(l.figure, 5)]));

    expect(text).toMatchObject({
      'Kasus narkotika yang ditahan': '40', 'Diskrining (ASSIST)': '<5', Rendah: '*', 'Penghuni dibanding kapasitas': '120,0%',
      'Persentase sesuai standar': '75,0%', 'Median waktu tunggu (hari kerja)': '9,5 hari', 'Tingkat positif': '-',
    });
  });
});

describe('the count of a rehabilitation type', () => {
  it('is "<5" where the dashboard suppressed it, and none where it is not listed', () => {
    const ind = { rehabTypes: [{ type: 'medical', count: null }], complementary: [] } as unknown as Indicators;

    expect(figureText(rehabTypeFigure(ind, 'medical'), 5)).toBe('<5');
    expect(figureText(rehabTypeFigure(ind, 'social'), 5)).toBe('0');
  });
});

describe('the file name', () => {
  it('keeps letters, digits and dashes of the code', () => {
    expect(fileCode('RTN-A')).toBe('RTN-A');
    expect(fileCode('W.11/PAS 01')).toBe('W-11-PAS-01');
  });
});
