import { sql } from 'kysely';
import type { z } from 'zod';
import type { routineBlockBody, routineExceptionBody } from '../../../shared/contracts/routine.ts';
import type { DbOrTrx } from '../../db/database.ts';

type RoutineBlockBody = z.infer<typeof routineBlockBody>;
type RoutineExceptionBody = z.infer<typeof routineExceptionBody>;

export { routineBlocks } from '../../db/routine.ts';
export { hhmm } from '../../db/time.ts';

export async function exceptions(db: DbOrTrx, facilityId: string) {
  return db.selectFrom('routine_exceptions').selectAll().where('facility_id', '=', facilityId).orderBy('date').orderBy('start_time').execute();
}
export async function rooms(db: DbOrTrx, facilityId: string) {
  return db.selectFrom('rooms').selectAll().where('facility_id', '=', facilityId).orderBy('name').execute();
}

export async function insertBlock(db: DbOrTrx, facilityId: string, b: RoutineBlockBody) {
  return db
    .insertInto('routine_blocks')
    .values({ facility_id: facilityId, kind: b.kind, label: b.label, day_of_week: b.dayOfWeek, start_time: b.start, end_time: b.end })
    .returningAll()
    .executeTakeFirstOrThrow();
}
export async function insertException(db: DbOrTrx, facilityId: string, e: RoutineExceptionBody) {
  return db
    .insertInto('routine_exceptions')
    .values({ facility_id: facilityId, kind: e.kind, label: e.label, date: e.date, start_time: e.start, end_time: e.end })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findBlock(db: DbOrTrx, id: string) {
  return db.selectFrom('routine_blocks').selectAll().where('id', '=', id).executeTakeFirst();
}
export async function findException(db: DbOrTrx, id: string) {
  return db.selectFrom('routine_exceptions').selectAll().where('id', '=', id).executeTakeFirst();
}
export async function deleteBlock(db: DbOrTrx, id: string): Promise<void> {
  await db.deleteFrom('routine_blocks').where('id', '=', id).execute();
}
export async function deleteException(db: DbOrTrx, id: string): Promise<void> {
  await db.deleteFrom('routine_exceptions').where('id', '=', id).execute();
}

export async function roomNameTaken(db: DbOrTrx, facilityId: string, name: string, exceptId?: string): Promise<boolean> {
  let q = db.selectFrom('rooms').select('id').where('facility_id', '=', facilityId).where('name', '=', name);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}
export async function insertRoom(db: DbOrTrx, facilityId: string, r: { name: string; capacity: number; active: boolean }) {
  return db.insertInto('rooms').values({ facility_id: facilityId, ...r }).returningAll().executeTakeFirstOrThrow();
}
export async function findRoom(db: DbOrTrx, id: string) {
  return db.selectFrom('rooms').selectAll().where('id', '=', id).executeTakeFirst();
}
export async function updateRoom(db: DbOrTrx, id: string, r: { name: string; capacity: number; active: boolean }) {
  return db.updateTable('rooms').set(r).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export { findPerson } from '../../db/people.ts';

export async function courtDates(db: DbOrTrx, wbpId: string) {
  return db.selectFrom('court_dates').selectAll().where('wbp_id', '=', wbpId).orderBy('date').orderBy('start_time').execute();
}
export async function insertCourtDate(db: DbOrTrx, wbpId: string, c: { date: string; start: string | null; end: string | null; note: string | null }, by: string) {
  return db
    .insertInto('court_dates')
    .values({ wbp_id: wbpId, date: c.date, start_time: c.start, end_time: c.end, note: c.note, created_by: by })
    .returningAll()
    .executeTakeFirstOrThrow();
}
export async function findCourtDate(db: DbOrTrx, id: string) {
  return db.selectFrom('court_dates').selectAll().where('id', '=', id).executeTakeFirst();
}
export async function deleteCourtDate(db: DbOrTrx, id: string): Promise<void> {
  await db.deleteFrom('court_dates').where('id', '=', id).execute();
}

export async function nonAssociationsOf(db: DbOrTrx, wbpId: string) {
  return db
    .selectFrom('non_associations as n')
    .innerJoin('wbp as o', (join) => join.on(sql<boolean>`o.id = CASE WHEN n.wbp_a = ${wbpId} THEN n.wbp_b ELSE n.wbp_a END`))
    .select(['n.id', 'o.id as other_id', 'o.full_name as other_name', 'o.sdp_number as other_sdp', 'n.reason', 'n.created_at'])
    .where((eb) => eb.or([eb('n.wbp_a', '=', wbpId), eb('n.wbp_b', '=', wbpId)]))
    .orderBy('n.created_at', 'desc')
    .execute();
}
export async function pairExists(db: DbOrTrx, a: string, b: string): Promise<boolean> {
  const [x, y] = a < b ? [a, b] : [b, a];
  return (await db.selectFrom('non_associations').select('id').where('wbp_a', '=', x).where('wbp_b', '=', y).executeTakeFirst()) !== undefined;
}
export async function insertNonAssociation(db: DbOrTrx, a: string, b: string, reason: string, by: string): Promise<string> {
  const [x, y] = a < b ? [a, b] : [b, a];
  return (await db.insertInto('non_associations').values({ wbp_a: x, wbp_b: y, reason, created_by: by }).returning('id').executeTakeFirstOrThrow()).id;
}
export async function findNonAssociation(db: DbOrTrx, id: string) {
  return db.selectFrom('non_associations').selectAll().where('id', '=', id).executeTakeFirst();
}
export async function deleteNonAssociation(db: DbOrTrx, id: string): Promise<void> {
  await db.deleteFrom('non_associations').where('id', '=', id).execute();
}

export { availabilityOf, staffOf } from '../../db/staff.ts';

export async function replaceAvailability(db: DbOrTrx, userId: string, windows: readonly { dayOfWeek: number; start: string; end: string }[]): Promise<void> {
  await db.deleteFrom('staff_availability').where('user_id', '=', userId).execute();
  if (windows.length === 0) return;
  await db.insertInto('staff_availability').values(windows.map((w) => ({ user_id: userId, day_of_week: w.dayOfWeek, start_time: w.start, end_time: w.end }))).execute();
}
