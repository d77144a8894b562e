import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { openMigratedDatabase } from '../db/open.ts';
import { createAdminCommand } from './create-admin.ts';
import { fakeIo } from './fake-io.ts';
import { EXIT } from './io.ts';

// Each test runs the command on an embedded database of its own, on disk, as an operator would.
const TIMEOUT = 60_000;
const ENV_KEYS = ['PULIH_DATA_DIR', 'DATABASE_URL', 'PULIH_ADMIN_PASSWORD'] as const;

let workDir: string;
let savedEnv: Partial<Record<(typeof ENV_KEYS)[number], string>>;

beforeEach(() => {
  savedEnv = Object.fromEntries(ENV_KEYS.map((key) => [key, process.env[key]]));
  workDir = mkdtempSync(path.join(tmpdir(), 'pulih-create-admin-'));
  process.env.PULIH_DATA_DIR = path.join(workDir, 'data');
  delete process.env.DATABASE_URL;
});

afterEach(() => {
  for (const key of ENV_KEYS) {
    const value = savedEnv[key];
    if (value === undefined) Reflect.deleteProperty(process.env, key);
    else process.env[key] = value;
  }
  rmSync(workDir, { recursive: true, force: true });
});

const args = ['--username', 'admin.pusat', '--name', 'Admin Pusat'];

describe('pulih create-admin', () => {
  it('creates a national administrator and exits 0', { timeout: TIMEOUT }, async () => {
    process.env.PULIH_ADMIN_PASSWORD = 'Rahasia-Pusat-2026';
    const io = fakeIo();

    const code = await createAdminCommand(args, io);

    expect(code, io.err()).toBe(EXIT.ok);
    const handle = await openMigratedDatabase(loadConfig());
    try {
      const user = await handle.db.selectFrom('users').select(['role']).where('username', '=', 'admin.pusat').executeTakeFirst();
      expect(user).toEqual({ role: 'national_admin' });
    } finally {
      await handle.close();
    }
  });

  it('refuses a weak password with exit 2, in Bahasa Indonesia, before any database is made', async () => {
    process.env.PULIH_ADMIN_PASSWORD = 'pendek';
    const io = fakeIo();

    const code = await createAdminCommand(args, io);

    expect(code).toBe(EXIT.invalid);
    expect(io.err()).toContain('pulih create-admin: Kata sandi: kata sandi minimal 10 karakter\n');
    expect(existsSync(path.join(workDir, 'data'))).toBe(false);
  });

  it('words a malformed username by its rule, not by a message key', async () => {
    process.env.PULIH_ADMIN_PASSWORD = 'Rahasia-Pusat-2026';
    const io = fakeIo();

    const code = await createAdminCommand(['--username', 'Admin Pusat', '--name', 'Admin Pusat'], io);

    expect(code).toBe(EXIT.invalid);
    expect(io.err()).toBe('pulih create-admin: Nama pengguna: nama pengguna 3–64 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung\n');
  });
});
