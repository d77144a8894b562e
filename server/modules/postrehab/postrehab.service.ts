import type { PostRehabCandidate, PostRehabEndBody, PostRehabEnrolBody, PostRehabEnrolment } from '../../../shared/contracts/postRehab.ts';
import { jakartaDate } from '../../../shared/domain/dates.ts';
import { programmeEnd } from '../../../shared/domain/placement.ts';
import { endingDateProblems, enrolmentProblems } from '../../../shared/domain/postRehab.ts';
import type { Db, DbOrTrx } from '../../db/database.ts';
import { type Actor, type RequestOrigin, requireFacility } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { AppError, notFound, validation } from '../../platform/errors.ts';
import * as repo from './postrehab.repository.ts';

type RosterRow = Awaited<ReturnType<typeof repo.roster>>[number];

function enrolmentRecord(r: RosterRow): PostRehabEnrolment {
  return {
    id: r.id, programmeId: r.programme_id, referralId: r.referral_id ?? '', wbpId: r.wbp_id, fullName: r.full_name, sdpNumber: r.sdp_number,
    fromName: r.from_name, releasedOn: r.released_on, status: r.status, startDate: r.start_date, expectedEndDate: r.expected_end_date,
    endedOn: r.ended_on, outcomeNote: r.outcome_note,
  };
}

/**
 * A Bapas's post-rehabilitation programmes (docs/adr/0018): clients join from an accepted aftercare
 * referral with consent in force; the weekly timetable and attendance are those of every unit.
 */
export function createPostRehabService(deps: { db: Db; now: () => Date }) {
  const { db, now } = deps;

  /**
   * A post-rehabilitation programme of a unit the actor works in. Clients come only by aftercare
   * referrals, which only a Bapas, BNN or IPWL receives, so in a custodial unit there are none.
   */
  async function programmeOrThrow(handle: DbOrTrx, actor: Actor, id: string) {
    const programme = await repo.programmeOf(handle, id, actor.facilityIds);
    if (!programme) throw notFound('programme');
    if (programme.kind !== 'post_rehab') throw new AppError('CONFLICT', 'error.postRehab.notPostRehab');
    return programme;
  }

  return {
    async roster(actor: Actor, programmeId: string, origin: RequestOrigin): Promise<{ items: PostRehabEnrolment[] }> {
      return db.transaction().execute(async (trx) => {
        const programme = await programmeOrThrow(trx, actor, programmeId);
        const rows = await repo.roster(trx, programme.id);
        await writeAudit(trx, { actor, origin }, {
          action: 'read', entityType: 'post_rehab_roster', entityId: programme.id, facilityId: programme.facility_id, details: { people: rows.map((r) => r.wbp_id) },
        });
        return { items: rows.map(enrolmentRecord) };
      });
    },

    /** Clients referred to the Bapas and accepted, with consent in force, not yet in one of its programmes. */
    async candidates(actor: Actor, facilityId: string, origin: RequestOrigin): Promise<{ items: PostRehabCandidate[] }> {
      requireFacility(actor, facilityId);
      return db.transaction().execute(async (trx) => {
        const rows = await repo.candidates(trx, facilityId);
        await writeAudit(trx, { actor, origin }, {
          action: 'read', entityType: 'post_rehab_candidates', facilityId, details: { referrals: rows.map((r) => r.referral_id) },
        });
        return {
          items: rows.map((r) => ({
            referralId: r.referral_id, wbpId: r.wbp_id, fullName: r.full_name, sdpNumber: r.sdp_number, fromName: r.from_name, releasedOn: r.released_on,
            acceptedAt: r.answered_at ? r.answered_at.toISOString() : null,
          })),
        };
      });
    },

    /** Enrols a client from an accepted referral addressed to the programme's Bapas, with consent in force, after release. */
    async enrol(actor: Actor, programmeId: string, body: PostRehabEnrolBody, origin: RequestOrigin): Promise<PostRehabEnrolment> {
      return db.transaction().execute(async (trx) => {
        const programme = await programmeOrThrow(trx, actor, programmeId);
        const referral = await repo.referralForEnrolment(trx, body.referralId);
        const addressedHere = referral !== undefined && referral.to_organization_id === programme.facility_id;
        const problems = enrolmentProblems({
          addressedHere, status: referral?.status ?? null, consentInForce: referral?.consent_in_force ?? false, releasedOn: referral?.released_on ?? null,
        }, body.startDate);
        if (problems.length > 0 || !referral) {
          throw validation(problems.map((p) => ({ field: p.field, message: `validation.${p.message}` })));
        }
        if (await repo.hasOpenEnrolment(trx, referral.wbp_id, programme.id)) throw new AppError('CONFLICT', 'error.postRehab.alreadyEnrolled');
        if ((await repo.activeCount(trx, programme.id)) >= programme.capacity) throw new AppError('CONFLICT', 'error.postRehab.full');
        const id = await repo.insertEnrolment(trx, {
          wbpId: referral.wbp_id, programmeId: programme.id, referralId: referral.id, startDate: body.startDate,
          endDate: programmeEnd(body.startDate, programme.duration_weeks), at: now(),
        });
        await writeAudit(trx, { actor, origin }, {
          action: 'create', entityType: 'enrolment', entityId: id, facilityId: programme.facility_id,
          details: { wbpId: referral.wbp_id, programmeId: programme.id, referralId: referral.id, startDate: body.startDate },
        });
        const [row] = await repo.roster(trx, programme.id, id);
        if (!row) throw new AppError('INTERNAL', 'error.internal');
        return enrolmentRecord(row);
      });
    },

    /**
     * Ends an active enrolment as completed or dropped. Post-rehabilitation issues no certificate, and a
     * drop-out is stored with the reason 'other' and the note that says why (docs/adr/0018).
     */
    async end(actor: Actor, enrolmentId: string, body: PostRehabEndBody, origin: RequestOrigin): Promise<PostRehabEnrolment> {
      return db.transaction().execute(async (trx) => {
        const enrolment = await repo.enrolmentOf(trx, enrolmentId, actor.facilityIds);
        if (!enrolment) throw notFound('enrolment');
        if (enrolment.status !== 'active') throw new AppError('CONFLICT', 'error.postRehab.notActive');
        const problems = endingDateProblems(body.endedOn, enrolment.start_date, jakartaDate(now()));
        if (problems.length > 0) throw validation(problems.map((p) => ({ field: p.field, message: `validation.${p.message}` })));
        const ended = await repo.endEnrolment(trx, enrolment.id, { status: body.status, endedOn: body.endedOn, note: body.note, by: actor.userId, at: now() });
        if (!ended) throw new AppError('CONFLICT', 'error.postRehab.notActive');
        await writeAudit(trx, { actor, origin }, {
          action: 'update', entityType: 'enrolment', entityId: enrolment.id, facilityId: enrolment.facility_id,
          details: { wbpId: enrolment.wbp_id, referralId: enrolment.referral_id, before: enrolment.status, after: body.status, endedOn: body.endedOn },
        });
        const [row] = await repo.roster(trx, enrolment.programme_id, enrolment.id);
        if (!row) throw new AppError('INTERNAL', 'error.internal');
        return enrolmentRecord(row);
      });
    },
  };
}

export type PostRehabService = ReturnType<typeof createPostRehabService>;
