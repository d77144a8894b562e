import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { Language } from '../../../shared/contracts/common.ts';
import { SDP_COLUMNS, SDP_REQUIRED_COLUMNS, sdpRow, type ImportRejection, type ImportReport, type SdpRow } from '../../../shared/contracts/sdp.ts';
import { jakartaDate } from '../../../shared/domain/dates.ts';
import type { Db, Trx } from '../../db/database.ts';
import type { NewWbp } from '../../db/schema.ts';
import { endProgrammesOnTransfer } from '../../db/transfers.ts';
import type { Actor, RequestOrigin } from '../../platform/actor.ts';
import { writeAudit, writeAuditMany, type AuditEvent } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { problemsFromZod } from '../../platform/http.ts';
import { translate } from '../../platform/messages.ts';
import * as repo from './imports.repository.ts';

/** The report lists this many rejected rows; the count of all of them is exact. */
const MAX_LISTED_REJECTIONS = 1000;
const BATCH_SIZE = 1000;

export interface ImportOptions {
  dryRun: boolean;
  lang: Language;
  /** Facilities the importer may write; null for the command line, which runs with the database's own rights. */
  facilityIds: readonly string[] | null;
  who: { actor: Actor | null; username: string; origin: RequestOrigin };
  onProgress?: (rowsRead: number) => void;
}

interface ValidRow { line: number; row: SdpRow; facilityId: string }

/** Optional columns a file may leave out; a person's stored value then stays as it is. */
const OPTIONAL_COLUMNS = {
  tanggal_lahir: 'birth_date', tempat_lahir: 'birth_place', pasal: 'case_articles', lama_pidana_bulan: 'sentence_months',
  blok: 'block', kamar: 'room', tanggal_bebas: 'expected_release_date',
} as const;

class DryRunRollback extends Error {}

