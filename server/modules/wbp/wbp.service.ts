import { CUSTODIAL_KINDS } from '../../../shared/contracts/common.ts';
import type { CreateWbpRequest, TransferWbpRequest, UpdateWbpRequest, WbpDetail, WbpListQuery, WbpSummary } from '../../../shared/contracts/wbp.ts';
import { ageInYears, jakartaDate } from '../../../shared/domain/dates.ts';
import type { Db, DbOrTrx } from '../../db/database.ts';
import { type Actor, type RequestOrigin, listScope, mayWorkIn } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { AppError, conflict, notFound, validation } from '../../platform/errors.ts';
import * as repo from './wbp.repository.ts';
import { endProgrammesOnTransfer } from '../../db/transfers.ts';

type ListRow = Awaited<ReturnType<typeof repo.listWbp>>['items'][number];

function toSummary(row: ListRow): WbpSummary {
  return {
    id: row.id,
    sdpNumber: row.sdp_number,
    fullName: row.full_name,
    sex: row.sex,
    legalStatus: row.legal_status,
    facilityId: row.facility_id,
    facilityName: row.facility_name,
    block: row.block,
    room: row.room,
    admissionDate: row.admission_date,
    expectedReleaseDate: row.expected_release_date,
    releasedOn: row.released_on,
  };
}

/** A released person's record stays as it was at release: an edit or a transfer would rewrite custody that has ended. */
function refuseIfReleased(row: { released_on: string | null }): void {
  if (row.released_on !== null) throw new AppError('CONFLICT', 'error.aftercare.releasedNoChange', { params: { date: row.released_on } });
}

