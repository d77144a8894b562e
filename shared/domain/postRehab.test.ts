import { describe, expect, it } from 'vitest';
import { bapasUnitsFor, endingDateProblems, endingNoteProblems, enrolmentProblems } from './postRehab.ts';

const BAPAS = 'bapas';
const UNITS = [BAPAS, 'rutan-serang', 'lapas-cilegon'];
const accepted = { addressedHere: true, status: 'accepted' as const, consentInForce: true, releasedOn: '2026-10-10' };

describe('the units a Bapas account works in', () => {
  it('runs programmes, rooms, staff hours, the timetable and attendance in the Bapas only', () => {
    for (const permission of ['programme.manage', 'routine.manage', 'timetable.read', 'timetable.manage', 'attendance.write', 'postrehab.manage'] as const) {
      expect(bapasUnitsFor(permission, UNITS, BAPAS)).toEqual([BAPAS]);
    }
  });

  it('reads the register, imports and counts in the units of its area only', () => {
    for (const permission of ['wbp.read', 'wbp.write', 'sdp.import', 'clinical.read', 'stats.read'] as const) {
      expect(bapasUnitsFor(permission, UNITS, BAPAS)).toEqual(['rutan-serang', 'lapas-cilegon']);
    }
  });

  it('reads programmes in both', () => {
    expect(bapasUnitsFor('programme.read', UNITS, BAPAS)).toEqual(UNITS);
  });
});

describe('enrolment from an aftercare referral', () => {
  it('accepts an accepted referral with consent, starting on the release day', () => {
    expect(enrolmentProblems(accepted, '2026-10-10')).toEqual([]);
  });

  it('treats a referral to another organisation as unknown', () => {
    expect(enrolmentProblems({ ...accepted, addressedHere: false }, '2026-11-02')).toEqual([{ field: 'referralId', message: 'postRehab.unknownReferral' }]);
  });

  it('refuses a referral sent, declined or closed', () => {
    for (const status of ['sent', 'declined', 'closed'] as const) {
      expect(enrolmentProblems({ ...accepted, status }, '2026-11-02')).toEqual([{ field: 'referralId', message: 'postRehab.notAccepted' }]);
    }
  });

  it('refuses without consent in force', () => {
    expect(enrolmentProblems({ ...accepted, consentInForce: false }, '2026-11-02')).toEqual([{ field: 'referralId', message: 'postRehab.noConsent' }]);
  });

  it('refuses before the release', () => {
    expect(enrolmentProblems({ ...accepted, releasedOn: null }, '2026-11-02')).toEqual([{ field: 'referralId', message: 'postRehab.notReleased' }]);
    expect(enrolmentProblems(accepted, '2026-10-09')).toEqual([{ field: 'startDate', message: 'postRehab.beforeRelease' }]);
  });
});

describe('ending a post-rehabilitation enrolment', () => {
  it('asks a drop-out for a note saying why', () => {
    expect(endingNoteProblems('dropped', null)).toEqual([{ field: 'note', message: 'postRehab.noteRequiredForDrop' }]);
    expect(endingNoteProblems('dropped', '   ')).toEqual([{ field: 'note', message: 'postRehab.noteRequiredForDrop' }]);
  });

  it('takes a drop-out with a note', () => {
    expect(endingNoteProblems('dropped', 'Pindah domisili')).toEqual([]);
  });

  it('lets a completion go without a note', () => {
    expect(endingNoteProblems('completed', null)).toEqual([]);
  });

  it('accepts an end from the start day to today', () => {
    expect(endingDateProblems('2026-11-02', '2026-11-02', '2026-11-22')).toEqual([]);
    expect(endingDateProblems('2026-11-22', '2026-11-02', '2026-11-22')).toEqual([]);
  });

  it('refuses an end after today', () => {
    expect(endingDateProblems('2026-11-23', '2026-11-02', '2026-11-22')).toEqual([{ field: 'endedOn', message: 'dateInFuture' }]);
  });

  it('refuses an end before the start', () => {
    expect(endingDateProblems('2026-11-01', '2026-11-02', '2026-11-22')).toEqual([{ field: 'endedOn', message: 'postRehab.endBeforeStart' }]);
  });
});
