import { type SqlBool, sql } from 'kysely';
import { referralConsentInForce } from './consent.ts';
import type { DbOrTrx } from './database.ts';

// Post-rehabilitation enrolments (docs/adr/0018), read by more than one module: the timetable
// schedules them, aftercare ends them when the referral closes or the consent is revoked.

/**
 * For a query over `enrolments as e`: the enrolment comes from an aftercare referral addressed to
 * `bapasId`, accepted, with the person's consent to share with the Bapas in force. A Bapas's client
 * is held in no unit of the Bapas, so this stands in for "held in the unit" there.
 */
export function referredInForceTo(bapasId: string) {
  return sql<SqlBool>`EXISTS (
    SELECT 1 FROM referrals r
    WHERE r.id = e.referral_id AND r.kind = 'aftercare' AND r.status = 'accepted' AND r.to_organization_id = ${bapasId} AND ${referralConsentInForce})`;
}

/**
 * Ends the open post-rehabilitation enrolments that came from these referrals: the referral was
 * closed, or the consent behind it revoked. Dropped with the reason 'other' and a note saying why,
 * on `date` (not before the start). Returns the ids ended.
 */
export async function endPostRehabEnrolments(
  db: DbOrTrx,
  from: { referralId: string } | { wbpId: string; organizationId: string },
  end: { date: string; note: string; by: string | null },
): Promise<string[]> {
  const referrals = 'referralId' in from
    ? db.selectFrom('referrals').select('id').where('id', '=', from.referralId)
    : db.selectFrom('referrals').select('id').where('wbp_id', '=', from.wbpId).where('to_organization_id', '=', from.organizationId).where('kind', '=', 'aftercare');
  const rows = await db
    .updateTable('enrolments')
    .set({
      status: 'dropped', ended_on: sql<string>`greatest(coalesce(start_date, ${end.date}::date), ${end.date}::date)`, outcome_reason: 'other',
      outcome_note: end.note, outcome_by: end.by, updated_at: sql<Date>`now()`,
    })
    .where('referral_id', 'in', referrals)
    .where('status', 'in', ['active', 'waitlisted'])
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}
