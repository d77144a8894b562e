import { createHash, randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type {
  AttendanceBody, ConflictRecord, TimetableSession, TimetableWeek, UnplacedSessionRecord, checkMoveBody, moveBody,
} from '../../../shared/contracts/timetable.ts';
import { addDays, jakartaDate } from '../../../shared/domain/dates.ts';
import {
  type Conflict, type SchedulerInput, type SessionPlacement, type UnplacedCode, createConflictChecker, demandKey, scheduleWeek,
} from '../../../shared/domain/scheduler.ts';
import {
  EXCEPTION_KIND_TO_SCHEDULER, MORNING_SESSION_CODES, MORNING_WINDOW, ROUTINE_KIND_TO_SCHEDULER, movedEnd, renderCalendar, weekIndexOf,
} from '../../../shared/domain/timetable.ts';
import type { Db, DbOrTrx } from '../../db/database.ts';
import { type Actor, type RequestOrigin, mayActIn, requireFacility } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { AppError, forbidden, notFound, validation } from '../../platform/errors.ts';
import { translate } from '../../platform/messages.ts';
import * as repo from './timetable.repository.ts';

const { hhmm } = repo;
/** WIB, UTC+7: the units this serves keep no daylight saving. */
const WIB_OFFSET_MINUTES = 7 * 60;
/** The calendar feed holds the four weeks past and the twelve ahead. */
const FEED_PAST_DAYS = 28;
const FEED_AHEAD_DAYS = 84;

interface UnitWeek {
  input: SchedulerInput;
  people: Map<string, { fullName: string; sdpNumber: string }>;
  rooms: Map<string, { name: string; capacity: number }>;
  staff: Map<string, string>;
  programmes: Map<string, string>;
  sessionNames: Map<string, { name: string; mode: 'group' | 'individual' | 'community' }>;
}

/** Stored with the week: what could not be placed, by ids, translated when read. */
interface StoredUnplaced {
  programmeId: string;
  sessionCode: string;
  groupLabel: string | null;
  memberIds: string[];
  occurrence: number;
  stage: 'grouping' | 'placement';
  code: UnplacedCode;
  params: Record<string, string | number>;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function createTimetableService(deps: { db: Db; now: () => Date }) {
  const { db, now } = deps;

  /** Everything the scheduler needs for one unit and week, read from the stored routine, enrolments, rooms and staff. */
  async function unitWeek(handle: DbOrTrx, facilityId: string, weekStart: string): Promise<UnitWeek> {
    const weekEnd = addDays(weekStart, 6);
    const [types, enrolments, blocks, exceptions, rooms, staff] = await Promise.all([
      repo.programmesWithTypes(handle, facilityId),
      repo.activeEnrolments(handle, facilityId, weekStart, weekEnd),
      repo.routineBlocks(handle, facilityId),
      repo.routineExceptionsIn(handle, facilityId, weekStart, weekEnd),
      repo.activeRooms(handle, facilityId),
      repo.staffOf(handle, facilityId, jakartaDate(now())),
    ]);
    const windows = await repo.availabilityOf(handle, staff.map((s) => s.id));
    const people = new Map<string, { fullName: string; sdpNumber: string }>();
    const enrolled = new Map<string, string[]>();
    for (const e of enrolments) {
      people.set(e.wbp_id, { fullName: e.full_name, sdpNumber: e.sdp_number });
      enrolled.set(e.wbp_id, [...(enrolled.get(e.wbp_id) ?? []), e.programme_id]);
    }
    const ids = [...people.keys()];
    const [courts, pairs] = await Promise.all([repo.courtDatesIn(handle, ids, weekStart, weekEnd), repo.nonAssociationsAmong(handle, ids)]);
    const codesOf = new Map<string, string[]>();
    for (const t of types) codesOf.set(t.programme_id, [...(codesOf.get(t.programme_id) ?? []), t.code]);
    // Staff who keep hours in the unit run its sessions; the unit decides who by giving them hours.
    const runners = staff.filter((s) => windows.some((w) => w.user_id === s.id)).map((s) => s.id);

    const input: SchedulerInput = {
      weekStart,
      weekIndex: weekIndexOf(weekStart),
      routine: blocks.map((b) => ({ dayOfWeek: b.day_of_week, start: hhmm(b.start_time), end: hhmm(b.end_time), kind: ROUTINE_KIND_TO_SCHEDULER[b.kind], label: b.label })),
      exceptions: exceptions.map((e) => ({
        date: e.date, kind: EXCEPTION_KIND_TO_SCHEDULER[e.kind], label: e.label,
        ...(e.start_time && e.end_time ? { start: hhmm(e.start_time), end: hhmm(e.end_time) } : {}),
      })),
      rooms: rooms.map((r) => ({ id: r.id, name: r.name, capacity: r.capacity })),
      staff: staff.map((s) => ({
        id: s.id, name: s.full_name,
        availability: windows.filter((w) => w.user_id === s.id).map((w) => ({ dayOfWeek: w.day_of_week, start: hhmm(w.start_time), end: hhmm(w.end_time) })),
      })),
      participants: ids.map((id) => ({
        id,
        enrolments: (enrolled.get(id) ?? []).filter((p) => codesOf.has(p)).map((programmeId) => ({ programmeId, sessionCodes: codesOf.get(programmeId)! })),
        unavailability: courts.filter((c) => c.wbp_id === id).map((c) => ({
          date: c.date, reason: 'court' as const, ...(c.start_time && c.end_time ? { start: hhmm(c.start_time), end: hhmm(c.end_time) } : {}),
        })),
      })),
      nonAssociations: pairs.map((p) => [p.wbp_a, p.wbp_b] as [string, string]),
      demands: types.map((t) => ({
        programmeId: t.programme_id, sessionCode: t.code, name: t.name, mode: t.mode, perWeek: t.per_week, everyWeeks: t.every_weeks,
        durationMinutes: t.duration_minutes, minGroup: t.min_group, maxGroup: t.max_group, staffIds: runners,
        within: MORNING_SESSION_CODES.has(t.code) ? { ...MORNING_WINDOW } : null,
      })),
    };
    return {
      input,
      people,
      rooms: new Map(rooms.map((r) => [r.id, { name: r.name, capacity: r.capacity }])),
      staff: new Map(staff.map((s) => [s.id, s.full_name])),
      programmes: new Map(types.map((t) => [t.programme_id, t.programme_name])),
      sessionNames: new Map(types.map((t) => [demandKey({ programmeId: t.programme_id, sessionCode: t.code }), { name: t.name, mode: t.mode }])),
    };
  }

  async function toSessions(handle: DbOrTrx, rows: readonly repo.SessionRow[]): Promise<TimetableSession[]> {
    const bySession = bySessionOf(await repo.membersOf(handle, rows.map((r) => r.id)));
    return rows.map((r) => ({
      id: r.id, date: r.date, start: hhmm(r.start_time), end: hhmm(r.end_time), programmeId: r.programme_id, programmeName: r.programme_name,
      sessionCode: r.session_code, sessionName: r.session_name, mode: r.mode, groupLabel: r.group_label, roomId: r.room_id, roomName: r.room_name,
      staffId: r.staff_id, staffName: r.staff_name,
      members: (bySession.get(r.id) ?? []).map((m) => ({ wbpId: m.wbp_id, fullName: m.full_name, sdpNumber: m.sdp_number })), attendanceRecorded: r.attendance_recorded,
      moved: r.moved_at !== null, version: r.version,
    }));
  }

  async function weekRecord(handle: DbOrTrx, facilityId: string, weekStart: string): Promise<TimetableWeek | null> {
    const week = await repo.findWeek(handle, facilityId, weekStart);
    if (!week) return null;
    const [rows, rooms, staff] = await Promise.all([repo.sessionsOfWeek(handle, week.id), repo.activeRooms(handle, facilityId), repo.staffOf(handle, facilityId, jakartaDate(now()))]);
    const stored = week.unplaced as StoredUnplaced[];
    const peopleIds = [...new Set(stored.flatMap((u) => u.memberIds))];
    const names = new Map((await repo.membersOfPeople(handle, peopleIds)).map((p) => [p.id, p]));
    const types = await repo.programmesWithTypes(handle, facilityId);
    const unplaced: UnplacedSessionRecord[] = stored.map((u) => {
      const type = types.find((t) => t.programme_id === u.programmeId && t.code === u.sessionCode);
      const person = (id: string) => ({ wbpId: id, fullName: names.get(id)?.full_name ?? id, sdpNumber: names.get(id)?.sdp_number ?? '' });
      const params = { ...u.params };
      if (typeof params.participant === 'string') params.participant = names.get(params.participant)?.full_name ?? params.participant;
      return {
        programmeName: type?.programme_name ?? '', sessionName: type?.name ?? u.sessionCode, groupLabel: u.groupLabel,
        members: u.memberIds.map(person), occurrence: u.occurrence, stage: u.stage, code: u.code, params,
      };
    });
    return {
      id: week.id, facilityId, weekStart: week.week_start, generatedAt: week.generated_at.toISOString(), generatedBy: week.generated_by_name,
      required: week.required, placed: week.placed, sessions: await toSessions(handle, rows), unplaced,
      rooms: rooms.map((r) => ({ id: r.id, name: r.name, capacity: r.capacity })),
      staff: staff.map((s) => ({ id: s.id, name: s.full_name })),
    };
  }

  /** The conflicts of one session in its week, with names for the translated message. */
  async function conflictsOfMove(
    handle: DbOrTrx, session: repo.SessionRow, to: z.infer<typeof checkMoveBody>,
  ): Promise<{ end: string; conflicts: ConflictRecord[] }> {
    const end = movedEnd(to.start, hhmm(session.start_time), hhmm(session.end_time));
    if (end === null) throw validation([{ field: 'start', message: 'validation.timetable.passesMidnight' }]);
    const unit = await unitWeek(handle, session.facility_id, await repo.weekStartOf(handle, session.week_id));
    const rows = await repo.sessionsOfWeek(handle, session.week_id);
    const members = bySessionOf(await repo.membersOf(handle, rows.map((r) => r.id)));
    const placements: SessionPlacement[] = rows.map((r) => ({
      id: r.id, demandKey: demandKey({ programmeId: r.programme_id, sessionCode: r.session_code }), date: r.date, start: hhmm(r.start_time),
      end: hhmm(r.end_time), roomId: r.room_id, staffId: r.staff_id, participantIds: (members.get(r.id) ?? []).map((m) => m.wbp_id),
    }));
    const moved = placements.find((p) => p.id === session.id)!;
    Object.assign(moved, { date: to.date, start: to.start, end, roomId: to.roomId, staffId: to.staffId });
    // A person who left the programme since keeps their place in the stored session; the check
    // knows them as long as they are enrolled, and skips them otherwise.
    const known = new Set(unit.people.keys());
    moved.participantIds = moved.participantIds.filter((id) => known.has(id));
    const checker = createConflictChecker(unit.input);
    const all = checker.check(placements.map((p) => (p.id === session.id ? p : { ...p, participantIds: p.participantIds.filter((id) => known.has(id)) })));
    const byId = new Map(rows.map((r) => [r.id, r]));
    // A session type dropped from the programme since the week was made does not stop its sessions
    // being moved; a room or staff member from outside the unit (unknown_room, unknown_staff) does.
    const conflicts = all
      .filter((c) => c.sessionIds.includes(session.id) && c.kind !== 'unknown_demand' && c.kind !== 'unknown_participant')
      .map((c) => describeConflict(c, session.id, unit, byId));
    return { end, conflicts };
  }

  function describeConflict(c: Conflict, self: string, unit: UnitWeek, rows: Map<string, repo.SessionRow>): ConflictRecord {
    const params: Record<string, string> = {};
    if (c.participantId) params.person = unit.people.get(c.participantId)?.fullName ?? c.participantId;
    if (c.staffId) params.staff = unit.staff.get(c.staffId) ?? c.staffId;
    if (c.roomId) params.room = unit.rooms.get(c.roomId)?.name ?? c.roomId;
    // A routine block's own words, or the code of a person's absence (court…), which the client says in its language.
    if (c.label) params.label = c.label;
    if (c.span) params.time = c.span;
    const other = c.sessionIds.find((id) => id !== self);
    const otherRow = other ? rows.get(other) : undefined;
    if (otherRow) params.other = `${otherRow.session_name} ${hhmm(otherRow.start_time)}–${hhmm(otherRow.end_time)}`;
    return { kind: c.kind, params };
  }

  async function sessionOrThrow(handle: DbOrTrx, actor: Actor, id: string) {
    const session = await repo.findSession(handle, id, actor.facilityIds);
    if (!session) throw notFound('session');
    return session;
  }

  async function attendanceRecord(handle: DbOrTrx, session: repo.SessionRow) {
    const [record] = await toSessions(handle, [session]);
    const rows = await repo.attendanceOf(handle, session.id);
    const byPerson = new Map(rows.map((r) => [r.wbp_id, r]));
    const latest = rows.reduce<(typeof rows)[number] | null>((a, r) => (a === null || r.recorded_at > a.recorded_at ? r : a), null);
    return {
      session: record!,
      members: record!.members.map((m) => {
        const a = byPerson.get(m.wbpId);
        return { ...m, status: a?.status ?? null, absenceReason: a?.absence_reason ?? null, note: a?.note ?? null };
      }),
      recordedAt: latest ? latest.recorded_at.toISOString() : null,
      recordedBy: latest ? latest.recorded_by_name : null,
    };
  }

  return {
    async week(actor: Actor, facilityId: string, weekStart: string, origin: RequestOrigin) {
      requireFacility(actor, facilityId);
      return db.transaction().execute(async (trx) => {
        const week = await weekRecord(trx, facilityId, weekStart);
        if (week) await writeAudit(trx, { actor, origin }, { action: 'read', entityType: 'timetable_week', entityId: week.id, facilityId });
        return { week };
      });
    },

    /**
     * Makes (or makes again) a unit's timetable for a week from what is stored now. A week with
     * attendance recorded is history and is not replaced; its sessions can still be moved one by one.
     */
    async generate(actor: Actor, facilityId: string, weekStart: string, origin: RequestOrigin): Promise<TimetableWeek> {
      requireFacility(actor, facilityId);
      return db.transaction().execute(async (trx) => {
        const existing = await repo.findWeek(trx, facilityId, weekStart, true);
        let replaced = 0;
        if (existing) {
          if (await repo.weekHasAttendance(trx, existing.id)) throw new AppError('CONFLICT', 'error.timetableAttendanceRecorded');
          replaced = await repo.deleteSessionsOfWeek(trx, existing.id);
        }
        const unit = await unitWeek(trx, facilityId, weekStart);
        const result = scheduleWeek(unit.input);
        // Groups are numbered per session type in the order the scheduler formed them.
        const labels = new Map<string, string>();
        const counters = new Map<string, number>();
        for (const g of result.groups) {
          const n = (counters.get(g.demandKey) ?? 0) + 1;
          counters.set(g.demandKey, n);
          labels.set(g.id, g.mode === 'community' ? translate('id', 'timetable.community') : translate('id', 'timetable.groupLabel', { n }));
        }
        const unplaced: StoredUnplaced[] = result.unplaced.map((u) => {
          const [programmeId, sessionCode] = splitKey(u.demandKey);
          return {
            programmeId, sessionCode, groupLabel: u.groupId ? labels.get(u.groupId) ?? null : null, memberIds: u.participantIds,
            occurrence: u.occurrence, stage: u.stage, code: u.code, params: u.params,
          };
        });
        const weekId = await repo.upsertWeek(trx, {
          facilityId, weekStart, weekIndex: result.weekIndex, required: result.stats.required, placed: result.stats.placed,
          groups: result.groups.map((g) => ({ label: labels.get(g.id), demandKey: g.demandKey, memberIds: g.participantIds })), unplaced, by: actor.userId, at: now(),
        });
        await repo.insertSessions(trx, result.sessions.map((s) => ({
          weekId, facilityId, programmeId: s.programmeId, sessionCode: s.sessionCode,
          sessionName: unit.sessionNames.get(s.demandKey)?.name ?? s.sessionCode, mode: unit.sessionNames.get(s.demandKey)?.mode ?? 'individual',
          groupLabel: s.groupId ? labels.get(s.groupId) ?? null : null, occurrence: s.occurrence, date: s.date, start: s.start, end: s.end,
          roomId: s.roomId, staffId: s.staffId, memberIds: s.participantIds,
        })));
        await writeAudit(trx, { actor, origin }, {
          action: existing ? 'update' : 'create', entityType: 'timetable_week', entityId: weekId, facilityId,
          details: { weekStart, required: result.stats.required, placed: result.stats.placed, replacedSessions: replaced },
        });
        return (await weekRecord(trx, facilityId, weekStart))!;
      });
    },

    async checkMove(actor: Actor, sessionId: string, to: z.infer<typeof checkMoveBody>) {
      const session = await sessionOrThrow(db, actor, sessionId);
      return conflictsOfMove(db, session, to);
    },

    async move(actor: Actor, sessionId: string, to: z.infer<typeof moveBody>, origin: RequestOrigin): Promise<TimetableSession> {
      return db.transaction().execute(async (trx) => {
        await repo.lockSession(trx, sessionId);
        const session = await sessionOrThrow(trx, actor, sessionId);
        if (session.version !== to.version) throw new AppError('CONFLICT', 'error.conflict');
        if (session.attendance_recorded) throw new AppError('CONFLICT', 'error.timetableSessionHeld');
        const { end, conflicts } = await conflictsOfMove(trx, session, to);
        if (conflicts.length > 0) throw new AppError('CONFLICT', 'error.timetableMoveConflicts', { params: { count: conflicts.length }, extra: { conflicts } });
        if (!(await repo.moveSession(trx, sessionId, to.version, { ...to, end }, actor.userId, now()))) throw new AppError('CONFLICT', 'error.conflict');
        await writeAudit(trx, { actor, origin }, {
          action: 'update', entityType: 'timetable_session', entityId: sessionId, facilityId: session.facility_id,
          details: {
            before: { date: session.date, start: hhmm(session.start_time), roomId: session.room_id, staffId: session.staff_id },
            after: { date: to.date, start: to.start, roomId: to.roomId, staffId: to.staffId },
          },
        });
        const [record] = await toSessions(trx, [(await repo.findSession(trx, sessionId, actor.facilityIds))!]);
        return record!;
      });
    },

    async custodyList(actor: Actor, facilityId: string, date: string, origin: RequestOrigin) {
      requireFacility(actor, facilityId);
      return db.transaction().execute(async (trx) => {
        const rows = await repo.custodyRows(trx, facilityId, date);
        await writeAudit(trx, { actor, origin }, { action: 'read', entityType: 'custody_list', facilityId, details: { date, rows: rows.length } });
        return {
          date, facilityName: (await repo.facilityName(trx, facilityId)) ?? '',
          rows: rows.map((r) => ({ start: hhmm(r.start_time), end: hhmm(r.end_time), roomName: r.room_name, fullName: r.full_name, sdpNumber: r.sdp_number, block: r.block })),
        };
      });
    },

    /** A staff member's sessions of a day; one's own, or anyone's for those who manage the timetable. */
    async staffDay(actor: Actor, facilityId: string, date: string, staffId: string | undefined, origin: RequestOrigin) {
      requireFacility(actor, facilityId);
      const who = staffId ?? actor.userId;
      if (who !== actor.userId && !mayActIn(actor, 'timetable.manage', facilityId)) throw forbidden();
      return db.transaction().execute(async (trx) => {
        const staff = (await repo.staffOf(trx, facilityId, jakartaDate(now()))).find((s) => s.id === who);
        if (!staff) throw notFound('user');
        const sessions = await toSessions(trx, await repo.sessionsOfStaffOn(trx, facilityId, who, date));
        await writeAudit(trx, { actor, origin }, { action: 'read', entityType: 'staff_day', entityId: who, facilityId, details: { date } });
        return { date, staffId: who, staffName: staff.full_name, facilityName: (await repo.facilityName(trx, facilityId)) ?? '', sessions };
      });
    },

    async calendarLink(actor: Actor) {
      const row = await repo.calendarToken(db, actor.userId);
      // The secret itself is not kept: an existing link can be replaced, not shown again.
      return { link: row ? { url: null, createdAt: row.created_at.toISOString() } : null };
    },

    async createCalendarLink(actor: Actor, origin: RequestOrigin) {
      const token = randomBytes(24).toString('base64url');
      const at = now();
      await db.transaction().execute(async (trx) => {
        await repo.setCalendarToken(trx, actor.userId, hashToken(token), at);
        await writeAudit(trx, { actor, origin }, { action: 'create', entityType: 'calendar_link', entityId: actor.userId });
      });
      return { url: `/api/calendar/${token}.ics`, createdAt: at.toISOString() };
    },

    async removeCalendarLink(actor: Actor, origin: RequestOrigin): Promise<void> {
      await db.transaction().execute(async (trx) => {
        // Removing a link that is already gone changes nothing and is not an error.
        if (await repo.deleteCalendarToken(trx, actor.userId)) {
          await writeAudit(trx, { actor, origin }, { action: 'delete', entityType: 'calendar_link', entityId: actor.userId });
        }
      });
    },

    /**
     * The iCalendar feed behind a secret link: the staff member's sessions, with the session type,
     * group, room and unit and the number of people, never their names (a calendar leaves the system).
     */
    async calendarFeed(token: string): Promise<string> {
      const user = await repo.userOfCalendarToken(db, hashToken(token));
      if (!user) throw notFound('calendar');
      const today = jakartaDate(now());
      const sessions = await repo.sessionsOfStaffBetween(db, user.id, addDays(today, -FEED_PAST_DAYS), addDays(today, FEED_AHEAD_DAYS));
      return renderCalendar({
        name: translate('id', 'timetable.calendarName', { name: user.full_name }),
        offsetMinutes: WIB_OFFSET_MINUTES,
        now: now(),
        events: sessions.map((s) => ({
          uid: `${s.id}@pulih`, date: s.date, start: hhmm(s.start_time), end: hhmm(s.end_time),
          summary: s.group_label ? `${s.session_name} — ${s.group_label}` : s.session_name,
          location: `${s.room_name}, ${s.facility_name}`,
          description: translate('id', 'timetable.calendarPeople', { count: s.member_count }),
        })),
      });
    },

    async attendance(actor: Actor, sessionId: string, origin: RequestOrigin) {
      return db.transaction().execute(async (trx) => {
        const session = await sessionOrThrow(trx, actor, sessionId);
        await writeAudit(trx, { actor, origin }, { action: 'read', entityType: 'attendance', entityId: sessionId, facilityId: session.facility_id });
        return attendanceRecord(trx, session);
      });
    },

    /** Attendance for the whole group at once; recording again corrects it, and the audit keeps what it was. */
    async recordAttendance(actor: Actor, sessionId: string, body: AttendanceBody, origin: RequestOrigin) {
      return db.transaction().execute(async (trx) => {
        await repo.lockSession(trx, sessionId);
        const session = await sessionOrThrow(trx, actor, sessionId);
        if (session.date > jakartaDate(now())) throw validation([{ field: 'date', message: 'validation.attendance.future' }]);
        const memberIds = new Set((await repo.membersOf(trx, [sessionId])).map((m) => m.wbp_id));
        const problems: { field: string; message: string }[] = [];
        const seen = new Set<string>();
        body.entries.forEach((e, i) => {
          if (!memberIds.has(e.wbpId)) problems.push({ field: `entries.${i}.wbpId`, message: 'validation.attendance.notMember' });
          else if (seen.has(e.wbpId)) problems.push({ field: `entries.${i}.wbpId`, message: 'validation.attendance.duplicate' });
          seen.add(e.wbpId);
        });
        if (problems.length === 0 && seen.size !== memberIds.size) problems.push({ field: 'entries', message: 'validation.attendance.everyMember' });
        if (problems.length > 0) throw validation(problems);
        const before = await repo.attendanceOf(trx, sessionId);
        await repo.saveAttendance(trx, sessionId, body.entries, actor.userId, now());
        await writeAudit(trx, { actor, origin }, {
          action: before.length > 0 ? 'update' : 'create', entityType: 'attendance', entityId: sessionId, facilityId: session.facility_id,
          details: {
            ...(before.length > 0 ? { before: before.map((b) => ({ wbpId: b.wbp_id, status: b.status, absenceReason: b.absence_reason, note: b.note })) } : {}),
            after: body.entries,
          },
        });
        return attendanceRecord(trx, (await repo.findSession(trx, sessionId, actor.facilityIds))!);
      });
    },

    async personAttendance(actor: Actor, wbpId: string, origin: RequestOrigin) {
      return db.transaction().execute(async (trx) => {
        const person = await repo.findPerson(trx, wbpId, actor.facilityIds);
        if (!person) throw notFound('wbp');
        const rows = await repo.attendanceOfPerson(trx, wbpId);
        await writeAudit(trx, { actor, origin }, { action: 'read', entityType: 'attendance', entityId: wbpId, facilityId: person.facility_id });
        return {
          items: rows.map((r) => ({
            sessionId: r.session_id, date: r.date, start: hhmm(r.start_time), end: hhmm(r.end_time), programmeName: r.programme_name,
            sessionName: r.session_name, status: r.status, absenceReason: r.absence_reason, note: r.note,
          })),
          summary: {
            present: rows.filter((r) => r.status === 'present').length,
            absent: rows.filter((r) => r.status === 'absent').length,
            excused: rows.filter((r) => r.status === 'excused').length,
          },
        };
      });
    },
  };
}

/** Rows of many sessions, each session's in the order read. */
function bySessionOf<T extends { session_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const bySession = new Map<string, T[]>();
  for (const row of rows) {
    const list = bySession.get(row.session_id);
    if (list) list.push(row);
    else bySession.set(row.session_id, [row]);
  }
  return bySession;
}

function splitKey(key: string): [string, string] {
  const at = key.indexOf(':');
  return [key.slice(0, at), key.slice(at + 1)];
}

export type TimetableService = ReturnType<typeof createTimetableService>;
