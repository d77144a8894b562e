import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type {
  ConflictRecord, SessionAttendance, TimetableSession, TimetableWeek, calendarLink, checkMoveResult, custodyList, personAttendanceList, staffDay,
} from '../../../shared/contracts/timetable.ts';
import { addDays, isoWeekday } from '../../../shared/domain/dates.ts';
import { DEMO_PASSWORD, seedDemo } from '../../seed/demo.ts';
import { type Session, type TestApp, signIn, testApp } from '../../testing/app.ts';
import { grantAccess, makeAssessment, makeOrganization, makeProgramme, makeUser, makeWbp } from '../../testing/factories.ts';

let ctx: TestApp;
// Sunday 22 November 2026, 10:00 in Jakarta: the week of Monday 16 November has been held.
const NOW = new Date('2026-11-22T03:00:00Z');
const WEEK = '2026-11-16';
const NEXT_WEEK = '2026-11-23';

beforeEach(async () => {
  ctx = await testApp({ now: () => NOW });
});
afterEach(async () => ctx.close());

// --- Units to plan -------------------------------------------------------------------------------

interface Unit {
  unitId: string;
  /** Signed in as a clinic staff member of the unit, who manages the timetable. */
  clinic: Session;
}

/** The demo's first Rutan: programmes, rooms, routine, staff hours, a TC of 16 and 6 in medical rehabilitation. */
async function demoRutan(): Promise<Unit> {
  await seedDemo(ctx.db, { anchor: '2026-11-22' });
  const unit = await ctx.db.selectFrom('organizations').select('id').where('code', '=', 'RUTAN-SERANG').executeTakeFirstOrThrow();
  return { unitId: unit.id, clinic: await demoUser('klinik.serang') };
}

const demoUser = (username: string) => signIn(ctx.app, username, DEMO_PASSWORD);

