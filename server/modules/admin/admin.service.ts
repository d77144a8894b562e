import type { z } from 'zod';
import { passwordProblems } from '../../../shared/contracts/auth.ts';
import type { AuditEntry, AuditQuery, UserSummary, createUserRequest, updateUserRequest } from '../../../shared/contracts/admin.ts';
import type { Db, DbOrTrx } from '../../db/database.ts';
import type { Actor, RequestOrigin } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { notFound, validation } from '../../platform/errors.ts';
import { hashPassword } from '../../platform/passwords.ts';
import * as repo from './admin.repository.ts';

type UserRow = NonNullable<Awaited<ReturnType<typeof repo.findUser>>>;

function toUser(row: UserRow): UserSummary {
  return {
    id: row.id, username: row.username, fullName: row.full_name, role: row.role,
    organizationId: row.organization_id, organizationName: row.organization_name, active: row.active, language: row.language,
  };
}

export function createAdminService(deps: { db: Db; now: () => Date }) {
  const { db, now } = deps;

  async function userOrThrow(trx: DbOrTrx, id: string): Promise<UserSummary> {
    const row = await repo.findUser(trx, id);
    if (!row) throw notFound('user');
    return toUser(row);
  }

  return {
    async listUsers(): Promise<{ items: UserSummary[] }> {
      return { items: (await repo.listUsers(db)).map(toUser) };
    },

    async createUser(actor: Actor, input: z.infer<typeof createUserRequest>, origin: RequestOrigin): Promise<UserSummary> {
      const problems = passwordProblems(input.password, input.username);
      if (problems.length > 0) throw validation(problems.map((p) => ({ field: 'password', message: `validation.${p}` })));
      const passwordHash = await hashPassword(input.password);
      return db.transaction().execute(async (trx) => {
        if (await repo.usernameExists(trx, input.username)) throw validation([{ field: 'username', message: 'error.usernameTaken' }]);
        if (!(await repo.organizationExists(trx, input.organizationId))) {
          throw validation([{ field: 'organizationId', message: 'error.notFound' }]);
        }
        const id = await repo.insertUser(trx, { ...input, passwordHash });
        await writeAudit(trx, { actor, origin }, { action: 'create', entityType: 'user', entityId: id, details: { username: input.username, role: input.role } });
        return userOrThrow(trx, id);
      });
    },

    async updateUser(actor: Actor, id: string, input: z.infer<typeof updateUserRequest>, origin: RequestOrigin): Promise<UserSummary> {
      return db.transaction().execute(async (trx) => {
        await userOrThrow(trx, id);
        await repo.updateUser(trx, id, {
          ...(input.fullName !== undefined ? { full_name: input.fullName } : {}),
          ...(input.active !== undefined ? { active: input.active } : {}),
          ...(input.role !== undefined ? { role: input.role } : {}),
        });
        if (input.active === false || input.role !== undefined) await repo.revokeSessionsOf(trx, id, now());
        await writeAudit(trx, { actor, origin }, { action: 'update', entityType: 'user', entityId: id, details: { ...input } });
        return userOrThrow(trx, id);
      });
    },

    /**
     * The first account of a new installation: a national administrator at the national office,
     * which is created too when the database has none. Everything else is then done in the app.
     */
    async bootstrapAdmin(input: { username: string; fullName: string; password: string }, origin: RequestOrigin): Promise<UserSummary> {
      const problems = passwordProblems(input.password, input.username);
      if (problems.length > 0) throw validation(problems.map((p) => ({ field: 'password', message: `validation.${p}` })));
      const passwordHash = await hashPassword(input.password);
      return db.transaction().execute(async (trx) => {
        if (await repo.usernameExists(trx, input.username)) throw validation([{ field: 'username', message: 'error.usernameTaken' }]);
        const national = await repo.findOrganizationByKind(trx, 'ditjenpas');
        const organizationId = national?.id
          ?? (await repo.insertNationalOrganization(trx, 'Direktorat Jenderal Pemasyarakatan', 'Kementerian Imigrasi dan Pemasyarakatan'));
        const id = await repo.insertUser(trx, {
          username: input.username, fullName: input.fullName, role: 'national_admin', organizationId, passwordHash, language: 'id',
        });
        await writeAudit(trx, { actor: null, username: 'cli', origin }, { action: 'create', entityType: 'user', entityId: id, details: { username: input.username, role: 'national_admin' } });
        return userOrThrow(trx, id);
      });
    },

    async searchAudit(query: AuditQuery): Promise<{ items: AuditEntry[]; page: number; pageSize: number; total: number }> {
      const { items, total } = await repo.searchAudit(db, query);
      return {
        items: items.map((r) => ({
          id: Number(r.id),
          at: r.at.toISOString(),
          actorUsername: r.actor_username,
          action: r.action,
          entityType: r.entity_type,
          entityId: r.entity_id,
          facilityName: r.facility_name,
          ip: r.ip,
          details: r.details,
        })),
        page: query.page,
        pageSize: query.pageSize,
        total,
      };
    },
  };
}

export type AdminService = ReturnType<typeof createAdminService>;
