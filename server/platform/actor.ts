import type { Language, OrgKind, Role } from '../../shared/contracts/common.ts';
import type { AgreementScope } from '../../shared/domain/agreements.ts';
import { can, type Permission } from '../../shared/domain/permissions.ts';
import { unitsAllowing } from '../../shared/domain/workUnits.ts';
import { notFound, validation } from './errors.ts';

/** A unit an account works in, as the session lists it (shared/domain/workUnits.ts WorkUnit). */
export interface FacilityRef {
  id: string;
  name: string;
  code: string;
  /** For partner staff, what the agreements in force with the unit cover; null for everyone else. */
  scopes: AgreementScope[] | null;
}

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
  /** Every unit this account works in, read once per request; what the session lists. */
  units: readonly FacilityRef[];
  /**
   * Units holding people that this account may work in (people-level access): `units`, narrowed by
   * actingUnder to those where the route's permission may be used (partner scopes, the Bapas rule).
   */
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

/**
 * Whether the actor may also use a second `permission` in a unit, beyond the route's own: the role
 * holds it and the unit is one where it may be used (partner scopes, the Bapas rule).
 */
export function mayActIn(actor: Actor, permission: Permission, facilityId: string): boolean {
  return can(actor.role, permission) && mayWorkIn(actingUnder(actor, permission), facilityId);
}

/**
 * The actor as a route with `permission` sees it: its units narrowed to those where the permission
 * may be used (shared/domain/workUnits.ts unitsAllowing: partner scopes, the Bapas's own unit or its
 * area). Narrowing again for a second permission keeps only the units that allow both.
 */
export function actingUnder(actor: Actor, permission: Permission): Actor {
  const allowed = new Set(unitsAllowing(actor.units, permission, { id: actor.organizationId, kind: actor.organizationKind }).map((u) => u.id));
  return { ...actor, facilityIds: actor.facilityIds.filter((id) => allowed.has(id)) };
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
