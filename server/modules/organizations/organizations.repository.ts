import type { DbOrTrx } from '../../db/database.ts';
import type { Insertable } from 'kysely';
import type { OrganizationsTable } from '../../db/schema.ts';

export async function listOrganizations(db: DbOrTrx) {
  return db.selectFrom('organizations').selectAll().orderBy('kind').orderBy('name').execute();
}

export async function codeExists(db: DbOrTrx, code: string): Promise<boolean> {
  return (await db.selectFrom('organizations').select('id').where('code', '=', code).executeTakeFirst()) !== undefined;
}

export async function findOrganization(db: DbOrTrx, id: string) {
  return db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertOrganization(db: DbOrTrx, row: Insertable<OrganizationsTable>) {
  return db.insertInto('organizations').values(row).returningAll().executeTakeFirstOrThrow();
}
