import type {
  AftercareReferralBody, AftercareReferralRecord, AftercareSettings, ConsentBody, ConsentRecord, FollowUpBody, FollowUpRecord, LookAhead, PersonAftercare,
  ReferralList, ReleasePlanBody, ReleasePlanRecord,
} from '../../../shared/contracts/aftercare.ts';
import { CUSTODIAL_KINDS } from '../../../shared/contracts/common.ts';
import {
  type AftercareOutcome, type LookAheadMonths, acceptanceOverdue, followUpMonthsOf, followUpMonthsProblem, followUpSchedule, followUpState, lookAheadUntil,
  receivesAftercare, releasePlanProblems,
} from '../../../shared/domain/aftercare.ts';
import { jakartaDate } from '../../../shared/domain/dates.ts';
import type { Db, DbOrTrx } from '../../db/database.ts';
import { endPostRehabEnrolments } from '../../db/postRehab.ts';
import { endPeerCounsellingOnRelease } from '../../db/transfers.ts';
import type { Actor, RequestOrigin } from '../../platform/actor.ts';
import { requireFacility } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { AppError, notFound, validation } from '../../platform/errors.ts';
import { translate } from '../../platform/messages.ts';
import { renderHandover } from './aftercare.handover.ts';
import * as repo from './aftercare.repository.ts';

function planRecord(p: repo.PlanRow): ReleasePlanRecord {
  return {
    id: p.id, wbpId: p.wbp_id, kind: p.kind, decisionNumber: p.decision_number, decisionDate: p.decision_date, expectedOn: p.expected_on, status: p.status,
    releasedOn: p.released_on, note: p.note, createdBy: p.created_by_name ?? '',
  };
}

function consentRecord(c: repo.ConsentRow): ConsentRecord {
  return {
    id: c.id, organizationId: c.organization_id, organizationName: c.organization_name, givenOn: c.given_on, method: c.method, witnessName: c.witness_name,
    recordedBy: c.recorded_by_name ?? '', revokedOn: c.revoked_on, revocationReason: c.revocation_reason, inForce: c.revoked_on === null,
  };
}

function referralRecord(r: repo.ReferralRow, followUps: readonly repo.FollowUpRow[], today: string): AftercareReferralRecord {
  const released = r.released_on !== null;
  const releaseOn = r.released_on ?? r.expected_on;
  const status = r.status ?? 'sent';
  const done = new Map(followUps.filter((f) => f.referral_id === r.id).map((f) => [f.month, f]));
  const schedule: FollowUpRecord[] = followUpSchedule(releaseOn, r.follow_up_months ?? []).map(({ month, dueOn }) => {
    const f = done.get(month);
    // Before the release nothing is due yet, whatever the expected date said.
    const state = released ? followUpState(dueOn, f?.done_on ?? null, today) : f ? 'done' : 'upcoming';
    return {
      month, dueOn, state, doneOn: f?.done_on ?? null, contactMade: f?.contact_made ?? null, urine: f?.urine ?? null, note: f?.note ?? null,
      recordedBy: f ? (f.recorded_by_name ?? '') : null,
    };
  });
  return {
    id: r.id, wbpId: r.wbp_id, fullName: r.full_name, sdpNumber: r.sdp_number, facilityId: r.facility_id, facilityName: r.facility_name,
    toOrganizationId: r.to_organization_id ?? '', toName: r.to_name, toKind: r.to_kind, releaseKind: r.release_kind ?? 'other', releaseOn, released,
    reason: r.reason, carePlan: r.care_plan ?? '', referredOn: r.referred_on, status, answeredAt: r.answered_at?.toISOString() ?? null,
    answeredBy: r.answered_by_name, declinedReason: r.declined_reason, outcome: r.outcome, outcomeNote: r.outcome_note, closedOn: r.closed_on,
    createdBy: r.created_by_name ?? '', consentInForce: Boolean(r.consent_in_force), awaitingTooLong: acceptanceOverdue(status, r.referred_on, today),
    overdueFollowUps: status === 'accepted' ? schedule.filter((f) => f.state === 'overdue').length : 0,
    followUps: schedule,
  };
}

/** Staff of a custodial unit reading what their unit sent; partners and Bapas read only as receivers. */
const sendsFromUnits = (actor: Actor) => CUSTODIAL_KINDS.includes(actor.organizationKind);

