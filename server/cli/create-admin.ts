import { parseArgs } from 'node:util';
import { createUserRequest } from '../../shared/contracts/admin.ts';
import { loadConfig } from '../config.ts';
import { openMigratedDatabase } from '../db/open.ts';
import { createAdminService } from '../modules/admin/admin.service.ts';
import { AppError } from '../platform/errors.ts';
import { fieldMessage } from '../platform/http.ts';
import { CliUsageError, EXIT, type CliIo } from './io.ts';

const USAGE = 'penggunaan: pulih create-admin --username NAMA --name "Nama Lengkap"  (kata sandi dari PULIH_ADMIN_PASSWORD atau baris pertama stdin)';

/** `pulih create-admin`: the first national administrator of an installation without demo data. */
export async function createAdminCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { username: { type: 'string' }, name: { type: 'string' } }, allowPositionals: false });
  if (!values.username || !values.name) throw new CliUsageError(USAGE);
  const password = process.env.PULIH_ADMIN_PASSWORD ?? (await io.readStdin()).split(/\r?\n/)[0] ?? '';
  const parsed = createUserRequest.pick({ username: true, fullName: true }).safeParse({ username: values.username, fullName: values.name });
  if (!parsed.success) throw new CliUsageError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));

  const handle = await openMigratedDatabase(loadConfig());
  try {
    const admin = createAdminService({ db: handle.db, now: () => new Date() });
    const user = await admin.bootstrapAdmin(
      { username: parsed.data.username, fullName: parsed.data.fullName, password },
      { ip: null, userAgent: 'pulih create-admin' },
    );
    io.stdout(`Akun administrator nasional dibuat: ${user.username} (${user.organizationName})\n`);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof AppError && error.code === 'VALIDATION') {
      for (const f of error.fields) io.stderr(`pulih create-admin: ${fieldMessage('id', f)}\n`);
      return EXIT.invalid;
    }
    throw error;
  } finally {
    await handle.close();
  }
}
