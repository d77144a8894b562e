import { sql } from 'kysely';
import { referralConsentInForce } from '../../db/consent.ts';
import type { DbOrTrx } from '../../db/database.ts';
import { inScope, peopleIn } from '../../db/people.ts';
import type { AftercareOutcome, ConsentMethod, FollowUpUrine, ReleaseKind } from '../../../shared/domain/aftercare.ts';

export { headOfUnit, unitLetterhead } from '../../db/units.ts';

// --- People and organisations ---------------------------------------------------------------------

/** A person held (or released) by one of these units, with what the aftercare pages show of them. */
export async function findPerson(db: DbOrTrx, id: string, facilityIds: readonly string[]) {
  if (facilityIds.length === 0) return undefined;
  return peopleIn(db, facilityIds)
    .select(['wbp.id', 'wbp.facility_id', 'wbp.full_name', 'wbp.sdp_number', 'wbp.admission_date', 'wbp.expected_release_date', 'wbp.released_on'])
    .where('wbp.id', '=', id)
    .executeTakeFirst();
}

export async function organization(db: DbOrTrx, id: string) {
  return db.selectFrom('organizations').select(['id', 'name', 'kind']).where('id', '=', id).executeTakeFirst();
}

export async function followUpMonthsSetting(db: DbOrTrx): Promise<unknown> {
  return (await db.selectFrom('settings').select('value').where('key', '=', 'aftercareFollowUpMonths').executeTakeFirst())?.value;
}

export async function writeFollowUpMonths(db: DbOrTrx, months: readonly number[], by: string, at: Date): Promise<void> {
  await db.insertInto('settings').values({ key: 'aftercareFollowUpMonths', value: JSON.stringify(months), updated_by: by, updated_at: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(months), updated_by: by, updated_at: at }))
    .execute();
}

// --- Release plans ---------------------------------------------------------------------------------

function plans(db: DbOrTrx) {
  return db.selectFrom('release_plans as rp').leftJoin('users as u', 'u.id', 'rp.created_by').select([
    'rp.id', 'rp.wbp_id', 'rp.facility_id', 'rp.kind', 'rp.decision_number', 'rp.decision_date', 'rp.expected_on', 'rp.status', 'rp.released_on',
    'rp.note', 'u.full_name as created_by_name',
  ]);
}
export type PlanRow = Awaited<ReturnType<ReturnType<typeof plans>['execute']>>[number];

export async function plansOf(db: DbOrTrx, wbpId: string): Promise<PlanRow[]> {
  return plans(db).where('rp.wbp_id', '=', wbpId).orderBy('rp.expected_on', 'desc').orderBy('rp.created_at', 'desc').execute();
}

export async function planOf(db: DbOrTrx, id: string): Promise<PlanRow> {
  return plans(db).where('rp.id', '=', id).executeTakeFirstOrThrow();
}

/** A plan of a person held by one of these units, locked until the transaction ends. */
export async function planForUpdate(db: DbOrTrx, id: string, facilityIds: readonly string[]) {
  return db.selectFrom('release_plans as rp').innerJoin('wbp', 'wbp.id', 'rp.wbp_id')
    .select(['rp.id', 'rp.wbp_id', 'rp.status', 'rp.expected_on', 'rp.kind', 'wbp.facility_id', 'wbp.admission_date'])
    .where('rp.id', '=', id).where('wbp.facility_id', 'in', inScope(facilityIds))
    .forUpdate('rp').executeTakeFirst();
}

export async function hasPlanUnderWay(db: DbOrTrx, wbpId: string): Promise<boolean> {
  return (await db.selectFrom('release_plans').select('id').where('wbp_id', '=', wbpId).where('status', '=', 'planned').executeTakeFirst()) !== undefined;
}

export async function insertPlan(db: DbOrTrx, p: {
  wbpId: string; facilityId: string; kind: ReleaseKind; decisionNumber: string | null; decisionDate: string | null; expectedOn: string; note: string | null;
  by: string; at: Date;
}): Promise<string> {
  return (await db.insertInto('release_plans').values({
    wbp_id: p.wbpId, facility_id: p.facilityId, kind: p.kind, decision_number: p.decisionNumber, decision_date: p.decisionDate, expected_on: p.expectedOn,
    note: p.note, created_by: p.by, created_at: p.at, updated_at: p.at,
  }).returning('id').executeTakeFirstOrThrow()).id;
}