export function createAftercareService(deps: { db: Db; now: () => Date }) {
  const { db, now } = deps;
  const today = () => jakartaDate(now());

  async function personOrThrow(trx: DbOrTrx, actor: Actor, wbpId: string) {
    const person = await repo.findPerson(trx, wbpId, actor.facilityIds);
    if (!person) throw notFound('wbp');
    return person;
  }

  async function records(trx: DbOrTrx, rows: readonly repo.ReferralRow[]): Promise<AftercareReferralRecord[]> {
    const followUps = await repo.followUpsOf(trx, rows.map((r) => r.id));
    return rows.map((r) => referralRecord(r, followUps, today()));
  }

  /**
   * A referral the actor may read: sent by the actor's own custodial unit, or addressed to the
   * actor's organisation with the person's consent to it in force. Anything else is not found.
   */
  async function readable(trx: DbOrTrx, actor: Actor, id: string): Promise<repo.ReferralRow> {
    const sent = sendsFromUnits(actor) ? await repo.referralSentBy(trx, id, actor.facilityIds) : undefined;
    const row = sent ?? await repo.referralReceivedBy(trx, id, actor.organizationId);
    if (!row) throw notFound('referral');
    return row;
  }

  /** A referral addressed to the actor's organisation, consent in force, locked for the change. */
  async function received(trx: DbOrTrx, actor: Actor, id: string): Promise<repo.ReferralRow> {
    const row = await repo.referralReceivedBy(trx, id, actor.organizationId, { lock: true });
    if (!row) throw notFound('referral');
    return row;
  }

  function notFuture(field: string, value: string): void {
    if (value > today()) throw validation([{ field, message: 'validation.dateInFuture' }]);
  }

  async function followUpMonths(handle: DbOrTrx): Promise<number[]> {
    return followUpMonthsOf(await repo.followUpMonthsSetting(handle));
  }

  async function changed(trx: DbOrTrx, actor: Actor, origin: RequestOrigin, row: repo.ReferralRow, details: Record<string, unknown>): Promise<AftercareReferralRecord> {
    await writeAudit(trx, { actor, origin }, { action: 'update', entityType: 'aftercare_referral', entityId: row.id, facilityId: row.facility_id, details: { wbpId: row.wbp_id, ...details } });
    const [record] = await records(trx, [(await repo.referralOf(trx, row.id))!]);
    return record!;
  }

  return {
    async settings(): Promise<AftercareSettings> {
      return { followUpMonths: await followUpMonths(db) };
    },

    async saveSettings(actor: Actor, body: AftercareSettings, origin: RequestOrigin): Promise<AftercareSettings> {
      const problem = followUpMonthsProblem(body.followUpMonths);
      if (problem) throw validation([{ field: 'followUpMonths', message: `validation.${problem}` }]);
      const months = followUpMonthsOf(body.followUpMonths);
      await db.transaction().execute(async (trx) => {
        const before = await followUpMonths(trx);
        await repo.writeFollowUpMonths(trx, months, actor.userId, now());
        await writeAudit(trx, { actor, origin }, { action: 'update', entityType: 'settings', details: { aftercareFollowUpMonths: { before, after: months } } });
      });
      return { followUpMonths: months };
    },

    /** Who is expected to leave the unit within the next 1, 2 or 3 months, with their rehabilitation status. */
    async lookAhead(actor: Actor, facilityId: string, months: LookAheadMonths, origin: RequestOrigin): Promise<LookAhead> {
      requireFacility(actor, facilityId);
      const from = today();
      const until = lookAheadUntil(from, months);
      return db.transaction().execute(async (trx) => {
        const rows = await repo.lookAhead(trx, facilityId, from, until);
        await writeAudit(trx, { actor, origin }, { action: 'read', entityType: 'release_look_ahead', facilityId, details: { months, people: rows.length } });
        return {
          from, until, months,
          items: rows.map((r) => ({
            wbpId: r.wbp_id, fullName: r.full_name, sdpNumber: r.sdp_number, block: r.block, expectedOn: r.expected_on, source: r.source, planId: r.plan_id,
            kind: r.kind, decisionNumber: r.decision_number, decisionDate: r.decision_date, className: r.class_name, programmeName: r.programme_name,
            enrolmentStatus: r.enrolment_status, phase: r.phase, lastOutcome: r.last_outcome, consentCount: Number(r.consent_count), hasReferral: r.has_referral,
          })),
        };
      });
    },

    /** A person's release plans, consents and aftercare referrals, as the holding unit sees them. */
    async person(actor: Actor, wbpId: string, origin: RequestOrigin): Promise<PersonAftercare> {
      return db.transaction().execute(async (trx) => {
        const person = await personOrThrow(trx, actor, wbpId);
        const [plans, consents, referrals] = await Promise.all([repo.plansOf(trx, wbpId), repo.consentsOf(trx, wbpId), repo.referralsOfPerson(trx, wbpId)]);
        await writeAudit(trx, { actor, origin }, { action: 'read', entityType: 'aftercare', entityId: wbpId, facilityId: person.facility_id });
        return {
          releasedOn: person.released_on, expectedReleaseDate: person.expected_release_date, plans: plans.map(planRecord), consents: consents.map(consentRecord),
          referrals: await records(trx, referrals),
        };
      });
    },

    async createPlan(actor: Actor, wbpId: string, body: ReleasePlanBody, origin: RequestOrigin): Promise<ReleasePlanRecord> {
      const problems = releasePlanProblems(body).map((p) => ({ field: p.field, message: `validation.${p.message}` }));
      if (body.decisionDate !== null && body.decisionDate > today()) problems.push({ field: 'decisionDate', message: 'validation.dateInFuture' });
      if (problems.length > 0) throw validation(problems);
      return db.transaction().execute(async (trx) => {
        const person = await personOrThrow(trx, actor, wbpId);
        if (person.released_on !== null) throw new AppError('CONFLICT', 'error.aftercare.alreadyReleased');
        if (body.expectedOn < person.admission_date) throw validation([{ field: 'expectedOn', message: 'validation.aftercare.beforeAdmission' }]);
        if (await repo.hasPlanUnderWay(trx, wbpId)) throw new AppError('CONFLICT', 'error.aftercare.planUnderWay');
        const id = await repo.insertPlan(trx, { wbpId, facilityId: person.facility_id, ...body, by: actor.userId, at: now() });
        await writeAudit(trx, { actor, origin }, {
          action: 'create', entityType: 'release_plan', entityId: id, facilityId: person.facility_id, details: { wbpId, kind: body.kind, expectedOn: body.expectedOn },
        });
        return planRecord(await repo.planOf(trx, id));
      });
    },

    /**
     * Records the release: the plan is released, the person leaves custody (staying with the unit's
     * record), and their open enrolments in the unit's programmes end with the reason "release".
     */
    async release(actor: Actor, planId: string, releasedOn: string, origin: RequestOrigin): Promise<ReleasePlanRecord> {
      notFuture('releasedOn', releasedOn);
      return db.transaction().execute(async (trx) => {
        const plan = await repo.planForUpdate(trx, planId, actor.facilityIds);
        if (!plan) throw notFound('release_plan');
        if (plan.status !== 'planned') throw new AppError('CONFLICT', 'error.aftercare.planNotUnderWay');
        if (releasedOn < plan.admission_date) throw validation([{ field: 'releasedOn', message: 'validation.aftercare.beforeAdmission' }]);
        await repo.markReleased(trx, plan.id, plan.wbp_id, releasedOn, now());
        const ended = await repo.endProgrammesOnRelease(trx, plan.wbp_id, plan.facility_id, { date: releasedOn, by: actor.userId });
        const endedPeerService = await endPeerCounsellingOnRelease(trx, plan.wbp_id, plan.facility_id, { date: releasedOn, by: actor.userId });
        await writeAudit(trx, { actor, origin }, {
          action: 'update', entityType: 'release_plan', entityId: plan.id, facilityId: plan.facility_id,
          details: { wbpId: plan.wbp_id, before: 'planned', after: 'released', releasedOn, endedEnrolments: ended, endedPeerService },
        });
        return planRecord(await repo.planOf(trx, plan.id));
      });
    },

    /**
     * Calls off a plan under way (e.g. the parole decision was revoked): the person stays held, a new
     * plan may be made, and the plan can no longer be released or referred. The reason is kept in the
     * audit row; referrals already made for the plan stay as they are.
     */
    async cancelPlan(actor: Actor, planId: string, reason: string, origin: RequestOrigin): Promise<ReleasePlanRecord> {
      return db.transaction().execute(async (trx) => {
        const plan = await repo.planForUpdate(trx, planId, actor.facilityIds);
        if (!plan) throw notFound('release_plan');
        if (plan.status !== 'planned' || !(await repo.markCancelled(trx, plan.id, now()))) throw new AppError('CONFLICT', 'error.aftercare.planNotUnderWay');
        await writeAudit(trx, { actor, origin }, {
          action: 'update', entityType: 'release_plan', entityId: plan.id, facilityId: plan.facility_id,
          details: { wbpId: plan.wbp_id, before: 'planned', after: 'cancelled', reason },
        });
        return planRecord(await repo.planOf(trx, plan.id));
      });
    },

    async recordConsent(actor: Actor, wbpId: string, body: ConsentBody, origin: RequestOrigin): Promise<ConsentRecord> {
      notFuture('givenOn', body.givenOn);
      return db.transaction().execute(async (trx) => {
        const person = await personOrThrow(trx, actor, wbpId);
        const organization = await repo.organization(trx, body.organizationId);
        if (!organization || !receivesAftercare(organization.kind)) throw validation([{ field: 'organizationId', message: 'validation.aftercare.notAReceiver' }]);
        if (await repo.consentInForce(trx, wbpId, organization.id)) throw new AppError('CONFLICT', 'error.aftercare.consentInForce');
        const id = await repo.insertConsent(trx, { wbpId, ...body, by: actor.userId, at: now() });
        await writeAudit(trx, { actor, origin }, {
          action: 'create', entityType: 'aftercare_consent', entityId: id, facilityId: person.facility_id, details: { wbpId, organizationId: organization.id, method: body.method },
        });
        return consentRecord(await repo.consentOf(trx, id));
      });
    },

    /** Revocation: the receiving organisation loses the person's referral, its hand-over and follow-ups at once. */
    async revokeConsent(actor: Actor, consentId: string, body: { revokedOn: string; reason: string }, origin: RequestOrigin): Promise<ConsentRecord> {
      notFuture('revokedOn', body.revokedOn);
      return db.transaction().execute(async (trx) => {
        const consent = await repo.consentForUpdate(trx, consentId, actor.facilityIds);
        if (!consent) throw notFound('consent');
        if (consent.revoked_on !== null) throw new AppError('CONFLICT', 'error.aftercare.consentRevoked');
        if (body.revokedOn < consent.given_on) throw validation([{ field: 'revokedOn', message: 'validation.aftercare.revokedBeforeGiven' }]);
        await repo.revokeConsent(trx, consent.id, { ...body, by: actor.userId });
        // Without consent the organisation no longer serves the person: its post-rehabilitation enrolments end.
        const endedEnrolments = await endPostRehabEnrolments(trx, { wbpId: consent.wbp_id, organizationId: consent.organization_id }, {
          date: body.revokedOn, note: translate('id', 'postRehab.endedByRevocation'), by: actor.userId,
        });
        await writeAudit(trx, { actor, origin }, {
          action: 'update', entityType: 'aftercare_consent', entityId: consent.id, facilityId: consent.facility_id,
          details: { wbpId: consent.wbp_id, organizationId: consent.organization_id, revokedOn: body.revokedOn, endedEnrolments },
        });
        return consentRecord(await repo.consentOf(trx, consent.id));
      });
    },

    async refer(actor: Actor, wbpId: string, body: AftercareReferralBody, origin: RequestOrigin): Promise<AftercareReferralRecord> {
      notFuture('referredOn', body.referredOn);
      return db.transaction().execute(async (trx) => {
        const person = await personOrThrow(trx, actor, wbpId);
        const plan = (await repo.plansOf(trx, wbpId)).find((p) => p.id === body.releasePlanId);
        if (!plan || plan.status === 'cancelled') throw validation([{ field: 'releasePlanId', message: 'validation.aftercare.unknownPlan' }]);
        const organization = await repo.organization(trx, body.toOrganizationId);
        if (!organization || !receivesAftercare(organization.kind)) throw validation([{ field: 'toOrganizationId', message: 'validation.aftercare.notAReceiver' }]);
        if (!(await repo.consentInForce(trx, wbpId, organization.id))) throw validation([{ field: 'toOrganizationId', message: 'validation.aftercare.noConsent' }]);
        if (await repo.hasOpenReferral(trx, plan.id, organization.id)) throw new AppError('CONFLICT', 'error.aftercare.alreadyReferred');
        const id = await repo.insertReferral(trx, {
          wbpId, facilityId: person.facility_id, toOrganizationId: organization.id, toName: organization.name, reason: body.reason, carePlan: body.carePlan,
          referredOn: body.referredOn, releasePlanId: plan.id, releaseKind: plan.kind, followUpMonths: await followUpMonths(trx), by: actor.userId, at: now(),
        });
        await writeAudit(trx, { actor, origin }, {
          action: 'create', entityType: 'aftercare_referral', entityId: id, facilityId: person.facility_id, details: { wbpId, toOrganizationId: organization.id },
        });
        const [record] = await records(trx, [(await repo.referralOf(trx, id))!]);
        return record!;
      });
    },

    /** The referrals a unit has sent, with their answers and flags. */
    async sent(actor: Actor, facilityId: string, origin: RequestOrigin): Promise<ReferralList> {
      requireFacility(actor, facilityId);
      return db.transaction().execute(async (trx) => {
        const rows = await repo.referralsSentBy(trx, facilityId);
        await writeAudit(trx, { actor, origin }, { action: 'read', entityType: 'aftercare_referral_list', facilityId, details: { box: 'sent', count: rows.length } });
        return { items: await records(trx, rows) };
      });
    },

    /** The referrals addressed to the actor's organisation whose consent is in force. */
    async inbox(actor: Actor, origin: RequestOrigin): Promise<ReferralList> {
      return db.transaction().execute(async (trx) => {
        const rows = await repo.referralsReceivedBy(trx, actor.organizationId);
        await writeAudit(trx, { actor, origin }, { action: 'read', entityType: 'aftercare_referral_list', details: { box: 'inbox', referrals: rows.map((r) => r.id) } });
        return { items: await records(trx, rows) };
      });
    },

    async get(actor: Actor, id: string, origin: RequestOrigin): Promise<AftercareReferralRecord> {
      return db.transaction().execute(async (trx) => {
        const row = await readable(trx, actor, id);
        await writeAudit(trx, { actor, origin }, { action: 'read', entityType: 'aftercare_referral', entityId: row.id, facilityId: row.facility_id, details: { wbpId: row.wbp_id } });
        const [record] = await records(trx, [row]);
        return record!;
      });
    },

    /** The hand-over summary (PDF, Bahasa Indonesia) for the sending unit, or the receiver while consent holds. */
    async handover(actor: Actor, id: string, origin: RequestOrigin): Promise<{ filename: string; pdf: Buffer }> {
      return db.transaction().execute(async (trx) => {
        const row = await readable(trx, actor, id);
        const [consent, facts, unit, signer] = await Promise.all([
          repo.consentForHandover(trx, row.wbp_id, row.to_organization_id ?? ''), repo.handoverFacts(trx, row.wbp_id),
          repo.unitLetterhead(trx, row.facility_id), repo.headOfUnit(trx, row.facility_id),
        ]);
        if (!unit || !consent) throw new AppError('INTERNAL', 'error.internal');
        await writeAudit(trx, { actor, origin }, { action: 'read', entityType: 'aftercare_handover', entityId: row.id, facilityId: row.facility_id, details: { wbpId: row.wbp_id } });
        const positives = facts.urine.filter((u) => u.outcome === 'positive');
        const pdf = await renderHandover({
          referralId: row.id, referredOn: row.referred_on, unitName: unit.name, unitCity: unit.city, parentName: unit.parent_name,
          signer: signer ?? null, toName: row.to_name, releaseKind: row.release_kind ?? 'other',
          releaseOn: row.released_on ?? row.expected_on, released: row.released_on !== null, decisionNumber: row.decision_number, reason: row.reason,
          carePlan: row.care_plan ?? '', followUpMonths: row.follow_up_months ?? [],
          consent: { givenOn: consent.given_on, method: consent.method, witnessName: consent.witness_name, revokedOn: consent.revoked_on },
          person: {
            fullName: facts.person.full_name, sdpNumber: facts.person.sdp_number, birthPlace: facts.person.birth_place, birthDate: facts.person.birth_date,
            caseArticles: facts.person.case_articles,
          },
          screening: facts.screening ? { overallRisk: facts.screening.overall_risk, screenedOn: facts.screening.screened_on } : null,
          className: facts.assessment?.final_class ?? null,
          programmes: facts.enrolments.map((e) => ({
            name: e.name, status: e.status, startDate: e.start_date, endedOn: e.ended_on, reason: e.outcome_reason, certificate: e.certificate_number,
          })),
          urine: {
            total: facts.urine.length, negative: facts.urine.filter((u) => u.outcome === 'negative').length, positive: positives.length,
            lastPositiveOn: positives.at(-1)?.planned_on ?? null,
          },
          ptrm: facts.ptrm ? { clinicName: facts.ptrm.clinic_name, startedOn: facts.ptrm.started_on, endedOn: facts.ptrm.ended_on } : null,
        });
        return { filename: `serah-terima-pascarehabilitasi-${row.sdp_number.replace(/[^A-Za-z0-9]+/g, '-')}.pdf`, pdf };
      });
    },

    async accept(actor: Actor, id: string, origin: RequestOrigin): Promise<AftercareReferralRecord> {
      return db.transaction().execute(async (trx) => {
        const row = await received(trx, actor, id);
        if (row.status !== 'sent') throw new AppError('CONFLICT', 'error.aftercare.alreadyAnswered');
        await repo.answerReferral(trx, row.id, { status: 'accepted', reason: null, by: actor.userId, at: now() });
        return changed(trx, actor, origin, row, { before: 'sent', after: 'accepted' });
      });
    },

    async decline(actor: Actor, id: string, reason: string, origin: RequestOrigin): Promise<AftercareReferralRecord> {
      return db.transaction().execute(async (trx) => {
        const row = await received(trx, actor, id);
        if (row.status !== 'sent') throw new AppError('CONFLICT', 'error.aftercare.alreadyAnswered');
        await repo.answerReferral(trx, row.id, { status: 'declined', reason, by: actor.userId, at: now() });
        return changed(trx, actor, origin, row, { before: 'sent', after: 'declined' });
      });
    },

    async recordFollowUp(actor: Actor, id: string, body: FollowUpBody, origin: RequestOrigin): Promise<AftercareReferralRecord> {
      notFuture('doneOn', body.doneOn);
      return db.transaction().execute(async (trx) => {
        const row = await received(trx, actor, id);
        if (row.status !== 'accepted') throw new AppError('CONFLICT', 'error.aftercare.notAccepted');
        if (row.released_on === null) throw new AppError('CONFLICT', 'error.aftercare.notReleased');
        if (!(row.follow_up_months ?? []).includes(body.month)) throw validation([{ field: 'month', message: 'validation.aftercare.notAFollowUpMonth' }]);
        if (body.doneOn < row.released_on) throw validation([{ field: 'doneOn', message: 'validation.aftercare.beforeRelease' }]);
        const inserted = await repo.insertFollowUp(trx, { referralId: row.id, ...body, by: actor.userId, at: now() });
        if (!inserted) throw new AppError('CONFLICT', 'error.aftercare.followUpRecorded');
        return changed(trx, actor, origin, row, { followUp: { month: body.month, doneOn: body.doneOn, contactMade: body.contactMade, urine: body.urine } });
      });
    },

    async close(actor: Actor, id: string, body: { outcome: AftercareOutcome; closedOn: string; note: string | null }, origin: RequestOrigin): Promise<AftercareReferralRecord> {
      notFuture('closedOn', body.closedOn);
      return db.transaction().execute(async (trx) => {
        const row = await received(trx, actor, id);
        if (row.status !== 'accepted') throw new AppError('CONFLICT', 'error.aftercare.notAccepted');
        if (body.closedOn < row.referred_on) throw validation([{ field: 'closedOn', message: 'validation.aftercare.beforeReferral' }]);
        await repo.closeReferral(trx, row.id, { ...body, by: actor.userId });
        // Closing the case ends the person's post-rehabilitation programme with the receiver.
        const endedEnrolments = await endPostRehabEnrolments(trx, { referralId: row.id }, {
          date: body.closedOn, note: translate('id', 'postRehab.endedByClosing', { outcome: translate('id', `postRehab.outcome.${body.outcome}`) }), by: actor.userId,
        });
        return changed(trx, actor, origin, row, { before: 'accepted', after: 'closed', outcome: body.outcome, endedEnrolments });
      });
    },
  };
}

export type AftercareService = ReturnType<typeof createAftercareService>;
