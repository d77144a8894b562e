import { createUserRequest } from '../../shared/contracts/admin.ts';
import { passwordProblems } from '../../shared/contracts/auth.ts';
import { loadConfig } from '../config.ts';
import { openMigratedDatabase } from '../db/open.ts';
import { createAdminService } from '../modules/admin/admin.service.ts';
import { AppError, type FieldProblem } from '../platform/errors.ts';
import { fieldMessage, problemsFromZod } from '../platform/http.ts';
import { CliUsageError, EXIT, type CliIo, parseCommandArgs } from './io.ts';

const USAGE = 'penggunaan: pulih create-admin --username NAMA --name "Nama Lengkap"  (kata sandi dari PULIH_ADMIN_PASSWORD atau baris pertama stdin)';

/** `pulih create-admin`: the first national administrator of an installation without demo data. */
export async function createAdminCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs({ args, options: { username: { type: 'string' }, name: { type: 'string' } }, allowPositionals: false }, USAGE);
  if (!values.username || !values.name) throw new CliUsageError(USAGE);
  const password = process.env.PULIH_ADMIN_PASSWORD ?? (await io.readStdin()).split(/\r?\n/)[0] ?? '';
  const parsed = createUserRequest.pick({ username: true, fullName: true }).safeParse({ username: values.username, fullName: values.name });
  // The whole input is checked before the database is opened, so a refused call leaves it untouched
  // (opening it would create and migrate it). The service checks the password again, as for the API.
  const problems: FieldProblem[] = [
    ...(parsed.success ? [] : problemsFromZod(parsed.error.issues)),
    ...passwordProblems(password, parsed.success ? parsed.data.username : values.username).map((p) => ({ field: 'password', message: `validation.${p}` })),
  ];
  if (!parsed.success || problems.length > 0) return refuse(io, problems);

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
    if (error instanceof AppError && error.code === 'VALIDATION') return refuse(io, error.fields);
    throw error;
  } finally {
    await handle.close();
  }
}

function refuse(io: CliIo, problems: readonly FieldProblem[]): number {
  for (const problem of problems) io.stderr(`pulih create-admin: ${fieldMessage('id', problem)}\n`);
  return EXIT.invalid;
}
