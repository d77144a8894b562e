import { type RawBuilder, sql } from 'kysely';
import { PARTNER_KINDS } from '../../shared/contracts/common.ts';
import type { DbOrTrx } from './database.ts';

// Which partners work in a unit, read by more than one module (staff hours, the timetable, urine observers).

/** Today on the calendar of Asia/Jakarta, from the database's clock, for callers that hold no clock of their own. */
const jakartaToday: RawBuilder<string> = sql<string>`(now() at time zone 'Asia/Jakarta')::date`;

/**
 * The partner organisations (PARTNER_KINDS) that share an agreement in force on `today` with the
 * unit, whatever its scopes: their staff work in the unit (ADR 17). A subquery of organisation ids.
 */
export function partnersInForceWith(db: DbOrTrx, facilityId: string, today?: string) {
  const day = today ?? jakartaToday;
  return db
    .selectFrom('agreement_parties as partner')
    .innerJoin('agreements as ag', 'ag.id', 'partner.agreement_id')
    .innerJoin('agreement_parties as unit', 'unit.agreement_id', 'ag.id')
    .innerJoin('organizations as o', 'o.id', 'partner.organization_id')
    .select('partner.organization_id')
    .where('unit.organization_id', '=', facilityId)
    .where('o.kind', 'in', [...PARTNER_KINDS])
    .where('ag.valid_from', '<=', day)
    .where((eb) => eb.or([eb('ag.valid_until', 'is', null), eb('ag.valid_until', '>=', day)]))
    .where((eb) => eb.or([eb('ag.terminated_on', 'is', null), eb('ag.terminated_on', '>', day)]));
}
