import { sql } from 'kysely';
import { NARCOTICS_LAW } from '../../../shared/domain/cases.ts';
import type { DbOrTrx } from '../../db/database.ts';

/** Head counts per unit of the people held now (released people are not held): aggregates only, no person leaves this query. */
export async function facilityCounts(db: DbOrTrx, facilityIds: readonly string[]) {
  if (facilityIds.length === 0) return [];
  return db
    .selectFrom('organizations as o')
    .leftJoin('wbp as w', (join) => join.onRef('w.facility_id', '=', 'o.id').on('w.released_on', 'is', null))
    .select([
      'o.id', 'o.name', 'o.code', 'o.kind', 'o.capacity',
      sql<number>`count(w.id)::int`.as('held'),
      sql<number>`count(w.id) FILTER (WHERE array_to_string(w.case_articles, '|') LIKE ${`%${NARCOTICS_LAW}%`})::int`.as('drug_cases'),
    ])
    .where('o.id', 'in', [...facilityIds])
    .groupBy('o.id')
    .orderBy('o.name')
    .execute();
}
