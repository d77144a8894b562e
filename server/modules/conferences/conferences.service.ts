import type {
  AgencyGroup, CompleteBody, ConferenceBody, ConferenceList, ConferencePersonBody, ConferencePersonRecord, ConferenceRecord, DecisionEffect, DropOutBody,
  OutcomeEnrolment, PersonOutcomes, ReferralBody, ReferralRecord,
} from '../../../shared/contracts/conferences.ts';
import type { OrgKind } from '../../../shared/contracts/common.ts';
import { addDays, jakartaDate } from '../../../shared/domain/dates.ts';
import {
  CONFERENCE_DECISIONS, CONFERENCE_LOOKBACK_DAYS, type ConferenceDecision, type DropOutReason, ENDS_FROM, certificateNumber, certificatePrefix,
  endDateProblem, mayEnd, nextCertificateSequence, yearOf,
} from '../../../shared/domain/outcomes.ts';
import { programmeEnd } from '../../../shared/domain/placement.ts';
import type { Db, DbOrTrx } from '../../db/database.ts';
import { type Actor, type RequestOrigin, requireFacility } from '../../platform/actor.ts';
import { type AuditEvent, writeAudit, writeAuditMany } from '../../platform/audit.ts';
import { AppError, type FieldProblem, notFound, validation } from '../../platform/errors.ts';
import { renderCertificate } from './conferences.certificate.ts';
import * as repo from './conferences.repository.ts';

/** What is kept of a decision beside the discussion: its facts and what it did. */
interface StoredDetail {
  programmeId: string | null;
  programmeName: string | null;
  toOrganizationId: string | null;
  toName: string | null;
  reason: string | null;
  note: string | null;
  effect: DecisionEffect;
}

const NO_EFFECT: DecisionEffect = { enrolmentStatus: null, endedOn: null, certificateNumber: null, newEnrolment: null, referral: null };

function readDetail(raw: unknown): StoredDetail {
  const d = (raw ?? {}) as Partial<StoredDetail>;
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    programmeId: text(d.programmeId), programmeName: text(d.programmeName), toOrganizationId: text(d.toOrganizationId), toName: text(d.toName),
    reason: text(d.reason), note: text(d.note), effect: { ...NO_EFFECT, ...(d.effect ?? {}) },
  };
}

/** A person's plan in a conference, checked before anything is written. */
interface Plan {
  body: ConferencePersonBody;
  facilityId: string;
  enrolment: repo.EnrolmentRow | null;
  toOrganizationName: string | null;
}

/** What a conference names, read once for all its people before they are checked. */
interface Named {
  people: ReadonlyMap<string, { facility_id: string }>;
  enrolments: ReadonlyMap<string, repo.EnrolmentRow>;
  organizations: ReadonlyMap<string, { name: string }>;
}

function outcomeRecord(r: repo.OutcomeRow): OutcomeEnrolment {
  return {
    id: r.id, wbpId: r.wbp_id, programmeId: r.programme_id, programmeName: r.programme_name, programmeKind: r.programme_kind, facilityId: r.facility_id,
    facilityName: r.facility_name, decreeNumber: r.decree_number, status: r.status, startDate: r.start_date, expectedEndDate: r.expected_end_date,
    endedOn: r.ended_on, outcomeReason: r.outcome_reason, outcomeNote: r.outcome_note, outcomeBy: r.outcome_by_name, certificateNumber: r.certificate_number,
  };
}

function referralRecord(r: repo.ReferralRow): ReferralRecord {
  return {
    id: r.id, kind: r.kind, toOrganizationId: r.to_organization_id, toName: r.to_name, reason: r.reason, referredOn: r.referred_on,
    conferenceId: r.conference_id, createdBy: r.created_by_name, createdAt: r.created_at.toISOString(),
  };
}

