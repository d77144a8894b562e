import type { z } from 'zod';
import type { Organization, createOrganizationRequest } from '../../../shared/contracts/admin.ts';
import type { Db } from '../../db/database.ts';
import type { OrganizationRow } from '../../db/schema.ts';
import type { Actor, RequestOrigin } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { validation } from '../../platform/errors.ts';
import * as repo from './organizations.repository.ts';

function toOrganization(row: OrganizationRow): Organization {
  return {
    id: row.id,
    parentId: row.parent_id,
    kind: row.kind,
    code: row.code,
    name: row.name,
    ministry: row.ministry,
    province: row.province,
    city: row.city,
    capacity: row.capacity,
    canAssess: row.can_assess,
  };
}

export function createOrganizationsService(deps: { db: Db }) {
  const { db } = deps;
  return {
    async list(): Promise<{ items: Organization[] }> {
      return { items: (await repo.listOrganizations(db)).map(toOrganization) };
    },
    async create(actor: Actor, input: z.infer<typeof createOrganizationRequest>, origin: RequestOrigin): Promise<Organization> {
      return db.transaction().execute(async (trx) => {
        if (await repo.codeExists(trx, input.code)) throw validation([{ field: 'code', message: 'error.orgCodeTaken' }]);
        if (input.parentId && !(await repo.findOrganization(trx, input.parentId))) {
          throw validation([{ field: 'parentId', message: 'error.notFound' }]);
        }
        const row = await repo.insertOrganization(trx, {
          parent_id: input.parentId, kind: input.kind, code: input.code, name: input.name, ministry: input.ministry,
          province: input.province, city: input.city, capacity: input.capacity, can_assess: input.canAssess,
        });
        await writeAudit(trx, { actor, origin }, { action: 'create', entityType: 'organization', entityId: row.id, details: { code: row.code } });
        return toOrganization(row);
      });
    },
  };
}

export type OrganizationsService = ReturnType<typeof createOrganizationsService>;
