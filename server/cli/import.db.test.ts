import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { openMigratedDatabase } from '../db/open.ts';
import { type RosterRow, rosterCsv, rosterRow } from '../testing/csv.ts';
import { fakeIo } from './fake-io.ts';
import { importCommand } from './import.ts';
import { main } from './main.ts';
import { seedCommand } from './seed.ts';

// Each test runs the commands on an embedded database of its own, on disk, as an operator would.
const TIMEOUT = 60_000;

let workDir: string;
let savedEnv: { PULIH_DATA_DIR: string | undefined; DATABASE_URL: string | undefined };

beforeEach(() => {
  savedEnv = { PULIH_DATA_DIR: process.env.PULIH_DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
  workDir = mkdtempSync(path.join(tmpdir(), 'pulih-import-'));
  process.env.PULIH_DATA_DIR = path.join(workDir, 'data');
  delete process.env.DATABASE_URL;
});

function restore(key: 'PULIH_DATA_DIR' | 'DATABASE_URL', value: string | undefined): void {
  if (value === undefined) Reflect.deleteProperty(process.env, key);
  else process.env[key] = value;
}

afterEach(() => {
  restore('PULIH_DATA_DIR', savedEnv.PULIH_DATA_DIR);
  restore('DATABASE_URL', savedEnv.DATABASE_URL);
  rmSync(workDir, { recursive: true, force: true });
});

async function seedUnits(): Promise<void> {
  const io = fakeIo();
  const code = await seedCommand(['--anchor', '2026-11-01'], io);
  if (code !== 0) throw new Error(`seed failed: ${io.err()}`);
}

function writeRoster(name: string, rows: readonly RosterRow[]): string {
  const file = path.join(workDir, name);
  writeFileSync(file, rosterCsv(rows));
  return file;
}

/** Reads the database the commands wrote, then closes it again. */
async function peopleWith(sdpNumbers: readonly string[]) {
  const handle = await openMigratedDatabase(loadConfig());
  try {
    const people = await handle.db.selectFrom('wbp').select(['sdp_number', 'block']).where('sdp_number', 'in', [...sdpNumbers]).execute();
    const imports = await handle.db.selectFrom('audit_log').select('id').where('action', '=', 'import').execute();
    return { people, importAuditRows: imports.length };
  } finally {
    await handle.close();
  }
}

describe('pulih import sdp', () => {
  it('imports a clean file, exits 0 and prints a summary', { timeout: TIMEOUT }, async () => {
    await seedUnits();
    const roster = [rosterRow({ kode_upt: 'RUTAN-SERANG' }), rosterRow({ kode_upt: 'LAPAS-CILEGON' })];
    const io = fakeIo();

    const code = await importCommand(['sdp', writeRoster('roster.csv', roster)], io);

    expect(code, io.err()).toBe(0);
    expect(io.out()).toContain('Impor selesai.');
    expect(io.out()).toContain('Baris dibaca: 2');
    expect(io.out()).toContain('Baru: 2  Diperbarui: 0  Pindah unit: 0  Tidak berubah: 0');
    const { people } = await peopleWith(roster.map((r) => r.no_registrasi));
    expect(people).toHaveLength(2);
  });

  it('rejects a file with a bad row with exit 2, names line, column and reason, and changes nothing', { timeout: TIMEOUT }, async () => {
    await seedUnits();
    const good = rosterRow({ kode_upt: 'RUTAN-SERANG' });
    const bad = rosterRow({ kode_upt: 'RUTAN-SERANG', tanggal_masuk: '2026-13-40' });
    const io = fakeIo();

    const code = await importCommand(['sdp', writeRoster('roster.csv', [good, bad])], io);

    expect(code).toBe(2);
    expect(io.out()).not.toContain('Impor selesai');
    expect(io.err()).toContain('1 baris ditolak. Tidak ada data yang diimpor');
    expect(io.err()).toContain('baris 3, kolom tanggal_masuk: tanggal tidak valid (format TTTT-BB-HH) (nilai: "2026-13-40")');
    expect(await peopleWith([good.no_registrasi, bad.no_registrasi])).toEqual({ people: [], importAuditRows: 0 });
  });

  it('checks a file with --dry-run, exits 0 and stores nothing', { timeout: TIMEOUT }, async () => {
    await seedUnits();
    const roster = [rosterRow({ kode_upt: 'RUTAN-SERANG' })];
    const io = fakeIo();

    const code = await importCommand(['sdp', writeRoster('roster.csv', roster), '--dry-run'], io);

    expect(code, io.err()).toBe(0);
    expect(io.out()).toContain('Pemeriksaan selesai; tidak ada yang disimpan.');
    expect(io.out()).toContain('Baru: 1');
    expect((await peopleWith([roster[0]!.no_registrasi])).people).toEqual([]);
  });

  it('exits 2 with a message naming a file that does not exist', async () => {
    const io = fakeIo();
    const missing = path.join(workDir, 'tidak-ada.csv');

    const code = await main(['import', 'sdp', missing], io);

    expect(code).toBe(2);
    expect(io.err()).toContain(`berkas tidak dapat dibaca: ${missing}`);
    expect(io.out()).toBe('');
  });

  it('exits 2 with the usage when the kind of import is unknown', async () => {
    const io = fakeIo();

    const code = await main(['import', 'xlsx', writeRoster('roster.csv', [])], io);

    expect(code).toBe(2);
    expect(io.err()).toContain('penggunaan: pulih import sdp FILE [--dry-run]');
  });

  it('exits 2 with the usage when the file is not named', async () => {
    const io = fakeIo();

    const code = await main(['import', 'sdp'], io);

    expect(code).toBe(2);
    expect(io.err()).toContain('penggunaan: pulih import sdp FILE [--dry-run]');
  });
});
