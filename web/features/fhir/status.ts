import type { HealthConsentRecord } from '../../../shared/contracts/fhir.ts';

export type ConsentStatus =
  | { state: 'inForce'; consent: HealthConsentRecord }
  | { state: 'revoked'; consent: HealthConsentRecord }
  | { state: 'none' };

/**
 * Where a person's SATUSEHAT consent stands: the one in force (at most one is), else the latest
 * revoked one (by the day it was given, then by the day it was revoked), else none.
 */
export function consentStatus(consents: readonly HealthConsentRecord[]): ConsentStatus {
  const inForce = consents.find((c) => c.inForce);
  if (inForce) return { state: 'inForce', consent: inForce };
  const latest = [...consents].sort((a, b) => b.givenOn.localeCompare(a.givenOn) || (b.revokedOn ?? '').localeCompare(a.revokedOn ?? ''))[0];
  return latest ? { state: 'revoked', consent: latest } : { state: 'none' };
}