export function createWbpService(deps: { db: Db; now: () => Date }) {
  const { db, now } = deps;

  async function list(actor: Actor, query: WbpListQuery, origin: RequestOrigin) {
    const facilityIds = listScope(actor, query.facilityId);
    const { items, total } = await repo.listWbp(db, {
      facilityIds,
      q: query.q || undefined,
      block: query.block || undefined,
      legalStatus: query.legalStatus,
      custody: query.custody,
      sort: query.sort,
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    // Searching the register by name is itself a look at who is held: record who searched for what.
    if (query.q) {
      await writeAudit(db, { actor, origin }, { action: 'search', entityType: 'wbp', details: { q: query.q, results: total } });
    }
    return { items: items.map(toSummary), page: query.page, pageSize: query.pageSize, total };
  }

  async function blocks(actor: Actor, facilityId: string | undefined) {
    return { items: await repo.listBlocks(db, listScope(actor, facilityId)) };
  }

  async function detailOf(trxDb: DbOrTrx, actor: Actor, id: string): Promise<WbpDetail> {
    const row = await repo.findWbp(trxDb, id, actor.facilityIds);
    if (!row) throw notFound('wbp');
    const [transfers, releaseKind] = await Promise.all([
      repo.listTransfers(trxDb, id), row.released_on === null ? null : repo.releaseKindOf(trxDb, id),
    ]);
    return {
      id: row.id,
      sdpNumber: row.sdp_number,
      fullName: row.full_name,
      sex: row.sex,
      legalStatus: row.legal_status,
      facilityId: row.facility_id,
      facilityName: row.facility_name,
      block: row.block,
      room: row.room,
      admissionDate: row.admission_date,
      expectedReleaseDate: row.expected_release_date,
      releasedOn: row.released_on,
      releaseKind,
      birthDate: row.birth_date,
      birthPlace: row.birth_place,
      ageYears: ageInYears(row.birth_date, jakartaDate(now())),
      caseArticles: row.case_articles,
      sentenceMonths: row.sentence_months,
      source: row.source,
      version: row.version,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
      transfers: transfers.map((t) => ({
        id: t.id,
        fromFacilityName: t.from_name,
        toFacilityName: t.to_name,
        transferDate: t.transfer_date,
        reason: t.reason,
        recordedBy: t.recorded_by,
      })),
    };
  }

  async function get(actor: Actor, id: string, origin: RequestOrigin): Promise<WbpDetail> {
    return db.transaction().execute(async (trx) => {
      const detail = await detailOf(trx, actor, id);
      await writeAudit(trx, { actor, origin }, { action: 'read', entityType: 'wbp', entityId: id, facilityId: detail.facilityId });
      return detail;
    });
  }

  async function create(actor: Actor, input: CreateWbpRequest, origin: RequestOrigin): Promise<WbpDetail> {
    if (!mayWorkIn(actor, input.facilityId)) {
      throw validation([{ field: 'facilityId', message: 'validation.facilityNotAllowed' }]);
    }
    return db.transaction().execute(async (trx) => {
      if (await repo.sdpNumberExists(trx, input.sdpNumber)) {
        throw validation([{ field: 'sdpNumber', message: 'error.sdpNumberTaken' }]);
      }
      const id = await repo.insertWbp(trx, {
        sdp_number: input.sdpNumber,
        full_name: input.fullName,
        sex: input.sex,
        birth_date: input.birthDate,
        birth_place: input.birthPlace,
        legal_status: input.legalStatus,
        case_articles: input.caseArticles,
        sentence_months: input.sentenceMonths,
        facility_id: input.facilityId,
        block: input.block,
        room: input.room,
        admission_date: input.admissionDate,
        expected_release_date: input.expectedReleaseDate,
      });
      await writeAudit(trx, { actor, origin }, {
        action: 'create', entityType: 'wbp', entityId: id, facilityId: input.facilityId, details: { sdpNumber: input.sdpNumber },
      });
      return detailOf(trx, actor, id);
    });
  }

  async function update(actor: Actor, id: string, input: UpdateWbpRequest, origin: RequestOrigin): Promise<WbpDetail> {
    return db.transaction().execute(async (trx) => {
      const current = await repo.findWbp(trx, id, actor.facilityIds);
      if (!current) throw notFound('wbp');
      refuseIfReleased(current);
      if (input.sdpNumber && input.sdpNumber !== current.sdp_number && (await repo.sdpNumberExists(trx, input.sdpNumber, id))) {
        throw validation([{ field: 'sdpNumber', message: 'error.sdpNumberTaken' }]);
      }
      const changes = {
        ...(input.sdpNumber ? { sdp_number: input.sdpNumber } : {}),
        full_name: input.fullName,
        sex: input.sex,
        birth_date: input.birthDate,
        birth_place: input.birthPlace,
        legal_status: input.legalStatus,
        case_articles: input.caseArticles,
        sentence_months: input.sentenceMonths,
        block: input.block,
        room: input.room,
        admission_date: input.admissionDate,
        expected_release_date: input.expectedReleaseDate,
      };
      if (!(await repo.updateWbpAtVersion(trx, id, input.version, changes))) throw conflict();
      const changed = Object.entries(changes)
        .filter(([key, value]) => JSON.stringify((current as Record<string, unknown>)[key]) !== JSON.stringify(value))
        .map(([key]) => key);
      await writeAudit(trx, { actor, origin }, { action: 'update', entityType: 'wbp', entityId: id, facilityId: current.facility_id, details: { changed } });
      return detailOf(trx, actor, id);
    });
  }

  async function transfer(actor: Actor, id: string, input: TransferWbpRequest, origin: RequestOrigin): Promise<WbpDetail> {
    return db.transaction().execute(async (trx) => {
      const current = await repo.findWbp(trx, id, actor.facilityIds);
      if (!current) throw notFound('wbp');
      refuseIfReleased(current);
      const target = await repo.findFacility(trx, input.toFacilityId);
      if (!target || !CUSTODIAL_KINDS.includes(target.kind)) {
        throw validation([{ field: 'toFacilityId', message: 'validation.facilityNotCustodial' }]);
      }
      if (target.id === current.facility_id) throw validation([{ field: 'toFacilityId', message: 'error.sameFacility' }]);
      if (!(await repo.updateWbpAtVersion(trx, id, input.version, { facility_id: target.id, block: null, room: null }))) throw conflict();
      await repo.insertTransfer(trx, {
        wbpId: id, from: current.facility_id, to: target.id, date: input.transferDate, reason: input.reason, recordedBy: actor.userId,
      });
      const ended = await endProgrammesOnTransfer(trx, [{ wbpId: id, fromFacilityId: current.facility_id }], { date: input.transferDate, by: actor.userId });
      await writeAudit(trx, { actor, origin }, {
        action: 'transfer', entityType: 'wbp', entityId: id, facilityId: current.facility_id,
        details: { to: target.id, date: input.transferDate, endedEnrolments: ended.map((e) => e.id) },
      });
      // The sending unit may no longer see the person; answer with what it recorded.
      const visible = mayWorkIn(actor, target.id) ? actor.facilityIds : [...actor.facilityIds, target.id];
      return detailOf(trx, { ...actor, facilityIds: visible }, id);
    });
  }

  return { list, blocks, get, create, update, transfer };
}

export type WbpService = ReturnType<typeof createWbpService>;
