import { type Insertable, sql } from 'kysely';
import { partnersInForceWith } from '../../db/agreements.ts';
import type { DbOrTrx } from '../../db/database.ts';
import { heldIn, nameOrNumberLike } from '../../db/people.ts';
import type { Database, StaffQualificationsTable } from '../../db/schema.ts';
import { type QualificationState, expiryWindow } from '../../../shared/domain/staff.ts';

/**
 * Active accounts of the unit's staff and of its partners' staff (server/db/agreements.ts: partners with
 * an agreement in force, as access has it); managers and admins are not in a unit.
 */
function staffQuery(db: DbOrTrx, unitId: string, today: string) {
  return db
    .selectFrom('users as u')
    .innerJoin('organizations as o', 'o.id', 'u.organization_id')
    .where('u.active', '=', true)
    .where('u.role', 'not in', ['national_admin', 'regional_manager'])
    .where((eb) => eb.or([eb('u.organization_id', '=', unitId), eb('u.organization_id', 'in', partnersInForceWith(db, unitId, today))]));
}

/** The qualification is in `state` on `today`: its expiry date lies in the state's window (shared/domain/staff.ts). */
function stateIs(state: QualificationState, today: string) {
  const w = expiryWindow(state, today);
  const dated = sql<boolean>`q.expires_on between ${w.from ?? '-infinity'}::date and ${w.until ?? 'infinity'}::date`;
  return w.undated ? sql<boolean>`(q.expires_on is null or ${dated})` : dated;
}

/** A qualification is current when no later one of the same kind was issued to the same person. */
const IS_CURRENT = sql<boolean>`not exists (
  select 1 from staff_qualifications later
  where later.user_id = q.user_id and later.kind = q.kind and (later.issued_on, later.created_at) > (q.issued_on, q.created_at))`;

export interface StaffFilter {
  q?: string | undefined;
  kind?: StaffQualificationsTable['kind'] | undefined;
  state?: QualificationState | undefined;
}

