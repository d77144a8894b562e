import type { TimelineKind, TimelinePage } from '../../../shared/contracts/record.ts';
import type { WbpDetail } from '../../../shared/contracts/wbp.ts';
import { api } from '../../app/api.ts';

export interface TimelineParams {
  /** Empty: every kind the reader may see. */
  kinds: TimelineKind[];
  page: number;
  pageSize: number;
}

export const recordKeys = {
  /** The same key as the register's person detail, so the screens share one copy. */
  person: (id: string) => ['wbp', 'detail', id] as const,
  all: (wbpId: string) => ['record', 'timeline', wbpId] as const,
  timeline: (wbpId: string, params: TimelineParams) => ['record', 'timeline', wbpId, params] as const,
};

const enc = encodeURIComponent;

export function fetchPerson(id: string, signal?: AbortSignal): Promise<WbpDetail> {
  return api<WbpDetail>(`/api/wbp/${enc(id)}`, { signal });
}

export function fetchTimeline(wbpId: string, params: TimelineParams, signal?: AbortSignal): Promise<TimelinePage> {
  return api<TimelinePage>(`/api/wbp/${enc(wbpId)}/timeline`, {
    query: { kinds: params.kinds.length > 0 ? params.kinds.join(',') : undefined, page: params.page, pageSize: params.pageSize },
    signal,
  });
}
