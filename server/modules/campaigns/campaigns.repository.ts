import { type Insertable, sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';

export async function partnerNamed(db: DbOrTrx, id: string) {
  return db.selectFrom('organizations').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
}

export async function insertCampaign(db: DbOrTrx, c: Insertable<Database['campaigns']>) {
  return (await db.insertInto('campaigns').values(c).returning('id').executeTakeFirstOrThrow()).id;
}

function campaigns(db: DbOrTrx) {
  return db
    .selectFrom('campaigns as c')
    .leftJoin('organizations as partner', 'partner.id', 'c.partner_id')
    .innerJoin('users as by', 'by.id', 'c.created_by');
}

const COLUMNS = [
  'c.id', 'c.facility_id', 'c.held_on', 'c.place', 'c.topic', 'c.partner_id', 'partner.name as partner_name', 'c.audience_wbp', 'c.audience_staff',
  'c.audience_family', 'c.audience_public', 'c.facilitators', 'c.note', 'by.full_name as created_by_name',
] as const;

export type CampaignRow = Awaited<ReturnType<typeof findCampaign>> & object;

export async function findCampaign(db: DbOrTrx, id: string) {
  return campaigns(db).select(COLUMNS).where('c.id', '=', id).executeTakeFirst();
}

/** A unit's campaigns of a period, newest first, with the sums per audience over the whole period. */
export async function listCampaigns(db: DbOrTrx, unitId: string, period: { from?: string | undefined; to?: string | undefined },
  page: { limit: number; offset: number }) {
  let query = campaigns(db).where('c.facility_id', '=', unitId);
  if (period.from) query = query.where('c.held_on', '>=', period.from);
  if (period.to) query = query.where('c.held_on', '<=', period.to);
  const [sums, rows] = await Promise.all([
    query
      .select([
        sql<number>`count(*)::int`.as('campaigns'),
        sql<number>`coalesce(sum(c.audience_wbp), 0)::int`.as('wbp'),
        sql<number>`coalesce(sum(c.audience_staff), 0)::int`.as('staff'),
        sql<number>`coalesce(sum(c.audience_family), 0)::int`.as('family'),
        sql<number>`coalesce(sum(c.audience_public), 0)::int`.as('public'),
      ])
      .executeTakeFirstOrThrow(),
    query.select(COLUMNS).orderBy('c.held_on', 'desc').orderBy('c.created_at', 'desc').limit(page.limit).offset(page.offset).execute(),
  ]);
  return { sums, rows };
}
