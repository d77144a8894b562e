import { CliUsageError, EXIT, type CliIo, processIo } from './io.ts';

type Command = (args: string[], io: CliIo) => Promise<number>;

const USAGE = `Penggunaan: pulih <perintah> [argumen]

Perintah:
  serve                 menjalankan server web (PORT, PULIH_DATA_DIR, DATABASE_URL)
  migrate               menjalankan migrasi basis data sampai yang terbaru
  seed                  mengisi data demo (deterministik) bila basis data masih kosong
  create-admin          membuat akun administrator nasional pertama (tanpa data demo)
  import sdp FILE       mengimpor roster SDP dari berkas CSV (satu transaksi)
  score FILE|-          menghitung skor ASSIST / ASI dari JSON (berkas atau stdin)
  generate --scale S    mengisi data sintetis deterministik (unit, region, national) ke basis data kosong
  backup FILE           mencadangkan seluruh basis data ke satu berkas
  restore FILE          memulihkan basis data dari cadangan (--force bila sudah berisi data)
`;

const commands: Record<string, () => Promise<Command>> = {
  serve: async () => (await import('./serve.ts')).serveCommand,
  migrate: async () => (await import('./migrate.ts')).migrateCommand,
  seed: async () => (await import('./seed.ts')).seedCommand,
  'create-admin': async () => (await import('./create-admin.ts')).createAdminCommand,
  import: async () => (await import('./import.ts')).importCommand,
  score: async () => (await import('./score.ts')).scoreCommand,
  generate: async () => (await import('./generate.ts')).generateCommand,
  backup: async () => (await import('./backup.ts')).backupCommand,
  restore: async () => (await import('./backup.ts')).restoreCommand,
};

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(USAGE);
    return name ? EXIT.ok : EXIT.invalid;
  }
  const load = commands[name];
  if (!load) {
    io.stderr(`pulih: perintah tidak dikenal: ${name}\n\n${USAGE}`);
    return EXIT.invalid;
  }
  try {
    const command = await load();
    return await command(rest, io);
  } catch (error) {
    if (error instanceof CliUsageError) {
      io.stderr(`pulih ${name}: ${error.message}\n`);
      return EXIT.invalid;
    }
    io.stderr(`pulih ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.failed;
  }
}
