import type { AgreementAlerts, AgreementSummary } from '../../../shared/contracts/agreements.ts';
import type { DashboardResponse, IndicatorsQuery } from '../../../shared/contracts/reports.ts';
import { api } from '../../app/api.ts';

export const dashboardKeys = {
  all: ['reports', 'dashboard'] as const,
  of: (query: IndicatorsQuery) => [...dashboardKeys.all, query] as const,
};

/** The indicators of a period for one unit, one region, or all the user sees, with the choices of filter. */
export function fetchDashboard(query: IndicatorsQuery, signal?: AbortSignal): Promise<DashboardResponse> {
  return api<DashboardResponse>('/api/reports/dashboard', { query: { ...query }, signal });
}

/** Agreements ending soon or lately ended, under the same key as the agreements screens. */
export const agreementAlertsKey = ['agreements', 'alerts'] as const;
export function fetchAgreementAlerts(signal?: AbortSignal): Promise<AgreementSummary[]> {
  return api<AgreementAlerts>('/api/agreements/alerts', { signal }).then((r) => r.items);
}
