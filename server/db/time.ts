// Postgres answers a `time` column as HH:MM:SS; the app and its API speak HH:MM.

/** A stored time of day as HH:MM (null stays null: a whole-day entry has no times). */
export function hhmm(time: string): string;
export function hhmm(time: string | null): string | null;
export function hhmm(time: string | null): string | null {
  return time === null ? null : time.slice(0, 5);
}