/** The attendees by agency (listed, or written out in any case), agencies by name with those without one last, people by name. */
function agencyGroups(attendees: readonly repo.AttendeeRow[]): AgencyGroup[] {
  const groups = new Map<string, AgencyGroup>();
  for (const a of attendees) {
    const { position, agency } = a;
    const key = a.organization_id ? `org:${a.organization_id}` : agency ? `text:${agency.toLowerCase()}` : 'none';
    let group = groups.get(key);
    if (!group) {
      group = { organizationId: a.organization_id, name: a.organization_name ?? agency, kind: (a.organization_kind as OrgKind | null) ?? null, attendees: [] };
      groups.set(key, group);
    }
    group.attendees.push({ id: a.id, name: a.name, position, userId: a.user_id });
  }
  const agencies = [...groups.values()].sort((x, y) => (x.name === null ? 1 : 0) - (y.name === null ? 1 : 0) || (x.name ?? '').localeCompare(y.name ?? '', 'id'));
  for (const g of agencies) g.attendees.sort((x, y) => x.name.localeCompare(y.name, 'id'));
  return agencies;
}

const unique = <T>(values: readonly (T | null)[]): T[] => [...new Set(values.filter((v): v is T => v !== null))];

export function createConferencesService(deps: { db: Db; now: () => Date }) {
  const { db, now } = deps;
  const today = () => jakartaDate(now());

  /**
   * The next certificate number of the unit for the year of completion. The unit's row is locked
   * first, so concurrent completions in one unit take turns; the column is unique besides.
   */
  async function nextCertificate(trx: DbOrTrx, unitId: string, endedOn: string): Promise<string> {
    await repo.lockUnit(trx, unitId);
    const unit = await repo.unitLetterhead(trx, unitId);
    if (!unit) throw new AppError('INTERNAL', 'error.internal');
    const year = yearOf(endedOn);
    const prefix = certificatePrefix(unit.code, year);
    return certificateNumber(unit.code, year, nextCertificateSequence(await repo.certificateNumbersWithPrefix(trx, prefix), prefix));
  }

  async function complete(trx: DbOrTrx, actor: Actor, enrolment: repo.EnrolmentRow, endedOn: string, note: string | null): Promise<string> {
    const number = await nextCertificate(trx, enrolment.programme_facility_id, endedOn);
    const ended = await repo.endEnrolment(trx, enrolment.id, ENDS_FROM.complete, {
      status: 'completed', endedOn, reason: null, note, by: actor.userId, certificateNumber: number, at: now(),
    });
    if (!ended) throw new AppError('CONFLICT', 'error.outcome.notActive');
    return number;
  }

  async function dropOut(trx: DbOrTrx, actor: Actor, enrolment: repo.EnrolmentRow, endedOn: string, reason: DropOutReason, note: string | null): Promise<void> {
    const ended = await repo.endEnrolment(trx, enrolment.id, ENDS_FROM.drop_out, {
      status: 'dropped', endedOn, reason, note, by: actor.userId, certificateNumber: null, at: now(),
    });
    if (!ended) throw new AppError('CONFLICT', 'error.outcome.notOpen');
  }

  /** The checks of one person's decision that depend on stored records; problems are named by field. */
  async function checkPerson(trx: DbOrTrx, facilityId: string, heldOn: string, index: number, p: ConferencePersonBody, named: Named,
    problems: FieldProblem[]): Promise<Plan | null> {
    const at = `people.${index}`;
    const person = named.people.get(p.wbpId);
    if (!person || person.facility_id !== facilityId) {
      problems.push({ field: `${at}.wbpId`, message: 'validation.conference.personNotInUnit' });
      return null;
    }
    let enrolment: repo.EnrolmentRow | null = null;
    if (p.enrolmentId !== null) {
      enrolment = named.enrolments.get(p.enrolmentId) ?? null;
      if (!enrolment || enrolment.wbp_id !== p.wbpId) {
        problems.push({ field: `${at}.enrolmentId`, message: 'validation.conference.enrolmentNotOfPerson' });
        return null;
      }
    }
    const before = problems.length;
    if ((p.decision === 'complete' || p.decision === 'drop_out' || p.decision === 'change_programme') && enrolment) {
      if (!mayEnd(p.decision, enrolment.status)) {
        problems.push({ field: `${at}.enrolmentId`, message: p.decision === 'complete' ? 'validation.outcome.notActive' : 'validation.outcome.notOpen' });
      } else if (endDateProblem(heldOn, enrolment.start_date, today()) === 'beforeStart') {
        problems.push({ field: `${at}.enrolmentId`, message: 'validation.outcome.endBeforeStart' });
      }
    }
    if (p.decision === 'change_programme' && enrolment && p.detail.programmeId !== null) {
      const field = `${at}.detail.programmeId`;
      const programme = await repo.programmeWithLoad(trx, p.detail.programmeId);
      if (!programme || programme.facility_id !== facilityId) problems.push({ field, message: 'validation.conference.programmeNotInUnit' });
      else if (!programme.active) problems.push({ field, message: 'validation.programmeInactive' });
      else if (programme.id === enrolment.programme_id) problems.push({ field, message: 'validation.conference.sameProgramme' });
      else if (await repo.hasOpenEnrolment(trx, p.wbpId, programme.id)) problems.push({ field, message: 'validation.alreadyEnrolled' });
    }
    let toOrganizationName: string | null = null;
    if (p.decision === 'refer' && p.detail.toOrganizationId !== null) {
      const organization = named.organizations.get(p.detail.toOrganizationId);
      if (!organization) problems.push({ field: `${at}.detail.toOrganizationId`, message: 'validation.conference.unknownOrganization' });
      else toOrganizationName = organization.name;
    }
    return problems.length === before ? { body: p, facilityId: person.facility_id, enrolment, toOrganizationName } : null;
  }

  /** Makes one checked decision take effect; returns what it did and the audit events for it. */
  async function apply(trx: DbOrTrx, actor: Actor, conferenceId: string, heldOn: string, plan: Plan): Promise<{ effect: DecisionEffect; events: AuditEvent[] }> {
    const { body: p, enrolment } = plan;
    const events: AuditEvent[] = [];
    const changed = (status: 'completed' | 'dropped' | 'changed', details: Record<string, unknown> = {}) => events.push({
      action: 'update', entityType: 'enrolment', entityId: enrolment!.id, facilityId: plan.facilityId,
      details: { wbpId: p.wbpId, conferenceId, before: enrolment!.status, after: status, endedOn: heldOn, ...details },
    });
    switch (p.decision) {
      case 'continue':
        return { effect: { ...NO_EFFECT, enrolmentStatus: enrolment?.status ?? null }, events };
      case 'complete': {
        const number = await complete(trx, actor, enrolment!, heldOn, p.detail.note);
        changed('completed', { certificateNumber: number });
        return { effect: { ...NO_EFFECT, enrolmentStatus: 'completed', endedOn: heldOn, certificateNumber: number }, events };
      }
      case 'drop_out': {
        const reason = p.detail.reason as DropOutReason;
        await dropOut(trx, actor, enrolment!, heldOn, reason, p.detail.note);
        changed('dropped', { reason });
        return { effect: { ...NO_EFFECT, enrolmentStatus: 'dropped', endedOn: heldOn }, events };
      }
      case 'change_programme': {
        const ended = await repo.endEnrolment(trx, enrolment!.id, ENDS_FROM.change_programme, {
          status: 'changed', endedOn: heldOn, reason: null, note: p.detail.note, by: actor.userId, certificateNumber: null, at: now(),
        });
        if (!ended) throw new AppError('CONFLICT', 'error.outcome.notOpen');
        changed('changed');
        // Read after the earlier decisions of this conference, which may have filled a place.
        const programme = (await repo.programmeWithLoad(trx, p.detail.programmeId!))!;
        const room = Number(programme.active_count ?? 0) < programme.capacity;
        const startDate = room ? heldOn : null;
        const expectedEndDate = room ? programmeEnd(heldOn, programme.duration_weeks) : null;
        const status = room ? 'active' : 'waitlisted';
        const id = await repo.insertEnrolment(trx, {
          wbpId: p.wbpId, programmeId: programme.id, decisionId: enrolment!.decision_id, status, startDate, endDate: expectedEndDate, at: now(),
        });
        events.push({
          action: 'create', entityType: 'enrolment', entityId: id, facilityId: plan.facilityId,
          details: { wbpId: p.wbpId, conferenceId, programmeId: programme.id, status, replaces: enrolment!.id },
        });
        return {
          effect: {
            ...NO_EFFECT, enrolmentStatus: 'changed', endedOn: heldOn,
            newEnrolment: { id, programmeId: programme.id, programmeName: programme.name, status, startDate, expectedEndDate },
          },
          events,
        };
      }
      case 'refer': {
        const toName = p.detail.toName ?? plan.toOrganizationName!;
        const reason = p.detail.reason!;
        const id = await repo.insertReferral(trx, {
          wbpId: p.wbpId, facilityId: plan.facilityId, toOrganizationId: p.detail.toOrganizationId, toName, reason, referredOn: heldOn, conferenceId,
          by: actor.userId, at: now(),
        });
        events.push({ action: 'create', entityType: 'referral', entityId: id, facilityId: plan.facilityId, details: { wbpId: p.wbpId, conferenceId, toName } });
        return { effect: { ...NO_EFFECT, enrolmentStatus: enrolment?.status ?? null, referral: { id, toName, reason, referredOn: heldOn } }, events };
      }
    }
  }

  async function conferenceRecord(trx: DbOrTrx, actor: Actor, conference: NonNullable<Awaited<ReturnType<typeof repo.findConference>>>): Promise<ConferenceRecord> {
    const [attendees, people] = await Promise.all([repo.attendeesOf(trx, conference.id), repo.peopleOf(trx, conference.id)]);
    const from = addDays(conference.held_on, -CONFERENCE_LOOKBACK_DAYS);
    const ids = people.map((p) => p.wbp_id);
    const [incidents, urine] = await Promise.all([
      repo.incidentsOf(trx, ids, from, conference.held_on, actor.facilityIds),
      repo.urineTestsOf(trx, ids, from, conference.held_on, actor.facilityIds),
    ]);

    return {
      id: conference.id, facilityId: conference.facility_id, facilityName: conference.facility_name, heldOn: conference.held_on, title: conference.title,
      notes: conference.notes, createdBy: conference.created_by_name, createdAt: conference.created_at.toISOString(), lookbackFrom: from,
      agencies: agencyGroups(attendees),
      people: people.map((p): ConferencePersonRecord => {
        const { effect, ...detail } = readDetail(p.detail);
        return {
          wbpId: p.wbp_id, fullName: p.full_name, sdpNumber: p.sdp_number, enrolmentId: p.enrolment_id, programmeName: p.programme_name,
          discussion: p.discussion, decision: p.decision, detail, effect,
          incidents: incidents.filter((i) => i.wbp_id === p.wbp_id).map((i) => ({
            id: i.id, occurredOn: i.occurred_on, kind: i.kind, description: i.description, actionTaken: i.action_taken,
          })),
          urineTests: urine.filter((u) => u.wbp_id === p.wbp_id).map((u) => ({
            id: u.id, plannedOn: u.planned_on, reason: u.reason, status: u.status, outcome: u.outcome, results: u.results,
          })),
        };
      }),
    };
  }

  async function personOrThrow(trx: DbOrTrx, actor: Actor, wbpId: string) {
    const person = await repo.findPerson(trx, wbpId, actor.facilityIds);
    if (!person) throw notFound('wbp');
    return person;
  }

  async function enrolmentOrThrow(trx: DbOrTrx, actor: Actor, enrolmentId: string) {
    const enrolment = await repo.findEnrolmentForUpdate(trx, enrolmentId, actor.facilityIds);
    if (!enrolment) throw notFound('enrolment');
    return enrolment;
  }

  function checkEndDate(endedOn: string, startDate: string | null): void {
    const problem = endDateProblem(endedOn, startDate, today());
    if (problem === 'future') throw validation([{ field: 'endedOn', message: 'validation.dateInFuture' }]);
    if (problem === 'beforeStart') throw validation([{ field: 'endedOn', message: 'validation.outcome.endBeforeStart' }]);
  }

  return {
    async list(actor: Actor, facilityId: string, page: number, pageSize: number, origin: RequestOrigin): Promise<ConferenceList> {
      requireFacility(actor, facilityId);
      return db.transaction().execute(async (trx) => {
        const { items, total } = await repo.listConferences(trx, facilityId, pageSize, (page - 1) * pageSize);
        const counts = await repo.decisionCounts(trx, items.map((c) => c.id));
        await writeAudit(trx, { actor, origin }, { action: 'read', entityType: 'case_conference_list', facilityId, details: { page, pageSize } });
        return {
          items: items.map((c) => {
            const decisions = Object.fromEntries(CONFERENCE_DECISIONS.map((d) => [d, 0])) as Record<ConferenceDecision, number>;
            for (const n of counts.filter((x) => x.conference_id === c.id)) decisions[n.decision] = Number(n.n);
            return {
              id: c.id, facilityId: c.facility_id, heldOn: c.held_on, title: c.title, createdBy: c.created_by_name, createdAt: c.created_at.toISOString(),
              attendeeCount: Number(c.attendee_count ?? 0), peopleCount: Number(c.people_count ?? 0), decisions,
            };
          }),
          page, pageSize, total,
        };
      });
    },

    /**
     * Records a case conference and makes every decision take effect on the record, in one
     * transaction: a single person or decision that does not hold stores nothing at all.
     */
    async create(actor: Actor, facilityId: string, body: ConferenceBody, origin: RequestOrigin): Promise<ConferenceRecord> {
      requireFacility(actor, facilityId);
      return db.transaction().execute(async (trx) => {
        const problems: FieldProblem[] = [];
        if (body.heldOn > today()) problems.push({ field: 'heldOn', message: 'validation.dateInFuture' });
        const byId = <T extends { id: string }>(rows: readonly T[]) => new Map(rows.map((r) => [r.id, r]));
        const named: Named = {
          organizations: byId(await repo.organizationsIn(trx, unique([
            ...body.attendees.map((a) => a.organizationId),
            ...body.people.map((p) => (p.decision === 'refer' ? p.detail.toOrganizationId : null)),
          ]))),
          people: byId(await repo.findPeople(trx, body.people.map((p) => p.wbpId), actor.facilityIds)),
          enrolments: byId(await repo.lockEnrolments(trx, unique(body.people.map((p) => p.enrolmentId)).sort(), actor.facilityIds)),
        };
        const users = new Set((await repo.usersIn(trx, unique(body.attendees.map((a) => a.userId)))).map((u) => u.id));
        body.attendees.forEach((a, i) => {
          if (a.organizationId !== null && !named.organizations.has(a.organizationId)) problems.push({ field: `attendees.${i}.organizationId`, message: 'validation.conference.unknownOrganization' });
          if (a.userId !== null && !users.has(a.userId)) problems.push({ field: `attendees.${i}.userId`, message: 'validation.conference.unknownUser' });
        });
        const plans: Plan[] = [];
        for (const [i, p] of body.people.entries()) {
          const plan = await checkPerson(trx, facilityId, body.heldOn, i, p, named, problems);
          if (plan) plans.push(plan);
        }
        if (problems.length > 0) throw validation(problems);

        const conferenceId = await repo.insertConference(trx, { facilityId, heldOn: body.heldOn, title: body.title, notes: body.notes, by: actor.userId, at: now() });
        await repo.insertAttendees(trx, conferenceId, body.attendees.map((a) => ({
          name: a.name, position: a.position, organizationId: a.organizationId, agency: a.organizationId === null ? a.agency : null, userId: a.userId,
        })));
        const events: AuditEvent[] = [{
          action: 'create', entityType: 'case_conference', entityId: conferenceId, facilityId,
          details: { heldOn: body.heldOn, attendees: body.attendees.length, people: body.people.map((p) => ({ wbpId: p.wbpId, decision: p.decision })) },
        }];
        for (const plan of plans) {
          const { effect, events: done } = await apply(trx, actor, conferenceId, body.heldOn, plan);
          const p = plan.body;
          const detail: StoredDetail = {
            programmeId: p.decision === 'change_programme' ? p.detail.programmeId : null,
            programmeName: effect.newEnrolment?.programmeName ?? null,
            toOrganizationId: p.decision === 'refer' ? p.detail.toOrganizationId : null,
            toName: effect.referral?.toName ?? null,
            reason: p.decision === 'refer' || p.decision === 'drop_out' ? p.detail.reason : null,
            note: p.detail.note,
            effect,
          };
          await repo.insertConferencePerson(trx, {
            conferenceId, wbpId: p.wbpId, enrolmentId: p.enrolmentId, discussion: p.discussion, decision: p.decision, detail: { ...detail },
          });
          events.push(...done);
        }
        await writeAuditMany(trx, { actor, origin }, events);
        return conferenceRecord(trx, actor, (await repo.findConference(trx, conferenceId, actor.facilityIds))!);
      });
    },

    async get(actor: Actor, conferenceId: string, origin: RequestOrigin): Promise<ConferenceRecord> {
      return db.transaction().execute(async (trx) => {
        const conference = await repo.findConference(trx, conferenceId, actor.facilityIds);
        if (!conference) throw notFound('case_conference');
        const record = await conferenceRecord(trx, actor, conference);
        await writeAudit(trx, { actor, origin }, {
          action: 'read', entityType: 'case_conference', entityId: conference.id, facilityId: conference.facility_id,
          details: { people: record.people.map((p) => p.wbpId) },
        });
        return record;
      });
    },

    async outcomes(actor: Actor, wbpId: string, origin: RequestOrigin): Promise<PersonOutcomes> {
      return db.transaction().execute(async (trx) => {
        const person = await personOrThrow(trx, actor, wbpId);
        const [enrolments, referrals] = await Promise.all([repo.enrolmentsOfPerson(trx, wbpId), repo.referralsOfPerson(trx, wbpId)]);
        await writeAudit(trx, { actor, origin }, { action: 'read', entityType: 'outcomes', entityId: wbpId, facilityId: person.facility_id });
        return { enrolments: enrolments.map(outcomeRecord), referrals: referrals.map(referralRecord) };
      });
    },

    /** Completion: the enrolment ends as completed and gets the unit's next certificate number. */
    async complete(actor: Actor, enrolmentId: string, body: CompleteBody, origin: RequestOrigin): Promise<OutcomeEnrolment> {
      return db.transaction().execute(async (trx) => {
        const enrolment = await enrolmentOrThrow(trx, actor, enrolmentId);
        if (!mayEnd('complete', enrolment.status)) throw new AppError('CONFLICT', 'error.outcome.notActive');
        checkEndDate(body.endedOn, enrolment.start_date);
        const number = await complete(trx, actor, enrolment, body.endedOn, body.note);
        await writeAudit(trx, { actor, origin }, {
          action: 'update', entityType: 'enrolment', entityId: enrolment.id, facilityId: enrolment.person_facility_id,
          details: { wbpId: enrolment.wbp_id, before: enrolment.status, after: 'completed', endedOn: body.endedOn, certificateNumber: number },
        });
        return outcomeRecord(await repo.outcomeOf(trx, enrolment.id));
      });
    },

    async dropOut(actor: Actor, enrolmentId: string, body: DropOutBody, origin: RequestOrigin): Promise<OutcomeEnrolment> {
      return db.transaction().execute(async (trx) => {
        const enrolment = await enrolmentOrThrow(trx, actor, enrolmentId);
        if (!mayEnd('drop_out', enrolment.status)) throw new AppError('CONFLICT', 'error.outcome.notOpen');
        checkEndDate(body.endedOn, enrolment.start_date);
        await dropOut(trx, actor, enrolment, body.endedOn, body.reason, body.note);
        await writeAudit(trx, { actor, origin }, {
          action: 'update', entityType: 'enrolment', entityId: enrolment.id, facilityId: enrolment.person_facility_id,
          details: { wbpId: enrolment.wbp_id, before: enrolment.status, after: 'dropped', endedOn: body.endedOn, reason: body.reason },
        });
        return outcomeRecord(await repo.outcomeOf(trx, enrolment.id));
      });
    },

    /** The completion certificate, in Bahasa Indonesia, of a completed enrolment. */
    async certificate(actor: Actor, enrolmentId: string, origin: RequestOrigin): Promise<{ filename: string; pdf: Buffer }> {
      return db.transaction().execute(async (trx) => {
        const facts = await repo.certificateFacts(trx, enrolmentId, actor.facilityIds);
        if (!facts) throw notFound('enrolment');
        if (facts.status !== 'completed' || facts.certificate_number === null || facts.ended_on === null) {
          throw new AppError('CONFLICT', 'error.certificate.notCompleted');
        }
        const unit = await repo.unitLetterhead(trx, facts.unit_id);
        if (!unit) throw new AppError('INTERNAL', 'error.internal');
        const head = await repo.headOfUnit(trx, unit.id);
        await writeAudit(trx, { actor, origin }, {
          action: 'read', entityType: 'certificate', entityId: facts.id, facilityId: facts.person_facility_id,
          details: { certificateNumber: facts.certificate_number },
        });
        const pdf = await renderCertificate({
          number: facts.certificate_number, fullName: facts.full_name, sdpNumber: facts.sdp_number, programmeName: facts.programme_name,
          unitName: unit.name, kanwilName: unit.parent_name, city: unit.city, startDate: facts.start_date ?? facts.ended_on, endDate: facts.ended_on,
          headName: head ?? null,
        });
        return { filename: `sertifikat-${facts.certificate_number.replace(/[^A-Za-z0-9]+/g, '-')}.pdf`, pdf };
      });
    },

    async refer(actor: Actor, wbpId: string, body: ReferralBody, origin: RequestOrigin): Promise<ReferralRecord> {
      if (body.referredOn > today()) throw validation([{ field: 'referredOn', message: 'validation.dateInFuture' }]);
      return db.transaction().execute(async (trx) => {
        const person = await personOrThrow(trx, actor, wbpId);
        let toName = body.toName;
        if (body.toOrganizationId !== null) {
          const [organization] = await repo.organizationsIn(trx, [body.toOrganizationId]);
          if (!organization) throw validation([{ field: 'toOrganizationId', message: 'validation.conference.unknownOrganization' }]);
          toName ??= organization.name;
        }
        const id = await repo.insertReferral(trx, {
          wbpId, facilityId: person.facility_id, toOrganizationId: body.toOrganizationId, toName: toName!, reason: body.reason, referredOn: body.referredOn,
          conferenceId: null, by: actor.userId, at: now(),
        });
        await writeAudit(trx, { actor, origin }, { action: 'create', entityType: 'referral', entityId: id, facilityId: person.facility_id, details: { wbpId, toName } });
        return referralRecord(await repo.referralOf(trx, id));
      });
    },
  };
}

export type ConferencesService = ReturnType<typeof createConferencesService>;