async function userId(username: string): Promise<string> {
  return (await ctx.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}

interface SmallUnit extends Unit {
  clinicianId: string;
  clinicianName: string;
  headId: string;
  roomId: string;
  people: { id: string; full_name: string }[];
}

/**
 * A unit with one clinic staff member on duty Monday to Friday 08:00–16:00, one room, no routine,
 * and `people` enrolled in medical rehabilitation (individual sessions, and a seminar for six or more).
 */
async function smallUnit(people = 1): Promise<SmallUnit> {
  const unit = await makeOrganization(ctx.db, { kind: 'rutan' });
  const clinician = await makeUser(ctx.db, { role: 'clinic_staff', organizationId: unit.id });
  const head = await makeUser(ctx.db, { role: 'head_of_unit', organizationId: unit.id });
  const room = await ctx.db.insertInto('rooms').values({ facility_id: unit.id, name: 'Ruang Konseling', capacity: 10 }).returning('id').executeTakeFirstOrThrow();
  await ctx.db
    .insertInto('staff_availability')
    .values([1, 2, 3, 4, 5].map((day) => ({ user_id: clinician.id, day_of_week: day, start_time: '08:00', end_time: '16:00' })))
    .execute();
  const programme = await makeProgramme(ctx.db, unit.id, 'medical');
  const enrolled: { id: string; full_name: string }[] = [];
  for (let i = 0; i < people; i += 1) {
    const person = await makeWbp(ctx.db, { facility_id: unit.id });
    await enrol(person.id, unit.id, programme.id, head.id);
    enrolled.push(person);
  }
  return {
    unitId: unit.id, clinic: await signIn(ctx.app, clinician.username), clinicianId: clinician.id, clinicianName: clinician.full_name,
    headId: head.id, roomId: room.id, people: enrolled,
  };
}

let decree = 0;
/** An active enrolment since 2 November, on a signed assessment and the head of unit's decision. */
async function enrol(wbpId: string, facilityId: string, programmeId: string, headId: string): Promise<void> {
  decree += 1;
  const assessment = await makeAssessment(ctx.db, { wbpId, facilityId, status: 'signed', signedBy: headId });
  const decision = await ctx.db
    .insertInto('placement_decisions')
    .values({
      wbp_id: wbpId, facility_id: facilityId, assessment_id: assessment.id, decree_number: `W.11-UJI-${decree}`, decree_date: '2026-11-01',
      place: 'inside_unit', decided_by: headId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.db
    .insertInto('enrolments')
    .values({ wbp_id: wbpId, programme_id: programmeId, decision_id: decision.id, status: 'active', start_date: '2026-11-02', expected_end_date: '2027-05-03' })
    .execute();
}

async function generate(session: Session, unitId: string, weekStart = WEEK): Promise<TimetableWeek> {
  const response = await session.request({ method: 'POST', url: `/api/facilities/${unitId}/timetable`, payload: { weekStart } });
  if (response.statusCode !== 201) throw new Error(`generating ${weekStart} failed: ${response.statusCode} ${response.body}`);
  return response.json() as TimetableWeek;
}

// --- Reading back what was stored ----------------------------------------------------------------

interface StoredSession { id: string; date: string; start: string; end: string; roomId: string; staffId: string; memberIds: string[] }

/** The sessions of a week as the database holds them, with their members. */
async function storedSessions(unitId: string, weekStart = WEEK): Promise<StoredSession[]> {
  const rows = await ctx.db
    .selectFrom('timetable_sessions as s')
    .innerJoin('timetable_weeks as w', 'w.id', 's.week_id')
    .select(['s.id', 's.date', 's.start_time', 's.end_time', 's.room_id', 's.staff_id'])
    .where('w.facility_id', '=', unitId)
    .where('w.week_start', '=', weekStart)
    .execute();
  const members = rows.length === 0
    ? []
    : await ctx.db.selectFrom('timetable_session_members').select(['session_id', 'wbp_id']).where('session_id', 'in', rows.map((r) => r.id)).execute();
  return rows.map((r) => ({
    id: r.id, date: r.date, start: r.start_time.slice(0, 5), end: r.end_time.slice(0, 5), roomId: r.room_id, staffId: r.staff_id,
    memberIds: members.filter((m) => m.session_id === r.id).map((m) => m.wbp_id),
  }));
}

async function storedSession(id: string) {
  return ctx.db.selectFrom('timetable_sessions').select(['date', 'start_time', 'end_time', 'room_id', 'staff_id', 'version', 'moved_at', 'moved_by'])
    .where('id', '=', id).executeTakeFirstOrThrow();
}

const overlap = (a: { start: string; end: string }, b: { start: string; end: string }) => a.start < b.end && b.start < a.end;
const ids = (sessions: readonly { id: string }[]) => sessions.map((s) => s.id).sort();

async function auditOf(entityType: string, entityId?: string) {
  let q = ctx.db.selectFrom('audit_log').select(['action', 'details', 'actor_username']).where('entity_type', '=', entityType).orderBy('id');
  if (entityId) q = q.where('entity_id', '=', entityId);
  return q.execute();
}

async function enrolledIn(unitId: string, kind: 'social' | 'medical') {
  return ctx.db
    .selectFrom('enrolments as e')
    .innerJoin('programmes as p', 'p.id', 'e.programme_id')
    .innerJoin('wbp as w', 'w.id', 'e.wbp_id')
    .select(['w.id', 'w.full_name', 'p.id as programme_id'])
    .where('p.facility_id', '=', unitId)
    .where('p.kind', '=', kind)
    .where('e.status', '=', 'active')
    .orderBy('w.full_name')
    .execute();
}

/** A weekday (Monday to Friday) of the week with no session at all. */
function emptyWeekday(week: TimetableWeek, weekStart = WEEK): string {
  const used = new Set(week.sessions.map((s) => s.date));
  const day = [0, 1, 2, 3, 4].map((d) => addDays(weekStart, d)).find((d) => !used.has(d));
  if (!day) throw new Error('every weekday has a session');
  return day;
}

function only<T>(items: readonly T[], what: string): T {
  if (items.length === 0) throw new Error(`no ${what}`);
  return items[0]!;
}

// --- Making the week -----------------------------------------------------------------------------

describe('generating the demo Rutan\'s week', () => {
  it('places every session due that week and leaves nothing unplaced', async () => {
    const { unitId, clinic } = await demoRutan();

    const week = await generate(clinic, unitId);

    expect(week.unplaced).toEqual([]);
    expect(week.placed).toBe(week.required);
    expect(week.sessions).toHaveLength(week.required);
    expect(await storedSessions(unitId)).toHaveLength(week.required);
  });

  it('books no person, staff member or room into two sessions at once', async () => {
    const { unitId, clinic } = await demoRutan();
    await generate(clinic, unitId);

    const stored = await storedSessions(unitId);

    const clashes: string[] = [];
    stored.forEach((a, i) => {
      for (const b of stored.slice(i + 1)) {
        if (a.date !== b.date || !overlap(a, b)) continue;
        const when = `${a.date} ${a.start}–${a.end} / ${b.start}–${b.end}`;
        if (a.staffId === b.staffId) clashes.push(`staff ${a.staffId} ${when}`);
        if (a.roomId === b.roomId) clashes.push(`room ${a.roomId} ${when}`);
        for (const person of a.memberIds.filter((p) => b.memberIds.includes(p))) clashes.push(`person ${person} ${when}`);
      }
    });
    expect(stored.length).toBeGreaterThan(0);
    expect(clashes).toEqual([]);
  });

  it('holds no session during a block of the routine of its day', async () => {
    const { unitId, clinic } = await demoRutan();
    await generate(clinic, unitId);
    const blocks = await ctx.db.selectFrom('routine_blocks').select(['day_of_week', 'start_time', 'end_time', 'label']).where('facility_id', '=', unitId).execute();

    const stored = await storedSessions(unitId);

    const clashes = stored.flatMap((s) => blocks
      .filter((b) => b.day_of_week === isoWeekday(s.date) && overlap(s, { start: b.start_time.slice(0, 5), end: b.end_time.slice(0, 5) }))
      .map((b) => `${s.date} ${s.start}–${s.end} meets ${b.label}`));
    expect(blocks.length).toBeGreaterThan(0);
    expect(clashes).toEqual([]);
  });

  it('holds the Therapeutic Community\'s group counselling in two static groups of eight', async () => {
    const { unitId, clinic } = await demoRutan();
    const community = await enrolledIn(unitId, 'social');

    const week = await generate(clinic, unitId);

    const counselling = week.sessions.filter((s) => s.programmeId === community[0]!.programme_id && s.sessionCode === 'group_counselling');
    const line = (s: TimetableSession) => s.members.map((m) => m.wbpId).sort().join(' ');
    const groups = new Map<string | null, Set<string>>();
    for (const s of counselling) groups.set(s.groupLabel, (groups.get(s.groupLabel) ?? new Set()).add(line(s)));
    expect([...groups.keys()].sort()).toEqual(['Kelompok 1', 'Kelompok 2']);
    // Static: each group meets with the same people every time.
    const lineUps = [...groups.values()].map((lines) => [...lines]);
    expect(lineUps.map((lines) => lines.length)).toEqual([1, 1]);
    const [first, second] = lineUps.map((lines) => lines[0]!.split(' '));
    expect([first!.length, second!.length]).toEqual([8, 8]);
    expect([...first!, ...second!].sort()).toEqual(community.map((p) => p.id).sort());
  });

  it('keeps a detainee\'s sessions off the hours of their court date', async () => {
    const { unitId, clinic } = await demoRutan();
    const person = only(await enrolledIn(unitId, 'social'), 'TC member');
    const court = await clinic.request({ method: 'POST', url: `/api/wbp/${person.id}/court-dates`, payload: { date: '2026-11-17', start: '08:00', end: '14:00', note: 'PN Serang' } });
    expect(court.statusCode).toBe(201);

    const week = await generate(clinic, unitId);

    const theirs = week.sessions.filter((s) => s.members.some((m) => m.wbpId === person.id));
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.filter((s) => s.date === '2026-11-17' && overlap(s, { start: '08:00', end: '14:00' }))).toEqual([]);
  });

  it('never puts a non-associated pair in the same session', async () => {
    const { unitId, clinic } = await demoRutan();
    const [a, b] = await enrolledIn(unitId, 'social');
    const pair = await clinic.request({ method: 'POST', url: `/api/wbp/${a!.id}/non-associations`, payload: { otherWbpId: b!.id, reason: 'Perkelahian di blok' } });
    expect(pair.statusCode).toBe(201);

    const week = await generate(clinic, unitId);

    const has = (s: TimetableSession, id: string) => s.members.some((m) => m.wbpId === id);
    expect(week.sessions.filter((s) => has(s, a!.id)).length).toBeGreaterThan(0);
    expect(week.sessions.filter((s) => has(s, b!.id)).length).toBeGreaterThan(0);
    expect(week.sessions.filter((s) => has(s, a!.id) && has(s, b!.id))).toEqual([]);
  });
});

describe('reading a week', () => {
  it('answers the week as it was made', async () => {
    const { unitId, clinic } = await smallUnit(1);
    const made = await generate(clinic, unitId);

    const response = await clinic.request({ method: 'GET', url: `/api/facilities/${unitId}/timetable?week=${WEEK}` });

    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ week: made });
  });

  it('answers no week for a week not made yet', async () => {
    const { unitId, clinic } = await smallUnit(1);
    await generate(clinic, unitId);

    const response = await clinic.request({ method: 'GET', url: `/api/facilities/${unitId}/timetable?week=${NEXT_WEEK}` });

    expect(response.json()).toEqual({ week: null });
  });
});

