import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { passwordProblems, type SessionResponse } from '../../../shared/contracts/auth.ts';
import type { Language } from '../../../shared/contracts/common.ts';
import { PERMISSIONS, can, type Permission } from '../../../shared/domain/permissions.ts';
import { jakartaDate } from '../../../shared/domain/dates.ts';
import type { Db } from '../../db/database.ts';
import type { Actor, RequestOrigin } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { AppError, validation } from '../../platform/errors.ts';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../../platform/passwords.ts';
import * as repo from './auth.repository.ts';

export interface AuthSettings {
  idleMs: number;
  absoluteMs: number;
  lockAfterFailures: number;
  lockMs: number;
}

export const DEFAULT_AUTH_SETTINGS: AuthSettings = {
  idleMs: 30 * 60_000,
  absoluteMs: 12 * 3_600_000,
  lockAfterFailures: 10,
  lockMs: 15 * 60_000,
};

/** Sessions are looked up by the hash of the cookie's token, so a leaked table grants nothing. */
function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

const TOUCH_EVERY_MS = 60_000;

export function createAuthService(deps: { db: Db; now: () => Date; settings: AuthSettings }) {
  const { db, now, settings } = deps;

  async function login(username: string, password: string, origin: RequestOrigin): Promise<{ token: string; actor: Actor }> {
    const user = await repo.findUserByUsername(db, username);
    if (!user) {
      await verifyPassword(await dummyPasswordHash(), password);
      await writeAudit(db, { actor: null, username, origin }, { action: 'login_failed', entityType: 'user', details: { reason: 'unknown_user' } });
      throw new AppError('UNAUTHENTICATED', 'error.badCredentials');
    }
    const at = now();
    if (user.locked_until && user.locked_until > at) {
      const minutes = Math.ceil((user.locked_until.getTime() - at.getTime()) / 60_000);
      throw new AppError('UNAUTHENTICATED', 'error.accountLocked', { params: { minutes } });
    }
    const ok = await verifyPassword(user.password_hash, password);
    if (!ok) {
      await db.transaction().execute(async (trx) => {
        await repo.recordFailedLogin(trx, user.id, settings.lockAfterFailures, new Date(at.getTime() + settings.lockMs));
        await writeAudit(trx, { actor: null, username, origin }, {
          action: 'login_failed', entityType: 'user', entityId: user.id, details: { reason: 'wrong_password' },
        });
      });
      throw new AppError('UNAUTHENTICATED', 'error.badCredentials');
    }
    if (!user.active) throw new AppError('UNAUTHENTICATED', 'error.accountInactive');

    const token = randomBytes(32).toString('base64url');
    const sessionId = sessionIdOf(token);
    const csrfToken = randomBytes(24).toString('base64url');
    await db.transaction().execute(async (trx) => {
      await repo.resetFailedLogins(trx, user.id);
      await repo.insertSession(trx, {
        id: sessionId,
        userId: user.id,
        csrfToken,
        at,
        expiresAt: new Date(at.getTime() + settings.absoluteMs),
        ip: origin.ip,
        userAgent: origin.userAgent?.slice(0, 300) ?? null,
      });
      await writeAudit(trx, { actor: null, username, origin }, { action: 'login', entityType: 'user', entityId: user.id });
    });
    const actor = await actorFor({
      sessionId, csrfToken, userId: user.id, username: user.username, fullName: user.full_name, role: user.role,
      organizationId: user.organization_id, organizationKind: user.organization_kind,
      organizationName: user.organization_name, language: user.language,
    }, user.organization_code);
    return { token, actor };
  }

  async function actorFor(base: Omit<Actor, 'units' | 'facilityIds' | 'statsFacilityIds'>, organizationCode: string): Promise<Actor> {
    // Read on every request, so an agreement that ends or is terminated stops access at once.
    const org = { id: base.organizationId, kind: base.organizationKind, name: base.organizationName, code: organizationCode };
    const units = await repo.facilitiesForWork(db, base.role, org, jakartaDate(now()));
    const facilityIds = units.map((f) => f.id);
    // A Bapas holds no one: its counts are those of its area.
    const heldIn = base.organizationKind === 'bapas' ? facilityIds.filter((id) => id !== base.organizationId) : facilityIds;
    const statsFacilityIds = await repo.facilitiesForStats(db, base.role, base.organizationId, heldIn);
    return { ...base, units, facilityIds, statsFacilityIds };
  }

  /** The actor behind a cookie token, or null when the session is unknown, revoked or expired. */
  async function actorFromToken(token: string): Promise<{ actor: Actor | null; expired: boolean }> {
    const session = await repo.findSession(db, sessionIdOf(token));
    if (!session || session.revoked_at || !session.active) return { actor: null, expired: false };
    const at = now();
    const idleEnd = session.last_seen_at.getTime() + settings.idleMs;
    if (session.expires_at <= at || idleEnd <= at.getTime()) {
      await repo.revokeSession(db, session.id, at);
      return { actor: null, expired: true };
    }
    if (at.getTime() - session.last_seen_at.getTime() > TOUCH_EVERY_MS) await repo.touchSession(db, session.id, at);
    const actor = await actorFor({
      sessionId: session.id, csrfToken: session.csrf_token, userId: session.user_id, username: session.username,
      fullName: session.full_name, role: session.role, organizationId: session.organization_id,
      organizationKind: session.organization_kind, organizationName: session.organization_name, language: session.language,
    }, session.organization_code);
    return { actor, expired: false };
  }

  async function logout(actor: Actor, origin: RequestOrigin): Promise<void> {
    await db.transaction().execute(async (trx) => {
      await repo.revokeSession(trx, actor.sessionId, now());
      await writeAudit(trx, { actor, origin }, { action: 'logout', entityType: 'user', entityId: actor.userId });
    });
  }

  async function changePassword(actor: Actor, current: string, next: string, origin: RequestOrigin): Promise<void> {
    const problems = passwordProblems(next, actor.username);
    if (problems.length > 0) throw validation(problems.map((p) => ({ field: 'newPassword', message: `validation.${p}` })));
    const stored = await repo.findPasswordHash(db, actor.userId);
    if (!stored || !(await verifyPassword(stored, current))) {
      throw new AppError('VALIDATION', 'error.validation', { fields: [{ field: 'currentPassword', message: 'error.wrongPassword' }] });
    }
    const hashed = await hashPassword(next);
    await db.transaction().execute(async (trx) => {
      const at = now();
      await repo.updatePassword(trx, actor.userId, hashed, at);
      await repo.revokeOtherSessions(trx, actor.userId, actor.sessionId, at);
      await writeAudit(trx, { actor, origin }, { action: 'password_change', entityType: 'user', entityId: actor.userId });
    });
  }

  async function setLanguage(actor: Actor, language: Language): Promise<void> {
    await repo.updateLanguage(db, actor.userId, language);
  }

  /** What the web app needs of the session; the units are those the actor was resolved with, not read again. */
  function sessionResponse(actor: Actor): SessionResponse {
    const permissions = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(actor.role, p));
    return {
      csrfToken: actor.csrfToken,
      user: {
        id: actor.userId,
        username: actor.username,
        fullName: actor.fullName,
        role: actor.role,
        language: actor.language,
        organization: { id: actor.organizationId, name: actor.organizationName, kind: actor.organizationKind },
        permissions,
        facilities: [...actor.units],
      },
    };
  }

  return { login, actorFromToken, logout, changePassword, setLanguage, sessionResponse };
}

export type AuthService = ReturnType<typeof createAuthService>;

export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
