import { z } from 'zod';
import { ORG_KINDS } from './common.ts';

export const facilityOverview = z.object({
  id: z.uuid(),
  name: z.string(),
  code: z.string(),
  kind: z.enum(ORG_KINDS),
  capacity: z.number().int().nullable(),
  held: z.number().int(),
  drugCases: z.number().int(),
});
export const overviewResponse = z.object({ facilities: z.array(facilityOverview) });
export type OverviewResponse = z.infer<typeof overviewResponse>;
