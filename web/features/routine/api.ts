import type { z } from 'zod';
import type {
  availability, availabilityBody, courtDate, courtDateBody, nonAssociation, nonAssociationBody, room, roomBody, routineBlock,
  routineBlockBody, routineException, routineExceptionBody,
} from '../../../shared/contracts/routine.ts';
import type { WbpDetail, WbpSummary } from '../../../shared/contracts/wbp.ts';
import { api } from '../../app/api.ts';

export type RoutineBlock = z.infer<typeof routineBlock>;
export type RoutineException = z.infer<typeof routineException>;
export type Room = z.infer<typeof room>;
export type CourtDate = z.infer<typeof courtDate>;
export type NonAssociation = z.infer<typeof nonAssociation>;
export type Availability = z.infer<typeof availability>;
export interface Routine {
  blocks: RoutineBlock[];
  exceptions: RoutineException[];
  rooms: Room[];
}

const enc = encodeURIComponent;
const facilityPath = (facilityId: string) => `/api/facilities/${enc(facilityId)}`;

export const routineKeys = {
  routine: (facilityId: string) => ['routine', facilityId] as const,
  staff: (facilityId: string) => ['routine', 'staff', facilityId] as const,
  courtDates: (wbpId: string) => ['routine', 'court-dates', wbpId] as const,
  nonAssociations: (wbpId: string) => ['routine', 'non-associations', wbpId] as const,
  /** The same key as the register's person detail, so both screens share one copy. */
  person: (id: string) => ['wbp', 'detail', id] as const,
  search: (facilityId: string, q: string) => ['routine', 'person-search', facilityId, q] as const,
};

export function fetchRoutine(facilityId: string, signal?: AbortSignal): Promise<Routine> {
  return api<Routine>(`${facilityPath(facilityId)}/routine`, { signal });
}
export function addBlock(facilityId: string, body: z.output<typeof routineBlockBody>): Promise<RoutineBlock> {
  return api<RoutineBlock>(`${facilityPath(facilityId)}/routine/blocks`, { method: 'POST', json: body });
}
export function removeBlock(id: string): Promise<null> {
  return api<null>(`/api/routine/blocks/${enc(id)}`, { method: 'DELETE' });
}
export function addException(facilityId: string, body: z.output<typeof routineExceptionBody>): Promise<RoutineException> {
  return api<RoutineException>(`${facilityPath(facilityId)}/routine/exceptions`, { method: 'POST', json: body });
}
export function removeException(id: string): Promise<null> {
  return api<null>(`/api/routine/exceptions/${enc(id)}`, { method: 'DELETE' });
}
export function addRoom(facilityId: string, body: z.output<typeof roomBody>): Promise<Room> {
  return api<Room>(`${facilityPath(facilityId)}/rooms`, { method: 'POST', json: body });
}
export function updateRoom(id: string, body: z.output<typeof roomBody>): Promise<Room> {
  return api<Room>(`/api/rooms/${enc(id)}`, { method: 'PUT', json: body });
}

export function fetchStaff(facilityId: string, signal?: AbortSignal): Promise<Availability[]> {
  return api<{ items: Availability[] }>(`${facilityPath(facilityId)}/staff-availability`, { signal }).then((r) => r.items);
}
export function saveStaff(facilityId: string, userId: string, body: z.output<typeof availabilityBody>): Promise<Availability> {
  return api<Availability>(`${facilityPath(facilityId)}/staff-availability/${enc(userId)}`, { method: 'PUT', json: body });
}

export function fetchPerson(id: string, signal?: AbortSignal): Promise<WbpDetail> {
  return api<WbpDetail>(`/api/wbp/${enc(id)}`, { signal });
}
export function searchPeople(facilityId: string, q: string, signal?: AbortSignal): Promise<WbpSummary[]> {
  return api<{ items: WbpSummary[] }>('/api/wbp', { query: { q, facilityId, page: 1, pageSize: 10 }, signal }).then((r) => r.items);
}
export function fetchCourtDates(wbpId: string, signal?: AbortSignal): Promise<CourtDate[]> {
  return api<{ items: CourtDate[] }>(`/api/wbp/${enc(wbpId)}/court-dates`, { signal }).then((r) => r.items);
}
export function addCourtDate(wbpId: string, body: z.output<typeof courtDateBody>): Promise<CourtDate> {
  return api<CourtDate>(`/api/wbp/${enc(wbpId)}/court-dates`, { method: 'POST', json: body });
}
export function removeCourtDate(id: string): Promise<null> {
  return api<null>(`/api/court-dates/${enc(id)}`, { method: 'DELETE' });
}
export function fetchNonAssociations(wbpId: string, signal?: AbortSignal): Promise<NonAssociation[]> {
  return api<{ items: NonAssociation[] }>(`/api/wbp/${enc(wbpId)}/non-associations`, { signal }).then((r) => r.items);
}
export function addNonAssociation(wbpId: string, body: z.output<typeof nonAssociationBody>): Promise<NonAssociation> {
  return api<NonAssociation>(`/api/wbp/${enc(wbpId)}/non-associations`, { method: 'POST', json: body });
}
export function removeNonAssociation(id: string): Promise<null> {
  return api<null>(`/api/non-associations/${enc(id)}`, { method: 'DELETE' });
}
