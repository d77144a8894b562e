import { sql } from 'kysely';
import { CUSTODIAL_KINDS, type OrgKind, type Role } from '../../../shared/contracts/common.ts';
import { AGREEMENT_SCOPES, type AgreementScope } from '../../../shared/domain/agreements.ts';
import { agreementInForce } from '../../db/agreements.ts';
import type { DbOrTrx } from '../../db/database.ts';
import type { FacilityRef } from '../../platform/actor.ts';

export async function findUserByUsername(db: DbOrTrx, username: string) {
  return db
    .selectFrom('users')
    .innerJoin('organizations as o', 'o.id', 'users.organization_id')
    .select([
      'users.id', 'users.username', 'users.full_name', 'users.password_hash', 'users.role', 'users.active',
      'users.failed_logins', 'users.locked_until', 'users.organization_id', 'users.language',
      'o.kind as organization_kind', 'o.name as organization_name', 'o.code as organization_code',
    ])
    .where('users.username', '=', username)
    .executeTakeFirst();
}

export async function recordFailedLogin(db: DbOrTrx, userId: string, lockAfter: number, lockUntil: Date): Promise<void> {
  await db
    .updateTable('users')
    .set({
      failed_logins: sql<number>`failed_logins + 1`,
      locked_until: sql<Date | null>`CASE WHEN failed_logins + 1 >= ${lockAfter} THEN ${lockUntil}::timestamptz ELSE locked_until END`,
    })
    .where('id', '=', userId)
    .execute();
}

export async function resetFailedLogins(db: DbOrTrx, userId: string): Promise<void> {
  await db.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', userId).execute();
}

export async function insertSession(
  db: DbOrTrx,
  s: { id: string; userId: string; csrfToken: string; at: Date; expiresAt: Date; ip: string | null; userAgent: string | null },
): Promise<void> {
  // Times come from the app's clock, the same one that later judges idle and absolute expiry.
  await db
    .insertInto('sessions')
    .values({
      id: s.id, user_id: s.userId, csrf_token: s.csrfToken, created_at: s.at, last_seen_at: s.at,
      expires_at: s.expiresAt, ip: s.ip, user_agent: s.userAgent,
    })
    .execute();
}

export async function findSession(db: DbOrTrx, id: string) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoin('organizations as o', 'o.id', 'u.organization_id')
    .select([
      's.id', 's.csrf_token', 's.created_at', 's.last_seen_at', 's.expires_at', 's.revoked_at',
      'u.id as user_id', 'u.username', 'u.full_name', 'u.role', 'u.active', 'u.language',
      'u.organization_id', 'o.kind as organization_kind', 'o.name as organization_name', 'o.code as organization_code',
    ])
    .where('s.id', '=', id)
    .executeTakeFirst();
}

export async function touchSession(db: DbOrTrx, id: string, at: Date): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
}

export async function revokeSession(db: DbOrTrx, id: string, at: Date): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

export async function revokeOtherSessions(db: DbOrTrx, userId: string, keepId: string, at: Date): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: at })
    .where('user_id', '=', userId)
    .where('id', '<>', keepId)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function updateLanguage(db: DbOrTrx, userId: string, language: 'id' | 'en'): Promise<void> {
  await db.updateTable('users').set({ language, updated_at: new Date() }).where('id', '=', userId).execute();
}

export async function findPasswordHash(db: DbOrTrx, userId: string): Promise<string | undefined> {
  const row = await db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirst();
  return row?.password_hash;
}

export async function updatePassword(db: DbOrTrx, userId: string, hash: string, at: Date): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: hash, password_changed_at: at, updated_at: at })
    .where('id', '=', userId)
    .execute();
}

/**
 * The units holding people that an account may work in: its own unit; for Bapas staff, the Bapas
 * (for its post-rehabilitation programmes only, see shared/domain/workUnits.ts) and the units of its
 * area; for partner staff, the units with which their organisation has an agreement in force on
 * `today`, with the scopes those agreements cover. Managers work with none individually.
 * Runs on every request: one query at most (none for a unit's own staff).
 */
export async function facilitiesForWork(
  db: DbOrTrx, role: Role, org: { id: string; kind: OrgKind; name: string; code: string }, today: string,
): Promise<FacilityRef[]> {
  if (role === 'national_admin' || role === 'regional_manager') return [];
  const own: FacilityRef = { id: org.id, name: org.name, code: org.code, scopes: null };
  if (CUSTODIAL_KINDS.includes(org.kind)) return [own];
  if (org.kind === 'bapas') {
    const area = await db
      .selectFrom('organization_access as a')
      .innerJoin('organizations as o', 'o.id', 'a.facility_id')
      .select(['o.id', 'o.name', 'o.code'])
      .where('a.grantee_id', '=', org.id)
      .where('o.kind', 'in', [...CUSTODIAL_KINDS])
      .orderBy('o.name')
      .execute();
    // The Bapas itself comes first: it runs its own post-rehabilitation programmes (docs/adr/0018).
    return [own, ...area.map((f) => ({ ...f, scopes: null }))];
  }
  const rows = await db
    .selectFrom('agreement_parties as mine')
    .innerJoin('agreements as ag', 'ag.id', 'mine.agreement_id')
    .innerJoin('agreement_parties as unit', 'unit.agreement_id', 'ag.id')
    .innerJoin('organizations as o', 'o.id', 'unit.organization_id')
    .select(['o.id', 'o.name', 'o.code', 'ag.scopes'])
    .where('mine.organization_id', '=', org.id)
    .where('o.kind', 'in', [...CUSTODIAL_KINDS])
    .where(agreementInForce(today))
    .orderBy('o.name')
    .execute();
  const byUnit = new Map<string, { id: string; name: string; code: string; covered: Set<AgreementScope> }>();
  for (const r of rows) {
    const unit = byUnit.get(r.id) ?? { id: r.id, name: r.name, code: r.code, covered: new Set<AgreementScope>() };
    for (const scope of r.scopes) unit.covered.add(scope);
    byUnit.set(r.id, unit);
  }
  return [...byUnit.values()].map(({ covered, ...unit }) => ({ ...unit, scopes: AGREEMENT_SCOPES.filter((s) => covered.has(s)) }));
}

/** Units whose aggregates an account may see: the nation, its region, or its own units. */
export async function facilitiesForStats(db: DbOrTrx, role: Role, orgId: string, workIds: readonly string[]): Promise<string[]> {
  if (role === 'national_admin') {
    const rows = await db.selectFrom('organizations').select('id').where('kind', 'in', [...CUSTODIAL_KINDS]).execute();
    return rows.map((r) => r.id);
  }
  if (role === 'regional_manager') {
    const rows = await db
      .selectFrom('organizations')
      .select('id')
      .where('parent_id', '=', orgId)
      .where('kind', 'in', [...CUSTODIAL_KINDS])
      .execute();
    return rows.map((r) => r.id);
  }
  return [...workIds];
}
