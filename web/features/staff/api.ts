import type { Paged } from '../../components/PagedQueryView.tsx';
import type { ProgrammeRecord } from '../../../shared/contracts/programmes.ts';
import type {
  EndPeerCounsellorRequest, PeerCandidate, PeerCounsellorRecord, PeerCounsellorRequest, StaffMember, StaffQualification, StaffQualificationRequest,
  TrainingItem, TrainingRecord, TrainingRequest,
} from '../../../shared/contracts/staff.ts';
import { api } from '../../app/api.ts';

const enc = encodeURIComponent;
const PAGE_SIZE = 25;

export interface StaffParams { q?: string | undefined; kind?: string | undefined; state?: string | undefined; page: number }
export interface TrainingParams { q?: string | undefined; kind?: string | undefined; page: number }
export interface PeerParams { q?: string | undefined; status: 'active' | 'ended' | 'all'; page: number }

export const staffKeys = {
  all: ['staff'] as const,
  directory: (facilityId: string, p: StaffParams) => ['staff', 'directory', facilityId, p] as const,
  everyone: (facilityId: string) => ['staff', 'everyone', facilityId] as const,
  trainings: (facilityId: string, p: TrainingParams) => ['staff', 'trainings', facilityId, p] as const,
  training: (id: string) => ['staff', 'training', id] as const,
  peers: (facilityId: string, p: PeerParams) => ['staff', 'peers', facilityId, p] as const,
  candidates: (facilityId: string) => ['staff', 'candidates', facilityId] as const,
  /** The same key as the programme catalogue screen, so both share one copy. */
  programmes: (facilityId: string) => ['programmes', facilityId] as const,
};

export function fetchStaff(facilityId: string, p: StaffParams, signal?: AbortSignal): Promise<Paged<StaffMember>> {
  return api<Paged<StaffMember>>(`/api/facilities/${enc(facilityId)}/staff`, { query: { ...p, pageSize: PAGE_SIZE }, signal });
}
/** Everyone in the unit's directory (up to 200), for choosing training participants. */
export function fetchAllStaff(facilityId: string, signal?: AbortSignal): Promise<StaffMember[]> {
  return api<Paged<StaffMember>>(`/api/facilities/${enc(facilityId)}/staff`, { query: { pageSize: 200 }, signal }).then((r) => r.items);
}
export function recordQualification(facilityId: string, userId: string, body: StaffQualificationRequest): Promise<StaffQualification> {
  return api<StaffQualification>(`/api/facilities/${enc(facilityId)}/staff/${enc(userId)}/qualifications`, { method: 'POST', json: body });
}
export function fetchTrainings(facilityId: string, p: TrainingParams, signal?: AbortSignal): Promise<Paged<TrainingItem>> {
  return api<Paged<TrainingItem>>(`/api/facilities/${enc(facilityId)}/trainings`, { query: { ...p, pageSize: PAGE_SIZE }, signal });
}
export function createTraining(facilityId: string, body: TrainingRequest): Promise<TrainingRecord> {
  return api<TrainingRecord>(`/api/facilities/${enc(facilityId)}/trainings`, { method: 'POST', json: body });
}
export function fetchTraining(id: string, signal?: AbortSignal): Promise<TrainingRecord> {
  return api<TrainingRecord>(`/api/trainings/${enc(id)}`, { signal });
}
export function fetchPeers(facilityId: string, p: PeerParams, signal?: AbortSignal): Promise<Paged<PeerCounsellorRecord>> {
  return api<Paged<PeerCounsellorRecord>>(`/api/facilities/${enc(facilityId)}/peer-counsellors`, { query: { ...p, pageSize: PAGE_SIZE }, signal });
}
export function fetchCandidates(facilityId: string, signal?: AbortSignal): Promise<PeerCandidate[]> {
  return api<PeerCandidate[]>(`/api/facilities/${enc(facilityId)}/peer-counsellors/candidates`, { signal });
}
export function appointPeer(facilityId: string, body: PeerCounsellorRequest): Promise<PeerCounsellorRecord> {
  return api<PeerCounsellorRecord>(`/api/facilities/${enc(facilityId)}/peer-counsellors`, { method: 'POST', json: body });
}
export function endPeer(id: string, body: EndPeerCounsellorRequest): Promise<PeerCounsellorRecord> {
  return api<PeerCounsellorRecord>(`/api/peer-counsellors/${enc(id)}/end`, { method: 'POST', json: body });
}
export function fetchProgrammes(facilityId: string, signal?: AbortSignal): Promise<ProgrammeRecord[]> {
  return api<{ items: ProgrammeRecord[] }>(`/api/facilities/${enc(facilityId)}/programmes`, { signal }).then((r) => r.items);
}
