import type { Insertable } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';
import type { CareTasksTable, IncidentsTable } from '../../db/schema.ts';

export { findPerson } from '../../db/people.ts';

function incidentsQuery(db: DbOrTrx) {
  return db
    .selectFrom('incidents as i')
    .leftJoin('users as u', 'u.id', 'i.reported_by')
    .leftJoin('care_tasks as t', (join) => join.onRef('t.source_id', '=', 'i.id').on('t.kind', '=', 'incident_review'))
    .select([
      'i.id', 'i.wbp_id', 'i.occurred_on', 'i.kind', 'i.description', 'i.action_taken', 'i.created_at', 'u.full_name as reported_by_name',
      't.id as task_id', 't.due_on as task_due_on', 't.status as task_status',
    ]);
}

export type IncidentRow = Awaited<ReturnType<ReturnType<typeof incidentsQuery>['execute']>>[number];

/** One page of a person's incidents, the latest first. */
export async function listIncidents(db: DbOrTrx, wbpId: string, page: { limit: number; offset: number }) {
  const [items, count] = await Promise.all([
    incidentsQuery(db)
      .where('i.wbp_id', '=', wbpId)
      .orderBy('i.occurred_on', 'desc')
      .orderBy('i.created_at', 'desc')
      .orderBy('i.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    db.selectFrom('incidents').select((eb) => eb.fn.countAll<number>().as('total')).where('wbp_id', '=', wbpId).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.total) };
}

export async function findIncident(db: DbOrTrx, id: string) {
  return incidentsQuery(db).where('i.id', '=', id).executeTakeFirst();
}

export async function insertIncident(db: DbOrTrx, row: Insertable<IncidentsTable>): Promise<string> {
  return (await db.insertInto('incidents').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertTask(db: DbOrTrx, row: Insertable<CareTasksTable>): Promise<string> {
  return (await db.insertInto('care_tasks').values(row).returning('id').executeTakeFirstOrThrow()).id;
}
