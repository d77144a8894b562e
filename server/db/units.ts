import type { DbOrTrx } from './database.ts';

/**
 * A unit with its parent office (the Kanwil): what heads the documents a unit issues (the
 * completion certificate, the PTRM hand-over letter) and where they are signed.
 */
export async function unitLetterhead(db: DbOrTrx, unitId: string) {
  return db
    .selectFrom('organizations as o')
    .leftJoin('organizations as parent', 'parent.id', 'o.parent_id')
    .select(['o.id', 'o.code', 'o.name', 'o.city', 'parent.name as parent_name'])
    .where('o.id', '=', unitId)
    .executeTakeFirst();
}

/** The name of the unit's head (an active account with that role in the organisation), if there is one. */
export async function headOfUnit(db: DbOrTrx, unitId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('users')
    .select('full_name')
    .where('organization_id', '=', unitId)
    .where('role', '=', 'head_of_unit')
    .where('active', '=', true)
    .orderBy('created_at')
    .orderBy('id')
    .executeTakeFirst();
  return row?.full_name;
}