describe('sessions that cannot be placed', () => {
  it('lists a group too small to form with its code, and drops nothing', async () => {
    // Two people in medical rehabilitation: the seminar needs six.
    const { unitId, clinic } = await smallUnit(2);

    const week = await generate(clinic, unitId);

    expect(week.unplaced).toContainEqual(expect.objectContaining({ sessionName: 'Seminar adiksi', code: 'group_size' }));
    expect(week.sessions.length).toBeGreaterThan(0);
    expect(week.placed + week.unplaced.length).toBe(week.required);
    expect(week.sessions).toHaveLength(week.placed);
  });

  it('lists every session as unplaced for want of staff when no one keeps hours', async () => {
    const { unitId, clinic } = await demoRutan();
    await ctx.db.deleteFrom('staff_availability').execute();

    const week = await generate(clinic, unitId);

    expect(week.required).toBeGreaterThan(0);
    expect(week.placed).toBe(0);
    expect(week.unplaced).toHaveLength(week.required);
    expect(new Set(week.unplaced.map((u) => u.code))).toEqual(new Set(['no_staff']));
  });
});

describe('making a week again', () => {
  it('replaces its sessions rather than adding to them, and keeps an audit row', async () => {
    const { unitId, clinic } = await smallUnit(6);
    const first = await generate(clinic, unitId);

    const second = await generate(clinic, unitId);

    const stored = await storedSessions(unitId);
    expect(stored).toHaveLength(first.sessions.length);
    expect(ids(stored)).toEqual(ids(second.sessions));
    expect(stored.filter((s) => first.sessions.some((f) => f.id === s.id))).toEqual([]);
    expect(await ctx.db.selectFrom('timetable_session_members').select('wbp_id').execute()).toHaveLength(first.sessions.reduce((n, s) => n + s.members.length, 0));
    const audit = await auditOf('timetable_week', first.id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    expect(audit[1]!.details).toMatchObject({ weekStart: WEEK, replacedSessions: first.sessions.length });
  });

  it('is refused once attendance has been recorded in the week, and changes nothing', async () => {
    const { unitId, clinic, people } = await smallUnit(1);
    const first = await generate(clinic, unitId);
    const held = first.sessions[0]!;
    const recorded = await clinic.request({
      method: 'PUT', url: `/api/timetable/sessions/${held.id}/attendance`, payload: { entries: [{ wbpId: people[0]!.id, status: 'present' }] },
    });
    expect(recorded.statusCode).toBe(200);

    const again = await clinic.request({ method: 'POST', url: `/api/facilities/${unitId}/timetable`, payload: { weekStart: WEEK } });

    expect(again.statusCode).toBe(409);
    expect(ids(await storedSessions(unitId))).toEqual(ids(first.sessions));
    expect((await auditOf('timetable_week')).map((a) => a.action)).toEqual(['create']);
  });
});

// --- Moving a session by hand --------------------------------------------------------------------

describe('checking a move', () => {
  const check = (session: Session, id: string, to: { date: string; start: string; roomId: string; staffId: string }) =>
    session.request({ method: 'POST', url: `/api/timetable/sessions/${id}/check`, payload: to });

  it('names the routine block a session would meet', async () => {
    const { unitId, clinic } = await demoRutan();
    const week = await generate(clinic, unitId);
    const session = only(week.sessions.filter((s) => s.sessionCode === 'individual_counselling'), 'individual counselling');

    const response = await check(clinic, session.id, { date: '2026-11-16', start: '12:00', roomId: session.roomId, staffId: session.staffId });

    expect(response.statusCode).toBe(200);
    const result = response.json() as z.infer<typeof checkMoveResult>;
    expect(result.end).toBe('13:00');
    expect(result.conflicts).toContainEqual<ConflictRecord>({ kind: 'routine', params: { label: 'Makan siang', time: '12:00–13:00' } });
  });

  it('names a staff member who would run two sessions at once', async () => {
    const { unitId, clinic } = await demoRutan();
    const week = await generate(clinic, unitId);
    const session = only(week.sessions.filter((s) => s.mode === 'individual'), 'individual session');
    const other = only(week.sessions.filter((s) => s.staffId === session.staffId && s.id !== session.id
      && !s.members.some((m) => m.wbpId === session.members[0]!.wbpId)), 'other session of the same staff member');

    const response = await check(clinic, session.id, { date: other.date, start: other.start, roomId: session.roomId, staffId: session.staffId });

    const { conflicts } = response.json() as z.infer<typeof checkMoveResult>;
    expect(conflicts).toContainEqual({ kind: 'staff_double_booked', params: expect.objectContaining({ staff: session.staffName }) });
    expect(conflicts.map((c) => c.kind)).not.toContain('participant_double_booked');
  });

  it('names a person who would be in two sessions at once', async () => {
    const { unitId, clinic } = await demoRutan();
    const week = await generate(clinic, unitId);
    const meeting = only(week.sessions.filter((s) => s.sessionCode === 'morning_meeting'), 'morning meeting');
    const session = only(week.sessions.filter((s) => s.mode === 'individual' && s.programmeId === meeting.programmeId), 'TC individual session');
    const person = session.members[0]!;
    const room = only(week.rooms.filter((r) => r.id !== meeting.roomId), 'another room');
    const staff = only(week.staff.filter((s) => s.id !== meeting.staffId), 'another staff member');

    const response = await check(clinic, session.id, { date: meeting.date, start: meeting.start, roomId: room.id, staffId: staff.id });

    const { conflicts } = response.json() as z.infer<typeof checkMoveResult>;
    expect(conflicts).toContainEqual({ kind: 'participant_double_booked', params: expect.objectContaining({ person: person.fullName }) });
  });

  it('names a person\'s court date by its code, which the client words in its own language', async () => {
    const { unitId, clinic, people } = await smallUnit(1);
    const week = await generate(clinic, unitId);
    const session = only(week.sessions.filter((s) => s.mode === 'individual'), 'individual session');
    const day = emptyWeekday(week);
    const court = await clinic.request({ method: 'POST', url: `/api/wbp/${people[0]!.id}/court-dates`, payload: { date: day, start: '08:00', end: '14:00' } });
    expect(court.statusCode).toBe(201);

    const response = await check(clinic, session.id, { date: day, start: '09:00', roomId: session.roomId, staffId: session.staffId });

    const { conflicts } = response.json() as z.infer<typeof checkMoveResult>;
    expect(conflicts).toContainEqual({ kind: 'participant_unavailable', params: expect.objectContaining({ person: people[0]!.full_name, label: 'court' }) });
  });

  it('saves nothing', async () => {
    const { unitId, clinic } = await demoRutan();
    const week = await generate(clinic, unitId);
    const session = week.sessions[0]!;
    const before = await storedSession(session.id);

    const response = await check(clinic, session.id, { date: '2026-11-18', start: '09:00', roomId: session.roomId, staffId: session.staffId });

    expect(response.statusCode).toBe(200);
    expect(await storedSession(session.id)).toEqual(before);
    expect(await auditOf('timetable_session')).toEqual([]);
  });
});

describe('moving a session', () => {
  const move = (session: Session, id: string, to: { date: string; start: string; roomId: string; staffId: string; version: number }) =>
    session.request({ method: 'PUT', url: `/api/timetable/sessions/${id}`, payload: to });

  it('saves a move without conflicts, marks the session moved and keeps its length', async () => {
    const { unitId, clinic, clinicianId } = await smallUnit(1);
    const week = await generate(clinic, unitId);
    const session = only(week.sessions.filter((s) => s.sessionCode === 'motivational_interviewing'), 'motivational interview');
    const day = emptyWeekday(week);

    const response = await move(clinic, session.id, { date: day, start: '09:00', roomId: session.roomId, staffId: session.staffId, version: 1 });

    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: session.id, date: day, start: '09:00', end: '09:45', moved: true, version: 2 });
    expect(await storedSession(session.id)).toMatchObject({ date: day, start_time: '09:00:00', end_time: '09:45:00', version: 2, moved_by: clinicianId });
  });

  it('keeps where the session was and where it went in the audit log', async () => {
    const { unitId, clinic } = await smallUnit(1);
    const week = await generate(clinic, unitId);
    const session = week.sessions[0]!;
    const day = emptyWeekday(week);

    await move(clinic, session.id, { date: day, start: '09:00', roomId: session.roomId, staffId: session.staffId, version: 1 });

    const audit = await auditOf('timetable_session', session.id);
    expect(audit).toEqual([expect.objectContaining({
      action: 'update',
      details: {
        before: { date: session.date, start: session.start, roomId: session.roomId, staffId: session.staffId },
        after: { date: day, start: '09:00', roomId: session.roomId, staffId: session.staffId },
      },
    })]);
  });

  it('refuses a move with conflicts, answering them, and changes nothing', async () => {
    const { unitId, clinic } = await smallUnit(1);
    const week = await generate(clinic, unitId);
    const [session, other] = week.sessions;
    const before = await storedSession(session!.id);

    const response = await move(clinic, session!.id, { date: other!.date, start: other!.start, roomId: other!.roomId, staffId: other!.staffId, version: 1 });

    expect(response.statusCode).toBe(409);
    const body = response.json() as { error: { code: string }; conflicts: ConflictRecord[] };
    expect(body.error.code).toBe('CONFLICT');
    expect(body.conflicts.map((c) => c.kind)).toEqual(expect.arrayContaining(['staff_double_booked', 'room_double_booked', 'participant_double_booked']));
    expect(await storedSession(session!.id)).toEqual(before);
    expect(await auditOf('timetable_session')).toEqual([]);
  });

  it('refuses a move made on a version that has since changed', async () => {
    const { unitId, clinic } = await smallUnit(1);
    const week = await generate(clinic, unitId);
    const session = week.sessions[0]!;
    const day = emptyWeekday(week);
    await move(clinic, session.id, { date: day, start: '09:00', roomId: session.roomId, staffId: session.staffId, version: 1 });

    const stale = await move(clinic, session.id, { date: day, start: '13:00', roomId: session.roomId, staffId: session.staffId, version: 1 });

    expect(stale.statusCode).toBe(409);
    expect(await storedSession(session.id)).toMatchObject({ start_time: '09:00:00', version: 2 });
  });

  it('refuses to move a session whose attendance is recorded', async () => {
    const { unitId, clinic, people } = await smallUnit(1);
    const week = await generate(clinic, unitId);
    const session = week.sessions[0]!;
    await clinic.request({ method: 'PUT', url: `/api/timetable/sessions/${session.id}/attendance`, payload: { entries: [{ wbpId: people[0]!.id, status: 'present' }] } });

    const response = await move(clinic, session.id, { date: emptyWeekday(week), start: '09:00', roomId: session.roomId, staffId: session.staffId, version: 1 });

    expect(response.statusCode).toBe(409);
    expect(await storedSession(session.id)).toMatchObject({ version: 1, moved_at: null });
  });

  it('refuses a room of another unit', async () => {
    const { unitId, clinic } = await smallUnit(1);
    const week = await generate(clinic, unitId);
    const session = week.sessions[0]!;
    const elsewhere = await makeOrganization(ctx.db, { kind: 'rutan' });
    const foreign = await ctx.db.insertInto('rooms').values({ facility_id: elsewhere.id, name: 'Aula Rutan Lain', capacity: 40 }).returning('id').executeTakeFirstOrThrow();

    const response = await move(clinic, session.id, { date: emptyWeekday(week), start: '09:00', roomId: foreign.id, staffId: session.staffId, version: 1 });

    expect(response.statusCode).toBe(409);
    expect((response.json() as { conflicts: ConflictRecord[] }).conflicts.map((c) => c.kind)).toEqual(['unknown_room']);
    expect(await storedSession(session.id)).toMatchObject({ room_id: session.roomId, version: 1 });
  });

  it('refuses a staff member who does not work in the unit', async () => {
    const { unitId, clinic } = await smallUnit(1);
    const week = await generate(clinic, unitId);
    const session = week.sessions[0]!;
    const custody = await makeUser(ctx.db, { role: 'custody_officer', organizationId: unitId });

    const response = await move(clinic, session.id, { date: emptyWeekday(week), start: '09:00', roomId: session.roomId, staffId: custody.id, version: 1 });

    expect(response.statusCode).toBe(409);
    expect((response.json() as { conflicts: ConflictRecord[] }).conflicts.map((c) => c.kind)).toContain('unknown_staff');
    expect(await storedSession(session.id)).toMatchObject({ staff_id: session.staffId, version: 1 });
  });
});

