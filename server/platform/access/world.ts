import type { InjectOptions } from 'fastify';
import { ROLES, type Role } from '../../../shared/contracts/common.ts';
import { BAPAS_UNIT_PERMISSIONS } from '../../../shared/domain/postRehab.ts';
import type { Db } from '../../db/database.ts';
import {
  grantAccess, makeAssessment, makeEnrolment, makeOrganization, makeProgramme, makeQualification, makeUser, makeWbp,
} from '../../testing/factories.ts';

/**
 * The world the access walk runs in, and the builders its requests share. Each area of the API
 * lists its own requests beside this file; the walk (access.db.test.ts) joins them.
 */

export interface World {
  db: Db;
  kanwil: { id: string };
  unitA: { id: string; code: string };
  unitB: { id: string; code: string };
  partner: { id: string };
  /** The Bapas of unit A's area, where the probation officer works. */
  bapas: { id: string; code: string };
  /** A marker that appears only in unit B's records: no response to A's staff may contain it. */
  secret: string;
  otherPersonId: string;
  users: Record<Role, { id: string; username: string }>;
  orgOf: Record<Role, string>;
}

export type Side = 'own' | 'other';
/** `role` is the role under test, for requests whose data belongs to the asker's own organisation (aftercare referrals addressed to it). */
export type Builder = (w: World, side: Side, role?: Role) => Promise<InjectOptions>;

export async function buildWorld(db: Db): Promise<World> {
  const ditjenpas = await makeOrganization(db, { kind: 'ditjenpas' });
  const kanwil = await makeOrganization(db, { kind: 'kanwil', parent_id: ditjenpas.id });
  const unitA = await makeOrganization(db, { kind: 'rutan', parent_id: kanwil.id });
  const unitB = await makeOrganization(db, { kind: 'rutan', parent_id: kanwil.id });
  const partner = await makeOrganization(db, { kind: 'bnnk', can_assess: true });
  const bapas = await makeOrganization(db, { kind: 'bapas', parent_id: kanwil.id });
  await grantAccess(db, partner.id, unitA.id);
  await grantAccess(db, bapas.id, unitA.id);
  const secret = 'RAHASIA-UNIT-B';
  const other = await makeWbp(db, { facility_id: unitB.id, full_name: `Orang ${secret}`, sdp_number: 'ZZ.2026.99999' });
  await makeWbp(db, { facility_id: unitA.id, full_name: 'Orang Unit A' });
  const orgFor: Record<Role, string> = {
    national_admin: ditjenpas.id,
    regional_manager: kanwil.id,
    head_of_unit: unitA.id,
    clinic_staff: unitA.id,
    assessor: partner.id,
    counsellor: partner.id,
    custody_officer: unitA.id,
    probation_officer: bapas.id,
  };
  const users = {} as Record<Role, { id: string; username: string }>;
  for (const role of ROLES) {
    const u = await makeUser(db, { role, organizationId: orgFor[role] });
    await makeQualification(db, u.id);
    users[role] = { id: u.id, username: u.username };
  }
  // The unit's clinic staff member runs sessions on Mondays, so a session can be moved to one.
  await db.insertInto('staff_availability').values({ user_id: users.clinic_staff.id, day_of_week: 1, start_time: '07:00', end_time: '17:00' }).execute();
  // The probation officer runs the Bapas's post-rehabilitation sessions on Mondays too.
  await db.insertInto('staff_availability').values({ user_id: users.probation_officer.id, day_of_week: 1, start_time: '07:00', end_time: '17:00' }).execute();
  return { db, kanwil, unitA, unitB, partner, bapas, secret, otherPersonId: other.id, users, orgOf: orgFor };
}

/**
 * The world as a role sees its own side under a route's permission: Bapas staff run programmes,
 * rooms, staff hours, the timetable and attendance in the Bapas itself (shared/domain/postRehab.ts),
 * so there their own unit is the Bapas, and they are the staff member who runs the sessions.
 */
export function worldFor(w: World, role: Role, policy: string): World {
  if (w.orgOf[role] !== w.bapas.id || !(BAPAS_UNIT_PERMISSIONS as readonly string[]).includes(policy)) return w;
  return { ...w, unitA: w.bapas, users: { ...w.users, clinic_staff: w.users[role] } };
}

