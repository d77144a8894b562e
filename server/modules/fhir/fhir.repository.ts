import { type Expression, type SqlBool, sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';
import { inScope, peopleIn } from '../../db/people.ts';

// The records a FHIR export reads. A person is reached through peopleIn (the units holding them);
// their records follow them, as the care record does. Consent to share with SATUSEHAT is read here.

export interface Period {
  from: string;
  to: string;
}

const personColumns = [
  'wbp.id', 'wbp.facility_id', 'wbp.sdp_number', 'wbp.full_name', 'wbp.sex', 'wbp.birth_date', 'wbp.released_on', 'u.code as unit_code', 'u.name as unit_name',
] as const;

/** Whether the person's consent to share health data with SATUSEHAT is in force (recorded, not revoked). */
const consentInForceOf = (wbpId: Expression<string>) => sql<SqlBool>`EXISTS (
  SELECT 1 FROM health_platform_consents hc WHERE hc.wbp_id = ${wbpId} AND hc.revoked_on IS NULL)`;

/** A person held in one of these units, with the unit's code and name and whether consent is in force. */
export async function person(db: DbOrTrx, id: string, facilityIds: readonly string[]) {
  if (facilityIds.length === 0) return undefined;
  return peopleIn(db, facilityIds)
    .innerJoin('organizations as u', 'u.id', 'wbp.facility_id')
    .select(personColumns)
    .select((eb) => consentInForceOf(eb.ref('wbp.id')).as('consent_in_force'))
    .where('wbp.id', '=', id)
    .executeTakeFirst();
}

export type PersonRow = NonNullable<Awaited<ReturnType<typeof person>>>;

/** A unit the actor works in, or undefined. */
export async function unit(db: DbOrTrx, facilityId: string, facilityIds: readonly string[]) {
  return db.selectFrom('organizations').select(['id', 'code', 'name']).where('id', '=', facilityId).where('id', 'in', inScope(facilityIds)).executeTakeFirst();
}

/** An enrolment runs in a period when it began (or was put on the list) by its end and had not ended before its start. */
const enrolmentInPeriod = (p: Period) => sql<SqlBool>`(coalesce(e.start_date, (e.created_at AT TIME ZONE 'Asia/Jakarta')::date) <= ${p.to}::date
  AND (e.ended_on IS NULL OR e.ended_on >= ${p.from}::date))`;
const signedInPeriod = (p: Period) => sql<SqlBool>`(a.signed_at AT TIME ZONE 'Asia/Jakarta')::date BETWEEN ${p.from}::date AND ${p.to}::date`;

/** The people held in a unit with a screening, a signed assessment, a decision or an enrolment in the period, in SDP number order. */
export async function peopleWithRecordsIn(db: DbOrTrx, facilityId: string, p: Period) {
  return peopleIn(db, [facilityId])
    .innerJoin('organizations as u', 'u.id', 'wbp.facility_id')
    .select(personColumns)
    .select((eb) => consentInForceOf(eb.ref('wbp.id')).as('consent_in_force'))
    .where(({ or, exists, selectFrom }) => or([
      exists(selectFrom('screenings as s').select('s.id').whereRef('s.wbp_id', '=', 'wbp.id').where('s.screened_on', '>=', p.from).where('s.screened_on', '<=', p.to)),
      exists(selectFrom('assessments as a').select('a.id').whereRef('a.wbp_id', '=', 'wbp.id').where('a.status', '=', 'signed').where(signedInPeriod(p))),
      exists(selectFrom('placement_decisions as d').select('d.id').whereRef('d.wbp_id', '=', 'wbp.id').where('d.decree_date', '>=', p.from).where('d.decree_date', '<=', p.to)),
      exists(selectFrom('enrolments as e').select('e.id').whereRef('e.wbp_id', '=', 'wbp.id').where(enrolmentInPeriod(p))),
    ]))
    .orderBy('wbp.sdp_number')
    .execute();
}

export async function screeningsOf(db: DbOrTrx, wbpIds: readonly string[], p?: Period) {
  if (wbpIds.length === 0) return [];
  let q = db.selectFrom('screenings as s')
    .select(['s.id', 's.wbp_id', 's.instrument_version', 's.answers', 's.result', 's.screened_on'])
    .where('s.wbp_id', 'in', [...wbpIds]);
  if (p) q = q.where('s.screened_on', '>=', p.from).where('s.screened_on', '<=', p.to);
  return q.orderBy('s.screened_on').orderBy('s.created_at').orderBy('s.id').execute();
}

/** Signed assessments only: a draft is not a record yet. */
export async function assessmentsOf(db: DbOrTrx, wbpIds: readonly string[], p?: Period) {
  if (wbpIds.length === 0) return [];
  let q = db.selectFrom('assessments as a')
    .select(['a.id', 'a.wbp_id', 'a.instrument', 'a.instrument_version', 'a.form', 'a.composites', 'a.final_class', 'a.signed_at'])
    .where('a.wbp_id', 'in', [...wbpIds])
    .where('a.status', '=', 'signed');
  if (p) q = q.where(signedInPeriod(p));
  return q.orderBy('a.signed_at').orderBy('a.id').execute();
}

export async function enrolmentsOf(db: DbOrTrx, wbpIds: readonly string[], p?: Period) {
  if (wbpIds.length === 0) return [];
  let q = db.selectFrom('enrolments as e')
    .innerJoin('programmes as p', 'p.id', 'e.programme_id')
    .innerJoin('organizations as u', 'u.id', 'p.facility_id')
    .select([
      'e.id', 'e.wbp_id', 'e.decision_id', 'e.status', 'e.start_date', 'e.expected_end_date', 'e.ended_on', 'e.outcome_reason',
      'p.name as programme_name', 'p.kind as programme_kind', 'u.code as unit_code', 'u.name as unit_name',
    ])
    .where('e.wbp_id', 'in', [...wbpIds]);
  if (p) q = q.where(enrolmentInPeriod(p));
  return q.orderBy('e.created_at').orderBy('e.id').execute();
}

/** Placement decisions, with the class of the assessment they rest on; in a period, those decreed in it or behind an enrolment running in it. */
export async function decisionsOf(db: DbOrTrx, wbpIds: readonly string[], p?: Period) {
  if (wbpIds.length === 0) return [];
  let q = db.selectFrom('placement_decisions as d')
    .innerJoin('assessments as a', 'a.id', 'd.assessment_id')
    .innerJoin('organizations as u', 'u.id', 'd.facility_id')
    .select(['d.id', 'd.wbp_id', 'd.assessment_id', 'd.decree_number', 'd.decree_date', 'a.final_class', 'u.code as unit_code', 'u.name as unit_name'])
    .where('d.wbp_id', 'in', [...wbpIds]);
  if (p) {
    const period = p;
    q = q.where(({ or, and, eb, exists, selectFrom }) => or([
      and([eb('d.decree_date', '>=', period.from), eb('d.decree_date', '<=', period.to)]),
      exists(selectFrom('enrolments as e').select('e.id').whereRef('e.decision_id', '=', 'd.id').where(enrolmentInPeriod(period))),
    ]));
  }
  return q.orderBy('d.decree_date').orderBy('d.id').execute();
}

// --- Consent -------------------------------------------------------------------------------------

function consentQuery(db: DbOrTrx) {
  return db.selectFrom('health_platform_consents as c')
    .innerJoin('users as r', 'r.id', 'c.recorded_by')
    .select(['c.id', 'c.wbp_id', 'c.given_on', 'c.method', 'c.witness_name', 'r.full_name as recorded_by_name', 'c.revoked_on', 'c.revocation_reason']);
}

export type ConsentRow = Awaited<ReturnType<ReturnType<typeof consentQuery>['execute']>>[number];

export async function consentsOf(db: DbOrTrx, wbpId: string) {
  return consentQuery(db).where('c.wbp_id', '=', wbpId).orderBy('c.given_on', 'desc').orderBy('c.created_at', 'desc').execute();
}

export async function consentOf(db: DbOrTrx, id: string): Promise<ConsentRow> {
  return consentQuery(db).where('c.id', '=', id).executeTakeFirstOrThrow();
}

/** A consent of a person held in one of these units, locked for the change, or undefined. */
export async function consentForUpdate(db: DbOrTrx, id: string, facilityIds: readonly string[]) {
  return db.selectFrom('health_platform_consents as c')
    .innerJoin('wbp', 'wbp.id', 'c.wbp_id')
    .select(['c.id', 'c.wbp_id', 'c.given_on', 'c.revoked_on', 'wbp.facility_id'])
    .where('c.id', '=', id)
    .where('wbp.facility_id', 'in', inScope(facilityIds))
    .forUpdate('c')
    .executeTakeFirst();
}

export async function insertConsent(
  db: DbOrTrx, c: { wbpId: string; givenOn: string; method: 'signed_form' | 'verbal_witnessed'; witnessName: string | null; by: string; at: Date },
): Promise<string> {
  return (await db.insertInto('health_platform_consents')
    .values({ wbp_id: c.wbpId, given_on: c.givenOn, method: c.method, witness_name: c.witnessName, recorded_by: c.by, created_at: c.at })
    .returning('id')
    .executeTakeFirstOrThrow()).id;
}

export async function revokeConsent(db: DbOrTrx, id: string, r: { revokedOn: string; reason: string; by: string }): Promise<void> {
  await db.updateTable('health_platform_consents')
    .set({ revoked_on: r.revokedOn, revocation_reason: r.reason, revoked_by: r.by })
    .where('id', '=', id)
    .execute();
}