// --- Daily lists ---------------------------------------------------------------------------------

describe('the custody officers\' list', () => {
  const DAY = '2026-11-17';

  it('gives the name, SDP number, block, room and time of each member of each session of the day', async () => {
    const { unitId, clinic } = await demoRutan();
    const week = await generate(clinic, unitId);
    const blocks = new Map((await ctx.db.selectFrom('wbp').select(['id', 'block']).where('facility_id', '=', unitId).execute()).map((p) => [p.id, p.block]));
    const custody = await demoUser('petugas.serang');

    const response = await custody.request({ method: 'GET', url: `/api/facilities/${unitId}/custody-list?date=${DAY}` });

    expect(response.statusCode).toBe(200);
    const list = response.json() as z.infer<typeof custodyList>;
    const expected = week.sessions.filter((s) => s.date === DAY).flatMap((s) => s.members.map((m) => ({
      start: s.start, end: s.end, roomName: s.roomName, fullName: m.fullName, sdpNumber: m.sdpNumber, block: blocks.get(m.wbpId) ?? null,
    })));
    const order = (r: { start: string; roomName: string; sdpNumber: string }) => `${r.start} ${r.roomName} ${r.sdpNumber}`;
    expect(expected.length).toBeGreaterThan(0);
    expect([...list.rows].sort((a, b) => order(a).localeCompare(order(b)))).toEqual(expected.sort((a, b) => order(a).localeCompare(order(b))));
  });

  it('names no programme and no session', async () => {
    const { unitId, clinic } = await demoRutan();
    const week = await generate(clinic, unitId);
    const programmes = await ctx.db.selectFrom('programmes').select('name').where('facility_id', '=', unitId).execute();
    const custody = await demoUser('petugas.serang');

    const response = await custody.request({ method: 'GET', url: `/api/facilities/${unitId}/custody-list?date=${DAY}` });

    const words = [...programmes.map((p) => p.name), ...week.sessions.map((s) => s.sessionName), 'group_counselling', 'morning_meeting'];
    expect((response.json() as z.infer<typeof custodyList>).rows.length).toBeGreaterThan(0);
    expect(words.filter((w) => response.body.includes(w))).toEqual([]);
  });

  it('is open to a custody officer, who may not read the timetable itself', async () => {
    const { unitId, clinic } = await demoRutan();
    await generate(clinic, unitId);
    const custody = await demoUser('petugas.serang');

    const list = await custody.request({ method: 'GET', url: `/api/facilities/${unitId}/custody-list?date=${DAY}` });
    const timetable = await custody.request({ method: 'GET', url: `/api/facilities/${unitId}/timetable?week=${WEEK}` });

    expect(list.statusCode).toBe(200);
    expect(timetable.statusCode).toBe(403);
  });
});

