import { partnersInForceWith } from './agreements.ts';
import type { DbOrTrx } from './database.ts';

// Who works in a unit, read by more than one module (the routine's staff hours, the timetable).

/**
 * Accounts that work in a unit: its own staff and the staff of partners with an agreement in force
 * with it on `today` (Asia/Jakarta; the database's today when not given).
 */
export async function staffOf(db: DbOrTrx, facilityId: string, today?: string) {
  return db
    .selectFrom('users as u')
    .select(['u.id', 'u.full_name', 'u.role'])
    .where('u.active', '=', true)
    // Probation officers belong to a Bapas, where they run its post-rehabilitation sessions.
    .where('u.role', 'in', ['head_of_unit', 'clinic_staff', 'assessor', 'counsellor', 'probation_officer'])
    .where((eb) => eb.or([
      eb('u.organization_id', '=', facilityId),
      eb('u.organization_id', 'in', partnersInForceWith(db, facilityId, today)),
    ]))
    .orderBy('u.full_name')
    .execute();
}

/** The weekly hours of these staff members. */
export async function availabilityOf(db: DbOrTrx, userIds: readonly string[]) {
  if (userIds.length === 0) return [];
  return db.selectFrom('staff_availability').selectAll().where('user_id', 'in', [...userIds]).orderBy('day_of_week').orderBy('start_time').execute();
}
