import path from 'node:path';
import cliProgress from 'cli-progress';
import { isoDate } from '../../shared/contracts/common.ts';
import { loadConfig } from '../config.ts';
import { SCALES, type Scale } from '../seed/synthetic/country.ts';
import { DEFAULT_ANCHOR, DEFAULT_SEED, NATIONAL_ADMIN, SYNTHETIC_PASSWORD, generateCountry } from '../seed/synthetic/generate.ts';
import { type LoadTarget, existingData, openLoadTarget } from '../seed/synthetic/target.ts';
import { CliUsageError, EXIT, type CliIo, parseCommandArgs } from './io.ts';

const USAGE = `penggunaan: pulih generate --scale unit|region|national [--seed N] [--anchor TTTT-BB-HH] [--database-url URL | --data-dir DIR]`;

/** The database named on the command line, else the one the server would use (DATABASE_URL, else PULIH_DATA_DIR). */
function targetOf(values: { 'database-url'?: string; 'data-dir'?: string }): LoadTarget {
  if (values['database-url'] !== undefined && values['data-dir'] !== undefined) {
    throw new CliUsageError(`--database-url dan --data-dir tidak dapat dipakai bersamaan\n${USAGE}`);
  }
  const url = values['database-url'];
  if (url !== undefined) {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new CliUsageError(`--database-url harus diawali postgres://, bukan "${url}"`);
    return { kind: 'postgres', url };
  }
  if (values['data-dir'] !== undefined) return { kind: 'pglite', dataDir: path.resolve(values['data-dir']) };
  const config = loadConfig();
  return config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'pglite', dataDir: config.dataDir };
}

function describe(target: LoadTarget): string {
  if (target.kind === 'pglite') return `PGlite (tertanam) di ${path.join(target.dataDir, 'pglite')}`;
  const url = new URL(target.url);
  return `PostgreSQL ${url.hostname}:${url.port || '5432'}${url.pathname}`;
}

/**
 * `pulih generate`: deterministic synthetic data (a unit, a region or the whole country) loaded
 * with COPY into an empty migrated database, in one transaction. It refuses a database that holds
 * any organisation: the same seed always gives the same ids, and synthetic people must never mix
 * with real ones.
 */
export async function generateCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs({
    args,
    options: {
      scale: { type: 'string' }, seed: { type: 'string' }, anchor: { type: 'string' },
      'database-url': { type: 'string' }, 'data-dir': { type: 'string' },
    },
    allowPositionals: false,
  }, USAGE);
  if (values.scale === undefined) throw new CliUsageError(`--scale wajib diisi (${SCALES.join(', ')})\n${USAGE}`);
  if (!(SCALES as readonly string[]).includes(values.scale)) {
    throw new CliUsageError(`--scale harus salah satu dari ${SCALES.join(', ')}, bukan "${values.scale}"`);
  }
  const scale = values.scale as Scale;
  const seedText = values.seed ?? String(DEFAULT_SEED);
  if (!/^\d{1,10}$/.test(seedText) || Number(seedText) > 0xffffffff) throw new CliUsageError(`--seed harus bilangan bulat 0 sampai 4294967295, bukan "${seedText}"`);
  const anchor = values.anchor ?? DEFAULT_ANCHOR;
  if (!isoDate.safeParse(anchor).success) throw new CliUsageError(`--anchor harus tanggal TTTT-BB-HH, bukan "${anchor}"`);
  const target = targetOf(values);

  const opened = await openLoadTarget(target);
  const bar = new cliProgress.SingleBar(
    { format: 'Data sintetis [{bar}] {percentage}% | {value}/{total} unit | {duration_formatted}', stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  let barStarted = false;
  try {
    const existing = await existingData(opened.db);
    if (existing.organizations > 0) {
      io.stderr(`pulih generate: ${describe(target)} sudah berisi data (${existing.organizations} organisasi, ${existing.people} warga binaan); `
        + 'data sintetis hanya diisikan ke basis data kosong.\n');
      return EXIT.invalid;
    }
    const started = process.hrtime.bigint();
    const result = await generateCountry({
      scale, seed: Number(seedText), anchor, sink: opened.sink,
      onProgress: (done, total) => {
        if (!io.isTTY) return;
        if (!barStarted) {
          bar.start(total, 0);
          barStarted = true;
        }
        bar.update(done);
      },
    });
    if (barStarted) bar.stop();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const total = Object.values(result.rows).reduce((a, b) => a + b, 0);
    const lines = Object.entries(result.rows).filter(([, n]) => n > 0).map(([table, n]) => `  ${table.padEnd(28)} ${String(n).padStart(10)}`);
    io.stdout(
      `Data sintetis (${scale}, seed ${seedText}, per ${anchor}) dimuat ke ${describe(target)} dalam ${seconds.toFixed(1)} detik:\n`
      + `${result.regions} kanwil, ${result.units} unit, ${total} baris; kunci asing diperiksa ${result.foreignKeys === 'bulk' ? 'sekaligus sebelum commit' : 'per baris'}.\n`
      + `${lines.join('\n')}\n`
      + `Masuk sebagai ${NATIONAL_ADMIN} (kata sandi semua akun: ${SYNTHETIC_PASSWORD}).\n`,
    );
    return EXIT.ok;
  } finally {
    if (barStarted) bar.stop();
    await opened.close();
  }
}