describe('a staff member\'s day', () => {
  const DAY = '2026-11-17';

  it('lists one\'s own sessions of the day', async () => {
    const { unitId, clinic } = await demoRutan();
    const week = await generate(clinic, unitId);
    const counsellorId = await userId('konselor.bnnk');
    const counsellor = await demoUser('konselor.bnnk');

    const response = await counsellor.request({ method: 'GET', url: `/api/facilities/${unitId}/staff-day?date=${DAY}` });

    expect(response.statusCode).toBe(200);
    const day = response.json() as z.infer<typeof staffDay>;
    const expected = week.sessions.filter((s) => s.staffId === counsellorId && s.date === DAY);
    expect(expected.length).toBeGreaterThan(0);
    expect(day).toMatchObject({ staffId: counsellorId, staffName: 'Rahmat Hidayat', facilityName: 'Rutan Kelas IIB Serang' });
    expect(day.sessions.map((s) => s.id)).toEqual(expected.map((s) => s.id));
  });

  it('shows the head of unit another staff member\'s day', async () => {
    const { unitId, clinic } = await demoRutan();
    await generate(clinic, unitId);
    const head = await demoUser('karutan.serang');

    const response = await head.request({ method: 'GET', url: `/api/facilities/${unitId}/staff-day?date=${DAY}&staffId=${await userId('konselor.bnnk')}` });

    expect(response.statusCode).toBe(200);
    expect((response.json() as z.infer<typeof staffDay>).staffName).toBe('Rahmat Hidayat');
  });

  it('refuses a counsellor another staff member\'s day', async () => {
    const { unitId, clinic } = await demoRutan();
    await generate(clinic, unitId);
    const counsellor = await demoUser('konselor.bnnk');

    const response = await counsellor.request({ method: 'GET', url: `/api/facilities/${unitId}/staff-day?date=${DAY}&staffId=${await userId('klinik.serang')}` });

    expect(response.statusCode).toBe(403);
  });

  it('refuses partner clinic staff another staff member\'s day: their agreement lets them read the timetable, not manage it', async () => {
    const { unitId, clinic } = await demoRutan();
    await generate(clinic, unitId);
    const dinkes = await ctx.db.selectFrom('organizations').select('id').where('kind', '=', 'dinkes').executeTakeFirstOrThrow();
    const partner = await makeUser(ctx.db, { role: 'clinic_staff', organizationId: dinkes.id });
    const session = await signIn(ctx.app, partner.username);

    const response = await session.request({ method: 'GET', url: `/api/facilities/${unitId}/staff-day?date=${DAY}&staffId=${await userId('klinik.serang')}` });

    expect(response.statusCode).toBe(403);
  });
});

