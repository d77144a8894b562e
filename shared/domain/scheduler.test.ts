import { describe, expect, it } from 'vitest';
import {
  type SchedulerInput, type SessionPlacement, findConflicts, formGroups, scheduleWeek, toMinutes,
} from './scheduler.ts';

const MONDAY = '2026-11-23';
const TUESDAY = '2026-11-24';
const WEEKDAYS = [1, 2, 3, 4, 5];

type Demand = SchedulerInput['demands'][number];
type Participant = SchedulerInput['participants'][number];

const onDuty = (days = WEEKDAYS, start = '07:00', end = '17:00') => days.map((dayOfWeek) => ({ dayOfWeek, start, end }));
const person = (id: string, codes = ['talk'], extra: Partial<Participant> = {}): Participant => ({ id, enrolments: [{ programmeId: 'prog', sessionCodes: codes }], ...extra });
const people = (count: number, codes = ['talk']) => Array.from({ length: count }, (_, i) => person(`p${i + 1}`, codes));
const individual = (extra: Partial<Demand> = {}): Demand => ({ programmeId: 'prog', sessionCode: 'talk', mode: 'individual', perWeek: 1, durationMinutes: 60, staffIds: ['s1'], ...extra });
const group = (extra: Partial<Demand> = {}): Demand => ({ programmeId: 'prog', sessionCode: 'talk', mode: 'group', perWeek: 1, durationMinutes: 60, minGroup: 2, maxGroup: 8, staffIds: ['s1'], ...extra });

/** One Monday, one room, one staff member, one person needing a one-hour individual session. */
function unit(overrides: Partial<SchedulerInput> = {}): SchedulerInput {
  return {
    weekStart: MONDAY,
    days: [{ dayOfWeek: 1, start: '07:00', end: '17:00' }],
    rooms: [{ id: 'r1', capacity: 10 }],
    staff: [{ id: 's1', availability: onDuty() }],
    participants: [person('p1')],
    demands: [individual()],
    ...overrides,
  };
}

const minutes = (s: { start: string; end: string }) => [toMinutes(s.start), toMinutes(s.end)] as const;

