import { sql } from 'kysely';
import type { DbOrTrx } from './database.ts';

/**
 * What a transfer ends in the sending unit: the person's open enrolments in its programmes (dropped,
 * reason 'transfer', on the transfer date) and their open peer roles there. The receiving unit cannot
 * change another unit's enrolments, so leaving them open would strand them. Returns the ended ids.
 */
export async function endProgrammesOnTransfer(
  db: DbOrTrx,
  moves: readonly { wbpId: string; fromFacilityId: string; date: string; by: string | null }[],
): Promise<string[]> {
  const ended: string[] = [];
  for (const m of moves) {
    const rows = await db
      .updateTable('enrolments as e')
      .set({
        status: 'dropped', ended_on: m.date, outcome_reason: 'transfer', outcome_by: m.by, updated_at: sql<Date>`now()`,
      })
      .where('e.wbp_id', '=', m.wbpId)
      .where('e.status', 'in', ['active', 'waitlisted'])
      .where((eb) => eb.exists(eb.selectFrom('programmes as p').select('p.id').whereRef('p.id', '=', 'e.programme_id').where('p.facility_id', '=', m.fromFacilityId)))
      .returning('e.id')
      .execute();
    const ids = rows.map((r) => r.id);
    if (ids.length > 0) {
      await db.updateTable('community_roles').set({ ended_on: sql<string>`greatest(started_on, ${m.date}::date)` })
        .where('enrolment_id', 'in', ids).where('ended_on', 'is', null).execute();
    }
    ended.push(...ids);
  }
  return ended;
}
