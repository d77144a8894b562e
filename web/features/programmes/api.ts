import type { ProgrammeBody, ProgrammeRecord } from '../../../shared/contracts/programmes.ts';
import { api } from '../../app/api.ts';

export const programmeKeys = {
  catalogue: (facilityId: string) => ['programmes', facilityId] as const,
  one: (id: string) => ['programme', id] as const,
};

const facilityPath = (facilityId: string) => `/api/facilities/${encodeURIComponent(facilityId)}/programmes`;

export function fetchProgrammes(facilityId: string, signal?: AbortSignal): Promise<ProgrammeRecord[]> {
  return api<{ items: ProgrammeRecord[] }>(facilityPath(facilityId), { signal }).then((r) => r.items);
}

/** Adds the default programmes the unit lacks (matched by name); answers the whole catalogue. */
export function addDefaultProgrammes(facilityId: string): Promise<ProgrammeRecord[]> {
  return api<{ items: ProgrammeRecord[] }>(`${facilityPath(facilityId)}/defaults`, { method: 'POST' }).then((r) => r.items);
}

export function fetchProgramme(id: string, signal?: AbortSignal): Promise<ProgrammeRecord> {
  return api<ProgrammeRecord>(`/api/programmes/${encodeURIComponent(id)}`, { signal });
}

export function createProgramme(facilityId: string, body: ProgrammeBody): Promise<ProgrammeRecord> {
  return api<ProgrammeRecord>(facilityPath(facilityId), { method: 'POST', json: body });
}

export function updateProgramme(id: string, body: ProgrammeBody & { version: number }): Promise<ProgrammeRecord> {
  return api<ProgrammeRecord>(`/api/programmes/${encodeURIComponent(id)}`, { method: 'PUT', json: body });
}
