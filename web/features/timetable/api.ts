import { z } from 'zod';
import {
  conflictRecord, type AttendanceBody, type calendarLink, type checkMoveBody, type ConflictRecord, type checkMoveResult,
  type custodyList, type moveBody, type SessionAttendance, type staffDay, type TimetableSession, type TimetableWeek,
} from '../../../shared/contracts/timetable.ts';
import type { availability } from '../../../shared/contracts/routine.ts';
import { api, ApiError } from '../../app/api.ts';

export type { AttendanceBody, ConflictRecord, SessionAttendance, TimetableSession, TimetableWeek };
export type CustodyList = z.infer<typeof custodyList>;
export type StaffDay = z.infer<typeof staffDay>;
export type CalendarLink = z.infer<typeof calendarLink>;
export type MoveBody = z.output<typeof moveBody>;
export type CheckMoveBody = z.output<typeof checkMoveBody>;
export type CheckMoveResult = z.infer<typeof checkMoveResult>;
export type StaffMember = z.infer<typeof availability>;

const enc = encodeURIComponent;
const facilityPath = (facilityId: string) => `/api/facilities/${enc(facilityId)}`;

export const timetableKeys = {
  all: ['timetable'] as const,
  weekAll: ['timetable', 'week'] as const,
  week: (facilityId: string, week: string) => ['timetable', 'week', facilityId, week] as const,
  check: (sessionId: string, body: CheckMoveBody) => ['timetable', 'check', sessionId, body] as const,
  custody: (facilityId: string, date: string) => ['timetable', 'custody', facilityId, date] as const,
  staffDayAll: ['timetable', 'staff-day'] as const,
  staffDay: (facilityId: string, date: string, staffId: string) => ['timetable', 'staff-day', facilityId, date, staffId] as const,
  calendar: ['timetable', 'calendar'] as const,
  attendance: (sessionId: string) => ['timetable', 'attendance', sessionId] as const,
  /** The same key as the routine screen's staff list, so both share one copy. */
  staff: (facilityId: string) => ['routine', 'staff', facilityId] as const,
  /** The person record's attendance list (web/features/wbp), refreshed after attendance is recorded. */
  personAttendanceAll: ['wbp', 'attendance'] as const,
};

export function fetchWeek(facilityId: string, week: string, signal?: AbortSignal): Promise<TimetableWeek | null> {
  return api<{ week: TimetableWeek | null }>(`${facilityPath(facilityId)}/timetable`, { query: { week }, signal }).then((r) => r.week);
}
export function generateWeek(facilityId: string, weekStart: string): Promise<TimetableWeek> {
  return api<TimetableWeek>(`${facilityPath(facilityId)}/timetable`, { method: 'POST', json: { weekStart } });
}
export function checkMove(sessionId: string, body: CheckMoveBody, signal?: AbortSignal): Promise<CheckMoveResult> {
  return api<CheckMoveResult>(`/api/timetable/sessions/${enc(sessionId)}/check`, { method: 'POST', json: body, signal });
}
export function moveSession(sessionId: string, body: MoveBody): Promise<TimetableSession> {
  return api<TimetableSession>(`/api/timetable/sessions/${enc(sessionId)}`, { method: 'PUT', json: body });
}

const conflictList = z.array(conflictRecord);
/** The conflicts a refused move (409) names; the list may sit beside `error` or inside it. */
export function conflictsOf(error: unknown): ConflictRecord[] {
  if (!(error instanceof ApiError) || error.status !== 409) return [];
  const body = error.body;
  if (body === null || typeof body !== 'object') return [];
  const top = (body as { conflicts?: unknown }).conflicts;
  const inner = (body as { error?: { conflicts?: unknown } }).error?.conflicts;
  const parsed = conflictList.safeParse(top ?? inner);
  return parsed.success ? parsed.data : [];
}

export function fetchCustodyList(facilityId: string, date: string, signal?: AbortSignal): Promise<CustodyList> {
  return api<CustodyList>(`${facilityPath(facilityId)}/custody-list`, { query: { date }, signal });
}
export function fetchStaffDay(facilityId: string, date: string, staffId: string, signal?: AbortSignal): Promise<StaffDay> {
  return api<StaffDay>(`${facilityPath(facilityId)}/staff-day`, { query: { date, staffId: staffId || undefined }, signal });
}
export function fetchStaff(facilityId: string, signal?: AbortSignal): Promise<StaffMember[]> {
  return api<{ items: StaffMember[] }>(`${facilityPath(facilityId)}/staff-availability`, { signal }).then((r) => r.items);
}

export function fetchCalendarLink(signal?: AbortSignal): Promise<CalendarLink | null> {
  return api<{ link: CalendarLink | null }>('/api/me/calendar', { signal }).then((r) => r.link);
}
export function createCalendarLink(): Promise<CalendarLink> {
  return api<CalendarLink>('/api/me/calendar', { method: 'POST' });
}
export function removeCalendarLink(): Promise<null> {
  return api<null>('/api/me/calendar', { method: 'DELETE' });
}

export function fetchAttendance(sessionId: string, signal?: AbortSignal): Promise<SessionAttendance> {
  return api<SessionAttendance>(`/api/timetable/sessions/${enc(sessionId)}/attendance`, { signal });
}
export function saveAttendance(sessionId: string, body: AttendanceBody): Promise<SessionAttendance> {
  return api<SessionAttendance>(`/api/timetable/sessions/${enc(sessionId)}/attendance`, { method: 'PUT', json: body });
}
