import { addDays, isoWeekday } from './dates.ts';

export function isWorkingDay(isoDate: string, holidays: ReadonlySet<string>): boolean {
  return isoWeekday(isoDate) <= 5 && !holidays.has(isoDate);
}

/** The date `days` working days after `start` (weekends and the given holidays skipped). */
export function addWorkingDays(start: string, days: number, holidays: ReadonlySet<string>): string {
  let date = start;
  let left = days;
  while (left > 0) {
    date = addDays(date, 1);
    if (isWorkingDay(date, holidays)) left -= 1;
  }
  return date;
}

const DAY_MS = 86_400_000;
/** Days since 1970-01-01 (a Thursday). */
const epochDay = (isoDate: string): number => Math.round(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
/** Whether each day of a week starting on a Thursday (1970-01-01) is Monday to Friday. */
const WEEKDAY_FROM_THURSDAY = [true, true, false, false, true, true, true];

/** Monday-to-Friday days in the epoch days [0, n), for any integer n. */
function weekdaysBefore(n: number): number {
  const weeks = Math.floor(n / 7);
  const rest = n - weeks * 7;
  let count = weeks * 5;
  for (let i = 0; i < rest; i += 1) if (WEEKDAY_FROM_THURSDAY[i]) count += 1;
  return count;
}

/** Each holiday set's weekday holidays as sorted epoch days, made once per set. */
const sortedHolidays = new WeakMap<ReadonlySet<string>, number[]>();
function weekdayHolidays(holidays: ReadonlySet<string>): number[] {
  let days = sortedHolidays.get(holidays);
  if (!days) {
    days = [...holidays].filter((h) => isoWeekday(h) <= 5).map(epochDay).sort((a, b) => a - b);
    sortedHolidays.set(holidays, days);
  }
  return days;
}

/** How many of the sorted days are below n. */
function countBelow(sorted: readonly number[], n: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! < n) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Working days after `start` up to and including `end` (0 when end is not after start). Counted in
 * closed form, not day by day: the dashboards count it for tens of thousands of waits at once.
 */
export function workingDaysBetween(start: string, end: string, holidays: ReadonlySet<string>): number {
  const from = epochDay(start) + 1;
  const until = epochDay(end) + 1;
  if (until <= from) return 0;
  const off = weekdayHolidays(holidays);
  return weekdaysBefore(until) - weekdaysBefore(from) - (countBelow(off, until) - countBelow(off, from));
}

/** The service standard of the pathway: a decision within 14 working days of the screening result. */
export const DECISION_STANDARD_WORKING_DAYS = 14;
