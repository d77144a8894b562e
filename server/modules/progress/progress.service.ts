import type {
  AssessmentComparison, CareTaskItem, CareTasksQuery, CloseCareTaskRequest, CommunityRoleRecord, CommunityRoleRequest, EnrolmentProgress,
  PhaseChangeRecord, PhaseChangeRequest, ProgressRecord,
} from '../../../shared/contracts/progress.ts';
import { jakartaDate } from '../../../shared/domain/dates.ts';
import {
  careTaskLink, compareScores, currentPhase, dateProblems, expectedPhase, followUpOfPoint, isReassessmentTask, phaseCalendar, phaseChangeProblems,
  phaseSchedule, phasesOf, reassessmentDue, reassessmentStatus, scoresOf, taskOverdue,
} from '../../../shared/domain/progress.ts';
import type { Db, DbOrTrx } from '../../db/database.ts';
import { type Actor, type RequestOrigin, requireFacility } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { AppError, conflict, notFound, validation } from '../../platform/errors.ts';
import * as repo from './progress.repository.ts';

type RoleRow = Awaited<ReturnType<typeof repo.rolesOf>>[number];

const roleRecord = (r: RoleRow): CommunityRoleRecord => ({
  id: r.id, enrolmentId: r.enrolment_id, role: r.role, startedOn: r.started_on, endedOn: r.ended_on, assignedBy: r.assigned_by_name,
});

const phaseChangeRecord = (c: repo.PhaseChangeRow): PhaseChangeRecord => ({
  id: c.id, fromPhase: c.from_phase, toPhase: c.to_phase, direction: c.direction, reason: c.reason, changedOn: c.changed_on,
  changedBy: c.changed_by_name, createdAt: c.created_at.toISOString(),
});

