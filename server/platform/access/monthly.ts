import { type Builder, facility } from './world.ts';

// A month already over whenever the walk runs (it runs on the real clock; a month not begun is a 400).
const MONTH = '2026-10';

/** One request per route of this area for the access walk (see world.ts). */
export const monthlyRequests: Record<string, Builder> = {
  'GET /api/reports/monthly.pdf': async (w, side) => ({ method: 'GET', url: `/api/reports/monthly.pdf?month=${MONTH}&facilityId=${facility(w, side).id}` }),
  'GET /api/reports/monthly.xlsx': async (w, side) => ({ method: 'GET', url: `/api/reports/monthly.xlsx?month=${MONTH}&facilityId=${facility(w, side).id}` }),
};

/**
 * Like the dashboard, the monthly report covers the units a manager sees in aggregate: the walk's world
 * has one region, so unit B is the managers' own side too, and they get its aggregates without names
 * (monthly.db.test.ts shows another region and its units answer 404, and that a manager's report of
 * a unit names nobody). For a head of unit, unit B is the other side and answers 404.
 */
export const monthlyRegionwide: readonly string[] = ['GET /api/reports/monthly.pdf', 'GET /api/reports/monthly.xlsx'];
