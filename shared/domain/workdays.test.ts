import { describe, expect, it } from 'vitest';
import { addWorkingDays, workingDaysBetween } from './workdays.ts';

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
