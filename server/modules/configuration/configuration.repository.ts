import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';
import type { Insertable } from 'kysely';
import type { StaffQualificationsTable } from '../../db/schema.ts';

export async function readSetting(db: DbOrTrx, key: string): Promise<unknown> {
  return (await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())?.value;
}

export async function writeSetting(db: DbOrTrx, key: string, value: unknown, userId: string, at: Date): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key, value: JSON.stringify(value), updated_by: userId, updated_at: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_by: userId, updated_at: at }))
    .execute();
}

const ruleColumns = ['r.id', 'r.region_id', 'o.name as region_name', 'r.version', 'r.rule', 'u.full_name as created_by', 'r.created_at'] as const;

/** The newest rule of each region and the national default, newest version first. */
export async function listRules(db: DbOrTrx) {
  return db
    .selectFrom('classification_rules as r')
    .leftJoin('organizations as o', 'o.id', 'r.region_id')
    .leftJoin('users as u', 'u.id', 'r.created_by')
    .select(ruleColumns)
    .orderBy(sql`r.region_id IS NOT NULL`)
    .orderBy('o.name')
    .orderBy('r.version', 'desc')
    .execute();
}

/** The rule in force for a region: its own newest version, else the national default's. */
export async function ruleInForce(db: DbOrTrx, regionId: string | null) {
  return db
    .selectFrom('classification_rules as r')
    .leftJoin('organizations as o', 'o.id', 'r.region_id')
    .leftJoin('users as u', 'u.id', 'r.created_by')
    .select(ruleColumns)
    .where((eb) => (regionId ? eb.or([eb('r.region_id', '=', regionId), eb('r.region_id', 'is', null)]) : eb('r.region_id', 'is', null)))
    .orderBy(sql`r.region_id IS NULL`)
    .orderBy('r.version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function nextRuleVersion(db: DbOrTrx, regionId: string | null): Promise<number> {
  const row = await db
    .selectFrom('classification_rules')
    .select((eb) => eb.fn.max('version').as('v'))
    .where((eb) => (regionId ? eb('region_id', '=', regionId) : eb('region_id', 'is', null)))
    .executeTakeFirst();
  return Number(row?.v ?? 0) + 1;
}

export async function insertRule(db: DbOrTrx, regionId: string | null, version: number, rule: unknown, userId: string): Promise<string> {
  const row = await db
    .insertInto('classification_rules')
    .values({ region_id: regionId, version, rule: JSON.stringify(rule), created_by: userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findOrganizationKind(db: DbOrTrx, id: string) {
  return db.selectFrom('organizations').select(['id', 'kind', 'parent_id']).where('id', '=', id).executeTakeFirst();
}

export async function listQualifications(db: DbOrTrx, userId: string) {
  return db.selectFrom('staff_qualifications').selectAll().where('user_id', '=', userId).orderBy('issued_on', 'desc').execute();
}

export async function insertQualification(
  db: DbOrTrx, q: Insertable<StaffQualificationsTable>,
) {
  return db.insertInto('staff_qualifications').values(q).returningAll().executeTakeFirstOrThrow();
}

export async function userExists(db: DbOrTrx, id: string): Promise<boolean> {
  return (await db.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}
