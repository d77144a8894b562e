import { PGlite } from '@electric-sql/pglite';
import { Migrator } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AGREEMENT_SCOPES, inForce } from '../../../shared/domain/agreements.ts';
import { jakartaDate } from '../../../shared/domain/dates.ts';
import { type DatabaseHandle, PGLITE_OPTIONS, wrapPglite } from '../database.ts';
import { migrations } from './index.ts';

let handle: DatabaseHandle;
let migrator: Migrator;

beforeEach(async () => {
  handle = wrapPglite(await PGlite.create(PGLITE_OPTIONS));
  migrator = new Migrator({ db: handle.db, provider: { getMigrations: async () => migrations } });
  const before = await migrator.migrateTo('2026_11_23_0008_conference_agency');
  expect(before.error).toBeUndefined();
});
afterEach(async () => handle.close());

async function org(kind: 'rutan' | 'bnnk' | 'bapas', code: string) {
  return handle.db.insertInto('organizations').values({ kind, code, name: `${kind} ${code}` }).returning('id').executeTakeFirstOrThrow();
}

describe('the agreements migration', () => {
  it("turns a partner's grant into an agreement in force with every scope and both parties, and keeps the Bapas grant", async () => {
    const rutan = await org('rutan', 'RTN-SRG');
    const bnnk = await org('bnnk', 'BNNK-SRG');
    const bapas = await org('bapas', 'BAPAS-SRG');
    await handle.db.insertInto('organization_access').values([
      { grantee_id: bnnk.id, facility_id: rutan.id },
      { grantee_id: bapas.id, facility_id: rutan.id },
    ]).execute();

    const result = await migrator.migrateToLatest();
    expect(result.error).toBeUndefined();

    const agreements = await handle.db.selectFrom('agreements').selectAll().execute();
    expect(agreements).toHaveLength(1);
    const [agreement] = agreements;
    expect(agreement).toMatchObject({ number: 'PERALIHAN/RTN-SRG/BNNK-SRG', valid_until: null, terminated_on: null });
    expect([...(agreement?.scopes ?? [])].sort()).toEqual([...AGREEMENT_SCOPES].sort());
    expect(agreement && inForce({ validFrom: agreement.valid_from, validUntil: agreement.valid_until, terminatedOn: agreement.terminated_on }, jakartaDate(new Date()))).toBe(true);
    const parties = await handle.db.selectFrom('agreement_parties').select('organization_id').where('agreement_id', '=', agreement?.id ?? '').execute();
    expect(parties.map((p) => p.organization_id).sort()).toEqual([rutan.id, bnnk.id].sort());
    const grants = await handle.db.selectFrom('organization_access').select(['grantee_id', 'facility_id']).execute();
    expect(grants).toEqual([{ grantee_id: bapas.id, facility_id: rutan.id }]);
  });
});
