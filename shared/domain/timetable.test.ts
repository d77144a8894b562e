import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { EXCEPTION_KINDS as STORED_EXCEPTION_KINDS, ROUTINE_KINDS as STORED_ROUTINE_KINDS } from '../contracts/routine.ts';
import { EXCEPTION_KINDS, ROUTINE_KINDS } from './scheduler.ts';
import {
  type CalendarEvent, EXCEPTION_KIND_TO_SCHEDULER, ROUTINE_KIND_TO_SCHEDULER, movedEnd, renderCalendar, weekIndexOf,
} from './timetable.ts';

describe('weekIndexOf', () => {
  it.each([
    ['2024-01-01', 0],
    ['2024-01-08', 1],
    ['2024-12-30', 52],
    ['2026-11-16', 150],
  ])('counts %s as week %i of the programme calendar', (monday, index) => {
    expect(weekIndexOf(monday)).toBe(index);
  });

  it('counts a Monday before the epoch as week 0', () => {
    expect(weekIndexOf('2023-12-25')).toBe(0);
  });
});

describe('movedEnd', () => {
  it('keeps the session\'s length at its new start', () => {
    expect(movedEnd('13:15', '09:00', '09:45')).toBe('14:00');
  });

  it('lets a session end at midnight', () => {
    expect(movedEnd('23:00', '09:00', '10:00')).toBe('24:00');
  });

  it('answers null for a session that would run past midnight', () => {
    expect(movedEnd('23:30', '09:00', '10:00')).toBeNull();
  });
});

describe('the stored kinds as the scheduler\'s', () => {
  it('maps every stored routine kind to a distinct scheduler kind', () => {
    expect(Object.keys(ROUTINE_KIND_TO_SCHEDULER).sort()).toEqual([...STORED_ROUTINE_KINDS].sort());
    const mapped = Object.values(ROUTINE_KIND_TO_SCHEDULER);
    expect(mapped.filter((k) => !(ROUTINE_KINDS as readonly string[]).includes(k))).toEqual([]);
    expect(new Set(mapped).size).toBe(mapped.length);
  });

  it('maps every stored exception kind to a scheduler kind', () => {
    expect(Object.keys(EXCEPTION_KIND_TO_SCHEDULER).sort()).toEqual([...STORED_EXCEPTION_KINDS].sort());
    expect(Object.values(EXCEPTION_KIND_TO_SCHEDULER).filter((k) => !(EXCEPTION_KINDS as readonly string[]).includes(k))).toEqual([]);
  });
});

describe('renderCalendar', () => {
  const NOW = new Date('2026-11-22T03:00:00Z');
  const WIB = 7 * 60;
  const event = (overrides: Partial<CalendarEvent> = {}): CalendarEvent => ({
    uid: 'sesi-1@pulih', date: '2026-11-16', start: '07:30', end: '08:30', summary: 'Morning meeting — Seluruh komunitas',
    location: 'Aula Rehabilitasi, Rutan Kelas IIB Serang', description: '16 peserta', ...overrides,
  });
  const render = (events: CalendarEvent[]) => renderCalendar({ name: 'Jadwal sesi rehabilitasi — dr. Siti Nurhaliza', events, offsetMinutes: WIB, now: NOW });
  const parsedEvents = (text: string) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
  // A long Indonesian summary with characters of two and three octets, folded somewhere inside them.
  const LONG = 'Seminar pencegahan kekambuhan — marah, relasi, asertif; pemecahan masalah — bersama café é é é, kelompok ketiga — sesi lanjutan';

  it('ends every line with CRLF', () => {
    const text = render([event({ summary: LONG })]);

    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n').join('')).not.toMatch(/[\r\n]/);
  });

  it('folds lines to at most 75 octets, never inside a character', () => {
    const text = render([event({ summary: LONG, description: `${LONG}\n${LONG}` })]);

    const lines = Buffer.from(text, 'utf8').toString('latin1').split('\r\n').map((l) => Buffer.from(l, 'latin1'));
    expect(lines.filter((l) => l.length > 75)).toEqual([]);
    // Each physical line is whole UTF-8 on its own: no character was cut in two.
    const strict = new TextDecoder('utf-8', { fatal: true });
    expect(() => lines.forEach((l) => strict.decode(l))).not.toThrow();
    expect(lines.filter((l) => l[0] === 0x20).length).toBeGreaterThan(1);
  });

  it('gives back the long summary whole once unfolded', () => {
    const [parsed] = parsedEvents(render([event({ summary: LONG })]));

    expect(parsed!.getFirstPropertyValue('summary')).toBe(LONG);
  });

  it('escapes commas, semicolons, backslashes and newlines in text', () => {
    const summary = 'Konseling, kelompok; sesi 2\\3';
    const description = 'Baris satu\nBaris dua';

    const text = render([event({ summary, description })]);

    expect(text).toContain('SUMMARY:Konseling\\, kelompok\\; sesi 2\\\\3\r\n');
    expect(text).toContain('DESCRIPTION:Baris satu\\nBaris dua\r\n');
    const [parsed] = parsedEvents(text);
    expect([parsed!.getFirstPropertyValue('summary'), parsed!.getFirstPropertyValue('description')]).toEqual([summary, description]);
  });

  it('writes the times of the unit\'s zone in UTC', () => {
    const text = render([event({ date: '2026-11-16', start: '07:30', end: '08:30' })]);

    expect(text).toContain('DTSTART:20261116T003000Z\r\n');
    expect(text).toContain('DTEND:20261116T013000Z\r\n');
  });

  it('moves a time before 07:00 WIB to the previous day in UTC', () => {
    const text = render([event({ date: '2026-11-16', start: '06:00', end: '07:00' })]);

    expect(text).toContain('DTSTART:20261115T230000Z\r\n');
    expect(text).toContain('DTEND:20261116T000000Z\r\n');
  });

  it('is read by a calendar parser as one event per session', () => {
    const text = render([event(), event({ uid: 'sesi-2@pulih', date: '2026-11-17', start: '13:00', end: '15:00', summary: 'Konseling kelompok — Kelompok 2' })]);

    const events = parsedEvents(text).map((e) => ({
      uid: e.getFirstPropertyValue('uid'), start: String(e.getFirstPropertyValue('dtstart')), end: String(e.getFirstPropertyValue('dtend')),
      summary: e.getFirstPropertyValue('summary'), stamp: String(e.getFirstPropertyValue('dtstamp')),
    }));
    expect(events).toEqual([
      { uid: 'sesi-1@pulih', start: '2026-11-16T00:30:00Z', end: '2026-11-16T01:30:00Z', summary: 'Morning meeting — Seluruh komunitas', stamp: '2026-11-22T03:00:00Z' },
      { uid: 'sesi-2@pulih', start: '2026-11-17T06:00:00Z', end: '2026-11-17T08:00:00Z', summary: 'Konseling kelompok — Kelompok 2', stamp: '2026-11-22T03:00:00Z' },
    ]);
  });

  it('holds a calendar with no events when there are no sessions', () => {
    const calendar = new ICAL.Component(ICAL.parse(render([])));

    expect(calendar.name).toBe('vcalendar');
    expect(calendar.getAllSubcomponents('vevent')).toEqual([]);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
  });
});
