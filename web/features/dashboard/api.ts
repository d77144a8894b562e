import type { AgreementAlerts, AgreementSummary } from '../../../shared/contracts/agreements.ts';
import type { OverviewResponse } from '../../../shared/contracts/stats.ts';
import { api } from '../../app/api.ts';

export type FacilityStats = OverviewResponse['facilities'][number];

export function fetchOverview(signal?: AbortSignal): Promise<FacilityStats[]> {
  return api<OverviewResponse>('/api/stats/overview', { signal }).then((r) => r.facilities);
}

/** Agreements ending soon or lately ended, under the same key as the agreements screens. */
export const agreementAlertsKey = ['agreements', 'alerts'] as const;
export function fetchAgreementAlerts(signal?: AbortSignal): Promise<AgreementSummary[]> {
  return api<AgreementAlerts>('/api/agreements/alerts', { signal }).then((r) => r.items);
}
