import { type RawBuilder, sql } from 'kysely';
import { PARTNER_KINDS } from '../../shared/contracts/common.ts';
import type { DbOrTrx } from './database.ts';

// Which partners work in a unit, read by more than one module (staff hours, the timetable, urine observers).

/** Today on the calendar of Asia/Jakarta, from the database's clock, for callers that hold no clock of their own. */
const jakartaToday: RawBuilder<string> = sql<string>`(now() at time zone 'Asia/Jakarta')::date`;

/**
 * Whether the agreement aliased `ag` is in force on `day` (Asia/Jakarta): from its first day to its
 * last day inclusive, and no longer from the day it is terminated. The SQL form of
 * shared/domain/agreements.ts inForce, the rule that gives partner staff their units.
 */
export function agreementInForce(day: string | RawBuilder<string>): RawBuilder<boolean> {
  const d = typeof day === 'string' ? sql`${day}::date` : day;
  const from = sql.ref('ag.valid_from');
  const until = sql.ref('ag.valid_until');
  const terminated = sql.ref('ag.terminated_on');
  return sql<boolean>`(${from} <= ${d} and (${until} is null or ${until} >= ${d}) and (${terminated} is null or ${terminated} > ${d}))`;
}

/**
 * The partner organisations (PARTNER_KINDS) that share an agreement in force on `today` with the
 * unit, whatever its scopes: their staff work in the unit (ADR 17). A subquery of organisation ids.
 */
export function partnersInForceWith(db: DbOrTrx, facilityId: string, today?: string) {
  return db
    .selectFrom('agreement_parties as partner')
    .innerJoin('agreements as ag', 'ag.id', 'partner.agreement_id')
    .innerJoin('agreement_parties as unit', 'unit.agreement_id', 'ag.id')
    .innerJoin('organizations as o', 'o.id', 'partner.organization_id')
    .select('partner.organization_id')
    .where('unit.organization_id', '=', facilityId)
    .where('o.kind', 'in', [...PARTNER_KINDS])
    .where(agreementInForce(today ?? jakartaToday));
}
