import type { CompleteBody, DropOutBody, OutcomeEnrolment, PersonOutcomes, ReferralBody, ReferralRecord } from '../../../shared/contracts/conferences.ts';
import { api } from '../../app/api.ts';

export type { OutcomeEnrolment, PersonOutcomes };

const enc = encodeURIComponent;

export const outcomeKeys = {
  /** The same key the conference form reads a person's programmes from. */
  outcomes: (wbpId: string) => ['wbp', 'outcomes', wbpId] as const,
};

export function fetchOutcomes(wbpId: string, signal?: AbortSignal): Promise<PersonOutcomes> {
  return api<PersonOutcomes>(`/api/wbp/${enc(wbpId)}/outcomes`, { signal });
}
export function completeEnrolment(id: string, body: CompleteBody): Promise<OutcomeEnrolment> {
  return api<OutcomeEnrolment>(`/api/enrolments/${enc(id)}/complete`, { method: 'POST', json: body });
}
export function dropOutEnrolment(id: string, body: DropOutBody): Promise<OutcomeEnrolment> {
  return api<OutcomeEnrolment>(`/api/enrolments/${enc(id)}/drop-out`, { method: 'POST', json: body });
}
export function createReferral(wbpId: string, body: ReferralBody): Promise<ReferralRecord> {
  return api<ReferralRecord>(`/api/wbp/${enc(wbpId)}/referrals`, { method: 'POST', json: body });
}
/** Where the completion certificate of an enrolment is downloaded from. */
export function certificateUrl(enrolmentId: string): string {
  return `/api/enrolments/${enc(enrolmentId)}/certificate.pdf`;
}
