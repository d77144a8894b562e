import type { z } from 'zod';
import type {
  DoseReportRequest, HandoverRecord, HandoverRequest, PtrmEndRequest, PtrmOverview, PtrmRecord, ptrmStartRequest,
} from '../../../shared/contracts/notes.ts';
import { CUSTODIAL_KINDS } from '../../../shared/contracts/common.ts';
import { jakartaDate } from '../../../shared/domain/dates.ts';
import type { Db, DbOrTrx } from '../../db/database.ts';
import type { Actor, RequestOrigin } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { AppError, type FieldProblem, conflict, notFound, validation } from '../../platform/errors.ts';
import { renderHandoverLetter } from './ptrm.letter.ts';
import * as repo from './ptrm.repository.ts';

/** Postgres' unique_violation: a second open record raced the first past the check. */
const UNIQUE_VIOLATION = '23505';
const isUniqueViolation = (error: unknown) => typeof error === 'object' && error !== null && 'code' in error && error.code === UNIQUE_VIOLATION;

/**
 * Methadone (PTRM) continuity. Dosing lives in the clinic's own system (SIHA): Pulih records that a
 * person is on PTRM, where, the dose as the clinic reported it (never computed), and the hand-over
 * letters that carry the treatment across a transfer or a release.
 */
export function createPtrmService(deps: { db: Db; now: () => Date }) {
  const { db, now } = deps;

  async function personOrThrow(handle: DbOrTrx, actor: Actor, wbpId: string) {
    const person = await repo.findPerson(handle, wbpId, actor.facilityIds);
    if (!person) throw notFound('wbp');
    return person;
  }

  async function recordOrThrow(handle: DbOrTrx, actor: Actor, id: string) {
    const row = await repo.findRecord(handle, id, actor.facilityIds);
    if (!row) throw notFound('ptrm');
    return row;
  }

  async function recordsOf(handle: DbOrTrx, rows: readonly repo.RecordRow[]): Promise<PtrmRecord[]> {
    const ids = rows.map((r) => r.id);
    const [doses, handovers] = await Promise.all([repo.dosesOf(handle, ids), repo.handoversOf(handle, ids)]);
    return rows.map((r) => ({
      id: r.id, wbpId: r.wbp_id, clinicName: r.clinic_name, clinicOrganizationId: r.clinic_organization_id, startedOn: r.started_on,
      endedOn: r.ended_on, note: r.note, createdBy: r.created_by_name, createdAt: r.created_at.toISOString(), version: r.version,
      doses: doses.filter((d) => d.ptrm_id === r.id).map((d) => ({
        id: d.id, doseMg: Number(d.dose_mg), reportedOn: d.reported_on, source: d.source, recordedBy: d.recorded_by_name, createdAt: d.created_at.toISOString(),
      })),
      handovers: handovers.filter((h) => h.ptrm_id === r.id).map(toHandover),
    }));
  }

  const toHandover = (h: Awaited<ReturnType<typeof repo.handoversOf>>[number]): HandoverRecord => ({
    id: h.id, ptrmId: h.ptrm_id, reason: h.reason, toName: h.to_name, issuedOn: h.issued_on, issuedBy: h.issued_by_name, createdAt: h.created_at.toISOString(),
  });

  async function recordOf(handle: DbOrTrx, row: repo.RecordRow): Promise<PtrmRecord> {
    const [record] = await recordsOf(handle, [row]);
    if (!record) throw new AppError('INTERNAL', 'error.internal');
    return record;
  }

  /** A record as it is now, after a change to its own row. */
  async function oneRecord(handle: DbOrTrx, actor: Actor, id: string): Promise<PtrmRecord> {
    return recordOf(handle, await recordOrThrow(handle, actor, id));
  }

  /** A date of the record's life: not after today, not before the record started. */
  function datedWithin(field: string, date: string, startedOn: string | null): FieldProblem[] {
    if (date > jakartaDate(now())) return [{ field, message: 'validation.dateInFuture' }];
    if (startedOn && date < startedOn) return [{ field, message: 'validation.ptrm.beforeStart', params: { date: startedOn } }];
    return [];
  }

  function refuseIfEnded(row: { ended_on: string | null }): void {
    if (row.ended_on !== null) throw new AppError('CONFLICT', 'error.ptrm.ended');
  }

  async function overview(actor: Actor, wbpId: string, origin: RequestOrigin): Promise<PtrmOverview> {
    return db.transaction().execute(async (trx) => {
      const person = await personOrThrow(trx, actor, wbpId);
      const records = await recordsOf(trx, await repo.listRecords(trx, wbpId));
      await writeAudit(trx, { actor, origin }, { action: 'read', entityType: 'ptrm', entityId: wbpId, facilityId: person.facility_id, details: { list: true } });
      return { current: records.find((r) => r.endedOn === null) ?? null, past: records.filter((r) => r.endedOn !== null) };
    });
  }

  async function start(actor: Actor, wbpId: string, input: z.output<typeof ptrmStartRequest>, origin: RequestOrigin): Promise<PtrmRecord> {
    const problems = [
      ...datedWithin('startedOn', input.startedOn, null),
      ...(input.dose ? datedWithin('dose.reportedOn', input.dose.reportedOn, input.startedOn) : []),
    ];
    if (problems.length > 0) throw validation(problems);
    try {
      return await db.transaction().execute(async (trx) => {
        const person = await personOrThrow(trx, actor, wbpId);
        if (input.clinicOrganizationId && !(await repo.organizationExists(trx, input.clinicOrganizationId))) {
          throw validation([{ field: 'clinicOrganizationId', message: 'validation.ptrm.unknownClinic' }]);
        }
        const open = await repo.openRecordOf(trx, wbpId);
        if (open) throw alreadyOpen(open);
        const at = now();
        const id = await repo.insertRecord(trx, {
          wbp_id: wbpId, facility_id: person.facility_id, clinic_name: input.clinicName, clinic_organization_id: input.clinicOrganizationId,
          started_on: input.startedOn, note: input.note || null, created_by: actor.userId, created_at: at,
        });
        if (input.dose) {
          await repo.insertDose(trx, { ptrmId: id, doseMg: input.dose.doseMg, reportedOn: input.dose.reportedOn, source: input.dose.source, by: actor.userId, at });
        }
        await writeAudit(trx, { actor, origin }, {
          action: 'create', entityType: 'ptrm', entityId: id, facilityId: person.facility_id, details: { wbpId, clinicName: input.clinicName, dose: input.dose !== null },
        });
        return oneRecord(trx, actor, id);
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const open = await repo.openRecordOf(db, wbpId);
      throw open ? alreadyOpen(open) : conflict();
    }
  }

  function alreadyOpen(open: { clinic_name: string; started_on: string }): AppError {
    return new AppError('CONFLICT', 'error.ptrm.alreadyOpen', { params: { clinic: open.clinic_name, since: open.started_on } });
  }

  async function reportDose(actor: Actor, ptrmId: string, input: DoseReportRequest, origin: RequestOrigin): Promise<PtrmRecord> {
    return db.transaction().execute(async (trx) => {
      const row = await recordOrThrow(trx, actor, ptrmId);
      refuseIfEnded(row);
      const problems = datedWithin('reportedOn', input.reportedOn, row.started_on);
      if (problems.length > 0) throw validation(problems);
      const doseId = await repo.insertDose(trx, { ptrmId, doseMg: input.doseMg, reportedOn: input.reportedOn, source: input.source, by: actor.userId, at: now() });
      await writeAudit(trx, { actor, origin }, {
        action: 'create', entityType: 'ptrm_dose', entityId: doseId, facilityId: row.person_facility_id,
        details: { ptrmId, wbpId: row.wbp_id, doseMg: input.doseMg, reportedOn: input.reportedOn },
      });
      // A dose is a row of its own: the record's row read above has not changed.
      return recordOf(trx, row);
    });
  }

  async function end(actor: Actor, ptrmId: string, input: PtrmEndRequest, origin: RequestOrigin): Promise<PtrmRecord> {
    return db.transaction().execute(async (trx) => {
      const row = await recordOrThrow(trx, actor, ptrmId);
      refuseIfEnded(row);
      const problems = datedWithin('endedOn', input.endedOn, row.started_on);
      if (problems.length > 0) throw validation(problems);
      if (!(await repo.endRecord(trx, ptrmId, input.version, input.endedOn))) throw conflict();
      await writeAudit(trx, { actor, origin }, {
        action: 'update', entityType: 'ptrm', entityId: ptrmId, facilityId: row.person_facility_id, details: { wbpId: row.wbp_id, endedOn: input.endedOn },
      });
      return oneRecord(trx, actor, ptrmId);
    });
  }

  async function issueHandover(actor: Actor, ptrmId: string, input: HandoverRequest, origin: RequestOrigin): Promise<HandoverRecord> {
    return db.transaction().execute(async (trx) => {
      const row = await recordOrThrow(trx, actor, ptrmId);
      refuseIfEnded(row);
      const problems = datedWithin('issuedOn', input.issuedOn, row.started_on);
      if (problems.length > 0) throw validation(problems);
      const id = await repo.insertHandover(trx, {
        ptrmId, wbpId: row.wbp_id, reason: input.reason, toName: input.toName, issuedOn: input.issuedOn, by: actor.userId, at: now(),
      });
      await writeAudit(trx, { actor, origin }, {
        action: 'create', entityType: 'ptrm_handover', entityId: id, facilityId: row.person_facility_id,
        details: { ptrmId, wbpId: row.wbp_id, reason: input.reason, toName: input.toName },
      });
      const created = (await repo.handoversOf(trx, [ptrmId])).find((h) => h.id === id);
      if (!created) throw new AppError('INTERNAL', 'error.internal');
      return toHandover(created);
    });
  }

  /** The hand-over letter as PDF, and the name to save it under. Reading it is audited like the record. */
  async function letter(actor: Actor, handoverId: string, origin: RequestOrigin): Promise<{ pdf: Buffer; filename: string }> {
    const { h, unit, dose } = await db.transaction().execute(async (trx) => {
      const h = await repo.findHandoverLetter(trx, handoverId, actor.facilityIds);
      if (!h) throw notFound('ptrm_handover');
      // The letter comes from the unit its issuer works in; partner staff issue it for the unit that recorded the PTRM.
      const issuerUnit = h.issuer_org_kind !== null && CUSTODIAL_KINDS.includes(h.issuer_org_kind) ? h.issuer_org_id : null;
      const unit = await repo.unitLetterhead(trx, issuerUnit ?? h.record_unit_id);
      if (!unit) throw new AppError('INTERNAL', 'error.internal');
      const dose = await repo.latestDoseOn(trx, h.ptrm_id, h.issued_on);
      await writeAudit(trx, { actor, origin }, {
        action: 'read', entityType: 'ptrm_handover_letter', entityId: handoverId, facilityId: h.person_facility_id, details: { ptrmId: h.ptrm_id, wbpId: h.wbp_id },
      });
      return { h, unit, dose };
    });
    const pdf = await renderHandoverLetter({
      handoverId: h.id, reason: h.reason, toName: h.to_name, issuedOn: h.issued_on, issuedBy: h.issued_by_name,
      unitName: unit.name, unitCity: unit.city, parentName: unit.parent_name,
      person: { fullName: h.full_name, sdpNumber: h.sdp_number, birthPlace: h.birth_place, birthDate: h.birth_date },
      clinicName: h.clinic_name, startedOn: h.started_on,
      latestDose: dose ? { doseMg: Number(dose.dose_mg), reportedOn: dose.reported_on, source: dose.source } : null,
    });
    const safe = h.sdp_number.replace(/[^A-Za-z0-9.-]+/g, '-');
    return { pdf, filename: `serah-terima-ptrm-${safe}-${h.issued_on}.pdf` };
  }

  return { overview, start, reportDose, end, issueHandover, letter };
}

export type PtrmService = ReturnType<typeof createPtrmService>;
