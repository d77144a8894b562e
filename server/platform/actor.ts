import type { Language, OrgKind, Role } from '../../shared/contracts/common.ts';
import { can, type Permission } from '../../shared/domain/permissions.ts';
import { AppError } from './errors.ts';

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
