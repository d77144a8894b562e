// Calendar dates are ISO strings (YYYY-MM-DD) everywhere. Arithmetic on them is done at UTC
// midnight, where every day has 24 hours, so no time zone or clock change can shift a date.

const DAY_MS = 86_400_000;
const utcMidnight = (isoDate: string): number => Date.parse(`${isoDate}T00:00:00Z`);

/** The date `days` days after `isoDate` (before it when negative). */
export function addDays(isoDate: string, days: number): string {
  return new Date(utcMidnight(isoDate) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The same calendar day `months` later; a day the month lacks becomes its last day
 * (31 January + 1 month = 28 or 29 February).
 */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Whole days from `from` to `to`: negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);
}

/** ISO day of the week: 1 = Monday … 7 = Sunday. */
export function isoWeekday(isoDate: string): number {
  return ((new Date(utcMidnight(isoDate)).getUTCDay() + 6) % 7) + 1;
}

/** The Monday of the ISO week holding a date. */
export function mondayOf(isoDate: string): string {
  return addDays(isoDate, 1 - isoWeekday(isoDate));
}

/** Whole years between an ISO birth date and `today` (both YYYY-MM-DD), or null when unknown. */
export function ageInYears(birthDate: string | null, today: string): number | null {
  if (!birthDate) return null;
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  let age = ty - by;
  if (tm < bm || (tm === bm && td < bd)) age -= 1;
  return age >= 0 ? age : null;
}

/** The calendar date in Jakarta (WIB, UTC+7), which is where the units' days begin and end. */
export function jakartaDate(at: Date): string {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}
