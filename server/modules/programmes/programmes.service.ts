import { type ProgrammeBody, type ProgrammeRecord, phaseBody } from '../../../shared/contracts/programmes.ts';
import { DEFAULT_PROGRAMMES } from '../../../shared/domain/programmes.ts';
import type { Db, DbOrTrx } from '../../db/database.ts';
import { type Actor, type RequestOrigin, requireFacility } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { conflict, notFound, validation } from '../../platform/errors.ts';
import * as repo from './programmes.repository.ts';

type ProgrammeRow = Awaited<ReturnType<typeof repo.listProgrammes>>[number];
type SessionTypeRow = Awaited<ReturnType<typeof repo.sessionTypesOf>>[number];

function toRecord(row: ProgrammeRow, types: readonly SessionTypeRow[]): ProgrammeRecord {
  return {
    id: row.id, facilityId: row.facility_id, kind: row.kind, name: row.name, description: row.description,
    durationWeeks: row.duration_weeks, phases: phaseBody.array().parse(row.phases), capacity: row.capacity, active: row.active,
    version: row.version, updatedAt: row.updated_at.toISOString(),
    sessionTypes: types.filter((t) => t.programme_id === row.id).map((t) => ({
      code: t.code, name: t.name, mode: t.mode, perWeek: t.per_week, everyWeeks: t.every_weeks, durationMinutes: t.duration_minutes,
      minGroup: t.min_group, maxGroup: t.max_group,
    })),
  };
}

export function createProgrammesService(deps: { db: Db; now: () => Date }) {
  const { db, now } = deps;

  async function catalogue(handle: DbOrTrx, facilityId: string): Promise<ProgrammeRecord[]> {
    const rows = await repo.listProgrammes(handle, facilityId);
    const types = await repo.sessionTypesOf(handle, rows.map((r) => r.id));
    return rows.map((r) => toRecord(r, types));
  }

  async function one(handle: DbOrTrx, actor: Actor, id: string): Promise<ProgrammeRecord> {
    const row = await repo.findProgramme(handle, id, actor.facilityIds);
    if (!row) throw notFound('programme');
    return toRecord(row, await repo.sessionTypesOf(handle, [row.id]));
  }

  return {
    async list(actor: Actor, facilityId: string) {
      requireFacility(actor, facilityId);
      return { items: await catalogue(db, facilityId) };
    },

    async get(actor: Actor, id: string) {
      return one(db, actor, id);
    },

    /** Adds the default catalogue's programmes that the unit does not have yet (by name). */
    async addDefaults(actor: Actor, facilityId: string, origin: RequestOrigin) {
      requireFacility(actor, facilityId);
      return db.transaction().execute(async (trx) => {
        const added: string[] = [];
        for (const programme of DEFAULT_PROGRAMMES) {
          if (await repo.nameTaken(trx, facilityId, programme.name)) continue;
          const id = await repo.insertProgramme(trx, facilityId, programme, now());
          await repo.replaceSessionTypes(trx, id, programme.sessionTypes);
          added.push(id);
        }
        await writeAudit(trx, { actor, origin }, { action: 'create', entityType: 'programme_catalogue', facilityId, details: { added: added.length } });
        return { items: await catalogue(trx, facilityId) };
      });
    },

    async create(actor: Actor, facilityId: string, body: ProgrammeBody, origin: RequestOrigin) {
      requireFacility(actor, facilityId);
      return db.transaction().execute(async (trx) => {
        if (await repo.nameTaken(trx, facilityId, body.name)) throw validation([{ field: 'name', message: 'error.programmeNameTaken' }]);
        const id = await repo.insertProgramme(trx, facilityId, body, now());
        await repo.replaceSessionTypes(trx, id, body.sessionTypes);
        await writeAudit(trx, { actor, origin }, { action: 'create', entityType: 'programme', entityId: id, facilityId, details: { name: body.name } });
        return one(trx, actor, id);
      });
    },

    async update(actor: Actor, id: string, body: ProgrammeBody & { version: number }, origin: RequestOrigin) {
      return db.transaction().execute(async (trx) => {
        const current = await repo.findProgramme(trx, id, actor.facilityIds);
        if (!current) throw notFound('programme');
        if (await repo.nameTaken(trx, current.facility_id, body.name, id)) throw validation([{ field: 'name', message: 'error.programmeNameTaken' }]);
        if (!(await repo.updateProgrammeAtVersion(trx, id, body.version, body, now()))) throw conflict();
        await repo.replaceSessionTypes(trx, id, body.sessionTypes);
        await writeAudit(trx, { actor, origin }, { action: 'update', entityType: 'programme', entityId: id, facilityId: current.facility_id });
        return one(trx, actor, id);
      });
    },
  };
}

export type ProgrammesService = ReturnType<typeof createProgrammesService>;
