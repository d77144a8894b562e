import type { OverviewResponse } from '../../../shared/contracts/stats.ts';
import { api } from '../../app/api.ts';

export type FacilityStats = OverviewResponse['facilities'][number];

export function fetchOverview(signal?: AbortSignal): Promise<FacilityStats[]> {
  return api<OverviewResponse>('/api/stats/overview', { signal }).then((r) => r.facilities);
}
