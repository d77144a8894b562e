import { type Builder, personOf } from './world.ts';

/** One request per route of this area for the access walk (see world.ts). */
export const recordRequests: Record<string, Builder> = {
  'GET /api/wbp/:id/timeline': async (w, side) => ({ method: 'GET', url: `/api/wbp/${await personOf(w, side)}/timeline` }),
};

/** Routes of this area whose data is not a person's or a unit's: the facility side does not apply. */
export const recordFacilityNeutral: readonly string[] = [];
