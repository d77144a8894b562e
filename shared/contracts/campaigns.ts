import { z } from 'zod';
import { isoDate, paginationQuery } from './common.ts';

// Education campaigns (penyuluhan): who was reached is counted per group, never named.

const count = z.number().int().min(0).max(100_000);
export const audienceCounts = z.object({ wbp: count, staff: count, family: count, public: count });

export const campaignRequest = z.object({
  heldOn: isoDate,
  place: z.string().trim().min(1).max(200),
  topic: z.string().trim().min(3).max(300),
  partnerId: z.uuid().nullable().default(null),
  audience: audienceCounts,
  facilitators: z.array(z.string().trim().min(1).max(160)).max(20).default([]),
  note: z.string().trim().max(2000).nullable().default(null).transform((v) => (v === '' ? null : v)),
});
export type CampaignRequest = z.infer<typeof campaignRequest>;

export const campaignQuery = paginationQuery.extend({
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type CampaignQuery = z.infer<typeof campaignQuery>;

export const campaignRecord = z.object({
  id: z.uuid(),
  facilityId: z.uuid(),
  heldOn: z.string(),
  place: z.string(),
  topic: z.string(),
  partnerId: z.uuid().nullable(),
  partnerName: z.string().nullable(),
  audience: audienceCounts,
  total: z.number().int(),
  facilitators: z.array(z.string()),
  note: z.string().nullable(),
  createdBy: z.string(),
});
export type CampaignRecord = z.infer<typeof campaignRecord>;

export const campaignList = z.object({
  items: z.array(campaignRecord),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  /** Over every campaign of the period, not only the page. */
  totals: audienceCounts.extend({ all: z.number().int(), campaigns: z.number().int() }),
});
export type CampaignList = z.infer<typeof campaignList>;
