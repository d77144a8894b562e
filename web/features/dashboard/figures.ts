import {
  CLASSES, FOLLOW_UP_OUTCOMES, FUNNEL_STAGES, REHAB_TYPES,
  type DashboardResponse, type FunnelStage, type Indicators,
} from '../../../shared/contracts/reports.ts';

// What the dashboard shows of each figure, kept apart from React so it can be tested: a count, or
// "<5" where the server suppressed it (null at region and nation level, since a count from 1 to 4
// could point at a person), or "x" where a larger count was withheld with a small one so that the
// small one cannot be worked out from a total (the answer lists those in `complementary`), and the
// rows each chart plots. A chart never plots a missing figure as zero: the row is left out of the
// drawing, listed under the chart, and kept in its table.

export type Format = (value: number) => string;
export type UnitRow = DashboardResponse['units'][number];

/** Why a figure has no number: small, withheld with a small one, or simply none to give. */
export type Missing = 'suppressed' | 'withheld' | 'none';

/** How a count withheld with a small one reads (as statistical offices mark confidential cells). */
export const WITHHELD_MARK = 'x';

/**
 * Whether a count of these indicators was withheld though not small, by its path in the answer
 * ('classes.menengah', 'funnel.screened', 'attendance.present'…).
 */
export function isWithheld(ind: Pick<Indicators, 'complementary'>, path: string): boolean {
  return ind.complementary?.includes(path) ?? false;
}

/** One bar (or one row of a chart's table): its label, the number to plot, and the text to read. */
export interface Figure {
  key: string;
  label: string;
  /** What the chart plots; null when there is no number to plot. */
  value: number | null;
  /** What a reader sees: the formatted number, "<5", or a dash. */
  text: string;
  missing: Missing | null;
}

/**
 * A count as shown: the number; "x" where withheld with a small one; "<5" where suppressed (a
 * threshold is in force); a dash otherwise.
 */
export function countText(value: number | null, threshold: number | null, format: Format, withheld = false): string {
  if (value !== null) return format(value);
  if (withheld) return WITHHELD_MARK;
  return threshold !== null ? `<${format(threshold)}` : '—';
}

/** A share from 0 to 1 as a percentage, or a dash where it cannot be given. */
export function rateText(rate: number | null, format: Format): string {
  return rate === null ? '—' : `${format(rate * 100)}%`;
}

/** Counts of one set of indicators as shown: `count(value, path)` reads "x" where that path was withheld. */
export function counter(ind: Pick<Indicators, 'complementary'>, threshold: number | null, format: Format): (value: number | null, path: string) => string {
  return (value, path) => countText(value, threshold, format, isWithheld(ind, path));
}

/** Why a count is null: withheld with a small one, suppressed where a threshold is in force, else simply not there. */
export function missingCount(value: number | null, threshold: number | null, withheld = false): Missing | null {
  if (value !== null) return null;
  if (withheld) return 'withheld';
  return threshold !== null ? 'suppressed' : 'none';
}

/** A count as a figure. */
export function countFigure(key: string, label: string, value: number | null, threshold: number | null, format: Format, withheld = false): Figure {
  return { key, label, value, text: countText(value, threshold, format, withheld), missing: missingCount(value, threshold, withheld) };
}

/** A figure's number, its text and why it has none. */
export type Shown = Pick<Figure, 'value' | 'text' | 'missing'>;

/** A share (0–1) plotted in percent; a missing share has no number, for whatever reason. */
export function shownRate(rate: number | null, format: Format): Shown {
  return { value: rate === null ? null : rate * 100, text: rateText(rate, format), missing: rate === null ? 'none' : null };
}

/** A number that is not a count (a median): no number means none could be given. */
export function shownNumber(value: number | null, format: Format): Shown {
  return { value, text: value === null ? '—' : format(value), missing: value === null ? 'none' : null };
}

/** The figures a chart draws: those with a number. */
export function plotted(figures: readonly Figure[]): Figure[] {
  return figures.filter((f) => f.value !== null);
}

/** The labels a chart leaves out, by why. */
export function leftOut(figures: readonly Figure[]): Record<Missing, string[]> {
  const of = (why: Missing) => figures.filter((f) => f.missing === why).map((f) => f.label);
  return { suppressed: of('suppressed'), withheld: of('withheld'), none: of('none') };
}

