import { sql } from 'kysely';
import type { ProgrammeBody } from '../../../shared/contracts/programmes.ts';
import type { DbOrTrx } from '../../db/database.ts';

export async function listProgrammes(db: DbOrTrx, facilityId: string) {
  return db.selectFrom('programmes').selectAll().where('facility_id', '=', facilityId).orderBy('kind').orderBy('name').execute();
}

export async function findProgramme(db: DbOrTrx, id: string, facilityIds: readonly string[]) {
  if (facilityIds.length === 0) return undefined;
  return db.selectFrom('programmes').selectAll().where('id', '=', id).where('facility_id', 'in', [...facilityIds]).executeTakeFirst();
}

export async function sessionTypesOf(db: DbOrTrx, programmeIds: readonly string[]) {
  if (programmeIds.length === 0) return [];
  return db.selectFrom('programme_session_types').selectAll().where('programme_id', 'in', [...programmeIds]).orderBy('position').execute();
}

export async function nameTaken(db: DbOrTrx, facilityId: string, name: string, exceptId?: string): Promise<boolean> {
  let q = db.selectFrom('programmes').select('id').where('facility_id', '=', facilityId).where(sql`lower(name)`, '=', name.toLowerCase());
  if (exceptId) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function insertProgramme(db: DbOrTrx, facilityId: string, p: ProgrammeBody, at: Date): Promise<string> {
  const row = await db
    .insertInto('programmes')
    .values({
      facility_id: facilityId, kind: p.kind, name: p.name, description: p.description, duration_weeks: p.durationWeeks,
      phases: JSON.stringify(p.phases), capacity: p.capacity, active: p.active, created_at: at, updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateProgrammeAtVersion(db: DbOrTrx, id: string, version: number, p: ProgrammeBody, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('programmes')
    .set({
      kind: p.kind, name: p.name, description: p.description, duration_weeks: p.durationWeeks, phases: JSON.stringify(p.phases),
      capacity: p.capacity, active: p.active, updated_at: at, version: sql<number>`version + 1`,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Writes a programme's session types, matched on their code so that each keeps its identity
 * (sessions and attendance will refer to it); types no longer listed are removed.
 */
export async function replaceSessionTypes(db: DbOrTrx, programmeId: string, types: ProgrammeBody['sessionTypes']): Promise<void> {
  const codes = types.map((t) => t.code);
  let removal = db.deleteFrom('programme_session_types').where('programme_id', '=', programmeId);
  if (codes.length > 0) removal = removal.where('code', 'not in', codes);
  await removal.execute();
  if (types.length === 0) return;
  await db
    .insertInto('programme_session_types')
    .values(types.map((t, position) => ({
      programme_id: programmeId, position, code: t.code, name: t.name, mode: t.mode, per_week: t.perWeek, every_weeks: t.everyWeeks,
      duration_minutes: t.durationMinutes, min_group: t.minGroup, max_group: t.maxGroup,
    })))
    .onConflict((oc) => oc.columns(['programme_id', 'code']).doUpdateSet((eb) => ({
      position: eb.ref('excluded.position'), name: eb.ref('excluded.name'), mode: eb.ref('excluded.mode'),
      per_week: eb.ref('excluded.per_week'), every_weeks: eb.ref('excluded.every_weeks'),
      duration_minutes: eb.ref('excluded.duration_minutes'), min_group: eb.ref('excluded.min_group'), max_group: eb.ref('excluded.max_group'),
    })))
    .execute();
}
