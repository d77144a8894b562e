import { type ExpressionBuilder, sql } from 'kysely';
import type { AgreementListQuery } from '../../../shared/contracts/agreements.ts';
import { CUSTODIAL_KINDS } from '../../../shared/contracts/common.ts';
import { type AgreementScope, type AgreementStatus, EXPIRED_ALERT_DAYS, expiryAlertDaysOf } from '../../../shared/domain/agreements.ts';
import { addDays } from '../../../shared/domain/dates.ts';
import { agreementInForce } from '../../db/agreements.ts';
import type { DbOrTrx } from '../../db/database.ts';
import { containing } from '../../db/like.ts';
import type { AgreementDocumentsTable, AgreementsTable, Database } from '../../db/schema.ts';

type Eb = ExpressionBuilder<Database & { ag: AgreementsTable }, 'ag'>;

/** Which agreements a reader sees: all of them, or those with a party among the given organisations. */
export type Visibility = { all: true } | { partyAmong: readonly string[] };

/** The day an agreement's status is computed on, and the alert window that makes it "expiring". */
export interface StatusDay { today: string; alertDays: number }

export async function alertDays(db: DbOrTrx): Promise<number> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'agreementExpiryAlertDays').executeTakeFirst();
  return expiryAlertDaysOf(row?.value);
}

function visible(eb: Eb, v: Visibility) {
  if ('all' in v) return sql<boolean>`true`;
  if (v.partyAmong.length === 0) return sql<boolean>`false`;
  return eb.exists(
    eb.selectFrom('agreement_parties as vp').select('vp.organization_id').whereRef('vp.agreement_id', '=', 'ag.id').where('vp.organization_id', 'in', [...v.partyAmong]),
  );
}

/** The status as SQL, the same rules as agreementStatus (shared/domain/agreements.ts). */
function hasStatus(eb: Eb, status: AgreementStatus, day: StatusDay) {
  const { today } = day;
  const alertEnd = addDays(today, day.alertDays);
  const terminated = eb.and([eb('ag.terminated_on', 'is not', null), eb('ag.terminated_on', '<=', today)]);
  const notTerminated = eb.or([eb('ag.terminated_on', 'is', null), eb('ag.terminated_on', '>', today)]);
  switch (status) {
    case 'terminated':
      return terminated;
    case 'pending':
      return eb.and([notTerminated, eb('ag.valid_from', '>', today)]);
    case 'expired':
      return eb.and([notTerminated, eb('ag.valid_from', '<=', today), eb('ag.valid_until', '<', today)]);
    case 'expiring':
      return eb.and([notTerminated, eb('ag.valid_from', '<=', today), eb('ag.valid_until', '>=', today), eb('ag.valid_until', '<=', alertEnd)]);
    case 'in_force':
      return eb.and([notTerminated, eb('ag.valid_from', '<=', today), eb.or([eb('ag.valid_until', 'is', null), eb('ag.valid_until', '>', alertEnd)])]);
  }
}


const AGREEMENT_COLUMNS = [
  'ag.id', 'ag.number', 'ag.title', 'ag.kind', 'ag.signed_on', 'ag.valid_from', 'ag.valid_until', 'ag.terminated_on', 'ag.termination_reason',
  'ag.scopes', 'ag.note', 'ag.created_at', 'ag.version',
] as const;

