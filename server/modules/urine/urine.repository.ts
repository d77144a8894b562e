import { partnersInForceWith } from '../../db/agreements.ts';
import type { DbOrTrx } from '../../db/database.ts';
import { peopleIn } from '../../db/people.ts';
import type { UrineTestsTable } from '../../db/schema.ts';
import type { UrineOutcome, UrineResults, UrineStatus } from '../../../shared/domain/urine.ts';

// Urine tests: the day's selections, the tests with their chain of custody, and the follow-up
// task of a positive result. Who closed a test (its result, refusal or cancellation) and when is
// kept in resulted_by / resulted_at.

export async function facilityName(db: DbOrTrx, facilityId: string): Promise<string> {
  return (await db.selectFrom('organizations').select('name').where('id', '=', facilityId).executeTakeFirst())?.name ?? '';
}

export async function programmesOf(db: DbOrTrx, facilityId: string) {
  return db.selectFrom('programmes').select(['id', 'name']).where('facility_id', '=', facilityId).orderBy('name').execute();
}

/**
 * Enrolments running on a date in these programmes of the unit, of people held in the unit: started
 * on or before the date and not ended by it. Ordered so that a person's first enrolment comes first.
 */
export async function enrolmentsOn(db: DbOrTrx, facilityId: string, date: string, programmeIds: readonly string[]) {
  if (programmeIds.length === 0) return [];
  return db
    .selectFrom('enrolments as e')
    .innerJoin('programmes as p', 'p.id', 'e.programme_id')
    .innerJoin('wbp as w', 'w.id', 'e.wbp_id')
    .select(['e.id as enrolment_id', 'e.wbp_id'])
    .where('p.facility_id', '=', facilityId)
    .where('w.facility_id', '=', facilityId)
    // Released by the date: no longer in custody to be drawn.
    .where((eb) => eb.or([eb('w.released_on', 'is', null), eb('w.released_on', '>', date)]))
    .where('e.programme_id', 'in', [...programmeIds])
    .where('e.status', 'in', ['active', 'completed', 'dropped', 'changed'])
    .where('e.start_date', '<=', date)
    .where((eb) => eb.or([
      eb.and([eb('e.status', '=', 'active'), eb.or([eb('e.ended_on', 'is', null), eb('e.ended_on', '>', date)])]),
      eb.and([eb('e.status', '<>', 'active'), eb('e.ended_on', '>', date)]),
    ]))
    .orderBy('e.start_date')
    .orderBy('e.id')
    .execute();
}