describe('scheduleWeek: placement', () => {
  it('never places a session over a routine block', () => {
    const result = scheduleWeek(unit({
      days: [{ dayOfWeek: 1, start: '07:00', end: '10:00' }],
      routine: [{ dayOfWeek: 1, start: '07:00', end: '08:30', kind: 'apel' }],
      demands: [individual({ durationMinutes: 60 })],
    }));
    expect(result.sessions.map((s) => [s.start, s.end])).toEqual([['08:30', '09:30']]);
  });

  it('moves a person\'s session away from their court time', () => {
    const result = scheduleWeek(unit({
      days: onDuty([1, 2]),
      participants: [person('p1', ['talk'], { unavailability: [{ date: MONDAY, start: '07:00', end: '17:00', reason: 'court' }] })],
    }));
    expect(result.sessions.map((s) => s.date)).toEqual([TUESDAY]);
  });

  it('does not double-book a staff member', () => {
    const result = scheduleWeek(unit({
      days: [{ dayOfWeek: 1, start: '08:00', end: '10:00' }],
      rooms: [{ id: 'r1', capacity: 1 }, { id: 'r2', capacity: 1 }],
      participants: people(2),
    }));
    const [a, b] = result.sessions.map(minutes);
    expect(result.sessions).toHaveLength(2);
    expect(a![1] <= b![0] || b![1] <= a![0]).toBe(true);
  });

  it('does not use a room too small for the group', () => {
    const result = scheduleWeek(unit({
      rooms: [{ id: 'small', capacity: 4 }, { id: 'large', capacity: 12 }],
      participants: people(8),
      demands: [group({ minGroup: 6, maxGroup: 8 })],
    }));
    expect(result.sessions.map((s) => s.roomId)).toEqual(['large']);
  });

  it('uses only the rooms the demand allows', () => {
    const result = scheduleWeek(unit({
      rooms: [{ id: 'hall', capacity: 40 }, { id: 'clinic', capacity: 2 }],
      demands: [individual({ roomIds: ['clinic'] })],
    }));
    expect(result.sessions.map((s) => s.roomId)).toEqual(['clinic']);
  });

  it('keeps a session within the hours its demand allows', () => {
    const result = scheduleWeek(unit({ demands: [individual({ within: { start: '14:00', end: '16:00' } })] }));
    const [start, end] = minutes(result.sessions[0]!);
    expect(start).toBeGreaterThanOrEqual(toMinutes('14:00'));
    expect(end).toBeLessThanOrEqual(toMinutes('16:00'));
  });

  it('keeps a session inside the staff member\'s hours', () => {
    const result = scheduleWeek(unit({ staff: [{ id: 's1', availability: [{ dayOfWeek: 1, start: '13:00', end: '15:00' }] }] }));
    expect(minutes(result.sessions[0]!)[0]).toBeGreaterThanOrEqual(toMinutes('13:00'));
  });

  it('honours a staff member\'s leave on a date', () => {
    const result = scheduleWeek(unit({
      days: onDuty([1, 2]),
      staff: [{ id: 's1', availability: onDuty(), exceptions: [{ date: MONDAY, reason: 'other' }] }],
    }));
    expect(result.sessions.map((s) => s.date)).toEqual([TUESDAY]);
  });

  it('closes a day the unit is on holiday', () => {
    const result = scheduleWeek(unit({ days: onDuty([1, 2]), exceptions: [{ date: MONDAY, kind: 'holiday' }] }));
    expect(result.sessions.map((s) => s.date)).toEqual([TUESDAY]);
  });

  it('holds a work detail only for the people on it', () => {
    const result = scheduleWeek(unit({
      days: [{ dayOfWeek: 1, start: '08:00', end: '10:00' }],
      routine: [{ dayOfWeek: 1, start: '08:00', end: '09:00', kind: 'kerja', participantIds: ['p1'] }],
      rooms: [{ id: 'r1', capacity: 1 }, { id: 'r2', capacity: 1 }],
      staff: [{ id: 's1', availability: onDuty() }, { id: 's2', availability: onDuty() }],
      participants: people(2),
      demands: [individual({ staffIds: ['s1', 's2'] })],
    }));
    expect(Object.fromEntries(result.sessions.map((s) => [s.participantId, s.start]))).toEqual({ p1: '09:00', p2: '08:00' });
  });

  it('puts a group\'s sessions of one demand on different days where it can', () => {
    const result = scheduleWeek(unit({ days: onDuty([1, 2, 3]), participants: people(4), demands: [group({ perWeek: 3, minGroup: 4 })] }));
    expect(new Set(result.sessions.map((s) => s.date)).size).toBe(3);
  });

  it('holds a demand of every n weeks only in the weeks it is due', () => {
    const demands = [individual({ everyWeeks: 4 })];
    expect(scheduleWeek(unit({ weekIndex: 4, demands })).sessions).toHaveLength(1);
    expect(scheduleWeek(unit({ weekIndex: 5, demands })).stats.required).toBe(0);
  });

  it('gives the same timetable for the same input', () => {
    const input = unit({ days: onDuty(), participants: people(12), demands: [group({ perWeek: 2, minGroup: 4, maxGroup: 6 })] });
    expect(scheduleWeek(input)).toEqual(scheduleWeek(input));
  });
});

