import { describe, expect, it } from 'vitest';
import { orderWaitlist, outsideUnitAllowed, programmeEnd } from './placement.ts';

const SELF_USE = ['UU 35/2009 Pasal 127'];

describe('rehabilitation outside the unit', () => {
  it('is open to a pure self-use case', () => {
    expect(outsideUnitAllowed(['UU 35/2009 Pasal 127'], SELF_USE)).toBe(true);
  });

  it('is closed when any other article is charged', () => {
    expect(outsideUnitAllowed(['UU 35/2009 Pasal 127', 'UU 35/2009 Pasal 114'], SELF_USE)).toBe(false);
    expect(outsideUnitAllowed([], SELF_USE)).toBe(false);
  });
});

describe('the waitlist', () => {
  const base = { napzaSeverity: null, expectedReleaseDate: null, decidedOn: '2026-11-01' };

  it('puts those who can finish first, then the more severe', () => {
    const list = orderWaitlist([
      { ...base, id: 'a', finalClass: 'menengah' as const },
      { ...base, id: 'b', finalClass: 'tinggi' as const, expectedReleaseDate: '2026-12-01' },
      { ...base, id: 'c', finalClass: 'tinggi' as const },
    ], 24, '2026-11-23');
    expect(list.map((e) => [e.candidate.id, e.position, e.canFinish])).toEqual([['c', 1, true], ['a', 2, true], ['b', 3, false]]);
  });

  it('keeps those who cannot finish, with the dates that show why', () => {
    const [entry] = orderWaitlist([{ ...base, id: 'x', finalClass: 'rendah' as const, expectedReleaseDate: '2027-01-10' }], 24, '2026-11-23');
    expect(entry?.cannotFinish).toEqual({ releaseOn: '2027-01-10', wouldEndOn: programmeEnd('2026-11-23', 24) });
  });

  it('breaks ties of class by the napza severity, then by the earlier decision', () => {
    const list = orderWaitlist([
      { ...base, id: 'late', finalClass: 'tinggi' as const, napzaSeverity: 7, decidedOn: '2026-11-05' },
      { ...base, id: 'early', finalClass: 'tinggi' as const, napzaSeverity: 7, decidedOn: '2026-11-02' },
      { ...base, id: 'severe', finalClass: 'tinggi' as const, napzaSeverity: 9, decidedOn: '2026-11-09' },
    ], 26, '2026-11-23');
    expect(list.map((e) => e.candidate.id)).toEqual(['severe', 'early', 'late']);
  });
});
