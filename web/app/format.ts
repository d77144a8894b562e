import { i18n } from './i18n.ts';

function locale(): string {
  return i18n.language === 'en' ? 'en-GB' : 'id-ID';
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date ("2025-03-12") shown as "12 Mar 2025"; dates carry no time zone, so format them in UTC. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const d = ISO_DATE.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(d);
}

/** The units' clock: days begin and end in Jakarta (WIB), as on the server. */
const UNIT_ZONE = 'Asia/Jakarta';

/** The day of a moment ("2025-03-11T18:30:00Z" → "12 Mar 2025"), in Jakarta; a bare calendar date is shown as it is. */
export function formatTimestampDate(value: string | null | undefined): string {
  if (!value || ISO_DATE.test(value)) return formatDate(value);
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'short', year: 'numeric', timeZone: UNIT_ZONE }).format(d);
}

/** The time of day of a moment in Jakarta, "14.05" / "14:05". */
export function formatClock(value: string | null | undefined): string {
  if (!value) return '—';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return new Intl.DateTimeFormat(locale(), { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: UNIT_ZONE }).format(d);
}

/** An accessible name that starts with a control's visible text and says what it acts on: "Ambil sampel — Joko Hermawan". */
export function withSubject(text: string, subject: string): string {
  return `${text} — ${subject}`;
}

/** A moment as day and time on the units' clock (Jakarta), like formatClock, whatever zone the PC is set to. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short', timeZone: UNIT_ZONE }).format(d);
}

export function formatNumber(n: number | null | undefined, fractionDigits = 0): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '—';
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: fractionDigits, minimumFractionDigits: fractionDigits }).format(n);
}

/** Today's date in the browser's zone, as an ISO date for date inputs. */
export function todayIso(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Whole years, months and days from one ISO date to another (from ≤ to). */
export function calendarDiff(fromIso: string, toIso: string): { years: number; months: number; days: number } {
  const [fy, fm, fd] = fromIso.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = toIso.split('-').map(Number) as [number, number, number];
  let years = ty - fy;
  let months = tm - fm;
  let days = td - fd;
  if (days < 0) {
    months -= 1;
    days += new Date(Date.UTC(ty, tm - 1, 0)).getUTCDate(); // days in the month before `to`
  }
  if (months < 0) {
    years -= 1;
    months += 12;
  }
  return { years, months, days };
}

/** "1 tahun 3 bulan" / "1 year 3 months"; days only when under a month. */
export function formatDuration(fromIso: string, toIso: string): string {
  const { years, months, days } = calendarDiff(fromIso, toIso);
  const parts: string[] = [];
  if (years > 0) parts.push(i18n.t('duration.years', { count: years }));
  if (months > 0) parts.push(i18n.t('duration.months', { count: months }));
  if (years === 0 && months === 0) parts.push(i18n.t('duration.days', { count: days }));
  return parts.join(' ');
}

/** Sentence length in months as "2 tahun 6 bulan (30 bulan)". */
export function formatSentence(months: number | null): string {
  if (months === null) return '—';
  const y = Math.floor(months / 12);
  const m = months % 12;
  const parts: string[] = [];
  if (y > 0) parts.push(i18n.t('duration.years', { count: y }));
  if (m > 0 || y === 0) parts.push(i18n.t('duration.months', { count: m }));
  return y > 0 ? `${parts.join(' ')} (${i18n.t('duration.months', { count: months })})` : parts.join(' ');
}
