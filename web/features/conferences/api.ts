import type { ConferenceBody, ConferenceList, ConferenceRecord, PersonOutcomes } from '../../../shared/contracts/conferences.ts';
import type { ProgrammeRecord } from '../../../shared/contracts/programmes.ts';
import { api } from '../../app/api.ts';

const enc = encodeURIComponent;
const PAGE_SIZE = 25;

export const conferenceKeys = {
  all: ['conferences'] as const,
  list: (facilityId: string, page: number) => ['conferences', 'list', facilityId, page] as const,
  detail: (id: string) => ['conferences', 'detail', id] as const,
  /** The same key as the person's outcomes page (web/features/outcomes), refreshed after a conference. */
  outcomes: (wbpId: string) => ['wbp', 'outcomes', wbpId] as const,
  /** The same key as the programme catalogue screen, so both share one copy. */
  programmes: (facilityId: string) => ['programmes', facilityId] as const,
};

export function fetchConferences(facilityId: string, page: number, signal?: AbortSignal): Promise<ConferenceList> {
  return api<ConferenceList>(`/api/facilities/${enc(facilityId)}/conferences`, { query: { page, pageSize: PAGE_SIZE }, signal });
}
export function createConference(facilityId: string, body: ConferenceBody): Promise<ConferenceRecord> {
  return api<ConferenceRecord>(`/api/facilities/${enc(facilityId)}/conferences`, { method: 'POST', json: body });
}
export function fetchConference(id: string, signal?: AbortSignal): Promise<ConferenceRecord> {
  return api<ConferenceRecord>(`/api/conferences/${enc(id)}`, { signal });
}
export function fetchOutcomes(wbpId: string, signal?: AbortSignal): Promise<PersonOutcomes> {
  return api<PersonOutcomes>(`/api/wbp/${enc(wbpId)}/outcomes`, { signal });
}
export function fetchProgrammes(facilityId: string, signal?: AbortSignal): Promise<ProgrammeRecord[]> {
  return api<{ items: ProgrammeRecord[] }>(`/api/facilities/${enc(facilityId)}/programmes`, { signal }).then((r) => r.items);
}
