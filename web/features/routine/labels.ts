import { i18n } from '../../app/i18n.ts';

/** ISO days of the week, Monday first. */
export const DAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export function dayName(day: number): string {
  return i18n.t(`routine.day.${day}` as 'routine.day.1');
}

/** "07.00–08.00" in Indonesian, "07:00–08:00" in English. */
export function timeText(start: string | null, end: string | null): string {
  if (!start || !end) return i18n.t('routine.wholeDay');
  const f = (v: string) => (i18n.language === 'en' ? v : v.replace(':', '.'));
  return `${f(start)}–${f(end)}`;
}
