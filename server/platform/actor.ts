import type { Language, OrgKind, Role } from '../../shared/contracts/common.ts';
import { can, type Permission } from '../../shared/domain/permissions.ts';
import { AppError, notFound, validation } from './errors.ts';

/** Who is asking: resolved once per request from the session, then passed to services. */
export interface Actor {
  userId: string;
  username: string;
  fullName: string;
  role: Role;
  organizationId: string;
  organizationKind: OrgKind;
  organizationName: string;
  language: Language;
  /** Units holding people that this account may work in (people-level access). */
  facilityIds: readonly string[];
  /** Units this account may see in aggregate (managers: their region or the nation). */
  statsFacilityIds: readonly string[];
  sessionId: string;
  csrfToken: string;
}

/** Where a request came from, for the audit log. */
export interface RequestOrigin {
  ip: string | null;
  userAgent: string | null;
}

export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) throw new AppError('FORBIDDEN', 'error.forbidden');
}

export function mayWorkIn(actor: Actor, facilityId: string): boolean {
  return actor.facilityIds.includes(facilityId);
}

/** A unit the actor does not work in is "not found", like a person outside scope: probing reveals nothing. */
export function requireFacility(actor: Actor, facilityId: string): void {
  if (!mayWorkIn(actor, facilityId)) throw notFound('facility');
}

/** The units a list covers: the one asked for, which the actor must work in, else all of the actor's. */
export function listScope(actor: Actor, facilityId: string | undefined): readonly string[] {
  if (!facilityId) return actor.facilityIds;
  if (!mayWorkIn(actor, facilityId)) throw validation([{ field: 'facilityId', message: 'validation.facilityNotAllowed' }]);
  return [facilityId];
}
