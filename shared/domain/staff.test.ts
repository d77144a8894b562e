import { describe, expect, it } from 'vitest';
import { addDays } from './dates.ts';
import {
  QUALIFICATION_STATES, defaultIssuer, expiryWindow, peerTrainingStatus, qualificationProblems, qualificationState, trainingProblems,
} from './staff.ts';

const TODAY = '2026-11-23';

describe('qualificationState', () => {
  it('is valid when the certificate has no expiry date', () => {
    expect(qualificationState(null, TODAY)).toBe('valid');
  });
  it('is valid when expiry is more than 90 days away', () => {
    expect(qualificationState('2027-02-22', TODAY)).toBe('valid');
  });
  it('is expiring on the 90th day before expiry', () => {
    expect(qualificationState('2027-02-21', TODAY)).toBe('expiring');
  });
  it('is still expiring, not expired, on the day of expiry', () => {
    expect(qualificationState(TODAY, TODAY)).toBe('expiring');
  });
  it('is expired the day after expiry', () => {
    expect(qualificationState('2026-11-22', TODAY)).toBe('expired');
  });
});

describe('expiryWindow', () => {
  it('gives the directory filter the expiry dates of each state, ends included', () => {
    expect(expiryWindow('expired', TODAY)).toEqual({ from: null, until: '2026-11-22', undated: false });
    expect(expiryWindow('expiring', TODAY)).toEqual({ from: TODAY, until: '2027-02-21', undated: false });
    expect(expiryWindow('valid', TODAY)).toEqual({ from: '2027-02-22', until: null, undated: true });
  });
  it('puts every expiry date, and none, in exactly one state', () => {
    const expiries = [null, ...Array.from({ length: 100 }, (_, i) => addDays(TODAY, i - 5))];
    for (const expiresOn of expiries) {
      const holding = QUALIFICATION_STATES.filter((state) => {
        const w = expiryWindow(state, TODAY);
        return expiresOn === null ? w.undated : (w.from === null || expiresOn >= w.from) && (w.until === null || expiresOn <= w.until);
      });
      expect(holding).toEqual([qualificationState(expiresOn, TODAY)]);
    }
  });
});

describe('defaultIssuer', () => {
  it('names BNN certification body for an addiction counsellor without an issuer', () => {
    expect(defaultIssuer('addiction_counsellor', null)).toBe('LSP BNN');
  });
  it('keeps the issuer written for an addiction counsellor', () => {
    expect(defaultIssuer('addiction_counsellor', ' BNNP Banten ')).toBe('BNNP Banten');
  });
  it('leaves the issuer empty for other kinds', () => {
    expect(defaultIssuer('doctor', '')).toBeNull();
  });
});

describe('qualificationProblems', () => {
  it('refuses an issue date in the future', () => {
    expect(qualificationProblems({ issuedOn: '2026-11-24', expiresOn: null }, TODAY)).toEqual([{ field: 'issuedOn', message: 'validation.staff.issuedInFuture' }]);
  });
  it('refuses an expiry on or before the issue date', () => {
    expect(qualificationProblems({ issuedOn: '2026-01-01', expiresOn: '2026-01-01' }, TODAY)).toEqual([{ field: 'expiresOn', message: 'validation.qualification.expiryBeforeIssue' }]);
  });
});

describe('trainingProblems', () => {
  const base = { kind: 'bimtek' as const, startsOn: '2026-11-02', endsOn: '2026-11-04', hours: 24, participants: [] };
  const participant = { userId: null, wbpId: null, hoursAttended: 24, result: 'completed', certificateNumber: null };

  it('accepts a training without problems', () => {
    expect(trainingProblems({ ...base, participants: [participant] })).toEqual([]);
  });
  it('refuses an end before the start', () => {
    expect(trainingProblems({ ...base, endsOn: '2026-11-01' }).map((p) => p.field)).toEqual(['endsOn']);
  });
  it('refuses a person held in a technical guidance', () => {
    expect(trainingProblems({ ...base, participants: [{ ...participant, wbpId: 'w1' }] }).map((p) => p.field)).toEqual(['participants.0.wbpId']);
  });
  it('refuses more hours attended than the training had', () => {
    expect(trainingProblems({ ...base, participants: [{ ...participant, hoursAttended: 25 }] }).map((p) => p.field)).toEqual(['participants.0.hoursAttended']);
  });
  it('refuses a certificate number for someone who did not complete', () => {
    const problems = trainingProblems({ ...base, participants: [{ ...participant, result: 'not_completed', certificateNumber: 'C-1' }] });
    expect(problems.map((p) => p.field)).toEqual(['participants.0.certificateNumber']);
  });
  it('refuses the same account listed twice', () => {
    const problems = trainingProblems({ ...base, participants: [{ ...participant, userId: 'u1' }, { ...participant, userId: 'u1' }] });
    expect(problems.map((p) => p.field)).toEqual(['participants.1.userId']);
  });
});

describe('peerTrainingStatus', () => {
  it('is trained after a completed training', () => {
    expect(peerTrainingStatus('completed')).toBe('trained');
  });
  it('is in training without a result', () => {
    expect(peerTrainingStatus(null)).toBe('in_training');
  });
});
