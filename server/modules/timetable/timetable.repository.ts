import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';
import { referredInForceTo } from '../../db/postRehab.ts';

export { hhmm } from '../../db/time.ts';

// --- What the scheduler needs ---------------------------------------------------------------------

export async function facilityName(db: DbOrTrx, facilityId: string): Promise<string | undefined> {
  return (await db.selectFrom('organizations').select('name').where('id', '=', facilityId).executeTakeFirst())?.name;
}

export async function programmesWithTypes(db: DbOrTrx, facilityId: string) {
  return db
    .selectFrom('programme_session_types as t')
    .innerJoin('programmes as p', 'p.id', 't.programme_id')
    .select([
      'p.id as programme_id', 'p.name as programme_name', 't.code', 't.name', 't.mode', 't.per_week', 't.every_weeks', 't.duration_minutes',
      't.min_group', 't.max_group',
    ])
    .where('p.facility_id', '=', facilityId)
    .where('p.active', '=', true)
    .orderBy('p.name')
    .orderBy('t.position')
    .execute();
}

/**
 * Active enrolments running in the week, of people held in the unit now (in a Bapas, of its
 * post-rehabilitation clients). Ordered by start date,
 * then name: the scheduler fills groups in this order, so week after week the same people keep
 * landing in the same static groups and newcomers join at the end.
 */
export async function activeEnrolments(db: DbOrTrx, facilityId: string, weekStart: string, weekEnd: string) {
  return db
    .selectFrom('enrolments as e')
    .innerJoin('programmes as p', 'p.id', 'e.programme_id')
    .innerJoin('wbp as w', 'w.id', 'e.wbp_id')
    .select(['e.wbp_id', 'e.programme_id', 'w.full_name', 'w.sdp_number', 'e.start_date'])
    .where('p.facility_id', '=', facilityId)
    .where('p.active', '=', true)
    // People held in the unit; a Bapas holds no one, and its clients (released) come by an accepted
    // aftercare referral with consent in force (docs/adr/0018).
    .where((eb) => eb.or([
      eb.and([eb('w.facility_id', '=', facilityId), eb('w.released_on', 'is', null)]),
      referredInForceTo(facilityId),
    ]))
    .where('e.status', '=', 'active')
    .where('e.start_date', '<=', weekEnd)
    .where((eb) => eb.or([eb('e.expected_end_date', 'is', null), eb('e.expected_end_date', '>=', weekStart)]))
    .orderBy('e.start_date')
    .orderBy('e.created_at')
    .orderBy('w.full_name')
    .execute();
}

export async function courtDatesIn(db: DbOrTrx, wbpIds: readonly string[], from: string, to: string) {
  if (wbpIds.length === 0) return [];
  return db
    .selectFrom('court_dates')
    .select(['wbp_id', 'date', 'start_time', 'end_time', 'note'])
    .where('wbp_id', 'in', [...wbpIds])
    .where('date', '>=', from)
    .where('date', '<=', to)
    .execute();
}

export async function nonAssociationsAmong(db: DbOrTrx, wbpIds: readonly string[]) {
  if (wbpIds.length === 0) return [];
  return db.selectFrom('non_associations').select(['wbp_a', 'wbp_b']).where('wbp_a', 'in', [...wbpIds]).where('wbp_b', 'in', [...wbpIds]).execute();
}

export { routineBlocks } from '../../db/routine.ts';

export async function routineExceptionsIn(db: DbOrTrx, facilityId: string, from: string, to: string) {
  return db.selectFrom('routine_exceptions').selectAll().where('facility_id', '=', facilityId).where('date', '>=', from).where('date', '<=', to).execute();
}

export async function activeRooms(db: DbOrTrx, facilityId: string) {
  return db.selectFrom('rooms').select(['id', 'name', 'capacity']).where('facility_id', '=', facilityId).where('active', '=', true).orderBy('name').execute();
}

/** Accounts that run sessions in a unit, and their weekly hours. */
export { availabilityOf, staffOf } from '../../db/staff.ts';

