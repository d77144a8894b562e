import type { LegalStatus, OrgKind, Role, Sex } from '../../shared/contracts/common.ts';
import type { AgreementScope } from '../../shared/domain/agreements.ts';
import type { Db } from '../db/database.ts';
import type { NewWbp } from '../db/schema.ts';
import { hashPassword } from '../platform/passwords.ts';
import { seedCareRecord } from './demo-care.ts';
import { seedRehabilitation } from './demo-rehab.ts';
import { seedStaffTraining } from './demo-staff.ts';
import { seedAftercare } from './demo-aftercare.ts';
import { seedPostRehabilitation } from './demo-post-rehab.ts';
import { seedHealthConsents } from './demo-health-consents.ts';
import { BIRTH_PLACES, FAMILY, FEMALE_GIVEN, MALE_GIVEN } from './names.ts';
import { addDays, addMonths, intBetween, pick, seededRandom } from './random.ts';

export const DEMO_PASSWORD = 'Pulih#Demo2026';

interface OrgSeed { key: string; kind: OrgKind; code: string; name: string; parent?: string; ministry?: string; city?: string; capacity?: number; canAssess?: boolean }

const ORGS: OrgSeed[] = [
  { key: 'ditjenpas', kind: 'ditjenpas', code: 'DITJENPAS', name: 'Direktorat Jenderal Pemasyarakatan', ministry: 'Kementerian Imigrasi dan Pemasyarakatan', city: 'Jakarta' },
  { key: 'kanwil', kind: 'kanwil', code: 'KANWIL-BANTEN', name: 'Kantor Wilayah Direktorat Jenderal Pemasyarakatan Banten', parent: 'ditjenpas', city: 'Serang' },
  { key: 'rutan1', kind: 'rutan', code: 'RUTAN-SERANG', name: 'Rutan Kelas IIB Serang', parent: 'kanwil', city: 'Serang', capacity: 350 },
  { key: 'rutan2', kind: 'rutan', code: 'RUTAN-PANDEGLANG', name: 'Rutan Kelas IIB Pandeglang', parent: 'kanwil', city: 'Pandeglang', capacity: 250 },
  { key: 'lapas', kind: 'lapas', code: 'LAPAS-CILEGON', name: 'Lapas Kelas IIA Cilegon', parent: 'kanwil', city: 'Cilegon', capacity: 400 },
  { key: 'bapas', kind: 'bapas', code: 'BAPAS-SERANG', name: 'Bapas Kelas I Serang', parent: 'kanwil', city: 'Serang' },
  { key: 'bnnp', kind: 'bnnp', code: 'BNNP-BANTEN', name: 'Badan Narkotika Nasional Provinsi Banten', city: 'Serang' },
  { key: 'bnnk', kind: 'bnnk', code: 'BNNK-SERANG', name: 'Badan Narkotika Nasional Kota Serang', parent: 'bnnp', city: 'Serang', canAssess: true },
  { key: 'dinkes', kind: 'dinkes', code: 'DINKES-SERANG', name: 'Dinas Kesehatan Kota Serang', city: 'Serang' },
];

// The Bapas works in the units of its area.
const AREA: [string, string][] = [['bapas', 'rutan1'], ['bapas', 'rutan2'], ['bapas', 'lapas']];

interface AgreementSeed {
  number: string; title: string; kind: 'mou' | 'pks'; parties: string[]; scopes: AgreementScope[];
  /** Days from the anchor; the PKS of Rutan Serang ends within the alert window, so the dashboard shows it. */
  signedOn: (anchor: string) => string; validFrom: (anchor: string) => string; validUntil: (anchor: string) => string;
}

// Partners work in a unit only under an agreement in force, and only within its scope.
const AGREEMENTS: AgreementSeed[] = [
  {
    number: 'PKS/01/I/2025/RUTAN-SERANG', title: 'Rutan Serang – BNNK Kota Serang – Dinkes Kota Serang: layanan rehabilitasi warga binaan', kind: 'pks',
    parties: ['rutan1', 'bnnk', 'dinkes'],
    scopes: [
      'screening', 'assessment', 'medical_rehabilitation', 'social_rehabilitation', 'counselling', 'vct', 'tb', 'ptrm', 'monitoring_evaluation', 'education',
    ],
    signedOn: () => '2025-01-10', validFrom: () => '2025-01-15', validUntil: (anchor) => addDays(anchor, 60),
  },
  {
    number: 'MOU/07/2026/RUTAN-PANDEGLANG', title: 'Rutan Pandeglang – BNNK Kota Serang: skrining, asesmen dan konseling adiksi', kind: 'mou',
    parties: ['rutan2', 'bnnk'], scopes: ['screening', 'assessment', 'counselling'],
    signedOn: (anchor) => addDays(anchor, -125), validFrom: (anchor) => addDays(anchor, -120), validUntil: (anchor) => addDays(addDays(anchor, -120), 2 * 365),
  },
];

