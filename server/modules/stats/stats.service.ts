import type { OverviewResponse } from '../../../shared/contracts/stats.ts';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../platform/actor.ts';
import * as repo from './stats.repository.ts';

export function createStatsService(deps: { db: Db }) {
  return {
    async overview(actor: Actor): Promise<OverviewResponse> {
      const rows = await repo.facilityCounts(deps.db, actor.statsFacilityIds);
      return {
        facilities: rows.map((r) => ({
          id: r.id, name: r.name, code: r.code, kind: r.kind, capacity: r.capacity, held: r.held, drugCases: r.drug_cases,
        })),
      };
    },
  };
}
export type StatsService = ReturnType<typeof createStatsService>;
