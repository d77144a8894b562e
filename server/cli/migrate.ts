import { loadConfig } from '../config.ts';
import { describeDatabase, openMigratedDatabase } from '../db/open.ts';
import { EXIT, type CliIo, parseCommandArgs } from './io.ts';

export async function migrateCommand(args: string[], io: CliIo): Promise<number> {
  parseCommandArgs({ args, options: {}, allowPositionals: false }, 'penggunaan: pulih migrate');
  const config = loadConfig();
  const handle = await openMigratedDatabase(config);
  await handle.close();
  io.stdout(`${describeDatabase(config)}: ${handle.applied.length === 0 ? 'skema sudah terbaru' : `diterapkan ${handle.applied.join(', ')}`}\n`);
  return EXIT.ok;
}
