import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';
import { enrolmentsToChange, peopleIn } from '../../db/people.ts';
import type { CaseConferencePeopleTable, EnrolmentsTable } from '../../db/schema.ts';

export { findPeople, findPerson } from '../../db/people.ts';
export { headOfUnit, unitLetterhead } from '../../db/units.ts';

// --- Units, organisations, accounts --------------------------------------------------------------

/**
 * Takes the unit's row lock, so two completions in the same unit number their certificates one
 * after the other. FOR NO KEY UPDATE, not FOR UPDATE: the rows a completion has already written
 * that name the unit (the conference, its attendees, the audit) hold FOR KEY SHARE on it, which
 * FOR UPDATE would wait on, and two completions would each wait for the other.
 */
export async function lockUnit(db: DbOrTrx, unitId: string): Promise<void> {
  await db.selectFrom('organizations').select('id').where('id', '=', unitId).forNoKeyUpdate().executeTakeFirst();
}

export async function organizationsIn(db: DbOrTrx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('organizations').select(['id', 'name']).where('id', 'in', [...ids]).execute();
}

export async function usersIn(db: DbOrTrx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('users').select(['id']).where('id', 'in', [...ids]).execute();
}

// --- Enrolments ----------------------------------------------------------------------------------

/**
 * Enrolments the actor may change (a person in scope, a programme of one of the actor's units),
 * with their programme and the programme's unit.
 */
function enrolmentsToEnd(db: DbOrTrx, facilityIds: readonly string[]) {
  return enrolmentsToChange(db, facilityIds).select([
    'e.id', 'e.wbp_id', 'e.programme_id', 'e.decision_id', 'e.status', 'e.start_date', 'e.expected_end_date', 'e.ended_on',
    'e.certificate_number', 'p.facility_id as programme_facility_id', 'p.name as programme_name', 'wbp.facility_id as person_facility_id',
  ]);
}

/** One enrolment the actor may change, locked until the transaction ends. */
export async function findEnrolmentForUpdate(db: DbOrTrx, id: string, facilityIds: readonly string[]) {
  return enrolmentsToEnd(db, facilityIds).where('e.id', '=', id).forUpdate('e').executeTakeFirst();
}
export type EnrolmentRow = NonNullable<Awaited<ReturnType<typeof findEnrolmentForUpdate>>>;

/**
 * Locks the enrolments a conference names, in id order, and reads those the actor may change.
 * Locking all of them before any is read makes two conferences saved at once that name the same
 * people in a different order wait for each other instead of deadlocking.
 */
export async function lockEnrolments(db: DbOrTrx, ids: readonly string[], facilityIds: readonly string[]): Promise<EnrolmentRow[]> {
  if (ids.length === 0) return [];
  await db.selectFrom('enrolments').select('id').where('id', 'in', [...ids]).orderBy('id').forUpdate().execute();
  return enrolmentsToEnd(db, facilityIds).where('e.id', 'in', [...ids]).execute();
}

/** A programme with the number of people active in it now. */
export async function programmeWithLoad(db: DbOrTrx, programmeId: string) {
  return db
    .selectFrom('programmes as p')
    .select([
      'p.id', 'p.facility_id', 'p.name', 'p.active', 'p.capacity', 'p.duration_weeks',
      (eb) => eb.selectFrom('enrolments as e').select(sql<number>`count(*)::int`.as('n')).whereRef('e.programme_id', '=', 'p.id').where('e.status', '=', 'active').as('active_count'),
    ])
    .where('p.id', '=', programmeId)
    .executeTakeFirst();
}

export async function hasOpenEnrolment(db: DbOrTrx, wbpId: string, programmeId: string): Promise<boolean> {
  const row = await db.selectFrom('enrolments').select('id').where('wbp_id', '=', wbpId).where('programme_id', '=', programmeId)
    .where('status', 'in', ['active', 'waitlisted']).executeTakeFirst();
  return row !== undefined;
}

