import { sql, type Insertable } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';
import { inScope } from '../../db/people.ts';
import type { PtrmRecordsTable } from '../../db/schema.ts';

export { findPerson } from '../../db/people.ts';
export { unitLetterhead } from '../../db/units.ts';

function recordsQuery(db: DbOrTrx) {
  return db
    .selectFrom('ptrm_records as r')
    .leftJoin('users as u', 'u.id', 'r.created_by')
    .select([
      'r.id', 'r.wbp_id', 'r.facility_id', 'r.clinic_name', 'r.clinic_organization_id', 'r.started_on', 'r.ended_on', 'r.note',
      'r.created_at', 'r.version', 'u.full_name as created_by_name',
    ]);
}

export type RecordRow = Awaited<ReturnType<ReturnType<typeof recordsQuery>['execute']>>[number];

/** A person's records, the open one and then the latest started first. */
export async function listRecords(db: DbOrTrx, wbpId: string) {
  return recordsQuery(db)
    .where('r.wbp_id', '=', wbpId)
    .orderBy(sql`r.ended_on IS NULL`, 'desc')
    .orderBy('r.started_on', 'desc')
    .orderBy('r.created_at', 'desc')
    .execute();
}

/** A record of a person held in one of these units (the record follows the person), or undefined. */
export async function findRecord(db: DbOrTrx, id: string, facilityIds: readonly string[]) {
  return recordsQuery(db)
    .innerJoin('wbp as w', 'w.id', 'r.wbp_id')
    .select('w.facility_id as person_facility_id')
    .where('r.id', '=', id)
    .where('w.facility_id', 'in', inScope(facilityIds))
    .executeTakeFirst();
}

export async function openRecordOf(db: DbOrTrx, wbpId: string) {
  return db
    .selectFrom('ptrm_records')
    .select(['id', 'clinic_name', 'started_on'])
    .where('wbp_id', '=', wbpId)
    .where('ended_on', 'is', null)
    .executeTakeFirst();
}

export async function dosesOf(db: DbOrTrx, ptrmIds: readonly string[]) {
  if (ptrmIds.length === 0) return [];
  return db
    .selectFrom('ptrm_dose_reports as d')
    .leftJoin('users as u', 'u.id', 'd.recorded_by')
    .select(['d.id', 'd.ptrm_id', 'd.dose_mg', 'd.reported_on', 'd.source', 'd.created_at', 'u.full_name as recorded_by_name'])
    .where('d.ptrm_id', 'in', [...ptrmIds])
    .orderBy('d.reported_on', 'desc')
    .orderBy('d.created_at', 'desc')
    .orderBy('d.id')
    .execute();
}

export async function handoversOf(db: DbOrTrx, ptrmIds: readonly string[]) {
  if (ptrmIds.length === 0) return [];
  return db
    .selectFrom('ptrm_handovers as h')
    .leftJoin('users as u', 'u.id', 'h.issued_by')
    .select(['h.id', 'h.ptrm_id', 'h.reason', 'h.to_name', 'h.issued_on', 'h.created_at', 'u.full_name as issued_by_name'])
    .where('h.ptrm_id', 'in', [...ptrmIds])
    .orderBy('h.issued_on', 'desc')
    .orderBy('h.created_at', 'desc')
    .orderBy('h.id')
    .execute();
}

export async function organizationExists(db: DbOrTrx, id: string): Promise<boolean> {
  return (await db.selectFrom('organizations').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function insertRecord(db: DbOrTrx, row: Insertable<PtrmRecordsTable>): Promise<string> {
  return (await db.insertInto('ptrm_records').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertDose(db: DbOrTrx, d: { ptrmId: string; doseMg: number; reportedOn: string; source: string; by: string; at: Date }): Promise<string> {
  return (await db
    .insertInto('ptrm_dose_reports')
    .values({ ptrm_id: d.ptrmId, dose_mg: d.doseMg.toFixed(1), reported_on: d.reportedOn, source: d.source, recorded_by: d.by, created_at: d.at })
    .returning('id')
    .executeTakeFirstOrThrow()).id;
}

/** Ends an open record from the version seen; false when it changed or had ended meanwhile. */
export async function endRecord(db: DbOrTrx, id: string, version: number, endedOn: string): Promise<boolean> {
  const result = await db
    .updateTable('ptrm_records')
    .set({ ended_on: endedOn, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('ended_on', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertHandover(
  db: DbOrTrx,
  h: { ptrmId: string; wbpId: string; reason: 'transfer' | 'release'; toName: string; issuedOn: string; by: string; at: Date },
): Promise<string> {
  return (await db
    .insertInto('ptrm_handovers')
    .values({ ptrm_id: h.ptrmId, wbp_id: h.wbpId, reason: h.reason, to_name: h.toName, issued_on: h.issuedOn, issued_by: h.by, created_at: h.at })
    .returning('id')
    .executeTakeFirstOrThrow()).id;
}

/**
 * Everything the hand-over letter says, for a person held in one of these units: with the unit that
 * recorded the PTRM and the issuer's organisation, one of which heads the letter.
 */
export async function findHandoverLetter(db: DbOrTrx, id: string, facilityIds: readonly string[]) {
  return db
    .selectFrom('ptrm_handovers as h')
    .innerJoin('ptrm_records as r', 'r.id', 'h.ptrm_id')
    .innerJoin('wbp as w', 'w.id', 'h.wbp_id')
    .leftJoin('users as u', 'u.id', 'h.issued_by')
    .leftJoin('organizations as io', 'io.id', 'u.organization_id')
    .select([
      'h.id', 'h.ptrm_id', 'h.reason', 'h.to_name', 'h.issued_on',
      'r.clinic_name', 'r.started_on', 'r.facility_id as record_unit_id',
      'w.id as wbp_id', 'w.full_name', 'w.sdp_number', 'w.birth_place', 'w.birth_date', 'w.facility_id as person_facility_id',
      'u.full_name as issued_by_name', 'io.id as issuer_org_id', 'io.kind as issuer_org_kind',
    ])
    .where('h.id', '=', id)
    .where('w.facility_id', 'in', inScope(facilityIds))
    .executeTakeFirst();
}

/** The dose reported last, up to and including a date (a letter says what was known when it was issued). */
export async function latestDoseOn(db: DbOrTrx, ptrmId: string, onOrBefore: string) {
  return db
    .selectFrom('ptrm_dose_reports')
    .select(['dose_mg', 'reported_on', 'source'])
    .where('ptrm_id', '=', ptrmId)
    .where('reported_on', '<=', onOrBefore)
    .orderBy('reported_on', 'desc')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}
