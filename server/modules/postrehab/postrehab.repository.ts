import { sql } from 'kysely';
import { referralConsentInForce } from '../../db/consent.ts';
import type { DbOrTrx } from '../../db/database.ts';

/** A programme of a unit the actor works in. */
export async function programmeOf(db: DbOrTrx, id: string, facilityIds: readonly string[]) {
  if (facilityIds.length === 0) return undefined;
  return db
    .selectFrom('programmes as p')
    .select(['p.id', 'p.facility_id', 'p.kind', 'p.name', 'p.duration_weeks', 'p.capacity', 'p.active'])
    .where('p.id', '=', id)
    .where('p.facility_id', 'in', [...facilityIds])
    .executeTakeFirst();
}

/** An aftercare referral as an enrolment needs it: where it is addressed, its answer, the consent and the release. */
export async function referralForEnrolment(db: DbOrTrx, referralId: string) {
  return db
    .selectFrom('referrals as r')
    .innerJoin('wbp as w', 'w.id', 'r.wbp_id')
    .select(['r.id', 'r.wbp_id', 'r.to_organization_id', 'r.status', 'w.released_on', referralConsentInForce.as('consent_in_force')])
    .where('r.id', '=', referralId)
    .where('r.kind', '=', 'aftercare')
    .executeTakeFirst();
}

export async function activeCount(db: DbOrTrx, programmeId: string): Promise<number> {
  const row = await db.selectFrom('enrolments').select((eb) => eb.fn.countAll<string>().as('n'))
    .where('programme_id', '=', programmeId).where('status', '=', 'active').executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function hasOpenEnrolment(db: DbOrTrx, wbpId: string, programmeId: string): Promise<boolean> {
  const row = await db.selectFrom('enrolments').select('id').where('wbp_id', '=', wbpId).where('programme_id', '=', programmeId)
    .where('status', 'in', ['active', 'waitlisted']).executeTakeFirst();
  return row !== undefined;
}

export async function insertEnrolment(
  db: DbOrTrx, e: { wbpId: string; programmeId: string; referralId: string; startDate: string; endDate: string; at: Date },
): Promise<string> {
  const row = await db
    .insertInto('enrolments')
    .values({
      wbp_id: e.wbpId, programme_id: e.programmeId, referral_id: e.referralId, decision_id: null, status: 'active', start_date: e.startDate,
      expected_end_date: e.endDate, created_at: e.at, updated_at: e.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * The programme's clients whose consent to share with the Bapas is in force, open and ended: a
 * revocation takes the person out of the Bapas's view altogether.
 */
export async function roster(db: DbOrTrx, programmeId: string, id?: string) {
  let q = db
    .selectFrom('enrolments as e')
    .innerJoin('referrals as r', 'r.id', 'e.referral_id')
    .innerJoin('wbp as w', 'w.id', 'e.wbp_id')
    .innerJoin('organizations as f', 'f.id', 'r.facility_id')
    .select([
      'e.id', 'e.programme_id', 'e.referral_id', 'e.wbp_id', 'w.full_name', 'w.sdp_number', 'f.name as from_name', 'w.released_on', 'e.status',
      'e.start_date', 'e.expected_end_date', 'e.ended_on', 'e.outcome_note',
    ])
    .where('e.programme_id', '=', programmeId)
    .where(referralConsentInForce)
    .orderBy(sql`e.status IN ('active','waitlisted')`, 'desc')
    .orderBy('w.full_name');
  if (id) q = q.where('e.id', '=', id);
  return q.execute();
}

/** Accepted referrals to the Bapas with consent in force whose person has no open enrolment in its programmes. */
export async function candidates(db: DbOrTrx, bapasId: string) {
  return db
    .selectFrom('referrals as r')
    .innerJoin('wbp as w', 'w.id', 'r.wbp_id')
    .innerJoin('organizations as f', 'f.id', 'r.facility_id')
    .select(['r.id as referral_id', 'r.wbp_id', 'w.full_name', 'w.sdp_number', 'f.name as from_name', 'w.released_on', 'r.answered_at'])
    .where('r.kind', '=', 'aftercare')
    .where('r.to_organization_id', '=', bapasId)
    .where('r.status', '=', 'accepted')
    .where(referralConsentInForce)
    .where((eb) => eb.not(eb.exists(eb
      .selectFrom('enrolments as e')
      .innerJoin('programmes as p', 'p.id', 'e.programme_id')
      .select('e.id')
      .whereRef('e.wbp_id', '=', 'r.wbp_id')
      .where('p.facility_id', '=', bapasId)
      .where('e.status', 'in', ['active', 'waitlisted']))))
    .orderBy('w.full_name')
    .execute();
}

/**
 * A post-rehabilitation enrolment as its ending needs it: from an aftercare referral, in a
 * post-rehabilitation programme of a unit the actor works in, with consent in force (what the roster shows).
 */
export async function enrolmentOf(db: DbOrTrx, id: string, facilityIds: readonly string[]) {
  if (facilityIds.length === 0) return undefined;
  return db
    .selectFrom('enrolments as e')
    .innerJoin('programmes as p', 'p.id', 'e.programme_id')
    .innerJoin('referrals as r', 'r.id', 'e.referral_id')
    .select(['e.id', 'e.wbp_id', 'e.programme_id', 'e.referral_id', 'e.status', 'e.start_date', 'p.facility_id'])
    .where('e.id', '=', id)
    .where('p.kind', '=', 'post_rehab')
    .where('p.facility_id', 'in', [...facilityIds])
    .where(referralConsentInForce)
    .executeTakeFirst();
}

/**
 * Ends an active enrolment as completed (no certificate: migration 0013) or dropped (reason 'other',
 * the note says why); false when it was no longer active.
 */
export async function endEnrolment(
  db: DbOrTrx, id: string, end: { status: 'completed' | 'dropped'; endedOn: string; note: string | null; by: string; at: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('enrolments')
    .set({
      status: end.status, ended_on: end.endedOn, outcome_reason: end.status === 'dropped' ? 'other' : null, outcome_note: end.note, outcome_by: end.by,
      updated_at: end.at,
    })
    .where('id', '=', id)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
