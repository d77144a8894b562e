import type { TimelineKind, TimelinePage } from '../../../shared/contracts/record.ts';
import { api } from '../../app/api.ts';

export interface TimelineParams {
  /** Empty: every kind the reader may see. */
  kinds: TimelineKind[];
  page: number;
  pageSize: number;
}

export const recordKeys = {
  /** Under the prefix a save elsewhere refreshes (web/app/careRecord.ts). */
  timeline: (wbpId: string, params: TimelineParams) => ['record', 'timeline', wbpId, params] as const,
};

const enc = encodeURIComponent;

export function fetchTimeline(wbpId: string, params: TimelineParams, signal?: AbortSignal): Promise<TimelinePage> {
  return api<TimelinePage>(`/api/wbp/${enc(wbpId)}/timeline`, {
    query: { kinds: params.kinds.length > 0 ? params.kinds.join(',') : undefined, page: params.page, pageSize: params.pageSize },
    signal,
  });
}
