import type { IndicatorsQuery } from '../../../shared/contracts/reports.ts';
import { addDays, addMonths, daysBetween } from '../../../shared/domain/dates.ts';
import { MAX_PERIOD_DAYS } from '../../../shared/domain/indicators.ts';

// The dashboard's filters live in the page address, so a link or a reload shows the same figures:
// ?periode=bulan-lalu&kanwil=<region id>&upt=<unit id>, or ?periode=pilih&dari=…&sampai=… for
// dates of one's own. Anything the address holds that makes no sense falls back to the default.

export const PERIOD_PRESETS = ['thisMonth', 'lastMonth', 'last3Months', 'thisYear', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** The address's word for each preset (the address is in Indonesian, like the app's paths). */
export const PRESET_IN_ADDRESS: Readonly<Record<PeriodPreset, string>> = {
  thisMonth: 'bulan-ini',
  lastMonth: 'bulan-lalu',
  last3Months: '3-bulan',
  thisYear: 'tahun-ini',
  custom: 'pilih',
};

export const DEFAULT_PRESET: PeriodPreset = 'thisMonth';

/** The address's parameters. */
export const PARAM = { period: 'periode', from: 'dari', to: 'sampai', region: 'kanwil', unit: 'upt' } as const;

export interface Period {
  from: string;
  to: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day written YYYY-MM-DD (not 2026-02-30). */
export function isIsoDate(value: string): boolean {
  return ISO_DATE.test(value) && addDays(value, 0) === value;
}

function firstOfMonth(isoDate: string): string {
  return `${isoDate.slice(0, 7)}-01`;
}

/**
 * The days a preset covers, both included, as of `today` (the Jakarta calendar day). The periods
 * that include today end today: nothing has happened after it.
 */
export function presetPeriod(preset: Exclude<PeriodPreset, 'custom'>, today: string): Period {
  switch (preset) {
    case 'thisMonth':
      return { from: firstOfMonth(today), to: today };
    case 'lastMonth': {
      const start = addMonths(firstOfMonth(today), -1);
      return { from: start, to: addDays(firstOfMonth(today), -1) };
    }
    case 'last3Months':
      // This month and the two before it, whole months, so the figures line up with the monthly reports.
      return { from: addMonths(firstOfMonth(today), -2), to: today };
    case 'thisYear':
      return { from: `${today.slice(0, 4)}-01-01`, to: today };
  }
}

export interface DashboardFilters {
  preset: PeriodPreset;
  /** The period to show; null while the chosen dates are incomplete, in the wrong order or too far apart. */
  period: Period | null;
  /** The dates as typed (custom), or the preset's dates. */
  from: string;
  to: string;
  /** Why the chosen dates cannot be used: which field is wrong. */
  problem: { field: 'from' | 'to'; reason: 'date' | 'order' | 'long' } | null;
  regionId: string | undefined;
  facilityId: string | undefined;
}

function presetFrom(word: string | null): PeriodPreset {
  const found = PERIOD_PRESETS.find((p) => PRESET_IN_ADDRESS[p] === word);
  return found ?? DEFAULT_PRESET;
}

/** The filters the address holds, the period worked out as of `today`. */
export function filtersFromAddress(search: URLSearchParams, today: string): DashboardFilters {
  const preset = presetFrom(search.get(PARAM.period));
  const regionId = search.get(PARAM.region) || undefined;
  const facilityId = search.get(PARAM.unit) || undefined;
  if (preset !== 'custom') {
    const period = presetPeriod(preset, today);
    return { preset, period, from: period.from, to: period.to, problem: null, regionId, facilityId };
  }
  const from = search.get(PARAM.from) ?? '';
  const to = search.get(PARAM.to) ?? '';
  let problem: DashboardFilters['problem'] = null;
  if (!isIsoDate(from)) problem = { field: 'from', reason: 'date' };
  else if (!isIsoDate(to)) problem = { field: 'to', reason: 'date' };
  else if (from > to) problem = { field: 'to', reason: 'order' };
  else if (daysBetween(from, to) + 1 > MAX_PERIOD_DAYS) problem = { field: 'to', reason: 'long' };
  return { preset, period: problem ? null : { from, to }, from, to, problem, regionId, facilityId };
}

/**
 * The address's changes when a preset is chosen: choosing "custom" starts from the dates shown so
 * far, so the user edits rather than types both from nothing; any other preset drops them.
 */
export function presetChanges(preset: PeriodPreset, shown: Period): Record<string, string | undefined> {
  if (preset === 'custom') return { [PARAM.period]: PRESET_IN_ADDRESS.custom, [PARAM.from]: shown.from, [PARAM.to]: shown.to };
  return { [PARAM.period]: preset === DEFAULT_PRESET ? undefined : PRESET_IN_ADDRESS[preset], [PARAM.from]: undefined, [PARAM.to]: undefined };
}

/** What to ask the API: one unit, or else one region, or else everything the user sees. */
export function indicatorsQueryOf(filters: DashboardFilters, period: Period): IndicatorsQuery {
  if (filters.facilityId) return { ...period, facilityId: filters.facilityId };
  if (filters.regionId) return { ...period, regionId: filters.regionId };
  return { ...period };
}

/** The calendar month (YYYY-MM) the monthly report covers for a period: the month it ends in. */
export function reportMonthOf(period: Period): string {
  return period.to.slice(0, 7);
}