export function createProgressService(deps: { db: Db; now: () => Date }) {
  const { db, now } = deps;
  const today = () => jakartaDate(now());

  /** Every enrolment of a person with its phases, roles, re-assessment points and comparisons. */
  async function progressOf(handle: DbOrTrx, wbpId: string): Promise<EnrolmentProgress[]> {
    const day = today();
    const enrolments = await repo.enrolmentsOf(handle, wbpId);
    const ids = enrolments.map((e) => e.id);
    const [changes, roles, followUps, baselines, points] = await Promise.all([
      repo.phaseChangesOf(handle, ids),
      repo.rolesOf(handle, ids),
      repo.followUpsOf(handle, ids),
      repo.assessmentsByIds(handle, [...new Set(enrolments.map((e) => e.baseline_id))]),
      repo.reassessmentPoints(handle),
    ]);
    const baselineById = new Map(baselines.map((b) => [b.id, b]));

    return enrolments.map((e) => {
      const phases = phasesOf(e.phases);
      const own = changes.filter((c) => c.enrolment_id === e.id);
      const current = phases.length > 0 ? currentPhase(phases, own.map((c) => ({ toPhase: c.to_phase }))) : null;
      const expected = e.status === 'active' ? expectedPhase(phases, e.start_date, day) : null;
      const calendar = phaseCalendar(phases, e.start_date);
      const mine = followUps.filter((f) => f.enrolment_id === e.id);

      const reassessments = points.map((point) => {
        const shown = followUpOfPoint(mine.filter((f) => f.follow_up_point === point));
        const dueOn = e.start_date ? reassessmentDue(e.start_date, e.duration_weeks, point) : null;
        return {
          point, dueOn, status: reassessmentStatus({ dueOn, today: day, signed: shown?.status === 'signed', enrolmentStatus: e.status }),
          assessmentId: shown?.id ?? null, assessmentStatus: shown?.status ?? null, signedAt: shown?.signed_at?.toISOString() ?? null,
        };
      });

      const baseline = baselineById.get(e.baseline_id);
      const comparisons: AssessmentComparison[] = baseline && baseline.status === 'signed'
        ? mine.filter((f) => f.status === 'signed').map((f) => ({
          baselineId: baseline.id, baselineSignedAt: baseline.signed_at?.toISOString() ?? null,
          followUpId: f.id, point: f.follow_up_point ?? 0, followUpSignedAt: f.signed_at?.toISOString() ?? null,
          ...compareScores(scoresOf(baseline.composites, baseline.form), scoresOf(f.composites, f.form)),
        }))
        : [];

      return {
        enrolmentId: e.id, programmeId: e.programme_id, programmeName: e.programme_name, programmeKind: e.programme_kind,
        durationWeeks: e.duration_weeks, status: e.status, startDate: e.start_date, expectedEndDate: e.expected_end_date, endedOn: e.ended_on,
        phases: phases.map((p, i) => ({ ...p, startsOn: calendar[i]!.startsOn, endsOn: calendar[i]!.endsOn })),
        currentPhase: current, expectedPhase: expected, schedule: phaseSchedule(phases, current, expected),
        phaseChanges: own.map(phaseChangeRecord),
        roles: roles.filter((r) => r.enrolment_id === e.id).map(roleRecord),
        reassessments,
        baselineAssessmentId: baseline?.id ?? null,
        comparisons,
      };
    });
  }

  /** An active enrolment of a programme with phases (a community), of a person in scope. */
  async function communityEnrolment(handle: DbOrTrx, actor: Actor, enrolmentId: string) {
    const enrolment = await repo.findEnrolment(handle, enrolmentId, actor.facilityIds);
    if (!enrolment) throw notFound('enrolment');
    if (enrolment.status !== 'active' || !enrolment.start_date) throw new AppError('CONFLICT', 'error.progress.enrolmentNotActive');
    const phases = phasesOf(enrolment.phases);
    if (phases.length === 0) throw new AppError('CONFLICT', 'error.progress.noPhases');
    return { ...enrolment, startDate: enrolment.start_date, phases };
  }

  return {
    async progress(actor: Actor, wbpId: string, origin: RequestOrigin): Promise<ProgressRecord> {
      return db.transaction().execute(async (trx) => {
        const person = await repo.findPerson(trx, wbpId, actor.facilityIds);
        if (!person) throw notFound('wbp');
        const enrolments = await progressOf(trx, wbpId);
        await writeAudit(trx, { actor, origin }, { action: 'read', entityType: 'progress', entityId: wbpId, facilityId: person.facility_id });
        return { wbpId, today: today(), enrolments };
      });
    },

    /** Promotion to the next phase, or regression to an earlier one, with the reason; the history is kept. */
    async changePhase(actor: Actor, enrolmentId: string, input: PhaseChangeRequest, origin: RequestOrigin): Promise<PhaseChangeRecord> {
      return db.transaction().execute(async (trx) => {
        await repo.lockEnrolment(trx, enrolmentId);
        const enrolment = await communityEnrolment(trx, actor, enrolmentId);
        const history = await repo.phaseChangesOf(trx, [enrolmentId]);
        const current = currentPhase(enrolment.phases, history.map((c) => ({ toPhase: c.to_phase })));
        const problems = phaseChangeProblems({
          phases: enrolment.phases, current, direction: input.direction, toPhase: input.toPhase, changedOn: input.changedOn,
          startDate: enrolment.startDate, lastChangedOn: history.at(-1)?.changed_on ?? null, today: today(),
        });
        if (problems.length > 0) throw validation(problems);
        const id = await repo.insertPhaseChange(trx, {
          enrolment_id: enrolmentId, wbp_id: enrolment.wbp_id, from_phase: current, to_phase: input.toPhase, direction: input.direction,
          reason: input.reason, changed_on: input.changedOn, changed_by: actor.userId, created_at: now(),
        });
        await writeAudit(trx, { actor, origin }, {
          action: 'create', entityType: 'phase_change', entityId: id, facilityId: enrolment.facility_id,
          details: { wbpId: enrolment.wbp_id, enrolmentId, direction: input.direction, fromPhase: current, toPhase: input.toPhase, changedOn: input.changedOn },
        });
        return phaseChangeRecord(await repo.findPhaseChange(trx, id));
      });
    },

    /** A peer role in the community; a person holds one open role of a kind at a time. */
    async assignRole(actor: Actor, enrolmentId: string, input: CommunityRoleRequest, origin: RequestOrigin): Promise<CommunityRoleRecord> {
      return db.transaction().execute(async (trx) => {
        await repo.lockEnrolment(trx, enrolmentId);
        const enrolment = await communityEnrolment(trx, actor, enrolmentId);
        const problems = dateProblems('startedOn', input.startedOn, enrolment.startDate, today());
        if (await repo.openRoleOf(trx, enrolment.wbp_id, input.role)) problems.unshift({ field: 'role', message: 'validation.progress.roleHeld' });
        if (problems.length > 0) throw validation(problems);
        const id = await repo.insertRole(trx, {
          enrolment_id: enrolmentId, wbp_id: enrolment.wbp_id, role: input.role, started_on: input.startedOn, assigned_by: actor.userId, created_at: now(),
        });
        await writeAudit(trx, { actor, origin }, {
          action: 'create', entityType: 'community_role', entityId: id, facilityId: enrolment.facility_id,
          details: { wbpId: enrolment.wbp_id, enrolmentId, role: input.role, startedOn: input.startedOn },
        });
        return roleRecord(await repo.findRole(trx, id));
      });
    },

    async endRole(actor: Actor, roleId: string, endedOn: string, origin: RequestOrigin): Promise<CommunityRoleRecord> {
      return db.transaction().execute(async (trx) => {
        const role = await repo.findRoleForUpdate(trx, roleId, actor.facilityIds);
        if (!role) throw notFound('community_role');
        if (role.ended_on !== null) throw new AppError('CONFLICT', 'error.progress.roleEnded');
        if (endedOn > today()) throw validation([{ field: 'endedOn', message: 'validation.dateInFuture' }]);
        if (endedOn < role.started_on) throw validation([{ field: 'endedOn', message: 'validation.progress.endBeforeStart', params: { date: role.started_on } }]);
        if (!(await repo.endRole(trx, roleId, endedOn))) throw conflict();
        await writeAudit(trx, { actor, origin }, {
          action: 'update', entityType: 'community_role', entityId: roleId, facilityId: role.facility_id,
          details: { wbpId: role.wbp_id, role: role.role, endedOn },
        });
        return roleRecord(await repo.findRole(trx, roleId));
      });
    },

    /**
     * A unit's work to do: the stored tasks of the people it holds, and the unsigned re-assessment
     * points of its active and completed enrolments that are due within 14 days or overdue, by due date.
     */
    async careTasks(actor: Actor, facilityId: string, query: CareTasksQuery, origin: RequestOrigin) {
      requireFacility(actor, facilityId);
      const day = today();
      return db.transaction().execute(async (trx) => {
        const [stored, enrolments, points] = await Promise.all([
          repo.careTasksOf(trx, facilityId, query.status), repo.reassessedEnrolmentsIn(trx, facilityId), repo.reassessmentPoints(trx),
        ]);
        const followUps = await repo.followUpStatesOf(trx, enrolments.map((e) => e.id));
        const items: CareTaskItem[] = stored.map((t) => ({
          id: t.id, kind: t.kind, wbpId: t.wbp_id, fullName: t.full_name, sdpNumber: t.sdp_number, dueOn: t.due_on,
          overdue: taskOverdue(t.due_on, t.status, day), status: t.status, note: t.note, closedBy: t.closed_by_name,
          closedAt: t.closed_at?.toISOString() ?? null, link: careTaskLink(t.kind, t.wbp_id), point: null, programmeName: null,
          assessmentId: null, closable: t.status === 'open',
        }));
        // The follow-ups grouped once by enrolment and point, not filtered again for every point of every enrolment.
        const atPoints = new Map<string, typeof followUps>();
        for (const f of followUps) {
          const key = `${f.enrolment_id}:${f.follow_up_point}`;
          const list = atPoints.get(key);
          if (list) list.push(f);
          else atPoints.set(key, [f]);
        }
        for (const e of enrolments) {
          for (const point of points) {
            const dueOn = reassessmentDue(e.start_date!, e.duration_weeks, point);
            const shown = followUpOfPoint(atPoints.get(`${e.id}:${point}`) ?? []);
            const status = reassessmentStatus({ dueOn, today: day, signed: shown?.status === 'signed', enrolmentStatus: e.status });
            if (!isReassessmentTask(status)) continue;
            items.push({
              id: `reassessment:${e.id}:${point}`, kind: 'reassessment', wbpId: e.wbp_id, fullName: e.full_name, sdpNumber: e.sdp_number, dueOn,
              overdue: status === 'overdue', status: 'open', note: null, closedBy: null, closedAt: null, link: careTaskLink('reassessment', e.wbp_id),
              point, programmeName: e.programme_name, assessmentId: shown?.id ?? null, closable: false,
            });
          }
        }
        items.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.fullName.localeCompare(b.fullName) || a.id.localeCompare(b.id));
        const offset = (query.page - 1) * query.pageSize;
        await writeAudit(trx, { actor, origin }, {
          action: 'read', entityType: 'care_tasks', facilityId, details: { status: query.status, page: query.page, total: items.length },
        });
        return { items: items.slice(offset, offset + query.pageSize), page: query.page, pageSize: query.pageSize, total: items.length };
      });
    },

    async closeTask(actor: Actor, taskId: string, input: CloseCareTaskRequest, origin: RequestOrigin) {
      return db.transaction().execute(async (trx) => {
        const task = await repo.findTaskForUpdate(trx, taskId, actor.facilityIds);
        if (!task) throw notFound('care_task');
        if (task.status !== 'open') throw new AppError('CONFLICT', 'error.progress.taskClosed');
        if (!(await repo.closeTask(trx, taskId, { status: input.status, note: input.note, by: actor.userId, at: now() }))) throw conflict();
        await writeAudit(trx, { actor, origin }, {
          action: 'update', entityType: 'care_task', entityId: taskId, facilityId: task.facility_id,
          details: { wbpId: task.wbp_id, kind: task.kind, status: input.status },
        });
        const closed = await repo.findTask(trx, taskId);
        return { id: closed.id, status: closed.status, note: closed.note, closedBy: closed.closed_by_name, closedAt: closed.closed_at?.toISOString() ?? null };
      });
    },
  };
}

export type ProgressService = ReturnType<typeof createProgressService>;