// --- Calendar feeds ------------------------------------------------------------------------------

describe('the calendar link', () => {
  it('shows the address once, when made; afterwards only when it was made', async () => {
    const { clinic } = await smallUnit(1);

    const made = await clinic.request({ method: 'POST', url: '/api/me/calendar' });
    const later = await clinic.request({ method: 'GET', url: '/api/me/calendar' });

    expect(made.statusCode).toBe(201);
    expect(made.json()).toEqual({ url: expect.stringMatching(/^\/api\/calendar\/[A-Za-z0-9_-]{32}\.ics$/), createdAt: NOW.toISOString() });
    expect(later.json()).toEqual({ link: { url: null, createdAt: NOW.toISOString() } });
  });

  it('retires the old address when a new link is made', async () => {
    const { clinic } = await smallUnit(1);
    const old = (await clinic.request({ method: 'POST', url: '/api/me/calendar' })).json() as z.infer<typeof calendarLink>;

    const renewed = (await clinic.request({ method: 'POST', url: '/api/me/calendar' })).json() as z.infer<typeof calendarLink>;

    expect((await ctx.app.inject({ method: 'GET', url: old.url! })).statusCode).toBe(404);
    expect((await ctx.app.inject({ method: 'GET', url: renewed.url! })).statusCode).toBe(200);
  });

  it('retires the address when the link is removed', async () => {
    const { clinic } = await smallUnit(1);
    const link = (await clinic.request({ method: 'POST', url: '/api/me/calendar' })).json() as z.infer<typeof calendarLink>;

    const removed = await clinic.request({ method: 'DELETE', url: '/api/me/calendar' });

    expect(removed.statusCode).toBe(204);
    expect((await ctx.app.inject({ method: 'GET', url: link.url! })).statusCode).toBe(404);
    expect((await clinic.request({ method: 'GET', url: '/api/me/calendar' })).json()).toEqual({ link: null });
  });

  it('answers an address that was never made with 404, in Indonesian', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: `/api/calendar/${'A'.repeat(32)}.ics` });

    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'Data tidak ditemukan.' } });
  });
});