describe('scheduleWeek: groups', () => {
  it('never puts non-associated people in one group', () => {
    const result = scheduleWeek(unit({ participants: people(12), nonAssociations: [['p1', 'p2'], ['p3', 'p4']], demands: [group({ minGroup: 6, maxGroup: 6 })] }));
    for (const g of result.groups) {
      expect(g.participantIds.includes('p1') && g.participantIds.includes('p2')).toBe(false);
      expect(g.participantIds.includes('p3') && g.participantIds.includes('p4')).toBe(false);
    }
  });

  it('holds a community session as one when a room takes everyone', () => {
    const result = scheduleWeek(unit({ rooms: [{ id: 'hall', capacity: 30 }], participants: people(25), demands: [group({ mode: 'community', minGroup: null, maxGroup: null })] }));
    expect(result.groups.map((g) => g.participantIds.length)).toEqual([25]);
  });

  it('splits a community session into the fewest sessions the rooms hold', () => {
    const result = scheduleWeek(unit({ rooms: [{ id: 'hall', capacity: 20 }], participants: people(25), demands: [group({ mode: 'community', minGroup: null, maxGroup: null })] }));
    expect(result.groups.map((g) => g.participantIds.length).sort()).toEqual([12, 13]);
  });

  it('splits a community session to keep a non-associated pair apart', () => {
    const result = scheduleWeek(unit({
      rooms: [{ id: 'hall', capacity: 30 }], participants: people(10), nonAssociations: [['p1', 'p2']],
      demands: [group({ mode: 'community', minGroup: null, maxGroup: null })],
    }));
    expect(result.groups).toHaveLength(2);
  });

  it('builds a coarser group from whole finer groups of the same programme', () => {
    const result = scheduleWeek(unit({
      days: onDuty(), rooms: [{ id: 'hall', capacity: 40 }], staff: [{ id: 's1', availability: onDuty() }],
      participants: people(24, ['small', 'large']),
      demands: [
        group({ sessionCode: 'large', minGroup: 6, maxGroup: 16 }),
        group({ sessionCode: 'small', minGroup: 6, maxGroup: 8 }),
      ],
    }));
    const small = result.groups.filter((g) => g.demandKey === 'prog:small').map((g) => g.participantIds);
    const large = result.groups.filter((g) => g.demandKey === 'prog:large').map((g) => new Set(g.participantIds));
    for (const members of small) expect(large.some((l) => members.every((p) => l.has(p)))).toBe(true);
  });
});

describe('scheduleWeek: what cannot be placed', () => {
  it('reports a group no room can hold', () => {
    const result = scheduleWeek(unit({ rooms: [{ id: 'r1', capacity: 4 }], participants: people(8), demands: [group({ minGroup: 6, maxGroup: 8 })] }));
    expect(result.unplaced.map((u) => [u.code, u.reason])).toEqual([['no_room', 'no room with capacity 8']]);
  });

  it('reports a participant at court all week', () => {
    const result = scheduleWeek(unit({
      days: onDuty([1, 2]),
      participants: [person('p1', ['talk'], { unavailability: [{ date: MONDAY, reason: 'court' }, { date: TUESDAY, reason: 'court' }] })],
    }));
    expect(result.unplaced.map((u) => [u.code, u.reason])).toEqual([['participant_unavailable', 'participant p1 at court all week']]);
  });

  it('leaves a group member at court all week out of the group, with the reason', () => {
    const result = scheduleWeek(unit({
      participants: [...people(4), person('p5', ['talk'], { unavailability: [{ date: MONDAY, reason: 'court' }] })],
      demands: [group({ minGroup: 2, maxGroup: 8 })],
    }));
    expect(result.groups[0]!.participantIds).toEqual(['p1', 'p2', 'p3', 'p4']);
    expect(result.unplaced.map((u) => [u.participantId, u.stage, u.code])).toEqual([['p5', 'grouping', 'participant_unavailable']]);
  });

  it('reports when no staff member is on duty', () => {
    const result = scheduleWeek(unit({ staff: [{ id: 's1', availability: onDuty([6]) }] }));
    expect(result.unplaced.map((u) => u.code)).toEqual(['no_staff']);
  });

  it('reports a demand nobody may run', () => {
    const result = scheduleWeek(unit({ demands: [individual({ staffIds: ['nobody'] })] }));
    expect(result.unplaced.map((u) => u.reason)).toEqual(['no staff member can run prog:talk']);
  });

  it('reports when every slot conflicts with the routine', () => {
    const result = scheduleWeek(unit({ routine: [{ dayOfWeek: 1, start: '07:00', end: '17:00', kind: 'penguncian' }] }));
    expect(result.unplaced.map((u) => [u.code, u.reason])).toEqual([['routine', 'all slots conflict with the routine (no free 60 minutes in the week)']]);
  });

  it('reports the sessions the staff cannot fit, and places the rest', () => {
    const result = scheduleWeek(unit({ days: [{ dayOfWeek: 1, start: '08:00', end: '10:00' }], participants: people(3) }));
    expect(result.stats).toEqual({ required: 3, placed: 2 });
    expect(result.unplaced.map((u) => u.code)).toEqual(['busy']);
  });

  it('leaves people out with a reason when too few for the minimum group', () => {
    const result = scheduleWeek(unit({ participants: people(3), demands: [group({ minGroup: 6, maxGroup: 8 })] }));
    expect(result.unplaced.map((u) => [u.code, u.reason])).toEqual(Array.from({ length: 3 }, () => ['group_size', 'only 3 people for a group of at least 6']));
  });
});

