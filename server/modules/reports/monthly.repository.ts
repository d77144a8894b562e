import { sql } from 'kysely';
import type { OrgKind } from '../../../shared/contracts/common.ts';
import type { ProgrammeKind } from '../../../shared/contracts/programmes.ts';
import { addDays } from '../../../shared/domain/dates.ts';
import type { DbOrTrx } from '../../db/database.ts';
import { inScope } from '../../db/people.ts';

// The monthly report's own reads. The dashboard's indicators come from indicators.service.ts (the
// same queries as the dashboards); what is here is only what those do not give: the names heading the
// report and the PP 25/2011 Pasal 18 recap of the people handled in the month.

export interface Period {
  from: string;
  to: string;
}

/** A signed assessment's day is its signing day in Jakarta. */
const signedOn = sql<string>`to_char(a.signed_at AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM-DD')`;

/** A unit with its Kanwil (or a Kanwil with Ditjenpas), for the report's heading. */
export async function unitHeading(db: DbOrTrx, unitId: string) {
  return db
    .selectFrom('organizations as o')
    .leftJoin('organizations as parent', 'parent.id', 'o.parent_id')
    .select(['o.id', 'o.code', 'o.name', 'o.kind', 'o.city', 'o.parent_id', 'parent.name as parent_name'])
    .where('o.id', '=', unitId)
    .executeTakeFirst();
}

/** The custodial units directly under a region: what a region's report covers. */
export async function custodialUnitsOf(db: DbOrTrx, regionId: string, kinds: readonly OrgKind[]) {
  return db.selectFrom('organizations').select(['id']).where('parent_id', '=', regionId).where('kind', 'in', [...kinds]).execute();
}

/** The start of a Jakarta day as an instant: signing times are compared with it, so their index could serve. */
const startOfDay = (date: string) => new Date(`${date}T00:00:00+07:00`);

/**
 * Who a unit handled in the month, attributed to units as the dashboard's queries attribute them
 * (indicators.repository.ts): people with an initial assessment signed in the unit in the month,
 * people in one of the unit's own programmes of these kinds at some time in the month, and people in
 * a Bapas's post-rehabilitation programme in the month, for the unit that referred them. A person
 * handled by two units (a transfer) is a row of each.
 */
export async function handledInMonth(db: DbOrTrx, unitIds: readonly string[], period: Period, rehabKinds: readonly ProgrammeKind[]) {
  const units = inScope(unitIds);
  const ran = () => db.selectFrom('enrolments as e').innerJoin('programmes as p', 'p.id', 'e.programme_id')
    .where('p.kind', 'in', [...rehabKinds])
    .where('e.start_date', 'is not', null).where('e.start_date', '<=', period.to)
    .where((eb) => eb.or([eb('e.ended_on', 'is', null), eb('e.ended_on', '>=', period.from)]));
  const [assessed, inCustody, afterRelease] = await Promise.all([
    db.selectFrom('assessments as a')
      .select(['a.wbp_id', 'a.facility_id'])
      .where('a.facility_id', 'in', units).where('a.status', '=', 'signed').where('a.purpose', '=', 'initial')
      .where('a.signed_at', '>=', startOfDay(period.from)).where('a.signed_at', '<', startOfDay(addDays(period.to, 1)))
      .execute(),
    rehabKinds.length === 0 ? Promise.resolve([]) : ran()
      .select(['e.wbp_id', 'p.facility_id', 'p.kind'])
      .where('e.referral_id', 'is', null).where('p.facility_id', 'in', units)
      .execute(),
    rehabKinds.length === 0 ? Promise.resolve([]) : ran()
      .innerJoin('referrals as r', 'r.id', 'e.referral_id')
      .select(['e.wbp_id', 'r.facility_id', 'p.kind'])
      .where('r.facility_id', 'in', units)
      .execute(),
  ]);
  return { assessed, enrolled: [...inCustody, ...afterRelease] };
}

/** The people's identity, from the register. Only people the unit handled (handledInMonth) are asked for. */
export async function identities(db: DbOrTrx, wbpIds: readonly string[]) {
  if (wbpIds.length === 0) return [];
  return db.selectFrom('wbp').select(['id', 'full_name', 'sdp_number', 'sex', 'birth_date']).where('id', 'in', [...wbpIds]).execute();
}

/**
 * Each person's latest initial assessment signed in these units by the month's last day: its form
 * holds the substance, the use, the diagnosis and the treatment history.
 */
export async function latestAssessments(db: DbOrTrx, wbpIds: readonly string[], unitIds: readonly string[], lastDay: string) {
  if (wbpIds.length === 0) return [];
  return db
    .selectFrom('assessments as a')
    .distinctOn('a.wbp_id')
    .select(['a.wbp_id', 'a.form', 'a.final_class', signedOn.as('signed_on')])
    .where('a.wbp_id', 'in', [...wbpIds])
    .where('a.facility_id', 'in', inScope(unitIds))
    .where('a.status', '=', 'signed').where('a.purpose', '=', 'initial')
    .where(signedOn, '<=', lastDay)
    .orderBy('a.wbp_id').orderBy('a.signed_at', 'desc').orderBy('a.id', 'desc')
    .execute();
}
