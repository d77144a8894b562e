import { loadConfig } from '../config.ts';
import { startServer } from '../main.ts';
import { demoLoginsText } from './seed.ts';
import { EXIT, type CliIo, parseCommandArgs } from './io.ts';

export async function serveCommand(args: string[], io: CliIo): Promise<number> {
  parseCommandArgs({ args, options: {}, allowPositionals: false }, 'penggunaan: pulih serve  (PORT, PULIH_DATA_DIR, DATABASE_URL dari lingkungan)');
  const config = loadConfig();
  const server = await startServer(config, (line) => io.stdout(`${line}\n`));
  if (server.seed?.seeded) io.stdout(`Data demo diisi: ${server.seed.people} warga binaan.\n`);
  if (server.seed) io.stdout(demoLoginsText(server.seed));
  io.stdout(`Pulih berjalan di ${server.url}\n`);

  await new Promise<void>((resolve) => {
    const shutdown = (signal: string) => {
      io.stdout(`\n${signal} diterima; menutup server...\n`);
      server.stop().then(resolve, (error: unknown) => {
        io.stderr(`Gagal menutup dengan rapi: ${error instanceof Error ? error.message : String(error)}\n`);
        resolve();
      });
    };
    process.once('SIGINT', () => shutdown('SIGINT'));
    process.once('SIGTERM', () => shutdown('SIGTERM'));
  });
  return EXIT.ok;
}