describe('findConflicts', () => {
  const base = unit({
    days: onDuty(),
    rooms: [{ id: 'r1', capacity: 10 }, { id: 'tiny', capacity: 1 }],
    staff: [{ id: 's1', availability: onDuty(WEEKDAYS, '08:00', '16:00') }, { id: 's2', availability: onDuty(WEEKDAYS, '06:00', '18:00') }],
    participants: [person('p1', ['talk'], { unavailability: [{ date: MONDAY, start: '13:00', end: '15:00', reason: 'court' }] }), person('p2'), person('p3')],
    routine: [{ dayOfWeek: 1, start: '12:00', end: '13:00', kind: 'makan', label: 'Makan siang' }],
    nonAssociations: [['p2', 'p3']],
    demands: [individual({ staffIds: ['s1', 's2'] })],
  });
  const session = (extra: Partial<SessionPlacement>): SessionPlacement => ({
    id: 'a', demandKey: 'prog:talk', date: MONDAY, start: '09:00', end: '10:00', roomId: 'r1', staffId: 's1', participantIds: ['p2'], ...extra,
  });
  const kinds = (sessions: SessionPlacement[]) => findConflicts(base, sessions).map((c) => c.kind);

  it('finds nothing in a sound timetable', () => {
    expect(findConflicts(base, [session({}), session({ id: 'b', start: '10:00', end: '11:00' })])).toEqual([]);
  });

  it('reports a move onto a routine block, naming it', () => {
    expect(findConflicts(base, [session({ start: '11:30', end: '12:30' })]).map((c) => c.reason)).toEqual(['overlaps Makan siang 12:00–13:00']);
  });

  it('reports a move onto a person\'s court time', () => {
    expect(kinds([session({ participantIds: ['p1'], start: '14:00', end: '15:00' })])).toEqual(['participant_unavailable']);
  });

  it('reports one person in two sessions at once', () => {
    expect(kinds([session({}), session({ id: 'b', start: '09:30', end: '10:30', roomId: 'tiny', staffId: 's2' })])).toEqual(['participant_double_booked']);
  });

  it('reports a staff member in two sessions at once', () => {
    expect(kinds([session({}), session({ id: 'b', roomId: 'tiny', participantIds: ['p3'] })])).toEqual(['staff_double_booked']);
  });

  it('reports a room holding two sessions at once', () => {
    expect(kinds([session({}), session({ id: 'b', staffId: 's2', participantIds: ['p3'] })])).toEqual(['room_double_booked']);
  });

  it('reports a room too small', () => {
    expect(kinds([session({ roomId: 'tiny', participantIds: ['p1', 'p2'] })])).toEqual(['room_too_small']);
  });

  it('reports a staff member outside their hours', () => {
    expect(kinds([session({ start: '16:00', end: '17:00' })])).toEqual(['staff_unavailable']);
  });

  it('reports a non-associated pair in one session', () => {
    expect(kinds([session({ participantIds: ['p2', 'p3'] })])).toEqual(['non_association']);
  });

  it('reports a session outside the day\'s hours', () => {
    expect(kinds([session({ staffId: 's2', start: '16:30', end: '17:30' })])).toEqual(['outside_window']);
  });

  it('reports a session on a day the unit is closed, once', () => {
    const closed = { ...base, exceptions: [{ date: MONDAY, kind: 'lockdown' as const }] };
    expect(findConflicts(closed, [session({})]).map((c) => [c.kind, c.reason])).toEqual([['closed_day', `${MONDAY} is closed (lockdown)`]]);
  });

  it('reports a date outside the week', () => {
    expect(kinds([session({ date: '2026-12-01' })])).toEqual(['outside_week']);
  });
});

