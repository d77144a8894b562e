import type { z } from 'zod';
import type {
  availabilityBody, courtDateBody, nonAssociationBody, roomBody, routineBlockBody, routineExceptionBody,
} from '../../../shared/contracts/routine.ts';
import type { Db } from '../../db/database.ts';
import { type Actor, type RequestOrigin, mayWorkIn, requireFacility } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { notFound, validation } from '../../platform/errors.ts';
import * as repo from './routine.repository.ts';

const { hhmm } = repo;

type StaffMember = Awaited<ReturnType<typeof repo.staffOf>>[number];
type Window = Awaited<ReturnType<typeof repo.availabilityOf>>[number];

/** A staff member's weekly hours, from the stored windows (of any number of people). */
function hoursOf(member: StaffMember, windows: readonly Window[]) {
  return {
    userId: member.id, fullName: member.full_name, role: member.role,
    windows: windows.filter((w) => w.user_id === member.id).map((w) => ({ dayOfWeek: w.day_of_week, start: hhmm(w.start_time), end: hhmm(w.end_time) })),
  };
}

export function createRoutineService(deps: { db: Db }) {
  const { db } = deps;

  async function personOrThrow(actor: Actor, wbpId: string) {
    const person = await repo.findPerson(db, wbpId, actor.facilityIds);
    if (!person) throw notFound('wbp');
    return person;
  }

  return {
    async routine(actor: Actor, facilityId: string) {
      requireFacility(actor, facilityId);
      const [b, e, r] = await Promise.all([repo.routineBlocks(db, facilityId), repo.exceptions(db, facilityId), repo.rooms(db, facilityId)]);
      return {
        blocks: b.map((x) => ({ id: x.id, kind: x.kind, label: x.label, dayOfWeek: x.day_of_week, start: hhmm(x.start_time), end: hhmm(x.end_time) })),
        exceptions: e.map((x) => ({ id: x.id, kind: x.kind, label: x.label, date: x.date, start: hhmm(x.start_time), end: hhmm(x.end_time) })),
        rooms: r.map((x) => ({ id: x.id, name: x.name, capacity: x.capacity, active: x.active })),
      };
    },

    async addBlock(actor: Actor, facilityId: string, body: z.infer<typeof routineBlockBody>, origin: RequestOrigin) {
      requireFacility(actor, facilityId);
      return db.transaction().execute(async (trx) => {
        const row = await repo.insertBlock(trx, facilityId, body);
        await writeAudit(trx, { actor, origin }, { action: 'create', entityType: 'routine_block', entityId: row.id, facilityId, details: body });
        return { id: row.id, kind: row.kind, label: row.label, dayOfWeek: row.day_of_week, start: hhmm(row.start_time), end: hhmm(row.end_time) };
      });
    },

    /** Removing a block keeps what it was in the audit log, so nothing is lost. */
    async removeBlock(actor: Actor, id: string, origin: RequestOrigin): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const row = await repo.findBlock(trx, id);
        if (!row || !mayWorkIn(actor, row.facility_id)) throw notFound('routine_block');
        await repo.deleteBlock(trx, id);
        await writeAudit(trx, { actor, origin }, { action: 'delete', entityType: 'routine_block', entityId: id, facilityId: row.facility_id, details: { ...row } });
      });
    },

    async addException(actor: Actor, facilityId: string, body: z.infer<typeof routineExceptionBody>, origin: RequestOrigin) {
      requireFacility(actor, facilityId);
      return db.transaction().execute(async (trx) => {
        const row = await repo.insertException(trx, facilityId, body);
        await writeAudit(trx, { actor, origin }, { action: 'create', entityType: 'routine_exception', entityId: row.id, facilityId, details: body });
        return { id: row.id, kind: row.kind, label: row.label, date: row.date, start: hhmm(row.start_time), end: hhmm(row.end_time) };
      });
    },

    async removeException(actor: Actor, id: string, origin: RequestOrigin): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const row = await repo.findException(trx, id);
        if (!row || !mayWorkIn(actor, row.facility_id)) throw notFound('routine_exception');
        await repo.deleteException(trx, id);
        await writeAudit(trx, { actor, origin }, { action: 'delete', entityType: 'routine_exception', entityId: id, facilityId: row.facility_id, details: { ...row } });
      });
    },

    async addRoom(actor: Actor, facilityId: string, body: z.infer<typeof roomBody>, origin: RequestOrigin) {
      requireFacility(actor, facilityId);
      return db.transaction().execute(async (trx) => {
        if (await repo.roomNameTaken(trx, facilityId, body.name)) throw validation([{ field: 'name', message: 'error.roomNameTaken' }]);
        const row = await repo.insertRoom(trx, facilityId, body);
        await writeAudit(trx, { actor, origin }, { action: 'create', entityType: 'room', entityId: row.id, facilityId, details: body });
        return { id: row.id, name: row.name, capacity: row.capacity, active: row.active };
      });
    },

    async updateRoom(actor: Actor, id: string, body: z.infer<typeof roomBody>, origin: RequestOrigin) {
      return db.transaction().execute(async (trx) => {
        const current = await repo.findRoom(trx, id);
        if (!current || !mayWorkIn(actor, current.facility_id)) throw notFound('room');
        if (await repo.roomNameTaken(trx, current.facility_id, body.name, id)) throw validation([{ field: 'name', message: 'error.roomNameTaken' }]);
        const row = await repo.updateRoom(trx, id, body);
        await writeAudit(trx, { actor, origin }, { action: 'update', entityType: 'room', entityId: id, facilityId: current.facility_id, details: { before: current, after: body } });
        return { id: row.id, name: row.name, capacity: row.capacity, active: row.active };
      });
    },

    async courtDates(actor: Actor, wbpId: string) {
      await personOrThrow(actor, wbpId);
      return {
        items: (await repo.courtDates(db, wbpId)).map((c) => ({ id: c.id, wbpId: c.wbp_id, date: c.date, start: hhmm(c.start_time), end: hhmm(c.end_time), note: c.note })),
      };
    },

    async addCourtDate(actor: Actor, wbpId: string, body: z.infer<typeof courtDateBody>, origin: RequestOrigin) {
      const person = await personOrThrow(actor, wbpId);
      return db.transaction().execute(async (trx) => {
        const c = await repo.insertCourtDate(trx, wbpId, body, actor.userId);
        await writeAudit(trx, { actor, origin }, { action: 'create', entityType: 'court_date', entityId: c.id, facilityId: person.facility_id, details: { wbpId, ...body } });
        return { id: c.id, wbpId, date: c.date, start: hhmm(c.start_time), end: hhmm(c.end_time), note: c.note };
      });
    },

    async removeCourtDate(actor: Actor, id: string, origin: RequestOrigin): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const row = await repo.findCourtDate(trx, id);
        const person = row ? await repo.findPerson(trx, row.wbp_id, actor.facilityIds) : undefined;
        if (!row || !person) throw notFound('court_date');
        await repo.deleteCourtDate(trx, id);
        await writeAudit(trx, { actor, origin }, { action: 'delete', entityType: 'court_date', entityId: id, facilityId: person.facility_id, details: { ...row } });
      });
    },

    async nonAssociations(actor: Actor, wbpId: string) {
      await personOrThrow(actor, wbpId);
      return {
        items: (await repo.nonAssociationsOf(db, wbpId)).map((n) => ({
          id: n.id, wbpId, otherWbpId: n.other_id, otherName: n.other_name, otherSdpNumber: n.other_sdp, reason: n.reason, createdAt: n.created_at.toISOString(),
        })),
      };
    },

    async addNonAssociation(actor: Actor, wbpId: string, body: z.infer<typeof nonAssociationBody>, origin: RequestOrigin) {
      const person = await personOrThrow(actor, wbpId);
      if (body.otherWbpId === wbpId) throw validation([{ field: 'otherWbpId', message: 'validation.sameperson' }]);
      const other = await repo.findPerson(db, body.otherWbpId, actor.facilityIds);
      if (!other) throw validation([{ field: 'otherWbpId', message: 'error.notFound' }]);
      return db.transaction().execute(async (trx) => {
        if (await repo.pairExists(trx, wbpId, other.id)) throw validation([{ field: 'otherWbpId', message: 'validation.pairExists' }]);
        const id = await repo.insertNonAssociation(trx, wbpId, other.id, body.reason, actor.userId);
        await writeAudit(trx, { actor, origin }, { action: 'create', entityType: 'non_association', entityId: id, facilityId: person.facility_id, details: { wbpId, otherWbpId: other.id } });
        const created = (await repo.nonAssociationsOf(trx, wbpId)).find((n) => n.id === id)!;
        return { id, wbpId, otherWbpId: other.id, otherName: created.other_name, otherSdpNumber: created.other_sdp, reason: created.reason, createdAt: created.created_at.toISOString() };
      });
    },

    async removeNonAssociation(actor: Actor, id: string, origin: RequestOrigin): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const row = await repo.findNonAssociation(trx, id);
        // Either person in scope will do: the pair shows on both people's pages, and one may have moved away since.
        const person = row
          ? (await repo.findPerson(trx, row.wbp_a, actor.facilityIds)) ?? (await repo.findPerson(trx, row.wbp_b, actor.facilityIds))
          : undefined;
        if (!row || !person) throw notFound('non_association');
        await repo.deleteNonAssociation(trx, id);
        await writeAudit(trx, { actor, origin }, { action: 'delete', entityType: 'non_association', entityId: id, facilityId: person.facility_id, details: { ...row } });
      });
    },

    async availability(actor: Actor, facilityId: string) {
      requireFacility(actor, facilityId);
      const staff = await repo.staffOf(db, facilityId);
      const windows = await repo.availabilityOf(db, staff.map((s) => s.id));
      return { items: staff.map((s) => hoursOf(s, windows)) };
    },

    async setAvailability(actor: Actor, facilityId: string, userId: string, body: z.infer<typeof availabilityBody>, origin: RequestOrigin) {
      requireFacility(actor, facilityId);
      const member = (await repo.staffOf(db, facilityId)).find((s) => s.id === userId);
      if (!member) throw notFound('user');
      await db.transaction().execute(async (trx) => {
        await repo.replaceAvailability(trx, userId, body.windows);
        await writeAudit(trx, { actor, origin }, { action: 'update', entityType: 'staff_availability', entityId: userId, facilityId, details: { windows: body.windows } });
      });
      return hoursOf(member, await repo.availabilityOf(db, [userId]));
    },
  };
}

export type RoutineService = ReturnType<typeof createRoutineService>;
