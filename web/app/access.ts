import type { SessionUser } from '../../shared/contracts/auth.ts';
import { PARTNER_KINDS } from '../../shared/contracts/common.ts';
import { PERMISSION_SCOPES, scopesAllow } from '../../shared/domain/agreements.ts';
import { can, type Permission } from '../../shared/domain/permissions.ts';
import { bapasUnitsFor } from '../../shared/domain/postRehab.ts';

type UnitRef = SessionUser['facilities'][number];

/**
 * Whether the user may use `permission` in a unit, as the server decides it: the role must hold
 * the permission, and partner staff act in a unit only within what its agreements in force cover
 * (`scopes`). A unit the user does not work in allows nothing. Without a unit: whether the user may
 * use the permission somewhere — for partner staff and a permission exercised in units, in at least
 * one of theirs.
 */
export function mayUse(user: SessionUser, permission: Permission, facilityId?: string): boolean {
  if (!can(user.role, permission)) return false;
  if (facilityId !== undefined) {
    const unit = workUnits(user, permission).find((f) => f.id === facilityId);
    return unit !== undefined && unitAllows(unit, permission);
  }
  const partner = PARTNER_KINDS.includes(user.organization.kind) || user.facilities.some((f) => f.scopes !== null);
  if (!partner || PERMISSION_SCOPES[permission] === undefined) return true;
  return user.facilities.some((f) => unitAllows(f, permission));
}

/** The user's units in which `permission` may be used; none when the role does not hold it. */
export function unitsFor(user: SessionUser, permission: Permission): UnitRef[] {
  if (!can(user.role, permission)) return [];
  return workUnits(user, permission).filter((f) => unitAllows(f, permission));
}

/** Bapas staff run their Bapas's programmes there, and work with people in their area (docs/adr/0018). */
function workUnits(user: SessionUser, permission: Permission): UnitRef[] {
  if (user.organization.kind !== 'bapas') return user.facilities;
  const ids = bapasUnitsFor(permission, user.facilities.map((f) => f.id), user.organization.id);
  return user.facilities.filter((f) => ids.includes(f.id));
}

function unitAllows(unit: UnitRef, permission: Permission): boolean {
  return unit.scopes === null || scopesAllow(unit.scopes, permission);
}
