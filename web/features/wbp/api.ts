import type { z } from 'zod';
import { pageOf, type LegalStatus } from '../../../shared/contracts/common.ts';
import type {
  CreateWbpRequest,
  WbpCustodyFilter,
  TransferWbpRequest,
  UpdateWbpRequest,
  WbpDetail,
  wbpSummary,
} from '../../../shared/contracts/wbp.ts';
import type { personAttendanceList } from '../../../shared/contracts/timetable.ts';
import { api } from '../../app/api.ts';

type PersonAttendanceList = z.infer<typeof personAttendanceList>;
type WbpPage = z.infer<ReturnType<typeof pageOf<typeof wbpSummary>>>;

export interface WbpListParams {
  q?: string;
  block?: string;
  legalStatus?: LegalStatus;
  facilityId?: string;
  sort: 'name' | 'admission';
  /** Left out for the default: the people held. */
  custody?: WbpCustodyFilter;
  page: number;
  pageSize: number;
}

export const wbpKeys = {
  all: ['wbp'] as const,
  list: (params: WbpListParams) => ['wbp', 'list', params] as const,
  detail: (id: string) => ['wbp', 'detail', id] as const,
  blocks: (facilityId: string | undefined) => ['wbp', 'blocks', facilityId ?? ''] as const,
  /** The attendance screen (web/features/timetable) refreshes every ['wbp', 'attendance', …] after recording a session. */
  attendance: (wbpId: string) => ['wbp', 'attendance', wbpId] as const,
};

export function fetchWbpList(params: WbpListParams, signal?: AbortSignal): Promise<WbpPage> {
  return api<WbpPage>('/api/wbp', { query: { ...params }, signal });
}

export function fetchBlocks(facilityId: string | undefined, signal?: AbortSignal): Promise<string[]> {
  return api<{ items: string[] }>('/api/wbp/blocks', { query: { facilityId }, signal }).then((r) => r.items);
}

export function fetchPersonAttendance(wbpId: string, signal?: AbortSignal): Promise<PersonAttendanceList> {
  return api<PersonAttendanceList>(`/api/wbp/${encodeURIComponent(wbpId)}/attendance`, { signal });
}

export function fetchWbp(id: string, signal?: AbortSignal): Promise<WbpDetail> {
  return api<WbpDetail>(`/api/wbp/${encodeURIComponent(id)}`, { signal });
}

export function createWbp(body: CreateWbpRequest): Promise<WbpDetail> {
  return api<WbpDetail>('/api/wbp', { method: 'POST', json: body });
}

export function updateWbp(id: string, body: UpdateWbpRequest): Promise<WbpDetail> {
  return api<WbpDetail>(`/api/wbp/${encodeURIComponent(id)}`, { method: 'PUT', json: body });
}

export function transferWbp(id: string, body: TransferWbpRequest): Promise<WbpDetail> {
  return api<WbpDetail>(`/api/wbp/${encodeURIComponent(id)}/transfer`, { method: 'POST', json: body });
}
