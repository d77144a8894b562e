import type {
  AftercareReferralBody, AftercareReferralRecord, ConsentBody, ConsentRecord, FollowUpBody, LookAhead, PersonAftercare, ReferralList, ReleasePlanBody,
  ReleasePlanRecord,
} from '../../../shared/contracts/aftercare.ts';
import { api } from '../../app/api.ts';

export type { AftercareReferralRecord, ConsentRecord, LookAhead, PersonAftercare, ReferralList, ReleasePlanRecord };

const enc = encodeURIComponent;

export const aftercareKeys = {
  all: ['aftercare'] as const,
  lookAhead: (facilityId: string, months: number) => ['aftercare', 'look-ahead', facilityId, months] as const,
  person: (wbpId: string) => ['aftercare', 'person', wbpId] as const,
  sent: (facilityId: string) => ['aftercare', 'sent', facilityId] as const,
  inbox: ['aftercare', 'inbox'] as const,
  settings: ['aftercare', 'settings'] as const,
};

export function fetchLookAhead(facilityId: string, months: number, signal?: AbortSignal): Promise<LookAhead> {
  return api<LookAhead>(`/api/facilities/${enc(facilityId)}/releases?months=${months}`, { signal });
}
export function fetchPersonAftercare(wbpId: string, signal?: AbortSignal): Promise<PersonAftercare> {
  return api<PersonAftercare>(`/api/wbp/${enc(wbpId)}/aftercare`, { signal });
}
export function createPlan(wbpId: string, body: ReleasePlanBody): Promise<ReleasePlanRecord> {
  return api<ReleasePlanRecord>(`/api/wbp/${enc(wbpId)}/release-plans`, { method: 'POST', json: body });
}
export function recordRelease(planId: string, releasedOn: string): Promise<ReleasePlanRecord> {
  return api<ReleasePlanRecord>(`/api/release-plans/${enc(planId)}/release`, { method: 'POST', json: { releasedOn } });
}
export function cancelPlan(planId: string, reason: string): Promise<ReleasePlanRecord> {
  return api<ReleasePlanRecord>(`/api/release-plans/${enc(planId)}/cancel`, { method: 'POST', json: { reason } });
}
export function recordConsent(wbpId: string, body: ConsentBody): Promise<ConsentRecord> {
  return api<ConsentRecord>(`/api/wbp/${enc(wbpId)}/consents`, { method: 'POST', json: body });
}
export function revokeConsent(consentId: string, body: { revokedOn: string; reason: string }): Promise<ConsentRecord> {
  return api<ConsentRecord>(`/api/consents/${enc(consentId)}/revoke`, { method: 'POST', json: body });
}
export function referToAftercare(wbpId: string, body: AftercareReferralBody): Promise<AftercareReferralRecord> {
  return api<AftercareReferralRecord>(`/api/wbp/${enc(wbpId)}/aftercare-referrals`, { method: 'POST', json: body });
}
export function fetchSent(facilityId: string, signal?: AbortSignal): Promise<ReferralList> {
  return api<ReferralList>(`/api/facilities/${enc(facilityId)}/aftercare-referrals`, { signal });
}
export function fetchInbox(signal?: AbortSignal): Promise<ReferralList> {
  return api<ReferralList>('/api/aftercare/inbox', { signal });
}
export function acceptReferral(id: string): Promise<AftercareReferralRecord> {
  return api<AftercareReferralRecord>(`/api/aftercare/referrals/${enc(id)}/accept`, { method: 'POST' });
}
export function declineReferral(id: string, reason: string): Promise<AftercareReferralRecord> {
  return api<AftercareReferralRecord>(`/api/aftercare/referrals/${enc(id)}/decline`, { method: 'POST', json: { reason } });
}
export function recordFollowUp(id: string, body: FollowUpBody): Promise<AftercareReferralRecord> {
  return api<AftercareReferralRecord>(`/api/aftercare/referrals/${enc(id)}/follow-ups`, { method: 'POST', json: body });
}
export function closeReferral(id: string, body: { outcome: string; closedOn: string; note: string | null }): Promise<AftercareReferralRecord> {
  return api<AftercareReferralRecord>(`/api/aftercare/referrals/${enc(id)}/close`, { method: 'POST', json: body });
}
/** Where the hand-over summary (PDF) of a referral is downloaded from. */
export function handoverUrl(id: string): string {
  return `/api/aftercare/referrals/${enc(id)}/handover.pdf`;
}

export function fetchAftercareSettings(signal?: AbortSignal): Promise<{ followUpMonths: number[] }> {
  return api<{ followUpMonths: number[] }>('/api/aftercare/settings', { signal });
}
export function saveAftercareSettings(followUpMonths: number[]): Promise<{ followUpMonths: number[] }> {
  return api<{ followUpMonths: number[] }>('/api/aftercare/settings', { method: 'PUT', json: { followUpMonths } });
}
