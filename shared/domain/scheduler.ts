import { z } from 'zod';
import { SESSION_MODES, type SessionTypeBody } from '../contracts/programmes.ts';
import { addDays, daysBetween, isoWeekday } from './dates.ts';

/**
 * The automatic weekly timetable of a unit's rehabilitation programmes (domain.md §2): sessions
 * are fitted around the routine pembinaan programme (roll calls, meals, worship, work, sports,
 * visits, lock-up), the detainees' court days and the staff's hours, never the other way round.
 *
 * Pure: no clock, no IO, no randomness. The same input always gives the same timetable.
 *
 * Model. Time is a grid of `slotMinutes` steps from each day's opening; every session starts on
 * the grid and lasts its `durationMinutes` (a 45-minute session started at 09:00 keeps the
 * 09:30 start of the same room, staff member and people busy, because the next start on the grid
 * is 10:00). Routine blocks, exceptions, court times and staff hours are exact minute ranges and
 * need not lie on the grid. Each session has one staff member and one room; a room's capacity
 * counts participants only.
 */

// --- Input ---------------------------------------------------------------------------------------

export const ROUTINE_KINDS = ['apel', 'makan', 'ibadah', 'kerja', 'olahraga', 'kunjungan', 'penguncian', 'lainnya'] as const;
export type RoutineKind = (typeof ROUTINE_KINDS)[number];
export const EXCEPTION_KINDS = ['holiday', 'lockdown', 'event'] as const;
export const UNAVAILABILITY_REASONS = ['court', 'medical', 'transfer', 'other'] as const;

const CLOCK = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;
const clock = z.string().regex(CLOCK, { message: 'scheduler.clockFormat' });
const isoDate = z.iso.date();
/** ISO day of the week: 1 = Monday … 7 = Sunday. */
const weekday = z.number().int().min(1).max(7);
const id = z.string().min(1).max(120);

