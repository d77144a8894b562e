import { z } from 'zod';
import { isoDate, uuid } from './common.ts';

// Dashboards at three levels and the monthly report, from the same indicator queries
// (server/modules/reports). A unit's dashboard is for its own head; the region's and the nation's
// are aggregates only, never a name, and there a count from 1 to SMALL_COUNT_THRESHOLD - 1 is
// suppressed (null), since it could point at a person.

export const REPORT_LEVELS = ['unit', 'region', 'nation'] as const;
export type ReportLevel = (typeof REPORT_LEVELS)[number];

/** Counts below this (and above zero) are not shown at region and nation level. */
export const SMALL_COUNT_THRESHOLD = 5;

/** The pathway funnel, in order: drug cases held → … → followed up. */
export const FUNNEL_STAGES = [
  'drugCases', 'screened', 'assessed', 'classified', 'decided', 'enrolled', 'completed', 'referred', 'followedUp',
] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

export const CLASSES = ['rendah', 'menengah', 'tinggi'] as const;
export const FOLLOW_UP_OUTCOMES = ['stable', 'relapse', 'reoffended', 'lost'] as const;
/** How Ditjenpas counts rehabilitation: medical, social, post-rehabilitation. */
export const REHAB_TYPES = ['medical', 'social', 'post_rehab'] as const;
export type RehabType = (typeof REHAB_TYPES)[number];

/**
 * A count, or null where it is suppressed: a count from 1 to SMALL_COUNT_THRESHOLD - 1, or a larger
 * one hidden with it so that the small one cannot be worked out from a total (complementary
 * suppression; such counts are listed in `complementary`). A zero is always shown.
 */
export const count = z.number().int().min(0).nullable();
/** A share from 0 to 1, or null where it cannot be given (no denominator, or a suppressed part). */
export const rate = z.number().min(0).max(1).nullable();

/**
 * Which data: a period (both days included), and one unit or one region among those the actor sees
 * in aggregate; neither means every unit the actor sees (the nation for national staff, the region
 * for a Kanwil).
 */
export const indicatorsQuery = z.object({
  from: isoDate,
  to: isoDate,
  facilityId: uuid.optional(),
  regionId: uuid.optional(),
});
export type IndicatorsQuery = z.infer<typeof indicatorsQuery>;

export const indicators = z.object({
  funnel: z.array(z.object({ stage: z.enum(FUNNEL_STAGES), count })),
  classes: z.array(z.object({ class: z.enum(CLASSES), count })),
  /**
   * People held on the period's last day (today when the period ends later) against the units'
   * capacity. The rate is held / capacity and is above 1 in an overcrowded unit, so it is not a share.
   */
  occupancy: z.object({ capacity: z.number().int().nullable(), held: count, drugCases: count, rate: z.number().min(0).nullable() }),
  /** Screening result to decree, in working days (the standard is 14). */
  waiting: z.object({
    standardDays: z.number().int(),
    /** Decrees of the period whose screening result (moderate or high, on or before the decree) is known. */
    decided: count,
    withinStandard: count,
    medianDays: z.number().nullable(),
    /** People screened moderate or high with no decree yet, past the standard today. */
    overdueNow: count,
  }),
  attendance: z.object({ expected: count, present: count, rate }),
  urine: z.object({ tested: count, positive: count, rate }),
  /** Enrolments ended in the period, by how they ended, and those still active at its end. */
  completion: z.object({ completed: count, dropped: count, active: count, completionRate: rate }),
  followUps: z.array(z.object({ outcome: z.enum(FOLLOW_UP_OUTCOMES), count })),
  /** Enrolments active during the period, per rehabilitation type as Ditjenpas counts them. */
  rehabTypes: z.array(z.object({ type: z.enum(REHAB_TYPES), count })),
  /**
   * The counts hidden though not small (null above), by path: 'classes.menengah', 'funnel.screened',
   * 'followUps.stable', 'attendance.present'…: shown as withheld, never as "<5".
   */
  complementary: z.array(z.string()).optional(),
});
export type Indicators = z.infer<typeof indicators>;

export const dashboardResponse = z.object({
  level: z.enum(REPORT_LEVELS),
  period: z.object({ from: isoDate, to: isoDate }),
  /** What the figures cover: one unit, a region, or the nation. */
  scope: z.object({ id: uuid.nullable(), name: z.string() }),
  suppressionThreshold: z.number().int().nullable(),
  totals: indicators,
  /** The same indicators for each unit in the scope (one row at unit level), still aggregates. */
  units: z.array(z.object({ id: uuid, name: z.string(), code: z.string(), regionId: uuid.nullable(), indicators })),
  /** The filters the actor may choose from. */
  choices: z.object({
    regions: z.array(z.object({ id: uuid, name: z.string() })),
    units: z.array(z.object({ id: uuid, name: z.string(), regionId: uuid.nullable() })),
  }),
});
export type DashboardResponse = z.infer<typeof dashboardResponse>;

/** The monthly report: one calendar month, for one unit or one region. */
export const monthlyReportQuery = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'month' }),
  facilityId: uuid.optional(),
  regionId: uuid.optional(),
});
export type MonthlyReportQuery = z.infer<typeof monthlyReportQuery>;
