import type { z } from 'zod';
import type { IncidentRecord, IncidentsPage, incidentRequest } from '../../../shared/contracts/notes.ts';
import { api } from '../../app/api.ts';

export type { IncidentRecord, IncidentsPage };
export type IncidentBody = z.output<typeof incidentRequest>;

const enc = encodeURIComponent;

/** Under `['incidents', wbpId]`, which a save refreshes through invalidateCareRecord (web/app/careRecord.ts). */
export const incidentsKeys = {
  page: (wbpId: string, page: number) => ['incidents', wbpId, 'page', page] as const,
};

export function fetchIncidents(wbpId: string, page: number, pageSize: number, signal?: AbortSignal): Promise<IncidentsPage> {
  return api<IncidentsPage>(`/api/wbp/${enc(wbpId)}/incidents`, { query: { page, pageSize }, signal });
}

export function recordIncident(wbpId: string, body: IncidentBody): Promise<IncidentRecord> {
  return api<IncidentRecord>(`/api/wbp/${enc(wbpId)}/incidents`, { method: 'POST', json: body });
}
