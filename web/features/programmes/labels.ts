import type { ProgrammeRecord, SessionTypeBody } from '../../../shared/contracts/programmes.ts';
import { formatNumber } from '../../app/format.ts';
import { i18n } from '../../app/i18n.ts';

type Phase = ProgrammeRecord['phases'][number];

/** "24 minggu". */
export function weeksText(weeks: number): string {
  return i18n.t('programmes.weeks', { count: weeks });
}

/** The phases' weeks as "2 + 19 + 3 minggu" (social rehabilitation as a Therapeutic Community). */
export function phasesText(phases: readonly Pick<Phase, 'weeks'>[]): string {
  return i18n.t('programmes.phaseSum', { list: phases.map((p) => formatNumber(p.weeks)).join(' + ') });
}

/** "2× per minggu", "1× per 4 minggu", or "2× per minggu, setiap 2 minggu". */
export function frequencyText(perWeek: number, everyWeeks: number): string {
  if (everyWeeks <= 1) return i18n.t('programmes.perWeek', { count: perWeek });
  if (perWeek === 1) return i18n.t('programmes.onceEvery', { count: everyWeeks });
  return i18n.t('programmes.perWeekEvery', { per: perWeek, count: everyWeeks });
}

export function minutesText(minutes: number): string {
  return i18n.t('programmes.minutes', { count: minutes });
}

/** "6–8 orang"; null when the session is not held in groups or has no size. */
export function groupSizeText(s: Pick<SessionTypeBody, 'mode' | 'minGroup' | 'maxGroup'>): string | null {
  if (s.mode !== 'group') return null;
  const { minGroup: min, maxGroup: max } = s;
  if (min !== null && max !== null) {
    return min === max ? i18n.t('programmes.groupExact', { count: max }) : i18n.t('programmes.groupRange', { min, max });
  }
  if (max !== null) return i18n.t('programmes.groupUpTo', { count: max });
  if (min !== null) return i18n.t('programmes.groupAtLeast', { count: min });
  return null;
}

/** A code for a name typed by the user: "Konseling kelompok" → "konseling_kelompok". */
export function codeFromName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40)
    .replace(/_+$/, '');
}
