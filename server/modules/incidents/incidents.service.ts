import type { z } from 'zod';
import {
  INCIDENT_KINDS_NEEDING_REVIEW, INCIDENT_REVIEW_DAYS, type IncidentRecord, type IncidentsPage, type incidentRequest, type incidentsQuery,
} from '../../../shared/contracts/notes.ts';
import { addDays, jakartaDate } from '../../../shared/domain/dates.ts';
import type { Db, DbOrTrx } from '../../db/database.ts';
import type { Actor, RequestOrigin } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { AppError, notFound, validation } from '../../platform/errors.ts';
import * as repo from './incidents.repository.ts';

const toRecord = (r: repo.IncidentRow): IncidentRecord => ({
  id: r.id, wbpId: r.wbp_id, occurredOn: r.occurred_on, kind: r.kind, description: r.description, actionTaken: r.action_taken,
  reportedBy: r.reported_by_name, createdAt: r.created_at.toISOString(),
  reviewTask: r.task_id && r.task_due_on && r.task_status ? { id: r.task_id, dueOn: r.task_due_on, status: r.task_status } : null,
});

/** Incidents in custody (drug use or possession, violence, rule violations), each on the person's record. */
export function createIncidentsService(deps: { db: Db; now: () => Date }) {
  const { db, now } = deps;

  async function personOrThrow(handle: DbOrTrx, actor: Actor, wbpId: string) {
    const person = await repo.findPerson(handle, wbpId, actor.facilityIds);
    if (!person) throw notFound('wbp');
    return person;
  }

  async function list(actor: Actor, wbpId: string, query: z.output<typeof incidentsQuery>, origin: RequestOrigin): Promise<IncidentsPage> {
    return db.transaction().execute(async (trx) => {
      const person = await personOrThrow(trx, actor, wbpId);
      const { items, total } = await repo.listIncidents(trx, wbpId, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
      await writeAudit(trx, { actor, origin }, {
        action: 'read', entityType: 'incident', entityId: wbpId, facilityId: person.facility_id, details: { list: true, page: query.page },
      });
      return { items: items.map(toRecord), page: query.page, pageSize: query.pageSize, total };
    });
  }

  /** Records an incident; one with drugs also opens a review task due a week after it happened. */
  async function record(actor: Actor, wbpId: string, input: z.output<typeof incidentRequest>, origin: RequestOrigin): Promise<IncidentRecord> {
    if (input.occurredOn > jakartaDate(now())) throw validation([{ field: 'occurredOn', message: 'validation.dateInFuture' }]);
    return db.transaction().execute(async (trx) => {
      const person = await personOrThrow(trx, actor, wbpId);
      const at = now();
      const id = await repo.insertIncident(trx, {
        wbp_id: wbpId, facility_id: person.facility_id, occurred_on: input.occurredOn, kind: input.kind, description: input.description,
        action_taken: input.actionTaken || null, reported_by: actor.userId, created_at: at,
      });
      const taskId = INCIDENT_KINDS_NEEDING_REVIEW.includes(input.kind)
        ? await repo.insertTask(trx, {
          wbp_id: wbpId, facility_id: person.facility_id, kind: 'incident_review', source_id: id,
          due_on: addDays(input.occurredOn, INCIDENT_REVIEW_DAYS), created_at: at,
        })
        : null;
      await writeAudit(trx, { actor, origin }, {
        action: 'create', entityType: 'incident', entityId: id, facilityId: person.facility_id, details: { wbpId, kind: input.kind, taskId },
      });
      const created = await repo.findIncident(trx, id);
      if (!created) throw new AppError('INTERNAL', 'error.internal');
      return toRecord(created);
    });
  }

  return { list, record };
}

export type IncidentsService = ReturnType<typeof createIncidentsService>;
