import { type Insertable, sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';
import { enrolmentsToChange, heldIn, peopleIn } from '../../db/people.ts';
import type { CommunityRolesTable, PhaseChangesTable } from '../../db/schema.ts';

export { findPerson } from '../../db/people.ts';
export { lockEnrolment, reassessmentPoints } from '../../db/reassessment.ts';

/** Active first, then the waitlist, then those that ended; the newest first within each. */
const STATUS_ORDER = sql<number>`case e.status when 'active' then 0 when 'waitlisted' then 1 else 2 end`;

/** Every enrolment of a person, with its programme and the assessment its decision rests on. */
export async function enrolmentsOf(db: DbOrTrx, wbpId: string) {
  return db
    .selectFrom('enrolments as e')
    .innerJoin('programmes as p', 'p.id', 'e.programme_id')
    .innerJoin('placement_decisions as d', 'd.id', 'e.decision_id')
    .select([
      'e.id', 'e.status', 'e.start_date', 'e.expected_end_date', 'e.ended_on', 'e.created_at',
      'p.id as programme_id', 'p.name as programme_name', 'p.kind as programme_kind', 'p.duration_weeks', 'p.phases',
      'd.assessment_id as baseline_id',
    ])
    .where('e.wbp_id', '=', wbpId)
    .orderBy(STATUS_ORDER)
    .orderBy(sql`e.start_date desc nulls last`)
    .orderBy('e.created_at', 'desc')
    .execute();
}

/** An enrolment the actor may change (a person in scope, a programme of one of the actor's units), with its programme. */
export async function findEnrolment(db: DbOrTrx, enrolmentId: string, facilityIds: readonly string[]) {
  return enrolmentsToChange(db, facilityIds)
    .select(['e.id', 'e.wbp_id', 'e.status', 'e.start_date', 'wbp.facility_id', 'p.phases'])
    .where('e.id', '=', enrolmentId)
    .executeTakeFirst();
}

/** Phase changes with the name of who recorded them. */
function phaseChanges(db: DbOrTrx) {
  return db
    .selectFrom('phase_changes as c')
    .leftJoin('users as u', 'u.id', 'c.changed_by')
    .select(['c.id', 'c.enrolment_id', 'c.from_phase', 'c.to_phase', 'c.direction', 'c.reason', 'c.changed_on', 'c.created_at', 'u.full_name as changed_by_name']);
}
export type PhaseChangeRow = Awaited<ReturnType<ReturnType<typeof phaseChanges>['execute']>>[number];

/** Phase changes of these enrolments in the order they happened. */
export async function phaseChangesOf(db: DbOrTrx, enrolmentIds: readonly string[]): Promise<PhaseChangeRow[]> {
  if (enrolmentIds.length === 0) return [];
  return phaseChanges(db).where('c.enrolment_id', 'in', [...enrolmentIds]).orderBy('c.changed_on').orderBy('c.created_at').execute();
}

export async function findPhaseChange(db: DbOrTrx, id: string): Promise<PhaseChangeRow> {
  return phaseChanges(db).where('c.id', '=', id).executeTakeFirstOrThrow();
}

export async function insertPhaseChange(db: DbOrTrx, row: Insertable<PhaseChangesTable>): Promise<string> {
  return (await db.insertInto('phase_changes').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Peer roles of these enrolments: open ones first, then by start, newest first. */
export async function rolesOf(db: DbOrTrx, enrolmentIds: readonly string[]) {
  if (enrolmentIds.length === 0) return [];
  return db
    .selectFrom('community_roles as r')
    .leftJoin('users as u', 'u.id', 'r.assigned_by')
    .select(['r.id', 'r.enrolment_id', 'r.wbp_id', 'r.role', 'r.started_on', 'r.ended_on', 'u.full_name as assigned_by_name'])
    .where('r.enrolment_id', 'in', [...enrolmentIds])
    .orderBy(sql`r.ended_on is null`, 'desc')
    .orderBy('r.started_on', 'desc')
    .orderBy('r.created_at', 'desc')
    .execute();
}

export async function openRoleOf(db: DbOrTrx, wbpId: string, role: CommunityRolesTable['role']) {
  return db.selectFrom('community_roles').select('id').where('wbp_id', '=', wbpId).where('role', '=', role).where('ended_on', 'is', null).executeTakeFirst();
}

export async function insertRole(db: DbOrTrx, row: Omit<Insertable<CommunityRolesTable>, 'ended_on'>): Promise<string> {
  return (await db.insertInto('community_roles').values({ ...row, ended_on: null }).returning('id').executeTakeFirstOrThrow()).id;
}

/** A peer role of an enrolment the actor may change, locked until the transaction ends. */
export async function findRoleForUpdate(db: DbOrTrx, roleId: string, facilityIds: readonly string[]) {
  const row = await db.selectFrom('community_roles').select('id').where('id', '=', roleId).forUpdate().executeTakeFirst();
  if (!row) return undefined;
  return enrolmentsToChange(db, facilityIds)
    .innerJoin('community_roles as r', (join) => join.onRef('r.enrolment_id', '=', 'e.id').onRef('r.wbp_id', '=', 'wbp.id'))
    .select(['r.id', 'r.enrolment_id', 'r.wbp_id', 'r.role', 'r.started_on', 'r.ended_on', 'wbp.facility_id'])
    .where('r.id', '=', roleId)
    .executeTakeFirst();
}

/** Ends an open role; false when it had ended meanwhile. */
export async function endRole(db: DbOrTrx, roleId: string, endedOn: string): Promise<boolean> {
  const result = await db.updateTable('community_roles').set({ ended_on: endedOn }).where('id', '=', roleId).where('ended_on', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findRole(db: DbOrTrx, roleId: string) {
  return db
    .selectFrom('community_roles as r')
    .leftJoin('users as u', 'u.id', 'r.assigned_by')
    .select(['r.id', 'r.enrolment_id', 'r.wbp_id', 'r.role', 'r.started_on', 'r.ended_on', 'u.full_name as assigned_by_name'])
    .where('r.id', '=', roleId)
    .executeTakeFirstOrThrow();
}

/** Follow-up assessments of these enrolments, with what a comparison needs. */
export async function followUpsOf(db: DbOrTrx, enrolmentIds: readonly string[]) {
  if (enrolmentIds.length === 0) return [];
  return db
    .selectFrom('assessments')
    .select(['id', 'enrolment_id', 'follow_up_point', 'status', 'signed_at', 'composites', 'form', 'created_at'])
    .where('purpose', '=', 'follow_up')
    .where('enrolment_id', 'in', [...enrolmentIds])
    .orderBy('follow_up_point')
    .orderBy('created_at')
    .execute();
}

/** Assessments by id (the baselines of decisions), with what a comparison needs. */
export async function assessmentsByIds(db: DbOrTrx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('assessments')
    .select(['id', 'status', 'signed_at', 'composites', 'form'])
    .where('id', 'in', [...ids])
    .execute();
}

/** Stored care tasks of the people a unit holds now (not those released): the open ones, or all. */
export async function careTasksOf(db: DbOrTrx, facilityId: string, status: 'open' | 'all') {
  let query = heldIn(db, [facilityId])
    .innerJoin('care_tasks as t', 't.wbp_id', 'wbp.id')
    .leftJoin('users as u', 'u.id', 't.closed_by')
    .select([
      't.id', 't.kind', 't.wbp_id', 't.due_on', 't.status', 't.note', 't.closed_at', 'u.full_name as closed_by_name',
      'wbp.full_name', 'wbp.sdp_number',
    ]);
  if (status === 'open') query = query.where('t.status', '=', 'open');
  return query.execute();
}

/**
 * Enrolments in the unit's programmes of the people it holds now that may have re-assessment
 * points to sign: the active ones, and the completed ones (the end-of-programme point is typically
 * due at completion). Those of a unit a person was transferred from are that unit's to re-assess.
 */
export async function reassessedEnrolmentsIn(db: DbOrTrx, facilityId: string) {
  return enrolmentsToChange(db, [facilityId])
    .select(['e.id', 'e.wbp_id', 'e.status', 'e.start_date', 'p.name as programme_name', 'p.duration_weeks', 'wbp.full_name', 'wbp.sdp_number'])
    .where('e.status', 'in', ['active', 'completed'])
    .where('e.start_date', 'is not', null)
    // A released person is re-assessed, if at all, by the aftercare receiver, not by the unit.
    .where('wbp.released_on', 'is', null)
    .execute();
}

/** The follow-ups (id, point, status) of these enrolments. */
export async function followUpStatesOf(db: DbOrTrx, enrolmentIds: readonly string[]) {
  if (enrolmentIds.length === 0) return [];
  return db
    .selectFrom('assessments')
    .select(['id', 'enrolment_id', 'follow_up_point', 'status'])
    .where('purpose', '=', 'follow_up')
    .where('enrolment_id', 'in', [...enrolmentIds])
    .orderBy('created_at')
    .execute();
}

/** A stored task of a person in scope, locked until the transaction ends. */
export async function findTaskForUpdate(db: DbOrTrx, taskId: string, facilityIds: readonly string[]) {
  const row = await db.selectFrom('care_tasks').select('id').where('id', '=', taskId).forUpdate().executeTakeFirst();
  if (!row) return undefined;
  return peopleIn(db, facilityIds)
    .innerJoin('care_tasks as t', 't.wbp_id', 'wbp.id')
    .select(['t.id', 't.kind', 't.wbp_id', 't.status', 'wbp.facility_id'])
    .where('t.id', '=', taskId)
    .executeTakeFirst();
}

export async function closeTask(db: DbOrTrx, taskId: string, c: { status: 'done' | 'cancelled'; note: string; by: string; at: Date }): Promise<boolean> {
  const result = await db
    .updateTable('care_tasks')
    .set({ status: c.status, note: c.note, closed_by: c.by, closed_at: c.at })
    .where('id', '=', taskId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findTask(db: DbOrTrx, taskId: string) {
  return db
    .selectFrom('care_tasks as t')
    .leftJoin('users as u', 'u.id', 't.closed_by')
    .select(['t.id', 't.status', 't.note', 't.closed_at', 'u.full_name as closed_by_name'])
    .where('t.id', '=', taskId)
    .executeTakeFirstOrThrow();
}
