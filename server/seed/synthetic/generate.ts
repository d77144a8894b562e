import { hash } from '@node-rs/argon2';
import { DEFAULT_RULE } from '../../../shared/domain/classification.ts';
import { addDays } from '../../../shared/domain/dates.ts';
import { DEFAULT_PROGRAMMES } from '../../../shared/domain/programmes.ts';
import { seededRandom } from '../../../shared/domain/random.ts';
import { FAMILY, MALE_GIVEN } from '../names.ts';
import { intBetween, pick } from '../random.ts';
import type { AftercareReceivers, Receiver } from './aftercare.ts';
import { brokenForeignKeys, skipRowChecks } from './checks.ts';
import { type Context, type Tables, bufferedBytes, createTables, flushTables, wib } from './context.ts';
import type { CopySink } from './copy.ts';
import { type Scale, planFor } from './country.ts';
import { idSource, mix32 } from './ids.ts';
import { formPool, screeningPool } from './instruments.ts';
import { planRegions } from './plan.ts';
import { seedUnit } from './unit.ts';

/**
 * Changes whenever the same seed would give different data; caches of generated databases
 * (bench/.cache) are keyed by it.
 */
export const GENERATOR_VERSION = 1;

/** The default "today" of the data, fixed so that the same seed gives the same rows on any day. */
export const DEFAULT_ANCHOR = '2026-11-30';
export const DEFAULT_SEED = 20_261_130;

/** Every generated account signs in with this password. */
export const SYNTHETIC_PASSWORD = 'Pulih#Sintetis2026';
export const NATIONAL_ADMIN = 'admin.nasional';

/** Histories start two years before the anchor: the system has been in use that long. */
const HISTORY_DAYS = 730;
/** Rows wait in memory until about this much COPY text has gathered, then load. */
const FLUSH_BYTES = 24 * 1024 * 1024;

export interface GenerateOptions {
  scale: Scale;
  seed: number;
  anchor: string;
  sink: CopySink;
  /** Called after each unit with the units done and the units in all. */
  onProgress?: (done: number, total: number) => void;
  /** Check foreign keys row by row as rows arrive, never in bulk at the end (slower; see checks.ts). */
  rowChecks?: boolean;
}

export interface GenerateResult {
  regions: number;
  units: number;
  rows: Record<string, number>;
  /** How the foreign keys were checked: row by row as loaded, or in bulk before the commit. */
  foreignKeys: 'row' | 'bulk';
}

/** argon2id as the app hashes (server/platform/passwords.ts), with a salt from the seed so the hash is the same on every run. */
async function deterministicHash(password: string, seed: number): Promise<string> {
  const salt = new Uint8Array(16);
  for (let i = 0; i < 16; i += 4) new DataView(salt.buffer).setUint32(i, mix32(seed + i * 0x9e3779b9));
  return hash(password, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1, salt });
}

function person(random: () => number): string {
  return `${pick(random, MALE_GIVEN)} ${pick(random, FAMILY)}`;
}

function addUser(ctx: Context, u: { id?: string; username: string; fullName: string; role: string; organizationId: string }): string {
  const id = u.id ?? ctx.id();
  const at = wib(addDays(ctx.historyStart, -30), 9);
  ctx.tables.users.add([id, u.username, u.fullName, ctx.passwordHash, u.role, u.organizationId, 'id', true, 0, at, at, at]);
  return id;
}

function addOrganization(
  tables: Tables, at: string,
  o: { id: string; parentId: string | null; kind: string; code: string; name: string; ministry?: string; province: string | null; city: string | null; canAssess?: boolean },
): void {
  tables.organizations.add([o.id, o.parentId, o.kind, o.code, o.name, o.ministry ?? null, o.province, o.city, null, null, o.canAssess ?? false, at, at]);
}

