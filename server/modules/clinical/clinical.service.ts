import type { z } from 'zod';
import {
  type AssessmentRecord, type SaveAssessmentRequest, type ScreeningRecord, type ScreeningRequest, type worklistQuery,
} from '../../../shared/contracts/clinical.ts';
import { deriveAssessment } from '../../../shared/domain/assessment.ts';
import { isDrugCase } from '../../../shared/domain/cases.ts';
import { DEFAULT_RULE } from '../../../shared/domain/classification.ts';
import { jakartaDate } from '../../../shared/domain/dates.ts';
import { decisionDue } from '../../../shared/domain/placement.ts';
import { ASSIST_ID, ASSIST_VERSION, assistResultSchema, formulirSchema, scoreInstrument, type AssistResult } from '../../../shared/instruments/index.ts';
import type { Db, DbOrTrx } from '../../db/database.ts';
import { lockEnrolment, reassessmentPoints } from '../../db/reassessment.ts';
import { type Actor, type RequestOrigin, listScope } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { AppError, conflict, notFound, validation } from '../../platform/errors.ts';
import { assistRuleKey } from '../../platform/messages.ts';
import type { ConfigurationService } from '../configuration/configuration.service.ts';
import * as repo from './clinical.repository.ts';

type AssessmentRow = NonNullable<Awaited<ReturnType<typeof repo.findAssessment>>>;

