import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EXCEPTION_KINDS, ROUTINE_KINDS, type SchedulerInput, UNPLACED_CODES, demandKey, findConflicts, formGroups, isDue, scheduleWeek,
  toClock, toMinutes,
} from './scheduler.ts';

const MONDAY = '2026-11-23';
const dateOf = (offset: number) => `2026-11-${String(23 + offset).padStart(2, '0')}`;

/** A time range on a quarter-hour grid starting between the hours `from` and `to`, lasting minQ..maxQ quarter hours (never past midnight). */
const quarterRange = (from: number, to: number, minQ = 1, maxQ = 8) => fc
  .record({ start: fc.integer({ min: from * 4, max: to * 4 - 1 }), length: fc.integer({ min: minQ, max: maxQ }) })
  .map(({ start, length }) => ({ start: toClock(start * 15), end: toClock(Math.min(24 * 60, (start + length) * 15)) }));

const ALL_DAYS = [1, 2, 3, 4, 5, 6, 7];
const weekdays = fc.subarray(ALL_DAYS, { minLength: 1 });
/** Mostly every day, sometimes a few. */
const dutyDays = fc.oneof({ weight: 3, arbitrary: fc.constant(ALL_DAYS) }, { weight: 1, arbitrary: weekdays });

interface Size { minPeople: number; people: number; programmes: number; rooms: number; staff: number }

/**
 * A random unit: days and their windows, a routine (some blocks for part of the people), closures,
 * rooms, staff with hours and leave, people with enrolments and court dates, non-associations and
 * demands of every mode. Indices into lists are drawn freely and folded by the list's length.
 */