describe('formGroups', () => {
  const ids = (n: number) => Array.from({ length: n }, (_, i) => `p${i + 1}`);

  it('makes as few groups as the maximum allows, balanced', () => {
    const { groups, leftOut } = formGroups({ participantIds: ids(20), minSize: 6, maxSize: 8 });
    expect(groups.map((g) => g.length)).toEqual([7, 7, 6]);
    expect(leftOut).toEqual([]);
  });

  it('keeps non-associated people apart even when it must swap someone', () => {
    const pairs: [string, string][] = [['p1', 'p7'], ['p2', 'p7'], ['p3', 'p8']];
    const { groups } = formGroups({ participantIds: ids(12), minSize: 6, maxSize: 6, nonAssociations: pairs });
    for (const [a, b] of pairs) expect(groups.some((g) => g.includes(a) && g.includes(b))).toBe(false);
    expect(groups.flat().sort()).toEqual(ids(12).sort());
  });

  it('leaves out, with a reason, those the size limits cannot take', () => {
    const { groups, leftOut } = formGroups({ participantIds: ids(9), minSize: 6, maxSize: 8 });
    expect(groups.map((g) => g.length)).toEqual([8]);
    expect(leftOut.map((l) => l.code)).toEqual(['group_size']);
  });

  it('leaves out, with a reason, one who cannot join any group without a non-associated person', () => {
    const pairs: [string, string][] = [['p1', 'p2'], ['p1', 'p3']];
    const { groups, leftOut } = formGroups({ participantIds: ids(3), minSize: 1, maxSize: 2, nonAssociations: [...pairs, ['p2', 'p3']] });
    expect(groups.every((g) => g.length === 1)).toBe(true);
    expect(leftOut).toEqual([]);
    const tight = formGroups({ participantIds: ids(3), minSize: 2, maxSize: 3, nonAssociations: pairs });
    expect(tight.groups).toEqual([['p2', 'p3']]);
    expect(tight.leftOut.map((l) => [l.participantId, l.code])).toEqual([['p1', 'non_association']]);
  });

  it('keeps sub-groups whole where the limits allow', () => {
    const together = [['p1', 'p4'], ['p2', 'p5'], ['p3', 'p6']];
    const { groups } = formGroups({ participantIds: ids(6), minSize: 2, maxSize: 4, together });
    for (const block of together) expect(groups.some((g) => block.every((p) => g.includes(p)))).toBe(true);
  });

  it('groups people whose free times meet', () => {
    const freeStarts = new Map([['p1', [0]], ['p2', [1]], ['p3', [0]], ['p4', [1]]]);
    const { groups } = formGroups({ participantIds: ids(4), minSize: 2, maxSize: 2, freeStarts });
    expect(groups.map((g) => [...g].sort())).toEqual([['p1', 'p3'], ['p2', 'p4']]);
  });
});
