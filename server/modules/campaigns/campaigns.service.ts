import type { CampaignList, CampaignQuery, CampaignRecord, CampaignRequest } from '../../../shared/contracts/campaigns.ts';
import { audienceProblems, audienceTotal } from '../../../shared/domain/campaigns.ts';
import { jakartaDate } from '../../../shared/domain/dates.ts';
import type { Db } from '../../db/database.ts';
import { type Actor, type RequestOrigin, requireFacility } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { AppError, type FieldProblem, validation } from '../../platform/errors.ts';
import * as repo from './campaigns.repository.ts';

function campaignRecord(c: repo.CampaignRow): CampaignRecord {
  const audience = { wbp: c.audience_wbp, staff: c.audience_staff, family: c.audience_family, public: c.audience_public };
  return {
    id: c.id, facilityId: c.facility_id, heldOn: c.held_on, place: c.place, topic: c.topic, partnerId: c.partner_id, partnerName: c.partner_name,
    audience, total: audienceTotal(audience), facilitators: c.facilitators, note: c.note, createdBy: c.created_by_name,
  };
}

/** Education campaigns (penyuluhan) of a unit: who was reached, in numbers per group. */
export function createCampaignsService(deps: { db: Db; now: () => Date }) {
  const { db, now } = deps;

  return {
    async list(actor: Actor, unitId: string, query: CampaignQuery): Promise<CampaignList> {
      requireFacility(actor, unitId);
      if (query.from && query.to && query.to < query.from) throw validation([{ field: 'to', message: 'validation.campaign.periodReversed' }]);
      const { sums, rows } = await repo.listCampaigns(db, unitId, query, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
      const { campaigns, ...audience } = sums;
      return {
        items: rows.map(campaignRecord), page: query.page, pageSize: query.pageSize, total: campaigns,
        totals: { ...audience, all: audienceTotal(audience), campaigns },
      };
    },

    async create(actor: Actor, unitId: string, input: CampaignRequest, origin: RequestOrigin): Promise<CampaignRecord> {
      requireFacility(actor, unitId);
      const problems: FieldProblem[] = audienceProblems(input.audience);
      if (input.heldOn > jakartaDate(now())) problems.push({ field: 'heldOn', message: 'validation.campaign.heldInFuture' });
      return db.transaction().execute(async (trx) => {
        if (input.partnerId && !(await repo.partnerNamed(trx, input.partnerId))) problems.push({ field: 'partnerId', message: 'validation.campaign.unknownPartner' });
        if (problems.length > 0) throw validation(problems);
        const id = await repo.insertCampaign(trx, {
          facility_id: unitId, held_on: input.heldOn, place: input.place, topic: input.topic, partner_id: input.partnerId,
          audience_wbp: input.audience.wbp, audience_staff: input.audience.staff, audience_family: input.audience.family, audience_public: input.audience.public,
          facilitators: input.facilitators, note: input.note, created_by: actor.userId, created_at: now(),
        });
        await writeAudit(trx, { actor, origin }, { action: 'create', entityType: 'campaign', entityId: id, facilityId: unitId, details: { total: audienceTotal(input.audience) } });
        const row = await repo.findCampaign(trx, id);
        if (!row) throw new AppError('INTERNAL', 'error.internal');
        return campaignRecord(row);
      });
    },
  };
}

export type CampaignsService = ReturnType<typeof createCampaignsService>;