/** Counts listed by key, in the order of `keys` (the contract's order), whatever order the answer has. */
function inOrder<K extends string>(keys: readonly K[], items: readonly { key: K; count: number | null }[]): { key: K; count: number | null }[] {
  return keys.flatMap((key) => {
    const item = items.find((i) => i.key === key);
    return item ? [item] : [];
  });
}

export interface Labels {
  stage: (stage: FunnelStage) => string;
  klass: (klass: (typeof CLASSES)[number]) => string;
  outcome: (outcome: (typeof FOLLOW_UP_OUTCOMES)[number]) => string;
  rehabType: (type: (typeof REHAB_TYPES)[number]) => string;
}

/** The pathway funnel, stage by stage in the pathway's order. */
export function funnelFigures(ind: Indicators, threshold: number | null, label: Labels['stage'], format: Format): Figure[] {
  return inOrder(FUNNEL_STAGES, ind.funnel.map((f) => ({ key: f.stage, count: f.count })))
    .map((f) => countFigure(f.key, label(f.key), f.count, threshold, format, isWithheld(ind, `funnel.${f.key}`)));
}

export function classFigures(ind: Indicators, threshold: number | null, label: Labels['klass'], format: Format): Figure[] {
  return inOrder(CLASSES, ind.classes.map((c) => ({ key: c.class, count: c.count })))
    .map((c) => countFigure(c.key, label(c.key), c.count, threshold, format, isWithheld(ind, `classes.${c.key}`)));
}

export function followUpFigures(ind: Indicators, threshold: number | null, label: Labels['outcome'], format: Format): Figure[] {
  return inOrder(FOLLOW_UP_OUTCOMES, ind.followUps.map((f) => ({ key: f.outcome, count: f.count })))
    .map((f) => countFigure(f.key, label(f.key), f.count, threshold, format, isWithheld(ind, `followUps.${f.key}`)));
}

export function rehabTypeFigures(ind: Indicators, threshold: number | null, label: Labels['rehabType'], format: Format): Figure[] {
  return inOrder(REHAB_TYPES, ind.rehabTypes.map((r) => ({ key: r.type, count: r.count })))
    .map((r) => countFigure(r.key, label(r.key), r.count, threshold, format, isWithheld(ind, `rehabTypes.${r.key}`)));
}

/** One figure per unit, e.g. each unit's median waiting days; `pick` takes it from the unit's indicators. */
export function perUnitFigures(units: readonly UnitRow[], pick: (ind: Indicators) => Shown): Figure[] {
  return units.map((u) => ({ key: u.id, label: u.name, ...pick(u.indicators) }));
}

/** A unit's occupancy: people held as the bar, its capacity as the line (absent when unknown). */
export interface OccupancyRow {
  key: string;
  label: string;
  held: number;
  capacity: number | null;
}

/** The units whose head count can be drawn; those suppressed or without one are left out (and listed). */
export function occupancyRows(units: readonly UnitRow[], threshold: number | null): { rows: OccupancyRow[]; missing: Record<Missing, string[]> } {
  const rows: OccupancyRow[] = [];
  const missing: Record<Missing, string[]> = { suppressed: [], withheld: [], none: [] };
  for (const u of units) {
    const { held, capacity } = u.indicators.occupancy;
    if (held === null) missing[missingCount(held, threshold, isWithheld(u.indicators, 'occupancy.held')) ?? 'none'].push(u.name);
    else rows.push({ key: u.id, label: u.name, held, capacity });
  }
  return { rows, missing };
}

/**
 * Whether anything happened in the period: a screening, an enrolment, a test, a follow-up… A
 * suppressed count is something (one to four). People merely held are not: the head count and the
 * drug cases held say who was there, not that any rehabilitation work was done.
 */
export function hasActivity(ind: Indicators): boolean {
  const counts = [
    ...ind.funnel.filter((f) => f.stage !== 'drugCases').map((f) => f.count),
    ...ind.classes.map((c) => c.count),
    ...ind.followUps.map((f) => f.count),
    ...ind.rehabTypes.map((r) => r.count),
    ind.waiting.decided, ind.waiting.overdueNow,
    ind.attendance.expected, ind.urine.tested,
    ind.completion.completed, ind.completion.dropped, ind.completion.active,
  ];
  return counts.some((c) => c === null || c > 0);
}

/** The text alternative of a chart: its title, then each figure with its number, in order. */
export function chartSummary(title: string, figures: readonly Figure[]): string {
  return figures.length === 0 ? title : `${title}: ${figures.map((f) => `${f.label} ${f.text}`).join('; ')}`;
}
