import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './dates.ts';
import { addWorkingDays, isWorkingDay, workingDaysBetween } from './workdays.ts';

const none = new Set<string>();

describe('working days', () => {
  it('skips weekends: 14 working days from a Monday end on the Thursday of the third week', () => {
    expect(addWorkingDays('2026-11-02', 14, none)).toBe('2026-11-20');
  });

  it('skips the given holidays', () => {
    expect(addWorkingDays('2026-12-23', 2, new Set(['2026-12-25']))).toBe('2026-12-28');
  });

  it('counts the working days after a start up to an end', () => {
    expect(workingDaysBetween('2026-11-20', '2026-11-23', none)).toBe(1);
    expect(workingDaysBetween('2026-11-23', '2026-11-20', none)).toBe(0);
  });
});

describe('working days between two dates', () => {
  /** The plain definition, one day at a time. */
  function countedDayByDay(start: string, end: string, holidays: ReadonlySet<string>): number {
    let count = 0;
    for (let date = addDays(start, 1); date <= end; date = addDays(date, 1)) if (isWorkingDay(date, holidays)) count += 1;
    return count;
  }

  const day = fc.integer({ min: 0, max: 3_000 }).map((n) => addDays('2020-01-01', n));

  it('agree with counting day by day, for any two dates and any holidays, weekends among them', () => {
    fc.assert(fc.property(day, day, fc.uniqueArray(day, { maxLength: 30 }), (start, end, holidays) => {
      const set = new Set(holidays);
      expect(workingDaysBetween(start, end, set)).toBe(countedDayByDay(start, end, set));
    }), { numRuns: 500 });
  });

  it('leave out a holiday on a weekday and count nothing twice', () => {
    expect(workingDaysBetween('2026-12-21', '2026-12-28', new Set(['2026-12-25', '2026-12-26']))).toBe(4);
  });
});