describe('the calendar feed', () => {
  async function feedOfClinician() {
    const { unitId, clinic } = await demoRutan();
    const week = await generate(clinic, unitId);
    const link = (await clinic.request({ method: 'POST', url: '/api/me/calendar' })).json() as z.infer<typeof calendarLink>;
    // A calendar application sends no cookie: the secret address is the credential.
    const response = await ctx.app.inject({ method: 'GET', url: link.url! });
    return { week, response, clinicianId: await userId('klinik.serang') };
  }

  it('holds one event per session of the staff member, in UTC', async () => {
    const { week, response, clinicianId } = await feedOfClinician();

    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/calendar/);
    const events = new ICAL.Component(ICAL.parse(response.body)).getAllSubcomponents('vevent');
    const own = week.sessions.filter((s) => s.staffId === clinicianId);
    expect(events.map((e) => String(e.getFirstPropertyValue('uid'))).sort()).toEqual(own.map((s) => `${s.id}@pulih`).sort());
    const early = only(own.filter((s) => s.date === WEEK && s.start === '07:30'), 'session at 07:30 on Monday');
    const event = events.find((e) => e.getFirstPropertyValue('uid') === `${early.id}@pulih`)!;
    expect(String(event.getFirstPropertyValue('dtstart'))).toBe('2026-11-16T00:30:00Z');
    expect(response.body).toContain('DTSTART:20261116T003000Z');
  });

  it('names no participant', async () => {
    const { week, response } = await feedOfClinician();

    const unfolded = response.body.replace(/\r\n[ \t]/g, '');
    const names = [...new Set(week.sessions.flatMap((s) => s.members.map((m) => m.fullName)))];
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((n) => unfolded.includes(n))).toEqual([]);
    expect(unfolded).toMatch(/DESCRIPTION:\d+ peserta/);
  });
});

// --- Attendance ----------------------------------------------------------------------------------

