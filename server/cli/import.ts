import { createReadStream, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { Transform } from 'node:stream';
import cliProgress from 'cli-progress';
import { loadConfig } from '../config.ts';
import { openMigratedDatabase } from '../db/open.ts';
import { createImportsService } from '../modules/imports/imports.service.ts';
import { AppError } from '../platform/errors.ts';
import { fieldMessage } from '../platform/http.ts';
import { translate } from '../platform/messages.ts';
import type { ImportReport } from '../../shared/contracts/sdp.ts';
import { CliUsageError, EXIT, type CliIo, parseCommandArgs } from './io.ts';

const USAGE = 'penggunaan: pulih import sdp FILE [--dry-run]';

function reportText(report: ImportReport): string {
  const lines = [
    `Baris dibaca: ${report.rowsRead}`,
    `Baru: ${report.created}  Diperbarui: ${report.updated}  Pindah unit: ${report.transferred}  Tidak berubah: ${report.unchanged}`,
  ];
  if (report.rejectedTotal > 0) {
    lines.push(`Ditolak: ${report.rejectedRows} baris (${report.rejectedTotal} kesalahan)`);
    for (const r of report.rejected) lines.push(`  baris ${r.line}, kolom ${r.field}: ${r.reason}${r.value ? ` (nilai: "${r.value}")` : ''}`);
    if (report.rejectedTotal > report.rejected.length) lines.push(`  ... dan ${report.rejectedTotal - report.rejected.length} lainnya`);
  }
  return `${lines.join('\n')}\n`;
}

/** `pulih import sdp FILE`: one transaction; any rejected row rejects the whole file (exit 2). */
export async function importCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs({ args, options: { 'dry-run': { type: 'boolean', default: false } }, allowPositionals: true }, USAGE);
  const [kind, file] = positionals;
  if (kind !== 'sdp' || !file || positionals.length !== 2) throw new CliUsageError(USAGE);
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new CliUsageError(`berkas tidak dapat dibaca: ${file}`);
  }

  const handle = await openMigratedDatabase(loadConfig());
  const bar = new cliProgress.SingleBar(
    { format: 'Impor SDP [{bar}] {percentage}% | {value}/{total} bita', stream: process.stderr, noTTYOutput: false },
    cliProgress.Presets.shades_classic,
  );
  try {
    const service = createImportsService({ db: handle.db, now: () => new Date() });
    let read = 0;
    if (io.isTTY) bar.start(size, 0);
    const counter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        read += chunk.length;
        if (io.isTTY) bar.update(read);
        done(null, chunk);
      },
    });
    const report = await service.importSdp(createReadStream(file).pipe(counter), {
      dryRun: values['dry-run'] ?? false,
      lang: 'id',
      facilityIds: null,
      who: { actor: null, username: `cli:${userInfo().username}`, origin: { ip: null, userAgent: 'pulih import' } },
    });
    if (io.isTTY) bar.stop();
    io.stdout(`${report.status === 'checked' ? 'Pemeriksaan selesai; tidak ada yang disimpan.' : 'Impor selesai.'}\n${reportText(report)}`);
    return EXIT.ok;
  } catch (error) {
    if (io.isTTY) bar.stop();
    if (error instanceof AppError && error.code === 'VALIDATION') {
      io.stderr(`${translate('id', error.message, error.params)}\n`);
      const report = error.extra?.report as ImportReport | undefined;
      if (report) io.stderr(reportText(report));
      else for (const f of error.fields) io.stderr(`  ${fieldMessage('id', f)}\n`);
      return EXIT.invalid;
    }
    throw error;
  } finally {
    await handle.close();
  }
}
