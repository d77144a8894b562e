import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { campaignList, campaignQuery, campaignRecord, campaignRequest } from '../../../shared/contracts/campaigns.ts';
import { actorOf, originOf } from '../../platform/http.ts';
import type { CampaignsService } from './campaigns.service.ts';

const facilityParams = z.object({ facilityId: z.uuid() });

/** Education campaigns (penyuluhan) of a unit. */
export async function campaignsRoutes(app: FastifyInstance, opts: { campaigns: CampaignsService }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { campaigns } = opts;

  r.get('/api/facilities/:facilityId/campaigns', {
    schema: { params: facilityParams, querystring: campaignQuery, response: { 200: campaignList } },
    config: { policy: 'campaign.read' },
  }, (request) => campaigns.list(actorOf(request), request.params.facilityId, request.query));

  r.post('/api/facilities/:facilityId/campaigns', {
    schema: { params: facilityParams, body: campaignRequest, response: { 201: campaignRecord } },
    config: { policy: 'campaign.manage' },
  }, async (request, reply) => reply.status(201).send(await campaigns.create(actorOf(request), request.params.facilityId, request.body, originOf(request))));
}
