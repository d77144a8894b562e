import type {
  PostRehabCandidate, PostRehabEndBody, PostRehabEnrolBody, PostRehabEnrolment,
} from '../../../shared/contracts/postRehab.ts';
import { api } from '../../app/api.ts';

export type { PostRehabCandidate, PostRehabEnrolment };

const enc = encodeURIComponent;

export const postRehabKeys = {
  all: ['post-rehab'] as const,
  roster: (programmeId: string) => ['post-rehab', 'roster', programmeId] as const,
  candidates: (facilityId: string) => ['post-rehab', 'candidates', facilityId] as const,
};

export function fetchRoster(programmeId: string, signal?: AbortSignal): Promise<PostRehabEnrolment[]> {
  return api<{ items: PostRehabEnrolment[] }>(`/api/programmes/${enc(programmeId)}/post-rehab-enrolments`, { signal }).then((r) => r.items);
}

export function fetchCandidates(facilityId: string, signal?: AbortSignal): Promise<PostRehabCandidate[]> {
  return api<{ items: PostRehabCandidate[] }>(`/api/facilities/${enc(facilityId)}/post-rehab-candidates`, { signal }).then((r) => r.items);
}

export function enrolClient(programmeId: string, body: PostRehabEnrolBody): Promise<PostRehabEnrolment> {
  return api<PostRehabEnrolment>(`/api/programmes/${enc(programmeId)}/post-rehab-enrolments`, { method: 'POST', json: body });
}

export function endEnrolment(enrolmentId: string, body: PostRehabEndBody): Promise<PostRehabEnrolment> {
  return api<PostRehabEnrolment>(`/api/post-rehab-enrolments/${enc(enrolmentId)}/end`, { method: 'POST', json: body });
}
