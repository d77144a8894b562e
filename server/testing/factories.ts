import { randomBytes } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { OrgKind, Role } from '../../shared/contracts/common.ts';
import type { ProgrammeKind } from '../../shared/contracts/programmes.ts';
import { AGREEMENT_SCOPES, type AgreementScope } from '../../shared/domain/agreements.ts';
import { programmeEnd } from '../../shared/domain/placement.ts';
import { DEFAULT_PROGRAMMES } from '../../shared/domain/programmes.ts';
import { ASSIST_ID, ASSIST_VERSION, scoreInstrument } from '../../shared/instruments/index.ts';
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

/**
 * Lets an organisation's staff work in a unit: a Bapas through its work area, a partner through an
 * agreement in force covering every scope (use signAgreement to test a narrower one).
 */
export async function grantAccess(db: Db, granteeId: string, facilityId: string): Promise<void> {
  const grantee = await db.selectFrom('organizations').select('kind').where('id', '=', granteeId).executeTakeFirstOrThrow();
  if (grantee.kind === 'bapas') {
    await db.insertInto('organization_access').values({ grantee_id: granteeId, facility_id: facilityId }).execute();
    return;
  }
  await signAgreement(db, { partyIds: [facilityId, granteeId] });
}

/** An agreement between the parties, in force from 2020 to 2099 with every scope unless told otherwise. */
export async function signAgreement(db: Db, a: {
  partyIds: string[];
  scopes?: AgreementScope[];
  validFrom?: string;
  validUntil?: string | null;
  terminatedOn?: string | null;
  createdBy?: string | null;
}) {
  const validFrom = a.validFrom ?? '2020-01-01';
  const agreement = await db
    .insertInto('agreements')
    .values({
      number: `PKS-${suffix()}`,
      title: 'Perjanjian kerja sama rehabilitasi',
      kind: 'pks',
      signed_on: validFrom,
      valid_from: validFrom,
      valid_until: a.validUntil === undefined ? '2099-12-31' : a.validUntil,
      terminated_on: a.terminatedOn ?? null,
      termination_reason: a.terminatedOn ? 'Diakhiri para pihak' : null,
      scopes: a.scopes ?? [...AGREEMENT_SCOPES],
      created_by: a.createdBy ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await db.insertInto('agreement_parties').values(a.partyIds.map((id) => ({ agreement_id: agreement.id, organization_id: id }))).execute();
  return agreement;
}

export async function makeQualification(db: Db, userId: string, overrides: { issued_on?: string; expires_on?: string | null } = {}) {
  return db
    .insertInto('staff_qualifications')
    .values({ user_id: userId, kind: 'asi_assessor', number: `ASI-${suffix()}`, issued_on: '2025-01-01', expires_on: '2030-12-31', ...overrides })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** An assessment with a rule class already derived (rendah), as a draft or signed. */
export async function makeAssessment(
  db: Db,
  a: { wbpId: string; facilityId: string; status?: 'draft' | 'signed'; signedBy?: string; form?: unknown },
) {
  const signed = a.status === 'signed';
  return db
    .insertInto('assessments')
    .values({
      wbp_id: a.wbpId, facility_id: a.facilityId, status: a.status ?? 'draft', form: JSON.stringify(a.form ?? {}), exchange_rate: 16_000,
      composites: '{}', asi_problems: '[]', placement: '["education"]', rule_class: 'rendah', rule_basis: 'assist',
      final_class: signed ? 'rendah' : null, signed_by: signed ? (a.signedBy ?? null) : null, signed_at: signed ? new Date() : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

const SCREENING_ANSWERS: Record<'low' | 'moderate' | 'high', Record<string, unknown>> = {
  // No substance ever used: every score 0.
  low: { q1: { amphetamines: false }, q8: 'never' },
  // Amphetamines weekly and nothing else: 4, the lowest moderate score.
  moderate: {
    q1: { amphetamines: true }, q2: { amphetamines: 'weekly' }, q3: { amphetamines: 'never' }, q4: { amphetamines: 'never' },
    q5: { amphetamines: 'never' }, q6: { amphetamines: 'never' }, q7: { amphetamines: 'never' }, q8: 'never',
  },
  // Amphetamines daily with every consequence: 39, the highest score.
  high: {
    q1: { amphetamines: true }, q2: { amphetamines: 'daily' }, q3: { amphetamines: 'daily' }, q4: { amphetamines: 'daily' },
    q5: { amphetamines: 'daily' }, q6: { amphetamines: 'past_3_months' }, q7: { amphetamines: 'past_3_months' }, q8: 'never',
  },
};

/** A WHO ASSIST screening with the given overall risk, its answers scored as the server scores them. */
export async function makeScreening(
  db: Db,
  s: { wbpId: string; facilityId: string; overall?: 'low' | 'moderate' | 'high'; screenedOn?: string; screenedBy?: string | null },
) {
  const overall = s.overall ?? 'high';
  const answers = SCREENING_ANSWERS[overall];
  const scored = scoreInstrument({ instrument: ASSIST_ID, version: ASSIST_VERSION, answers });
  if (!scored.ok) throw new Error(`makeScreening: invalid answers: ${JSON.stringify(scored.errors)}`);
  return db
    .insertInto('screenings')
    .values({
      wbp_id: s.wbpId, facility_id: s.facilityId, instrument: ASSIST_ID, instrument_version: ASSIST_VERSION,
      answers: JSON.stringify(answers), result: JSON.stringify(scored.result), overall_risk: overall,
      screened_on: s.screenedOn ?? '2026-11-02', screened_by: s.screenedBy ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A programme of the default catalogue (medical rehabilitation unless told), with its session types. */
export async function makeProgramme(db: Db, facilityId: string, kind: ProgrammeKind = 'medical') {
  const body = DEFAULT_PROGRAMMES.find((p) => p.kind === kind)!;
  const programme = await db
    .insertInto('programmes')
    .values({
      facility_id: facilityId, kind, name: `${body.name} ${suffix()}`, description: body.description, duration_weeks: body.durationWeeks,
      phases: JSON.stringify(body.phases), capacity: body.capacity,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await db
    .insertInto('programme_session_types')
    .values(body.sessionTypes.map((t, position) => ({
      programme_id: programme.id, position, code: t.code, name: t.name, mode: t.mode, per_week: t.perWeek, every_weeks: t.everyWeeks,
      duration_minutes: t.durationMinutes, min_group: t.minGroup, max_group: t.maxGroup,
    })))
    .execute();
  return programme;
}

/**
 * A person enrolled by a head-of-unit decision on a signed assessment. Active from `startDate`
 * (default 2026-09-01) unless another status is asked for; the programme is made when none is given.
 */
export async function makeEnrolment(
  db: Db,
  e: {
    wbpId: string; facilityId: string; decidedBy: string; programmeId?: string; kind?: ProgrammeKind;
    status?: 'active' | 'waitlisted'; startDate?: string;
  },
) {
  const programme = e.programmeId
    ? await db.selectFrom('programmes').selectAll().where('id', '=', e.programmeId).executeTakeFirstOrThrow()
    : await makeProgramme(db, e.facilityId, e.kind ?? 'social');
  const assessment = await makeAssessment(db, { wbpId: e.wbpId, facilityId: e.facilityId, status: 'signed', signedBy: e.decidedBy });
  const decision = await db
    .insertInto('placement_decisions')
    .values({
      wbp_id: e.wbpId, facility_id: e.facilityId, assessment_id: assessment.id, decree_number: `SK/${suffix()}`, decree_date: '2026-08-28',
      place: 'inside_unit', decided_by: e.decidedBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const status = e.status ?? 'active';
  const start = status === 'active' ? (e.startDate ?? '2026-09-01') : null;
  const enrolment = await db
    .insertInto('enrolments')
    .values({
      wbp_id: e.wbpId, programme_id: programme.id, decision_id: decision.id, status, start_date: start,
      expected_end_date: start ? programmeEnd(start, programme.duration_weeks) : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { enrolment, programme, assessment, decision };
}

/**
 * A person released on parole from `fromFacilityId` and referred for aftercare to `toOrganizationId`,
 * with the consent to share with it (in force unless `revoked`), in the referral status asked for.
 */
export async function makeAftercareReferral(
  db: Db,
  r: {
    fromFacilityId: string; toOrganizationId: string; by: string; status?: 'sent' | 'accepted' | 'declined' | 'closed'; releasedOn?: string | null;
    revoked?: boolean; consent?: boolean; fullName?: string;
  },
) {
  const releasedOn = r.releasedOn === undefined ? '2026-10-10' : r.releasedOn;
  const person = await makeWbp(db, { facility_id: r.fromFacilityId, released_on: releasedOn, ...(r.fullName ? { full_name: r.fullName } : {}) });
  const plan = await db.insertInto('release_plans').values({
    wbp_id: person.id, facility_id: r.fromFacilityId, kind: 'pb', decision_number: `PB/${suffix()}`, decision_date: '2026-10-01', expected_on: releasedOn ?? '2026-12-20',
    status: releasedOn ? 'released' : 'planned', released_on: releasedOn, created_by: r.by,
  }).returning('id').executeTakeFirstOrThrow();
  const consent = r.consent === false ? null : await db.insertInto('aftercare_consents').values({
    wbp_id: person.id, organization_id: r.toOrganizationId, given_on: '2026-10-01', method: 'signed_form', recorded_by: r.by,
    ...(r.revoked ? { revoked_on: '2026-10-05', revocation_reason: 'Dicabut', revoked_by: r.by } : {}),
  }).returning('id').executeTakeFirstOrThrow();
  const status = r.status ?? 'accepted';
  const referral = await db.insertInto('referrals').values({
    wbp_id: person.id, facility_id: r.fromFacilityId, kind: 'aftercare', to_organization_id: r.toOrganizationId, to_name: 'Bapas Uji',
    reason: 'Pembebasan bersyarat', care_plan: 'Wajib lapor bulanan', referred_on: '2026-10-08', release_plan_id: plan.id, release_kind: 'pb', status,
    follow_up_months: [1, 3, 6, 12], created_by: r.by,
    ...(status === 'sent' ? {} : { answered_at: new Date('2026-10-09T03:00:00Z'), answered_by: r.by }),
    ...(status === 'declined' ? { declined_reason: 'Di luar wilayah' } : {}),
    ...(status === 'closed' ? { outcome: 'stable' as const, closed_on: '2026-11-01', closed_by: r.by } : {}),
  }).returning('id').executeTakeFirstOrThrow();
  return { person, referralId: referral.id, consentId: consent?.id ?? null };
}
