import type { SessionTypeBody } from '../../../shared/contracts/programmes.ts';
import { addDays, daysBetween, mondayOf } from '../../../shared/domain/dates.ts';
import { type Context, weighted, wib } from './context.ts';
import type { RoomKey, UnitStaff } from './unit.ts';

// The weekly timetable of a unit over the last weeks before the anchor, as the scheduler would
// have made it: every session type due that week, for the people enrolled that week (groups of at
// most the type's maximum, the whole community, or one person), and attendance for every session
// already held.

export interface ProgrammeRef {
  id: string;
  kind: string;
  weeks: number;
  sessionTypes: readonly SessionTypeBody[];
}

/** A person in a programme from one day to another (the anchor while still under way). */
export interface Member {
  wbpId: string;
  kind: string;
  from: string;
  to: string;
}

/** Weeks of timetable before the anchor, its own week included. */
export const TIMETABLE_WEEKS = 33;

const CLINICAL = new Set(['medical_review', 'urine_test', 'vct', 'ptrm_counselling']);
const COMMUNITY = new Set(['morning_meeting', 'religious', 'recreational', 'vocational']);

function roomFor(code: string, mode: string): RoomKey {
  if (CLINICAL.has(code)) return 'clinic';
  if (mode === 'individual') return code.length % 2 === 0 ? 'counselling1' : 'counselling2';
  if (code === 'seminar') return 'class';
  return 'hall';
}

function staffFor(code: string, staff: UnitStaff): string {
  if (code === 'medical_review') return staff.doctor;
  if (CLINICAL.has(code)) return staff.nurse;
  if (COMMUNITY.has(code)) return staff.officer;
  return staff.counsellor;
}

function time(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

const ABSENCE: readonly [string, number][] = [['court', 0.25], ['sick', 0.3], ['visit', 0.2], ['refused', 0.1], ['security', 0.05], ['other', 0.1]];

export function seedTimetable(
  ctx: Context,
  u: { unitId: string; staff: UnitStaff; rooms: ReadonlyMap<RoomKey, string>; programmes: ReadonlyMap<string, ProgrammeRef>; members: readonly Member[] },
): void {
  const { tables: t, random, anchor, historyStart } = ctx;
  const firstMonday = mondayOf(historyStart);
  const anchorMonday = mondayOf(anchor);
  for (let w = TIMETABLE_WEEKS - 1; w >= 0; w -= 1) {
    const monday = addDays(anchorMonday, -7 * w);
    const friday = addDays(monday, 4);
    const weekIndex = Math.floor(daysBetween(firstMonday, monday) / 7) + 1;
    const weekId = ctx.id();
    const sessions: { id: string; date: string; end: string; staffId: string; values: (string | number | null)[]; people: string[] }[] = [];
    let slot = 0;
    for (const programme of u.programmes.values()) {
      const people = u.members.filter((m) => m.kind === programme.kind && m.from <= friday && m.to >= monday).map((m) => m.wbpId);
      if (people.length === 0) continue;
      for (const type of programme.sessionTypes) {
        if (weekIndex % type.everyWeeks !== 0) continue;
        const groups: string[][] = type.mode === 'individual'
          ? people.map((p) => [p])
          : type.mode === 'community' ? [people]
            : Array.from({ length: Math.ceil(people.length / (type.maxGroup ?? 40)) }, (_, g) => people.filter((_p, i) => i % Math.ceil(people.length / (type.maxGroup ?? 40)) === g));
        for (const [g, group] of groups.entries()) {
          for (let occurrence = 1; occurrence <= type.perWeek; occurrence += 1) {
            slot += 1;
            // Spread over the weekdays; the community meets at 07:30, others from 08:00 in half hours.
            const day = type.perWeek >= 5 ? occurrence - 1 : (slot + occurrence * 2) % 5;
            const date = addDays(monday, day);
            const start = type.code === 'morning_meeting' ? 7 * 60 + 30 : 8 * 60 + ((slot * 30) % (6 * 60));
            const id = ctx.id();
            const end = time(start + type.durationMinutes);
            const staffId = staffFor(type.code, u.staff);
            sessions.push({
              id, date, end, staffId, people: group,
              values: [
                id, weekId, u.unitId, programme.id, type.code, type.name, type.mode, type.mode === 'group' ? `Kelompok ${g + 1}` : null,
                occurrence, date, time(start), end, u.rooms.get(roomFor(type.code, type.mode))!, staffId, 1,
              ],
            });
          }
        }
      }
    }
    if (sessions.length === 0) continue;
    t.timetable_weeks.add([weekId, u.unitId, monday, weekIndex, sessions.length, sessions.length, '[]', '[]', u.staff.counsellor, wib(addDays(monday, -3), 15)]);
    for (const session of sessions) {
      t.timetable_sessions.add(session.values);
      // Attendance is taken once the session has been held: before the anchor.
      const held = session.date < anchor;
      const [hour, minute] = session.end.split(':').map(Number) as [number, number];
      const recordedAt = wib(session.date, Math.max(7, hour), minute);
      for (const wbpId of session.people) {
        t.timetable_session_members.add([session.id, wbpId]);
        if (!held) continue;
        const r = random();
        const status = r < 0.88 ? 'present' : r < 0.96 ? 'absent' : 'excused';
        t.attendance.add([session.id, wbpId, status, status === 'absent' ? weighted(random, ABSENCE) : null, session.staffId, recordedAt]);
      }
    }
  }
}
