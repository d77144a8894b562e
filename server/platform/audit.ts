import { sql } from 'kysely';
import type { DbOrTrx } from '../db/database.ts';
import type { Actor, RequestOrigin } from './actor.ts';

export type AuditAction =
  | 'read' | 'create' | 'update' | 'transfer' | 'import' | 'import_check'
  | 'login' | 'login_failed' | 'logout' | 'password_change' | 'search' | 'sign' | 'delete';

export interface AuditEvent {
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  facilityId?: string | null;
  details?: Record<string, unknown>;
}

/**
 * Appends one row to the audit log. Call it with the transaction that does the work, so the
 * record of an action exists exactly when the action does.
 */
export async function writeAudit(
  db: DbOrTrx,
  who: { actor: Actor | null; username?: string | null; origin: RequestOrigin },
  event: AuditEvent,
): Promise<void> {
  await writeAuditMany(db, who, [event]);
}

/**
 * Many events by one actor in one statement, for bulk work such as a roster import. The events travel
 * as one array per column through unnest: a thousand events are five parameters, not ten thousand.
 */
export async function writeAuditMany(
  db: DbOrTrx,
  who: { actor: Actor | null; username?: string | null; origin: RequestOrigin },
  events: readonly AuditEvent[],
): Promise<void> {
  if (events.length === 0) return;
  await sql`
    INSERT INTO audit_log (actor_user_id, actor_username, actor_org_id, action, entity_type, entity_id, facility_id, ip, user_agent, details)
    SELECT ${who.actor?.userId ?? null}::uuid, ${who.actor?.username ?? who.username ?? null}::text, ${who.actor?.organizationId ?? null}::uuid,
      e.action, e.entity_type, e.entity_id, e.facility_id, ${who.origin.ip}::text, ${who.origin.userAgent?.slice(0, 300) ?? null}::text, e.details::jsonb
    FROM unnest(
      ${events.map((e) => e.action)}::text[], ${events.map((e) => e.entityType)}::text[], ${events.map((e) => e.entityId ?? null)}::text[],
      ${events.map((e) => e.facilityId ?? null)}::uuid[], ${events.map((e) => JSON.stringify(e.details ?? {}))}::text[]
    ) AS e (action, entity_type, entity_id, facility_id, details)`.execute(db);
}
