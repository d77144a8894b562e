import type { Readable } from 'node:stream';
import {
  AGREEMENT_DOCUMENT_TYPES, type AgreementAlerts, type AgreementBody, type AgreementDocument, type AgreementListQuery, type AgreementPage,
  type AgreementRecord, type AgreementSummary, MAX_AGREEMENT_DOCUMENT_BYTES, type TerminateAgreementBody, type UpdateAgreementBody,
} from '../../../shared/contracts/agreements.ts';
import { CUSTODIAL_KINDS, type OrgKind } from '../../../shared/contracts/common.ts';
import { agreementStatus } from '../../../shared/domain/agreements.ts';
import { daysBetween, jakartaDate } from '../../../shared/domain/dates.ts';
import { can } from '../../../shared/domain/permissions.ts';
import type { Db, DbOrTrx } from '../../db/database.ts';
import type { Actor, RequestOrigin } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { AppError, type FieldProblem, conflict, forbidden, notFound, validation } from '../../platform/errors.ts';
import * as repo from './agreements.repository.ts';

export type DocumentType = (typeof AGREEMENT_DOCUMENT_TYPES)[number];

/** The first bytes each accepted type must start with: a file is what it claims to be, or it is refused. */
const MAGIC: Record<DocumentType, readonly number[][]> = {
  'application/pdf': [[0x25, 0x50, 0x44, 0x46]],
  'image/png': [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  'image/jpeg': [[0xff, 0xd8, 0xff]],
};

const isDocumentType = (type: string): type is DocumentType => (AGREEMENT_DOCUMENT_TYPES as readonly string[]).includes(type);

function startsWith(content: Uint8Array, magic: readonly number[]): boolean {
  return content.byteLength >= magic.length && magic.every((b, i) => content[i] === b);
}

const tooLarge = () => new AppError('PAYLOAD_TOO_LARGE', 'error.agreement.documentTooLarge', { params: { mb: MAX_AGREEMENT_DOCUMENT_BYTES / (1024 * 1024) } });

/** Reads the raw body, refusing it as soon as it grows past the limit. */
export async function readLimited(body: Readable, limit: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buffer.byteLength;
    if (size > limit) {
      body.destroy();
      throw tooLarge();
    }
    chunks.push(buffer);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/** A name safe to store and to put in a header: no folders, no control characters, no quotes. */
function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = [...base].filter((c) => c !== '"' && c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f).join('').trim();
  return cleaned.length > 0 ? cleaned.slice(0, 200) : 'dokumen';
}

type Party = repo.PartyRow;

export function createAgreementsService(deps: { db: Db; now: () => Date }) {
  const { db, now } = deps;
  const today = () => jakartaDate(now());

  async function statusDay(handle: DbOrTrx): Promise<repo.StatusDay> {
    return { today: today(), alertDays: await repo.alertDays(handle) };
  }

  /** National: everything; regional: a party among its units; anyone else: agreements its own organisation is party to. */
  function visibilityOf(actor: Actor): repo.Visibility {
    if (actor.role === 'national_admin') return { all: true };
    if (actor.role === 'regional_manager') return { partyAmong: actor.statsFacilityIds };
    return { partyAmong: [actor.organizationId] };
  }

  function canSee(actor: Actor, partyIds: readonly string[]): boolean {
    const v = visibilityOf(actor);
    return 'all' in v || partyIds.some((id) => v.partyAmong.includes(id));
  }

  /** National: any; regional: a unit holding people of its region is a party; head of unit: its own unit is a party. */
  function mayManage(actor: Actor, parties: readonly { id: string; kind: OrgKind }[]): boolean {
    if (!can(actor.role, 'agreement.manage')) return false;
    if (actor.role === 'national_admin') return true;
    if (actor.role === 'regional_manager') return parties.some((p) => CUSTODIAL_KINDS.includes(p.kind) && actor.statsFacilityIds.includes(p.id));
    if (actor.role === 'head_of_unit') return parties.some((p) => p.id === actor.organizationId);
    return false;
  }

  function summary(actor: Actor, row: repo.AgreementRow, parties: readonly Party[], day: repo.StatusDay): AgreementSummary {
    const status = agreementStatus({ validFrom: row.valid_from, validUntil: row.valid_until, terminatedOn: row.terminated_on }, day.today, day.alertDays);
    const inForce = status === 'in_force' || status === 'expiring';
    return {
      id: row.id, number: row.number, title: row.title, kind: row.kind, signedOn: row.signed_on, validFrom: row.valid_from, validUntil: row.valid_until,
      terminatedOn: row.terminated_on, scopes: row.scopes,
      parties: parties.map((p) => ({ organizationId: p.id, name: p.name, code: p.code, kind: p.kind })),
      status,
      daysLeft: inForce && row.valid_until !== null ? daysBetween(day.today, row.valid_until) : null,
      canManage: mayManage(actor, parties),
      createdAt: row.created_at.toISOString(), version: row.version,
    };
  }

  function documentRecord(d: repo.DocumentRow): AgreementDocument {
    return { id: d.id, filename: d.filename, contentType: d.content_type, size: d.size_bytes, uploadedAt: d.uploaded_at.toISOString(), uploadedBy: d.uploaded_by_name };
  }

  async function record(handle: DbOrTrx, actor: Actor, id: string): Promise<AgreementRecord> {
    const row = await repo.findAgreement(handle, id);
    if (!row) throw notFound('agreement');
    const [parties, documents, day] = [await repo.partiesOf(handle, [id]), await repo.documentsOf(handle, id), await statusDay(handle)];
    return { ...summary(actor, row, parties, day), note: row.note, terminationReason: row.termination_reason, documents: documents.map(documentRecord) };
  }

  /** The agreement as the actor may reach it: 404 when it may not see it, 403 when it sees but may not manage it. */
  async function reachable(handle: DbOrTrx, actor: Actor, id: string, need: 'see' | 'manage', lock = false) {
    const row = await repo.findAgreement(handle, id, { lock });
    if (!row) throw notFound('agreement');
    const parties = await repo.partiesOf(handle, [id]);
    if (!canSee(actor, parties.map((p) => p.id))) throw notFound('agreement');
    if (need === 'manage' && !mayManage(actor, parties)) throw forbidden();
    return { row, parties };
  }

  /** The checks of the parties that need the database: each exists, one holds people, one is another organisation, and the actor may manage them. */
  async function checkParties(handle: DbOrTrx, actor: Actor, partyIds: readonly string[]): Promise<void> {
    const found = await repo.organizationsIn(handle, partyIds);
    const byId = new Map(found.map((o) => [o.id, o]));
    const missing = partyIds.filter((id) => !byId.has(id));
    const problems: FieldProblem[] = missing.map((id) => ({ field: 'partyIds', message: 'validation.agreement.unknownParty', params: { id } }));
    if (problems.length > 0) throw validation(problems);
    const parties = found.map((o) => ({ id: o.id, kind: o.kind }));
    if (!parties.some((p) => CUSTODIAL_KINDS.includes(p.kind))) problems.push({ field: 'partyIds', message: 'validation.agreement.unitRequired' });
    if (!parties.some((p) => !CUSTODIAL_KINDS.includes(p.kind))) problems.push({ field: 'partyIds', message: 'validation.agreement.partnerRequired' });
    if (problems.length === 0 && !mayManage(actor, parties)) {
      problems.push({ field: 'partyIds', message: actor.role === 'head_of_unit' ? 'validation.agreement.ownUnitRequired' : 'validation.agreement.regionUnitRequired' });
    }
    if (problems.length > 0) throw validation(problems);
  }

  function valuesOf(body: AgreementBody): repo.AgreementValues {
    return {
      number: body.number, title: body.title, kind: body.kind, signed_on: body.signedOn, valid_from: body.validFrom, valid_until: body.validUntil,
      scopes: body.scopes, note: body.note,
    };
  }

  return {
    async list(actor: Actor, query: AgreementListQuery): Promise<AgreementPage> {
      const day = await statusDay(db);
      const { rows, total } = await repo.listAgreements(db, visibilityOf(actor), query, day);
      const parties = await repo.partiesOf(db, rows.map((r) => r.id));
      return {
        items: rows.map((r) => summary(actor, r, parties.filter((p) => p.agreement_id === r.id), day)),
        page: query.page, pageSize: query.pageSize, total,
      };
    },

    async alerts(actor: Actor): Promise<AgreementAlerts> {
      const day = await statusDay(db);
      const rows = await repo.alertAgreements(db, visibilityOf(actor), day);
      const parties = await repo.partiesOf(db, rows.map((r) => r.id));
      return { alertDays: day.alertDays, items: rows.map((r) => summary(actor, r, parties.filter((p) => p.agreement_id === r.id), day)) };
    },

    async get(actor: Actor, id: string): Promise<AgreementRecord> {
      await reachable(db, actor, id, 'see');
      return record(db, actor, id);
    },

    async create(actor: Actor, body: AgreementBody, origin: RequestOrigin): Promise<AgreementRecord> {
      return db.transaction().execute(async (trx) => {
        await checkParties(trx, actor, body.partyIds);
        const id = await repo.insertAgreement(trx, valuesOf(body), body.partyIds, actor.userId, now());
        await writeAudit(trx, { actor, origin }, {
          action: 'create', entityType: 'agreement', entityId: id,
          details: { number: body.number, kind: body.kind, partyIds: body.partyIds, scopes: body.scopes, validFrom: body.validFrom, validUntil: body.validUntil },
        });
        return record(trx, actor, id);
      });
    },

    async update(actor: Actor, id: string, body: UpdateAgreementBody, origin: RequestOrigin): Promise<AgreementRecord> {
      return db.transaction().execute(async (trx) => {
        const { row, parties } = await reachable(trx, actor, id, 'manage', true);
        if (row.terminated_on !== null) throw validation([{ field: 'terminatedOn', message: 'validation.agreement.terminated', params: { date: row.terminated_on } }]);
        if (row.version !== body.version) throw conflict();
        await checkParties(trx, actor, body.partyIds);
        if (!(await repo.updateAgreement(trx, id, body.version, valuesOf(body), body.partyIds, now()))) throw conflict();
        await writeAudit(trx, { actor, origin }, {
          action: 'update', entityType: 'agreement', entityId: id,
          details: {
            before: { scopes: row.scopes, partyIds: parties.map((p) => p.id), validFrom: row.valid_from, validUntil: row.valid_until },
            after: { scopes: body.scopes, partyIds: body.partyIds, validFrom: body.validFrom, validUntil: body.validUntil },
          },
        });
        return record(trx, actor, id);
      });
    },

    /** Ends an agreement from the given day (today at the latest): its partners lose access at their next request. */
    async terminate(actor: Actor, id: string, body: TerminateAgreementBody, origin: RequestOrigin): Promise<AgreementRecord> {
      return db.transaction().execute(async (trx) => {
        const { row } = await reachable(trx, actor, id, 'manage', true);
        const problems: FieldProblem[] = [];
        if (row.terminated_on !== null) problems.push({ field: 'terminatedOn', message: 'validation.agreement.alreadyTerminated', params: { date: row.terminated_on } });
        else if (body.terminatedOn < row.valid_from) problems.push({ field: 'terminatedOn', message: 'validation.agreement.terminatedBeforeFrom', params: { date: row.valid_from } });
        else if (body.terminatedOn > today()) problems.push({ field: 'terminatedOn', message: 'validation.agreement.terminatedInFuture' });
        else if (row.valid_until !== null && body.terminatedOn > row.valid_until) {
          problems.push({ field: 'terminatedOn', message: 'validation.agreement.terminatedAfterEnd', params: { date: row.valid_until } });
        }
        if (problems.length > 0) throw validation(problems);
        if (row.version !== body.version) throw conflict();
        const done = await repo.terminateAgreement(trx, id, body.version, { terminatedOn: body.terminatedOn, reason: body.reason, by: actor.userId, at: now() });
        if (!done) throw conflict();
        await writeAudit(trx, { actor, origin }, {
          action: 'update', entityType: 'agreement', entityId: id, details: { terminatedOn: body.terminatedOn, reason: body.reason },
        });
        return record(trx, actor, id);
      });
    },

    /** Attaches a scan of the signed agreement (PDF, JPEG or PNG). Nothing attached is ever removed. */
    async attach(actor: Actor, id: string, upload: { filename: string; contentType: string; body: Readable | null; declaredSize: number | null },
      origin: RequestOrigin): Promise<AgreementRecord> {
      await reachable(db, actor, id, 'manage');
      const type = upload.contentType.split(';')[0]?.trim().toLowerCase() ?? '';
      if (!isDocumentType(type)) throw validation([{ field: 'file', message: 'validation.agreement.documentType' }]);
      if (upload.declaredSize !== null && upload.declaredSize > MAX_AGREEMENT_DOCUMENT_BYTES) throw tooLarge();
      const content = upload.body ? await readLimited(upload.body, MAX_AGREEMENT_DOCUMENT_BYTES) : new Uint8Array();
      if (content.byteLength === 0) throw validation([{ field: 'file', message: 'validation.agreement.documentEmpty' }]);
      if (!MAGIC[type].some((m) => startsWith(content, m))) throw validation([{ field: 'file', message: 'validation.agreement.documentContent' }]);
      const filename = cleanFilename(upload.filename);
      return db.transaction().execute(async (trx) => {
        await reachable(trx, actor, id, 'manage', true);
        const documentId = await repo.insertDocument(trx, { agreementId: id, filename, contentType: type, content, by: actor.userId, at: now() });
        await writeAudit(trx, { actor, origin }, {
          action: 'create', entityType: 'agreement_document', entityId: documentId, details: { agreementId: id, filename, contentType: type, size: content.byteLength },
        });
        return record(trx, actor, id);
      });
    },

    async document(actor: Actor, id: string, documentId: string, origin: RequestOrigin) {
      return db.transaction().execute(async (trx) => {
        await reachable(trx, actor, id, 'see');
        const doc = await repo.findDocument(trx, id, documentId);
        if (!doc) throw notFound('document');
        await writeAudit(trx, { actor, origin }, { action: 'read', entityType: 'agreement_document', entityId: documentId, details: { agreementId: id } });
        return { filename: doc.filename, contentType: doc.content_type, content: doc.content };
      });
    },
  };
}

export type AgreementsService = ReturnType<typeof createAgreementsService>;
