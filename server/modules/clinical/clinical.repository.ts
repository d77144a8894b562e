import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';
import { enrolmentsToChange, heldIn, nameOrNumberLike } from '../../db/people.ts';
import type { AssessmentsTable } from '../../db/schema.ts';
import type { Insertable, Updateable } from 'kysely';

export { findPerson } from '../../db/people.ts';

/** People held in scope (not released) never screened, newest admissions first. */
export async function worklist(db: DbOrTrx, f: { facilityIds: readonly string[]; q?: string | undefined; limit: number; offset: number }) {
  if (f.facilityIds.length === 0) return { items: [], total: 0 };
  let base = heldIn(db, f.facilityIds)
    .innerJoin('organizations as o', 'o.id', 'wbp.facility_id')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('screenings as s').select('s.id').whereRef('s.wbp_id', '=', 'wbp.id'))));
  if (f.q) base = base.where(nameOrNumberLike(f.q));
  const [items, count] = await Promise.all([
    base
      .select(['wbp.id', 'wbp.sdp_number', 'wbp.full_name', 'wbp.block', 'wbp.room', 'wbp.admission_date', 'wbp.case_articles', 'wbp.facility_id', 'o.name as facility_name'])
      .orderBy('wbp.admission_date', 'desc')
      .orderBy('wbp.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.total) };
}

export async function insertScreening(
  db: DbOrTrx,
  s: { wbpId: string; facilityId: string; answers: unknown; result: unknown; overall: 'low' | 'moderate' | 'high'; screenedOn: string; by: string; at: Date },
) {
  return db
    .insertInto('screenings')
    .values({
      wbp_id: s.wbpId, facility_id: s.facilityId, instrument: 'assist', instrument_version: '3.0',
      answers: JSON.stringify(s.answers), result: JSON.stringify(s.result), overall_risk: s.overall,
      screened_on: s.screenedOn, screened_by: s.by, created_at: s.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function listScreenings(db: DbOrTrx, wbpId: string) {
  return db
    .selectFrom('screenings as s')
    .leftJoin('users as u', 'u.id', 's.screened_by')
    .select(['s.id', 's.wbp_id', 's.instrument', 's.instrument_version', 's.answers', 's.result', 's.overall_risk', 's.screened_on', 'u.full_name as screened_by', 's.created_at'])
    .where('s.wbp_id', '=', wbpId)
    .orderBy('s.screened_on', 'desc')
    .orderBy('s.created_at', 'desc')
    .execute();
}

export async function findScreening(db: DbOrTrx, id: string, wbpId: string) {
  return db.selectFrom('screenings').select(['id', 'overall_risk']).where('id', '=', id).where('wbp_id', '=', wbpId).executeTakeFirst();
}

export async function latestScreeningRisk(db: DbOrTrx, wbpId: string): Promise<'low' | 'moderate' | 'high' | null> {
  const row = await db
    .selectFrom('screenings')
    .select('overall_risk')
    .where('wbp_id', '=', wbpId)
    .orderBy('screened_on', 'desc')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.overall_risk ?? null;
}

export async function insertAssessment(db: DbOrTrx, row: Insertable<AssessmentsTable>): Promise<string> {
  return (await db.insertInto('assessments').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function findAssessment(db: DbOrTrx, id: string, facilityIds: readonly string[]) {
  if (facilityIds.length === 0) return undefined;
  return db
    .selectFrom('assessments as a')
    .leftJoin('users as c', 'c.id', 'a.created_by')
    .leftJoin('users as s', 's.id', 'a.signed_by')
    .leftJoin('enrolments as e', 'e.id', 'a.enrolment_id')
    .leftJoin('programmes as p', 'p.id', 'e.programme_id')
    .selectAll('a')
    .select(['c.full_name as created_by_name', 's.full_name as signed_by_name', 'p.name as follow_up_programme_name'])
    .where('a.id', '=', id)
    .where('a.facility_id', 'in', [...facilityIds])
    .executeTakeFirst();
}

export async function listAssessments(db: DbOrTrx, wbpId: string) {
  return db
    .selectFrom('assessments as a')
    .leftJoin('users as c', 'c.id', 'a.created_by')
    .leftJoin('users as s', 's.id', 'a.signed_by')
    .select([
      'a.id', 'a.status', 'a.final_class', 'a.signed_at', 'a.updated_at', 'a.purpose', 'a.follow_up_point', 'c.full_name as created_by', 's.full_name as signed_by',
    ])
    .where('a.wbp_id', '=', wbpId)
    .orderBy('a.created_at', 'desc')
    .execute();
}

export async function updateDraft(db: DbOrTrx, id: string, version: number, changes: Updateable<AssessmentsTable>): Promise<boolean> {
  const result = await db
    .updateTable('assessments')
    .set({ ...changes, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listAddenda(db: DbOrTrx, assessmentId: string) {
  return db
    .selectFrom('assessment_addenda as d')
    .leftJoin('users as u', 'u.id', 'd.created_by')
    .select(['d.id', 'd.text', 'u.full_name as created_by', 'd.created_at'])
    .where('d.assessment_id', '=', assessmentId)
    .orderBy('d.created_at')
    .execute();
}

export async function insertAddendum(db: DbOrTrx, assessmentId: string, text: string, userId: string, at: Date): Promise<string> {
  return (await db.insertInto('assessment_addenda').values({ assessment_id: assessmentId, text, created_by: userId, created_at: at }).returning('id').executeTakeFirstOrThrow()).id;
}

export async function hasValidQualification(db: DbOrTrx, userId: string, kind: 'asi_assessor', today: string): Promise<boolean> {
  const row = await db
    .selectFrom('staff_qualifications')
    .select('id')
    .where('user_id', '=', userId)
    .where('kind', '=', kind)
    .where('issued_on', '<=', today)
    .where((eb) => eb.or([eb('expires_on', 'is', null), eb('expires_on', '>=', today)]))
    .executeTakeFirst();
  return row !== undefined;
}

export async function organizationMayAssess(db: DbOrTrx, orgId: string): Promise<boolean> {
  const row = await db.selectFrom('organizations').select(['kind', 'can_assess']).where('id', '=', orgId).executeTakeFirst();
  return row !== undefined && (['rutan', 'lapas', 'lpka'].includes(row.kind) || row.can_assess);
}

/**
 * An enrolment the actor may change (a person in scope, a programme of one of the actor's units),
 * with what a follow-up assessment needs of it.
 */
export async function findEnrolmentForFollowUp(db: DbOrTrx, enrolmentId: string, facilityIds: readonly string[]) {
  return enrolmentsToChange(db, facilityIds)
    .select(['e.id', 'e.wbp_id', 'e.status', 'e.start_date', 'wbp.facility_id'])
    .where('e.id', '=', enrolmentId)
    .executeTakeFirst();
}

/** The follow-up assessment of an enrolment's re-assessment point, if one was started. */
export async function followUpOf(db: DbOrTrx, enrolmentId: string, point: number) {
  return db
    .selectFrom('assessments')
    .select(['id', 'status'])
    .where('purpose', '=', 'follow_up')
    .where('enrolment_id', '=', enrolmentId)
    .where('follow_up_point', '=', point)
    .orderBy(sql`status = 'signed'`, 'desc')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}
