import type { z } from 'zod';
import type { IncidentRecord, IncidentsPage, incidentRequest } from '../../../shared/contracts/notes.ts';
import type { WbpDetail } from '../../../shared/contracts/wbp.ts';
import { api } from '../../app/api.ts';

export type { IncidentRecord, IncidentsPage };
export type IncidentBody = z.output<typeof incidentRequest>;

const enc = encodeURIComponent;

export const incidentsKeys = {
  /** The same key as the register's person detail, so the screens share one copy. */
  person: (id: string) => ['wbp', 'detail', id] as const,
  all: (wbpId: string) => ['incidents', wbpId] as const,
  page: (wbpId: string, page: number) => ['incidents', wbpId, 'page', page] as const,
};

export function fetchPerson(id: string, signal?: AbortSignal): Promise<WbpDetail> {
  return api<WbpDetail>(`/api/wbp/${enc(id)}`, { signal });
}

export function fetchIncidents(wbpId: string, page: number, pageSize: number, signal?: AbortSignal): Promise<IncidentsPage> {
  return api<IncidentsPage>(`/api/wbp/${enc(wbpId)}/incidents`, { query: { page, pageSize }, signal });
}

export function recordIncident(wbpId: string, body: IncidentBody): Promise<IncidentRecord> {
  return api<IncidentRecord>(`/api/wbp/${enc(wbpId)}/incidents`, { method: 'POST', json: body });
}
