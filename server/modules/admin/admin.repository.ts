import { sql } from 'kysely';
import type { AuditQuery } from '../../../shared/contracts/admin.ts';
import type { Role } from '../../../shared/contracts/common.ts';
import type { DbOrTrx } from '../../db/database.ts';

export async function listUsers(db: DbOrTrx) {
  return db
    .selectFrom('users as u')
    .innerJoin('organizations as o', 'o.id', 'u.organization_id')
    .select(['u.id', 'u.username', 'u.full_name', 'u.role', 'u.organization_id', 'o.name as organization_name', 'u.active', 'u.language'])
    .orderBy('o.name')
    .orderBy('u.username')
    .execute();
}

export async function findUser(db: DbOrTrx, id: string) {
  return db
    .selectFrom('users as u')
    .innerJoin('organizations as o', 'o.id', 'u.organization_id')
    .select(['u.id', 'u.username', 'u.full_name', 'u.role', 'u.organization_id', 'o.name as organization_name', 'u.active', 'u.language'])
    .where('u.id', '=', id)
    .executeTakeFirst();
}

export async function usernameExists(db: DbOrTrx, username: string): Promise<boolean> {
  return (await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst()) !== undefined;
}

export async function organizationExists(db: DbOrTrx, id: string): Promise<boolean> {
  return (await db.selectFrom('organizations').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function insertUser(
  db: DbOrTrx,
  u: { username: string; fullName: string; role: Role; organizationId: string; passwordHash: string; language: 'id' | 'en' },
): Promise<string> {
  const row = await db
    .insertInto('users')
    .values({
      username: u.username, full_name: u.fullName, role: u.role, organization_id: u.organizationId,
      password_hash: u.passwordHash, language: u.language,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateUser(db: DbOrTrx, id: string, changes: { full_name?: string; active?: boolean; role?: Role }): Promise<void> {
  await db.updateTable('users').set({ ...changes, updated_at: new Date() }).where('id', '=', id).execute();
}

/** A deactivated account loses its open sessions at once. */
export async function revokeSessionsOf(db: DbOrTrx, userId: string, at: Date): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: at }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
}

export async function searchAudit(db: DbOrTrx, q: AuditQuery) {
  let base = db.selectFrom('audit_log as a').leftJoin('organizations as f', 'f.id', 'a.facility_id');
  if (q.actor) base = base.where('a.actor_username', '=', q.actor.toLowerCase());
  if (q.action) base = base.where('a.action', '=', q.action);
  if (q.entityType) base = base.where('a.entity_type', '=', q.entityType);
  if (q.entityId) base = base.where('a.entity_id', '=', q.entityId);
  // Dates are Jakarta calendar days.
  if (q.from) base = base.where('a.at', '>=', sql<Date>`(${q.from}::date)::timestamp AT TIME ZONE 'Asia/Jakarta'`);
  if (q.to) base = base.where('a.at', '<', sql<Date>`((${q.to}::date) + 1)::timestamp AT TIME ZONE 'Asia/Jakarta'`);
  const [items, count] = await Promise.all([
    base
      .select(['a.id', 'a.at', 'a.actor_username', 'a.action', 'a.entity_type', 'a.entity_id', 'f.name as facility_name', 'a.ip', 'a.details'])
      .orderBy('a.at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.total) };
}

export async function findOrganizationByKind(db: DbOrTrx, kind: 'ditjenpas') {
  return db.selectFrom('organizations').select(['id', 'name']).where('kind', '=', kind).orderBy('created_at').executeTakeFirst();
}

export async function insertNationalOrganization(db: DbOrTrx, name: string, ministry: string): Promise<string> {
  const row = await db
    .insertInto('organizations')
    .values({ kind: 'ditjenpas', code: 'DITJENPAS', name, ministry, city: 'Jakarta' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