interface UserSeed { username: string; fullName: string; role: Role; org: string }

export const DEMO_USERS: UserSeed[] = [
  { username: 'admin.nasional', fullName: 'Ratna Kusumawati', role: 'national_admin', org: 'ditjenpas' },
  { username: 'manajer.banten', fullName: 'Hendra Gunawan', role: 'regional_manager', org: 'kanwil' },
  { username: 'karutan.serang', fullName: 'Agus Setiawan', role: 'head_of_unit', org: 'rutan1' },
  { username: 'klinik.serang', fullName: 'dr. Siti Nurhaliza', role: 'clinic_staff', org: 'rutan1' },
  { username: 'asesor.bnnk', fullName: 'Dewi Lestari, S.Psi.', role: 'assessor', org: 'bnnk' },
  { username: 'konselor.bnnk', fullName: 'Rahmat Hidayat', role: 'counsellor', org: 'bnnk' },
  { username: 'petugas.serang', fullName: 'Budi Santoso', role: 'custody_officer', org: 'rutan1' },
  { username: 'pk.bapas', fullName: 'Yuni Astuti', role: 'probation_officer', org: 'bapas' },
  { username: 'klinik.pandeglang', fullName: 'dr. Fajar Ramadhan', role: 'clinic_staff', org: 'rutan2' },
  { username: 'klinik.cilegon', fullName: 'Nur Aini, Amd.Kep.', role: 'clinic_staff', org: 'lapas' },
];

const DRUG_ARTICLES = ['UU 35/2009 Pasal 111', 'UU 35/2009 Pasal 112', 'UU 35/2009 Pasal 114', 'UU 35/2009 Pasal 127'];
const OTHER_ARTICLES = ['KUHP Pasal 362', 'KUHP Pasal 363', 'KUHP Pasal 378', 'KUHP Pasal 351', 'KUHP Pasal 372', 'KUHP Pasal 480'];
const PEOPLE_PER_UNIT: [string, number][] = [['rutan1', 120], ['rutan2', 90], ['lapas', 90]];

export interface SeedResult { seeded: boolean; people: number; users: { username: string; role: Role; organization: string }[] }

export async function isSeeded(db: Db): Promise<boolean> {
  return (await db.selectFrom('organizations').select('id').limit(1).executeTakeFirst()) !== undefined;
}

/**
 * Demo data for a first start: one Kanwil with two Rutan and a Lapas, a Bapas, BNNP/BNNK, Dinkes,
 * about 300 people held and one account per role; in the first Rutan, the rehabilitation pathway
 * under way (see demo-rehab.ts). The same `anchor` date gives the same data.
 */
