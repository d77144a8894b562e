import { sql } from 'kysely';
import type { DbOrTrx } from './database.ts';

/**
 * What a transfer ends in the sending unit: the person's open enrolments in its programmes (dropped,
 * reason 'transfer', on the transfer date), their open peer roles there and their service as a peer
 * counsellor of the unit. The receiving unit cannot change another unit's enrolments, so leaving them
 * open would strand them. One statement for any
 * number of moves (an SDP import moves many at once); returns the ended enrolments and whose they were.
 */
export async function endProgrammesOnTransfer(
  db: DbOrTrx,
  moves: readonly { wbpId: string; fromFacilityId: string }[],
  end: { date: string; by: string | null },
): Promise<{ id: string; wbpId: string }[]> {
  if (moves.length === 0) return [];
  const rows = await db
    .with('ended', (qb) => qb
      .updateTable('enrolments as e')
      .from('programmes as p')
      .set({ status: 'dropped', ended_on: end.date, outcome_reason: 'transfer', outcome_by: end.by, updated_at: sql<Date>`now()` })
      .whereRef('p.id', '=', 'e.programme_id')
      .where('e.status', 'in', ['active', 'waitlisted'])
      .where((eb) => eb(eb.refTuple('e.wbp_id', 'p.facility_id'), 'in', moves.map((m) => eb.tuple(m.wbpId, m.fromFacilityId))))
      .returning(['e.id', 'e.wbp_id']))
    .with('roles', (qb) => qb
      .updateTable('community_roles')
      .set({ ended_on: sql<string>`greatest(started_on, ${end.date}::date)` })
      .where('enrolment_id', 'in', qb.selectFrom('ended').select('ended.id'))
      .where('ended_on', 'is', null)
      .returning('id'))
    .with('peers', () => endPeerService(db, moves.map((m) => ({ wbpId: m.wbpId, facilityId: m.fromFacilityId })), { ...end, reason: 'transfer' }))
    .selectFrom('ended')
    .select(['ended.id', 'ended.wbp_id'])
    .execute();
  return rows.map((r) => ({ id: r.id, wbpId: r.wbp_id }));
}

/**
 * Ends these people's open service as peer counsellors of these units, on the date (never before it
 * began) and for the reason given: a move or a release ends it, since only the unit holding a person
 * has them counsel its community.
 */
function endPeerService(db: DbOrTrx, where: readonly { wbpId: string; facilityId: string }[], end: { date: string; by: string | null; reason: 'transfer' | 'release' }) {
  return db
    .updateTable('peer_counsellors')
    .set({ ended_on: sql<string>`greatest(started_on, ${end.date}::date)`, end_reason: end.reason, ended_by: end.by })
    .where((eb) => eb(eb.refTuple('wbp_id', 'facility_id'), 'in', where.map((w) => eb.tuple(w.wbpId, w.facilityId))))
    .where('ended_on', 'is', null)
    .returning('id');
}

/**
 * What a release ends in the releasing unit besides its programmes: the person's service as a peer
 * counsellor there, with the reason 'release' (for the release of aftercare to call in its transaction).
 */
export async function endPeerCounsellingOnRelease(db: DbOrTrx, wbpId: string, facilityId: string, end: { date: string; by: string | null }): Promise<string[]> {
  const rows = await endPeerService(db, [{ wbpId, facilityId }], { ...end, reason: 'release' }).execute();
  return rows.map((r) => r.id);
}
