import type {
  EndPeerCounsellorRequest, PeerCandidate, PeerCounsellorRecord, PeerCounsellorRequest, StaffMember, StaffQualification, StaffQualificationRequest,
  StaffQuery, TrainingItem, TrainingRecord, TrainingRequest,
} from '../../../shared/contracts/staff.ts';
import { jakartaDate } from '../../../shared/domain/dates.ts';
import {
  defaultIssuer, peerTrainingStatus, qualificationProblems, qualificationState, trainingProblems,
} from '../../../shared/domain/staff.ts';
import type { Db, DbOrTrx } from '../../db/database.ts';
import { type Actor, type RequestOrigin, requireFacility } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { AppError, type FieldProblem, notFound, validation } from '../../platform/errors.ts';
import * as repo from './staff.repository.ts';

type QualificationRow = Awaited<ReturnType<typeof repo.qualificationsOf>>[number];
type TrainingRow = Awaited<ReturnType<typeof repo.listTrainings>>['rows'][number];
type PeerRow = NonNullable<Awaited<ReturnType<typeof repo.findPeerCounsellor>>>;
type GroupRow = Awaited<ReturnType<typeof repo.groupsOf>>[number];

const pageOf = (page: number, pageSize: number) => ({ limit: pageSize, offset: (page - 1) * pageSize });

function qualification(q: QualificationRow, today: string): StaffQualification {
  return {
    id: q.id, kind: q.kind, number: q.number, issuedOn: q.issued_on, expiresOn: q.expires_on, issuer: q.issuer,
    state: qualificationState(q.expires_on, today), current: q.current,
  };
}

function trainingItem(t: TrainingRow): TrainingItem {
  return {
    id: t.id, title: t.title, kind: t.kind, startsOn: t.starts_on, endsOn: t.ends_on, hours: t.hours, organizerName: t.organizer_name, place: t.place,
    participants: t.participants, completed: t.completed,
  };
}

function peerRecord(p: PeerRow, groups: readonly GroupRow[]): PeerCounsellorRecord {
  return {
    id: p.id, wbpId: p.wbp_id, fullName: p.full_name, sdpNumber: p.sdp_number, trainingStatus: peerTrainingStatus(p.result), trainingId: p.training_id,
    trainingTitle: p.training_title, startedOn: p.started_on, endedOn: p.ended_on, endReason: p.end_reason, endNote: p.end_note,
    groups: groups.filter((g) => g.peer_counsellor_id === p.id).map((g) => ({
      programmeId: g.programme_id, programmeName: g.programme_name, groupLabel: g.group_label, description: g.description,
    })),
  };
}

