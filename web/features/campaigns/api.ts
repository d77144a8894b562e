import type { CampaignList, CampaignRecord, CampaignRequest } from '../../../shared/contracts/campaigns.ts';
import { api } from '../../app/api.ts';

const enc = encodeURIComponent;
const PAGE_SIZE = 25;

export interface CampaignParams { from?: string | undefined; to?: string | undefined; page: number }

export const campaignKeys = {
  all: ['campaigns'] as const,
  list: (facilityId: string, p: CampaignParams) => ['campaigns', facilityId, p] as const,
};

export function fetchCampaigns(facilityId: string, p: CampaignParams, signal?: AbortSignal): Promise<CampaignList> {
  return api<CampaignList>(`/api/facilities/${enc(facilityId)}/campaigns`, { query: { ...p, pageSize: PAGE_SIZE }, signal });
}
export function createCampaign(facilityId: string, body: CampaignRequest): Promise<CampaignRecord> {
  return api<CampaignRecord>(`/api/facilities/${enc(facilityId)}/campaigns`, { method: 'POST', json: body });
}