export async function listAgreements(db: DbOrTrx, visibility: Visibility, query: AgreementListQuery, day: StatusDay) {
  let base = db.selectFrom('agreements as ag').where((eb) => visible(eb, visibility));
  if (query.status) {
    const status = query.status;
    base = base.where((eb) => hasStatus(eb, status, day));
  }
  if (query.organizationId) {
    const orgId = query.organizationId;
    base = base.where((eb) =>
      eb.exists(eb.selectFrom('agreement_parties as fp').select('fp.organization_id').whereRef('fp.agreement_id', '=', 'ag.id').where('fp.organization_id', '=', orgId)));
  }
  if (query.q) {
    const pattern = containing(query.q);
    base = base.where((eb) => eb.or([
      eb('ag.number', 'ilike', pattern),
      eb('ag.title', 'ilike', pattern),
      eb.exists(
        eb.selectFrom('agreement_parties as qp')
          .innerJoin('organizations as qo', 'qo.id', 'qp.organization_id')
          .select('qp.organization_id')
          .whereRef('qp.agreement_id', '=', 'ag.id')
          .where('qo.name', 'ilike', pattern),
      ),
    ]));
  }
  const total = (await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
  const rows = await base
    .select(AGREEMENT_COLUMNS)
    // Those in force first, ending soonest (no end date last); then the rest, newest first.
    .orderBy((eb) => eb.case().when(agreementInForce(day.today)).then(0).else(1).end())
    .orderBy((eb) => eb.case().when(agreementInForce(day.today)).then(eb.ref('ag.valid_until')).end(), (ob) => ob.asc().nullsLast())
    .orderBy('ag.valid_from', 'desc')
    .orderBy('ag.created_at', 'desc')
    .orderBy('ag.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return { rows, total: Number(total) };
}
export type AgreementRow = Awaited<ReturnType<typeof listAgreements>>['rows'][number];

/** Visible agreements in force ending within the window, and those that expired in the last EXPIRED_ALERT_DAYS days. */
export async function alertAgreements(db: DbOrTrx, visibility: Visibility, day: StatusDay) {
  const since = addDays(day.today, -EXPIRED_ALERT_DAYS);
  return db
    .selectFrom('agreements as ag')
    .select(AGREEMENT_COLUMNS)
    .where((eb) => visible(eb, visibility))
    .where((eb) => eb.or([eb('ag.terminated_on', 'is', null), eb('ag.terminated_on', '>', day.today)]))
    .where('ag.valid_from', '<=', day.today)
    .where('ag.valid_until', '>=', since)
    .where('ag.valid_until', '<=', addDays(day.today, day.alertDays))
    .orderBy(sql`${sql.ref('ag.valid_until')} < ${day.today}::date`)
    .orderBy(sql`case when ${sql.ref('ag.valid_until')} >= ${day.today}::date then ${sql.ref('ag.valid_until')} end`, 'asc')
    .orderBy('ag.valid_until', 'desc')
    .orderBy('ag.id')
    .execute();
}

export async function findAgreement(db: DbOrTrx, id: string, options: { lock?: boolean } = {}) {
  let query = db.selectFrom('agreements as ag').select(AGREEMENT_COLUMNS).where('ag.id', '=', id);
  if (options.lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function partiesOf(db: DbOrTrx, agreementIds: readonly string[]) {
  if (agreementIds.length === 0) return [];
  return db
    .selectFrom('agreement_parties as p')
    .innerJoin('organizations as o', 'o.id', 'p.organization_id')
    .select(['p.agreement_id', 'o.id', 'o.name', 'o.code', 'o.kind'])
    .where('p.agreement_id', 'in', [...agreementIds])
    // The units holding people first, then the partners, each by name.
    .orderBy((eb) => eb.case().when('o.kind', 'in', [...CUSTODIAL_KINDS]).then(0).else(1).end())
    .orderBy('o.name')
    .execute();
}
export type PartyRow = Awaited<ReturnType<typeof partiesOf>>[number];

export async function organizationsIn(db: DbOrTrx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('organizations').select(['id', 'name', 'kind']).where('id', 'in', [...ids]).execute();
}

export interface AgreementValues {
  number: string;
  title: string;
  kind: AgreementsTable['kind'];
  signed_on: string;
  valid_from: string;
  valid_until: string | null;
  scopes: AgreementScope[];
  note: string | null;
}

export async function insertAgreement(db: DbOrTrx, values: AgreementValues, partyIds: readonly string[], by: string, at: Date): Promise<string> {
  const { id } = await db.insertInto('agreements').values({ ...values, created_by: by, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('agreement_parties').values(partyIds.map((organizationId) => ({ agreement_id: id, organization_id: organizationId }))).execute();
  return id;
}

/** Changes an agreement from the version read; false when someone changed it since. */
export async function updateAgreement(db: DbOrTrx, id: string, version: number, values: AgreementValues, partyIds: readonly string[], at: Date): Promise<boolean> {
  const updated = await db
    .updateTable('agreements')
    .set({ ...values, updated_at: at, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) return false;
  await db.deleteFrom('agreement_parties').where('agreement_id', '=', id).execute();
  await db.insertInto('agreement_parties').values(partyIds.map((organizationId) => ({ agreement_id: id, organization_id: organizationId }))).execute();
  return true;
}

export async function terminateAgreement(
  db: DbOrTrx, id: string, version: number, t: { terminatedOn: string; reason: string; by: string; at: Date },
): Promise<boolean> {
  const updated = await db
    .updateTable('agreements')
    .set({ terminated_on: t.terminatedOn, termination_reason: t.reason, terminated_by: t.by, updated_at: t.at, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('terminated_on', 'is', null)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) > 0;
}

export async function documentsOf(db: DbOrTrx, agreementId: string) {
  return db
    .selectFrom('agreement_documents as d')
    .innerJoin('users as u', 'u.id', 'd.uploaded_by')
    .select(['d.id', 'd.filename', 'd.content_type', 'd.size_bytes', 'd.uploaded_at', 'u.full_name as uploaded_by_name'])
    .where('d.agreement_id', '=', agreementId)
    .orderBy('d.uploaded_at')
    .orderBy('d.id')
    .execute();
}
export type DocumentRow = Awaited<ReturnType<typeof documentsOf>>[number];

export async function insertDocument(
  db: DbOrTrx, d: { agreementId: string; filename: string; contentType: AgreementDocumentsTable['content_type']; content: Uint8Array; by: string; at: Date },
): Promise<string> {
  const { id } = await db
    .insertInto('agreement_documents')
    .values({
      agreement_id: d.agreementId, filename: d.filename, content_type: d.contentType, size_bytes: d.content.byteLength, content: d.content,
      uploaded_by: d.by, uploaded_at: d.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function findDocument(db: DbOrTrx, agreementId: string, documentId: string) {
  return db
    .selectFrom('agreement_documents')
    .select(['id', 'filename', 'content_type', 'size_bytes', 'content'])
    .where('agreement_id', '=', agreementId)
    .where('id', '=', documentId)
    .executeTakeFirst();
}