export async function listStaff(db: DbOrTrx, unitId: string, today: string, filter: StaffFilter, page: { limit: number; offset: number }) {
  let query = staffQuery(db, unitId, today);
  if (filter.q) {
    const text = filter.q.replace(/[\\%_]/g, (c) => `\\${c}`).toLowerCase();
    query = query.where(sql<boolean>`lower(u.full_name) like ${`%${text}%`}`);
  }
  if (filter.kind !== undefined || filter.state !== undefined) {
    const { kind, state } = filter;
    query = query.where((eb) => eb.exists(
      eb.selectFrom('staff_qualifications as q')
        .select('q.id')
        .whereRef('q.user_id', '=', 'u.id')
        .where(IS_CURRENT)
        .$if(kind !== undefined, (qb) => qb.where('q.kind', '=', kind as StaffQualificationsTable['kind']))
        .$if(state !== undefined, (qb) => qb.where(stateIs(state as QualificationState, today))),
    ));
  }
  const [{ total }, rows] = await Promise.all([
    query.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
    query
      .select(['u.id', 'u.full_name', 'u.role', 'u.organization_id', 'o.name as organization_name'])
      .orderBy(sql`u.organization_id = ${unitId}`, 'desc')
      .orderBy('u.full_name')
      .orderBy('u.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
  ]);
  return { total: Number(total), rows };
}

/** One account of the unit's directory, or undefined. */
export async function findStaff(db: DbOrTrx, unitId: string, userId: string, today: string) {
  return staffQuery(db, unitId, today).select(['u.id', 'u.full_name']).where('u.id', '=', userId).executeTakeFirst();
}

/** Those of these accounts that are in the unit's directory. */
export async function staffAmong(db: DbOrTrx, unitId: string, userIds: readonly string[], today: string) {
  if (userIds.length === 0) return [];
  return staffQuery(db, unitId, today).select(['u.id', 'u.full_name', 'u.organization_id']).where('u.id', 'in', [...userIds]).execute();
}

/** Every qualification of these accounts, the current one of each kind marked, newest first. */
export async function qualificationsOf(db: DbOrTrx, userIds: readonly string[]) {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('staff_qualifications as q')
    .select(['q.id', 'q.user_id', 'q.kind', 'q.number', 'q.issued_on', 'q.expires_on', 'q.issuer', IS_CURRENT.as('current')])
    .where('q.user_id', 'in', [...userIds])
    .orderBy('q.kind')
    .orderBy('q.issued_on', 'desc')
    .execute();
}

export async function insertQualification(db: DbOrTrx, q: Insertable<StaffQualificationsTable>) {
  return db.insertInto('staff_qualifications').values(q).returning('id').executeTakeFirstOrThrow();
}

// --- Trainings ---------------------------------------------------------------------------------------

export async function organizationsNamed(db: DbOrTrx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('organizations').select(['id', 'name']).where('id', 'in', [...ids]).execute();
}

export async function insertTraining(db: DbOrTrx, t: Insertable<Database['trainings']>) {
  return (await db.insertInto('trainings').values(t).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertParticipants(db: DbOrTrx, rows: Insertable<Database['training_participants']>[]) {
  if (rows.length > 0) await db.insertInto('training_participants').values(rows).execute();
}

const COUNTS = [
  sql<number>`(select count(*)::int from training_participants tp where tp.training_id = t.id)`.as('participants'),
  sql<number>`(select count(*)::int from training_participants tp where tp.training_id = t.id and tp.result = 'completed')`.as('completed'),
  sql<number>`t.hours::float8`.as('hours'),
] as const;

export async function listTrainings(db: DbOrTrx, unitId: string, filter: { kind?: Database['trainings']['kind'] | undefined; q?: string | undefined },
  page: { limit: number; offset: number }) {
  let query = db.selectFrom('trainings as t').leftJoin('organizations as org', 'org.id', 't.organizer_id').where('t.facility_id', '=', unitId);
  if (filter.kind) query = query.where('t.kind', '=', filter.kind);
  if (filter.q) {
    const text = filter.q.replace(/[\\%_]/g, (c) => `\\${c}`).toLowerCase();
    query = query.where(sql<boolean>`lower(t.title) like ${`%${text}%`}`);
  }
  const [{ total }, rows] = await Promise.all([
    query.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
    query
      .select(['t.id', 't.title', 't.kind', 't.starts_on', 't.ends_on', 't.place', sql<string | null>`coalesce(org.name, t.organizer_name)`.as('organizer_name'), ...COUNTS])
      .orderBy('t.starts_on', 'desc')
      .orderBy('t.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
  ]);
  return { total: Number(total), rows };
}

export async function findTraining(db: DbOrTrx, id: string, facilityIds: readonly string[]) {
  if (facilityIds.length === 0) return undefined;
  return db
    .selectFrom('trainings as t')
    .innerJoin('organizations as unit', 'unit.id', 't.facility_id')
    .leftJoin('organizations as org', 'org.id', 't.organizer_id')
    .innerJoin('users as by', 'by.id', 't.created_by')
    .select([
      't.id', 't.facility_id', 'unit.name as facility_name', 't.title', 't.kind', 't.starts_on', 't.ends_on', 't.place', 't.note', 't.organizer_id',
      sql<string | null>`coalesce(org.name, t.organizer_name)`.as('organizer_name'), 'by.full_name as created_by_name', ...COUNTS,
    ])
    .where('t.id', '=', id)
    .where('t.facility_id', 'in', [...facilityIds])
    .executeTakeFirst();
}

export async function participantsOf(db: DbOrTrx, trainingId: string) {
  return db
    .selectFrom('training_participants as tp')
    .leftJoin('organizations as org', 'org.id', 'tp.organization_id')
    .leftJoin('wbp', 'wbp.id', 'tp.wbp_id')
    .select([
      'tp.id', 'tp.user_id', 'tp.wbp_id', 'wbp.sdp_number', 'tp.name', 'tp.position', 'org.name as organization_name', 'tp.result', 'tp.certificate_number',
      sql<number>`tp.hours_attended::float8`.as('hours_attended'),
    ])
    .where('tp.training_id', '=', trainingId)
    .orderBy('tp.name')
    .orderBy('tp.id')
    .execute();
}

/** Those of these people held in the unit now (not released), with their names. */
export async function peopleHeldIn(db: DbOrTrx, unitId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return heldIn(db, [unitId]).select(['wbp.id', 'wbp.full_name']).where('wbp.id', 'in', [...ids]).execute();
}

// --- Peer counsellors ----------------------------------------------------------------------------------

/** A participation of this person in a peer-counsellor training of the unit. */
export async function peerParticipation(db: DbOrTrx, participantId: string, wbpId: string, unitId: string) {
  return db
    .selectFrom('training_participants as tp')
    .innerJoin('trainings as t', 't.id', 'tp.training_id')
    .select(['tp.id', 'tp.result'])
    .where('tp.id', '=', participantId)
    .where('tp.wbp_id', '=', wbpId)
    .where('t.facility_id', '=', unitId)
    .where('t.kind', '=', 'peer_counsellor')
    .executeTakeFirst();
}

/** Participants of the unit's peer-counsellor trainings still held there, newest training first. */
export async function peerCandidates(db: DbOrTrx, unitId: string) {
  return db
    .selectFrom('training_participants as tp')
    .innerJoin('trainings as t', 't.id', 'tp.training_id')
    .innerJoin('wbp', 'wbp.id', 'tp.wbp_id')
    .select(['tp.id', 'tp.wbp_id', 'wbp.full_name', 'wbp.sdp_number', 't.title', 't.ends_on', 'tp.result'])
    .where('t.facility_id', '=', unitId)
    .where('t.kind', '=', 'peer_counsellor')
    .where('wbp.facility_id', '=', unitId)
    .where('wbp.released_on', 'is', null)
    .where((eb) => eb.or([eb('tp.result', 'is', null), eb('tp.result', '=', 'completed')]))
    .orderBy('t.ends_on', 'desc')
    .orderBy('wbp.full_name')
    .limit(200)
    .execute();
}

export async function programmesOfUnit(db: DbOrTrx, unitId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('programmes').select(['id', 'name']).where('facility_id', '=', unitId).where('id', 'in', [...ids]).execute();
}

export async function activePeerCounsellor(db: DbOrTrx, wbpId: string, unitId: string) {
  return db.selectFrom('peer_counsellors').select('id').where('wbp_id', '=', wbpId).where('facility_id', '=', unitId).where('ended_on', 'is', null).executeTakeFirst();
}

export async function insertPeerCounsellor(db: DbOrTrx, row: Insertable<Database['peer_counsellors']>, groups: Omit<Insertable<Database['peer_counsellor_groups']>, 'peer_counsellor_id'>[]) {
  const { id } = await db.insertInto('peer_counsellors').values(row).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('peer_counsellor_groups').values(groups.map((g) => ({ ...g, peer_counsellor_id: id }))).execute();
  return id;
}

function peerCounsellors(db: DbOrTrx) {
  return db
    .selectFrom('peer_counsellors as pc')
    .innerJoin('wbp', 'wbp.id', 'pc.wbp_id')
    .leftJoin('training_participants as tp', 'tp.id', 'pc.training_participant_id')
    .leftJoin('trainings as t', 't.id', 'tp.training_id');
}

const PEER_COLUMNS = [
  'pc.id', 'pc.wbp_id', 'pc.facility_id', 'wbp.full_name', 'wbp.sdp_number', 'tp.result', 't.id as training_id', 't.title as training_title',
  'pc.started_on', 'pc.ended_on', 'pc.end_reason', 'pc.end_note',
] as const;

export async function listPeerCounsellors(db: DbOrTrx, unitId: string, filter: { status: 'active' | 'ended' | 'all'; q?: string | undefined },
  page: { limit: number; offset: number }) {
  let query = peerCounsellors(db).where('pc.facility_id', '=', unitId);
  if (filter.status === 'active') query = query.where('pc.ended_on', 'is', null);
  if (filter.status === 'ended') query = query.where('pc.ended_on', 'is not', null);
  if (filter.q) query = query.where(nameOrNumberLike(filter.q));
  const [{ total }, rows] = await Promise.all([
    query.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
    query.select(PEER_COLUMNS).orderBy(sql`pc.ended_on is null`, 'desc').orderBy('wbp.full_name').orderBy('pc.id').limit(page.limit).offset(page.offset).execute(),
  ]);
  return { total: Number(total), rows };
}

export async function findPeerCounsellor(db: DbOrTrx, id: string, facilityIds: readonly string[]) {
  if (facilityIds.length === 0) return undefined;
  return peerCounsellors(db).select(PEER_COLUMNS).where('pc.id', '=', id).where('pc.facility_id', 'in', [...facilityIds]).executeTakeFirst();
}

export async function groupsOf(db: DbOrTrx, counsellorIds: readonly string[]) {
  if (counsellorIds.length === 0) return [];
  return db
    .selectFrom('peer_counsellor_groups as g')
    .leftJoin('programmes as p', 'p.id', 'g.programme_id')
    .select(['g.peer_counsellor_id', 'g.programme_id', 'p.name as programme_name', 'g.group_label', 'g.description'])
    .where('g.peer_counsellor_id', 'in', [...counsellorIds])
    .orderBy('p.name')
    .orderBy('g.group_label')
    .execute();
}

export async function endPeerCounsellor(db: DbOrTrx, id: string, end: { endedOn: string; reason: NonNullable<Database['peer_counsellors']['end_reason']>; note: string | null; by: string }) {
  const row = await db
    .updateTable('peer_counsellors')
    .set({ ended_on: end.endedOn, end_reason: end.reason, end_note: end.note, ended_by: end.by })
    .where('id', '=', id)
    .where('ended_on', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}
