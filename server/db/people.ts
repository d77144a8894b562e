import { sql } from 'kysely';
import type { DbOrTrx } from './database.ts';

// The people an actor may see, read by every module that works on a person: the one place where a
// person's scope (the units holding them) is written.

/** Matches no unit: `in ()` is not SQL, and an actor without units sees nobody. */
const NO_FACILITY = '00000000-0000-0000-0000-000000000000';

/** People held in these units; every query on a person starts here. */
export function peopleIn(db: DbOrTrx, facilityIds: readonly string[]) {
  return db.selectFrom('wbp').where('wbp.facility_id', 'in', facilityIds.length > 0 ? [...facilityIds] : [NO_FACILITY]);
}

/**
 * Enrolments an actor may change: of a person held in one of these units, in a programme one of
 * them runs. After a transfer the receiving unit still reads the person's enrolment in the sending
 * unit's programme, but only the unit that runs a programme changes, ends or certifies its enrolments.
 */
export function enrolmentsToChange(db: DbOrTrx, facilityIds: readonly string[]) {
  return peopleIn(db, facilityIds)
    .innerJoin('enrolments as e', 'e.wbp_id', 'wbp.id')
    .innerJoin('programmes as p', 'p.id', 'e.programme_id')
    .where('p.facility_id', 'in', facilityIds.length > 0 ? [...facilityIds] : [NO_FACILITY]);
}

/** A person held in one of these units, or undefined: outside scope is the same as not there. */
export async function findPerson(db: DbOrTrx, id: string, facilityIds: readonly string[]) {
  if (facilityIds.length === 0) return undefined;
  return peopleIn(db, facilityIds).select(['wbp.id', 'wbp.facility_id', 'wbp.case_articles']).where('wbp.id', '=', id).executeTakeFirst();
}

/** The register's search: a part of the name, or the start of the SDP number. */
export function nameOrNumberLike(q: string) {
  const text = q.replace(/[\\%_]/g, (c) => `\\${c}`);
  return sql<boolean>`(lower(wbp.full_name) like ${`%${text.toLowerCase()}%`} or wbp.sdp_number like ${`${text.toUpperCase()}%`})`;
}
