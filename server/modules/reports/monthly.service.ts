import type { ProgrammeKind } from '../../../shared/contracts/programmes.ts';
import { type MonthlyReportQuery, type RehabType, SMALL_COUNT_THRESHOLD } from '../../../shared/contracts/reports.ts';
import { CUSTODIAL_KINDS } from '../../../shared/contracts/common.ts';
import { jakartaDate } from '../../../shared/domain/dates.ts';
import { REHAB_TYPE_OF_KIND } from '../../../shared/domain/indicators.ts';
import {
  EMPTY_FORM_RECAP, type HandledPerson, type ListedPerson, type MonthlyReport, ageOn, fileCode, formRecap, isFutureMonth, recapCounts,
  reportPeriod, suppressPartition, suppressRecap,
} from '../../../shared/domain/monthlyReport.ts';
import type { Db, DbOrTrx } from '../../db/database.ts';
import { type Actor, type RequestOrigin, mayActIn } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { AppError, notFound, validation } from '../../platform/errors.ts';
import { indicatorsFor } from './indicators.service.ts';
import * as repo from './monthly.repository.ts';
import { renderMonthlyPdf } from './monthly.pdf.ts';
import { renderMonthlyXlsx } from './monthly.xlsx.ts';

export type MonthlyFormat = 'pdf' | 'xlsx';

export interface MonthlyFile {
  body: Buffer;
  filename: string;
  contentType: string;
}