export async function insertEnrolment(
  db: DbOrTrx,
  // A change of programme keeps the decree of the enrolment it replaces; conferences run in custodial units, whose
  // enrolments all have one (the database refuses an enrolment with neither a decree nor an aftercare referral).
  e: { wbpId: string; programmeId: string; decisionId: string | null; status: 'active' | 'waitlisted'; startDate: string | null; endDate: string | null; at: Date },
): Promise<string> {
  const row = await db
    .insertInto('enrolments')
    .values({
      wbp_id: e.wbpId, programme_id: e.programmeId, decision_id: e.decisionId, status: e.status, start_date: e.startDate,
      expected_end_date: e.endDate, created_at: e.at, updated_at: e.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Ends an open enrolment; false when it was no longer in one of the statuses it may end from. */
export async function endEnrolment(
  db: DbOrTrx,
  id: string,
  from: readonly EnrolmentsTable['status'][],
  end: {
    status: 'completed' | 'dropped' | 'changed'; endedOn: string; reason: EnrolmentsTable['outcome_reason']; note: string | null;
    by: string; certificateNumber: string | null; at: Date;
  },
): Promise<boolean> {
  const result = await db
    .updateTable('enrolments')
    .set({
      status: end.status, ended_on: end.endedOn, outcome_reason: end.reason, outcome_note: end.note, outcome_by: end.by,
      certificate_number: end.certificateNumber, updated_at: end.at,
    })
    .where('id', '=', id)
    .where('status', 'in', [...from])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Certificate numbers already given under one prefix (one unit, one year). */
export async function certificateNumbersWithPrefix(db: DbOrTrx, prefix: string): Promise<string[]> {
  const rows = await db
    .selectFrom('enrolments')
    .select('certificate_number')
    .where('certificate_number', 'is not', null)
    .where(sql<boolean>`left(certificate_number, ${prefix.length}) = ${prefix}`)
    .execute();
  return rows.map((r) => r.certificate_number).filter((n): n is string => n !== null);
}

/** Enrolments with programme, unit, decree and who recorded the outcome, newest first. */
function outcomeRows(db: DbOrTrx) {
  return db
    .selectFrom('enrolments as e')
    .innerJoin('programmes as p', 'p.id', 'e.programme_id')
    .innerJoin('organizations as o', 'o.id', 'p.facility_id')
    .innerJoin('placement_decisions as d', 'd.id', 'e.decision_id')
    .leftJoin('users as u', 'u.id', 'e.outcome_by')
    .select([
      'e.id', 'e.wbp_id', 'e.programme_id', 'p.name as programme_name', 'p.kind as programme_kind', 'p.facility_id', 'o.name as facility_name',
      'd.decree_number', 'e.status', 'e.start_date', 'e.expected_end_date', 'e.ended_on', 'e.outcome_reason', 'e.outcome_note',
      'u.full_name as outcome_by_name', 'e.certificate_number',
    ])
    .orderBy(sql`coalesce(e.start_date, d.decree_date)`, 'desc')
    .orderBy('e.created_at', 'desc');
}

export async function enrolmentsOfPerson(db: DbOrTrx, wbpId: string) {
  return outcomeRows(db).where('e.wbp_id', '=', wbpId).execute();
}

export async function outcomeOf(db: DbOrTrx, enrolmentId: string) {
  return outcomeRows(db).where('e.id', '=', enrolmentId).executeTakeFirstOrThrow();
}
export type OutcomeRow = Awaited<ReturnType<typeof enrolmentsOfPerson>>[number];

/** Everything a completion certificate says of an enrolment of a person the actor may see (its unit's letterhead apart). */
export async function certificateFacts(db: DbOrTrx, enrolmentId: string, facilityIds: readonly string[]) {
  return peopleIn(db, facilityIds)
    .innerJoin('enrolments as e', 'e.wbp_id', 'wbp.id')
    .innerJoin('programmes as p', 'p.id', 'e.programme_id')
    .select([
      'e.id', 'e.status', 'e.start_date', 'e.ended_on', 'e.certificate_number', 'wbp.full_name', 'wbp.sdp_number', 'wbp.facility_id as person_facility_id',
      'p.name as programme_name', 'p.facility_id as unit_id',
    ])
    .where('e.id', '=', enrolmentId)
    .executeTakeFirst();
}

// --- Referrals -----------------------------------------------------------------------------------

export async function insertReferral(
  db: DbOrTrx,
  r: { wbpId: string; facilityId: string; toOrganizationId: string | null; toName: string; reason: string; referredOn: string; conferenceId: string | null; by: string; at: Date },
): Promise<string> {
  const row = await db
    .insertInto('referrals')
    .values({
      wbp_id: r.wbpId, facility_id: r.facilityId, kind: 'clinical', to_organization_id: r.toOrganizationId, to_name: r.toName, reason: r.reason,
      referred_on: r.referredOn, conference_id: r.conferenceId, created_by: r.by, created_at: r.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Referrals with who recorded them. */
function referralRows(db: DbOrTrx) {
  return db
    .selectFrom('referrals as r')
    .leftJoin('users as u', 'u.id', 'r.created_by')
    .select(['r.id', 'r.kind', 'r.to_organization_id', 'r.to_name', 'r.reason', 'r.referred_on', 'r.conference_id', 'u.full_name as created_by_name', 'r.created_at']);
}

/** A person's clinical referrals; aftercare referrals (kind 'aftercare') are the aftercare module's, shown with the release. */
export async function referralsOfPerson(db: DbOrTrx, wbpId: string) {
  return referralRows(db).where('r.wbp_id', '=', wbpId).where('r.kind', '=', 'clinical').orderBy('r.referred_on', 'desc').orderBy('r.created_at', 'desc').execute();
}

export async function referralOf(db: DbOrTrx, id: string) {
  return referralRows(db).where('r.id', '=', id).executeTakeFirstOrThrow();
}
export type ReferralRow = Awaited<ReturnType<typeof referralOf>>;

// --- Conferences ---------------------------------------------------------------------------------

export async function listConferences(db: DbOrTrx, facilityId: string, limit: number, offset: number) {
  const base = db.selectFrom('case_conferences as c').where('c.facility_id', '=', facilityId);
  const [items, count] = await Promise.all([
    base
      .leftJoin('users as u', 'u.id', 'c.created_by')
      .select([
        'c.id', 'c.facility_id', 'c.held_on', 'c.title', 'c.created_at', 'u.full_name as created_by_name',
        (eb) => eb.selectFrom('case_conference_attendees as a').select(sql<number>`count(*)::int`.as('n')).whereRef('a.conference_id', '=', 'c.id').as('attendee_count'),
        (eb) => eb.selectFrom('case_conference_people as cp').select(sql<number>`count(*)::int`.as('n')).whereRef('cp.conference_id', '=', 'c.id').as('people_count'),
      ])
      .orderBy('c.held_on', 'desc')
      .orderBy('c.created_at', 'desc')
      .orderBy('c.id')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.total) };
}

export async function decisionCounts(db: DbOrTrx, conferenceIds: readonly string[]) {
  if (conferenceIds.length === 0) return [];
  return db
    .selectFrom('case_conference_people')
    .select(['conference_id', 'decision', sql<number>`count(*)::int`.as('n')])
    .where('conference_id', 'in', [...conferenceIds])
    .groupBy(['conference_id', 'decision'])
    .execute();
}

export async function insertConference(
  db: DbOrTrx,
  c: { facilityId: string; heldOn: string; title: string; notes: string | null; by: string; at: Date },
): Promise<string> {
  const row = await db
    .insertInto('case_conferences')
    .values({ facility_id: c.facilityId, held_on: c.heldOn, title: c.title, notes: c.notes, created_by: c.by, created_at: c.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertAttendees(
  db: DbOrTrx,
  conferenceId: string,
  rows: readonly { name: string; position: string | null; organizationId: string | null; agency: string | null; userId: string | null }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('case_conference_attendees')
    .values(rows.map((a) => ({
      conference_id: conferenceId, name: a.name, position: a.position, organization_id: a.organizationId, agency: a.agency?.trim() || null, user_id: a.userId,
    })))
    .execute();
}

export async function insertConferencePerson(
  db: DbOrTrx,
  p: {
    conferenceId: string; wbpId: string; enrolmentId: string | null; discussion: string; decision: CaseConferencePeopleTable['decision'];
    detail: Record<string, unknown>;
  },
): Promise<void> {
  await db
    .insertInto('case_conference_people')
    .values({
      conference_id: p.conferenceId, wbp_id: p.wbpId, enrolment_id: p.enrolmentId, discussion: p.discussion,
      decision: p.decision, detail: JSON.stringify(p.detail),
    })
    .execute();
}

/** A conference of a unit the actor works in. */
export async function findConference(db: DbOrTrx, id: string, facilityIds: readonly string[]) {
  if (facilityIds.length === 0) return undefined;
  return db
    .selectFrom('case_conferences as c')
    .innerJoin('organizations as o', 'o.id', 'c.facility_id')
    .leftJoin('users as u', 'u.id', 'c.created_by')
    .select(['c.id', 'c.facility_id', 'o.name as facility_name', 'c.held_on', 'c.title', 'c.notes', 'c.created_at', 'u.full_name as created_by_name'])
    .where('c.id', '=', id)
    .where('c.facility_id', 'in', [...facilityIds])
    .executeTakeFirst();
}

export async function attendeesOf(db: DbOrTrx, conferenceId: string) {
  return db
    .selectFrom('case_conference_attendees as a')
    .leftJoin('organizations as o', 'o.id', 'a.organization_id')
    .select(['a.id', 'a.name', 'a.position', 'a.organization_id', 'a.agency', 'a.user_id', 'o.name as organization_name', 'o.kind as organization_kind'])
    .where('a.conference_id', '=', conferenceId)
    .orderBy('a.id')
    .execute();
}
export type AttendeeRow = Awaited<ReturnType<typeof attendeesOf>>[number];

export async function peopleOf(db: DbOrTrx, conferenceId: string) {
  return db
    .selectFrom('case_conference_people as cp')
    .innerJoin('wbp as w', 'w.id', 'cp.wbp_id')
    .leftJoin('enrolments as e', 'e.id', 'cp.enrolment_id')
    .leftJoin('programmes as p', 'p.id', 'e.programme_id')
    .select(['cp.wbp_id', 'w.full_name', 'w.sdp_number', 'cp.enrolment_id', 'p.name as programme_name', 'cp.discussion', 'cp.decision', 'cp.detail'])
    .where('cp.conference_id', '=', conferenceId)
    .orderBy(sql`lower(w.full_name)`)
    .orderBy('w.id')
    .execute();
}

/** Incidents of these people between two dates, recorded in units the actor works in. */
export async function incidentsOf(db: DbOrTrx, wbpIds: readonly string[], from: string, to: string, facilityIds: readonly string[]) {
  if (wbpIds.length === 0 || facilityIds.length === 0) return [];
  return db
    .selectFrom('incidents')
    .select(['id', 'wbp_id', 'occurred_on', 'kind', 'description', 'action_taken'])
    .where('wbp_id', 'in', [...wbpIds])
    .where('facility_id', 'in', [...facilityIds])
    .where('occurred_on', '>=', from)
    .where('occurred_on', '<=', to)
    .orderBy('occurred_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

/** Urine tests of these people planned between two dates (not those cancelled or not yet collected), in units the actor works in. */
export async function urineTestsOf(db: DbOrTrx, wbpIds: readonly string[], from: string, to: string, facilityIds: readonly string[]) {
  if (wbpIds.length === 0 || facilityIds.length === 0) return [];
  return db
    .selectFrom('urine_tests')
    .select(['id', 'wbp_id', 'planned_on', 'reason', 'status', 'outcome', 'results'])
    .where('wbp_id', 'in', [...wbpIds])
    .where('facility_id', 'in', [...facilityIds])
    .where('status', 'not in', ['planned', 'cancelled'])
    .where('planned_on', '>=', from)
    .where('planned_on', '<=', to)
    .orderBy('planned_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}