describe('recording attendance', () => {
  const record = (session: Session, id: string, entries: unknown[]) =>
    session.request({ method: 'PUT', url: `/api/timetable/sessions/${id}/attendance`, payload: { entries } });

  it('records the whole group at once and reads it back', async () => {
    const { unitId, clinic } = await demoRutan();
    const week = await generate(clinic, unitId);
    const group = only(week.sessions.filter((s) => s.sessionCode === 'group_counselling'), 'group counselling');
    const [present, absent, excused, ...rest] = group.members;

    const saved = await record(clinic, group.id, [
      { wbpId: present!.wbpId, status: 'present', note: 'Aktif berbagi pengalaman' },
      { wbpId: absent!.wbpId, status: 'absent', absenceReason: 'court' },
      { wbpId: excused!.wbpId, status: 'excused', note: 'Kontrol ke klinik' },
      ...rest.map((m) => ({ wbpId: m.wbpId, status: 'present' })),
    ]);
    const read = await clinic.request({ method: 'GET', url: `/api/timetable/sessions/${group.id}/attendance` });

    expect(saved.statusCode).toBe(200);
    const attendance = read.json() as SessionAttendance;
    expect(attendance).toMatchObject({ recordedAt: NOW.toISOString(), recordedBy: 'dr. Siti Nurhaliza', session: { attendanceRecorded: true } });
    const byPerson = new Map(attendance.members.map((m) => [m.wbpId, m]));
    expect(byPerson.get(present!.wbpId)).toMatchObject({ status: 'present', absenceReason: null, note: 'Aktif berbagi pengalaman' });
    expect(byPerson.get(absent!.wbpId)).toMatchObject({ status: 'absent', absenceReason: 'court', note: null });
    expect(byPerson.get(excused!.wbpId)).toMatchObject({ status: 'excused', absenceReason: null, note: 'Kontrol ke klinik' });
    expect(attendance.members.filter((m) => m.status === 'present')).toHaveLength(group.members.length - 2);
  });

  it('refuses an absence without a reason, naming the entry, and stores nothing', async () => {
    const { unitId, clinic } = await smallUnit(6);
    const week = await generate(clinic, unitId);
    const seminar = only(week.sessions.filter((s) => s.sessionCode === 'seminar'), 'seminar');

    const response = await record(clinic, seminar.id, seminar.members.map((m, i) => ({ wbpId: m.wbpId, status: i === 1 ? 'absent' : 'present' })));

    expect(response.statusCode).toBe(400);
    expect((response.json() as { error: { fields: { field: string }[] } }).error.fields).toEqual([expect.objectContaining({ field: 'entries.1.absenceReason' })]);
    expect(await ctx.db.selectFrom('attendance').select('wbp_id').execute()).toEqual([]);
  });

  it('refuses a list that leaves out a member, and stores nothing', async () => {
    const { unitId, clinic } = await smallUnit(6);
    const week = await generate(clinic, unitId);
    const seminar = only(week.sessions.filter((s) => s.sessionCode === 'seminar'), 'seminar');

    const response = await record(clinic, seminar.id, seminar.members.slice(1).map((m) => ({ wbpId: m.wbpId, status: 'present' })));

    expect(response.statusCode).toBe(400);
    expect((response.json() as { error: { fields: { field: string }[] } }).error.fields).toEqual([expect.objectContaining({ field: 'entries' })]);
    expect(await ctx.db.selectFrom('attendance').select('wbp_id').execute()).toEqual([]);
  });

  it('refuses a session not yet held, naming the date', async () => {
    const { unitId, clinic, people } = await smallUnit(1);
    const week = await generate(clinic, unitId, NEXT_WEEK);

    const response = await record(clinic, week.sessions[0]!.id, [{ wbpId: people[0]!.id, status: 'present' }]);

    expect(response.statusCode).toBe(400);
    expect((response.json() as { error: { fields: { field: string }[] } }).error.fields).toEqual([expect.objectContaining({ field: 'date' })]);
    expect(await ctx.db.selectFrom('attendance').select('wbp_id').execute()).toEqual([]);
  });

  it('corrects a record and keeps the earlier values in the audit log', async () => {
    const { unitId, clinic } = await smallUnit(6);
    const week = await generate(clinic, unitId);
    const seminar = only(week.sessions.filter((s) => s.sessionCode === 'seminar'), 'seminar');
    const first = seminar.members[0]!.wbpId;
    await record(clinic, seminar.id, seminar.members.map((m) => ({ wbpId: m.wbpId, status: 'present' })));

    const corrected = await record(clinic, seminar.id, seminar.members.map((m) => (m.wbpId === first
      ? { wbpId: m.wbpId, status: 'absent', absenceReason: 'sick', note: 'Demam' }
      : { wbpId: m.wbpId, status: 'present' })));

    expect(corrected.statusCode).toBe(200);
    expect((corrected.json() as SessionAttendance).members.find((m) => m.wbpId === first)).toMatchObject({ status: 'absent', absenceReason: 'sick', note: 'Demam' });
    const audit = await auditOf('attendance', seminar.id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    expect(audit[1]!.details).toMatchObject({
      before: expect.arrayContaining([{ wbpId: first, status: 'present', absenceReason: null, note: null }]),
      after: expect.arrayContaining([{ wbpId: first, status: 'absent', absenceReason: 'sick', note: 'Demam' }]),
    });
  });

  it('shows in the person\'s record, with a summary', async () => {
    const { unitId, clinic, people } = await smallUnit(1);
    const week = await generate(clinic, unitId);
    const person = people[0]!;
    const [attended, missed] = week.sessions;
    await record(clinic, attended!.id, [{ wbpId: person.id, status: 'present' }]);
    await record(clinic, missed!.id, [{ wbpId: person.id, status: 'absent', absenceReason: 'visit', note: 'Kunjungan keluarga' }]);

    const response = await clinic.request({ method: 'GET', url: `/api/wbp/${person.id}/attendance` });

    expect(response.statusCode).toBe(200);
    const list = response.json() as z.infer<typeof personAttendanceList>;
    expect(list.summary).toEqual({ present: 1, absent: 1, excused: 0 });
    expect(list.items).toContainEqual({
      sessionId: missed!.id, date: missed!.date, start: missed!.start, end: missed!.end, programmeName: missed!.programmeName,
      sessionName: missed!.sessionName, status: 'absent', absenceReason: 'visit', note: 'Kunjungan keluarga',
    });
  });

  it('is closed to custody and probation officers', async () => {
    const { unitId, clinic, people } = await smallUnit(1);
    const week = await generate(clinic, unitId);
    const session = week.sessions[0]!;
    const bapas = await makeOrganization(ctx.db, { kind: 'bapas' });
    await grantAccess(ctx.db, bapas.id, unitId);
    const officers = [
      await signIn(ctx.app, (await makeUser(ctx.db, { role: 'custody_officer', organizationId: unitId })).username),
      await signIn(ctx.app, (await makeUser(ctx.db, { role: 'probation_officer', organizationId: bapas.id })).username),
    ];

    const statuses = [];
    for (const officer of officers) {
      statuses.push(
        (await officer.request({ method: 'GET', url: `/api/timetable/sessions/${session.id}/attendance` })).statusCode,
        (await record(officer, session.id, [{ wbpId: people[0]!.id, status: 'present' }])).statusCode,
        (await officer.request({ method: 'GET', url: `/api/wbp/${people[0]!.id}/attendance` })).statusCode,
      );
    }

    // Probation officers keep attendance in their own Bapas only (docs/adr/0018): a unit's sessions are not found for them.
    expect(statuses).toEqual([403, 403, 403, 404, 404, 403]);
    expect(await ctx.db.selectFrom('attendance').select('wbp_id').execute()).toEqual([]);
  });
});
