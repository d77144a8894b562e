import { describe, expect, it } from 'vitest';
import { type ParticipantRow, parseHours, participantRequest, qualificationRequest } from './form.ts';

const t = (key: string) => key;

describe('qualificationRequest', () => {
  it('refuses an expiry on or before the issue date', () => {
    expect(qualificationRequest({ kind: 'doctor', certificateNumber: 'STR-1', issuedOn: '2026-01-01', expiresOn: '2026-01-01', issuer: '' }, t))
      .toEqual({ errors: { expiresOn: 'validation.staff.expiryBeforeIssue' } });
  });
  it('sends an empty expiry and issuer as null', () => {
    expect(qualificationRequest({ kind: 'doctor', certificateNumber: ' STR-1 ', issuedOn: '2026-01-01', expiresOn: '', issuer: ' ' }, t))
      .toEqual({ body: { kind: 'doctor', certificateNumber: 'STR-1', issuedOn: '2026-01-01', expiresOn: null, issuer: null } });
  });
});

describe('parseHours', () => {
  it('reads a decimal comma', () => {
    expect(parseHours('7,5')).toBe(7.5);
  });
  it('refuses a quarter hour', () => {
    expect(parseHours('7.25')).toBeNull();
  });
});

describe('participantRequest', () => {
  const row: ParticipantRow = {
    key: 'a', kind: 'named', userId: '', wbpId: '', label: '', name: 'Ns. Lina', position: '', hoursAttended: '24', result: 'not_completed', certificateNumber: 'X',
  };
  it('drops the certificate number of someone who did not complete', () => {
    expect(participantRequest(row)).toMatchObject({ name: 'Ns. Lina', certificateNumber: null, result: 'not_completed' });
  });
  it('is incomplete without a name for a participant without an account', () => {
    expect(participantRequest({ ...row, name: ' ' })).toBeNull();
  });
});
