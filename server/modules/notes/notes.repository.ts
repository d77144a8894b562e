import type { Insertable } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';
import { inScope } from '../../db/people.ts';
import type { CounsellingNotesTable } from '../../db/schema.ts';

export { findPerson } from '../../db/people.ts';

function notesQuery(db: DbOrTrx) {
  return db
    .selectFrom('counselling_notes as n')
    .leftJoin('users as u', 'u.id', 'n.signed_by')
    .leftJoin('enrolments as e', 'e.id', 'n.enrolment_id')
    .leftJoin('programmes as p', 'p.id', 'e.programme_id')
    .select([
      'n.id', 'n.wbp_id', 'n.kind', 'n.held_on', 'n.topic', 'n.summary', 'n.plan', 'n.enrolment_id', 'n.signed_at',
      'u.full_name as signed_by_name', 'p.name as programme_name',
    ]);
}

export type NoteRow = Awaited<ReturnType<ReturnType<typeof notesQuery>['execute']>>[number];

/** One page of a person's notes, the latest session first. */
export async function listNotes(db: DbOrTrx, wbpId: string, page: { limit: number; offset: number }) {
  const [items, count] = await Promise.all([
    notesQuery(db)
      .where('n.wbp_id', '=', wbpId)
      .orderBy('n.held_on', 'desc')
      .orderBy('n.signed_at', 'desc')
      .orderBy('n.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    db.selectFrom('counselling_notes').select((eb) => eb.fn.countAll<number>().as('total')).where('wbp_id', '=', wbpId).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.total) };
}

/** A note of a person held in one of these units (the care record follows the person), or undefined. */
export async function findNote(db: DbOrTrx, id: string, facilityIds: readonly string[]) {
  return notesQuery(db)
    .innerJoin('wbp as w', 'w.id', 'n.wbp_id')
    .select('w.facility_id as person_facility_id')
    .where('n.id', '=', id)
    .where('w.facility_id', 'in', inScope(facilityIds))
    .executeTakeFirst();
}

export async function addendaOf(db: DbOrTrx, noteIds: readonly string[]) {
  if (noteIds.length === 0) return [];
  return db
    .selectFrom('counselling_note_addenda as d')
    .leftJoin('users as u', 'u.id', 'd.created_by')
    .select(['d.id', 'd.note_id', 'd.text', 'u.full_name as created_by', 'd.created_at'])
    .where('d.note_id', 'in', [...noteIds])
    .orderBy('d.created_at')
    .orderBy('d.id')
    .execute();
}

export async function insertNote(db: DbOrTrx, row: Insertable<CounsellingNotesTable>): Promise<string> {
  return (await db.insertInto('counselling_notes').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertAddendum(db: DbOrTrx, a: { noteId: string; text: string; by: string; at: Date }): Promise<string> {
  return (await db
    .insertInto('counselling_note_addenda')
    .values({ note_id: a.noteId, text: a.text, created_by: a.by, created_at: a.at })
    .returning('id')
    .executeTakeFirstOrThrow()).id;
}

/** Whether an enrolment is this person's. */
export async function isEnrolmentOf(db: DbOrTrx, enrolmentId: string, wbpId: string): Promise<boolean> {
  const row = await db.selectFrom('enrolments').select('id').where('id', '=', enrolmentId).where('wbp_id', '=', wbpId).executeTakeFirst();
  return row !== undefined;
}