const CONTENT_TYPES: Record<MonthlyFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The programme kinds that are rehabilitation, each with its type (the dashboard's mapping). */
const REHAB_KINDS = (Object.keys(REHAB_TYPE_OF_KIND) as ProgrammeKind[]).filter((kind) => REHAB_TYPE_OF_KIND[kind] !== null);

interface Scope {
  level: 'unit' | 'region';
  /** The unit, or the region. */
  id: string;
  unitIds: string[];
}

/**
 * The monthly report of a unit or a region (docs/reports.md): the dashboard's indicators for the
 * month, from the same queries (indicators.service.ts), and the PP 25/2011 Pasal 18 recap. A unit's
 * own report, for those who may read its clinical records, lists the people handled by name; every
 * other report is aggregates only, with small counts suppressed.
 */
export function createMonthlyService(deps: { db: Db; now: () => Date }) {
  const { db, now } = deps;

  /** Which units the report covers, among those the actor sees in aggregate; anything else is "not found". */
  async function scopeOf(handle: DbOrTrx, actor: Actor, query: MonthlyReportQuery): Promise<Scope> {
    if (query.facilityId && query.regionId) throw validation([{ field: 'regionId', message: 'validation.dashboard.unitOrRegion' }]);
    if (query.facilityId) {
      if (!actor.statsFacilityIds.includes(query.facilityId)) throw notFound('facility');
      return { level: 'unit', id: query.facilityId, unitIds: [query.facilityId] };
    }
    if (query.regionId) {
      // A region's report is for those who see all of it: a unit's head sees one unit of it, not the region.
      const units = await repo.custodialUnitsOf(handle, query.regionId, CUSTODIAL_KINDS);
      if (units.length === 0 || units.some((u) => !actor.statsFacilityIds.includes(u.id))) throw notFound('region');
      return { level: 'region', id: query.regionId, unitIds: units.map((u) => u.id) };
    }
    if (actor.statsFacilityIds.includes(actor.organizationId)) return { level: 'unit', id: actor.organizationId, unitIds: [actor.organizationId] };
    throw validation([{ field: 'facilityId', message: 'validation.monthly.scopeRequired' }]);
  }

  /** The people each unit handled in the month, with their recap from the latest signed assessment. */
  async function handledPeople(handle: DbOrTrx, unitIds: readonly string[], period: { from: string; to: string }): Promise<HandledPerson[]> {
    const { assessed, enrolled } = await repo.handledInMonth(handle, unitIds, period, REHAB_KINDS);
    const byUnit = new Map<string, Map<string, Set<RehabType>>>();
    const entry = (unitId: string, wbpId: string) => {
      const people = byUnit.get(unitId) ?? new Map<string, Set<RehabType>>();
      byUnit.set(unitId, people);
      const types = people.get(wbpId) ?? new Set<RehabType>();
      people.set(wbpId, types);
      return types;
    };
    for (const a of assessed) entry(a.facility_id, a.wbp_id);
    for (const e of enrolled) {
      const type = REHAB_TYPE_OF_KIND[e.kind];
      if (type) entry(e.facility_id, e.wbp_id).add(type);
    }
    const wbpIds = [...new Set([...byUnit.values()].flatMap((people) => [...people.keys()]))];
    const [identities, assessments] = await Promise.all([
      repo.identities(handle, wbpIds),
      repo.latestAssessments(handle, wbpIds, unitIds, period.to),
    ]);
    const identity = new Map(identities.map((p) => [p.id, p]));
    const assessment = new Map(assessments.map((a) => [a.wbp_id, a]));
    const people: HandledPerson[] = [];
    for (const [unitId, handled] of byUnit) {
      for (const [wbpId, types] of handled) {
        const p = identity.get(wbpId);
        if (!p) continue;
        const a = assessment.get(wbpId);
        people.push({
          wbpId, unitId, fullName: p.full_name, sdpNumber: p.sdp_number, sex: p.sex, birthDate: p.birth_date,
          assessedOn: a?.signed_on ?? null, finalClass: a?.final_class ?? null, form: a ? formRecap(a.form) : EMPTY_FORM_RECAP,
          rehabTypes: (['medical', 'social', 'post_rehab'] as const).filter((t) => types.has(t)),
        });
      }
    }
    return people.sort((x, y) => x.fullName.localeCompare(y.fullName, 'id') || x.sdpNumber.localeCompare(y.sdpNumber));
  }

  /** One row per person for the region: a person handled by two of its units (a transfer) counts once, with both units' types. */
  function distinctPeople(people: readonly HandledPerson[]): HandledPerson[] {
    const seen = new Map<string, HandledPerson>();
    for (const p of people) {
      const first = seen.get(p.wbpId);
      if (!first) seen.set(p.wbpId, p);
      else seen.set(p.wbpId, { ...first, rehabTypes: (['medical', 'social', 'post_rehab'] as const).filter((t) => first.rehabTypes.includes(t) || p.rehabTypes.includes(t)) });
    }
    return [...seen.values()];
  }

  async function build(actor: Actor, query: MonthlyReportQuery, format: MonthlyFormat, origin: RequestOrigin): Promise<MonthlyReport> {
    const today = jakartaDate(now());
    if (isFutureMonth(query.month, today)) throw validation([{ field: 'month', message: 'validation.monthly.future' }]);
    const period = reportPeriod(query.month, today);
    return db.transaction().execute(async (trx) => {
      const scope = await scopeOf(trx, actor, query);
      // Names only in the unit's own report (as the dashboard shows only its head the unit unsuppressed), to those who read its records.
      const identified = scope.level === 'unit' && scope.id === actor.organizationId && mayActIn(actor, 'clinical.read', scope.id);
      const [result, heading, handled] = await Promise.all([
        indicatorsFor(trx, { facilityIds: scope.unitIds, from: period.from, to: period.to, level: scope.level, suppress: !identified, today }),
        repo.unitHeading(trx, scope.id),
        handledPeople(trx, scope.unitIds, period),
      ]);
      if (!heading) throw new AppError('INTERNAL', 'error.internal');
      const people = scope.level === 'region' ? distinctPeople(handled) : handled;
      const threshold = identified ? null : SMALL_COUNT_THRESHOLD;
      const counts = recapCounts(people, period.to);
      const unitHandled = result.units.map((u) => handled.filter((p) => p.unitId === u.id).length);
      const shownHandled = threshold === null
        ? unitHandled.map((count) => ({ count, withheld: false }))
        : suppressPartition(unitHandled, threshold);
      await writeAudit(trx, { actor, origin }, {
        action: 'read', entityType: 'monthly_report', entityId: scope.id, facilityId: scope.level === 'unit' ? scope.id : null,
        details: { month: query.month, format, level: scope.level, identified, people: people.length, units: scope.unitIds.length },
      });
      return {
        level: scope.level,
        identified,
        month: query.month,
        period,
        scope: { name: heading.name, code: heading.code, parentName: heading.parent_name, city: heading.city },
        madeOn: today,
        madeBy: { name: actor.fullName, organisation: actor.organizationName },
        threshold,
        totals: result.totals,
        units: result.units.map((u, i) => ({ id: u.id, code: u.code, name: u.name, indicators: u.indicators, handled: shownHandled[i] ?? { count: 0, withheld: false } })),
        recap: threshold === null ? counts : suppressRecap(counts, threshold),
        people: identified ? people.map((p): ListedPerson => ({ ...p, age: ageOn(p, period.to) })) : [],
      };
    });
  }

  return {
    async report(actor: Actor, query: MonthlyReportQuery, format: MonthlyFormat, origin: RequestOrigin): Promise<MonthlyFile> {
      const report = await build(actor, query, format, origin);
      const body = format === 'pdf' ? await renderMonthlyPdf(report) : await renderMonthlyXlsx(report, now());
      return { body, filename: `laporan-bulanan-${fileCode(report.scope.code)}-${report.month}.${format}`, contentType: CONTENT_TYPES[format] };
    },
  };
}

export type MonthlyService = ReturnType<typeof createMonthlyService>;
