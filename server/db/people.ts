import { sql } from 'kysely';
import type { DbOrTrx } from './database.ts';
import { containing, startingWith } from './like.ts';

// The people an actor may see, read by every module that works on a person: the one place where a
// person's scope (the units holding them) is written.

/** Matches no unit: `in ()` is not SQL, and an actor without units sees nobody. */
const NO_FACILITY = '00000000-0000-0000-0000-000000000000';

/** The units of a scope as the right side of `in`: a list that matches none when the actor has none. */
export function inScope(facilityIds: readonly string[]): string[] {
  return facilityIds.length > 0 ? [...facilityIds] : [NO_FACILITY];
}

/** People held in these units; every query on a person starts here. */
export function peopleIn(db: DbOrTrx, facilityIds: readonly string[]) {
  return db.selectFrom('wbp').where('wbp.facility_id', 'in', inScope(facilityIds));
}

/**
 * People held now in these units: released people (`released_on` set) keep their records and stay
 * reachable through peopleIn, but lists of who is held, head counts and worklists start here.
 */
export function heldIn(db: DbOrTrx, facilityIds: readonly string[]) {
  return peopleIn(db, facilityIds).where('wbp.released_on', 'is', null);
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
    .where('p.facility_id', 'in', inScope(facilityIds));
}

const personColumns = ['wbp.id', 'wbp.facility_id', 'wbp.case_articles'] as const;

/** A person held in one of these units, or undefined: outside scope is the same as not there. */
export async function findPerson(db: DbOrTrx, id: string, facilityIds: readonly string[]) {
  if (facilityIds.length === 0) return undefined;
  return peopleIn(db, facilityIds).select(personColumns).where('wbp.id', '=', id).executeTakeFirst();
}

/** Those of these people held in one of these units, in one query (findPerson for a list). */
export async function findPeople(db: DbOrTrx, ids: readonly string[], facilityIds: readonly string[]) {
  if (ids.length === 0 || facilityIds.length === 0) return [];
  return peopleIn(db, facilityIds).select(personColumns).where('wbp.id', 'in', [...ids]).execute();
}

/** The register's search: a part of the name, or the start of the SDP number. */
export function nameOrNumberLike(q: string) {
  return sql<boolean>`(lower(wbp.full_name) like ${containing(q.toLowerCase())} or wbp.sdp_number like ${startingWith(q.toUpperCase())})`;
}
