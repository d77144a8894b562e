import type { DecisionRecord, DecisionRequest, EnrolmentRecord } from '../../../shared/contracts/programmes.ts';
import { jakartaDate } from '../../../shared/domain/dates.ts';
import { decisionDue, orderWaitlist, outsideUnitAllowed, programmeEnd } from '../../../shared/domain/placement.ts';
import { workingDaysBetween } from '../../../shared/domain/workdays.ts';
import type { Db, DbOrTrx } from '../../db/database.ts';
import { type Actor, type RequestOrigin, mayWorkIn, requireFacility } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { AppError, notFound, validation } from '../../platform/errors.ts';
import { translate } from '../../platform/messages.ts';
import type { ConfigurationService } from '../configuration/configuration.service.ts';
import * as repo from './placement.repository.ts';

type EnrolmentRow = Awaited<ReturnType<typeof repo.enrolmentsOfProgramme>>[number];

function napzaOf(form: unknown): number | null {
  const value = (form as { severity?: { napza?: unknown } } | null)?.severity?.napza;
  return typeof value === 'number' ? value : null;
}

export function createPlacementService(deps: { db: Db; now: () => Date; configuration: ConfigurationService }) {
  const { db, now, configuration } = deps;

  function toEnrolment(row: EnrolmentRow, extra: { position: number | null; cannotFinish: string | null }): EnrolmentRecord {
    return {
      id: row.id, wbpId: row.wbp_id, fullName: row.full_name, sdpNumber: row.sdp_number, programmeId: row.programme_id,
      programmeName: row.programme_name, status: row.status, finalClass: row.final_class ?? 'rendah', napzaSeverity: napzaOf(row.form),
      startDate: row.start_date, expectedEndDate: row.expected_end_date, expectedReleaseDate: row.expected_release_date,
      cannotFinishReason: extra.cannotFinish, waitlistPosition: extra.position, decidedOn: row.decree_date,
    };
  }

  /** Active members and the ordered waitlist of one programme, each flagged if they cannot finish. */
  async function roster(handle: DbOrTrx, programmeId: string, lang: 'id' | 'en'): Promise<EnrolmentRecord[]> {
    const rows = await repo.enrolmentsOfProgramme(handle, programmeId);
    const today = jakartaDate(now());
    const active = rows.filter((r) => r.status === 'active').map((r) => {
      const late = r.expected_release_date !== null && r.expected_end_date !== null && r.expected_release_date < r.expected_end_date;
      return toEnrolment(r, {
        position: null,
        cannotFinish: late ? translate(lang, 'placement.cannotFinish', { release: r.expected_release_date!, end: r.expected_end_date! }) : null,
      });
    });
    const waiting = rows.filter((r) => r.status === 'waitlisted');
    const ordered = orderWaitlist(
      waiting.map((r) => ({ ...r, id: r.id, finalClass: r.final_class ?? 'rendah', napzaSeverity: napzaOf(r.form), expectedReleaseDate: r.expected_release_date, decidedOn: r.decree_date })),
      waiting[0]?.duration_weeks ?? 1,
      today,
    );
    return [
      ...active,
      ...ordered.map((e) => toEnrolment(e.candidate, {
        position: e.position,
        cannotFinish: e.cannotFinish ? translate(lang, 'placement.cannotFinish', { release: e.cannotFinish.releaseOn, end: e.cannotFinish.wouldEndOn }) : null,
      })),
    ];
  }

  async function decisionRecords(handle: DbOrTrx, wbpId: string): Promise<DecisionRecord[]> {
    const holidaySet = await configuration.holidays(handle);
    const screenedOn = await repo.latestScreeningDate(handle, wbpId);
    const dueOn = screenedOn ? decisionDue(screenedOn, holidaySet) : null;
    const decisions = await repo.decisionsOf(handle, wbpId);
    const enrolments = await repo.enrolmentsOfDecisions(handle, decisions.map((d) => d.id));
    return decisions.map((d) => ({
      id: d.id, wbpId: d.wbp_id, assessmentId: d.assessment_id, decreeNumber: d.decree_number, decreeDate: d.decree_date, place: d.place,
      note: d.note, decidedBy: d.decided_by, screenedOn, dueOn,
      workingDaysTaken: screenedOn ? workingDaysBetween(screenedOn, d.decree_date, holidaySet) : null,
      onTime: dueOn ? d.decree_date <= dueOn : null,
      enrolments: enrolments.filter((e) => e.decision_id === d.id).map((r) => toEnrolment(r, { position: null, cannotFinish: null })),
    }));
  }

  return {
    async pending(actor: Actor, facilityId: string) {
      requireFacility(actor, facilityId);
      const holidaySet = await configuration.holidays();
      const selfUse = await configuration.selfUseArticles();
      const today = jakartaDate(now());
      const rows = await repo.pending(db, facilityId);
      return {
        items: rows.map((r) => {
          const dueOn = r.screened_on ? decisionDue(r.screened_on, holidaySet) : null;
          const recommendation = r.recommendation as { types?: string[]; place?: 'inside_unit' | 'outside_unit' | null } | null;
          const left = dueOn ? (dueOn >= today ? workingDaysBetween(today, dueOn, holidaySet) : -workingDaysBetween(dueOn, today, holidaySet)) : null;
          return {
            wbpId: r.wbp_id, fullName: r.full_name, sdpNumber: r.sdp_number, assessmentId: r.assessment_id, finalClass: r.final_class ?? 'rendah',
            recommendedTypes: recommendation?.types ?? [], recommendedPlace: recommendation?.place ?? null, screenedOn: r.screened_on,
            dueOn, workingDaysLeft: left, overdue: dueOn !== null && today > dueOn, outsideAllowed: outsideUnitAllowed(r.case_articles, selfUse),
          };
        }),
      };
    },

    /**
     * The head of unit's decree: places the person in the chosen programmes, actively where there
     * is room and on the waitlist where there is not, in one transaction with its audit row.
     */
    async decide(actor: Actor, wbpId: string, input: DecisionRequest, origin: RequestOrigin): Promise<DecisionRecord> {
      const today = jakartaDate(now());
      if (input.decreeDate > today) throw validation([{ field: 'decreeDate', message: 'validation.dateInFuture' }]);
      return db.transaction().execute(async (trx) => {
        const person = await repo.findPerson(trx, wbpId, actor.facilityIds);
        if (!person) throw notFound('wbp');
        const assessment = await repo.findSignedAssessment(trx, input.assessmentId, wbpId);
        if (!assessment) throw validation([{ field: 'assessmentId', message: 'error.notFound' }]);
        if (assessment.status !== 'signed') throw validation([{ field: 'assessmentId', message: 'validation.assessmentNotSigned' }]);
        if (await repo.decisionForAssessment(trx, assessment.id)) throw new AppError('CONFLICT', 'error.alreadyDecided');
        if (await repo.decreeNumberTaken(trx, person.facility_id, input.decreeNumber)) {
          throw validation([{ field: 'decreeNumber', message: 'error.decreeNumberTaken' }]);
        }
        if (input.place === 'outside_unit' && !outsideUnitAllowed(person.case_articles, await configuration.selfUseArticles(trx))) {
          throw validation([{ field: 'place', message: 'validation.outsideOnlySelfUse' }]);
        }
        const programmes = await repo.programmesIn(trx, input.programmeIds, person.facility_id);
        if (programmes.length !== new Set(input.programmeIds).size) throw validation([{ field: 'programmeIds', message: 'error.notFound' }]);
        const inactive = programmes.find((p) => !p.active);
        if (inactive) throw validation([{ field: 'programmeIds', message: 'validation.programmeInactive' }]);
        for (const p of programmes) {
          if (await repo.openEnrolment(trx, wbpId, p.id)) throw validation([{ field: 'programmeIds', message: 'validation.alreadyEnrolled' }]);
        }
        const decisionId = await repo.insertDecision(trx, {
          wbpId, facilityId: person.facility_id, assessmentId: assessment.id, decreeNumber: input.decreeNumber, decreeDate: input.decreeDate,
          place: input.place, note: input.note, by: actor.userId, at: now(),
        });
        for (const p of programmes) {
          const room = Number(p.active_count ?? 0) < p.capacity;
          await repo.insertEnrolment(trx, {
            wbpId, programmeId: p.id, decisionId, status: room ? 'active' : 'waitlisted',
            startDate: room ? today : null, endDate: room ? programmeEnd(today, p.duration_weeks) : null, at: now(),
          });
        }
        await writeAudit(trx, { actor, origin }, {
          action: 'create', entityType: 'placement_decision', entityId: decisionId, facilityId: person.facility_id,
          details: { wbpId, decreeNumber: input.decreeNumber, programmes: input.programmeIds },
        });
        const record = (await decisionRecords(trx, wbpId)).find((d) => d.id === decisionId);
        if (!record) throw new AppError('INTERNAL', 'error.internal');
        return record;
      });
    },

    async decisions(actor: Actor, wbpId: string, origin: RequestOrigin) {
      return db.transaction().execute(async (trx) => {
        const person = await repo.findPerson(trx, wbpId, actor.facilityIds);
        if (!person) throw notFound('wbp');
        await writeAudit(trx, { actor, origin }, { action: 'read', entityType: 'placement_decision', entityId: wbpId, facilityId: person.facility_id });
        return { items: await decisionRecords(trx, wbpId) };
      });
    },

    async programmeRoster(actor: Actor, programmeId: string, origin: RequestOrigin, lang: 'id' | 'en') {
      return db.transaction().execute(async (trx) => {
        const programme = await repo.programmeFacility(trx, programmeId);
        if (!programme || !mayWorkIn(actor, programme.facility_id)) throw notFound('programme');
        await writeAudit(trx, { actor, origin }, { action: 'read', entityType: 'programme_roster', entityId: programmeId, facilityId: programme.facility_id });
        return { items: await roster(trx, programmeId, lang) };
      });
    },
  };
}

export type PlacementService = ReturnType<typeof createPlacementService>;
