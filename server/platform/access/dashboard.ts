import { type Builder, facility } from './world.ts';

/** One request per route of this area for the access walk (see world.ts). */
export const dashboardRequests: Record<string, Builder> = {
  'GET /api/reports/dashboard': async (w, side) => ({
    method: 'GET', url: `/api/reports/dashboard?from=2026-01-01&to=2026-12-31&facilityId=${facility(w, side).id}`,
  }),
};

/**
 * The dashboard is aggregates of the units a manager sees: the walk's world has one region, so unit B
 * is the national administrator's and the regional manager's own side too (dashboard.db.test.ts shows
 * another region's unit answers 404). For a head of unit, unit B is the other side and answers 404.
 */
export const dashboardRegionwide: readonly string[] = ['GET /api/reports/dashboard'];
