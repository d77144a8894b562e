import type { z } from 'zod';
import type {
  DecisionRecord, DecisionRequest, EnrolmentRecord, pendingDecision, ProgrammeRecord,
} from '../../../shared/contracts/programmes.ts';
import { api } from '../../app/api.ts';

export type PendingDecision = z.infer<typeof pendingDecision>;
export type { DecisionRecord, DecisionRequest, EnrolmentRecord, ProgrammeRecord };

const enc = encodeURIComponent;

export const placementKeys = {
  pending: (facilityId: string) => ['placement', 'pending', facilityId] as const,
  pendingAll: ['placement', 'pending'] as const,
  roster: (programmeId: string) => ['placement', 'roster', programmeId] as const,
  rosterAll: ['placement', 'roster'] as const,
  /** The same key as the programme catalogue, so both screens share one copy. */
  programmes: (facilityId: string) => ['programmes', facilityId] as const,
  programme: (id: string) => ['programme', id] as const,
};

export function fetchPending(facilityId: string, signal?: AbortSignal): Promise<PendingDecision[]> {
  return api<{ items: PendingDecision[] }>(`/api/facilities/${enc(facilityId)}/placement/pending`, { signal }).then((r) => r.items);
}

export function fetchProgrammes(facilityId: string, signal?: AbortSignal): Promise<ProgrammeRecord[]> {
  return api<{ items: ProgrammeRecord[] }>(`/api/facilities/${enc(facilityId)}/programmes`, { signal }).then((r) => r.items);
}

export function fetchProgramme(id: string, signal?: AbortSignal): Promise<ProgrammeRecord> {
  return api<ProgrammeRecord>(`/api/programmes/${enc(id)}`, { signal });
}

export function decide(wbpId: string, body: DecisionRequest): Promise<DecisionRecord> {
  return api<DecisionRecord>(`/api/wbp/${enc(wbpId)}/decisions`, { method: 'POST', json: body });
}

export function fetchRoster(programmeId: string, signal?: AbortSignal): Promise<EnrolmentRecord[]> {
  return api<{ items: EnrolmentRecord[] }>(`/api/programmes/${enc(programmeId)}/enrolments`, { signal }).then((r) => r.items);
}
