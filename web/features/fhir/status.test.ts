import { describe, expect, it } from 'vitest';
import type { HealthConsentRecord } from '../../../shared/contracts/fhir.ts';
import { consentStatus } from './status.ts';

const consent = (over: Partial<HealthConsentRecord>): HealthConsentRecord => ({
  id: '7d1f4c52-8f3e-4a7e-9a51-2b1b2f0b6c01', wbpId: '1c5d8a80-0c4f-4a8e-bd5e-6f0f2f6a9e02', givenOn: '2026-10-01', method: 'signed_form',
  witnessName: null, recordedBy: 'dr. Siti Nurhaliza', revokedOn: null, revocationReason: null, inForce: true, ...over,
});

describe('consentStatus', () => {
  it('is none without any consent', () => {
    expect(consentStatus([])).toEqual({ state: 'none' });
  });

  it('is the consent in force, whatever was revoked before it', () => {
    const old = consent({ id: 'old', givenOn: '2026-01-10', revokedOn: '2026-03-01', revocationReason: 'menarik', inForce: false });
    const current = consent({ id: 'current', givenOn: '2026-09-01' });

    expect(consentStatus([old, current])).toEqual({ state: 'inForce', consent: current });
  });

  it('is the latest revoked consent when none is in force', () => {
    const first = consent({ id: 'first', givenOn: '2026-01-10', revokedOn: '2026-03-01', revocationReason: 'a', inForce: false });
    const second = consent({ id: 'second', givenOn: '2026-05-10', revokedOn: '2026-08-01', revocationReason: 'b', inForce: false });

    expect(consentStatus([first, second])).toEqual({ state: 'revoked', consent: second });
  });
});
