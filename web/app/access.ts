import type { SessionUser } from '../../shared/contracts/auth.ts';
import { PARTNER_KINDS } from '../../shared/contracts/common.ts';
import { ORGANIZATION_PERMISSIONS } from '../../shared/domain/agreements.ts';
import { can, type Permission } from '../../shared/domain/permissions.ts';
import { unitsAllowing } from '../../shared/domain/workUnits.ts';

type UnitRef = SessionUser['facilities'][number];

/**
 * Whether the user may use `permission` in a unit, as the server decides it: the role must hold
 * the permission, and the unit must be one where the user may use it (shared/domain/workUnits.ts:
 * partner staff within what the agreements in force cover, Bapas staff in the Bapas or its area).
 * Without a unit: whether the user may use the permission somewhere. For partner staff that is in
 * one of their units, unless the permission is used for their own organisation
 * (ORGANIZATION_PERMISSIONS), so the menu does not offer them what every unit would refuse.
 */
export function mayUse(user: SessionUser, permission: Permission, facilityId?: string): boolean {
  const units = unitsFor(user, permission);
  if (facilityId !== undefined) return units.some((f) => f.id === facilityId);
  if (!can(user.role, permission)) return false;
  const partner = PARTNER_KINDS.includes(user.organization.kind) || user.facilities.some((f) => f.scopes !== null);
  return !partner || ORGANIZATION_PERMISSIONS.includes(permission) || units.length > 0;
}

/** The user's units in which `permission` may be used; none when the role does not hold it. */
export function unitsFor(user: SessionUser, permission: Permission): UnitRef[] {
  if (!can(user.role, permission)) return [];
  return unitsAllowing(user.facilities, permission, user.organization);
}
