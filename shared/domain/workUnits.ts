import type { OrgKind } from '../contracts/common.ts';
import { type AgreementScope, scopesAllow } from './agreements.ts';
import type { Permission } from './permissions.ts';
import { bapasUnitsFor } from './postRehab.ts';

/** A unit an account works in; for partner staff, what the agreements in force with it cover (null for everyone else). */
export interface WorkUnit {
  id: string;
  scopes: readonly AgreementScope[] | null;
}

/**
 * The account's units in which `permission` may be used, the one rule the server (actingUnder) and
 * the web app (web/app/access.ts) both apply: Bapas staff run their Bapas's programmes there and work
 * with people in their area (shared/domain/postRehab.ts, docs/adr/0018); partner staff act in a unit
 * only within what its agreements cover (PERMISSION_SCOPES, docs/adr/0017); everyone else keeps all.
 * Whether the role holds the permission at all is asked separately (shared/domain/permissions.ts can).
 */
export function unitsAllowing<U extends WorkUnit>(units: readonly U[], permission: Permission, organization: { id: string; kind: OrgKind }): U[] {
  const bapasUnits = organization.kind === 'bapas' ? bapasUnitsFor(permission, units.map((u) => u.id), organization.id) : null;
  return units.filter((u) => (bapasUnits === null || bapasUnits.includes(u.id)) && (u.scopes === null || scopesAllow(u.scopes, permission)));
}
