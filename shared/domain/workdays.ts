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

/** Working days after `start` up to and including `end` (0 when end is not after start). */
export function workingDaysBetween(start: string, end: string, holidays: ReadonlySet<string>): number {
  let count = 0;
  for (let date = addDays(start, 1); date <= end; date = addDays(date, 1)) if (isWorkingDay(date, holidays)) count += 1;
  return count;
}

/** The service standard of the pathway: a decision within 14 working days of the screening result. */
export const DECISION_STANDARD_WORKING_DAYS = 14;
