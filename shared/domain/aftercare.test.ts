import { describe, expect, it } from 'vitest';
import {
  acceptanceOverdue, expectedRelease, followUpMonthsOf, followUpMonthsProblem, followUpSchedule, followUpState, lookAheadUntil,
  receivesAftercare, releasePlanProblems,
} from './aftercare.ts';

describe('the follow-up schedule', () => {
  it('is due the configured months after release, in order', () => {
    expect(followUpSchedule('2026-11-10', [6, 1, 3, 12])).toEqual([
      { month: 1, dueOn: '2026-12-10' }, { month: 3, dueOn: '2027-02-10' }, { month: 6, dueOn: '2027-05-10' }, { month: 12, dueOn: '2027-11-10' },
    ]);
  });

  it('reads the setting, or the default 1, 3, 6 and 12 months when it is unusable', () => {
    expect(followUpMonthsOf([3, 1, 3])).toEqual([1, 3]);
    expect(followUpMonthsOf(undefined)).toEqual([1, 3, 6, 12]);
    expect(followUpMonthsOf([0, 2])).toEqual([1, 3, 6, 12]);
  });

  it('refuses a setting that is empty, fractional or beyond five years', () => {
    expect(followUpMonthsProblem([])).toBe('aftercare.followUpMonthsEmpty');
    expect(followUpMonthsProblem([1.5])).toBe('aftercare.followUpMonthsRange');
    expect(followUpMonthsProblem([61])).toBe('aftercare.followUpMonthsRange');
    expect(followUpMonthsProblem([1, 2, 24])).toBeNull();
  });
});

describe('the state of a follow-up', () => {
  it('is done once recorded, whatever the date', () => {
    expect(followUpState('2026-10-01', '2026-11-20', '2026-11-23')).toBe('done');
  });

  it('is upcoming before its due date, due within the grace days and overdue after them', () => {
    expect(followUpState('2026-12-10', null, '2026-12-09')).toBe('upcoming');
    expect(followUpState('2026-12-10', null, '2026-12-24')).toBe('due');
    expect(followUpState('2026-12-10', null, '2026-12-25')).toBe('overdue');
  });
});

describe('a referral waiting for an answer', () => {
  it('is flagged more than seven days after it was sent', () => {
    expect(acceptanceOverdue('sent', '2026-11-10', '2026-11-17')).toBe(false);
    expect(acceptanceOverdue('sent', '2026-11-10', '2026-11-18')).toBe(true);
  });

  it('is not flagged once answered', () => {
    expect(acceptanceOverdue('accepted', '2026-01-01', '2026-11-18')).toBe(false);
    expect(acceptanceOverdue('declined', '2026-01-01', '2026-11-18')).toBe(false);
  });
});

describe('the release look-ahead', () => {
  it('covers one, two or three months from today', () => {
    expect(lookAheadUntil('2026-11-23', 1)).toBe('2026-12-23');
    expect(lookAheadUntil('2026-11-23', 3)).toBe('2027-02-23');
  });

  it('takes the release plan before the register', () => {
    expect(expectedRelease('2026-12-01', '2027-05-01')).toBe('2026-12-01');
    expect(expectedRelease(null, '2027-05-01')).toBe('2027-05-01');
  });
});

describe('who receives a person after release', () => {
  it('is Bapas, a narcotics board or an IPWL clinic, never a custodial unit or a health office', () => {
    expect(receivesAftercare('bapas')).toBe(true);
    expect(receivesAftercare('bnnk')).toBe(true);
    expect(receivesAftercare('ipwl')).toBe(true);
    expect(receivesAftercare('rutan')).toBe(false);
    expect(receivesAftercare('dinkes')).toBe(false);
  });
});

describe('a release plan', () => {
  it('needs both the decision number and its date, or neither', () => {
    expect(releasePlanProblems({ kind: 'pb', decisionNumber: 'PAS-123', decisionDate: null, expectedOn: '2026-12-01' }))
      .toEqual([{ field: 'decisionDate', message: 'aftercare.decisionIncomplete' }]);
    expect(releasePlanProblems({ kind: 'pb', decisionNumber: null, decisionDate: null, expectedOn: '2026-12-01' })).toEqual([]);
  });

  it('refuses a decision dated after the release it grants', () => {
    expect(releasePlanProblems({ kind: 'cb', decisionNumber: 'CB-1', decisionDate: '2026-12-02', expectedOn: '2026-12-01' }))
      .toEqual([{ field: 'decisionDate', message: 'aftercare.decisionAfterRelease' }]);
  });
});
