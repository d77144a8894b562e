import type { ExportPeriodQuery, ResearchExportQuery, ResearchFile, SirenaFile } from '../../../shared/contracts/exports.ts';
import type { FhirExportQuery } from '../../../shared/contracts/fhir.ts';
import type { OverviewResponse } from '../../../shared/contracts/stats.ts';
import { api, withQuery } from '../../app/api.ts';

const enc = encodeURIComponent;

export type ResearchUnit = Pick<OverviewResponse['facilities'][number], 'id' | 'name' | 'code'>;

export const exportsKeys = {
  /** The units a manager sees in aggregate, which the dashboard's head counts list exactly. */
  researchUnits: ['exports', 'research-units'] as const,
};

/** The units the research files may be narrowed to (the actor's statsFacilityIds, as the server checks `facilityId`). */
export function fetchResearchUnits(signal?: AbortSignal): Promise<ResearchUnit[]> {
  return api<OverviewResponse>('/api/stats/overview', { signal }).then((r) => r.facilities.map(({ id, name, code }) => ({ id, name, code })));
}

export function researchPath(file: ResearchFile, query: ResearchExportQuery): string {
  return withQuery(`/api/exports/research/${file}.csv`, query);
}

export function sirenaPath(facilityId: string, file: SirenaFile, query: ExportPeriodQuery): string {
  return withQuery(`/api/facilities/${enc(facilityId)}/exports/sirena/${file}.csv`, query);
}

export function fhirExportPath(facilityId: string, query: FhirExportQuery): string {
  return withQuery(`/api/facilities/${enc(facilityId)}/fhir/export`, query);
}