/** Minutes since midnight of a `HH:MM` clock time (`24:00` is 1440). */
export function toMinutes(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** The `HH:MM` clock time of minutes since midnight. */
export function toClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

const ordered = (r: { start: string; end: string }) => toMinutes(r.start) < toMinutes(r.end);
/** Both ends (a time range) or neither (the whole day). */
const wholeDayOrOrdered = (r: { start?: string | undefined; end?: string | undefined }) =>
  (r.start === undefined && r.end === undefined) || (r.start !== undefined && r.end !== undefined && toMinutes(r.start) < toMinutes(r.end));
const rangeOrder = { message: 'scheduler.rangeOrder', path: ['end'] };

const weeklyWindow = z.object({ dayOfWeek: weekday, start: clock, end: clock }).refine(ordered, rangeOrder);
const timeRange = z.object({ start: clock, end: clock }).refine(ordered, rangeOrder);

export const routineBlockSchema = z
  .object({
    dayOfWeek: weekday,
    start: clock,
    end: clock,
    kind: z.enum(ROUTINE_KINDS),
    label: z.string().max(120).optional(),
    /** Only these people are held by the block (a work detail, a visiting block); absent = everyone. */
    participantIds: z.array(id).optional(),
  })
  .refine(ordered, rangeOrder);
export type RoutineBlock = z.input<typeof routineBlockSchema>;

export const unitExceptionSchema = z
  .object({
    date: isoDate,
    /** Without start and end the whole day is closed. */
    start: clock.optional(),
    end: clock.optional(),
    kind: z.enum(EXCEPTION_KINDS),
    label: z.string().max(120).optional(),
  })
  .refine(wholeDayOrOrdered, rangeOrder);

const dateRange = z
  .object({ date: isoDate, start: clock.optional(), end: clock.optional(), reason: z.enum(UNAVAILABILITY_REASONS).default('other'), note: z.string().max(200).optional() })
  .refine(wholeDayOrOrdered, rangeOrder);

export const roomSchema = z.object({ id, name: z.string().max(120).default(''), capacity: z.number().int().min(1) });

export const staffSchema = z.object({
  id,
  name: z.string().max(120).default(''),
  /** Weekly hours of work; a session must lie inside one (adjacent windows join). */
  availability: z.array(weeklyWindow),
  /** Leave, training, court escort: dates (whole day or a range) when the weekly hours do not hold. */
  exceptions: z.array(dateRange).default([]),
});

export const participantSchema = z.object({
  id,
  name: z.string().max(120).default(''),
  /** The programmes the person is in and, for each, the session types the person needs. */
  enrolments: z.array(z.object({ programmeId: id, sessionCodes: z.array(z.string()) })).default([]),
  /** Court days of detainees and other absences, by date: the whole day or a range. */
  unavailability: z.array(dateRange).default([]),
});

export const demandSchema = z
  .object({
    programmeId: id,
    sessionCode: z.string().min(1),
    name: z.string().max(200).default(''),
    mode: z.enum(SESSION_MODES),
    perWeek: z.number().int().min(1).max(14),
    /** Due in the weeks whose `weekIndex` is a multiple of it (1 = every week). */
    everyWeeks: z.number().int().min(1).max(26).default(1),
    durationMinutes: z.number().int().min(5).max(600),
    minGroup: z.number().int().min(1).nullable().default(null),
    maxGroup: z.number().int().min(1).nullable().default(null),
    /** Staff who may run the session; one of them runs each session. */
    staffIds: z.array(id),
    /** Rooms it may use; null = any room with enough capacity. */
    roomIds: z.array(id).nullable().default(null),
    /** Hours of the day the session must lie within (a morning meeting in the morning). */
    within: timeRange.nullable().default(null),
  })
  .refine((d) => d.mode !== 'group' || (d.minGroup !== null && d.maxGroup !== null), { message: 'scheduler.groupSizeRequired', path: ['maxGroup'] })
  .refine((d) => d.minGroup === null || d.maxGroup === null || d.minGroup <= d.maxGroup, { message: 'scheduler.groupSizeOrder', path: ['maxGroup'] });
export type Demand = z.output<typeof demandSchema>;

const MONDAY_TO_FRIDAY = [1, 2, 3, 4, 5].map((dayOfWeek) => ({ dayOfWeek, start: '07:00', end: '17:00' }));

export const schedulerInputSchema = z
  .object({
    /** Monday of the week to plan (YYYY-MM-DD). */
    weekStart: isoDate.refine((d) => isoWeekday(d) === 1, { message: 'scheduler.weekStartMonday' }),
    /**
     * Which week of the programme calendar this is: a demand held every n weeks is due when
     * weekIndex is a multiple of n (week 0 holds everything). The caller counts the weeks.
     */
    weekIndex: z.number().int().min(0).default(0),
    slotMinutes: z.number().int().min(5).max(240).default(30),
    /** The days sessions may be held and each day's window; default Monday–Friday 07:00–17:00. */
    days: z.array(weeklyWindow).default(MONDAY_TO_FRIDAY)
      .refine((ds) => new Set(ds.map((d) => d.dayOfWeek)).size === ds.length, { message: 'scheduler.duplicateDay' }),
    /** The routine pembinaan programme, every week: no session may overlap a block. */
    routine: z.array(routineBlockSchema).default([]),
    exceptions: z.array(unitExceptionSchema).default([]),
    rooms: z.array(roomSchema),
    staff: z.array(staffSchema),
    participants: z.array(participantSchema),
    /** Pairs who must never share a group or a session. */
    nonAssociations: z.array(z.tuple([id, id])).default([]),
    demands: z.array(demandSchema),
  })
  .superRefine((input, ctx) => {
    const unique = (ids: string[], path: string) => {
      if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', message: 'scheduler.duplicateId', path: [path] });
    };
    unique(input.rooms.map((r) => r.id), 'rooms');
    unique(input.staff.map((s) => s.id), 'staff');
    unique(input.participants.map((p) => p.id), 'participants');
    unique(input.demands.map(demandKey), 'demands');
  });

export type SchedulerInput = z.input<typeof schedulerInputSchema>;
export type ParsedSchedulerInput = z.output<typeof schedulerInputSchema>;

/** The key of a demand: programme and session type. */
export function demandKey(d: { programmeId: string; sessionCode: string }): string {
  return `${d.programmeId}:${d.sessionCode}`;
}

/** Is the demand held in this week of the programme calendar? */
export function isDue(d: { everyWeeks?: number | undefined }, weekIndex: number): boolean {
  return weekIndex % (d.everyWeeks ?? 1) === 0;
}

/** A demand from a programme's session type (shared/contracts/programmes.ts) and the unit's resources for it. */
export function demandFromSessionType(
  programmeId: string,
  type: SessionTypeBody,
  resources: { staffIds: string[]; roomIds?: string[] | null; within?: { start: string; end: string } | null },
): z.input<typeof demandSchema> {
  return {
    programmeId, sessionCode: type.code, name: type.name, mode: type.mode, perWeek: type.perWeek, everyWeeks: type.everyWeeks,
    durationMinutes: type.durationMinutes, minGroup: type.minGroup, maxGroup: type.maxGroup,
    staffIds: resources.staffIds, roomIds: resources.roomIds ?? null, within: resources.within ?? null,
  };
}

// --- Output --------------------------------------------------------------------------------------

/** Where and when one session is held: what a manual move changes and `findConflicts` checks. */
export interface SessionPlacement {
  id: string;
  demandKey: string;
  date: string;
  start: string;
  end: string;
  roomId: string;
  staffId: string;
  participantIds: string[];
}

export interface ScheduledSession extends SessionPlacement {
  programmeId: string;
  sessionCode: string;
  /** The static group (group and community modes), or null for an individual session. */
  groupId: string | null;
  /** The person of an individual session, or null. */
  participantId: string | null;
  /** 1-based: the n-th session of this group or person for this demand in the week. */
  occurrence: number;
}

export interface Group {
  id: string;
  demandKey: string;
  mode: 'group' | 'community';
  participantIds: string[];
}

export const UNPLACED_CODES = [
  'no_room', 'no_staff', 'outside_hours', 'routine', 'participant_unavailable', 'no_common_time', 'busy', 'group_size', 'non_association',
] as const;
export type UnplacedCode = (typeof UNPLACED_CODES)[number];

export interface UnplacedSession {
  id: string;
  demandKey: string;
  groupId: string | null;
  participantId: string | null;
  participantIds: string[];
  occurrence: number;
  /** 'grouping': the person could not be put in any group, so has no session to place; 'placement': the session found no time. */
  stage: 'grouping' | 'placement';
  code: UnplacedCode;
  /** Values for the translated message. */
  params: Record<string, string | number>;
  /** The reason in plain words (English); the interface translates `code` with `params`. */
  reason: string;
}

export interface ScheduleResult {
  weekStart: string;
  weekIndex: number;
  groups: Group[];
  sessions: ScheduledSession[];
  unplaced: UnplacedSession[];
  /** Sessions due this week (placed + unplaced) and how many were placed. */
  stats: { required: number; placed: number };
}

export const CONFLICT_KINDS = [
  'unknown_demand', 'unknown_room', 'unknown_staff', 'unknown_participant', 'bad_time', 'outside_week', 'closed_day', 'outside_window',
  'outside_demand_window', 'routine', 'exception', 'participant_routine', 'participant_unavailable', 'staff_not_eligible',
  'staff_unavailable', 'room_not_allowed', 'room_too_small', 'non_association', 'participant_double_booked',
  'staff_double_booked', 'room_double_booked',
] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

export interface Conflict {
  kind: ConflictKind;
  /** One session, or the two that overlap. */
  sessionIds: string[];
  reason: string;
  participantId?: string;
  staffId?: string;
  roomId?: string;
  /** The routine block, closure or absence it meets, and its time (for a translated message). */
  label?: string;
  span?: string;
}

// --- Shared preparation --------------------------------------------------------------------------

/** A closed stretch of a day; `source` says whose rule it is. */
interface Interval { start: number; end: number; label: string; source: 'routine' | 'exception' | 'unavailable' }

interface Day {
  /** 0 = Monday … 6 = Sunday. */
  index: number;
  date: string;
  dayOfWeek: number;
  open: number;
  close: number;
  /** Whole-day exception closing it, or null. */
  closedBy: string | null;
}

const overlaps = (a: { start: number; end: number }, s: number, e: number) => a.start < e && s < a.end;

function mergeIntervals(list: { start: number; end: number }[]): { start: number; end: number }[] {
  const sorted = [...list].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: { start: number; end: number }[] = [];
  for (const iv of sorted) {
    const last = out[out.length - 1];
    if (last && iv.start <= last.end) last.end = Math.max(last.end, iv.end);
    else out.push({ start: iv.start, end: iv.end });
  }
  return out;
}

function subtract(free: { start: number; end: number }[], busy: { start: number; end: number }[]): { start: number; end: number }[] {
  let out = free;
  for (const b of busy) {
    const next: { start: number; end: number }[] = [];
    for (const f of out) {
      if (!overlaps(f, b.start, b.end)) next.push(f);
      else {
        if (f.start < b.start) next.push({ start: f.start, end: b.start });
        if (b.end < f.end) next.push({ start: b.end, end: f.end });
      }
    }
    out = next;
  }
  return out;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);
const routineLabel = (b: { kind: string; label?: string | undefined }) => b.label ?? b.kind;
const span = (iv: { start: number; end: number }) => `${toClock(iv.start)}–${toClock(iv.end)}`;

/** The unit's week, resolved to minute intervals per day: the common ground of the scheduler and the checker. */
class Week {
  readonly days: Day[] = [];
  /** By day index (0–6): the blocks closing the unit to sessions (routine for everyone, exceptions). */
  readonly unitBlocks: Interval[][] = Array.from({ length: 7 }, () => []);
  readonly participantIndex = new Map<string, number>();
  /** [participant][day]: scoped routine blocks and the person's own unavailability. */
  readonly participantBlocks: Interval[][][];
  readonly staffIndex = new Map<string, number>();
  /** [staff][day]: free intervals (weekly windows merged, date exceptions removed). */
  readonly staffFree: { start: number; end: number }[][][];
  readonly roomIndex = new Map<string, number>();
  readonly demands = new Map<string, Demand>();
  readonly nonAssociated = new Set<string>();

  constructor(readonly input: ParsedSchedulerInput) {
    const dates = Array.from({ length: 7 }, (_, i) => addDays(input.weekStart, i));
    for (const w of [...input.days].sort((a, b) => a.dayOfWeek - b.dayOfWeek)) {
      const index = w.dayOfWeek - 1;
      const date = dates[index]!;
      const closing = input.exceptions.find((e) => e.date === date && e.start === undefined);
      this.days.push({ index, date, dayOfWeek: w.dayOfWeek, open: toMinutes(w.start), close: toMinutes(w.end), closedBy: closing ? (closing.label ?? closing.kind) : null });
    }
    for (const b of input.routine) {
      if (b.participantIds) continue;
      this.unitBlocks[b.dayOfWeek - 1]!.push({ start: toMinutes(b.start), end: toMinutes(b.end), label: routineLabel(b), source: 'routine' });
    }
    for (const e of input.exceptions) {
      const index = dates.indexOf(e.date);
      // A whole-day exception closes the day (`closedBy`); a range blocks part of it.
      if (index < 0 || e.start === undefined) continue;
      this.unitBlocks[index]!.push({ start: toMinutes(e.start), end: toMinutes(e.end!), label: e.label ?? e.kind, source: 'exception' });
    }
    input.participants.forEach((p, i) => this.participantIndex.set(p.id, i));
    this.participantBlocks = input.participants.map(() => Array.from({ length: 7 }, () => [] as Interval[]));
    for (const b of input.routine) {
      for (const pid of b.participantIds ?? []) {
        const pi = this.participantIndex.get(pid);
        if (pi !== undefined) this.participantBlocks[pi]![b.dayOfWeek - 1]!.push({ start: toMinutes(b.start), end: toMinutes(b.end), label: routineLabel(b), source: 'routine' });
      }
    }
    input.participants.forEach((p, pi) => {
      for (const u of p.unavailability) {
        const index = dates.indexOf(u.date);
        if (index < 0) continue;
        this.participantBlocks[pi]![index]!.push(u.start === undefined
          ? { start: 0, end: 1440, label: u.reason, source: 'unavailable' }
          : { start: toMinutes(u.start), end: toMinutes(u.end!), label: u.reason, source: 'unavailable' });
      }
    });
    input.staff.forEach((s, i) => this.staffIndex.set(s.id, i));
    this.staffFree = input.staff.map((s) => dates.map((date, index) => {
      const windows = mergeIntervals(s.availability.filter((w) => w.dayOfWeek === index + 1).map((w) => ({ start: toMinutes(w.start), end: toMinutes(w.end) })));
      const away = s.exceptions.filter((e) => e.date === date).map((e) => (e.start === undefined ? { start: 0, end: 1440 } : { start: toMinutes(e.start), end: toMinutes(e.end!) }));
      return subtract(windows, away);
    }));
    input.rooms.forEach((r, i) => this.roomIndex.set(r.id, i));
    for (const d of input.demands) this.demands.set(demandKey(d), d);
    for (const [a, b] of input.nonAssociations) if (a !== b) this.nonAssociated.add(pairKey(a, b));
  }

  dayIndexOf(date: string): number {
    const diff = daysBetween(this.input.weekStart, date);
    return diff >= 0 && diff < 7 ? diff : -1;
  }

  staffAvailable(si: number, day: number, start: number, end: number): boolean {
    return this.staffFree[si]![day]!.some((f) => f.start <= start && end <= f.end);
  }
}

// --- Conflict checking ---------------------------------------------------------------------------

export interface ConflictChecker {
  /** Every conflict of a timetable: each session against the unit, and each overlapping pair. */
  check(sessions: readonly SessionPlacement[]): Conflict[];
}

/** Each open day's start times of the slot grid. */
export interface GridDay { date: string; dayOfWeek: number; starts: string[] }

/** A unit's week, parsed and resolved once, for a caller that schedules it and checks timetables against it. */
export interface PreparedWeek extends ConflictChecker {
  /** The input with its defaults filled in. */
  readonly input: ParsedSchedulerInput;
  /** What scheduleWeek gives for the same input. */
  schedule(): ScheduleResult;
  /** What weekGrid gives for the same input. */
  grid(): GridDay[];
}

export function prepareWeek(input: SchedulerInput): PreparedWeek {
  const week = new Week(schedulerInputSchema.parse(input));
  return {
    input: week.input,
    check: (sessions) => checkSessions(week, sessions),
    schedule: () => schedule(week),
    grid: () => gridOf(week),
  };
}

/** Prepares the unit's week once, for checking timetable after timetable (live checking of manual moves). */
export function createConflictChecker(input: SchedulerInput): ConflictChecker {
  return prepareWeek(input);
}

/** Every overlap and broken rule of a timetable, each with a reason; empty when the timetable is sound. */
export function findConflicts(input: SchedulerInput, sessions: readonly SessionPlacement[]): Conflict[] {
  return prepareWeek(input).check(sessions);
}

function checkSessions(week: Week, sessions: readonly SessionPlacement[]): Conflict[] {
  const conflicts: Conflict[] = [];
  const timed: { s: SessionPlacement; people: Set<string>; day: number; start: number; end: number }[] = [];
  for (const s of sessions) {
    const t = checkOne(week, s, conflicts);
    if (t) timed.push({ s, people: new Set(s.participantIds), ...t });
  }
  // Pairs: sweep each day's sessions in start order.
  timed.sort((a, b) => a.day - b.day || a.start - b.start || a.end - b.end);
  let active: typeof timed = [];
  let day = -1;
  for (const cur of timed) {
    if (cur.day !== day) {
      active = [];
      day = cur.day;
    }
    active = active.filter((a) => a.end > cur.start);
    for (const prev of active) {
      const ids = [prev.s.id, cur.s.id];
      const when = `${cur.s.date} ${toClock(Math.max(prev.start, cur.start))}`;
      if (prev.s.staffId === cur.s.staffId) conflicts.push({ kind: 'staff_double_booked', sessionIds: ids, staffId: cur.s.staffId, reason: `staff ${cur.s.staffId} has two sessions at ${when}` });
      if (prev.s.roomId === cur.s.roomId) conflicts.push({ kind: 'room_double_booked', sessionIds: ids, roomId: cur.s.roomId, reason: `room ${cur.s.roomId} holds two sessions at ${when}` });
      for (const pid of cur.people) {
        if (prev.people.has(pid)) conflicts.push({ kind: 'participant_double_booked', sessionIds: ids, participantId: pid, reason: `participant ${pid} has two sessions at ${when}` });
      }
    }
    active.push(cur);
  }
  return conflicts;
}

/** The checks of one session on its own; returns its day and minutes when its time can be read. */
function checkOne(week: Week, s: SessionPlacement, out: Conflict[]): { day: number; start: number; end: number } | null {
  const push = (kind: ConflictKind, reason: string, extra: Partial<Conflict> = {}) => out.push({ kind, sessionIds: [s.id], reason, ...extra });
  const demand = week.demands.get(s.demandKey);
  if (!demand) push('unknown_demand', `no demand ${s.demandKey}`);
  if (!CLOCK.test(s.start) || !CLOCK.test(s.end) || toMinutes(s.start) >= toMinutes(s.end)) {
    push('bad_time', `the time ${s.start}–${s.end} is not a time range`);
    return null;
  }
  const start = toMinutes(s.start);
  const end = toMinutes(s.end);
  const dayIndex = week.dayIndexOf(s.date);
  if (dayIndex < 0) {
    push('outside_week', `${s.date} is not in the week of ${week.input.weekStart}`);
    return null;
  }
  const day = week.days.find((d) => d.index === dayIndex);
  if (!day) push('closed_day', `no sessions are held on ${s.date}`);
  else {
    if (day.closedBy) push('closed_day', `${s.date} is closed (${day.closedBy})`);
    if (start < day.open || end > day.close) push('outside_window', `${s.start}–${s.end} is outside the day's hours ${toClock(day.open)}–${toClock(day.close)}`);
  }
  if (demand?.within && (start < toMinutes(demand.within.start) || end > toMinutes(demand.within.end))) {
    push('outside_demand_window', `${demand.name || s.demandKey} must lie within ${demand.within.start}–${demand.within.end}`);
  }
  for (const b of week.unitBlocks[dayIndex]!) {
    if (!overlaps(b, start, end)) continue;
    push(b.source === 'exception' ? 'exception' : 'routine', `overlaps ${b.label} ${span(b)}`, { label: b.label, span: span(b) });
  }
  const roomIndex = week.roomIndex.get(s.roomId);
  if (roomIndex === undefined) push('unknown_room', `no room ${s.roomId}`, { roomId: s.roomId });
  else {
    const room = week.input.rooms[roomIndex]!;
    if (room.capacity < s.participantIds.length) push('room_too_small', `room ${room.id} holds ${room.capacity}, the session has ${s.participantIds.length}`, { roomId: room.id });
    if (demand?.roomIds && !demand.roomIds.includes(room.id)) push('room_not_allowed', `room ${room.id} is not one of the rooms for ${demand.name || s.demandKey}`, { roomId: room.id });
  }
  const staffIndex = week.staffIndex.get(s.staffId);
  if (staffIndex === undefined) push('unknown_staff', `no staff member ${s.staffId}`, { staffId: s.staffId });
  else {
    if (demand && !demand.staffIds.includes(s.staffId)) push('staff_not_eligible', `staff ${s.staffId} does not run ${demand.name || s.demandKey}`, { staffId: s.staffId });
    if (!week.staffAvailable(staffIndex, dayIndex, start, end)) push('staff_unavailable', `staff ${s.staffId} is not on duty ${s.date} ${s.start}–${s.end}`, { staffId: s.staffId });
  }
  for (const pid of s.participantIds) {
    const pi = week.participantIndex.get(pid);
    if (pi === undefined) {
      push('unknown_participant', `no participant ${pid}`, { participantId: pid });
      continue;
    }
    for (const b of week.participantBlocks[pi]![dayIndex]!) {
      if (!overlaps(b, start, end)) continue;
      const own = b.source === 'unavailable';
      push(own ? 'participant_unavailable' : 'participant_routine', own ? `participant ${pid} is away (${b.label}) ${span(b)}` : `participant ${pid} has ${b.label} ${span(b)}`, { participantId: pid, label: b.label, span: span(b) });
    }
  }
  const people = [...new Set(s.participantIds)];
  for (let i = 0; i < people.length; i += 1) {
    for (let j = i + 1; j < people.length; j += 1) {
      if (week.nonAssociated.has(pairKey(people[i]!, people[j]!))) push('non_association', `${people[i]} and ${people[j]} must not share a session`, { participantId: people[i]! });
    }
  }
  return { day: dayIndex, start, end };
}

// --- Group formation -----------------------------------------------------------------------------

export interface FormGroupsInput {
  /** In the order people should fill the groups: neighbours in the list end up together. */
  participantIds: readonly string[];
  minSize: number;
  maxSize: number;
  nonAssociations?: readonly (readonly [string, string])[];
  /**
   * The grid starts at which each person can attend (optional). A person joins a group only where
   * the group keeps a common start, when such a group exists, so court days do not leave a group
   * without a time.
   */
  freeStarts?: ReadonlyMap<string, readonly number[]>;
  /**
   * Sub-groups to keep whole where the limits allow (optional): the static groups of a finer
   * session type of the same programme. Coarser groups made of whole finer groups clash with far
   * fewer sessions than groups cut across them.
   */
  together?: readonly (readonly string[])[];
}

export interface FormGroupsResult {
  /** Every group has minSize..maxSize people and no non-associated pair. */
  groups: string[][];
  leftOut: { participantId: string; code: 'group_size' | 'non_association'; reason: string }[];
}

/**
 * Partitions people into as few groups as the size limits allow, balanced (sizes differ by at
 * most one when people are placed one by one; as close as whole sub-groups allow when `together`
 * is given), never putting a non-associated pair together. Where limits or non-associations make
 * that impossible, the people who cannot be placed are left out with a reason, and every group
 * formed still keeps the limits.
 */
export function formGroups(spec: FormGroupsInput): FormGroupsResult {
  const ids = [...new Set(spec.participantIds)];
  const n = ids.length;
  const { minSize, maxSize } = spec;
  if (n === 0) return { groups: [], leftOut: [] };
  if (n < minSize || maxSize < minSize || maxSize < 1) {
    const reason = n < minSize ? `only ${n} people for a group of at least ${minSize}` : `group size limits ${minSize}–${maxSize} are impossible`;
    return { groups: [], leftOut: ids.map((participantId) => ({ participantId, code: 'group_size', reason })) };
  }
  const local = new Map(ids.map((pid, i) => [pid, i]));
  const adj: Set<number>[] = ids.map(() => new Set());
  for (const [a, b] of spec.nonAssociations ?? []) {
    const ia = local.get(a);
    const ib = local.get(b);
    if (ia === undefined || ib === undefined || ia === ib) continue;
    adj[ia]!.add(ib);
    adj[ib]!.add(ia);
  }
  const free = spec.freeStarts ? availabilityBits(ids, spec.freeStarts) : null;
  const kMin = Math.ceil(n / maxSize);
  const kMax = Math.floor(n / minSize);
  const named = (groups: number[][]) => groups.map((g) => g.map((i) => ids[i]!));

  // With sub-groups to keep whole, people also fill groups one by one in sub-group order.
  let blocks: number[][] | null = null;
  if (spec.together) {
    const seen = new Set<number>();
    blocks = [];
    for (const group of spec.together) {
      const block = group.map((pid) => local.get(pid)).filter((i): i is number => i !== undefined && !seen.has(i));
      block.forEach((i) => seen.add(i));
      if (block.length > 0) blocks.push(block);
    }
    for (let i = 0; i < n; i += 1) if (!seen.has(i)) blocks.push([i]);
  }
  const order = blocks ? blocks.flat() : ids.map((_, i) => i);
  /** The fewest groups that take everyone in this order; else the attempt leaving the fewest out, settled. */
  const attempt = (people: number[]): { groups: number[][]; left: number[] } => {
    let best: { groups: number[][]; left: number[] } | null = null;
    if (kMin <= kMax) {
      for (let k = kMin; k <= Math.min(kMax, kMin + 12); k += 1) {
        const packed = blocks
          ? packBlocks(blocks, k, n, minSize, maxSize, adj, free) ?? (blocks.length <= MAX_BLOCKS_HARDEST_FIRST ? packBlocks(blocks, k, n, minSize, maxSize, adj, free, true) : null)
          : null;
        if (packed) return { groups: packed, left: [] };
        const caps = Array.from({ length: k }, (_, g) => Math.floor(n / k) + (g < n % k ? 1 : 0));
        const filled = fillGroups(people, caps, adj, free);
        if (filled.left.length === 0) return filled;
        if (!best || filled.left.length < best.left.length) best = filled;
      }
    } else {
      // More people than kMax full groups hold: fill kMax groups to the maximum, the rest wait.
      best = fillGroups(people, Array.from({ length: kMax }, () => maxSize), adj, free);
    }
    return settleGroups(best!, minSize, maxSize, adj);
  };
  let result = attempt(order);
  if (result.left.length > 0) {
    // Someone must wait: let it be those kept apart from the most people, so the rest can meet.
    const second = attempt([...order].sort((a, b) => adj[a]!.size - adj[b]!.size || order.indexOf(a) - order.indexOf(b)));
    if (second.left.length < result.left.length) result = second;
  }
  const { groups, left } = result;
  return {
    groups: named(groups),
    leftOut: left.map((i) => (kMin > kMax && !groups.some((g) => g.length < maxSize && !g.some((m) => adj[i]!.has(m)))
      ? { participantId: ids[i]!, code: 'group_size' as const, reason: `group size limits ${minSize}–${maxSize} cannot take all ${n} people` }
      : { participantId: ids[i]!, code: 'non_association' as const, reason: `${ids[i]} cannot join any group without a person they must be kept apart from` })),
  };
}

/** The hardest-first packing is quadratic in blocks; beyond this many it is not tried. */
const MAX_BLOCKS_HARDEST_FIRST = 150;

function availabilityBits(ids: string[], freeStarts: ReadonlyMap<string, readonly number[]>): Uint8Array[] {
  const size = Math.max(0, ...ids.flatMap((pid) => freeStarts.get(pid) ?? [])) + 1;
  return ids.map((pid) => {
    const bits = new Uint8Array(size);
    for (const s of freeStarts.get(pid) ?? []) bits[s] = 1;
    return bits;
  });
}

/** The group's common free starts after adding people (null = no availability given). */
function commonWith(common: Uint8Array | null, people: readonly number[], free: Uint8Array[] | null): Uint8Array | null {
  if (!free || people.length === 0) return common;
  const out = common ? common.slice() : free[people[0]!]!.slice();
  for (const p of people) {
    const f = free[p]!;
    for (let i = 0; i < out.length; i += 1) out[i] = out[i]! & (f[i] ?? 0);
  }
  return out;
}

const anySet = (bits: Uint8Array | null) => bits === null || bits.includes(1);

/**
 * Whole blocks into k groups, in order: each block goes to the first group still under its
 * balanced target that takes it without a non-associated pair (and keeping a common free time
 * where one can be kept), else the first group it fits. When it fits nowhere, the one block in
 * its way in some group moves on (a chain of at most three moves). With `hardestFirst` the next
 * block is the one the fewest groups can still take (as in DSATUR colouring) rather than the next
 * in order. Null when a block still fits nowhere or a group ends under the minimum.
 */
function packBlocks(
  blocks: number[][], k: number, n: number, minSize: number, maxSize: number, adj: Set<number>[], free: Uint8Array[] | null, hardestFirst = false,
): number[][] | null {
  const targets = Array.from({ length: k }, (_, g) => Math.floor(n / k) + (g < n % k ? 1 : 0));
  const held: number[][] = targets.map(() => []);
  const size = targets.map(() => 0);
  const apart = (a: number, b: number) => blocks[a]!.some((p) => blocks[b]!.some((q) => adj[p]!.has(q)));
  const clashes = (g: number, b: number) => held[g]!.filter((c) => apart(b, c));
  const commonOf = (g: number, extra: number | null) => {
    let c: Uint8Array | null = null;
    for (const b of extra === null ? held[g]! : [...held[g]!, extra]) c = commonWith(c, blocks[b]!, free);
    return c;
  };
  const join = (g: number, b: number) => {
    held[g]!.push(b);
    size[g]! += blocks[b]!.length;
  };
  const leave = (g: number, b: number) => {
    held[g] = held[g]!.filter((c) => c !== b);
    size[g]! -= blocks[b]!.length;
  };
  const fits = (g: number, b: number) => size[g]! + blocks[b]!.length <= maxSize && clashes(g, b).length === 0;
  const place = (b: number): boolean => {
    const keepsTime = (g: number) => anySet(commonOf(g, b));
    const rules = [
      (g: number) => size[g]! < targets[g]! && fits(g, b) && keepsTime(g),
      (g: number) => fits(g, b) && keepsTime(g),
      (g: number) => size[g]! < targets[g]! && fits(g, b),
      (g: number) => fits(g, b),
    ];
    for (const rule of rules) {
      const g = held.findIndex((_, i) => rule(i));
      if (g >= 0) {
        join(g, b);
        return true;
      }
    }
    return false;
  };
  const relocate = (b: number, depth: number, moved: Set<number>): boolean => {
    if (place(b)) return true;
    if (depth === 0) return false;
    for (let h = 0; h < k; h += 1) {
      const inTheWay = clashes(h, b);
      if (inTheWay.length !== 1) continue;
      const q = inTheWay[0]!;
      if (moved.has(q) || size[h]! - blocks[q]!.length + blocks[b]!.length > maxSize) continue;
      leave(h, q);
      join(h, b);
      if (relocate(q, depth - 1, new Set([...moved, b, q]))) return true;
      leave(h, b);
      join(h, q);
    }
    return false;
  };
  if (!hardestFirst) {
    for (let b = 0; b < blocks.length; b += 1) if (!relocate(b, 3, new Set())) return null;
  } else {
    const degree = blocks.map((_, b) => blocks.filter((__, c) => c !== b && apart(b, c)).length);
    const waiting = new Set(blocks.map((_, b) => b));
    while (waiting.size > 0) {
      let next = -1;
      let key: number[] = [];
      for (const b of waiting) {
        const candidate = [held.filter((_, g) => fits(g, b)).length, -degree[b]!, -blocks[b]!.length, b];
        if (next < 0 || lexLess(candidate, key)) {
          next = b;
          key = candidate;
        }
      }
      waiting.delete(next);
      if (!relocate(next, 3, new Set())) return null;
    }
  }
  return size.every((s) => s >= minSize) ? held.map((g) => g.flatMap((b) => blocks[b]!)) : null;
}

/**
 * People one by one into groups of the given sizes, first group that takes them. When none does, a
 * short chain of moves makes room: the person takes the place of the one member they are kept
 * apart from (or of someone free to go anywhere, in a full group), and that member moves on the
 * same way, at most three moves deep.
 */
function fillGroups(order: number[], caps: number[], adj: Set<number>[], free: Uint8Array[] | null): { groups: number[][]; left: number[] } {
  const groups: number[][] = caps.map(() => []);
  const common: (Uint8Array | null)[] = caps.map(() => null);
  const groupOf = new Int32Array(adj.length).fill(-1);
  const left: number[] = [];
  const join = (g: number, p: number) => {
    groups[g]!.push(p);
    groupOf[p] = g;
    common[g] = commonWith(common[g]!, [p], free);
  };
  const leave = (g: number, p: number) => {
    const rest = groups[g]!.filter((m) => m !== p);
    groups[g] = [];
    common[g] = null;
    groupOf[p] = -1;
    for (const m of rest) join(g, m);
  };
  const clashes = (g: number, p: number) => groups[g]!.filter((m) => adj[p]!.has(m));
  /** Puts p somewhere, moving at most `depth` others along a chain; `moved` are not moved again. */
  const relocate = (p: number, depth: number, moved: Set<number>): boolean => {
    const room = groups.findIndex((members, g) => members.length < caps[g]! && clashes(g, p).length === 0);
    if (room >= 0) {
      join(room, p);
      return true;
    }
    if (depth === 0) return false;
    for (let h = 0; h < groups.length; h += 1) {
      const inTheWay = clashes(h, p);
      // Displace the one person p is kept apart from, or, in a full group, someone kept apart from nobody.
      const candidates = (inTheWay.length === 1 ? inTheWay
        : inTheWay.length === 0 && groups[h]!.length >= caps[h]! ? groups[h]!.filter((m) => adj[m]!.size === 0 && !moved.has(m)).slice(0, 1) : [])
        .filter((q) => !moved.has(q));
      for (const q of candidates) {
        leave(h, q);
        join(h, p);
        if (relocate(q, depth - 1, new Set([...moved, p, q]))) return true;
        leave(h, p);
        join(h, q);
      }
    }
    return false;
  };
  for (const p of order) {
    const barred = new Set([...adj[p]!].map((q) => groupOf[q]!));
    const open = (g: number) => groups[g]!.length < caps[g]! && !barred.has(g);
    let chosen = groups.findIndex((_, g) => open(g) && anySet(commonWith(common[g]!, [p], free)));
    if (chosen < 0) chosen = groups.findIndex((_, g) => open(g));
    if (chosen >= 0) join(chosen, p);
    else if (!relocate(p, 3, new Set())) left.push(p);
  }
  return { groups, left };
}

/** Leftovers join groups with room; groups under the minimum are dissolved and their people try again. */
function settleGroups(attempt: { groups: number[][]; left: number[] }, minSize: number, maxSize: number, adj: Set<number>[]): { groups: number[][]; left: number[] } {
  const groups = attempt.groups.map((g) => [...g]).filter((g) => g.length > 0);
  let left = [...attempt.left];
  const tryJoin = (p: number) => {
    const g = groups.findIndex((members) => members.length < maxSize && !members.some((m) => adj[p]!.has(m)));
    if (g < 0) return false;
    groups[g]!.push(p);
    return true;
  };
  for (;;) {
    left = left.filter((p) => !tryJoin(p));
    const small = groups.findIndex((g) => g.length < minSize);
    if (small < 0) break;
    left.push(...groups[small]!);
    groups.splice(small, 1);
  }
  return { groups, left: left.sort((a, b) => a - b) };
}

function lexLess(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

// --- The problem: groups and the sessions to place ------------------------------------------------

/** One group or person of one demand: its sessions are alike and share the static checks. */
interface Unit {
  demand: Demand;
  demandKey: string;
  groupId: string | null;
  participantId: string | null;
  members: number[];
  duration: number;
  /** Grid slots the session covers. */
  slots: number;
  /** Rooms allowed that hold the members, smallest first. */
  rooms: number[];
  /** Global grid slots where the session may start, before other sessions are placed. */
  starts: number[];
  /** For each entry of `starts`: the eligible staff on duty for the whole session. */
  staffAt: number[][];
  sessions: number[];
}

interface Problem {
  week: Week;
  /** Grid slots per day; global slot = day index × perDay + slot of the day. */
  perDay: number;
  slotCount: number;
  groups: Group[];
  units: Unit[];
  /** Index: session; value: its unit. */
  sessionUnit: number[];
  sessionIds: string[];
  sessionOccurrence: number[];
  grouping: UnplacedSession[];
  /** Minutes each staff member is on duty while the unit is open, in the week. */
  staffMinutes: number[];
}

/** The grid: each open day's start times (minutes), in the form the exact model of the benchmark also uses. */
export function weekGrid(input: SchedulerInput): GridDay[] {
  return prepareWeek(input).grid();
}

function gridOf(week: Week): GridDay[] {
  const g = week.input.slotMinutes;
  return week.days.filter((d) => !d.closedBy).map((d) => {
    const starts: string[] = [];
    for (let m = d.open; m < d.close; m += g) starts.push(toClock(m));
    return { date: d.date, dayOfWeek: d.dayOfWeek, starts };
  });
}

function buildProblem(week: Week): Problem {
  const parsed = week.input;
  const g = parsed.slotMinutes;
  const perDay = Math.max(1, ...week.days.map((d) => Math.ceil((d.close - d.open) / g)));
  const slotCount = 7 * perDay;
  const dayOf = new Map(week.days.map((d) => [d.index, d]));
  const participants = parsed.participants;

  /** Global slots open to the whole unit for a session of this length (window, routine, exceptions, demand's hours). */
  const unitStarts = (duration: number, within: Demand['within']): number[] => {
    const out: number[] = [];
    for (const d of week.days) {
      if (d.closedBy) continue;
      for (let i = 0; d.open + i * g + duration <= d.close; i += 1) {
        const s = d.open + i * g;
        const e = s + duration;
        if (within && (s < toMinutes(within.start) || e > toMinutes(within.end))) continue;
        if (week.unitBlocks[d.index]!.some((b) => overlaps(b, s, e))) continue;
        out.push(d.index * perDay + i);
      }
    }
    return out;
  };
  const minuteOf = (slot: number) => {
    const d = dayOf.get(Math.floor(slot / perDay))!;
    return { day: d.index, start: d.open + (slot % perDay) * g };
  };
  const personFree = (pi: number, slot: number, duration: number) => {
    const { day, start } = minuteOf(slot);
    return !week.participantBlocks[pi]![day]!.some((b) => overlaps(b, start, start + duration));
  };

  const groups: Group[] = [];
  const units: Unit[] = [];
  const sessionUnit: number[] = [];
  const sessionIds: string[] = [];
  const sessionOccurrence: number[] = [];
  const grouping: UnplacedSession[] = [];

  const addUnit = (demand: Demand, key: string, groupId: string | null, participantId: string | null, members: number[], base: number[]) => {
    const rooms = (demand.roomIds ?? parsed.rooms.map((r) => r.id))
      .map((rid) => week.roomIndex.get(rid))
      .filter((ri): ri is number => ri !== undefined && parsed.rooms[ri]!.capacity >= members.length)
      .sort((a, b) => parsed.rooms[a]!.capacity - parsed.rooms[b]!.capacity || a - b);
    const staff = [...new Set(demand.staffIds)].map((sid) => week.staffIndex.get(sid)).filter((si): si is number => si !== undefined);
    const starts: number[] = [];
    const staffAt: number[][] = [];
    for (const slot of base) {
      if (!members.every((pi) => personFree(pi, slot, demand.durationMinutes))) continue;
      const { day, start } = minuteOf(slot);
      const onDuty = staff.filter((si) => week.staffAvailable(si, day, start, start + demand.durationMinutes));
      if (onDuty.length === 0) continue;
      starts.push(slot);
      staffAt.push(onDuty);
    }
    const unit: Unit = {
      demand, demandKey: key, groupId, participantId, members, duration: demand.durationMinutes, slots: Math.ceil(demand.durationMinutes / g),
      rooms, starts, staffAt, sessions: [],
    };
    const u = units.length;
    units.push(unit);
    for (let n = 1; n <= demand.perWeek; n += 1) {
      unit.sessions.push(sessionUnit.length);
      sessionUnit.push(u);
      sessionIds.push(`${groupId ?? `${key}#${participantId}`}#${n}`);
      sessionOccurrence.push(n);
    }
  };

  // Groups of a programme are formed finest first, and coarser ones from whole finer groups.
  const due = parsed.demands.filter((d) => isDue(d, parsed.weekIndex));
  const largestRoom = (demand: Demand) => Math.max(0, ...(demand.roomIds ?? parsed.rooms.map((r) => r.id))
    .map((rid) => week.roomIndex.get(rid)).filter((ri): ri is number => ri !== undefined).map((ri) => parsed.rooms[ri]!.capacity));
  const sizeLimit = (d: Demand, largest: number) => (d.mode === 'individual' ? 0 : d.mode === 'community' ? largest || Number.MAX_SAFE_INTEGER : Math.min(d.maxGroup!, largest >= d.minGroup! ? largest : d.maxGroup!));
  const ordering = due.map((d, i) => {
    const largest = largestRoom(d);
    return { d, i, largest, limit: sizeLimit(d, largest) };
  }).sort((a, b) => (a.d.programmeId < b.d.programmeId ? -1 : a.d.programmeId > b.d.programmeId ? 1 : 0) || a.limit - b.limit || a.i - b.i);
  const finest = new Map<string, string[][]>();

  for (const { d: demand, largest } of ordering) {
    const key = demandKey(demand);
    const enrolled: number[] = [];
    participants.forEach((p, pi) => {
      if (p.enrolments.some((e) => e.programmeId === demand.programmeId && e.sessionCodes.includes(demand.sessionCode))) enrolled.push(pi);
    });
    if (enrolled.length === 0) continue;
    const base = unitStarts(demand.durationMinutes, demand.within);
    if (demand.mode === 'individual') {
      for (const pi of enrolled) addUnit(demand, key, null, participants[pi]!.id, [pi], base);
      continue;
    }
    // Group and community: people with no free time at all for this session wait outside the groups.
    const personal = new Map<string, number[]>();
    const able: number[] = [];
    for (const pi of enrolled) {
      const free = base.filter((slot) => personFree(pi, slot, demand.durationMinutes));
      if (base.length > 0 && free.length === 0) {
        const why = awayReason(week, pi);
        for (let n = 1; n <= demand.perWeek; n += 1) {
          grouping.push(unplacedOf(key, null, participants[pi]!.id, [participants[pi]!.id], n, 'grouping', 'participant_unavailable',
            { participant: participants[pi]!.id, why }, `participant ${participants[pi]!.id} ${why} all week`));
        }
        continue;
      }
      personal.set(participants[pi]!.id, free);
      able.push(pi);
    }
    // People who need the same session types of the programme, and then people free at the same
    // times (a work detail, a visiting block), fill groups side by side: a group of people with
    // the same hours keeps more times open than one mixing every work detail.
    const freeSet = new Set<number>();
    const signature = (pi: number) => {
      const codes = participants[pi]!.enrolments.filter((e) => e.programmeId === demand.programmeId).flatMap((e) => e.sessionCodes).sort().join(',');
      freeSet.clear();
      for (const slot of personal.get(participants[pi]!.id)!) freeSet.add(slot);
      return `${codes}|${base.map((slot) => (freeSet.has(slot) ? '1' : '0')).join('')}`;
    };
    const signatures = new Map(able.map((pi) => [pi, signature(pi)]));
    able.sort((a, b) => (signatures.get(a)! < signatures.get(b)! ? 1 : signatures.get(a)! > signatures.get(b)! ? -1 : a - b));
    let minSize = demand.minGroup ?? 1;
    let maxSize = demand.maxGroup ?? able.length;
    if (demand.mode === 'community') {
      minSize = 1;
      maxSize = largest > 0 ? largest : Math.max(1, able.length);
    } else if (largest >= minSize && largest < maxSize) {
      maxSize = largest; // groups that no room holds could never meet
    }
    const formed = formGroups({
      participantIds: able.map((pi) => participants[pi]!.id), minSize, maxSize, nonAssociations: parsed.nonAssociations,
      freeStarts: personal, together: finest.get(demand.programmeId),
    });
    if (!finest.has(demand.programmeId) && formed.groups.length > 0) finest.set(demand.programmeId, formed.groups);
    formed.groups.forEach((memberIds, gi) => {
      const groupId = `${key}/g${gi + 1}`;
      groups.push({ id: groupId, demandKey: key, mode: demand.mode as 'group' | 'community', participantIds: memberIds });
      addUnit(demand, key, groupId, null, memberIds.map((pid) => week.participantIndex.get(pid)!), base);
    });
    for (const left of formed.leftOut) {
      for (let n = 1; n <= demand.perWeek; n += 1) {
        grouping.push(unplacedOf(key, null, left.participantId, [left.participantId], n, 'grouping', left.code, { participant: left.participantId, min: minSize, max: maxSize }, left.reason));
      }
    }
  }
  const staffMinutes = parsed.staff.map((_, si) => week.days.reduce((sum, d) => {
    if (d.closedBy) return sum;
    const open = subtract(week.staffFree[si]![d.index]!.map((f) => ({ start: Math.max(f.start, d.open), end: Math.min(f.end, d.close) })).filter((f) => f.start < f.end), week.unitBlocks[d.index]!);
    return sum + open.reduce((m, f) => m + f.end - f.start, 0);
  }, 0));
  return { week, perDay, slotCount, groups, units, sessionUnit, sessionIds, sessionOccurrence, grouping, staffMinutes };
}

function awayReason(week: Week, pi: number): string {
  const labels = new Set(week.participantBlocks[pi]!.flat().filter((b) => b.source === 'unavailable').map((b) => b.label));
  if (labels.has('court')) return 'at court';
  if (labels.size === 1) return `away (${[...labels][0]})`;
  return 'unavailable';
}

function unplacedOf(
  key: string, groupId: string | null, participantId: string | null, participantIds: string[], occurrence: number,
  stage: UnplacedSession['stage'], code: UnplacedCode, params: UnplacedSession['params'], reason: string,
): UnplacedSession {
  return { id: `${groupId ?? `${key}#${participantId}`}#${occurrence}`, demandKey: key, groupId, participantId, participantIds, occurrence, stage, code, params, reason };
}

// --- Placement -----------------------------------------------------------------------------------

interface Option { j: number; room: number; staff: number }

/** How hard the heuristic tries: counts, not clock time, so the result never depends on the machine. */
const REPAIR_PASSES = 4;
const REPAIR_BUDGET = 6_000;
const MAX_EJECT = 2;
const CANDIDATES_PER_SESSION = 60;
const SQUEAKY_ROUNDS = 8;
/**
 * Weights of a staff member's weekly scarcity against the slot pressure when choosing who runs a
 * session: the greedy runs once with each, then its squeaky-wheel rounds with the best.
 */
const SCARCITY_WEIGHTS = [1, 0, 3];

/**
 * What the waiting sessions ask of staff and rooms, with the per-unit constants it is spread by.
 * Before anything is placed it is the same for every greedy pass, so `openingLoad` works it out
 * once and each pass starts from a copy.
 */
interface Load {
  /** Per participant: the units they are a member of. */
  readonly unitsOf: number[][];
  /** Per unit: 1 / its (start, room, staff) options, the share of its demand on each. */
  readonly weight: number[];
  /** Per unit: the staff who could run it at some start. */
  readonly unitStaff: number[][];
  /** Demand on each staff/room slot by the sessions still waiting, spread evenly over their options. */
  readonly staffPressure: Float64Array;
  readonly roomPressure: Float64Array;
  /** Minutes still wanted of each staff member by the waiting sessions (each shared evenly among the staff who could run it). */
  readonly staffWanted: Float64Array;
}

function openingLoad(pb: Problem): Load {
  const input = pb.week.input;
  const unitsOf: number[][] = input.participants.map(() => []);
  pb.units.forEach((u, ui) => {
    for (const pi of u.members) unitsOf[pi]!.push(ui);
  });
  const opening: Load = {
    unitsOf,
    weight: pb.units.map((u) => {
      let options = 0;
      u.staffAt.forEach((staff) => {
        options += staff.length * u.rooms.length;
      });
      return options > 0 ? 1 / options : 0;
    }),
    unitStaff: pb.units.map((u) => [...new Set(u.staffAt.flat())]),
    staffPressure: new Float64Array(input.staff.length * pb.slotCount),
    roomPressure: new Float64Array(input.rooms.length * pb.slotCount),
    staffWanted: new Float64Array(input.staff.length),
  };
  for (let s = 0; s < pb.sessionUnit.length; s += 1) spreadDemand(pb, opening, s, 1);
  return opening;
}

/** Adds the demand of a waiting session to the load (sign 1), or takes it away once the session is placed (sign −1). */
function spreadDemand(pb: Problem, load: Load, s: number, sign: number): void {
  const S = pb.slotCount;
  const ui = pb.sessionUnit[s]!;
  const u = pb.units[ui]!;
  const staffOf = load.unitStaff[ui]!;
  for (const k of staffOf) load.staffWanted[k]! += (sign * u.duration) / staffOf.length;
  const w = load.weight[ui]! * sign;
  if (w === 0) return;
  const perStaff = w * u.rooms.length;
  for (let j = 0; j < u.starts.length; j += 1) {
    const slot = u.starts[j]!;
    const staff = u.staffAt[j]!;
    const perRoom = w * staff.length;
    for (let i = 0; i < u.slots; i += 1) {
      for (const r of u.rooms) load.roomPressure[r * S + slot + i]! += perRoom;
      for (const k of staff) load.staffPressure[k * S + slot + i]! += perStaff;
    }
  }
}

class Placement implements Load {
  readonly S: number;
  readonly occP: Int32Array;
  readonly occK: Int32Array;
  readonly occR: Int32Array;
  /** [unit × slot]: how many of the unit's members are busy at the slot. */
  readonly unitBusy: Int32Array;
  readonly unitsOf: number[][];
  /** [unit × day]: sessions of the unit placed on the day. */
  readonly perDay: Int32Array;
  readonly at: (Option | null)[];
  readonly staffPressure: Float64Array;
  /**
   * Weekly scarcity of each staff member: minutes still wanted by the waiting sessions and
   * minutes already booked.
   */
  readonly staffWanted: Float64Array;
  readonly staffBooked: Float64Array;
  readonly unitStaff: number[][];
  readonly roomPressure: Float64Array;
  readonly weight: number[];
  private log: { s: number; option: Option; placed: boolean }[] = [];

  /** Nothing placed yet: every session waits, with the load of `opening`. */
  constructor(readonly pb: Problem, readonly scarcityWeight: number, opening: Load) {
    const input = pb.week.input;
    this.S = pb.slotCount;
    this.occP = new Int32Array(input.participants.length * this.S);
    this.occK = new Int32Array(input.staff.length * this.S);
    this.occR = new Int32Array(input.rooms.length * this.S);
    this.unitBusy = new Int32Array(pb.units.length * this.S);
    this.perDay = new Int32Array(pb.units.length * 7);
    this.at = pb.sessionUnit.map(() => null);
    this.staffBooked = new Float64Array(input.staff.length);
    this.unitsOf = opening.unitsOf;
    this.weight = opening.weight;
    this.unitStaff = opening.unitStaff;
    this.staffPressure = opening.staffPressure.slice();
    this.roomPressure = opening.roomPressure.slice();
    this.staffWanted = opening.staffWanted.slice();
  }

  dayOf(slot: number): number {
    return Math.floor(slot / this.pb.perDay);
  }

  /** Sessions of the unit already on the day of the slot. */
  sameDay(ui: number, slot: number): number {
    return this.perDay[ui * 7 + this.dayOf(slot)]!;
  }

  unitOf(s: number): Unit {
    return this.pb.units[this.pb.sessionUnit[s]!]!;
  }

  /** Minutes still wanted of the staff member per minute still free: above 1, someone will go without. */
  scarcity(k: number): number {
    return this.staffWanted[k]! / Math.max(1, this.pb.staffMinutes[k]! - this.staffBooked[k]!);
  }

  membersFree(ui: number, slot: number, slots: number): boolean {
    const base = ui * this.S + slot;
    for (let i = 0; i < slots; i += 1) if (this.unitBusy[base + i] !== 0) return false;
    return true;
  }

  free(occ: Int32Array, index: number, slot: number, slots: number): boolean {
    const base = index * this.S + slot;
    for (let i = 0; i < slots; i += 1) if (occ[base + i] !== 0) return false;
    return true;
  }

  place(s: number, option: Option, record = true) {
    const ui = this.pb.sessionUnit[s]!;
    const u = this.pb.units[ui]!;
    const slot = u.starts[option.j]!;
    this.mark(u, slot, option, s + 1, 1);
    this.staffBooked[option.staff]! += u.duration;
    this.at[s] = option;
    this.perDay[ui * 7 + this.dayOf(slot)]! += 1;
    spreadDemand(this.pb, this, s, -1);
    if (record) this.log.push({ s, option, placed: true });
  }

  remove(s: number, record = true) {
    const option = this.at[s]!;
    const ui = this.pb.sessionUnit[s]!;
    const u = this.pb.units[ui]!;
    const slot = u.starts[option.j]!;
    this.mark(u, slot, option, 0, -1);
    this.staffBooked[option.staff]! -= u.duration;
    this.at[s] = null;
    this.perDay[ui * 7 + this.dayOf(slot)]! -= 1;
    spreadDemand(this.pb, this, s, 1);
    if (record) this.log.push({ s, option, placed: false });
  }

  private mark(u: Unit, slot: number, option: Option, value: number, delta: number) {
    const S = this.S;
    for (let i = 0; i < u.slots; i += 1) {
      const t = slot + i;
      this.occR[option.room * S + t] = value;
      this.occK[option.staff * S + t] = value;
      for (const pi of u.members) {
        this.occP[pi * S + t] = value;
        for (const other of this.unitsOf[pi]!) this.unitBusy[other * S + t]! += delta;
      }
    }
  }

  checkpoint(): number {
    return this.log.length;
  }

  rollback(to: number) {
    while (this.log.length > to) {
      const entry = this.log.pop()!;
      if (entry.placed) this.remove(entry.s, false);
      else this.place(entry.s, entry.option, false);
    }
  }

  /** Starts at which the unit's session could go now (members, some room and some staff free), counted up to `limit`. */
  openStarts(ui: number, limit = Infinity): number {
    const u = this.pb.units[ui]!;
    let count = 0;
    for (let j = 0; j < u.starts.length && count < limit; j += 1) {
      const slot = u.starts[j]!;
      if (!this.membersFree(ui, slot, u.slots)) continue;
      if (!u.rooms.some((r) => this.free(this.occR, r, slot, u.slots))) continue;
      if (u.staffAt[j]!.some((k) => this.free(this.occK, k, slot, u.slots))) count += 1;
    }
    return count;
  }

  /** The free option that leaves the most room to the sessions still waiting, on a day the group or person has no session yet where possible. */
  bestOption(s: number): Option | null {
    const ui = this.pb.sessionUnit[s]!;
    const u = this.pb.units[ui]!;
    const S = this.S;
    const largest = Math.max(1, ...u.rooms.map((r) => this.pb.week.input.rooms[r]!.capacity));
    let best: Option | null = null;
    let bestScore = Infinity;
    u.starts.forEach((slot, j) => {
      if (!this.membersFree(ui, slot, u.slots)) return;
      const sameDay = this.sameDay(ui, slot) * 1000;
      if (sameDay > bestScore) return;
      let roomBest = -1;
      let roomScore = Infinity;
      for (const r of u.rooms) {
        if (!this.free(this.occR, r, slot, u.slots)) continue;
        let p = (this.pb.week.input.rooms[r]!.capacity - u.members.length) / largest * 0.25;
        for (let i = 0; i < u.slots; i += 1) p += this.roomPressure[r * S + slot + i]!;
        if (p < roomScore) {
          roomScore = p;
          roomBest = r;
        }
      }
      if (roomBest < 0) return;
      let staffBest = -1;
      let staffScore = Infinity;
      for (const k of u.staffAt[j]!) {
        if (!this.free(this.occK, k, slot, u.slots)) continue;
        let p = this.scarcityWeight * this.scarcity(k);
        for (let i = 0; i < u.slots; i += 1) p += this.staffPressure[k * S + slot + i]!;
        if (p < staffScore) {
          staffScore = p;
          staffBest = k;
        }
      }
      if (staffBest < 0) return;
      const score = sameDay + roomScore + staffScore + slot * 1e-9;
      if (score < bestScore) {
        bestScore = score;
        best = { j, room: roomBest, staff: staffBest };
      }
    });
    return best;
  }
}

/**
 * Plans one week.
 *
 * 1. Groups: per programme, the finest session type first (people ordered by the session types
 *    they need, then by the hours they are free), coarser types from whole finer groups.
 * 2. Greedy placement, most constrained session first (fewest open starts now), each at the
 *    option that leaves most room to the others: least demand from waiting sessions on the
 *    room's and staff member's slots, staff whose week is least oversubscribed, the smallest
 *    room that holds the group, and a day the group has no session of this type on yet.
 * 3. A few more greedy passes with other weights and with the sessions that failed going first
 *    ("squeaky wheel"); the best pass is kept.
 * 4. Repair: a session that found no place may move one or two placed sessions elsewhere (and
 *    those one more level) to make room; then a pass spreading a group's sessions over days.
 *
 * What still has no place is listed with the reason. Every bound is a count, never the clock.
 */
export function scheduleWeek(input: SchedulerInput): ScheduleResult {
  return prepareWeek(input).schedule();
}

function schedule(week: Week): ScheduleResult {
  const pb = buildProblem(week);

  // 1. Greedy passes, one per scarcity weight; then rounds in which the sessions that found no
  //    place go first ("squeaky wheel"). The pass placing the most is kept.
  const boost = new Int32Array(pb.units.length);
  const opening = openingLoad(pb);
  let best = greedy(pb, opening, boost, SCARCITY_WEIGHTS[0]!);
  for (const weight of SCARCITY_WEIGHTS.slice(1)) {
    if (best.failed.length === 0) break;
    const next = greedy(pb, opening, boost, weight);
    if (next.failed.length < best.failed.length) best = next;
  }
  let last = best;
  for (let round = 1; round <= SQUEAKY_ROUNDS && best.failed.length > 0; round += 1) {
    for (const s of last.failed) boost[pb.sessionUnit[s]!]! += 1;
    last = greedy(pb, opening, boost, best.pl.scarcityWeight);
    if (last.failed.length < best.failed.length) best = last;
  }
  const { pl } = best;

  // 2. Repair by ejection: make room for a waiting session by moving up to two placed ones.
  const budget = { left: REPAIR_BUDGET };
  let stillFailed = best.failed;
  for (let pass = 0; pass < REPAIR_PASSES && stillFailed.length > 0 && budget.left > 0; pass += 1) {
    const next: number[] = [];
    for (const s of stillFailed) {
      const option = pl.bestOption(s);
      if (option) pl.place(s, option);
      else if (!insertByEjection(pl, s, 2, new Set([s]), budget)) next.push(s);
    }
    const progress = next.length < stillFailed.length;
    stillFailed = next;
    if (!progress) break;
  }

  // 3. Spread: a group's sessions of one demand go to different days where a free option exists.
  pb.units.forEach((u, ui) => {
    for (const s of u.sessions) {
      const option = pl.at[s];
      if (!option || pl.sameDay(ui, u.starts[option.j]!) < 2) continue;
      const cp = pl.checkpoint();
      pl.remove(s);
      const moved = pl.bestOption(s);
      if (moved && pl.sameDay(ui, u.starts[moved.j]!) === 0) pl.place(s, moved);
      else pl.rollback(cp);
    }
  });

  return buildResult(pb, pl);
}

/**
 * One greedy pass: most constrained first (boosted units first, then the fewest open starts now;
 * longer and larger sessions break ties), each session at its best option.
 */
function greedy(pb: Problem, opening: Load, boost: Int32Array, scarcityWeight: number): { pl: Placement; failed: number[] } {
  const pl = new Placement(pb, scarcityWeight, opening);
  // A unit's waiting sessions are alike: its first waiting one stands for all. Per unit, how many
  // of its sessions (in order) have been taken.
  const taken = new Int32Array(pb.units.length);
  const failed: number[] = [];
  for (let left = pb.sessionUnit.length; left > 0; left -= 1) {
    let pick = -1;
    let pickKey: number[] = [];
    for (let ui = 0; ui < pb.units.length; ui += 1) {
      const u = pb.units[ui]!;
      if (taken[ui] === u.sessions.length) continue;
      if (pick >= 0 && -boost[ui]! > pickKey[0]!) continue;
      // Count open starts only as far as they could still win.
      const limit = pick >= 0 && -boost[ui]! === pickKey[0]! ? pickKey[1]! + 1 : Infinity;
      const key = [-boost[ui]!, pl.openStarts(ui, limit), -u.slots * u.members.length, u.sessions[taken[ui]!]!];
      if (pick < 0 || lexLess(key, pickKey)) {
        pick = key[3]!;
        pickKey = key;
      }
    }
    taken[pb.sessionUnit[pick]!]! += 1;
    const option = pickKey[1]! > 0 ? pl.bestOption(pick) : null;
    if (option) pl.place(pick, option);
    else failed.push(pick);
  }
  return { pl, failed };
}

function insertByEjection(pl: Placement, s: number, depth: number, tabu: Set<number>, budget: { left: number }): boolean {
  budget.left -= 1;
  const u = pl.unitOf(s);
  const S = pl.S;
  const candidates: { option: Option; blockers: number[]; cost: number }[] = [];
  const holders = (occ: Int32Array, index: number, slot: number) => {
    const found = new Set<number>();
    for (let i = 0; i < u.slots; i += 1) {
      const v = occ[index * S + slot + i]!;
      if (v) found.add(v - 1);
    }
    return found;
  };
  const flexibility = (b: number) => {
    const ub = pl.unitOf(b);
    return 10 + (ub.slots * ub.members.length) / Math.max(1, ub.starts.length);
  };
  u.starts.forEach((slot, j) => {
    const members = new Set<number>();
    for (const pi of u.members) for (const b of holders(pl.occP, pi, slot)) members.add(b);
    if (members.size > MAX_EJECT || [...members].some((b) => tabu.has(b))) return;
    const rooms = u.rooms.map((room) => ({ room, held: holders(pl.occR, room, slot) })).filter((r) => ![...r.held].some((b) => tabu.has(b)));
    const staff = u.staffAt[j]!.map((k) => ({ k, held: holders(pl.occK, k, slot) })).filter((x) => ![...x.held].some((b) => tabu.has(b)));
    const dayCost = pl.sameDay(pl.pb.sessionUnit[s]!, slot) * 5 + slot * 1e-6;
    for (const r of rooms) {
      for (const x of staff) {
        const all = new Set([...members, ...r.held, ...x.held]);
        if (all.size > MAX_EJECT) continue;
        const blockers = [...all];
        candidates.push({ option: { j, room: r.room, staff: x.k }, blockers, cost: blockers.reduce((sum, b) => sum + flexibility(b), 0) + dayCost });
      }
    }
  });
  // Prefer moving few, small, flexible sessions; then the day spread; then the earlier start.
  candidates.sort((a, b) => a.blockers.length - b.blockers.length || a.cost - b.cost);
  for (const c of candidates.slice(0, CANDIDATES_PER_SESSION)) {
    if (budget.left <= 0) return false;
    budget.left -= 1;
    const cp = pl.checkpoint();
    for (const b of c.blockers) pl.remove(b);
    pl.place(s, c.option);
    const nextTabu = new Set([...tabu, s, ...c.blockers]);
    let ok = true;
    for (const b of c.blockers) {
      const option = pl.bestOption(b);
      if (option) pl.place(b, option);
      else if (!(depth > 1 && insertByEjection(pl, b, depth - 1, nextTabu, budget))) {
        ok = false;
        break;
      }
    }
    if (ok) return true;
    pl.rollback(cp);
  }
  return false;
}

function buildResult(pb: Problem, pl: Placement): ScheduleResult {
  const input = pb.week.input;
  const sessions: ScheduledSession[] = [];
  const unplaced: UnplacedSession[] = [...pb.grouping];
  for (let s = 0; s < pb.sessionUnit.length; s += 1) {
    const u = pl.unitOf(s);
    const memberIds = u.members.map((pi) => input.participants[pi]!.id);
    const option = pl.at[s];
    if (!option) {
      const { code, params, reason } = diagnose(pb, pl, u);
      unplaced.push(unplacedOf(u.demandKey, u.groupId, u.participantId, memberIds, pb.sessionOccurrence[s]!, 'placement', code, params, reason));
      continue;
    }
    const slot = u.starts[option.j]!;
    const day = pb.week.days.find((d) => d.index === Math.floor(slot / pb.perDay))!;
    const start = day.open + (slot % pb.perDay) * input.slotMinutes;
    sessions.push({
      id: pb.sessionIds[s]!, demandKey: u.demandKey, programmeId: u.demand.programmeId, sessionCode: u.demand.sessionCode,
      groupId: u.groupId, participantId: u.participantId, occurrence: pb.sessionOccurrence[s]!,
      date: day.date, start: toClock(start), end: toClock(start + u.duration),
      roomId: input.rooms[option.room]!.id, staffId: input.staff[option.staff]!.id, participantIds: memberIds,
    });
  }
  // Code-unit order, not localeCompare: the same on every machine.
  const byText = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  sessions.sort((a, b) => byText(a.date, b.date) || byText(a.start, b.start) || byText(a.id, b.id));
  return {
    weekStart: input.weekStart, weekIndex: input.weekIndex, groups: pb.groups, sessions, unplaced,
    stats: { required: sessions.length + unplaced.length, placed: sessions.length },
  };
}

/** Why a session has no place, most basic cause first. */
function diagnose(pb: Problem, pl: Placement, u: Unit): { code: UnplacedCode; params: UnplacedSession['params']; reason: string } {
  const week = pb.week;
  const input = week.input;
  const name = u.demand.name || u.demandKey;
  const size = u.members.length;
  if (u.rooms.length === 0) {
    return { code: 'no_room', params: { capacity: size }, reason: `no room with capacity ${size}${u.demand.roomIds ? ' among the rooms allowed' : ''}` };
  }
  const eligible = [...new Set(u.demand.staffIds)].filter((sid) => week.staffIndex.has(sid));
  if (eligible.length === 0) return { code: 'no_staff', params: { session: name }, reason: `no staff member can run ${name}` };
  if (u.starts.length === 0) {
    // Which filter empties the week? The unit's own times first, then each person, then staff.
    const g = input.slotMinutes;
    const w = u.demand.within;
    const fitting: { day: number; start: number }[] = [];
    for (const d of week.days) {
      for (let m = d.open; m + u.duration <= d.close; m += g) {
        if (!w || (m >= toMinutes(w.start) && m + u.duration <= toMinutes(w.end))) fitting.push({ day: d.index, start: m });
      }
    }
    if (fitting.length === 0) {
      return w
        ? { code: 'outside_hours', params: { minutes: u.duration, within: `${w.start}–${w.end}` }, reason: `no ${u.duration} minutes within ${w.start}–${w.end} fit the unit's days` }
        : { code: 'outside_hours', params: { minutes: u.duration }, reason: `${u.duration} minutes do not fit the hours of any day` };
    }
    const unitOpen = fitting.filter((t) => !week.days.find((d) => d.index === t.day)!.closedBy && !week.unitBlocks[t.day]!.some((b) => overlaps(b, t.start, t.start + u.duration)));
    if (unitOpen.length === 0) {
      const closures = week.days.some((d) => d.closedBy) || week.input.exceptions.length > 0;
      return { code: 'routine', params: { minutes: u.duration }, reason: `all slots conflict with the routine${closures ? ' or the unit\'s closures' : ''} (no free ${u.duration} minutes in the week)` };
    }
    const freeFor = (pi: number, t: { day: number; start: number }) => !week.participantBlocks[pi]![t.day]!.some((b) => overlaps(b, t.start, t.start + u.duration));
    for (const pi of u.members) {
      if (!unitOpen.some((t) => freeFor(pi, t))) {
        const pid = input.participants[pi]!.id;
        const why = awayReason(week, pi);
        return { code: 'participant_unavailable', params: { participant: pid, why }, reason: `participant ${pid} ${why} all week` };
      }
    }
    const common = unitOpen.filter((t) => u.members.every((pi) => freeFor(pi, t)));
    if (common.length === 0) return { code: 'no_common_time', params: { minutes: u.duration }, reason: `the group's members have no common free ${u.duration} minutes` };
    return { code: 'no_staff', params: { session: name }, reason: `no staff available: none of ${eligible.join(', ')} is on duty when the participants are free` };
  }
  // Statically possible, but every option is taken by other sessions.
  let byPeople = 0;
  let byStaff = 0;
  let byRoom = 0;
  const unitIndex = pb.units.indexOf(u);
  u.starts.forEach((slot, j) => {
    if (!pl.membersFree(unitIndex, slot, u.slots)) byPeople += 1;
    else if (!u.staffAt[j]!.some((k) => pl.free(pl.occK, k, slot, u.slots))) byStaff += 1;
    else if (!u.rooms.some((r) => pl.free(pl.occR, r, slot, u.slots))) byRoom += 1;
  });
  const total = u.starts.length;
  if (byStaff === total || (byStaff >= byPeople && byStaff >= byRoom)) {
    const staffIds = [...new Set(u.staffAt.flat())].map((k) => input.staff[k]!.id);
    return { code: 'busy', params: { blocked: 'staff', staff: staffIds.join(', ') }, reason: `no staff available: ${staffIds.join(', ')} already run other sessions at every possible time` };
  }
  if (byRoom >= byPeople) {
    return { code: 'busy', params: { blocked: 'room', capacity: size }, reason: `every room with capacity ${size} is taken at every possible time` };
  }
  return { code: 'busy', params: { blocked: 'participants' }, reason: 'the participants have other sessions at every possible time' };
}
