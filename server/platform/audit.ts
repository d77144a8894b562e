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

/** Many events by one actor in one statement, for bulk work such as a roster import. */
export async function writeAuditMany(
  db: DbOrTrx,
  who: { actor: Actor | null; username?: string | null; origin: RequestOrigin },
  events: readonly AuditEvent[],
): Promise<void> {
  if (events.length === 0) return;
  await db
    .insertInto('audit_log')
    .values(
      events.map((event) => ({
        actor_user_id: who.actor?.userId ?? null,
        actor_username: who.actor?.username ?? who.username ?? null,
        actor_org_id: who.actor?.organizationId ?? null,
        action: event.action,
        entity_type: event.entityType,
        entity_id: event.entityId ?? null,
        facility_id: event.facilityId ?? null,
        ip: who.origin.ip,
        user_agent: who.origin.userAgent?.slice(0, 300) ?? null,
        details: JSON.stringify(event.details ?? {}),
      })),
    )
    .execute();
}
