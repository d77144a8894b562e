import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';
import { heldIn } from '../../db/people.ts';

export { findPerson } from '../../db/people.ts';

export async function findSignedAssessment(db: DbOrTrx, id: string, wbpId: string) {
  return db
    .selectFrom('assessments')
    .select(['id', 'status', 'final_class', 'form', 'recommendation'])
    .where('id', '=', id)
    .where('wbp_id', '=', wbpId)
    // A follow-up assessment measures progress; only an initial one is placed by a decree.
    .where('purpose', '=', 'initial')
    .executeTakeFirst();
}

export async function latestScreeningDate(db: DbOrTrx, wbpId: string): Promise<string | null> {
  const row = await db.selectFrom('screenings').select('screened_on').where('wbp_id', '=', wbpId).orderBy('screened_on', 'desc').limit(1).executeTakeFirst();
  return row?.screened_on ?? null;
}

export async function decisionForAssessment(db: DbOrTrx, assessmentId: string) {
  return db.selectFrom('placement_decisions').select('id').where('assessment_id', '=', assessmentId).executeTakeFirst();
}

export async function decreeNumberTaken(db: DbOrTrx, facilityId: string, decreeNumber: string): Promise<boolean> {
  return (await db.selectFrom('placement_decisions').select('id').where('facility_id', '=', facilityId).where('decree_number', '=', decreeNumber).executeTakeFirst()) !== undefined;
}

export async function programmesIn(db: DbOrTrx, ids: readonly string[], facilityId: string) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('programmes as p')
    .select([
      'p.id', 'p.name', 'p.duration_weeks', 'p.capacity', 'p.active',
      (eb) => eb.selectFrom('enrolments as e').select(sql<number>`count(*)::int`.as('n')).whereRef('e.programme_id', '=', 'p.id').where('e.status', '=', 'active').as('active_count'),
    ])
    .where('p.id', 'in', [...ids])
    .where('p.facility_id', '=', facilityId)
    .execute();
}

export async function openEnrolment(db: DbOrTrx, wbpId: string, programmeId: string) {
  return db.selectFrom('enrolments').select('id').where('wbp_id', '=', wbpId).where('programme_id', '=', programmeId).where('status', 'in', ['active', 'waitlisted']).executeTakeFirst();
}

export async function insertDecision(
  db: DbOrTrx,
  d: { wbpId: string; facilityId: string; assessmentId: string; decreeNumber: string; decreeDate: string; place: 'inside_unit' | 'outside_unit'; note: string | null; by: string; at: Date },
): Promise<string> {
  const row = await db
    .insertInto('placement_decisions')
    .values({
      wbp_id: d.wbpId, facility_id: d.facilityId, assessment_id: d.assessmentId, decree_number: d.decreeNumber, decree_date: d.decreeDate,
      place: d.place, note: d.note, decided_by: d.by, created_at: d.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertEnrolment(
  db: DbOrTrx,
  e: { wbpId: string; programmeId: string; decisionId: string; status: 'active' | 'waitlisted'; startDate: string | null; endDate: string | null; at: Date },
): Promise<void> {
  await db
    .insertInto('enrolments')
    .values({
      wbp_id: e.wbpId, programme_id: e.programmeId, decision_id: e.decisionId, status: e.status, start_date: e.startDate,
      expected_end_date: e.endDate, created_at: e.at, updated_at: e.at,
    })
    .execute();
}

/** Enrolments with the person, the programme and the assessment behind each one's decision. */
function enrolmentRows(db: DbOrTrx) {
  return db
    .selectFrom('enrolments as e')
    .innerJoin('wbp as w', 'w.id', 'e.wbp_id')
    .innerJoin('programmes as p', 'p.id', 'e.programme_id')
    .innerJoin('placement_decisions as d', 'd.id', 'e.decision_id')
    .innerJoin('assessments as a', 'a.id', 'd.assessment_id')
    .select([
      'e.id', 'e.wbp_id', 'e.decision_id', 'w.full_name', 'w.sdp_number', 'w.expected_release_date', 'e.programme_id', 'p.name as programme_name',
      'p.duration_weeks', 'e.status', 'a.final_class', 'a.form', 'e.start_date', 'e.expected_end_date', 'd.decree_date',
    ]);
}

export async function enrolmentsOfProgramme(db: DbOrTrx, programmeId: string) {
  return enrolmentRows(db).where('e.programme_id', '=', programmeId).where('e.status', 'in', ['active', 'waitlisted']).execute();
}

export async function enrolmentsOfDecisions(db: DbOrTrx, decisionIds: readonly string[]) {
  if (decisionIds.length === 0) return [];
  return enrolmentRows(db).where('e.decision_id', 'in', [...decisionIds]).execute();
}

export async function decisionsOf(db: DbOrTrx, wbpId: string) {
  return db
    .selectFrom('placement_decisions as d')
    .leftJoin('users as u', 'u.id', 'd.decided_by')
    .select(['d.id', 'd.wbp_id', 'd.assessment_id', 'd.decree_number', 'd.decree_date', 'd.place', 'd.note', 'u.full_name as decided_by'])
    .where('d.wbp_id', '=', wbpId)
    .orderBy('d.decree_date', 'desc')
    .execute();
}

/** People held by a unit (not released) with a signed initial assessment that no decision has answered yet (follow-ups need none). */
export async function pending(db: DbOrTrx, facilityId: string) {
  return heldIn(db, [facilityId])
    .innerJoin('assessments as a', 'a.wbp_id', 'wbp.id')
    .select([
      'wbp.id as wbp_id', 'wbp.full_name', 'wbp.sdp_number', 'wbp.case_articles', 'a.id as assessment_id', 'a.final_class', 'a.recommendation', 'a.signed_at',
      (eb) => eb.selectFrom('screenings as s').select(sql<string>`max(s.screened_on)::text`.as('d')).whereRef('s.wbp_id', '=', 'wbp.id').as('screened_on'),
    ])
    .where('a.facility_id', '=', facilityId)
    .where('a.status', '=', 'signed')
    .where('a.purpose', '=', 'initial')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('placement_decisions as d').select('d.id').whereRef('d.assessment_id', '=', 'a.id'))))
    .orderBy('a.signed_at')
    .execute();
}

export async function programmeFacility(db: DbOrTrx, programmeId: string) {
  return db.selectFrom('programmes').select(['id', 'facility_id']).where('id', '=', programmeId).executeTakeFirst();
}
