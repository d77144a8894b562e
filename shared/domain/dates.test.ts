import { describe, expect, it } from 'vitest';
import { addDays, addMonths, ageInYears, daysBetween, isoWeekday, jakartaDate, mondayOf } from './dates.ts';

describe('ageInYears', () => {
  it('counts a birthday only once it has come', () => {
    expect(ageInYears('1990-11-23', '2026-11-22')).toBe(35);
    expect(ageInYears('1990-11-22', '2026-11-22')).toBe(36);
  });

  it('is unknown without a birth date', () => {
    expect(ageInYears(null, '2026-11-22')).toBeNull();
  });
});

describe('jakartaDate', () => {
  it('turns to the next day at 17:00 UTC, midnight in Jakarta', () => {
    expect(jakartaDate(new Date('2026-11-22T16:59:59Z'))).toBe('2026-11-22');
    expect(jakartaDate(new Date('2026-11-22T17:00:00Z'))).toBe('2026-11-23');
  });
});

describe('addDays', () => {
  it('crosses the end of a month and of a year', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
  });

  it('goes back with a negative count', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe('daysBetween', () => {
  it('counts the whole days from one date to a later one', () => {
    expect(daysBetween('2026-11-23', '2026-11-29')).toBe(6);
  });

  it('is negative when the second date is earlier', () => {
    expect(daysBetween('2026-11-23', '2026-11-16')).toBe(-7);
  });
});

describe('isoWeekday', () => {
  it('numbers Monday 1 and Sunday 7', () => {
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(isoWeekday('2026-11-29')).toBe(7);
  });
});

describe('mondayOf', () => {
  it.each([
    ['2026-11-16', 'Monday'],
    ['2026-11-17', 'Tuesday'],
    ['2026-11-18', 'Wednesday'],
    ['2026-11-19', 'Thursday'],
    ['2026-11-20', 'Friday'],
    ['2026-11-21', 'Saturday'],
    ['2026-11-22', 'Sunday'],
  ])('gives Monday 16 November 2026 for %s (%s)', (day) => {
    expect(mondayOf(day)).toBe('2026-11-16');
  });

  it('goes back across the end of a year', () => {
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
  });
});

describe('adding months to a date', () => {
  it('keeps the day of the month', () => {
    expect(addMonths('2026-11-23', 1)).toBe('2026-12-23');
    expect(addMonths('2026-11-23', 3)).toBe('2027-02-23');
  });

  it('falls back to the last day of a shorter month', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
  });
});