function unitOf(size: Size): fc.Arbitrary<SchedulerInput> {
  const demand = fc.record({
    mode: fc.constantFrom('group', 'individual', 'community') as fc.Arbitrary<'group' | 'individual' | 'community'>,
    perWeek: fc.integer({ min: 1, max: 3 }),
    everyWeeks: fc.integer({ min: 1, max: 3 }),
    durationMinutes: fc.constantFrom(15, 30, 45, 60, 90, 120),
    minGroup: fc.integer({ min: 1, max: 5 }),
    spread: fc.integer({ min: 0, max: 6 }),
    staff: fc.oneof({ weight: 9, arbitrary: fc.uniqueArray(fc.nat(), { minLength: 1, maxLength: 3 }) }, { weight: 1, arbitrary: fc.constant([] as number[]) }),
    rooms: fc.option(fc.uniqueArray(fc.nat(), { minLength: 1, maxLength: 2 }), { freq: 3 }),
    within: fc.option(quarterRange(6, 13, 8, 32), { freq: 6 }),
  });
  return fc.record({
    weekIndex: fc.integer({ min: 0, max: 3 }),
    slotMinutes: fc.constantFrom(15, 30, 60),
    days: weekdays,
    open: fc.constantFrom('06:00', '07:00', '07:30', '08:15'),
    close: fc.constantFrom('12:00', '15:45', '17:00'),
    routine: fc.array(fc.record({ day: fc.integer({ min: 1, max: 7 }), range: quarterRange(6, 18), kind: fc.constantFrom(...ROUTINE_KINDS), scoped: fc.option(fc.uniqueArray(fc.nat(), { maxLength: 4 }), { freq: 2 }) }), { maxLength: 6 }),
    exceptions: fc.array(fc.record({ offset: fc.integer({ min: 0, max: 6 }), range: fc.option(quarterRange(6, 18), { freq: 3 }), kind: fc.constantFrom(...EXCEPTION_KINDS) }), { maxLength: 2 }),
    rooms: fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: size.rooms }),
    staff: fc.array(fc.record({ days: dutyDays, range: quarterRange(6, 10, 16, 44), leave: fc.option(fc.integer({ min: 0, max: 6 }), { freq: 3 }) }), { minLength: 1, maxLength: size.staff }),
    people: fc.array(fc.record({
      enrolments: fc.array(fc.record({ programme: fc.nat(), codes: fc.uniqueArray(fc.nat(), { minLength: 1, maxLength: 4 }) }), { minLength: 1, maxLength: 2 }),
      court: fc.array(fc.record({ offset: fc.integer({ min: 0, max: 6 }), range: fc.option(quarterRange(6, 18, 4, 24), { freq: 3 }) }), { maxLength: 2 }),
    }), { minLength: size.minPeople, maxLength: size.people }),
    programmes: fc.array(fc.array(demand, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: size.programmes }),
    pairs: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: Math.ceil(size.people / 3) }),
  }).map((u) => {
    const personIds = u.people.map((_, i) => `p${i}`);
    const roomIds = u.rooms.map((_, i) => `r${i}`);
    const staffIds = u.staff.map((_, i) => `s${i}`);
    const fold = <T>(list: T[], i: number) => list[i % list.length]!;
    return {
      weekStart: MONDAY,
      weekIndex: u.weekIndex,
      slotMinutes: u.slotMinutes,
      days: u.days.map((dayOfWeek) => ({ dayOfWeek, start: u.open, end: u.close })),
      routine: u.routine.map((b) => ({ dayOfWeek: b.day, ...b.range, kind: b.kind, ...(b.scoped ? { participantIds: b.scoped.map((i) => fold(personIds, i)) } : {}) })),
      exceptions: u.exceptions.map((e) => ({ date: dateOf(e.offset), kind: e.kind, ...(e.range ?? {}) })),
      rooms: u.rooms.map((capacity, i) => ({ id: roomIds[i]!, capacity })),
      staff: u.staff.map((s, i) => ({
        id: staffIds[i]!, availability: s.days.map((dayOfWeek) => ({ dayOfWeek, ...s.range })),
        exceptions: s.leave === null ? [] : [{ date: dateOf(s.leave), reason: 'other' as const }],
      })),
      participants: u.people.map((p, i) => ({
        id: personIds[i]!,
        enrolments: p.enrolments.map((e) => ({ programmeId: `prog${e.programme % u.programmes.length}`, sessionCodes: e.codes.map((c) => `t${c % 4}`) })),
        unavailability: p.court.map((c) => ({ date: dateOf(c.offset), reason: 'court' as const, ...(c.range ?? {}) })),
      })),
      nonAssociations: u.pairs.map(([a, b]) => [fold(personIds, a), fold(personIds, b)] as [string, string]),
      demands: u.programmes.flatMap((demands, pi) => demands.map((d, ti) => ({
        programmeId: `prog${pi}`, sessionCode: `t${ti}`, mode: d.mode, perWeek: d.perWeek, everyWeeks: d.everyWeeks, durationMinutes: d.durationMinutes,
        minGroup: d.mode === 'group' ? d.minGroup : null, maxGroup: d.mode === 'group' ? d.minGroup + d.spread : null,
        staffIds: d.staff.map((i) => fold(staffIds, i)), roomIds: d.rooms ? [...new Set(d.rooms.map((i) => fold(roomIds, i)))] : null, within: d.within,
      }))),
    } satisfies SchedulerInput;
  });
}

const SMALL: Size = { minPeople: 1, people: 14, programmes: 2, rooms: 3, staff: 3 };
const MEDIUM: Size = { minPeople: 80, people: 100, programmes: 3, rooms: 5, staff: 8 };

const enrolledIn = (input: SchedulerInput, d: SchedulerInput['demands'][number]) => input.participants
  .filter((p) => (p.enrolments ?? []).some((e) => e.programmeId === d.programmeId && e.sessionCodes.includes(d.sessionCode)))
  .map((p) => p.id);
const nonAssociated = (input: SchedulerInput) => new Set((input.nonAssociations ?? []).filter(([a, b]) => a !== b).flatMap(([a, b]) => [`${a}|${b}`, `${b}|${a}`]));

