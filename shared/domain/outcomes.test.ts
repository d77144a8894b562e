import { describe, expect, it } from 'vitest';
import {
  CONFERENCE_DECISIONS, certificateNumber, certificatePrefix, decisionDetailProblems, decisionNeedsEnrolment, dropOutProblems, endDateProblem, indonesianDate, mayEnd,
  nextCertificateSequence, yearOf,
} from './outcomes.ts';

describe('the certificate number', () => {
  it('is the unit code, REH, the year and a four-digit sequence', () => {
    expect(certificateNumber('RUTAN-SERANG', 2026, 7)).toBe('RUTAN-SERANG/REH/2026/0007');
  });

  it('keeps counting past 9999', () => {
    expect(certificateNumber('LAPAS-CILEGON', 2026, 12345)).toBe('LAPAS-CILEGON/REH/2026/12345');
  });

  it('has no sequence 0', () => {
    expect(() => certificateNumber('RUTAN-SERANG', 2026, 0)).toThrow(RangeError);
  });
});

describe('the next certificate sequence', () => {
  const prefix = certificatePrefix('RUTAN-SERANG', 2026);

  it('starts at 1 in a new year', () => {
    expect(nextCertificateSequence(['RUTAN-SERANG/REH/2025/0041'], prefix)).toBe(1);
  });

  it('follows the highest number of the unit and year, whatever the order', () => {
    expect(nextCertificateSequence(['RUTAN-SERANG/REH/2026/0002', 'RUTAN-SERANG/REH/2026/0010', 'RUTAN-SERANG/REH/2026/0003'], prefix)).toBe(11);
  });

  it('ignores other units whose code starts the same', () => {
    expect(nextCertificateSequence(['RUTAN-SERANG-2/REH/2026/0050', 'RUTAN-SERANG/REH/2026/0001'], prefix)).toBe(2);
  });

  it('ignores numbers not in the form', () => {
    expect(nextCertificateSequence(['RUTAN-SERANG/REH/2026/X1', 'RUTAN-SERANG/REH/2026/'], prefix)).toBe(1);
  });
});

describe('Indonesian dates', () => {
  it('write the month in words and the day without a leading zero', () => {
    expect(indonesianDate('2026-11-22')).toBe('22 November 2026');
    expect(indonesianDate('2027-01-05')).toBe('5 Januari 2027');
    expect(indonesianDate('2026-08-17')).toBe('17 Agustus 2026');
  });

  it('refuse what is not a date', () => {
    expect(() => indonesianDate('2026-13-01')).toThrow(RangeError);
  });

  it('give the year of a date', () => {
    expect(yearOf('2025-12-31')).toBe(2025);
  });
});

describe('which decisions act on an enrolment', () => {
  it('are a change of programme, a completion and a drop-out', () => {
    expect(CONFERENCE_DECISIONS.filter(decisionNeedsEnrolment)).toEqual([
      'change_programme', 'complete', 'drop_out',
    ]);
  });
});

describe('which enrolments may end', () => {
  it('completes only an active one', () => {
    expect(mayEnd('complete', 'active')).toBe(true);
    expect(mayEnd('complete', 'waitlisted')).toBe(false);
  });

  it('drops out an active or waiting one, never an ended one', () => {
    expect(mayEnd('drop_out', 'waitlisted')).toBe(true);
    expect(mayEnd('drop_out', 'completed')).toBe(false);
    expect(mayEnd('change_programme', 'changed')).toBe(false);
  });
});

describe('a decision\'s detail', () => {
  it('names the programme a change of programme lacks', () => {
    expect(decisionDetailProblems('change_programme', {})).toEqual([{ field: 'programmeId', message: 'conference.programmeRequired' }]);
  });

  it('asks a referral where to and why', () => {
    expect(decisionDetailProblems('refer', { toName: '  ' })).toEqual([
      { field: 'toName', message: 'conference.referralTargetRequired' },
      { field: 'reason', message: 'conference.referralReasonRequired' },
    ]);
  });

  it('accepts a referral to an organisation of the list without a written name', () => {
    expect(decisionDetailProblems('refer', { toOrganizationId: '7f1c0c62-6a44-4c6e-9e0e-2b0f9e3c1a10', reason: 'Evaluasi psikiatri' })).toEqual([]);
  });

  it('needs nothing more to continue or complete', () => {
    expect(decisionDetailProblems('continue', {})).toEqual([]);
    expect(decisionDetailProblems('complete', {})).toEqual([]);
  });
});

describe('a drop-out\'s reason', () => {
  it('is required', () => {
    expect(dropOutProblems(null, null)).toEqual([{ field: 'reason', message: 'outcome.reasonRequired' }]);
  });

  it('is one of the list', () => {
    expect(dropOutProblems('bored', null)).toEqual([{ field: 'reason', message: 'outcome.reasonInvalid' }]);
  });

  it('needs a note when it is "other"', () => {
    expect(dropOutProblems('other', ' ')).toEqual([{ field: 'note', message: 'outcome.noteRequiredForOther' }]);
    expect(dropOutProblems('other', 'Menolak melanjutkan karena urusan keluarga')).toEqual([]);
    expect(dropOutProblems('absconded', null)).toEqual([]);
  });
});

describe('an outcome\'s end date', () => {
  it('may be today or earlier, from the start on', () => {
    expect(endDateProblem('2026-11-22', '2026-09-01', '2026-11-22')).toBeNull();
    expect(endDateProblem('2026-09-01', '2026-09-01', '2026-11-22')).toBeNull();
  });

  it('is not in the future', () => {
    expect(endDateProblem('2026-11-23', '2026-09-01', '2026-11-22')).toBe('future');
  });

  it('is not before the start', () => {
    expect(endDateProblem('2026-08-31', '2026-09-01', '2026-11-22')).toBe('beforeStart');
  });

  it('has no start to check for someone still waiting', () => {
    expect(endDateProblem('2026-01-01', null, '2026-11-22')).toBeNull();
  });
});
