import type { HealthConsentBody, HealthConsentRecord } from '../../../shared/contracts/fhir.ts';
import { api } from '../../app/api.ts';

export type { HealthConsentRecord };

const enc = encodeURIComponent;

export const fhirKeys = {
  consents: (wbpId: string) => ['fhir', 'consents', wbpId] as const,
};

export function fetchHealthConsents(wbpId: string, signal?: AbortSignal): Promise<HealthConsentRecord[]> {
  return api<{ items: HealthConsentRecord[] }>(`/api/wbp/${enc(wbpId)}/health-platform-consents`, { signal }).then((r) => r.items);
}
export function recordHealthConsent(wbpId: string, body: HealthConsentBody): Promise<HealthConsentRecord> {
  return api<HealthConsentRecord>(`/api/wbp/${enc(wbpId)}/health-platform-consents`, { method: 'POST', json: body });
}
export function revokeHealthConsent(consentId: string, body: { revokedOn: string; reason: string }): Promise<HealthConsentRecord> {
  return api<HealthConsentRecord>(`/api/health-platform-consents/${enc(consentId)}/revoke`, { method: 'POST', json: body });
}
/** Where a person's FHIR Bundle is downloaded from (409 without a consent in force). */
export function bundlePath(wbpId: string): string {
  return `/api/wbp/${enc(wbpId)}/fhir`;
}