export function createClinicalService(deps: { db: Db; now: () => Date; configuration: ConfigurationService }) {
  const { db, now, configuration } = deps;

  async function personOrThrow(handle: DbOrTrx, actor: Actor, wbpId: string) {
    const person = await repo.findPerson(handle, wbpId, actor.facilityIds);
    if (!person) throw notFound('wbp');
    return person;
  }

  async function worklist(actor: Actor, query: z.infer<typeof worklistQuery>) {
    const { items, total } = await repo.worklist(db, {
      facilityIds: listScope(actor, query.facilityId),
      q: query.q || undefined,
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    return {
      items: items.map((r) => ({
        wbpId: r.id, sdpNumber: r.sdp_number, fullName: r.full_name, block: r.block, room: r.room,
        admissionDate: r.admission_date, facilityId: r.facility_id, facilityName: r.facility_name, drugCase: isDrugCase(r.case_articles),
      })),
      page: query.page, pageSize: query.pageSize, total,
    };
  }

  async function screeningsOf(handle: DbOrTrx, wbpId: string): Promise<ScreeningRecord[]> {
    const holidaySet = await configuration.holidays(handle);
    return (await repo.listScreenings(handle, wbpId)).map((s) => ({
      id: s.id, wbpId: s.wbp_id, instrument: s.instrument, version: s.instrument_version,
      answers: s.answers, result: assistResultSchema.parse(s.result), screenedOn: s.screened_on, screenedBy: s.screened_by,
      decisionDueOn: decisionDue(s.screened_on, holidaySet), createdAt: s.created_at.toISOString(),
    }));
  }

  async function screen(actor: Actor, wbpId: string, input: ScreeningRequest, origin: RequestOrigin): Promise<ScreeningRecord> {
    const scored = scoreInstrument({ instrument: ASSIST_ID, version: ASSIST_VERSION, answers: input.answers });
    if (!scored.ok) {
      throw validation(scored.errors.map((e) => ({ field: e.path || 'answers', message: assistRuleKey(e.message), params: { detail: e.message } })));
    }
    const result = scored.result as AssistResult;
    const today = jakartaDate(now());
    const screenedOn = input.screenedOn ?? today;
    if (screenedOn > today) throw validation([{ field: 'screenedOn', message: 'validation.dateInFuture' }]);
    return db.transaction().execute(async (trx) => {
      const person = await personOrThrow(trx, actor, wbpId);
      const { id } = await repo.insertScreening(trx, {
        wbpId, facilityId: person.facility_id, answers: input.answers, result, overall: result.overall, screenedOn, by: actor.userId, at: now(),
      });
      await writeAudit(trx, { actor, origin }, {
        action: 'create', entityType: 'screening', entityId: id, facilityId: person.facility_id, details: { wbpId, overall: result.overall },
      });
      const created = (await screeningsOf(trx, wbpId)).find((s) => s.id === id);
      if (!created) throw new AppError('INTERNAL', 'error.internal');
      return created;
    });
  }

  async function screenings(actor: Actor, wbpId: string, origin: RequestOrigin) {
    return db.transaction().execute(async (trx) => {
      const person = await personOrThrow(trx, actor, wbpId);
      await writeAudit(trx, { actor, origin }, { action: 'read', entityType: 'screening', entityId: wbpId, facilityId: person.facility_id });
      return { items: await screeningsOf(trx, wbpId) };
    });
  }

  async function recordOf(handle: DbOrTrx, row: AssessmentRow): Promise<AssessmentRecord> {
    const addenda = await repo.listAddenda(handle, row.id);
    const recommendation = row.recommendation as AssessmentRecord['recommendation'];
    return {
      id: row.id, wbpId: row.wbp_id, screeningId: row.screening_id, status: row.status,
      instrument: row.instrument, instrumentVersion: row.instrument_version,
      form: formulirSchema.parse(row.form), composites: row.composites as AssessmentRecord['composites'],
      asiProblems: row.asi_problems as AssessmentRecord['asiProblems'], exchangeRate: Number(row.exchange_rate),
      classification: {
        ruleClass: row.rule_class, basis: row.rule_basis as AssessmentRecord['classification']['basis'],
        ruleId: row.rule_id, ruleVersion: row.rule_version, placement: row.placement as AssessmentRecord['classification']['placement'],
      },
      teamClass: row.team_class, finalClass: row.final_class, recommendation: recommendation ?? null, overrideReason: row.override_reason,
      purpose: row.purpose,
      followUp: row.purpose === 'follow_up' && row.enrolment_id && row.follow_up_point !== null
        ? { enrolmentId: row.enrolment_id, point: row.follow_up_point, programmeName: row.follow_up_programme_name ?? '' }
        : null,
      createdBy: row.created_by_name, signedBy: row.signed_by_name, signedAt: row.signed_at?.toISOString() ?? null,
      updatedAt: row.updated_at.toISOString(), version: row.version,
      addenda: addenda.map((a) => ({ id: a.id, text: a.text, createdBy: a.created_by, createdAt: a.created_at.toISOString() })),
    };
  }

  async function assessmentOrThrow(handle: DbOrTrx, actor: Actor, id: string): Promise<AssessmentRow> {
    const row = await repo.findAssessment(handle, id, actor.facilityIds);
    if (!row) throw notFound('assessment');
    return row;
  }

  /** Recomputes everything derived from the form, by the rule in force for the person's unit. */
  async function derive(handle: DbOrTrx, facilityId: string, wbpId: string, form: SaveAssessmentRequest['form'], rate: number) {
    const rule = await configuration.ruleFor(handle, facilityId);
    const derived = deriveAssessment(form, {
      rupiahPerUsd: rate, assistOverall: await repo.latestScreeningRisk(handle, wbpId), rule: rule?.rule ?? DEFAULT_RULE,
    });
    return {
      composites: JSON.stringify(derived.composites),
      asi_problems: JSON.stringify(derived.asiProblems),
      rule_class: derived.classification.ruleClass,
      rule_basis: derived.classification.basis,
      rule_id: rule?.id ?? null,
      rule_version: rule?.version ?? null,
      placement: JSON.stringify(derived.placement),
    };
  }

  /**
   * A new draft in the person's unit at the exchange rate in force: an initial assessment (from a
   * screening), or a follow-up of an enrolment at one of its re-assessment points.
   */
  async function insertDraft(
    trx: DbOrTrx, actor: Actor, person: { id: string; facility_id: string },
    basis: { screeningId: string | null } | { enrolmentId: string; point: number }, origin: RequestOrigin,
  ): Promise<string> {
    const { rupiahPerUsd } = await configuration.settings(trx);
    const at = now();
    const followUp = 'enrolmentId' in basis ? basis : null;
    const id = await repo.insertAssessment(trx, {
      wbp_id: person.id, facility_id: person.facility_id, screening_id: 'screeningId' in basis ? basis.screeningId : null,
      form: '{}', exchange_rate: rupiahPerUsd, created_by: actor.userId, created_at: at, updated_at: at,
      ...(followUp ? { purpose: 'follow_up' as const, enrolment_id: followUp.enrolmentId, follow_up_point: followUp.point } : {}),
      ...(await derive(trx, person.facility_id, person.id, {}, rupiahPerUsd)),
    });
    await writeAudit(trx, { actor, origin }, {
      action: 'create', entityType: 'assessment', entityId: id, facilityId: person.facility_id,
      details: followUp ? { wbpId: person.id, purpose: 'follow_up', enrolmentId: followUp.enrolmentId, point: followUp.point } : { wbpId: person.id },
    });
    return id;
  }

  async function startAssessment(actor: Actor, wbpId: string, screeningId: string | null, origin: RequestOrigin): Promise<AssessmentRecord> {
    return db.transaction().execute(async (trx) => {
      const person = await personOrThrow(trx, actor, wbpId);
      if (screeningId && !(await repo.findScreening(trx, screeningId, wbpId))) {
        throw validation([{ field: 'screeningId', message: 'error.notFound' }]);
      }
      const id = await insertDraft(trx, actor, { id: wbpId, facility_id: person.facility_id }, { screeningId }, origin);
      return recordOf(trx, await assessmentOrThrow(trx, actor, id));
    });
  }

  /**
   * The follow-up assessment of an enrolment at a configured re-assessment point: a new draft, or
   * the draft already started for that point. It is signed like any assessment and never decided on.
   */
  async function startFollowUp(actor: Actor, enrolmentId: string, point: number, origin: RequestOrigin): Promise<{ assessmentId: string; created: boolean }> {
    return db.transaction().execute(async (trx) => {
      const enrolment = await repo.findEnrolmentForFollowUp(trx, enrolmentId, actor.facilityIds);
      if (!enrolment) throw notFound('enrolment');
      if (!enrolment.start_date || (enrolment.status !== 'active' && enrolment.status !== 'completed')) {
        throw new AppError('CONFLICT', 'error.progress.enrolmentNotStarted');
      }
      const points = await reassessmentPoints(trx);
      if (!points.includes(point)) throw validation([{ field: 'point', message: 'validation.progress.unknownPoint', params: { points: points.join(', ') } }]);
      await lockEnrolment(trx, enrolmentId);
      const existing = await repo.followUpOf(trx, enrolmentId, point);
      if (existing?.status === 'signed') throw new AppError('CONFLICT', 'error.progress.pointDone');
      if (existing) return { assessmentId: existing.id, created: false };
      const id = await insertDraft(trx, actor, { id: enrolment.wbp_id, facility_id: enrolment.facility_id }, { enrolmentId, point }, origin);
      return { assessmentId: id, created: true };
    });
  }

  async function getAssessment(actor: Actor, id: string, origin: RequestOrigin): Promise<AssessmentRecord> {
    return db.transaction().execute(async (trx) => {
      const row = await assessmentOrThrow(trx, actor, id);
      await writeAudit(trx, { actor, origin }, { action: 'read', entityType: 'assessment', entityId: id, facilityId: row.facility_id });
      return recordOf(trx, row);
    });
  }

  async function assessmentsOf(actor: Actor, wbpId: string, origin: RequestOrigin) {
    return db.transaction().execute(async (trx) => {
      const person = await personOrThrow(trx, actor, wbpId);
      await writeAudit(trx, { actor, origin }, { action: 'read', entityType: 'assessment', entityId: wbpId, facilityId: person.facility_id, details: { list: true } });
      return {
        items: (await repo.listAssessments(trx, wbpId)).map((a) => ({
          id: a.id, status: a.status, finalClass: a.final_class, signedAt: a.signed_at?.toISOString() ?? null,
          updatedAt: a.updated_at.toISOString(), createdBy: a.created_by, signedBy: a.signed_by, purpose: a.purpose, followUpPoint: a.follow_up_point,
        })),
      };
    });
  }

  /** Saves a draft (as the assessor types): only drafts change, and only from the version seen. */
  async function saveDraft(actor: Actor, id: string, input: SaveAssessmentRequest, origin: RequestOrigin): Promise<AssessmentRecord> {
    return db.transaction().execute(async (trx) => {
      const row = await assessmentOrThrow(trx, actor, id);
      if (row.status === 'signed') throw new AppError('CONFLICT', 'error.assessmentSigned');
      const changes = {
        form: JSON.stringify(input.form),
        team_class: input.teamClass,
        recommendation: input.recommendation ? JSON.stringify(input.recommendation) : null,
        override_reason: input.overrideReason,
        updated_at: now(),
        ...(await derive(trx, row.facility_id, row.wbp_id, input.form, Number(row.exchange_rate))),
      };
      if (!(await repo.updateDraft(trx, id, input.version, changes))) throw conflict();
      await writeAudit(trx, { actor, origin }, { action: 'update', entityType: 'assessment', entityId: id, facilityId: row.facility_id });
      return recordOf(trx, await assessmentOrThrow(trx, actor, id));
    });
  }

  /**
   * Signing needs a valid ASI assessor qualification, and for partner staff an organisation
   * allowed to assess; a class that departs from the rule needs the team's reason.
   */
  async function sign(actor: Actor, id: string, version: number, origin: RequestOrigin): Promise<AssessmentRecord> {
    return db.transaction().execute(async (trx) => {
      const row = await assessmentOrThrow(trx, actor, id);
      if (row.status === 'signed') throw new AppError('CONFLICT', 'error.assessmentSigned');
      const today = jakartaDate(now());
      if (!(await repo.hasValidQualification(trx, actor.userId, 'asi_assessor', today))) {
        throw new AppError('FORBIDDEN', 'error.notQualified');
      }
      if (!(await repo.organizationMayAssess(trx, actor.organizationId))) throw new AppError('FORBIDDEN', 'error.organizationMayNotAssess');
      const finalClass = row.team_class ?? row.rule_class;
      if (!finalClass) throw validation([{ field: 'teamClass', message: 'validation.classRequired' }]);
      // Departing from the rule, in the class or in the kind of rehabilitation, needs the team's reason.
      const recommended = (row.recommendation as AssessmentRecord['recommendation'])?.types ?? null;
      const placement = row.placement as string[];
      const typesDepart = recommended !== null && (recommended.length !== placement.length || recommended.some((t) => !placement.includes(t)));
      const classDeparts = row.rule_class !== null && row.team_class !== null && row.team_class !== row.rule_class;
      if ((classDeparts || typesDepart) && !row.override_reason) {
        throw validation([{ field: 'overrideReason', message: 'validation.overrideReasonRequired' }]);
      }
      const signed = await repo.updateDraft(trx, id, version, { status: 'signed', final_class: finalClass, signed_by: actor.userId, signed_at: now(), updated_at: now() });
      if (!signed) throw conflict();
      await writeAudit(trx, { actor, origin }, {
        action: 'sign', entityType: 'assessment', entityId: id, facilityId: row.facility_id,
        details: { finalClass, ruleClass: row.rule_class, ruleVersion: row.rule_version, override: classDeparts || typesDepart },
      });
      return recordOf(trx, await assessmentOrThrow(trx, actor, id));
    });
  }

  async function addAddendum(actor: Actor, id: string, text: string, origin: RequestOrigin): Promise<AssessmentRecord> {
    return db.transaction().execute(async (trx) => {
      const row = await assessmentOrThrow(trx, actor, id);
      if (row.status !== 'signed') throw new AppError('CONFLICT', 'error.addendumNeedsSigned');
      const addendumId = await repo.insertAddendum(trx, id, text, actor.userId, now());
      await writeAudit(trx, { actor, origin }, { action: 'create', entityType: 'assessment_addendum', entityId: addendumId, facilityId: row.facility_id, details: { assessmentId: id } });
      return recordOf(trx, row);
    });
  }

  return { worklist, screen, screenings, startAssessment, startFollowUp, getAssessment, assessmentsOf, saveDraft, sign, addAddendum };
}

export type ClinicalService = ReturnType<typeof createClinicalService>;