/** The unit's staff directory and qualifications, its trainings and its peer counsellors. */
export function createStaffService(deps: { db: Db; now: () => Date }) {
  const { db, now } = deps;
  const today = () => jakartaDate(now());

  /** Participants checked against stored records; problems are named by field. */
  async function participantRows(trx: DbOrTrx, unitId: string, input: TrainingRequest, problems: FieldProblem[]) {
    const day = today();
    const userIds = input.participants.flatMap((p) => (p.userId ? [p.userId] : []));
    const wbpIds = input.participants.flatMap((p) => (p.wbpId ? [p.wbpId] : []));
    const orgIds = [...new Set([...input.participants.flatMap((p) => (p.organizationId ? [p.organizationId] : [])), ...(input.organizerId ? [input.organizerId] : [])])];
    const [staff, people, orgs] = await Promise.all([
      repo.staffAmong(trx, unitId, userIds, day),
      repo.peopleHeldIn(trx, unitId, wbpIds),
      repo.organizationsNamed(trx, orgIds),
    ]);
    const staffById = new Map(staff.map((s) => [s.id, s]));
    const orgIdsKnown = new Set(orgs.map((o) => o.id));
    const names = new Map(people.map((p) => [p.id, p.full_name]));

    if (input.organizerId && !orgIdsKnown.has(input.organizerId)) problems.push({ field: 'organizerId', message: 'validation.training.unknownOrganization' });
    return input.participants.map((p, i) => {
      const at = `participants.${i}`;
      let name = p.name;
      let organizationId = p.organizationId;
      if (p.userId) {
        const member = staffById.get(p.userId);
        if (!member) problems.push({ field: `${at}.userId`, message: 'validation.training.notUnitStaff' });
        name = member?.full_name ?? name;
        organizationId = member?.organization_id ?? organizationId;
      } else if (p.wbpId) {
        if (!names.has(p.wbpId)) problems.push({ field: `${at}.wbpId`, message: 'validation.training.personNotInUnit' });
        name = names.get(p.wbpId) ?? name;
        organizationId = null;
      } else if (name === null) {
        problems.push({ field: `${at}.name`, message: 'validation.training.nameRequired' });
      }
      if (p.organizationId && !orgIdsKnown.has(p.organizationId)) problems.push({ field: `${at}.organizationId`, message: 'validation.training.unknownOrganization' });
      return {
        user_id: p.userId, wbp_id: p.wbpId, name: name ?? '', position: p.position, organization_id: organizationId, hours_attended: p.hoursAttended,
        result: p.result, certificate_number: p.certificateNumber,
      };
    });
  }

  async function trainingRecord(handle: DbOrTrx, actor: Actor, id: string): Promise<TrainingRecord> {
    const t = await repo.findTraining(handle, id, actor.facilityIds);
    if (!t) throw notFound('training');
    const participants = await repo.participantsOf(handle, id);
    return {
      ...trainingItem(t), facilityId: t.facility_id, facilityName: t.facility_name, organizerId: t.organizer_id, note: t.note, createdBy: t.created_by_name,
      participantList: participants.map((p) => ({
        id: p.id, userId: p.user_id, wbpId: p.wbp_id, sdpNumber: p.sdp_number, name: p.name, position: p.position, organizationName: p.organization_name,
        hoursAttended: p.hours_attended, result: p.result, certificateNumber: p.certificate_number,
      })),
    };
  }

  async function peerCounsellor(handle: DbOrTrx, actor: Actor, id: string): Promise<PeerCounsellorRecord> {
    const row = await repo.findPeerCounsellor(handle, id, actor.facilityIds);
    if (!row) throw notFound('peerCounsellor');
    return peerRecord(row, await repo.groupsOf(handle, [id]));
  }

  return {
    /** The unit's staff and its partners' staff, each with every qualification and its state today. */
    async staff(actor: Actor, unitId: string, query: StaffQuery) {
      requireFacility(actor, unitId);
      const day = today();
      const { total, rows } = await repo.listStaff(db, unitId, day, query, pageOf(query.page, query.pageSize));
      const qualifications = await repo.qualificationsOf(db, rows.map((r) => r.id));
      const items: StaffMember[] = rows.map((r) => ({
        userId: r.id, fullName: r.full_name, role: r.role, organizationId: r.organization_id, organizationName: r.organization_name,
        ownStaff: r.organization_id === unitId,
        qualifications: qualifications.filter((q) => q.user_id === r.id).map((q) => qualification(q, day)),
      }));
      return { items, page: query.page, pageSize: query.pageSize, total };
    },

    /** A new or renewed qualification of a member of the unit's directory; earlier ones stay on record. */
    async addQualification(actor: Actor, unitId: string, userId: string, input: StaffQualificationRequest, origin: RequestOrigin) {
      requireFacility(actor, unitId);
      const day = today();
      const problems = qualificationProblems(input, day);
      if (problems.length > 0) throw validation(problems);
      return db.transaction().execute(async (trx) => {
        const member = await repo.findStaff(trx, unitId, userId, day);
        if (!member) throw notFound('staff');
        const { id } = await repo.insertQualification(trx, {
          user_id: userId, kind: input.kind, number: input.certificateNumber, issued_on: input.issuedOn, expires_on: input.expiresOn,
          issuer: defaultIssuer(input.kind, input.issuer), recorded_by: actor.userId, created_at: now(),
        });
        await writeAudit(trx, { actor, origin }, { action: 'create', entityType: 'qualification', entityId: id, facilityId: unitId, details: { userId, kind: input.kind } });
        const stored = (await repo.qualificationsOf(trx, [userId])).find((q) => q.id === id);
        if (!stored) throw new AppError('INTERNAL', 'error.internal');
        return qualification(stored, day);
      });
    },

    async trainings(actor: Actor, unitId: string, query: { page: number; pageSize: number; kind?: TrainingItem['kind'] | undefined; q?: string | undefined }) {
      requireFacility(actor, unitId);
      const { total, rows } = await repo.listTrainings(db, unitId, query, pageOf(query.page, query.pageSize));
      return { items: rows.map(trainingItem), page: query.page, pageSize: query.pageSize, total };
    },

    async createTraining(actor: Actor, unitId: string, input: TrainingRequest, origin: RequestOrigin): Promise<TrainingRecord> {
      requireFacility(actor, unitId);
      const problems: FieldProblem[] = trainingProblems(input);
      return db.transaction().execute(async (trx) => {
        const participants = await participantRows(trx, unitId, input, problems);
        if (problems.length > 0) throw validation(problems);
        const id = await repo.insertTraining(trx, {
          facility_id: unitId, title: input.title, kind: input.kind, starts_on: input.startsOn, ends_on: input.endsOn, hours: input.hours,
          organizer_id: input.organizerId, organizer_name: input.organizerId ? null : input.organizerName, place: input.place, note: input.note,
          created_by: actor.userId, created_at: now(),
        });
        await repo.insertParticipants(trx, participants.map((p) => ({ ...p, training_id: id })));
        await writeAudit(trx, { actor, origin }, {
          action: 'create', entityType: 'training', entityId: id, facilityId: unitId, details: { kind: input.kind, participants: participants.length },
        });
        return trainingRecord(trx, actor, id);
      });
    },

    /** A training with its participants; people held may be among them, so the read is audited. */
    async training(actor: Actor, id: string, origin: RequestOrigin): Promise<TrainingRecord> {
      return db.transaction().execute(async (trx) => {
        const record = await trainingRecord(trx, actor, id);
        await writeAudit(trx, { actor, origin }, { action: 'read', entityType: 'training', entityId: id, facilityId: record.facilityId });
        return record;
      });
    },

    async peerCounsellors(actor: Actor, unitId: string, query: { page: number; pageSize: number; status: 'active' | 'ended' | 'all'; q?: string | undefined },
      origin: RequestOrigin) {
      requireFacility(actor, unitId);
      return db.transaction().execute(async (trx) => {
        const { total, rows } = await repo.listPeerCounsellors(trx, unitId, query, pageOf(query.page, query.pageSize));
        const groups = await repo.groupsOf(trx, rows.map((r) => r.id));
        await writeAudit(trx, { actor, origin }, { action: 'read', entityType: 'peer_counsellors', facilityId: unitId, details: { status: query.status, q: query.q ?? null } });
        return { items: rows.map((r) => peerRecord(r, groups)), page: query.page, pageSize: query.pageSize, total };
      });
    },

    async peerCandidates(actor: Actor, unitId: string): Promise<PeerCandidate[]> {
      requireFacility(actor, unitId);
      return (await repo.peerCandidates(db, unitId)).map((c) => ({
        trainingParticipantId: c.id, wbpId: c.wbp_id ?? '', fullName: c.full_name, sdpNumber: c.sdp_number, trainingTitle: c.title, endsOn: c.ends_on, result: c.result,
      }));
    },

    async appointPeerCounsellor(actor: Actor, unitId: string, input: PeerCounsellorRequest, origin: RequestOrigin): Promise<PeerCounsellorRecord> {
      requireFacility(actor, unitId);
      const day = today();
      return db.transaction().execute(async (trx) => {
        const problems: FieldProblem[] = [];
        if (input.startedOn > day) problems.push({ field: 'startedOn', message: 'validation.peer.startInFuture' });
        const [person] = await repo.peopleHeldIn(trx, unitId, [input.wbpId]);
        if (!person) problems.push({ field: 'wbpId', message: 'validation.training.personNotInUnit' });
        else if (await repo.activePeerCounsellor(trx, input.wbpId, unitId)) problems.push({ field: 'wbpId', message: 'validation.peer.alreadyActive' });
        if (input.trainingParticipantId && !(await repo.peerParticipation(trx, input.trainingParticipantId, input.wbpId, unitId))) {
          problems.push({ field: 'trainingParticipantId', message: 'validation.peer.notAParticipant' });
        }
        const programmeIds = [...new Set(input.groups.flatMap((g) => (g.programmeId ? [g.programmeId] : [])))];
        const known = new Set((await repo.programmesOfUnit(trx, unitId, programmeIds)).map((p) => p.id));
        input.groups.forEach((g, i) => {
          if (g.programmeId && !known.has(g.programmeId)) problems.push({ field: `groups.${i}.programmeId`, message: 'validation.peer.unknownProgramme' });
          if (!g.programmeId && g.description === null) problems.push({ field: `groups.${i}.description`, message: 'validation.peer.groupRequired' });
          if (!g.programmeId && g.groupLabel !== null) problems.push({ field: `groups.${i}.groupLabel`, message: 'validation.peer.labelWithoutProgramme' });
        });
        if (problems.length > 0) throw validation(problems);
        const id = await repo.insertPeerCounsellor(trx, {
          wbp_id: input.wbpId, facility_id: unitId, training_participant_id: input.trainingParticipantId, started_on: input.startedOn,
          created_by: actor.userId, created_at: now(),
        }, input.groups.map((g) => ({ programme_id: g.programmeId, group_label: g.groupLabel, description: g.description })));
        await writeAudit(trx, { actor, origin }, { action: 'create', entityType: 'peer_counsellor', entityId: id, facilityId: unitId, details: { wbpId: input.wbpId } });
        return peerCounsellor(trx, actor, id);
      });
    },

    async endPeerCounsellor(actor: Actor, id: string, input: EndPeerCounsellorRequest, origin: RequestOrigin): Promise<PeerCounsellorRecord> {
      return db.transaction().execute(async (trx) => {
        const current = await repo.findPeerCounsellor(trx, id, actor.facilityIds);
        if (!current) throw notFound('peerCounsellor');
        if (current.ended_on !== null) throw new AppError('CONFLICT', 'error.peer.ended');
        const problems: FieldProblem[] = [];
        if (input.endedOn < current.started_on) problems.push({ field: 'endedOn', message: 'validation.peer.endBeforeStart', params: { date: current.started_on } });
        if (input.endedOn > today()) problems.push({ field: 'endedOn', message: 'validation.peer.endInFuture' });
        if (problems.length > 0) throw validation(problems);
        if (!(await repo.endPeerCounsellor(trx, id, { endedOn: input.endedOn, reason: input.reason, note: input.note, by: actor.userId }))) {
          throw new AppError('CONFLICT', 'error.peer.ended');
        }
        await writeAudit(trx, { actor, origin }, { action: 'update', entityType: 'peer_counsellor', entityId: id, facilityId: current.facility_id, details: { ended: input.reason } });
        return peerCounsellor(trx, actor, id);
      });
    },
  };
}

export type StaffService = ReturnType<typeof createStaffService>;
