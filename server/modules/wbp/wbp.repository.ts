import { sql } from 'kysely';
import type { LegalStatus } from '../../../shared/contracts/common.ts';
import type { WbpCustodyFilter } from '../../../shared/contracts/wbp.ts';
import type { DbOrTrx } from '../../db/database.ts';
import { heldIn, nameOrNumberLike, peopleIn } from '../../db/people.ts';
import type { NewWbp, WbpUpdate } from '../../db/schema.ts';

export interface WbpFilter {
  facilityIds: readonly string[];
  q?: string | undefined;
  block?: string | undefined;
  legalStatus?: LegalStatus | undefined;
  custody: WbpCustodyFilter;
  sort: 'name' | 'admission';
  limit: number;
  offset: number;
}

function filtered(db: DbOrTrx, f: Omit<WbpFilter, 'sort' | 'limit' | 'offset'>) {
  let query = peopleIn(db, f.facilityIds).innerJoin('organizations as o', 'o.id', 'wbp.facility_id');
  if (f.q) query = query.where(nameOrNumberLike(f.q));
  if (f.block) query = query.where('wbp.block', '=', f.block);
  if (f.legalStatus) query = query.where('wbp.legal_status', '=', f.legalStatus);
  if (f.custody === 'held') query = query.where('wbp.released_on', 'is', null);
  if (f.custody === 'released') query = query.where('wbp.released_on', 'is not', null);
  return query;
}

export async function listWbp(db: DbOrTrx, f: WbpFilter) {
  const base = filtered(db, f);
  let itemsQuery = base.select([
    'wbp.id', 'wbp.sdp_number', 'wbp.full_name', 'wbp.sex', 'wbp.legal_status', 'wbp.facility_id',
    'o.name as facility_name', 'wbp.block', 'wbp.room', 'wbp.admission_date', 'wbp.expected_release_date',
    'wbp.released_on',
  ]);
  itemsQuery = f.sort === 'admission'
    ? itemsQuery.orderBy('wbp.admission_date', 'desc').orderBy('wbp.id')
    : itemsQuery.orderBy(sql`lower(wbp.full_name)`).orderBy('wbp.id');
  const [items, count] = await Promise.all([
    itemsQuery.limit(f.limit).offset(f.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.total) };
}

export async function listBlocks(db: DbOrTrx, facilityIds: readonly string[]): Promise<string[]> {
  if (facilityIds.length === 0) return [];
  const rows = await heldIn(db, facilityIds)
    .select('wbp.block')
    .distinct()
    .where('wbp.block', 'is not', null)
    .orderBy('wbp.block')
    .execute();
  return rows.map((r) => r.block).filter((b): b is string => b !== null);
}

export async function findWbp(db: DbOrTrx, id: string, facilityIds: readonly string[]) {
  if (facilityIds.length === 0) return undefined;
  return peopleIn(db, facilityIds)
    .innerJoin('organizations as o', 'o.id', 'wbp.facility_id')
    .selectAll('wbp')
    .select('o.name as facility_name')
    .where('wbp.id', '=', id)
    .executeTakeFirst();
}

export async function listTransfers(db: DbOrTrx, wbpId: string) {
  return db
    .selectFrom('wbp_transfers as t')
    .innerJoin('organizations as f', 'f.id', 't.from_facility_id')
    .innerJoin('organizations as d', 'd.id', 't.to_facility_id')
    .leftJoin('users as u', 'u.id', 't.recorded_by')
    .select(['t.id', 'f.name as from_name', 'd.name as to_name', 't.transfer_date', 't.reason', 'u.full_name as recorded_by'])
    .where('t.wbp_id', '=', wbpId)
    .orderBy('t.transfer_date', 'desc')
    .orderBy('t.created_at', 'desc')
    .execute();
}

export async function sdpNumberExists(db: DbOrTrx, sdpNumber: string, exceptId?: string): Promise<boolean> {
  let q = db.selectFrom('wbp').select('id').where('sdp_number', '=', sdpNumber);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function insertWbp(db: DbOrTrx, row: NewWbp): Promise<string> {
  const inserted = await db.insertInto('wbp').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

/** The kind of the plan a released person was released on (the latest released plan). */
export async function releaseKindOf(db: DbOrTrx, wbpId: string) {
  const row = await db.selectFrom('release_plans').select('kind').where('wbp_id', '=', wbpId).where('status', '=', 'released')
    .orderBy('released_on', 'desc').orderBy('updated_at', 'desc').executeTakeFirst();
  return row?.kind ?? null;
}

/** Updates only when the stored version is the one the editor saw; returns false otherwise. */
export async function updateWbpAtVersion(db: DbOrTrx, id: string, version: number, changes: WbpUpdate): Promise<boolean> {
  const result = await db
    .updateTable('wbp')
    .set({ ...changes, version: sql<number>`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertTransfer(
  db: DbOrTrx,
  t: { wbpId: string; from: string; to: string; date: string; reason: string; recordedBy: string | null },
): Promise<void> {
  await db
    .insertInto('wbp_transfers')
    .values({ wbp_id: t.wbpId, from_facility_id: t.from, to_facility_id: t.to, transfer_date: t.date, reason: t.reason, recorded_by: t.recordedBy })
    .execute();
}

export async function findFacility(db: DbOrTrx, id: string) {
  return db.selectFrom('organizations').select(['id', 'kind', 'name', 'code']).where('id', '=', id).executeTakeFirst();
}
