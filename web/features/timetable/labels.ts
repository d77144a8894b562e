import type { ConflictRecord, TimetableSession, UnplacedSessionRecord } from '../../../shared/contracts/timetable.ts';
import { i18n, translateKey } from '../../app/i18n.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);

export function isIsoDate(value: string | null | undefined): value is string {
  return !!value && ISO_DATE.test(value) && !Number.isNaN(utc(value).getTime());
}

export function addDays(date: string, days: number): string {
  const d = utc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return iso(d);
}

/** The Monday of the week holding a date; timetables run Monday to Sunday. */
export function mondayOf(date: string): string {
  const day = utc(date).getUTCDay(); // 0 = Sunday
  return addDays(date, day === 0 ? -6 : 1 - day);
}

/** ISO day of the week: 1 = Monday … 7 = Sunday. */
export function isoDay(date: string): number {
  const day = utc(date).getUTCDay();
  return day === 0 ? 7 : day;
}

export function weekDates(monday: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

function locale(): string {
  return i18n.language === 'en' ? 'en-GB' : 'id-ID';
}

export function dayName(date: string): string {
  return i18n.t(`timetable.day.${isoDay(date)}` as 'timetable.day.1');
}

/** "Senin, 12 Mei 2026" / "Monday, 12 May 2026": the heading of a printed day list. */
export function formatLongDate(date: string): string {
  if (!isIsoDate(date)) return date;
  return new Intl.DateTimeFormat(locale(), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(utc(date));
}

/** "Senin, 12 Mei" for a day within a week already named. */
export function formatDayDate(date: string): string {
  if (!isIsoDate(date)) return date;
  return new Intl.DateTimeFormat(locale(), { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(utc(date));
}

/** "12–18 Mei 2026": a week from its Monday. */
export function formatWeek(monday: string): string {
  if (!isIsoDate(monday)) return monday;
  const fmt = new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return fmt.formatRange(utc(monday), utc(addDays(monday, 6)));
}

/** A clock time as Indonesians write it ("07.30"); English keeps the colon. */
export function clock(value: string): string {
  return i18n.language === 'en' ? value : value.replace(/^(\d{2}):(\d{2})$/, '$1.$2');
}

export function timeText(start: string, end: string): string {
  return `${clock(start)}–${clock(end)}`;
}

/** Times inside server-made values ("08:00–12:00") in the reader's style. */
function clocksIn(text: string): string {
  return i18n.language === 'en' ? text : text.replace(/\b(\d{2}):(\d{2})\b/g, '$1.$2');
}

/** The names of the {{values}} a message uses. */
function placeholders(key: string): string[] {
  const raw = i18n.getResource(i18n.language, 'translation', key) ?? i18n.getResource('id', 'translation', key);
  if (typeof raw !== 'string') return [];
  return [...raw.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!);
}

/**
 * The first sentence whose every {{value}} was sent, richest first; the last key names no value,
 * so a sentence with a gap ("{{room}} is taken") never reaches the screen.
 */
function sentence(keys: string[], params: Record<string, string | number>): string {
  const values: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) values[k] = typeof v === 'string' ? clocksIn(v) : v;
  for (const key of keys) {
    if (!i18n.exists(key)) continue;
    if (placeholders(key).every((name) => values[name] !== undefined && values[name] !== '')) {
      const text = translateKey(key, values);
      if (text) return text;
    }
  }
  return i18n.t('timetable.conflictUnknown');
}

export function conflictText(c: ConflictRecord): string {
  const params: Record<string, string | number> = { ...c.params };
  // A person's own absence arrives as its code (court, medical…); say it in words.
  if (typeof params.label === 'string') params.label = translateKey(`timetable.awayReason.${params.label}`) ?? params.label;
  return sentence([`timetable.conflict.${c.kind}`, `timetable.conflictBrief.${c.kind}`, `timetable.conflictPlain.${c.kind}`], params);
}

/** The scheduler's reason a person is away all week, in words ("at court", "away (medical)"). */
function whyText(why: string | number | undefined): string | undefined {
  if (typeof why !== 'string' || why === '') return undefined;
  if (why === 'at court') return i18n.t('timetable.why.court');
  if (why === 'unavailable') return i18n.t('timetable.why.unavailable');
  const away = /^away \((\w+)\)$/.exec(why)?.[1];
  if (away) return translateKey(`timetable.why.${away}`) ?? i18n.t('timetable.why.awayOther', { reason: away });
  return translateKey(`timetable.why.${why}`) ?? why;
}

export function unplacedText(u: UnplacedSessionRecord): string {
  const key = u.code === 'busy' ? `busy_${String(u.params.blocked ?? 'participants')}` : u.code;
  const params: Record<string, string | number> = { ...u.params };
  const why = whyText(u.params.why);
  if (why === undefined) delete params.why;
  else params.why = why;
  return sentence([`timetable.unplaced.${key}`, `timetable.unplacedBrief.${key}`, `timetable.unplacedPlain.${u.code}`], params);
}

/** A session's short name for buttons and dialogs: "Konseling kelompok, Kelompok 2, Senin, 12 Mei 09.00–10.30". */
export function sessionLabel(s: TimetableSession): string {
  return i18n.t('timetable.sessionLabel', {
    session: s.sessionName,
    group: s.groupLabel ?? s.members[0]?.fullName ?? '',
    day: formatDayDate(s.date),
    time: timeText(s.start, s.end),
  });
}