export const assessment = async (w: World, side: Side, status: 'draft' | 'signed') => {
  const wbpId = await person(w, side);
  return (await makeAssessment(w.db, { wbpId, facilityId: facility(w, side).id, status, signedBy: w.users.clinic_staff.id })).id;
};
/** A person of the side with a signed assessment, and a programme of that side's unit. */
export const decidable = async (w: World, side: Side) => {
  const wbpId = await personOf(w, side);
  const signed = await makeAssessment(w.db, { wbpId, facilityId: facility(w, side).id, status: 'signed', signedBy: w.users.clinic_staff.id });
  return { wbpId, assessmentId: signed.id, programmeId: (await makeProgramme(w.db, facility(w, side).id)).id };
};
export const block = async (w: World, side: Side) =>
  (await w.db.insertInto('routine_blocks').values({ facility_id: facility(w, side).id, kind: 'meal', label: 'Makan siang', day_of_week: 1, start_time: '12:00', end_time: '13:00' }).returning('id').executeTakeFirstOrThrow()).id;
export const exceptionRow = async (w: World, side: Side) =>
  (await w.db.insertInto('routine_exceptions').values({ facility_id: facility(w, side).id, kind: 'holiday', label: 'Natal', date: '2026-12-25' }).returning('id').executeTakeFirstOrThrow()).id;
export const roomRow = async (w: World, side: Side) =>
  (await w.db.insertInto('rooms').values({ facility_id: facility(w, side).id, name: `Aula ${Date.now() % 1_000_000}${side}`, capacity: 30 }).returning('id').executeTakeFirstOrThrow()).id;
export const courtRow = async (w: World, side: Side) =>
  (await w.db.insertInto('court_dates').values({ wbp_id: await personOf(w, side), date: '2026-11-25' }).returning('id').executeTakeFirstOrThrow()).id;
export const pairRow = async (w: World, side: Side) => {
  const a = await personOf(w, side);
  const b = await person(w, side);
  const [x, y] = a < b ? [a, b] : [b, a];
  return (await w.db.insertInto('non_associations').values({ wbp_a: x, wbp_b: y, reason: 'Perkelahian di blok' }).returning('id').executeTakeFirstOrThrow()).id;
};
let weeks = 0;
/** A held session (in a past week) of the side's unit, with one person of that unit in it. */
export const sessionRow = async (w: World, side: Side) => {
  const facilityId = facility(w, side).id;
  const monday = new Date(Date.UTC(2025, 0, 6 + 7 * (weeks += 1))).toISOString().slice(0, 10);
  const week = await w.db.insertInto('timetable_weeks').values({ facility_id: facilityId, week_start: monday, week_index: 0, required: 1, placed: 1, groups: '[]', unplaced: '[]' })
    .returning('id').executeTakeFirstOrThrow();
  const programmeId = await programme(w, side);
  const roomId = await roomRow(w, side);
  const session = await w.db.insertInto('timetable_sessions').values({
    week_id: week.id, facility_id: facilityId, programme_id: programmeId, session_code: 'individual_counselling', session_name: 'Konseling individu',
    mode: 'individual', occurrence: 1, date: monday, start_time: '13:00', end_time: '14:00', room_id: roomId, staff_id: w.users.clinic_staff.id,
  }).returning('id').executeTakeFirstOrThrow();
  const wbpId = await personOf(w, side);
  await w.db.insertInto('timetable_session_members').values({ session_id: session.id, wbp_id: wbpId }).execute();
  return { id: session.id, monday, roomId, wbpId };
};
export const programme = async (w: World, side: Side) => (await makeProgramme(w.db, facility(w, side).id)).id;
export const facility = (w: World, side: Side) => (side === 'own' ? w.unitA : w.unitB);
/** A new person held in the side's unit. */
export const person = async (w: World, side: Side) => (await makeWbp(w.db, { facility_id: facility(w, side).id })).id;
/** The side's person: a new one in unit A for 'own', unit B's marked person for 'other'. */
export const personOf = async (w: World, side: Side) => (side === 'own' ? person(w, 'own') : w.otherPersonId);

export function roster(code: string): string {
  return [
    'no_registrasi,nama,jenis_kelamin,status_hukum,kode_upt,tanggal_masuk',
    `AII.2026.${code.slice(-6)}1,Andi Saputra,L,tahanan,${code},2026-10-01`,
  ].join('\n');
}

/** An active Therapeutic Community enrolment of the side's person (see personOf). */
export const enrolledOf = async (w: World, side: Side) => {
  const wbpId = await personOf(w, side);
  const made = await makeEnrolment(w.db, { wbpId, facilityId: facility(w, side).id, decidedBy: w.users.head_of_unit.id, kind: 'social' });
  return { wbpId, enrolmentId: made.enrolment.id, programmeId: made.programme.id, assessmentId: made.assessment.id };
};
