import type { Language, OrgKind, Role } from '../../shared/contracts/common.ts';
import { scopesAllow, type AgreementScope } from '../../shared/domain/agreements.ts';
import { can, type Permission } from '../../shared/domain/permissions.ts';
import { bapasUnitsFor } from '../../shared/domain/postRehab.ts';
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
  /**
   * Units holding people that this account may work in (people-level access). For partner staff,
   * narrowed on each request to the units whose agreements cover the route's permission.
   */
  facilityIds: readonly string[];
  /** Partner staff: per unit, the scopes of the agreements in force with it. Null for everyone else. */
  partnerScopes: Readonly<Record<string, readonly AgreementScope[]>> | null;
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

/**
 * The actor as a route with `permission` sees it: partner staff keep only the units whose agreements
 * in force cover that permission (shared/domain/agreements.ts PERMISSION_SCOPES); Bapas staff keep
 * their Bapas or the units of their area (shared/domain/postRehab.ts); nobody else changes.
 */
export function actingUnder(actor: Actor, permission: Permission): Actor {
  // Bapas staff run their Bapas's post-rehabilitation programmes there, and work with people in the units of their area.
  if (actor.organizationKind === 'bapas') return { ...actor, facilityIds: bapasUnitsFor(permission, actor.facilityIds, actor.organizationId) };
  const scopes = actor.partnerScopes;
  if (scopes === null) return actor;
  return { ...actor, facilityIds: actor.facilityIds.filter((id) => scopesAllow(scopes[id] ?? [], permission)) };
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
