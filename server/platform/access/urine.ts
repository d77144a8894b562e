import type { Builder } from './world.ts';

/** One request per route of this area for the access walk (see world.ts). */
export const urineRequests: Record<string, Builder> = {
};

/** Routes of this area whose data is not a person's or a unit's: the facility side does not apply. */
export const urineFacilityNeutral: readonly string[] = [];
