import type { Language } from '../../../shared/contracts/common.ts';
import type { DashboardResponse, IndicatorsQuery, ReportLevel } from '../../../shared/contracts/reports.ts';
import { jakartaDate } from '../../../shared/domain/dates.ts';
import { periodProblems } from '../../../shared/domain/indicators.ts';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../platform/actor.ts';
import { notFound, validation } from '../../platform/errors.ts';
import { translate } from '../../platform/messages.ts';
import { indicatorsFor } from './indicators.service.ts';
import * as repo from './indicators.repository.ts';

interface Scope {
  level: ReportLevel;
  id: string | null;
  name: string;
  facilityIds: readonly string[];
  suppress: boolean;
}

/**
 * The dashboards at three levels. Which units: those the actor sees in aggregate
 * (`statsFacilityIds`). A head of unit sees their own unit whole; everyone else (a regional manager,
 * the national administrator, a Bapas's head over its area) sees aggregates with small counts
 * suppressed, even for a single unit, since they do not run it.
 */
export function createDashboardService(deps: { db: Db; now: () => Date }) {
  const { db, now } = deps;

  return {
    async dashboard(actor: Actor, query: IndicatorsQuery, lang: Language): Promise<DashboardResponse> {
      if (query.facilityId && query.regionId) throw validation([{ field: 'regionId', message: 'validation.dashboard.unitOrRegion' }]);
      const problems = periodProblems(query.from, query.to);
      if (problems.length > 0) throw validation(problems);

      const visible = actor.statsFacilityIds;
      const managesRegions = actor.role === 'national_admin' || actor.role === 'regional_manager';
      const [units, regions] = await Promise.all([
        repo.organizationsByIds(db, visible),
        managesRegions ? repo.regionsOf(db, visible) : Promise.resolve([]),
      ]);
      units.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));

      const scope = ((): Scope => {
        if (query.facilityId) {
          const unit = units.find((u) => u.id === query.facilityId);
          if (!unit) throw notFound('facility');
          return { level: 'unit', id: unit.id, name: unit.name, facilityIds: [unit.id], suppress: unit.id !== actor.organizationId };
        }
        if (query.regionId) {
          const region = regions.find((r) => r.id === query.regionId);
          if (!region) throw notFound('region');
          return { level: 'region', id: region.id, name: region.name, facilityIds: units.filter((u) => u.parent_id === region.id).map((u) => u.id), suppress: true };
        }
        if (visible.length === 1 && visible[0] === actor.organizationId) {
          return { level: 'unit', id: actor.organizationId, name: actor.organizationName, facilityIds: visible, suppress: false };
        }
        if (actor.role === 'national_admin') return { level: 'nation', id: null, name: translate(lang, 'dashboard.nation'), facilityIds: visible, suppress: true };
        return { level: 'region', id: actor.organizationId, name: actor.organizationName, facilityIds: visible, suppress: true };
      })();

      const result = await indicatorsFor(db, {
        facilityIds: scope.facilityIds, from: query.from, to: query.to, level: scope.level, suppress: scope.suppress, today: jakartaDate(now()),
      });
      return {
        level: result.level,
        period: { from: query.from, to: query.to },
        scope: { id: scope.id, name: scope.name },
        suppressionThreshold: result.suppressionThreshold,
        totals: result.totals,
        units: result.units,
        choices: {
          regions: regions.map((r) => ({ id: r.id, name: r.name })),
          units: units.map((u) => ({ id: u.id, name: u.name, regionId: u.parent_id })),
        },
      };
    },
  };
}

export type DashboardService = ReturnType<typeof createDashboardService>;