function addPostRehabProgramme(ctx: Context, facilityId: string, at: string): { id: string; weeks: number } {
  const p = DEFAULT_PROGRAMMES.find((x) => x.kind === 'post_rehab')!;
  const id = ctx.id();
  ctx.tables.programmes.add([id, facilityId, p.kind, p.name, p.description, p.durationWeeks, JSON.stringify(p.phases), p.capacity, p.active, 1, at, at]);
  for (const [position, s] of p.sessionTypes.entries()) {
    ctx.tables.programme_session_types.add([ctx.id(), id, position, s.code, s.name, s.mode, s.perWeek, s.everyWeeks, s.durationMinutes, s.minGroup, s.maxGroup]);
  }
  return { id, weeks: p.durationWeeks };
}

/**
 * Generates a synthetic country (or one region, or one unit) into an empty migrated database,
 * loading every table with COPY in one transaction: the same seed and anchor give the same rows,
 * ids included. Rows are loaded in batches as they are made, so memory holds about one batch.
 */
export async function generateCountry(options: GenerateOptions): Promise<GenerateResult> {
  const { sink, anchor, seed } = options;
  const random = seededRandom(seed);
  const tables = createTables();
  const historyStart = addDays(anchor, -HISTORY_DAYS);
  const ctx: Context = {
    anchor, historyStart, random, tables, id: idSource(seed),
    screeningPool: screeningPool(seededRandom(mix32(seed) ^ 0x0a551570)),
    formPool: formPool(seededRandom(mix32(seed) ^ 0x0a5e5501)),
    passwordHash: await deterministicHash(SYNTHETIC_PASSWORD, seed),
    serial: { sdp: 0, certificate: 0, releaseDecision: 0 },
  };
  const plan = planFor(options.scale);
  const regions = planRegions(plan, random);
  const totalUnits = regions.reduce((sum, r) => sum + r.units.length, 0);
  const at = wib(addDays(historyStart, -60), 9);

  const loaded = Object.values(tables).map((b) => b.table);
  let foreignKeys: GenerateResult['foreignKeys'] = 'row';
  await sink.exec('BEGIN');
  try {
    if (!options.rowChecks && await skipRowChecks(sink, loaded)) foreignKeys = 'bulk';
    const nationId = ctx.id();
    addOrganization(tables, at, {
      id: nationId, parentId: null, kind: 'ditjenpas', code: 'DITJENPAS', name: 'Direktorat Jenderal Pemasyarakatan',
      ministry: 'Kementerian Imigrasi dan Pemasyarakatan', province: 'DKI Jakarta', city: 'Jakarta',
    });
    addUser(ctx, { username: NATIONAL_ADMIN, fullName: person(random), role: 'national_admin', organizationId: nationId });

    let done = 0;
    for (const region of regions) {
      const { province } = region;
      const kanwilId = ctx.id();
      const capital = province.cities[0]!;
      addOrganization(tables, at, {
        id: kanwilId, parentId: nationId, kind: 'kanwil', code: `KANWIL-${province.code}`,
        name: `Kantor Wilayah Direktorat Jenderal Pemasyarakatan ${province.name}`, province: province.name, city: capital,
      });
      const managerId = addUser(ctx, { username: `manajer.${province.code.toLowerCase()}`, fullName: person(random), role: 'regional_manager', organizationId: kanwilId });
      const ruleId = ctx.id();
      tables.classification_rules.add([ruleId, kanwilId, 1, JSON.stringify(DEFAULT_RULE), managerId, at]);

      const bapasId = ctx.id();
      addOrganization(tables, at, { id: bapasId, parentId: kanwilId, kind: 'bapas', code: `BAPAS-${province.code}`, name: `Bapas Kelas I ${capital}`, province: province.name, city: capital });
      const probationOfficer = addUser(ctx, { username: `pk.bapas-${province.code.toLowerCase()}`, fullName: person(random), role: 'probation_officer', organizationId: bapasId });
      const postRehab = addPostRehabProgramme(ctx, bapasId, at);

      const bnnpId = ctx.id();
      addOrganization(tables, at, { id: bnnpId, parentId: null, kind: 'bnnp', code: `BNNP-${province.code}`, name: `Badan Narkotika Nasional Provinsi ${province.name}`, province: province.name, city: capital });
      // Narcotics boards of the cities, each working in a few units under one agreement.
      const boardCount = Math.max(1, Math.min(6, Math.round(region.units.length / 6)));
      const boards: (Receiver & { assessor: string; agreementId: string; units: number })[] = [];
      for (let b = 0; b < boardCount; b += 1) {
        const id = ctx.id();
        const city = province.cities[b % province.cities.length]!;
        const code = `BNNK-${province.code}-${b + 1}`;
        addOrganization(tables, at, { id, parentId: bnnpId, kind: 'bnnk', code, name: `Badan Narkotika Nasional Kota ${city}`, province: province.name, city, canAssess: true });
        const login = code.toLowerCase();
        const assessor = addUser(ctx, { username: `asesor.${login}`, fullName: `${person(random)}, S.Psi.`, role: 'assessor', organizationId: id });
        const counsellor = addUser(ctx, { username: `konselor.${login}`, fullName: person(random), role: 'counsellor', organizationId: id });
        tables.staff_qualifications.add([ctx.id(), assessor, 'asi_assessor', `LSP-BNN/ASI/${code}/2024`, addDays(historyStart, -90), addDays(anchor, 600), 'LSP BNN', null, at]);
        const agreementId = ctx.id();
        const signedOn = addDays(historyStart, -intBetween(random, 10, 60));
        tables.agreements.add([
          agreementId, `PKS/${String(b + 1).padStart(2, '0')}/${province.code}/${signedOn.slice(0, 4)}`,
          `Layanan rehabilitasi warga binaan: ${code} dan unit pemasyarakatan ${province.name}`, 'pks', signedOn, addDays(signedOn, 5),
          addDays(anchor, intBetween(random, 30, 700)), ['screening', 'assessment', 'counselling', 'social_rehabilitation', 'monitoring_evaluation', 'education'],
          null, managerId, wib(signedOn, 10), wib(signedOn, 10), 1,
        ]);
        tables.agreement_parties.add([agreementId, id]);
        boards.push({ id, name: `Badan Narkotika Nasional Kota ${city}`, staff: counsellor, assessor, agreementId, units: 0 });
      }
      const receivers: AftercareReceivers = {
        bapas: { id: bapasId, name: `Bapas Kelas I ${capital}`, staff: probationOfficer, postRehabProgrammeId: postRehab.id, postRehabWeeks: postRehab.weeks },
        boards,
      };

      for (const [u, unit] of region.units.entries()) {
        // About two units in three work with a board, in turn.
        const board = u % 3 === 2 ? null : boards[u % boards.length]!;
        const unitId = seedUnit(ctx, {
          index: region.index, kanwilId, ruleId, receivers, partner: board ? { id: board.id, assessor: board.assessor } : null,
        }, unit);
        tables.organization_access.add([bapasId, unitId, at]);
        if (board) tables.agreement_parties.add([board.agreementId, unitId]);
        done += 1;
        options.onProgress?.(done, totalUnits);
        if (bufferedBytes(tables) > FLUSH_BYTES) await flushTables(tables, sink);
      }
    }
    await flushTables(tables, sink);
    if (foreignKeys === 'bulk') {
      const broken = await brokenForeignKeys(sink, loaded);
      if (broken.length > 0) throw new Error(`generated rows break foreign keys: ${broken.map((b) => `${b.constraint} (${b.rows})`).join(', ')}`);
    }
    await sink.exec('COMMIT');
  } catch (error) {
    await sink.exec('ROLLBACK').catch(() => undefined);
    throw error;
  }
  await sink.exec('ANALYZE');
  return {
    regions: regions.length,
    units: totalUnits,
    rows: Object.fromEntries(Object.values(tables).map((b) => [b.table, b.total])),
    foreignKeys,
  };
}
