import type { z } from 'zod';
import type { NoteRecord, NotesPage, NotesQuery, noteRequest } from '../../../shared/contracts/notes.ts';
import { jakartaDate } from '../../../shared/domain/dates.ts';
import type { Db, DbOrTrx } from '../../db/database.ts';
import type { Actor, RequestOrigin } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { AppError, notFound, validation } from '../../platform/errors.ts';
import * as repo from './notes.repository.ts';

/**
 * Counselling notes: structured (topic, summary, plan), signed by their author when saved, readable
 * by clinical roles only. A signed note never changes (the database refuses it); an addendum corrects it.
 */
export function createNotesService(deps: { db: Db; now: () => Date }) {
  const { db, now } = deps;

  async function personOrThrow(handle: DbOrTrx, actor: Actor, wbpId: string) {
    const person = await repo.findPerson(handle, wbpId, actor.facilityIds);
    if (!person) throw notFound('wbp');
    return person;
  }

  async function recordsOf(handle: DbOrTrx, rows: readonly repo.NoteRow[]): Promise<NoteRecord[]> {
    const addenda = await repo.addendaOf(handle, rows.map((r) => r.id));
    return rows.map((r) => ({
      id: r.id, wbpId: r.wbp_id, kind: r.kind, heldOn: r.held_on, topic: r.topic, summary: r.summary, plan: r.plan,
      enrolmentId: r.enrolment_id, programmeName: r.programme_name, signedBy: r.signed_by_name, signedAt: r.signed_at.toISOString(),
      addenda: addenda
        .filter((a) => a.note_id === r.id)
        .map((a) => ({ id: a.id, text: a.text, createdBy: a.created_by, createdAt: a.created_at.toISOString() })),
    }));
  }

  async function noteOrThrow(handle: DbOrTrx, actor: Actor, id: string) {
    const row = await repo.findNote(handle, id, actor.facilityIds);
    if (!row) throw notFound('note');
    return row;
  }

  async function list(actor: Actor, wbpId: string, query: NotesQuery, origin: RequestOrigin): Promise<NotesPage> {
    return db.transaction().execute(async (trx) => {
      const person = await personOrThrow(trx, actor, wbpId);
      const { items, total } = await repo.listNotes(trx, wbpId, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
      await writeAudit(trx, { actor, origin }, {
        action: 'read', entityType: 'counselling_note', entityId: wbpId, facilityId: person.facility_id,
        details: { list: true, page: query.page, noteIds: items.map((n) => n.id) },
      });
      return { items: await recordsOf(trx, items), page: query.page, pageSize: query.pageSize, total };
    });
  }

  async function write(actor: Actor, wbpId: string, input: z.output<typeof noteRequest>, origin: RequestOrigin): Promise<NoteRecord> {
    if (input.heldOn > jakartaDate(now())) throw validation([{ field: 'heldOn', message: 'validation.dateInFuture' }]);
    return db.transaction().execute(async (trx) => {
      const person = await personOrThrow(trx, actor, wbpId);
      if (input.enrolmentId && !(await repo.isEnrolmentOf(trx, input.enrolmentId, wbpId))) {
        throw validation([{ field: 'enrolmentId', message: 'validation.notes.enrolmentNotPerson' }]);
      }
      const id = await repo.insertNote(trx, {
        wbp_id: wbpId, facility_id: person.facility_id, enrolment_id: input.enrolmentId, kind: input.kind, held_on: input.heldOn,
        topic: input.topic, summary: input.summary, plan: input.plan, signed_by: actor.userId, signed_at: now(),
      });
      await writeAudit(trx, { actor, origin }, {
        action: 'sign', entityType: 'counselling_note', entityId: id, facilityId: person.facility_id, details: { wbpId, kind: input.kind },
      });
      const [created] = await recordsOf(trx, [await noteOrThrow(trx, actor, id)]);
      if (!created) throw new AppError('INTERNAL', 'error.internal');
      return created;
    });
  }

  async function addAddendum(actor: Actor, noteId: string, text: string, origin: RequestOrigin): Promise<NoteRecord> {
    return db.transaction().execute(async (trx) => {
      const note = await noteOrThrow(trx, actor, noteId);
      const addendumId = await repo.insertAddendum(trx, { noteId, text, by: actor.userId, at: now() });
      await writeAudit(trx, { actor, origin }, {
        action: 'create', entityType: 'counselling_note_addendum', entityId: addendumId, facilityId: note.person_facility_id,
        details: { noteId, wbpId: note.wbp_id },
      });
      const [updated] = await recordsOf(trx, [note]);
      if (!updated) throw new AppError('INTERNAL', 'error.internal');
      return updated;
    });
  }

  return { list, write, addAddendum };
}

export type NotesService = ReturnType<typeof createNotesService>;