export async function seedDemo(db: Db, options: { anchor: string }): Promise<SeedResult> {
  const users = DEMO_USERS.map((u) => ({ username: u.username, role: u.role, organization: ORGS.find((o) => o.key === u.org)!.name }));
  if (await isSeeded(db)) return { seeded: false, people: 0, users };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const random = seededRandom(20_241_231);
  const people = buildPeople(random, options.anchor);

  await db.transaction().execute(async (trx) => {
    const ids = new Map<string, string>();
    for (const org of ORGS) {
      const row = await trx
        .insertInto('organizations')
        .values({
          kind: org.kind, code: org.code, name: org.name, parent_id: org.parent ? ids.get(org.parent)! : null,
          ministry: org.ministry ?? null, province: 'Banten', city: org.city ?? null, capacity: org.capacity ?? null,
          can_assess: org.canAssess ?? false,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.set(org.key, row.id);
    }
    await trx.insertInto('organization_access').values(AREA.map(([g, f]) => ({ grantee_id: ids.get(g)!, facility_id: ids.get(f)! }))).execute();
    for (const a of AGREEMENTS) {
      const made = await trx
        .insertInto('agreements')
        .values({
          number: a.number, title: a.title, kind: a.kind, signed_on: a.signedOn(options.anchor), valid_from: a.validFrom(options.anchor),
          valid_until: a.validUntil(options.anchor), scopes: a.scopes,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('agreement_parties').values(a.parties.map((key) => ({ agreement_id: made.id, organization_id: ids.get(key)! }))).execute();
    }
    await trx
      .insertInto('users')
      .values(DEMO_USERS.map((u) => ({
        username: u.username, full_name: u.fullName, role: u.role, organization_id: ids.get(u.org)!, password_hash: passwordHash,
      })))
      .execute();
    // Two certified ASI assessors, so assessments can be signed in the demo.
    const certified = await trx.selectFrom('users').select(['id', 'username']).where('username', 'in', ['asesor.bnnk', 'klinik.serang']).execute();
    await trx
      .insertInto('staff_qualifications')
      .values(certified.map((u, i) => ({
        user_id: u.id, kind: 'asi_assessor' as const, number: `LSP-BNN/ASI/${String(i + 101)}/2025`,
        issued_on: addDays(options.anchor, -300), expires_on: addDays(options.anchor, 3 * 365), issuer: 'LSP BNN',
      })))
      .execute();
    const rows: NewWbp[] = people.map((p) => ({ ...p, facility_id: ids.get(p.facility_id)! }));
    for (let i = 0; i < rows.length; i += 500) await trx.insertInto('wbp').values(rows.slice(i, i + 500)).execute();
    await seedRehabilitation(trx, ids.get('rutan1')!, options.anchor);
    await seedCareRecord(trx, ids.get('rutan1')!, options.anchor);
    await seedStaffTraining(trx, ids.get('rutan1')!, options.anchor);
    await seedAftercare(trx, ids.get('rutan1')!, options.anchor);
    await seedPostRehabilitation(trx, ids.get('bapas')!, options.anchor);
    await seedHealthConsents(trx, ids.get('rutan1')!, options.anchor);
  });
  return { seeded: true, people: people.length, users };
}

function buildPeople(random: () => number, anchor: string): NewWbp[] {
  const people: NewWbp[] = [];
  let serial = 0;
  for (const [unit, count] of PEOPLE_PER_UNIT) {
    const blocks = unit === 'lapas' ? ['A', 'B', 'C', 'D', 'E'] : ['A', 'B', 'C', 'D'];
    for (let i = 0; i < count; i += 1) {
      serial += 1;
      const sex: Sex = random() < 0.92 ? 'L' : 'P';
      const given = pick(random, sex === 'L' ? MALE_GIVEN : FEMALE_GIVEN);
      const fullName = random() < 0.15 ? given : `${given} ${pick(random, FAMILY)}`;
      const age = intBetween(random, 18, 62);
      const birthDate = addDays(anchor, -(age * 365 + intBetween(random, 0, 364)));
      const drugCase = random() < 0.6;
      const articles = drugCase
        ? [pick(random, DRUG_ARTICLES), ...(random() < 0.3 ? ['UU 35/2009 Pasal 132'] : [])]
        : [pick(random, OTHER_ARTICLES)];
      // Rutan hold mostly detainees awaiting trial; the Lapas holds the sentenced.
      const legalStatus: LegalStatus = unit === 'lapas' ? 'narapidana' : random() < 0.7 ? 'tahanan' : 'narapidana';
      const admission = addDays(anchor, -intBetween(random, 3, unit === 'lapas' ? 1400 : 300));
      const sentenceMonths = legalStatus === 'narapidana' ? intBetween(random, 8, 96) : null;
      const release = sentenceMonths ? addMonths(admission, sentenceMonths) : null;
      const block = pick(random, blocks);
      const year = admission.slice(0, 4);
      people.push({
        sdp_number: `${unit === 'lapas' ? 'BI' : 'AII'}.${year}.${String(serial).padStart(5, '0')}`,
        full_name: fullName,
        sex,
        birth_date: birthDate,
        birth_place: pick(random, BIRTH_PLACES),
        legal_status: legalStatus,
        case_articles: articles,
        sentence_months: sentenceMonths,
        facility_id: unit,
        block: `Blok ${block}`,
        room: `${block}-${String(intBetween(random, 1, 20)).padStart(2, '0')}`,
        admission_date: admission,
        expected_release_date: release && release >= admission ? release : null,
        source: 'sdp',
      });
    }
  }
  return people;
}
