import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import pg from 'pg';
import { type DatabaseHandle, PGLITE_OPTIONS } from '../server/db/database.ts';
import { openMigratedDatabase } from '../server/db/open.ts';
import { createImportsService } from '../server/modules/imports/imports.service.ts';
import { type CopySink, copyField, pgliteSink, postgresSink } from '../server/seed/synthetic/copy.ts';
import type { Figure } from './harness.ts';
import { type BenchPostgres, benchPostgres } from './postgres.ts';
import { rosterCsvChunks, rosterRows, rosterUnitCodes } from './roster.ts';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 275_000);
const UNITS = 530;
const SEED = 2_026;
const TODAY = '2026-11-22';
const COPY_BATCH = 25_000;
const WBP_COLUMNS = [
  'sdp_number', 'full_name', 'sex', 'birth_date', 'birth_place', 'legal_status', 'case_articles', 'sentence_months', 'facility_id',
  'block', 'room', 'admission_date', 'expected_release_date', 'source',
] as const;

/** A fresh database of the engine in use: where `openMigratedDatabase` finds it, and a COPY connection to it. */
interface Target {
  config: { databaseUrl: string | undefined; dataDir: string };
  copySink: () => Promise<{ sink: CopySink; close: () => Promise<void> }>;
}

async function freshTarget(name: string, server: BenchPostgres | null, dir: string): Promise<Target> {
  if (server) {
    const url = await server.database(name);
    return {
      config: { databaseUrl: url, dataDir: dir },
      copySink: async () => {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        return { sink: postgresSink(client), close: () => client.end() };
      },
    };
  }
  const dataDir = path.join(dir, name);
  return {
    config: { databaseUrl: undefined, dataDir },
    copySink: async () => {
      const pglite = await PGlite.create({ dataDir: path.join(dataDir, 'pglite'), ...PGLITE_OPTIONS });
      return { sink: pgliteSink(pglite), close: () => pglite.close() };
    },
  };
}

/** Migrates the target and adds the roster's units; their ids by code. */
async function prepare(target: Target): Promise<Map<string, string>> {
  const handle = await openMigratedDatabase(target.config);
  try {
    const units = rosterUnitCodes(UNITS).map((code, i) => ({ kind: i % 3 === 0 ? 'rutan' as const : 'lapas' as const, code, name: `Unit Bench ${i + 1}` }));
    const rows = await handle.db.insertInto('organizations').values(units).returning(['id', 'code']).execute();
    return new Map(rows.map((r) => [r.code, r.id]));
  } finally {
    await handle.close();
  }
}

/** Every person's fields with their unit's code, in one digest: the same rows in both databases give the same digest. */
async function digest(handle: DatabaseHandle): Promise<{ n: number; digest: string }> {
  const result = await sql<{ n: number; digest: string }>`
    SELECT count(*)::int AS n, md5(string_agg(concat_ws('|', w.sdp_number, w.full_name, w.sex, w.birth_date, w.birth_place, w.legal_status,
      array_to_string(w.case_articles, ';'), w.sentence_months, o.code, w.block, w.room, w.admission_date, w.expected_release_date, w.source),
      ',' ORDER BY w.sdp_number)) AS digest
    FROM wbp w JOIN organizations o ON o.id = w.facility_id`.execute(handle.db);
  const row = result.rows[0];
  if (!row) throw new Error('no digest');
  return row;
}

const seconds = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e9;

/**
 * The SDP roster import at national size: a deterministic roster of 275,000 people in 530 units
 * (bench/roster.ts), imported by the import service exactly as `pulih import sdp FILE` calls it (the
 * file streamed and parsed, every row validated, the checks against the people already known, one
 * transaction of upserts with an audit row per person), into a freshly migrated database. The
 * baseline is COPY of the same rows into the wbp table of another fresh database of the same engine,
 * from COPY text made beforehand: the engine's floor for writing those rows. Both databases are
 * compared afterwards and must hold the same people. PostgreSQL when one is to be had, else PGlite.
 */
