import type { DbOrTrx } from './database.ts';

// A unit's weekly routine, read by more than one module (the routine itself, the timetable).

/** The unit's weekly blocks, by day and start. */
export async function routineBlocks(db: DbOrTrx, facilityId: string) {
  return db.selectFrom('routine_blocks').selectAll().where('facility_id', '=', facilityId).orderBy('day_of_week').orderBy('start_time').execute();
}
