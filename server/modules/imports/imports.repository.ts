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
  return db
    .selectFrom('wbp')
    .select([
      'id', 'sdp_number', 'full_name', 'sex', 'birth_date', 'birth_place', 'legal_status', 'case_articles',
      'sentence_months', 'facility_id', 'block', 'room', 'admission_date', 'expected_release_date', 'released_on',
    ])
    .where('sdp_number', 'in', [...numbers])
    .execute();
}

/**
 * Inserts new people and updates known ones in one statement, matched on the SDP number. A row of a
 * released person reaches this only as a re-admission, so every written row is of someone held:
 * `released_on` takes the row's (empty) value.
 */
export async function upsertWbp(db: DbOrTrx, rows: readonly NewWbp[]): Promise<{ id: string; sdp_number: string }[]> {
  if (rows.length === 0) return [];
  return db
    .insertInto('wbp')
    .values([...rows])
    .onConflict((oc) =>
      oc.column('sdp_number').doUpdateSet((eb) => ({
        full_name: eb.ref('excluded.full_name'),
        sex: eb.ref('excluded.sex'),
        birth_date: eb.ref('excluded.birth_date'),
        birth_place: eb.ref('excluded.birth_place'),
        legal_status: eb.ref('excluded.legal_status'),
        case_articles: eb.ref('excluded.case_articles'),
        sentence_months: eb.ref('excluded.sentence_months'),
        facility_id: eb.ref('excluded.facility_id'),
        block: eb.ref('excluded.block'),
        room: eb.ref('excluded.room'),
        admission_date: eb.ref('excluded.admission_date'),
        expected_release_date: eb.ref('excluded.expected_release_date'),
        released_on: eb.ref('excluded.released_on'),
        source: sql<'sdp'>`'sdp'`,
        version: sql<number>`wbp.version + 1`,
        updated_at: sql<Date>`now()`,
      })),
    )
    .returning(['id', 'sdp_number'])
    .execute();
}

export async function insertTransfers(
  db: DbOrTrx,
  rows: readonly { wbp_id: string; from_facility_id: string; to_facility_id: string; transfer_date: string; reason: string; recorded_by: string | null }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('wbp_transfers').values([...rows]).execute();
}
