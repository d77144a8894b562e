import { describe, expect, it } from 'vitest';
import { agreementDateProblems, agreementStatus, expiryAlertDaysOf, inForce, scopesAllow } from './agreements.ts';

const open = { validFrom: '2026-01-01', validUntil: '2026-12-31', terminatedOn: null };

describe('agreementStatus', () => {
  it('is pending before its first day', () => {
    expect(agreementStatus(open, '2025-12-31')).toBe('pending');
  });

  it('is in force on its first day', () => {
    expect(agreementStatus(open, '2026-01-01')).toBe('in_force');
  });

  it('is expiring once its last day is within the alert window', () => {
    expect(agreementStatus(open, '2026-10-02', 90)).toBe('expiring');
  });

  it('is still in force the day before the alert window starts', () => {
    expect(agreementStatus(open, '2026-10-01', 90)).toBe('in_force');
  });

  it('is expiring, and so in force, on its last day', () => {
    expect(agreementStatus(open, '2026-12-31')).toBe('expiring');
    expect(inForce(open, '2026-12-31')).toBe(true);
  });

  it('is expired the day after its last day', () => {
    expect(agreementStatus(open, '2027-01-01')).toBe('expired');
    expect(inForce(open, '2027-01-01')).toBe(false);
  });

  it('never expires without an end date', () => {
    expect(agreementStatus({ ...open, validUntil: null }, '2099-12-31')).toBe('in_force');
  });

  it('is terminated from the day of termination, not before', () => {
    const ended = { ...open, terminatedOn: '2026-06-15' };
    expect(agreementStatus(ended, '2026-06-14')).toBe('in_force');
    expect(agreementStatus(ended, '2026-06-15')).toBe('terminated');
    expect(inForce(ended, '2026-06-15')).toBe(false);
  });
});

describe('scopesAllow', () => {
  it('lets an agreement covering assessment assess', () => {
    expect(scopesAllow(['assessment'], 'assessment.write')).toBe(true);
  });

  it('does not let an agreement covering only screening assess', () => {
    expect(scopesAllow(['screening'], 'assessment.write')).toBe(false);
  });

  it('lets any clinical scope read the care record, but not education alone', () => {
    expect(scopesAllow(['tb'], 'clinical.read')).toBe(true);
    expect(scopesAllow(['education'], 'clinical.read')).toBe(false);
  });

  it('never lets partner staff use a permission the map does not list', () => {
    expect(scopesAllow(['screening', 'assessment', 'counselling'], 'decision.sign')).toBe(false);
  });
});

describe('agreementDateProblems', () => {
  it('refuses validity that starts before the signing', () => {
    expect(agreementDateProblems({ signedOn: '2026-02-01', validFrom: '2026-01-31', validUntil: null })).toEqual([
      { field: 'validFrom', message: 'agreement.validFromBeforeSigning' },
    ]);
  });

  it('refuses an end before the start', () => {
    expect(agreementDateProblems({ signedOn: '2026-01-01', validFrom: '2026-01-01', validUntil: '2025-12-31' })).toEqual([
      { field: 'validUntil', message: 'agreement.validUntilBeforeFrom' },
    ]);
  });

  it('accepts a one-day agreement', () => {
    expect(agreementDateProblems({ signedOn: '2026-01-01', validFrom: '2026-01-01', validUntil: '2026-01-01' })).toEqual([]);
  });
});

describe('expiryAlertDaysOf', () => {
  it('takes a whole number of days from 1 to 365', () => {
    expect(expiryAlertDaysOf(150)).toBe(150);
    expect(expiryAlertDaysOf(1)).toBe(1);
    expect(expiryAlertDaysOf(365)).toBe(365);
  });

  it('falls back to 90 days for anything else', () => {
    for (const value of [undefined, null, 0, 366, 45.5, '60', [60]]) expect(expiryAlertDaysOf(value)).toBe(90);
  });
});
