import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { open, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { loadConfig } from '../config.ts';
import { PGLITE_OPTIONS } from '../db/database.ts';
import { describeDatabase } from '../db/open.ts';
import { CliUsageError, EXIT, type CliIo, parseCommandArgs } from './io.ts';

// `pulih backup FILE` and `pulih restore FILE`: the whole database in one file and back.
// On PostgreSQL (DATABASE_URL) they are pg_dump's custom format and pg_restore in one transaction;
// on the embedded PGlite they are PGlite's own dump of its data directory (a gzipped tar). The
// server must be stopped first on PGlite: the data directory belongs to one process at a time.

const execFileAsync = promisify(execFile);

const BACKUP_USAGE = 'penggunaan: pulih backup BERKAS';
const RESTORE_USAGE = 'penggunaan: pulih restore BERKAS [--force]';

/** The first bytes of each kind of backup file. */
const PG_DUMP_MAGIC = Buffer.from('PGDMP');
const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);

async function startsWith(file: string, magic: Buffer): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(magic.length);
    const { bytesRead } = await handle.read(head, 0, magic.length, 0);
    return bytesRead === magic.length && head.equals(magic);
  } finally {
    await handle.close();
  }
}

/** The folder of pg_dump and pg_restore: PG_BINDIR, else `pg_config --bindir`, else the PATH. */
async function postgresTool(name: 'pg_dump' | 'pg_restore'): Promise<string> {
  if (process.env.PG_BINDIR) return path.join(process.env.PG_BINDIR, name);
  try {
    const { stdout } = await execFileAsync('pg_config', ['--bindir']);
    const candidate = path.join(stdout.trim(), name);
    if (existsSync(candidate)) return candidate;
  } catch {
    // No pg_config: the tool is looked up on the PATH.
  }
  return name;
}

async function runTool(tool: string, args: string[]): Promise<void> {
  try {
    await execFileAsync(tool, args, { maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const failure = error as { code?: unknown; stderr?: string };
    if (failure.code === 'ENOENT') throw new Error(`${path.basename(tool)} tidak ditemukan (pasang klien PostgreSQL atau atur PG_BINDIR)`);
    throw new Error(`${path.basename(tool)} gagal: ${(failure.stderr ?? String(error)).trim()}`);
  }
}

function fileArgument(args: string[], usage: string, withForce: boolean): { file: string; force: boolean } {
  const { values, positionals } = parseCommandArgs({
    args,
    options: withForce ? { force: { type: 'boolean' } } : {},
    allowPositionals: true,
  }, usage);
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new CliUsageError(usage);
  return { file: path.resolve(file), force: (values as { force?: boolean }).force === true };
}

export async function backupCommand(args: string[], io: CliIo): Promise<number> {
  const { file } = fileArgument(args, BACKUP_USAGE, false);
  if (!existsSync(path.dirname(file))) throw new CliUsageError(`folder untuk ${file} tidak ada`);
  const config = loadConfig();
  if (config.databaseUrl) {
    await runTool(await postgresTool('pg_dump'), ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, `--dbname=${config.databaseUrl}`]);
  } else {
    const dataDir = path.join(config.dataDir, 'pglite');
    if (!hasContent(dataDir)) throw new CliUsageError(`tidak ada basis data di ${dataDir}`);
    const pglite = await PGlite.create({ dataDir, ...PGLITE_OPTIONS });
    try {
      const dump = await pglite.dumpDataDir('gzip');
      await writeFile(file, Buffer.from(await dump.arrayBuffer()));
    } finally {
      await pglite.close();
    }
  }
  io.stdout(`Cadangan ${describeDatabase(config)} ditulis ke ${file}\n`);
  return EXIT.ok;
}

function hasContent(directory: string): boolean {
  return existsSync(directory) && readdirSync(directory).length > 0;
}

export async function restoreCommand(args: string[], io: CliIo): Promise<number> {
  const { file, force } = fileArgument(args, RESTORE_USAGE, true);
  if (!existsSync(file)) throw new CliUsageError(`berkas ${file} tidak ada`);
  const config = loadConfig();
  if (config.databaseUrl) {
    if (!await startsWith(file, PG_DUMP_MAGIC)) throw new CliUsageError(`${file} bukan cadangan PostgreSQL dari pulih backup (format custom pg_dump)`);
    if (!force && await postgresHasData(config.databaseUrl)) {
      throw new CliUsageError(`${describeDatabase(config)} sudah berisi data; pemulihan akan menggantinya. Ulangi dengan --force bila memang itu maksudnya`);
    }
    // One transaction: a failure part-way leaves the database as it was.
    await runTool(await postgresTool('pg_restore'), [
      '--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', `--dbname=${config.databaseUrl}`, file,
    ]);
  } else {
    if (!await startsWith(file, GZIP_MAGIC)) throw new CliUsageError(`${file} bukan cadangan PGlite dari pulih backup`);
    await restorePglite(path.join(config.dataDir, 'pglite'), file, force, io);
  }
  io.stdout(`${describeDatabase(config)} dipulihkan dari ${file}\n`);
  return EXIT.ok;
}

/** Whether any table of the public schema has a row (the migrations' own bookkeeping aside). */
async function postgresHasData(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      `SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE 'kysely\\_%'`,
    );
    for (const { name } of tables.rows) {
      const found = await client.query(`SELECT 1 FROM ${name} LIMIT 1`);
      if (found.rowCount) return true;
    }
    return false;
  } finally {
    await client.end();
  }
}

/**
 * Restores into an empty data directory. With --force an existing one is moved aside, never
 * deleted, and moved back if the restore fails.
 */
async function restorePglite(dataDir: string, file: string, force: boolean, io: CliIo): Promise<void> {
  let setAside: string | null = null;
  if (hasContent(dataDir)) {
    if (!force) throw new CliUsageError(`${dataDir} sudah berisi basis data; pemulihan akan menggantinya. Ulangi dengan --force bila memang itu maksudnya (yang lama disimpan di sampingnya)`);
    setAside = `${dataDir}.sebelum-pulih-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(dataDir, setAside);
  }
  try {
    mkdirSync(dataDir, { recursive: true });
    const pglite = await PGlite.create({ dataDir, loadDataDir: new Blob([await readFile(file)]), ...PGLITE_OPTIONS });
    try {
      const migrations = await pglite.query<{ n: number }>(`SELECT count(*)::int AS n FROM kysely_migration`);
      if (!migrations.rows[0]?.n) throw new Error('berkas itu bukan basis data Pulih');
    } finally {
      await pglite.close();
    }
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    if (setAside) renameSync(setAside, dataDir);
    throw new Error(`pemulihan gagal, tidak ada yang diubah: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (setAside) io.stdout(`Basis data yang lama disimpan di ${setAside}\n`);
}