export async function importBench(): Promise<Figure[]> {
  const server = await benchPostgres();
  const engine = server ? server.where : 'PGlite (embedded; no PostgreSQL here)';
  const engineName = server ? 'PostgreSQL' : 'PGlite';
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pulih-bench-import-'));
  try {
    const units = rosterUnitCodes(UNITS);
    const file = path.join(dir, 'roster.csv');
    const out = createWriteStream(file);
    for (const chunk of rosterCsvChunks(rosterRows(ROWS, { seed: SEED, units, today: TODAY }))) {
      if (!out.write(chunk)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    console.log(`${engine}: a roster of ${ROWS} people in ${UNITS} units, ${(statSync(file).size / 2 ** 20).toFixed(1)} MiB of CSV`);

    // The import, as the command runs it.
    const importTarget = await freshTarget('import_sdp', server, dir);
    await prepare(importTarget);
    const handle = await openMigratedDatabase(importTarget.config);
    let importSeconds: number;
    let importDigest: { n: number; digest: string };
    try {
      const service = createImportsService({ db: handle.db, now: () => new Date() });
      const started = process.hrtime.bigint();
      let validated = 0;
      const report = await service.importSdp(createReadStream(file), {
        dryRun: false, lang: 'id', facilityIds: null,
        who: { actor: null, username: 'cli:bench', origin: { ip: null, userAgent: 'pulih import' } },
        // Called for the last time when every row is read and validated, before the checks and writes.
        onProgress: () => { validated = seconds(started); },
      });
      importSeconds = seconds(started);
      if (report.status !== 'imported' || report.created !== ROWS) throw new Error(`import: ${report.status}, ${report.created} created of ${ROWS}`);
      console.log(`  import: ${importSeconds.toFixed(1)} s (reading and validating ${validated.toFixed(1)} s, checks and writes ${(importSeconds - validated).toFixed(1)} s)`);
      importDigest = await digest(handle);
    } finally {
      await handle.close();
    }

    // The baseline: COPY of the same rows, the text made before the clock starts.
    const copyTarget = await freshTarget('import_copy', server, dir);
    const facilityOf = await prepare(copyTarget);
    const batches: string[] = [];
    let lines: string[] = [];
    for (const r of rosterRows(ROWS, { seed: SEED, units, today: TODAY })) {
      const facility = facilityOf.get(r.kode_upt);
      if (!facility) throw new Error(`no unit ${r.kode_upt}`);
      const orNull = (v: string) => (v === '' ? null : v);
      lines.push([
        r.no_registrasi, r.nama, r.jenis_kelamin, orNull(r.tanggal_lahir), orNull(r.tempat_lahir), r.status_hukum, r.pasal.split(';'),
        r.lama_pidana_bulan === '' ? null : Number(r.lama_pidana_bulan), facility, orNull(r.blok), orNull(r.kamar), r.tanggal_masuk,
        orNull(r.tanggal_bebas), 'sdp',
      ].map(copyField).join('\t'));
      if (lines.length === COPY_BATCH) {
        batches.push(`${lines.join('\n')}\n`);
        lines = [];
      }
    }
    if (lines.length > 0) batches.push(`${lines.join('\n')}\n`);
    const copy = await copyTarget.copySink();
    let copySeconds: number;
    try {
      const started = process.hrtime.bigint();
      await copy.sink.exec('BEGIN');
      for (const text of batches) await copy.sink.copy('wbp', WBP_COLUMNS, text);
      await copy.sink.exec('COMMIT');
      copySeconds = seconds(started);
    } finally {
      await copy.close();
    }
    console.log(`  COPY: ${copySeconds.toFixed(1)} s`);
    const copyHandle = await openMigratedDatabase(copyTarget.config);
    try {
      const copied = await digest(copyHandle);
      if (copied.n !== ROWS || copied.digest !== importDigest.digest || importDigest.n !== ROWS) {
        throw new Error(`the import and COPY wrote different people: ${importDigest.n} (${importDigest.digest}) and ${copied.n} (${copied.digest})`);
      }
    } finally {
      await copyHandle.close();
    }
    console.log(`  both databases hold the same ${ROWS} people`);

    const value = ROWS / importSeconds;
    const baseline = ROWS / copySeconds;
    return [{
      name: `import: SDP roster of ${ROWS.toLocaleString('en')} rows, full validation, ${engineName} (rows/s)`, unit: 'rows/s', value,
      baselineName: 'COPY of the same rows into wbp', baseline, ratio: value / baseline, target: '≥ 0.5× COPY', met: value / baseline >= 0.5,
    }];
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await server?.close();
  }
}
