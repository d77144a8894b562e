import {
  PTRM_EVENTS, TIMELINE_KINDS, type TimelineEntry, type TimelineKind, type TimelinePage, type TimelineQuery, timelineEntry,
} from '../../../shared/contracts/record.ts';
import { jakartaDate } from '../../../shared/domain/dates.ts';
import type { Db } from '../../db/database.ts';
import { type Actor, type RequestOrigin, mayActIn } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { notFound } from '../../platform/errors.ts';
import * as repo from './record.repository.ts';

/**
 * The kinds a reader may see of a person held in a unit: counselling notes only with notes.read (not the head of
 * unit), and for partner staff only where an agreement in force covers it; not even as a count.
 */
function visibleKinds(actor: Actor, facilityId: string): TimelineKind[] {
  return TIMELINE_KINDS.filter((kind) => kind !== 'note' || mayActIn(actor, 'notes.read', facilityId));
}

const ENROLMENT_EVENT = { 0: 'started', 1: 'waitlisted' } as const;

/** Where an entry is seen in full, in the web app. */
function linkOf(wbpId: string, row: repo.TimelineRow): string {
  const person = `/wbp/${wbpId}`;
  switch (row.kind) {
    case 'screening': return `${person}/klinis`;
    case 'assessment': return `/asesmen/${row.id}`;
    case 'decision': return `/asesmen/${String(row.detail?.assessmentId ?? '')}`;
    case 'enrolment': return `${person}/hasil`;
    case 'session': return `/jadwal/sesi/${row.id}/kehadiran`;
    case 'note': return `${person}/catatan`;
    case 'urine': return `${person}/urin`;
    case 'incident': return `${person}/insiden`;
    case 'phase': return `${person}/kemajuan`;
    case 'role': return `${person}/kemajuan`;
    case 'conference': return `/konferensi/${row.id}`;
    case 'referral': return `${person}/hasil`;
    case 'ptrm': return `${person}/ptrm`;
    case 'task': return '/tugas';
  }
}

/** The event a row stands for, where one source row gives several entries (see the repository's branches). */
function eventOf(row: repo.TimelineRow): Record<string, unknown> {
  switch (row.kind) {
    case 'enrolment': {
      // An ended enrolment's event is its status (completed, dropped, changed); only an end has a reason.
      const ended = row.seq === 2;
      return { ...row.detail, status: undefined, event: ended ? row.detail?.status : ENROLMENT_EVENT[row.seq as 0 | 1], reason: ended ? row.detail?.reason : null };
    }
    case 'role': return { ...row.detail, event: row.seq === 0 ? 'assigned' : 'ended' };
    case 'ptrm': return { doseMg: null, handoverReason: null, toName: null, ...row.detail, event: PTRM_EVENTS[row.seq] };
    case 'task': return { ...row.detail, event: row.seq === 0 ? 'opened' : 'closed' };
    default: return row.detail ?? {};
  }
}

function toEntry(wbpId: string, row: repo.TimelineRow): TimelineEntry {
  const detail = eventOf(row);
  // The statement builds each kind's details; the contract checks them, so a change of a source table shows here.
  return timelineEntry.parse({
    kind: row.kind, id: row.id, at: row.timed ? `${row.at}+07:00` : row.at.slice(0, 10), link: linkOf(wbpId, row), detail,
  });
}

export function createRecordService(deps: { db: Db; now: () => Date }) {
  const { db, now } = deps;

  return {
    /** One page of a person's timeline, with the number of entries of each kind the reader may see. Audited. */
    async timeline(actor: Actor, wbpId: string, query: TimelineQuery, origin: RequestOrigin): Promise<TimelinePage> {
      const filter = query.kinds && query.kinds.length > 0 ? query.kinds : null;
      const today = jakartaDate(now());
      return db.transaction().execute(async (trx) => {
        const person = await repo.findPerson(trx, wbpId, actor.facilityIds);
        if (!person) throw notFound('wbp');
        const visible = visibleKinds(actor, person.facility_id);
        const asked = filter ? visible.filter((k) => filter.includes(k)) : visible;
        const { rows, counts: counted } = await repo.timeline(trx, {
          wbpId, kinds: visible, shown: asked, today, limit: query.pageSize, offset: (query.page - 1) * query.pageSize,
        });
        await writeAudit(trx, { actor, origin }, {
          action: 'read', entityType: 'timeline', entityId: wbpId, facilityId: person.facility_id,
          details: { page: query.page, pageSize: query.pageSize, kinds: filter ? asked : 'all' },
        });
        const counts: Partial<Record<TimelineKind, number>> = {};
        for (const kind of visible) counts[kind] = counted[kind] ?? 0;
        return {
          items: rows.map((row) => toEntry(wbpId, row)),
          page: query.page,
          pageSize: query.pageSize,
          total: asked.reduce((sum, kind) => sum + (counts[kind] ?? 0), 0),
          counts,
        };
      });
    },
  };
}

export type RecordService = ReturnType<typeof createRecordService>;