describe('scheduleWeek on random units', () => {
  it('produces a timetable in which findConflicts finds nothing', () => {
    fc.assert(fc.property(unitOf(SMALL), (input) => {
      expect(findConflicts(input, scheduleWeek(input).sessions)).toEqual([]);
    }), { numRuns: 100 });
  });

  it('keeps every group within its size limits and free of non-associated pairs', () => {
    fc.assert(fc.property(unitOf(SMALL), (input) => {
      const result = scheduleWeek(input);
      const apart = nonAssociated(input);
      for (const g of result.groups) {
        const d = input.demands.find((x) => demandKey(x) === g.demandKey)!;
        expect(g.participantIds.length).toBeGreaterThanOrEqual(d.mode === 'group' ? d.minGroup! : 1);
        if (d.mode === 'group') expect(g.participantIds.length).toBeLessThanOrEqual(d.maxGroup!);
        for (const a of g.participantIds) for (const b of g.participantIds) expect(apart.has(`${a}|${b}`)).toBe(false);
      }
    }), { numRuns: 100 });
  });

  it('accounts for every session due: each enrolled person is in exactly perWeek placed or unplaced sessions of each due demand, each unplaced with a reason', () => {
    fc.assert(fc.property(unitOf(SMALL), (input) => {
      const result = scheduleWeek(input);
      for (const d of input.demands) {
        const key = demandKey(d);
        const entries = [...result.sessions, ...result.unplaced].filter((s) => s.demandKey === key);
        const due = isDue(d, input.weekIndex ?? 0);
        for (const pid of enrolledIn(input, d)) {
          expect(entries.filter((s) => s.participantIds.includes(pid))).toHaveLength(due ? d.perWeek : 0);
        }
      }
      for (const u of result.unplaced) {
        expect(UNPLACED_CODES).toContain(u.code);
        expect(u.reason.length).toBeGreaterThan(0);
      }
      expect(result.stats).toEqual({ required: result.sessions.length + result.unplaced.length, placed: result.sessions.length });
    }), { numRuns: 100 });
  });

  it('keeps every session inside its day\'s window, on a day of the week', () => {
    fc.assert(fc.property(unitOf(SMALL), (input) => {
      for (const s of scheduleWeek(input).sessions) {
        const offset = Math.round((Date.parse(s.date) - Date.parse(MONDAY)) / 86_400_000);
        const day = input.days!.find((d) => d.dayOfWeek === offset + 1);
        expect(day).toBeDefined();
        expect(toMinutes(s.start)).toBeGreaterThanOrEqual(toMinutes(day!.start));
        expect(toMinutes(s.end)).toBeLessThanOrEqual(toMinutes(day!.end));
      }
    }), { numRuns: 100 });
  });

  it('holds all of this on a medium unit', () => {
    fc.assert(fc.property(unitOf(MEDIUM), (input) => {
      const result = scheduleWeek(input);
      expect(findConflicts(input, result.sessions)).toEqual([]);
      const apart = nonAssociated(input);
      for (const g of result.groups) for (const a of g.participantIds) for (const b of g.participantIds) expect(apart.has(`${a}|${b}`)).toBe(false);
      for (const u of result.unplaced) expect(u.reason.length).toBeGreaterThan(0);
    }), { numRuns: 1, seed: 20261123 });
  });
});

describe('formGroups on random people', () => {
  it('forms groups within the limits, without non-associated pairs, leaving out only with a reason', () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 8 }),
      fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 20 }),
      (n, minSize, spread, rawPairs) => {
        const ids = Array.from({ length: n }, (_, i) => `p${i}`);
        const pairs = n === 0 ? [] : rawPairs.map(([a, b]) => [ids[a % n]!, ids[b % n]!] as [string, string]);
        const { groups, leftOut } = formGroups({ participantIds: ids, minSize, maxSize: minSize + spread, nonAssociations: pairs });
        const apart = new Set(pairs.filter(([a, b]) => a !== b).flatMap(([a, b]) => [`${a}|${b}`, `${b}|${a}`]));
        for (const g of groups) {
          expect(g.length).toBeGreaterThanOrEqual(minSize);
          expect(g.length).toBeLessThanOrEqual(minSize + spread);
          for (const a of g) for (const b of g) expect(apart.has(`${a}|${b}`)).toBe(false);
        }
        expect([...groups.flat(), ...leftOut.map((l) => l.participantId)].sort()).toEqual([...ids].sort());
        for (const l of leftOut) expect(l.reason.length).toBeGreaterThan(0);
      },
    ), { numRuns: 200 });
  });
});
