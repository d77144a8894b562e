import { type Indicators, type ReportLevel, SMALL_COUNT_THRESHOLD } from '../../../shared/contracts/reports.ts';
import { jakartaDate } from '../../../shared/domain/dates.ts';
import {
  type RawIndicators, emptyRaw, overdueOf, suppressionPlan, sumRaw, toIndicators, waitingOf,
} from '../../../shared/domain/indicators.ts';
import type { DbOrTrx } from '../../db/database.ts';
import { type IndicatorRows, holidays, runIndicatorQueries } from './indicators.repository.ts';

export interface IndicatorsRequest {
  /** The units covered; the caller has checked the actor may see them in aggregate. */
  facilityIds: readonly string[];
  /** The period, both days included (the caller has checked it: not reversed, at most a year). */
  from: string;
  to: string;
  level: ReportLevel;
  /**
   * Whether small counts are suppressed. By default at region and nation level and never at unit
   * level; a caller looking at one unit it does not run (a regional manager) asks for it.
   */
  suppress?: boolean;
  /** Jakarta's date today (default: now): the occupancy is counted on the period's last day or today, whichever is earlier. */
  today?: string;
}

export interface UnitIndicators {
  id: string;
  name: string;
  code: string;
  regionId: string | null;
  indicators: Indicators;
}

export interface IndicatorsResult {
  level: ReportLevel;
  /** The threshold in force, or null where nothing is suppressed. */
  suppressionThreshold: number | null;
  totals: Indicators;
  /** Each unit, ordered by name; at region and nation level suppressed like the totals. */
  units: UnitIndicators[];
}

/** Rows by a key, in their order (Map.groupBy is not in Node.js 20). */
function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Per-unit counts of the rows the queries return, before any suppression. */
function rawByUnit(rows: IndicatorRows, holidaySet: ReadonlySet<string>, today: string): Map<string, RawIndicators> {
  const raw = new Map(rows.units.map((u) => [u.id, emptyRaw(u.capacity)]));
  const of = (id: string) => raw.get(id);
  for (const r of rows.people) {
    const u = of(r.facility_id);
    if (!u) continue;
    u.funnel.drugCases = r.drug_cases;
    u.occupancy.held = r.held;
    u.occupancy.drugCases = r.drug_cases_held;
  }
  for (const r of rows.screened) {
    const u = of(r.facility_id);
    if (u) u.funnel.screened = r.screened;
  }
  for (const r of rows.assessed) {
    const u = of(r.facility_id);
    if (!u) continue;
    u.funnel.assessed = r.assessed;
    u.funnel.classified = r.classified;
    u.classes = { rendah: r.rendah, menengah: r.menengah, tinggi: r.tinggi };
  }
  for (const r of rows.decided) {
    const u = of(r.facility_id);
    if (u) u.funnel.decided = r.decided;
  }
  const waitsByUnit = groupBy(rows.waits, (r) => r.facility_id);
  for (const [id, waits] of waitsByUnit) {
    const u = of(id);
    if (!u) continue;
    const w = waitingOf(waits.map((r) => ({ screenedOn: r.screened_on, decidedOn: r.decree_date, n: r.n })), holidaySet);
    u.waiting.days = w.days;
    u.waiting.withinStandard = w.withinStandard;
  }
  const waitingByUnit = groupBy(rows.waiting, (r) => r.facility_id);
  for (const [id, waiting] of waitingByUnit) {
    const u = of(id);
    if (u) u.waiting.overdueNow = overdueOf(waiting.map((r) => ({ screenedOn: r.screened_on, n: r.n })), today, holidaySet);
  }
  for (const r of rows.enrolments) {
    const u = of(r.unit);
    if (!u) continue;
    u.funnel.enrolled = r.enrolled;
    u.funnel.completed = r.completed_people;
    u.completion = { completed: r.completed, dropped: r.dropped, active: r.active };
    u.rehabTypes = { medical: r.type_medical, social: r.type_social, post_rehab: r.type_post_rehab };
  }
  for (const r of rows.attendance) {
    const u = of(r.facility_id);
    if (u) u.attendance = { expected: r.expected, present: r.present };
  }
  for (const r of rows.urine) {
    const u = of(r.facility_id);
    if (u) u.urine = { tested: r.tested, positive: r.positive };
  }
  for (const r of rows.referrals) {
    const u = of(r.facility_id);
    if (!u) continue;
    u.funnel.referred = r.referred;
    u.followUps = {
      stable: r.outcome_stable, relapse: r.outcome_relapse, reoffended: r.outcome_reoffended, lost: r.outcome_lost,
    };
  }
  for (const r of rows.followedUp) {
    const u = of(r.facility_id);
    if (u) u.funnel.followedUp = r.followed_up;
  }
  return raw;
}

/**
 * The indicators of some units for a period: each unit's and their total, from the same queries for
 * the dashboards and the monthly report. Totals are summed from the units' own counts, and only then
 * suppressed; at region and nation level small counts are suppressed in the units' rows as well, with
 * their complement (shared/domain/indicators.ts suppressionPlan) across all units and within each region.
 */
export async function indicatorsFor(db: DbOrTrx, request: IndicatorsRequest): Promise<IndicatorsResult> {
  const today = request.today ?? jakartaDate(new Date());
  const heldOn = request.to < today ? request.to : today;
  const [rows, holidaySet] = await Promise.all([
    runIndicatorQueries(db, { facilityIds: request.facilityIds, from: request.from, to: request.to, heldOn, today }),
    holidays(db),
  ]);
  const raw = rawByUnit(rows, holidaySet, today);
  const units = rows.units;
  const raws = units.map((u) => raw.get(u.id) ?? emptyRaw(u.capacity));
  const suppressed = request.suppress ?? request.level !== 'unit';
  if (!suppressed) {
    return {
      level: request.level,
      suppressionThreshold: null,
      totals: toIndicators(sumRaw(raws), null),
      units: units.map((u, i) => ({ id: u.id, name: u.name, code: u.code, regionId: u.region_id, indicators: toIndicators(raws[i]!, null) })),
    };
  }
  const regions = groupBy(units.map((u, i) => ({ region: u.region_id, i })), (x) => x.region);
  const groups = [units.map((_, i) => i), ...[...regions.values()].map((members) => members.map((m) => m.i))];
  const plan = suppressionPlan(raws, SMALL_COUNT_THRESHOLD, groups);
  return {
    level: request.level,
    suppressionThreshold: SMALL_COUNT_THRESHOLD,
    totals: toIndicators(sumRaw(raws), plan.total),
    units: units.map((u, i) => ({ id: u.id, name: u.name, code: u.code, regionId: u.region_id, indicators: toIndicators(raws[i]!, plan.units[i]!) })),
  };
}
