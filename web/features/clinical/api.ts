import type { z } from 'zod';
import type {
  AssessmentRecord, assessmentSummary, SaveAssessmentRequest, ScreeningRecord, worklistItem,
} from '../../../shared/contracts/clinical.ts';
import type { pageOf } from '../../../shared/contracts/common.ts';
import type { WbpDetail } from '../../../shared/contracts/wbp.ts';
import { api } from '../../app/api.ts';

export type WorklistItem = z.infer<typeof worklistItem>;
export type WorklistPage = z.infer<ReturnType<typeof pageOf<typeof worklistItem>>>;
export type AssessmentSummary = z.infer<typeof assessmentSummary>;
export type { AssessmentRecord, ScreeningRecord };

export interface WorklistParams {
  q?: string;
  facilityId?: string;
  page: number;
  pageSize: number;
}

export const clinicalKeys = {
  worklist: (params: WorklistParams) => ['clinical', 'worklist', params] as const,
  worklistAll: ['clinical', 'worklist'] as const,
  screenings: (wbpId: string) => ['clinical', 'screenings', wbpId] as const,
  assessments: (wbpId: string) => ['clinical', 'assessments', wbpId] as const,
  assessment: (id: string) => ['clinical', 'assessment', id] as const,
  /** The same key as the register's person detail, so both screens share one copy. */
  person: (id: string) => ['wbp', 'detail', id] as const,
};

const enc = encodeURIComponent;

export function fetchWorklist(params: WorklistParams, signal?: AbortSignal): Promise<WorklistPage> {
  return api<WorklistPage>('/api/screening/worklist', { query: { ...params }, signal });
}

export function fetchPerson(id: string, signal?: AbortSignal): Promise<WbpDetail> {
  return api<WbpDetail>(`/api/wbp/${enc(id)}`, { signal });
}

export function fetchScreenings(wbpId: string, signal?: AbortSignal): Promise<ScreeningRecord[]> {
  return api<{ items: ScreeningRecord[] }>(`/api/wbp/${enc(wbpId)}/screenings`, { signal }).then((r) => r.items);
}

export function createScreening(wbpId: string, body: { answers: Record<string, unknown>; screenedOn?: string }): Promise<ScreeningRecord> {
  return api<ScreeningRecord>(`/api/wbp/${enc(wbpId)}/screenings`, { method: 'POST', json: body });
}

export function fetchAssessments(wbpId: string, signal?: AbortSignal): Promise<AssessmentSummary[]> {
  return api<{ items: AssessmentSummary[] }>(`/api/wbp/${enc(wbpId)}/assessments`, { signal }).then((r) => r.items);
}

export function startAssessment(wbpId: string, screeningId: string | null): Promise<AssessmentRecord> {
  return api<AssessmentRecord>(`/api/wbp/${enc(wbpId)}/assessments`, { method: 'POST', json: { screeningId } });
}

export function fetchAssessment(id: string, signal?: AbortSignal): Promise<AssessmentRecord> {
  return api<AssessmentRecord>(`/api/assessments/${enc(id)}`, { signal });
}

export function saveAssessment(id: string, body: SaveAssessmentRequest, signal?: AbortSignal): Promise<AssessmentRecord> {
  return api<AssessmentRecord>(`/api/assessments/${enc(id)}`, { method: 'PUT', json: body, signal });
}

export function signAssessment(id: string, version: number): Promise<AssessmentRecord> {
  return api<AssessmentRecord>(`/api/assessments/${enc(id)}/sign`, { method: 'POST', json: { version } });
}

export function addAddendum(id: string, text: string): Promise<AssessmentRecord> {
  return api<AssessmentRecord>(`/api/assessments/${enc(id)}/addenda`, { method: 'POST', json: { text } });
}
