import { z } from 'zod';
import { isoWeekday } from '../domain/dates.ts';
import { CONFLICT_KINDS, UNPLACED_CODES } from '../domain/scheduler.ts';
import { SESSION_MODES } from './programmes.ts';
import { timeOfDay } from './routine.ts';

const monday = z.iso.date().refine((d) => isoWeekday(d) === 1, { message: 'timetable.weekStartMonday' });

export const weekQuery = z.object({ week: monday });
export const generateWeekBody = z.object({ weekStart: monday });
export const dayQuery = z.object({ date: z.iso.date() });
export const staffDayQuery = z.object({ date: z.iso.date(), staffId: z.uuid().optional() });

export const sessionMember = z.object({ wbpId: z.uuid(), fullName: z.string(), sdpNumber: z.string() });

/** One session of a week's timetable, with its people (for clinical and programme staff). */
export const timetableSession = z.object({
  id: z.uuid(),
  date: z.string(),
  start: z.string(),
  end: z.string(),
  programmeId: z.uuid(),
  programmeName: z.string(),
  sessionCode: z.string(),
  sessionName: z.string(),
  mode: z.enum(SESSION_MODES),
  /** The static group's label ("Kelompok 2"), or null for an individual session. */
  groupLabel: z.string().nullable(),
  roomId: z.uuid(),
  roomName: z.string(),
  staffId: z.uuid(),
  staffName: z.string(),
  members: z.array(sessionMember),
  /** Has attendance been recorded for it? */
  attendanceRecorded: z.boolean(),
  /** Moved by hand after the timetable was made. */
  moved: z.boolean(),
  version: z.number().int(),
});
export type TimetableSession = z.infer<typeof timetableSession>;

/** A session the scheduler could not place, with the translated reason's code and values. */
export const unplacedSession = z.object({
  programmeName: z.string(),
  sessionName: z.string(),
  groupLabel: z.string().nullable(),
  members: z.array(sessionMember),
  occurrence: z.number().int(),
  stage: z.enum(['grouping', 'placement']),
  code: z.enum(UNPLACED_CODES),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type UnplacedSessionRecord = z.infer<typeof unplacedSession>;

export const timetableWeek = z.object({
  id: z.uuid(),
  facilityId: z.uuid(),
  weekStart: z.string(),
  generatedAt: z.string(),
  generatedBy: z.string().nullable(),
  required: z.number().int(),
  placed: z.number().int(),
  sessions: z.array(timetableSession),
  unplaced: z.array(unplacedSession),
  /** The rooms and staff a session may be moved to. */
  rooms: z.array(z.object({ id: z.uuid(), name: z.string(), capacity: z.number().int() })),
  staff: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
export type TimetableWeek = z.infer<typeof timetableWeek>;

/** Where a session is to be moved: its new day, start, room and staff member (the length stays). */
export const moveBody = z.object({
  date: z.iso.date(),
  start: timeOfDay,
  roomId: z.uuid(),
  staffId: z.uuid(),
  version: z.number().int().min(1),
});
export const checkMoveBody = moveBody.omit({ version: true });

export const conflictRecord = z.object({
  kind: z.enum(CONFLICT_KINDS),
  /** Names for the translated message: person, staff, room, label, time, other (another session). */
  params: z.record(z.string(), z.string()),
});
export type ConflictRecord = z.infer<typeof conflictRecord>;
export const checkMoveResult = z.object({ end: z.string(), conflicts: z.array(conflictRecord) });

// --- Daily lists ---------------------------------------------------------------------------------

/** The custody officers' list: who goes where and when. No programme, no clinical word. */
export const custodyRow = z.object({
  start: z.string(),
  end: z.string(),
  roomName: z.string(),
  fullName: z.string(),
  sdpNumber: z.string(),
  block: z.string().nullable(),
});
export const custodyList = z.object({ date: z.string(), facilityName: z.string(), rows: z.array(custodyRow) });

export const staffDay = z.object({
  date: z.string(),
  staffId: z.uuid(),
  staffName: z.string(),
  facilityName: z.string(),
  sessions: z.array(timetableSession),
});

/**
 * The secret feed link. Only its hash is kept, so the address is shown once, when made (`url`);
 * afterwards `url` is null and the link can be replaced or removed.
 */
export const calendarLink = z.object({ url: z.string().nullable(), createdAt: z.string() });

// --- Attendance ----------------------------------------------------------------------------------

export const ATTENDANCE_STATUSES = ['present', 'absent', 'excused'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const ABSENCE_REASONS = ['court', 'sick', 'visit', 'refused', 'security', 'transferred', 'other'] as const;

export const attendanceEntryBody = z
  .object({
    wbpId: z.uuid(),
    status: z.enum(ATTENDANCE_STATUSES),
    /** Required when absent. */
    absenceReason: z.enum(ABSENCE_REASONS).nullable().default(null),
    note: z.string().trim().max(300).nullable().default(null),
  })
  .refine((e) => e.status !== 'absent' || e.absenceReason !== null, { message: 'attendance.reasonRequired', path: ['absenceReason'] });

/** The whole group at once: one entry for every member of the session. */
export const attendanceBody = z.object({ entries: z.array(attendanceEntryBody).min(1).max(200) });
export type AttendanceBody = z.infer<typeof attendanceBody>;

export const attendanceMember = sessionMember.extend({
  status: z.enum(ATTENDANCE_STATUSES).nullable(),
  absenceReason: z.enum(ABSENCE_REASONS).nullable(),
  note: z.string().nullable(),
});
export const sessionAttendance = z.object({
  session: timetableSession,
  members: z.array(attendanceMember),
  recordedAt: z.string().nullable(),
  recordedBy: z.string().nullable(),
});
export type SessionAttendance = z.infer<typeof sessionAttendance>;

/** A person's attendance, for their record. */
export const personAttendance = z.object({
  sessionId: z.uuid(),
  date: z.string(),
  start: z.string(),
  end: z.string(),
  programmeName: z.string(),
  sessionName: z.string(),
  status: z.enum(ATTENDANCE_STATUSES),
  absenceReason: z.enum(ABSENCE_REASONS).nullable(),
  note: z.string().nullable(),
});
export const personAttendanceList = z.object({
  items: z.array(personAttendance),
  summary: z.object({ present: z.number().int(), absent: z.number().int(), excused: z.number().int() }),
});
