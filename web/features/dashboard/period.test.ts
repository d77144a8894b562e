import { describe, expect, it } from 'vitest';
import { filtersFromAddress, indicatorsQueryOf, presetChanges, presetPeriod, reportMonthOf } from './period.ts';

const address = (query: string) => new URLSearchParams(query);

describe('the period of each preset', () => {
  it('this month runs from its first day to today', () => {
    expect(presetPeriod('thisMonth', '2026-11-18')).toEqual({ from: '2026-11-01', to: '2026-11-18' });
  });

  it('last month is the whole previous calendar month', () => {
    expect(presetPeriod('lastMonth', '2026-03-31')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
  });

  it('last month in January is December of the year before', () => {
    expect(presetPeriod('lastMonth', '2027-01-05')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('the last 3 months are this month and the two whole months before it', () => {
    expect(presetPeriod('last3Months', '2026-02-10')).toEqual({ from: '2025-12-01', to: '2026-02-10' });
  });

  it('this year runs from the first of January to today', () => {
    expect(presetPeriod('thisYear', '2026-11-18')).toEqual({ from: '2026-01-01', to: '2026-11-18' });
  });
});

describe('the filters in the address', () => {
  it('default to this month, everything the user sees', () => {
    expect(filtersFromAddress(address(''), '2026-11-18')).toEqual({
      preset: 'thisMonth', period: { from: '2026-11-01', to: '2026-11-18' }, from: '2026-11-01', to: '2026-11-18',
      problem: null, regionId: undefined, facilityId: undefined,
    });
  });

  it('read a preset by its Indonesian word', () => {
    expect(filtersFromAddress(address('periode=bulan-lalu'), '2026-11-18').period).toEqual({ from: '2026-10-01', to: '2026-10-31' });
  });

  it('fall back to the default for a word they do not know', () => {
    expect(filtersFromAddress(address('periode=kemarin'), '2026-11-18').preset).toBe('thisMonth');
  });

  it('ignore dates in the address unless the period is chosen by hand', () => {
    expect(filtersFromAddress(address('periode=tahun-ini&dari=2020-01-01&sampai=2020-02-01'), '2026-11-18').period).toEqual({ from: '2026-01-01', to: '2026-11-18' });
  });

  it('take dates chosen by hand', () => {
    expect(filtersFromAddress(address('periode=pilih&dari=2026-05-03&sampai=2026-07-20'), '2026-11-18').period).toEqual({ from: '2026-05-03', to: '2026-07-20' });
  });

  it('name the start date when it is not a real day', () => {
    const filters = filtersFromAddress(address('periode=pilih&dari=2026-02-30&sampai=2026-03-10'), '2026-11-18');
    expect([filters.period, filters.problem]).toEqual([null, { field: 'from', reason: 'date' }]);
  });

  it('name the end date when it is missing', () => {
    expect(filtersFromAddress(address('periode=pilih&dari=2026-02-01'), '2026-11-18').problem).toEqual({ field: 'to', reason: 'date' });
  });

  it('name the end date when it is before the start', () => {
    expect(filtersFromAddress(address('periode=pilih&dari=2026-03-10&sampai=2026-03-09'), '2026-11-18').problem).toEqual({ field: 'to', reason: 'order' });
  });

  it('name the end date when the period is longer than a leap year', () => {
    expect(filtersFromAddress(address('periode=pilih&dari=2025-01-01&sampai=2026-01-02'), '2026-11-18').problem).toEqual({ field: 'to', reason: 'long' });
  });

  it('accept a period of exactly a leap year', () => {
    expect(filtersFromAddress(address('periode=pilih&dari=2024-01-01&sampai=2024-12-31'), '2026-11-18').problem).toBeNull();
  });

  it('keep the region and the unit chosen', () => {
    const filters = filtersFromAddress(address('kanwil=r1&upt=u1'), '2026-11-18');
    expect([filters.regionId, filters.facilityId]).toEqual(['r1', 'u1']);
  });
});

describe('choosing a preset', () => {
  it('by hand starts from the dates shown so far', () => {
    expect(presetChanges('custom', { from: '2026-11-01', to: '2026-11-18' })).toEqual({ periode: 'pilih', dari: '2026-11-01', sampai: '2026-11-18' });
  });

  it('drops the dates chosen by hand', () => {
    expect(presetChanges('thisYear', { from: '2026-11-01', to: '2026-11-18' })).toEqual({ periode: 'tahun-ini', dari: undefined, sampai: undefined });
  });

  it('leaves the default out of the address', () => {
    expect(presetChanges('thisMonth', { from: '2026-11-01', to: '2026-11-18' }).periode).toBeUndefined();
  });
});

describe('what the dashboard asks the API', () => {
  const period = { from: '2026-11-01', to: '2026-11-18' };

  it('asks for the unit when a unit is chosen, even within a region', () => {
    expect(indicatorsQueryOf(filtersFromAddress(address('kanwil=r1&upt=u1'), '2026-11-18'), period)).toEqual({ ...period, facilityId: 'u1' });
  });

  it('asks for the region when only a region is chosen', () => {
    expect(indicatorsQueryOf(filtersFromAddress(address('kanwil=r1'), '2026-11-18'), period)).toEqual({ ...period, regionId: 'r1' });
  });

  it('asks for everything when nothing is chosen', () => {
    expect(indicatorsQueryOf(filtersFromAddress(address(''), '2026-11-18'), period)).toEqual(period);
  });
});

describe('the month of the monthly report', () => {
  it('is the month the period ends in', () => {
    expect(reportMonthOf({ from: '2026-09-01', to: '2026-11-18' })).toBe('2026-11');
  });
});