// --- Weeks and sessions ---------------------------------------------------------------------------

export async function findWeek(db: DbOrTrx, facilityId: string, weekStart: string, lock = false) {
  let q = db.selectFrom('timetable_weeks as w').leftJoin('users as u', 'u.id', 'w.generated_by').selectAll('w').select('u.full_name as generated_by_name')
    .where('w.facility_id', '=', facilityId).where('w.week_start', '=', weekStart);
  if (lock) q = q.forUpdate('w');
  return q.executeTakeFirst();
}

export async function weekStartOf(db: DbOrTrx, weekId: string): Promise<string> {
  return (await db.selectFrom('timetable_weeks').select('week_start').where('id', '=', weekId).executeTakeFirstOrThrow()).week_start;
}

export async function weekHasAttendance(db: DbOrTrx, weekId: string): Promise<boolean> {
  const row = await db
    .selectFrom('attendance as a')
    .innerJoin('timetable_sessions as s', 's.id', 'a.session_id')
    .select('a.session_id')
    .where('s.week_id', '=', weekId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function deleteSessionsOfWeek(db: DbOrTrx, weekId: string): Promise<number> {
  const result = await db.deleteFrom('timetable_sessions').where('week_id', '=', weekId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function upsertWeek(
  db: DbOrTrx,
  w: { facilityId: string; weekStart: string; weekIndex: number; required: number; placed: number; groups: unknown; unplaced: unknown; by: string; at: Date },
): Promise<string> {
  const row = await db
    .insertInto('timetable_weeks')
    .values({
      facility_id: w.facilityId, week_start: w.weekStart, week_index: w.weekIndex, required: w.required, placed: w.placed,
      groups: JSON.stringify(w.groups), unplaced: JSON.stringify(w.unplaced), generated_by: w.by, generated_at: w.at,
    })
    .onConflict((oc) => oc.columns(['facility_id', 'week_start']).doUpdateSet((eb) => ({
      week_index: eb.ref('excluded.week_index'), required: eb.ref('excluded.required'), placed: eb.ref('excluded.placed'),
      groups: eb.ref('excluded.groups'), unplaced: eb.ref('excluded.unplaced'), generated_by: eb.ref('excluded.generated_by'),
      generated_at: eb.ref('excluded.generated_at'),
    })))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface NewSession {
  weekId: string;
  facilityId: string;
  programmeId: string;
  sessionCode: string;
  sessionName: string;
  mode: 'group' | 'individual' | 'community';
  groupLabel: string | null;
  occurrence: number;
  date: string;
  start: string;
  end: string;
  roomId: string;
  staffId: string;
  memberIds: readonly string[];
}

export async function insertSessions(db: DbOrTrx, sessions: readonly NewSession[]): Promise<void> {
  const CHUNK = 500;
  for (let i = 0; i < sessions.length; i += CHUNK) {
    const chunk = sessions.slice(i, i + CHUNK);
    const ids = await db
      .insertInto('timetable_sessions')
      .values(chunk.map((s) => ({
        week_id: s.weekId, facility_id: s.facilityId, programme_id: s.programmeId, session_code: s.sessionCode, session_name: s.sessionName,
        mode: s.mode, group_label: s.groupLabel, occurrence: s.occurrence, date: s.date, start_time: s.start, end_time: s.end,
        room_id: s.roomId, staff_id: s.staffId,
      })))
      .returning('id')
      .execute();
    const members = chunk.flatMap((s, k) => s.memberIds.map((wbpId) => ({ session_id: ids[k]!.id, wbp_id: wbpId })));
    for (let j = 0; j < members.length; j += CHUNK * 4) {
      await db.insertInto('timetable_session_members').values(members.slice(j, j + CHUNK * 4)).execute();
    }
  }
}

function sessionQuery(db: DbOrTrx) {
  return db
    .selectFrom('timetable_sessions as s')
    .innerJoin('programmes as p', 'p.id', 's.programme_id')
    .innerJoin('rooms as r', 'r.id', 's.room_id')
    .innerJoin('users as u', 'u.id', 's.staff_id')
    .select([
      's.id', 's.week_id', 's.facility_id', 's.programme_id', 'p.name as programme_name', 's.session_code', 's.session_name', 's.mode',
      's.group_label', 's.occurrence', 's.date', 's.start_time', 's.end_time', 's.room_id', 'r.name as room_name', 's.staff_id',
      'u.full_name as staff_name', 's.moved_at', 's.version',
      sql<boolean>`EXISTS (SELECT 1 FROM attendance a WHERE a.session_id = s.id)`.as('attendance_recorded'),
    ]);
}
export type SessionRow = Awaited<ReturnType<ReturnType<typeof sessionQuery>['execute']>>[number];

export async function sessionsOfWeek(db: DbOrTrx, weekId: string) {
  return sessionQuery(db).where('s.week_id', '=', weekId).orderBy('s.date').orderBy('s.start_time').orderBy('r.name').execute();
}

export async function sessionsOfStaffOn(db: DbOrTrx, facilityId: string, staffId: string, date: string) {
  return sessionQuery(db).where('s.facility_id', '=', facilityId).where('s.staff_id', '=', staffId).where('s.date', '=', date)
    .orderBy('s.start_time').execute();
}

export async function findSession(db: DbOrTrx, id: string, facilityIds: readonly string[]) {
  if (facilityIds.length === 0) return undefined;
  return sessionQuery(db).where('s.id', '=', id).where('s.facility_id', 'in', [...facilityIds]).executeTakeFirst();
}

export async function lockSession(db: DbOrTrx, id: string): Promise<void> {
  await db.selectFrom('timetable_sessions').select('id').where('id', '=', id).forUpdate().execute();
}

export async function membersOf(db: DbOrTrx, sessionIds: readonly string[]) {
  if (sessionIds.length === 0) return [];
  return db
    .selectFrom('timetable_session_members as m')
    .innerJoin('wbp as w', 'w.id', 'm.wbp_id')
    .select(['m.session_id', 'm.wbp_id', 'w.full_name', 'w.sdp_number', 'w.block'])
    .where('m.session_id', 'in', [...sessionIds])
    .orderBy('w.full_name')
    .execute();
}

export async function moveSession(
  db: DbOrTrx, id: string, version: number, to: { date: string; start: string; end: string; roomId: string; staffId: string }, by: string, at: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('timetable_sessions')
    .set({
      date: to.date, start_time: to.start, end_time: to.end, room_id: to.roomId, staff_id: to.staffId, moved_by: by, moved_at: at,
      version: sql<number>`version + 1`,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The custody officers' list: names, blocks, rooms and times; nothing about the programme. Nobody released by the day is fetched. */
export async function custodyRows(db: DbOrTrx, facilityId: string, date: string) {
  return db
    .selectFrom('timetable_sessions as s')
    .innerJoin('timetable_session_members as m', 'm.session_id', 's.id')
    .innerJoin('wbp as w', 'w.id', 'm.wbp_id')
    .innerJoin('rooms as r', 'r.id', 's.room_id')
    .select(['s.start_time', 's.end_time', 'r.name as room_name', 'w.full_name', 'w.sdp_number', 'w.block'])
    .where('s.facility_id', '=', facilityId)
    .where('s.date', '=', date)
    .where((eb) => eb.or([eb('w.released_on', 'is', null), eb('w.released_on', '>', date)]))
    .orderBy('s.start_time')
    .orderBy('r.name')
    .orderBy('w.block')
    .orderBy('w.full_name')
    .execute();
}

// --- Attendance -----------------------------------------------------------------------------------

export async function attendanceOf(db: DbOrTrx, sessionId: string) {
  return db
    .selectFrom('attendance as a')
    .innerJoin('users as u', 'u.id', 'a.recorded_by')
    .select(['a.wbp_id', 'a.status', 'a.absence_reason', 'a.note', 'a.recorded_at', 'u.full_name as recorded_by_name'])
    .where('a.session_id', '=', sessionId)
    .execute();
}

export async function saveAttendance(
  db: DbOrTrx, sessionId: string,
  entries: readonly { wbpId: string; status: 'present' | 'absent' | 'excused'; absenceReason: 'court' | 'sick' | 'visit' | 'refused' | 'security' | 'transferred' | 'other' | null; note: string | null }[],
  by: string, at: Date,
): Promise<void> {
  await db
    .insertInto('attendance')
    .values(entries.map((e) => ({
      session_id: sessionId, wbp_id: e.wbpId, status: e.status, absence_reason: e.status === 'absent' ? e.absenceReason : null, note: e.note,
      recorded_by: by, recorded_at: at,
    })))
    .onConflict((oc) => oc.columns(['session_id', 'wbp_id']).doUpdateSet((eb) => ({
      status: eb.ref('excluded.status'), absence_reason: eb.ref('excluded.absence_reason'), note: eb.ref('excluded.note'),
      recorded_by: eb.ref('excluded.recorded_by'), recorded_at: eb.ref('excluded.recorded_at'),
    })))
    .execute();
}

export async function attendanceOfPerson(db: DbOrTrx, wbpId: string) {
  return db
    .selectFrom('attendance as a')
    .innerJoin('timetable_sessions as s', 's.id', 'a.session_id')
    .innerJoin('programmes as p', 'p.id', 's.programme_id')
    .select(['a.session_id', 's.date', 's.start_time', 's.end_time', 'p.name as programme_name', 's.session_name', 'a.status', 'a.absence_reason', 'a.note'])
    .where('a.wbp_id', '=', wbpId)
    .orderBy('s.date', 'desc')
    .orderBy('s.start_time', 'desc')
    .execute();
}

export async function membersOfPeople(db: DbOrTrx, wbpIds: readonly string[]) {
  if (wbpIds.length === 0) return [];
  return db.selectFrom('wbp').select(['id', 'full_name', 'sdp_number']).where('id', 'in', [...wbpIds]).execute();
}

export { findPerson } from '../../db/people.ts';

// --- Calendar feeds ---------------------------------------------------------------------------------

export async function calendarToken(db: DbOrTrx, userId: string) {
  return db.selectFrom('calendar_tokens').select(['created_at']).where('user_id', '=', userId).executeTakeFirst();
}

export async function setCalendarToken(db: DbOrTrx, userId: string, hash: string, at: Date): Promise<void> {
  await db
    .insertInto('calendar_tokens')
    .values({ user_id: userId, token_hash: hash, created_at: at })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ token_hash: hash, created_at: at }))
    .execute();
}

export async function deleteCalendarToken(db: DbOrTrx, userId: string): Promise<boolean> {
  const result = await db.deleteFrom('calendar_tokens').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function userOfCalendarToken(db: DbOrTrx, hash: string) {
  return db
    .selectFrom('calendar_tokens as c')
    .innerJoin('users as u', 'u.id', 'c.user_id')
    .select(['u.id', 'u.full_name'])
    .where('c.token_hash', '=', hash)
    .where('u.active', '=', true)
    .executeTakeFirst();
}

/** A staff member's sessions in a date range, in every unit, with the unit's name (for the feed). */
export async function sessionsOfStaffBetween(db: DbOrTrx, staffId: string, from: string, to: string) {
  return db
    .selectFrom('timetable_sessions as s')
    .innerJoin('rooms as r', 'r.id', 's.room_id')
    .innerJoin('organizations as o', 'o.id', 's.facility_id')
    .select([
      's.id', 's.date', 's.start_time', 's.end_time', 's.session_name', 's.group_label', 'r.name as room_name', 'o.name as facility_name',
      sql<number>`(SELECT count(*) FROM timetable_session_members m WHERE m.session_id = s.id)::int`.as('member_count'),
    ])
    .where('s.staff_id', '=', staffId)
    .where('s.date', '>=', from)
    .where('s.date', '<=', to)
    .orderBy('s.date')
    .orderBy('s.start_time')
    .execute();
}
