import { createHmac, randomBytes } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import type { ExportPeriodQuery, ResearchExportQuery, ResearchFile, SirenaFile } from '../../../shared/contracts/exports.ts';
import {
  type KeyedHash, RESEARCH_EVENT_COLUMNS, RESEARCH_PEOPLE_COLUMNS, SIRENA_CLIENT_COLUMNS, SIRENA_SERVICE_COLUMNS, formMainSubstance,
  mainAssistSubstance, periodProblems, researchEventRow, researchPersonRow, sirenaClientRow, sirenaServiceRow,
} from '../../../shared/domain/exports.ts';
import type { Db, DbOrTrx } from '../../db/database.ts';
import { type Actor, type RequestOrigin, requireFacility } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { validation } from '../../platform/errors.ts';
import * as repo from './exports.repository.ts';

export interface CsvFile {
  csv: string;
  filename: string;
  rows: number;
}

/**
 * The research files (de-identified: pseudonyms, dates shifted per person, codes only) and the
 * SIRENA files (identified, for the unit's own entry into BNN's SIRENA). docs/exports.md.
 */
export function createExportsService(deps: { db: Db; now: () => Date; researchSecret?: string | undefined }) {
  const { db, now } = deps;

  /** RESEARCH_EXPORT_SECRET when set; otherwise the installation's own secret, made on first use and kept in settings. */
  async function secret(trx: DbOrTrx): Promise<string> {
    if (deps.researchSecret) return deps.researchSecret;
    const stored = await repo.researchSecret(trx);
    if (stored) return stored;
    await repo.keepResearchSecret(trx, randomBytes(32).toString('hex'), now());
    const kept = await repo.researchSecret(trx);
    if (!kept) throw new Error('research secret not stored');
    return kept;
  }

  function checkPeriod(query: ExportPeriodQuery): void {
    const problems = periodProblems(query.from, query.to);
    if (problems.length > 0) throw validation(problems);
  }

  return {
    async research(actor: Actor, file: ResearchFile, query: ResearchExportQuery, origin: RequestOrigin): Promise<CsvFile> {
      checkPeriod(query);
      if (query.facilityId && !actor.statsFacilityIds.includes(query.facilityId)) {
        throw validation([{ field: 'facilityId', message: 'validation.facilityNotAllowed' }]);
      }
      const units = query.facilityId ? [query.facilityId] : actor.statsFacilityIds;
      return db.transaction().execute(async (trx) => {
        const key = await secret(trx);
        const hash: KeyedHash = (message) => createHmac('sha256', key).update(message).digest();
        const rows = file === 'people'
          ? (await repo.researchPeople(trx, units, query)).map((p) => researchPersonRow(hash, {
            id: p.id, unitCode: p.unit_code, regionCode: p.region_code, sex: p.sex, birthDate: p.birth_date, legalStatus: p.legal_status,
            narcoticsCase: p.narcotics_case, sentenceMonths: p.sentence_months, admissionDate: p.admission_date, releasedOn: p.released_on,
          }))
          : (await repo.researchEvents(trx, units, query)).map((e) => researchEventRow(hash, e));
        await writeAudit(trx, { actor, origin }, {
          action: 'read', entityType: 'research_export', facilityId: query.facilityId ?? null,
          details: { file, from: query.from, to: query.to, rows: rows.length, units: units.length },
        });
        const columns = file === 'people' ? RESEARCH_PEOPLE_COLUMNS : RESEARCH_EVENT_COLUMNS;
        return { csv: stringify(rows, { header: true, columns: [...columns] }), filename: `pulih-research-${file}-${query.from}-${query.to}.csv`, rows: rows.length };
      });
    },

    async sirena(actor: Actor, unitId: string, file: SirenaFile, query: ExportPeriodQuery, origin: RequestOrigin): Promise<CsvFile> {
      requireFacility(actor, unitId);
      checkPeriod(query);
      return db.transaction().execute(async (trx) => {
        const rows = file === 'clients'
          ? (await repo.sirenaClients(trx, unitId, query)).map(({ person: p, screening: s, assessment: a }) => sirenaClientRow({
            sdpNumber: p.sdp_number, fullName: p.full_name, sex: p.sex, birthDate: p.birth_date, birthPlace: p.birth_place, unitCode: p.code,
            unitName: p.name, legalStatus: p.legal_status, admissionDate: p.admission_date, screenedOn: s?.screened_on ?? null,
            assistRisk: s?.overall_risk ?? null, assistSubstance: s ? mainAssistSubstance(s.result) : null, assessedOn: a?.signed_on ?? null,
            assessmentClass: a?.final_class ?? null, assessmentSubstance: a ? formMainSubstance(a.form) : null,
          }))
          : (await repo.sirenaServices(trx, unitId, query)).map((s) => sirenaServiceRow({
            sdpNumber: s.sdp_number, fullName: s.full_name, unitCode: s.code, programmeKind: s.kind, programmeName: s.programme_name,
            startDate: s.start_date, expectedEndDate: s.expected_end_date, endedOn: s.ended_on, status: s.status, outcomeReason: s.outcome_reason,
            sessionsRecorded: s.sessions_recorded ?? 0, sessionsPresent: s.sessions_present ?? 0,
          }));
        await writeAudit(trx, { actor, origin }, {
          action: 'read', entityType: 'sirena_export', facilityId: unitId, details: { file, from: query.from, to: query.to, rows: rows.length },
        });
        const columns = file === 'clients' ? SIRENA_CLIENT_COLUMNS : SIRENA_SERVICE_COLUMNS;
        // A name typed as "=…" must stay text when the unit opens the file in a spreadsheet; the BOM tells it the file is UTF-8.
        const csv = stringify(rows, { header: true, columns: [...columns], escape_formulas: true, bom: true });
        return { csv, filename: `sirena-${file}-${query.from}-${query.to}.csv`, rows: rows.length };
      });
    },
  };
}

export type ExportsService = ReturnType<typeof createExportsService>;