export function createImportsService(deps: { db: Db; now: () => Date }) {
  const { db, now } = deps;

  /**
   * Reads the whole file and validates every row before writing anything; any rejected row
   * rejects the file. A clean file is written in one transaction: all of it or none of it.
   */
  async function importSdp(input: Readable, opts: ImportOptions): Promise<ImportReport> {
    const facilities = await repo.custodialFacilityCodes(db);
    const rejected: ImportRejection[] = [];
    let rejectedTotal = 0;
    const rejectedLines = new Set<number>();
    const reject = (r: ImportRejection) => {
      rejectedTotal += 1;
      rejectedLines.add(r.line);
      if (rejected.length < MAX_LISTED_REJECTIONS) rejected.push(r);
    };
    const valid: ValidRow[] = [];
    const seen = new Map<string, number>();
    let header: string[] | null = null;
    let rowsRead = 0;

    const parser = input.pipe(
      parse({ bom: true, skip_empty_lines: true, relax_column_count: true, trim: false, info: true }),
    );
    try {
      for await (const record of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
        const { record: cells, info } = record;
        if (!header) {
          header = cells.map((c) => c.trim().toLowerCase());
          const missing = SDP_REQUIRED_COLUMNS.filter((c) => !header!.includes(c));
          if (missing.length > 0) {
            throw new AppError('VALIDATION', 'error.importBadHeader', {
              params: { columns: missing.join(', ') },
              fields: [{ field: 'header', message: 'error.importBadHeader', params: { columns: missing.join(', ') } }],
            });
          }
          continue;
        }
        rowsRead += 1;
        if (rowsRead % 1000 === 0) opts.onProgress?.(rowsRead);
        const line = info.lines;
        if (cells.length !== header.length) {
          reject({ line, field: '*', reason: translate(opts.lang, 'validation.wrongColumnCount') });
          continue;
        }
        const raw: Record<string, string> = {};
        for (const column of SDP_COLUMNS) {
          const at = header.indexOf(column);
          raw[column] = at >= 0 ? (cells[at] ?? '') : '';
        }
        const parsed = sdpRow.safeParse(raw);
        if (!parsed.success) {
          for (const problem of problemsFromZod(parsed.error.issues)) {
            reject({ line, field: problem.field, reason: translate(opts.lang, problem.message, problem.params), value: raw[problem.field] ?? '' });
          }
          continue;
        }
        const row = parsed.data;
        const facilityId = facilities.get(row.kode_upt);
        if (!facilityId) {
          reject({ line, field: 'kode_upt', reason: translate(opts.lang, 'validation.unknownFacility', { value: row.kode_upt }), value: row.kode_upt });
          continue;
        }
        if (opts.facilityIds && !opts.facilityIds.includes(facilityId)) {
          reject({ line, field: 'kode_upt', reason: translate(opts.lang, 'validation.facilityNotAllowed'), value: row.kode_upt });
          continue;
        }
        const earlier = seen.get(row.no_registrasi);
        if (earlier !== undefined) {
          reject({ line, field: 'no_registrasi', reason: translate(opts.lang, 'validation.duplicateInFile', { line: earlier }), value: row.no_registrasi });
          continue;
        }
        seen.set(row.no_registrasi, line);
        valid.push({ line, row, facilityId });
      }
    } catch (error) {
      if (error instanceof AppError) throw error;
      const detail = error instanceof Error ? error.message : String(error);
      throw new AppError('VALIDATION', 'error.importUnreadable', {
        params: { detail }, fields: [{ field: 'file', message: 'error.importUnreadable', params: { detail } }],
      });
    }
    opts.onProgress?.(rowsRead);

    // A released person's row is a re-admission only with an admission date after the release;
    // otherwise the roster still lists someone who has left, and the row is refused. An importer
    // limited to some units may update only people those units hold: a number held elsewhere is
    // moved by the unit that holds it (or by a roster import from the command line). A released
    // person is held nowhere, so any unit may re-admit them.
    for (let i = 0; i < valid.length; i += BATCH_SIZE) {
      const batch = valid.slice(i, i + BATCH_SIZE);
      const known = new Map((await repo.existingBySdpNumber(db, batch.map((v) => v.row.no_registrasi))).map((e) => [e.sdp_number, e]));
      for (const v of batch) {
        const before = known.get(v.row.no_registrasi);
        if (!before) continue;
        if (before.released_on !== null) {
          if (v.row.tanggal_masuk <= before.released_on) {
            reject({
              line: v.line, field: 'tanggal_masuk', value: v.row.tanggal_masuk,
              reason: translate(opts.lang, 'validation.aftercare.releasedInRoster', { date: before.released_on }),
            });
          }
        } else if (opts.facilityIds && !opts.facilityIds.includes(before.facility_id)) {
          reject({ line: v.line, field: 'no_registrasi', reason: translate(opts.lang, 'validation.heldElsewhere'), value: v.row.no_registrasi });
        }
      }
    }

    const absent = (Object.keys(OPTIONAL_COLUMNS) as (keyof typeof OPTIONAL_COLUMNS)[]).filter((c) => !header?.includes(c));
    const report: ImportReport = {
      status: 'rejected', rowsRead, created: 0, updated: 0, transferred: 0, unchanged: 0, rejected, rejectedTotal,
      rejectedRows: rejectedLines.size,
    };
    if (rowsRead === 0) {
      throw new AppError('VALIDATION', 'error.importEmpty', { fields: [{ field: 'file', message: 'error.importEmpty' }], extra: { report } });
    }
    if (rejectedTotal > 0) {
      throw new AppError('VALIDATION', 'error.importRejected', {
        params: { count: rejectedLines.size },
        fields: rejected.slice(0, 20).map((r) => ({ field: `${translate(opts.lang, 'import.line', { line: r.line })}: ${r.field}`, message: r.reason })),
        extra: { report },
      });
    }

    try {
      await db.transaction().execute(async (trx) => {
        for (let i = 0; i < valid.length; i += BATCH_SIZE) {
          await writeBatch(trx, valid.slice(i, i + BATCH_SIZE), report, opts, absent);
        }
        if (opts.dryRun) throw new DryRunRollback();
        await writeAudit(trx, opts.who, {
          action: 'import',
          entityType: 'sdp_roster',
          details: { rows: rowsRead, created: report.created, updated: report.updated, transferred: report.transferred, unchanged: report.unchanged },
        });
      });
    } catch (error) {
      if (!(error instanceof DryRunRollback)) throw error;
    }
    if (opts.dryRun) {
      // The check ran every write and rolled them back; record that it happened.
      await writeAudit(db, opts.who, {
        action: 'import_check',
        entityType: 'sdp_roster',
        details: { rows: rowsRead, created: report.created, updated: report.updated, transferred: report.transferred, unchanged: report.unchanged },
      });
    }
    report.status = opts.dryRun ? 'checked' : 'imported';
    return report;
  }

  async function writeBatch(
    trx: Trx, batch: readonly ValidRow[], report: ImportReport, opts: ImportOptions, absent: readonly (keyof typeof OPTIONAL_COLUMNS)[],
  ): Promise<void> {
    const existing = new Map((await repo.existingBySdpNumber(trx, batch.map((v) => v.row.no_registrasi))).map((e) => [e.sdp_number, e]));
    const toWrite: NewWbp[] = [];
    const kinds = new Map<string, 'created' | 'updated' | 'transferred'>();
    const facilityOf = new Map(batch.map((v) => [v.row.no_registrasi, v.facilityId]));
    const movedOn = jakartaDate(now());
    const moves: { sdp: string; from: string; to: string }[] = [];
    /** Released people taken in again (the check let only later admissions through), with their release date. */
    const readmitted = new Map<string, string>();
    for (const { row, facilityId } of batch) {
      const next: NewWbp = {
        sdp_number: row.no_registrasi, full_name: row.nama, sex: row.jenis_kelamin, birth_date: row.tanggal_lahir,
        birth_place: row.tempat_lahir, legal_status: row.status_hukum, case_articles: row.pasal,
        sentence_months: row.lama_pidana_bulan, facility_id: facilityId, block: row.blok, room: row.kamar,
        admission_date: row.tanggal_masuk, expected_release_date: row.tanggal_bebas, source: 'sdp',
      };
      const before = existing.get(row.no_registrasi);
      if (before?.released_on) readmitted.set(row.no_registrasi, before.released_on);
      if (before) {
        for (const column of absent) Object.assign(next, { [OPTIONAL_COLUMNS[column]]: before[OPTIONAL_COLUMNS[column]] });
      }
      if (!before) {
        toWrite.push(next);
        kinds.set(row.no_registrasi, 'created');
        continue;
      }
      const same =
        before.full_name === next.full_name && before.sex === next.sex && before.birth_date === next.birth_date &&
        before.birth_place === next.birth_place && before.legal_status === next.legal_status &&
        JSON.stringify(before.case_articles) === JSON.stringify(next.case_articles) &&
        before.sentence_months === next.sentence_months && before.facility_id === next.facility_id &&
        before.block === next.block && before.room === next.room && before.admission_date === next.admission_date &&
        before.expected_release_date === next.expected_release_date;
      if (same) {
        report.unchanged += 1;
        continue;
      }
      toWrite.push(next);
      if (before.facility_id !== facilityId) {
        kinds.set(row.no_registrasi, 'transferred');
        moves.push({ sdp: row.no_registrasi, from: before.facility_id, to: facilityId });
      } else {
        kinds.set(row.no_registrasi, 'updated');
      }
    }
    const written = await repo.upsertWbp(trx, toWrite);
    const idOf = new Map(written.map((w) => [w.sdp_number, w.id]));
    const by = opts.who.actor?.userId ?? null;
    await repo.insertTransfers(trx, moves.map((m) => ({
      wbp_id: idOf.get(m.sdp)!, from_facility_id: m.from, to_facility_id: m.to, transfer_date: movedOn, reason: 'Impor roster SDP', recorded_by: by,
    })));
    // A transfer names the enrolments it ended in the sending unit, as a transfer by hand does.
    const endedOf = new Map<string, string[]>();
    for (const e of await endProgrammesOnTransfer(trx, moves.map((m) => ({ wbpId: idOf.get(m.sdp)!, fromFacilityId: m.from })), { date: movedOn, by })) {
      endedOf.set(e.wbpId, [...(endedOf.get(e.wbpId) ?? []), e.id]);
    }
    const events: AuditEvent[] = [];
    for (const w of written) {
      const kind = kinds.get(w.sdp_number)!;
      report[kind] += 1;
      const endedEnrolments = endedOf.get(w.id);
      events.push({
        action: 'import', entityType: 'wbp', entityId: w.id, facilityId: facilityOf.get(w.sdp_number) ?? null,
        details: {
          change: kind, sdpNumber: w.sdp_number, ...(endedEnrolments ? { endedEnrolments } : {}),
          ...(readmitted.has(w.sdp_number) ? { readmitted: true, releasedOn: readmitted.get(w.sdp_number) } : {}),
        },
      });
    }
    await writeAuditMany(trx, opts.who, events);
  }

  return { importSdp };
}

export type ImportsService = ReturnType<typeof createImportsService>;
