import { loadConfig } from '../config.ts';
import { startServer } from '../main.ts';
import { demoLoginsText } from './seed.ts';
import { EXIT, type CliIo } from './io.ts';

export async function serveCommand(_args: string[], io: CliIo): Promise<number> {
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
