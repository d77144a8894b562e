import { type Builder, facility } from './world.ts';

const PERIOD = 'from=2026-01-01&to=2026-12-31';

/** One request per route of this area for the access walk (see world.ts). */
export const exportsRequests: Record<string, Builder> = {
  'GET /api/exports/research/people.csv': async () => ({ method: 'GET', url: `/api/exports/research/people.csv?${PERIOD}` }),
  'GET /api/exports/research/events.csv': async () => ({ method: 'GET', url: `/api/exports/research/events.csv?${PERIOD}` }),
  'GET /api/facilities/:facilityId/exports/sirena/clients.csv': async (w, side) => ({
    method: 'GET', url: `/api/facilities/${facility(w, side).id}/exports/sirena/clients.csv?${PERIOD}`,
  }),
  'GET /api/facilities/:facilityId/exports/sirena/services.csv': async (w, side) => ({
    method: 'GET', url: `/api/facilities/${facility(w, side).id}/exports/sirena/services.csv?${PERIOD}`,
  }),
};

/**
 * The research files cover the units a manager sees in aggregate (the walk's world has one region, so
 * there is no "other" side); exports.db.test.ts shows another region's units are left out. They carry
 * no name, so the walk's check that unit B's marker never appears still applies to them.
 */
export const exportsFacilityNeutral: readonly string[] = ['GET /api/exports/research/people.csv', 'GET /api/exports/research/events.csv'];
