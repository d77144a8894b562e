import { randomBytes } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { OrgKind, Role } from '../../shared/contracts/common.ts';
import type { Db } from '../db/database.ts';
import type { NewWbp, OrganizationsTable } from '../db/schema.ts';
import { hashPassword } from '../platform/passwords.ts';

export const TEST_PASSWORD = 'Uji-Sandi-2026';
let testHash: Promise<string> | undefined;
/** Hashed once per worker: argon2id is deliberately slow, and every test user shares this password. */
function testPasswordHash(): Promise<string> {
  testHash ??= hashPassword(TEST_PASSWORD);
  return testHash;
}

function suffix(): string {
  return randomBytes(3).toString('hex').toUpperCase();
}

export async function makeOrganization(db: Db, overrides: Partial<Insertable<OrganizationsTable>> & { kind?: OrgKind } = {}) {
  const kind = overrides.kind ?? 'rutan';
  return db
    .insertInto('organizations')
    .values({
      kind,
      code: `${kind.toUpperCase()}-${suffix()}`,
      name: `${kind === 'rutan' ? 'Rutan Kelas IIB' : kind.toUpperCase()} Uji ${suffix()}`,
      ...overrides,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function makeUser(db: Db, overrides: { role: Role; organizationId: string; username?: string; active?: boolean; language?: 'id' | 'en' }) {
  const username = overrides.username ?? `${overrides.role.replace('_', '')}.${suffix().toLowerCase()}`;
  return db
    .insertInto('users')
    .values({
      username,
      full_name: `Pengguna ${username}`,
      role: overrides.role,
      organization_id: overrides.organizationId,
      password_hash: await testPasswordHash(),
      active: overrides.active ?? true,
      language: overrides.language ?? 'id',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

let serial = 0;
export async function makeWbp(db: Db, overrides: Partial<NewWbp> & { facility_id: string }) {
  serial += 1;
  return db
    .insertInto('wbp')
    .values({
      sdp_number: `AII.2026.${suffix()}${serial}`,
      full_name: `Warga Uji ${serial}`,
      sex: 'L',
      birth_date: '1990-05-17',
      legal_status: 'tahanan',
      case_articles: ['UU 35/2009 Pasal 112'],
      admission_date: '2026-06-01',
      block: 'Blok A',
      room: 'A-01',
      ...overrides,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function grantAccess(db: Db, granteeId: string, facilityId: string): Promise<void> {
  await db.insertInto('organization_access').values({ grantee_id: granteeId, facility_id: facilityId }).execute();
}
