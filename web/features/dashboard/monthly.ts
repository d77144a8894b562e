import type { DashboardResponse, MonthlyReportQuery } from '../../../shared/contracts/reports.ts';

// The monthly report (PDF, XLSX) of what the dashboard shows: one calendar month, for the one unit
// or the one region the figures cover. The nation as a whole has no monthly report.

export const REPORT_FORMATS = ['pdf', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export type ReportTarget = Pick<MonthlyReportQuery, 'facilityId' | 'regionId'>;

/** The unit or region of the figures on screen; null at nation level, which has no monthly report. */
export function reportTargetOf(dashboard: Pick<DashboardResponse, 'level' | 'scope'>): ReportTarget | null {
  const id = dashboard.scope.id;
  if (id === null) return null;
  if (dashboard.level === 'unit') return { facilityId: id };
  if (dashboard.level === 'region') return { regionId: id };
  return null;
}

/** The API path of the month's report in one format, for one unit or one region. */
export function monthlyReportPath(format: ReportFormat, month: string, target: ReportTarget): string {
  const params = new URLSearchParams({ month });
  if (target.facilityId) params.set('facilityId', target.facilityId);
  else if (target.regionId) params.set('regionId', target.regionId);
  return `/api/reports/monthly.${format}?${params.toString()}`;
}

/** The file's name when the answer does not give one: laporan-bulanan-<what>-2026-11.pdf. */
export function monthlyReportFileName(format: ReportFormat, month: string, scopeName: string): string {
  const slug = scopeName.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `laporan-bulanan-${slug ? `${slug}-` : ''}${month}.${format}`;
}
