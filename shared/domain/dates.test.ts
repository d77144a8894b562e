import { describe, expect, it } from 'vitest';
import { ageInYears, jakartaDate } from './dates.ts';

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