export async function insertSelection(
  db: DbOrTrx,
  s: { facilityId: string; date: string; seed: string; programmeIds: readonly string[]; requested: number; candidates: readonly string[]; by: string; at: Date },
): Promise<string> {
  const row = await db
    .insertInto('urine_selections')
    .values({
      facility_id: s.facilityId, date: s.date, seed: s.seed, programme_ids: JSON.stringify(s.programmeIds), requested: s.requested,
      candidates: JSON.stringify(s.candidates), selected_by: s.by, created_at: s.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface NewTest {
  wbpId: string;
  facilityId: string;
  selectionId: string | null;
  enrolmentId: string | null;
  reason: UrineTestsTable['reason'];
  retestOf: string | null;
  plannedOn: string;
  by: string;
  at: Date;
}

export async function insertTests(db: DbOrTrx, tests: readonly NewTest[]): Promise<string[]> {
  if (tests.length === 0) return [];
  const rows = await db
    .insertInto('urine_tests')
    .values(tests.map((t) => ({
      wbp_id: t.wbpId, facility_id: t.facilityId, selection_id: t.selectionId, enrolment_id: t.enrolmentId, reason: t.reason,
      retest_of: t.retestOf, planned_on: t.plannedOn, created_by: t.by, created_at: t.at,
    })))
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

// --- Reading tests --------------------------------------------------------------------------------

/**
 * Tests of people held now in these units (not those transferred out since), with their person,
 * programme and the names of the staff in their chain of custody.
 */
function tests(db: DbOrTrx, facilityIds: readonly string[]) {
  return peopleIn(db, facilityIds)
    .innerJoin('urine_tests as t', 't.wbp_id', 'wbp.id')
    .leftJoin('enrolments as e', 'e.id', 't.enrolment_id')
    .leftJoin('programmes as p', 'p.id', 'e.programme_id')
    .leftJoin('users as obs', 'obs.id', 't.observed_by')
    .leftJoin('users as col', 'col.id', 't.collected_by')
    .leftJoin('users as res', 'res.id', 't.resulted_by')
    .innerJoin('users as cre', 'cre.id', 't.created_by')
    .selectAll('t')
    .select([
      'wbp.full_name', 'wbp.sdp_number', 'wbp.block', 'wbp.room', 'p.name as programme_name',
      'obs.full_name as observed_by_name', 'col.full_name as collected_by_name', 'res.full_name as resulted_by_name', 'cre.full_name as created_by_name',
    ]);
}
export type TestRow = Awaited<ReturnType<ReturnType<typeof tests>['execute']>>[number];

/** The tests of a selection whose people are held now in one of these units. */
export async function testsOfSelection(db: DbOrTrx, selectionId: string, facilityIds: readonly string[]): Promise<TestRow[]> {
  return tests(db, facilityIds).where('t.selection_id', '=', selectionId).orderBy('wbp.block').orderBy('wbp.room').orderBy('wbp.full_name').execute();
}

/** Everyone these selections drew, wherever they are held now: what a draw is checked against. */
export async function drawnBy(db: DbOrTrx, selectionIds: readonly string[]) {
  if (selectionIds.length === 0) return [];
  return db.selectFrom('urine_tests').select(['selection_id', 'wbp_id']).where('selection_id', 'in', [...selectionIds]).execute();
}

/**
 * A unit's tests planned for a day, of people held now in one of these units: those of the day's
 * random selections (planned for the selection's date) and the others (entry, routine, exit,
 * suspicion, retests).
 */
export async function testsOn(db: DbOrTrx, facilityId: string, date: string, facilityIds: readonly string[]): Promise<TestRow[]> {
  return tests(db, facilityIds)
    .where('t.facility_id', '=', facilityId)
    .where('t.planned_on', '=', date)
    .orderBy('wbp.block').orderBy('wbp.room').orderBy('wbp.full_name')
    .execute();
}

export async function testsOfPerson(db: DbOrTrx, wbpId: string, facilityIds: readonly string[]): Promise<TestRow[]> {
  return tests(db, facilityIds).where('t.wbp_id', '=', wbpId).orderBy('t.planned_on', 'desc').orderBy('t.created_at', 'desc').orderBy('t.id').execute();
}

/** One test whose person is held in one of these units, or undefined. */
export async function findTest(db: DbOrTrx, id: string, facilityIds: readonly string[]): Promise<TestRow | undefined> {
  return tests(db, facilityIds).where('t.id', '=', id).executeTakeFirst();
}

export async function lockTest(db: DbOrTrx, id: string): Promise<void> {
  await db.selectFrom('urine_tests').select('id').where('id', '=', id).forUpdate().execute();
}

/** The retests asked of these tests. */
export async function retestsOf(db: DbOrTrx, testIds: readonly string[]) {
  if (testIds.length === 0) return [];
  return db.selectFrom('urine_tests').select(['id', 'retest_of', 'status']).where('retest_of', 'in', [...testIds]).orderBy('created_at').execute();
}

export interface TestChange {
  status: UrineStatus;
  observedBy?: string;
  collectedBy?: string;
  collectedAt?: Date;
  sealNumber?: string;
  sentTo?: string;
  sentAt?: Date;
  receivedBy?: string;
  receivedAt?: Date;
  results?: UrineResults;
  outcome?: UrineOutcome;
  closedBy?: string;
  closedAt?: Date;
  note?: string | null;
}

/** One step of the chain of custody, if the test is still at the version the user saw. */
export async function changeTest(db: DbOrTrx, id: string, version: number, c: TestChange): Promise<boolean> {
  const result = await db
    .updateTable('urine_tests')
    .set((eb) => ({
      status: c.status,
      version: eb('version', '+', 1),
      ...(c.observedBy !== undefined ? { observed_by: c.observedBy } : {}),
      ...(c.collectedBy !== undefined ? { collected_by: c.collectedBy } : {}),
      ...(c.collectedAt !== undefined ? { collected_at: c.collectedAt } : {}),
      ...(c.sealNumber !== undefined ? { seal_number: c.sealNumber } : {}),
      ...(c.sentTo !== undefined ? { sent_to: c.sentTo } : {}),
      ...(c.sentAt !== undefined ? { sent_at: c.sentAt } : {}),
      ...(c.receivedBy !== undefined ? { received_by: c.receivedBy } : {}),
      ...(c.receivedAt !== undefined ? { received_at: c.receivedAt } : {}),
      ...(c.results !== undefined ? { results: JSON.stringify(c.results) } : {}),
      ...(c.outcome !== undefined ? { outcome: c.outcome } : {}),
      ...(c.closedBy !== undefined ? { resulted_by: c.closedBy } : {}),
      ...(c.closedAt !== undefined ? { resulted_at: c.closedAt } : {}),
      ...(c.note !== undefined ? { note: c.note } : {}),
    }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertFollowUpTask(
  db: DbOrTrx,
  t: { wbpId: string; facilityId: string; sourceId: string; dueOn: string; at: Date },
): Promise<string> {
  const row = await db
    .insertInto('care_tasks')
    .values({ wbp_id: t.wbpId, facility_id: t.facilityId, kind: 'urine_positive', source_id: t.sourceId, due_on: t.dueOn, created_at: t.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

// --- Selections -----------------------------------------------------------------------------------

function selections(db: DbOrTrx) {
  return db
    .selectFrom('urine_selections as s')
    .innerJoin('users as u', 'u.id', 's.selected_by')
    .selectAll('s')
    .select('u.full_name as selected_by_name');
}
export type SelectionRow = Awaited<ReturnType<ReturnType<typeof selections>['execute']>>[number];

export async function selectionsOn(db: DbOrTrx, facilityId: string, date: string): Promise<SelectionRow[]> {
  return selections(db).where('s.facility_id', '=', facilityId).where('s.date', '=', date).orderBy('s.created_at').orderBy('s.id').execute();
}

/** A selection of one of these units, or undefined. */
export async function findSelection(db: DbOrTrx, id: string, facilityIds: readonly string[]): Promise<SelectionRow | undefined> {
  if (facilityIds.length === 0) return undefined;
  return selections(db).where('s.id', '=', id).where('s.facility_id', 'in', [...facilityIds]).executeTakeFirst();
}

export async function programmeNames(db: DbOrTrx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('programmes').select(['id', 'name']).where('id', 'in', [...ids]).execute();
}

// --- People and staff -----------------------------------------------------------------------------

export { findPerson } from '../../db/people.ts';

/** A person's enrolments, the running ones first. */
export async function enrolmentsOfPerson(db: DbOrTrx, wbpId: string) {
  return db
    .selectFrom('enrolments as e')
    .innerJoin('programmes as p', 'p.id', 'e.programme_id')
    .select(['e.id', 'e.status', 'e.start_date', 'p.name as programme_name'])
    .where('e.wbp_id', '=', wbpId)
    .orderBy((eb) => eb.case().when('e.status', '=', 'active').then(0).else(1).end())
    .orderBy('e.start_date', 'desc')
    .execute();
}

export async function enrolmentOf(db: DbOrTrx, enrolmentId: string, wbpId: string) {
  return db.selectFrom('enrolments').select(['id']).where('id', '=', enrolmentId).where('wbp_id', '=', wbpId).executeTakeFirst();
}

/**
 * Who may observe a collection in a unit: the active staff who work in it (its own, and those of
 * partners with an agreement in force with it on `today`), custody officers included, since they
 * often watch the sample given.
 */
export async function observersOf(db: DbOrTrx, facilityId: string, today: string) {
  return db
    .selectFrom('users as u')
    .select(['u.id', 'u.full_name'])
    .where('u.active', '=', true)
    .where('u.role', 'in', ['head_of_unit', 'clinic_staff', 'assessor', 'counsellor', 'custody_officer'])
    .where((eb) => eb.or([
      eb('u.organization_id', '=', facilityId),
      eb('u.organization_id', 'in', partnersInForceWith(db, facilityId, today)),
    ]))
    .orderBy('u.full_name')
    .execute();
}

// --- Rates ----------------------------------------------------------------------------------------

/**
 * A unit's tests planned in a period, each with its programme (through the enrolment) and whether a
 * retest of it has a result (then the retest's result stands for it).
 */
export async function testsForRates(db: DbOrTrx, facilityId: string, from: string, to: string) {
  return db
    .selectFrom('urine_tests as t')
    .leftJoin('enrolments as e', 'e.id', 't.enrolment_id')
    .leftJoin('programmes as p', 'p.id', 'e.programme_id')
    .select((eb) => [
      't.status', 't.outcome', 'p.id as programme_id', 'p.name as programme_name',
      eb.exists(
        eb.selectFrom('urine_tests as r').select('r.id').whereRef('r.retest_of', '=', 't.id').where('r.status', '=', 'resulted'),
      ).as('superseded'),
    ])
    .where('t.facility_id', '=', facilityId)
    .where('t.planned_on', '>=', from)
    .where('t.planned_on', '<=', to)
    .execute();
}