/** Calls off a plan under way; false when it was no longer under way. */
export async function markCancelled(db: DbOrTrx, planId: string, at: Date): Promise<boolean> {
  const result = await db.updateTable('release_plans').set({ status: 'cancelled', updated_at: at })
    .where('id', '=', planId).where('status', '=', 'planned').executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function markReleased(db: DbOrTrx, planId: string, wbpId: string, releasedOn: string, at: Date): Promise<void> {
  await db.updateTable('release_plans').set({ status: 'released', released_on: releasedOn, updated_at: at }).where('id', '=', planId).execute();
  await db.updateTable('wbp').set({ released_on: releasedOn, updated_at: at, version: sql<number>`version + 1` }).where('id', '=', wbpId).execute();
}

/**
 * What a release ends in the releasing unit: the person's open enrolments in its programmes
 * (dropped, reason 'release', on the release date) and their open peer roles there.
 */
export async function endProgrammesOnRelease(db: DbOrTrx, wbpId: string, facilityId: string, end: { date: string; by: string }): Promise<string[]> {
  const rows = await db
    .with('ended', (qb) => qb
      .updateTable('enrolments as e')
      .from('programmes as p')
      .set({ status: 'dropped', ended_on: sql<string>`greatest(coalesce(e.start_date, ${end.date}::date), ${end.date}::date)`, outcome_reason: 'release', outcome_by: end.by, updated_at: sql<Date>`now()` })
      .whereRef('p.id', '=', 'e.programme_id')
      .where('e.status', 'in', ['active', 'waitlisted'])
      .where('e.wbp_id', '=', wbpId)
      .where('p.facility_id', '=', facilityId)
      .returning(['e.id']))
    .with('roles', (qb) => qb
      .updateTable('community_roles')
      .set({ ended_on: sql<string>`greatest(started_on, ${end.date}::date)` })
      .where('enrolment_id', 'in', qb.selectFrom('ended').select('ended.id'))
      .where('ended_on', 'is', null)
      .returning('id'))
    .selectFrom('ended')
    .select('ended.id')
    .execute();
  return rows.map((r) => r.id);
}

// --- Consent ---------------------------------------------------------------------------------------

function consents(db: DbOrTrx) {
  return db.selectFrom('aftercare_consents as c')
    .innerJoin('organizations as o', 'o.id', 'c.organization_id')
    .leftJoin('users as u', 'u.id', 'c.recorded_by')
    .select([
      'c.id', 'c.wbp_id', 'c.organization_id', 'o.name as organization_name', 'c.given_on', 'c.method', 'c.witness_name', 'c.revoked_on',
      'c.revocation_reason', 'u.full_name as recorded_by_name',
    ]);
}
export type ConsentRow = Awaited<ReturnType<ReturnType<typeof consents>['execute']>>[number];

export async function consentsOf(db: DbOrTrx, wbpId: string): Promise<ConsentRow[]> {
  return consents(db).where('c.wbp_id', '=', wbpId).orderBy('c.given_on', 'desc').orderBy('c.created_at', 'desc').execute();
}

export async function consentOf(db: DbOrTrx, id: string): Promise<ConsentRow> {
  return consents(db).where('c.id', '=', id).executeTakeFirstOrThrow();
}

export async function consentForUpdate(db: DbOrTrx, id: string, facilityIds: readonly string[]) {
  return db.selectFrom('aftercare_consents as c').innerJoin('wbp', 'wbp.id', 'c.wbp_id')
    .select(['c.id', 'c.wbp_id', 'c.organization_id', 'c.given_on', 'c.revoked_on', 'wbp.facility_id'])
    .where('c.id', '=', id).where('wbp.facility_id', 'in', inScope(facilityIds))
    .forUpdate('c').executeTakeFirst();
}

export async function consentInForce(db: DbOrTrx, wbpId: string, organizationId: string) {
  return db.selectFrom('aftercare_consents').select(['id', 'given_on']).where('wbp_id', '=', wbpId).where('organization_id', '=', organizationId)
    .where('revoked_on', 'is', null).executeTakeFirst();
}

/** The consent a hand-over states: the one in force, else the latest (the sending unit's copy after a revocation). */
export async function consentForHandover(db: DbOrTrx, wbpId: string, organizationId: string) {
  return db.selectFrom('aftercare_consents').select(['given_on', 'method', 'witness_name', 'revoked_on'])
    .where('wbp_id', '=', wbpId).where('organization_id', '=', organizationId)
    .orderBy(sql`revoked_on IS NULL`, 'desc').orderBy('given_on', 'desc').orderBy('created_at', 'desc').executeTakeFirst();
}

export async function insertConsent(db: DbOrTrx, c: {
  wbpId: string; organizationId: string; givenOn: string; method: ConsentMethod; witnessName: string | null; by: string; at: Date;
}): Promise<string> {
  return (await db.insertInto('aftercare_consents').values({
    wbp_id: c.wbpId, organization_id: c.organizationId, given_on: c.givenOn, method: c.method, witness_name: c.witnessName, recorded_by: c.by, created_at: c.at,
  }).returning('id').executeTakeFirstOrThrow()).id;
}

export async function revokeConsent(db: DbOrTrx, id: string, r: { revokedOn: string; reason: string; by: string }): Promise<void> {
  await db.updateTable('aftercare_consents').set({ revoked_on: r.revokedOn, revocation_reason: r.reason, revoked_by: r.by }).where('id', '=', id).execute();
}

// --- Referrals --------------------------------------------------------------------------------------

function referrals(db: DbOrTrx) {
  return db.selectFrom('referrals as r')
    .innerJoin('wbp', 'wbp.id', 'r.wbp_id')
    .innerJoin('organizations as f', 'f.id', 'r.facility_id')
    .innerJoin('organizations as t', 't.id', 'r.to_organization_id')
    .innerJoin('release_plans as rp', 'rp.id', 'r.release_plan_id')
    .leftJoin('users as cu', 'cu.id', 'r.created_by')
    .leftJoin('users as au', 'au.id', 'r.answered_by')
    .where('r.kind', '=', 'aftercare')
    .select([
      'r.id', 'r.wbp_id', 'wbp.full_name', 'wbp.sdp_number', 'r.facility_id', 'f.name as facility_name', 'r.to_organization_id', 't.name as to_name',
      't.kind as to_kind', 'r.release_kind', 'rp.expected_on', 'rp.released_on', 'r.reason', 'r.care_plan', 'r.referred_on', 'r.status', 'r.answered_at',
      'au.full_name as answered_by_name', 'r.declined_reason', 'r.outcome', 'r.outcome_note', 'r.closed_on', 'cu.full_name as created_by_name',
      'r.follow_up_months', 'r.release_plan_id', 'rp.decision_number', referralConsentInForce.as('consent_in_force'),
    ]);
}
export type ReferralRow = Awaited<ReturnType<ReturnType<typeof referrals>['execute']>>[number];

export async function referralsOfPerson(db: DbOrTrx, wbpId: string): Promise<ReferralRow[]> {
  return referrals(db).where('r.wbp_id', '=', wbpId).orderBy('r.referred_on', 'desc').orderBy('r.created_at', 'desc').execute();
}

/** The referrals a unit has sent. */
export async function referralsSentBy(db: DbOrTrx, facilityId: string): Promise<ReferralRow[]> {
  return referrals(db).where('r.facility_id', '=', facilityId).orderBy('r.referred_on', 'desc').orderBy('r.created_at', 'desc').execute();
}

/** The referrals addressed to an organisation whose person's consent to it is in force. */
export async function referralsReceivedBy(db: DbOrTrx, organizationId: string): Promise<ReferralRow[]> {
  return referrals(db).where('r.to_organization_id', '=', organizationId).where(referralConsentInForce).orderBy('r.referred_on', 'desc').orderBy('r.created_at', 'desc').execute();
}

export async function referralOf(db: DbOrTrx, id: string): Promise<ReferralRow | undefined> {
  return referrals(db).where('r.id', '=', id).executeTakeFirst();
}

/** A referral as its sending unit sees it (sent by one of these units). */
export async function referralSentBy(db: DbOrTrx, id: string, facilityIds: readonly string[]): Promise<ReferralRow | undefined> {
  return referrals(db).where('r.id', '=', id).where('r.facility_id', 'in', inScope(facilityIds)).executeTakeFirst();
}

/** A referral as its receiving organisation sees it: addressed to it, with the person's consent to it in force; locked when asked. */
export async function referralReceivedBy(db: DbOrTrx, id: string, organizationId: string, options: { lock?: boolean } = {}): Promise<ReferralRow | undefined> {
  if (options.lock) await db.selectFrom('referrals').select('id').where('id', '=', id).forUpdate().execute();
  return referrals(db).where('r.id', '=', id).where('r.to_organization_id', '=', organizationId).where(referralConsentInForce).executeTakeFirst();
}

export async function hasOpenReferral(db: DbOrTrx, releasePlanId: string, organizationId: string): Promise<boolean> {
  return (await db.selectFrom('referrals').select('id').where('release_plan_id', '=', releasePlanId).where('to_organization_id', '=', organizationId)
    .where('status', 'in', ['sent', 'accepted']).executeTakeFirst()) !== undefined;
}

export async function insertReferral(db: DbOrTrx, r: {
  wbpId: string; facilityId: string; toOrganizationId: string; toName: string; reason: string; carePlan: string; referredOn: string; releasePlanId: string;
  releaseKind: ReleaseKind; followUpMonths: number[]; by: string; at: Date;
}): Promise<string> {
  return (await db.insertInto('referrals').values({
    wbp_id: r.wbpId, facility_id: r.facilityId, kind: 'aftercare', to_organization_id: r.toOrganizationId, to_name: r.toName, reason: r.reason,
    care_plan: r.carePlan, referred_on: r.referredOn, release_plan_id: r.releasePlanId, release_kind: r.releaseKind, status: 'sent',
    follow_up_months: r.followUpMonths, created_by: r.by, created_at: r.at,
  }).returning('id').executeTakeFirstOrThrow()).id;
}

export async function answerReferral(db: DbOrTrx, id: string, a: { status: 'accepted' | 'declined'; reason: string | null; by: string; at: Date }): Promise<void> {
  await db.updateTable('referrals').set({ status: a.status, declined_reason: a.reason, answered_by: a.by, answered_at: a.at }).where('id', '=', id).execute();
}

export async function closeReferral(db: DbOrTrx, id: string, c: { outcome: AftercareOutcome; note: string | null; closedOn: string; by: string }): Promise<void> {
  await db.updateTable('referrals').set({ status: 'closed', outcome: c.outcome, outcome_note: c.note, closed_on: c.closedOn, closed_by: c.by }).where('id', '=', id).execute();
}

// --- Follow-ups ----------------------------------------------------------------------------------------

export async function followUpsOf(db: DbOrTrx, referralIds: readonly string[]) {
  if (referralIds.length === 0) return [];
  return db.selectFrom('aftercare_follow_ups as fu').leftJoin('users as u', 'u.id', 'fu.recorded_by')
    .select(['fu.referral_id', 'fu.month', 'fu.done_on', 'fu.contact_made', 'fu.urine', 'fu.note', 'u.full_name as recorded_by_name'])
    .where('fu.referral_id', 'in', [...referralIds]).orderBy('fu.month').execute();
}
export type FollowUpRow = Awaited<ReturnType<typeof followUpsOf>>[number];

export async function insertFollowUp(db: DbOrTrx, f: {
  referralId: string; month: number; doneOn: string; contactMade: boolean; urine: FollowUpUrine; note: string | null; by: string; at: Date;
}): Promise<boolean> {
  const row = await db.insertInto('aftercare_follow_ups').values({
    referral_id: f.referralId, month: f.month, done_on: f.doneOn, contact_made: f.contactMade, urine: f.urine, note: f.note, recorded_by: f.by, created_at: f.at,
  }).onConflict((oc) => oc.columns(['referral_id', 'month']).doNothing()).returning('id').executeTakeFirst();
  return row !== undefined;
}

// --- The look-ahead ---------------------------------------------------------------------------------------

export interface LookAheadDbRow {
  wbp_id: string;
  full_name: string;
  sdp_number: string;
  block: string | null;
  expected_on: string;
  source: 'plan' | 'register';
  plan_id: string | null;
  kind: ReleaseKind | null;
  decision_number: string | null;
  decision_date: string | null;
  class_name: string | null;
  programme_name: string | null;
  enrolment_status: string | null;
  phase: string | null;
  last_outcome: string | null;
  consent_count: number | string;
  has_referral: boolean;
}

/**
 * People still held in the unit whose expected release (the plan under way, else the register's date)
 * falls between `from` and `until`, with their rehabilitation status in one query.
 */
export async function lookAhead(db: DbOrTrx, facilityId: string, from: string, until: string): Promise<LookAheadDbRow[]> {
  const result = await sql<LookAheadDbRow>`
    WITH candidates AS (
      SELECT w.id, w.full_name, w.sdp_number, w.block, rp.id AS plan_id, rp.kind, rp.decision_number, rp.decision_date,
             coalesce(rp.expected_on, w.expected_release_date) AS expected_on,
             CASE WHEN rp.id IS NULL THEN 'register' ELSE 'plan' END AS source
      FROM wbp w
      LEFT JOIN release_plans rp ON rp.wbp_id = w.id AND rp.status = 'planned'
      WHERE w.facility_id = ${facilityId} AND w.released_on IS NULL
    )
    SELECT c.id AS wbp_id, c.full_name, c.sdp_number, c.block, to_char(c.expected_on, 'YYYY-MM-DD') AS expected_on, c.source, c.plan_id, c.kind,
           c.decision_number, to_char(c.decision_date, 'YYYY-MM-DD') AS decision_date,
           (SELECT a.final_class FROM assessments a WHERE a.wbp_id = c.id AND a.status = 'signed' ORDER BY a.signed_at DESC NULLS LAST LIMIT 1) AS class_name,
           e.programme_name, e.status AS enrolment_status,
           (SELECT pc.to_phase FROM phase_changes pc WHERE pc.enrolment_id = e.id ORDER BY pc.changed_on DESC, pc.created_at DESC LIMIT 1) AS phase,
           (SELECT coalesce(x.outcome_reason, x.status) FROM enrolments x WHERE x.wbp_id = c.id AND x.status IN ('completed','dropped')
             ORDER BY x.ended_on DESC NULLS LAST LIMIT 1) AS last_outcome,
           (SELECT count(*) FROM aftercare_consents ac WHERE ac.wbp_id = c.id AND ac.revoked_on IS NULL) AS consent_count,
           EXISTS (SELECT 1 FROM referrals r WHERE r.wbp_id = c.id AND r.kind = 'aftercare' AND r.status IN ('sent','accepted')) AS has_referral
    FROM candidates c
    LEFT JOIN LATERAL (
      SELECT en.id, en.status, p.name AS programme_name FROM enrolments en JOIN programmes p ON p.id = en.programme_id
      WHERE en.wbp_id = c.id AND en.status IN ('active','waitlisted') ORDER BY en.status, en.start_date DESC NULLS LAST LIMIT 1
    ) e ON true
    WHERE c.expected_on BETWEEN ${from}::date AND ${until}::date
    ORDER BY c.expected_on, c.full_name, c.id`.execute(db);
  return result.rows;
}

// --- The hand-over summary -----------------------------------------------------------------------------

export async function handoverFacts(db: DbOrTrx, wbpId: string) {
  const [person, screening, assessment, enrolments, urine, ptrm] = await Promise.all([
    db.selectFrom('wbp').select(['full_name', 'sdp_number', 'birth_place', 'birth_date', 'sex', 'case_articles', 'admission_date']).where('id', '=', wbpId)
      .executeTakeFirstOrThrow(),
    db.selectFrom('screenings').select(['overall_risk', 'screened_on']).where('wbp_id', '=', wbpId).orderBy('screened_on', 'desc').executeTakeFirst(),
    db.selectFrom('assessments').select(['final_class', 'signed_at']).where('wbp_id', '=', wbpId).where('status', '=', 'signed')
      .orderBy('signed_at', 'desc').executeTakeFirst(),
    db.selectFrom('enrolments as e').innerJoin('programmes as p', 'p.id', 'e.programme_id')
      .select(['p.name', 'e.status', 'e.start_date', 'e.ended_on', 'e.outcome_reason', 'e.certificate_number'])
      .where('e.wbp_id', '=', wbpId).orderBy('e.start_date').orderBy('e.created_at').execute(),
    db.selectFrom('urine_tests').select(['outcome', 'planned_on']).where('wbp_id', '=', wbpId).where('status', '=', 'resulted').orderBy('planned_on').execute(),
    db.selectFrom('ptrm_records').select(['clinic_name', 'started_on', 'ended_on']).where('wbp_id', '=', wbpId).orderBy('started_on', 'desc').executeTakeFirst(),
  ]);
  return { person, screening, assessment, enrolments, urine, ptrm };
}
