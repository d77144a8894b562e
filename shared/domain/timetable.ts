import type { ROUTINE_KINDS as STORED_ROUTINE_KINDS, EXCEPTION_KINDS as STORED_EXCEPTION_KINDS } from '../contracts/routine.ts';
import { daysBetween } from './dates.ts';
import { type EXCEPTION_KINDS, type RoutineKind, toClock, toMinutes } from './scheduler.ts';

// Still exported here for server/modules/timetable, which imports it from this file; the date
// helpers live in dates.ts.
export { addDays } from './dates.ts';

/** The stored routine kinds (English codes) as the scheduler's Indonesian ones. */
export const ROUTINE_KIND_TO_SCHEDULER: Record<(typeof STORED_ROUTINE_KINDS)[number], RoutineKind> = {
  roll_call: 'apel',
  meal: 'makan',
  worship: 'ibadah',
  work: 'kerja',
  sports: 'olahraga',
  visits: 'kunjungan',
  lock_up: 'penguncian',
  other: 'lainnya',
};

export const EXCEPTION_KIND_TO_SCHEDULER: Record<(typeof STORED_EXCEPTION_KINDS)[number], (typeof EXCEPTION_KINDS)[number]> = {
  holiday: 'holiday',
  lockdown: 'lockdown',
  other: 'event',
};

/** Monday 1 January 2024: week 0 of the programme calendar. */
const CALENDAR_EPOCH = '2024-01-01';

/**
 * Which week of the programme calendar a Monday is: a session type held every n weeks is due in
 * the weeks whose index is a multiple of n, the same weeks in every unit (so "once a month" urine
 * tests fall in the same week across a region).
 */
export function weekIndexOf(monday: string): number {
  return Math.max(0, Math.round(daysBetween(CALENDAR_EPOCH, monday) / 7));
}

/** Session types held in the morning: the TC morning meeting opens the day. */
export const MORNING_SESSION_CODES: ReadonlySet<string> = new Set(['morning_meeting']);
export const MORNING_WINDOW = { start: '07:00', end: '11:00' } as const;

/** The end of a session moved to a new start, keeping its length. Null when it would pass midnight. */
export function movedEnd(start: string, originalStart: string, originalEnd: string): string | null {
  const end = toMinutes(start) + toMinutes(originalEnd) - toMinutes(originalStart);
  return end > 24 * 60 ? null : toClock(end);
}

// --- iCalendar (RFC 5545) -------------------------------------------------------------------------

export interface CalendarEvent {
  uid: string;
  /** Local date and times in the unit's zone. */
  date: string;
  start: string;
  end: string;
  summary: string;
  location: string;
  description: string;
}

/** Text values escape backslash, semicolon, comma and newlines (RFC 5545 §3.3.11). */
function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Lines longer than 75 octets are folded: CRLF and one space, never inside a UTF-8 character. */
const encoder = new TextEncoder();

function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    const limit = out.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

/** A local time in a UTC offset zone with no daylight saving (WIB +07:00, WITA +08:00, WIT +09:00) as a UTC stamp. */
function utcStamp(date: string, time: string, offsetMinutes: number): string {
  const local = Date.parse(`${date}T${time}:00Z`);
  return new Date(local - offsetMinutes * 60_000).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/**
 * A calendar of sessions. Times are written in UTC (Indonesia keeps no daylight saving, so the
 * offset is exact), which every calendar application reads without a VTIMEZONE block.
 */
export function renderCalendar(options: { name: string; events: readonly CalendarEvent[]; offsetMinutes: number; now: Date }): string {
  const stamp = options.now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Pulih//Jadwal rehabilitasi//ID',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.name)}`,
  ];
  for (const e of options.events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${utcStamp(e.date, e.start, options.offsetMinutes)}`,
      `DTEND:${utcStamp(e.date, e.end, options.offsetMinutes)}`,
      `SUMMARY:${escapeText(e.summary)}`,
      `LOCATION:${escapeText(e.location)}`,
      `DESCRIPTION:${escapeText(e.description)}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
