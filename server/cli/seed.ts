import { isoDate } from '../../shared/contracts/common.ts';
import { jakartaDate } from '../../shared/domain/dates.ts';
import { loadConfig } from '../config.ts';
import { openMigratedDatabase } from '../db/open.ts';
import { DEMO_PASSWORD, seedDemo, type SeedResult } from '../seed/demo.ts';
import { CliUsageError, EXIT, type CliIo, parseCommandArgs } from './io.ts';

const USAGE = 'penggunaan: pulih seed [--anchor TTTT-BB-HH]';

export function demoLoginsText(result: SeedResult): string {
  const width = Math.max(...result.users.map((u) => u.username.length));
  const lines = result.users.map((u) => `  ${u.username.padEnd(width)}  ${u.role.padEnd(18)} ${u.organization}`);
  return `Akun demo (kata sandi untuk semua: ${DEMO_PASSWORD}):\n${lines.join('\n')}\n`;
}

export async function seedCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs({ args, options: { anchor: { type: 'string' } }, allowPositionals: false }, USAGE);
  const anchor = values.anchor ?? jakartaDate(new Date());
  if (!isoDate.safeParse(anchor).success) throw new CliUsageError(`--anchor harus tanggal TTTT-BB-HH, bukan "${anchor}"`);
  const handle = await openMigratedDatabase(loadConfig());
  try {
    const result = await seedDemo(handle.db, { anchor });
    io.stdout(result.seeded ? `Data demo diisi: ${result.people} warga binaan.\n` : 'Basis data sudah berisi data; tidak ada yang diubah.\n');
    io.stdout(demoLoginsText(result));
    return EXIT.ok;
  } finally {
    await handle.close();
  }
}
