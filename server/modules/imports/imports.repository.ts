import { sql } from 'kysely';
import { CUSTODIAL_KINDS } from '../../../shared/contracts/common.ts';
import type { DbOrTrx } from '../../db/database.ts';
import type { NewWbp } from '../../db/schema.ts';

export async function custodialFacilityCodes(db: DbOrTrx): Promise<Map<string, string>> {
  const rows = await db.selectFrom('organizations').select(['id', 'code']).where('kind', 'in', [...CUSTODIAL_KINDS]).execute();
  return new Map(rows.map((r) => [r.code.toUpperCase(), r.id]));
}

export async function existingBySdpNumber(db: DbOrTrx, numbers: readonly string[]) {
  if (numbers.length === 0) return [];
  // One array parameter, not one parameter per number: the statement is parsed and bound in the
  // same time whatever the batch's size.
  return db
    .selectFrom('wbp')
    .select([
      'id', 'sdp_number', 'full_name', 'sex', 'birth_date', 'birth_place', 'legal_status', 'case_articles',
      'sentence_months', 'facility_id', 'block', 'room', 'admission_date', 'expected_release_date', 'released_on',
    ])
    .where(sql<boolean>`sdp_number = ANY(${[...numbers]}::text[])`)
    .execute();
}

/** A PostgreSQL array literal of texts, for a text[] column carried as one text through unnest. */
export function textArrayLiteral(items: readonly string[]): string {
  return `{${items.map((item) => `"${item.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

/**
 * Inserts new people and updates known ones in one statement, matched on the SDP number. A row of a
 * released person reaches this only as a re-admission, so every written row is of someone held:
 * `released_on` becomes empty. The rows travel as one array per column through unnest, so a batch of
 * a thousand people is 13 parameters, not 13,000: PostgreSQL parses and plans the statement once
 * for its shape, and the driver sends each column as one value.
 */
export async function upsertWbp(db: DbOrTrx, rows: readonly NewWbp[]): Promise<{ id: string; sdp_number: string }[]> {
  if (rows.length === 0) return [];
  const column = <K extends keyof NewWbp>(key: K) => rows.map((r) => r[key] ?? null);
  const result = await sql<{ id: string; sdp_number: string }>`
    INSERT INTO wbp AS w (sdp_number, full_name, sex, birth_date, birth_place, legal_status, case_articles, sentence_months, facility_id,
      block, room, admission_date, expected_release_date, source)
    SELECT r.sdp_number, r.full_name, r.sex, r.birth_date, r.birth_place, r.legal_status, r.case_articles::text[], r.sentence_months,
      r.facility_id, r.block, r.room, r.admission_date, r.expected_release_date, 'sdp'
    FROM unnest(
      ${column('sdp_number')}::text[], ${column('full_name')}::text[], ${column('sex')}::text[], ${column('birth_date')}::date[],
      ${column('birth_place')}::text[], ${column('legal_status')}::text[],
      ${rows.map((r) => textArrayLiteral(r.case_articles ?? []))}::text[], ${column('sentence_months')}::int[],
      ${column('facility_id')}::uuid[], ${column('block')}::text[], ${column('room')}::text[], ${column('admission_date')}::date[],
      ${column('expected_release_date')}::date[]
    ) AS r (sdp_number, full_name, sex, birth_date, birth_place, legal_status, case_articles, sentence_months, facility_id,
      block, room, admission_date, expected_release_date)
    ON CONFLICT (sdp_number) DO UPDATE SET
      full_name = excluded.full_name, sex = excluded.sex, birth_date = excluded.birth_date, birth_place = excluded.birth_place,
      legal_status = excluded.legal_status, case_articles = excluded.case_articles, sentence_months = excluded.sentence_months,
      facility_id = excluded.facility_id, block = excluded.block, room = excluded.room, admission_date = excluded.admission_date,
      expected_release_date = excluded.expected_release_date, released_on = NULL, source = 'sdp', version = w.version + 1,
      updated_at = now()
    RETURNING w.id, w.sdp_number`.execute(db);
  return result.rows;
}

export async function insertTransfers(
  db: DbOrTrx,
  rows: readonly { wbp_id: string; from_facility_id: string; to_facility_id: string; transfer_date: string; reason: string; recorded_by: string | null }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('wbp_transfers').values([...rows]).execute();
}
