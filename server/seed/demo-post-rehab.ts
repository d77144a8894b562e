import { programmeEnd } from '../../shared/domain/placement.ts';
import { DEFAULT_PROGRAMMES } from '../../shared/domain/programmes.ts';
import type { DbOrTrx } from '../db/database.ts';
import { addDays } from './random.ts';

// Post-rehabilitation at Bapas Serang (docs/adr/0018): its relapse-prevention programme, a
// counselling room, the probation officer's hours, and the demo's released parolee (demo-aftercare.ts)
// enrolled from the accepted referral, so the Bapas can make its week and take attendance.

export const DEMO_POST_REHAB_PROGRAMME = 'Pascarehabilitasi — pencegahan kekambuhan';

const DEFAULT = DEFAULT_PROGRAMMES.find((p) => p.kind === 'post_rehab');

// The default relapse-prevention group needs six clients; the demo Bapas has one, so its weekly
// session is individual counselling, with the default family support and urine test every four weeks.
const SESSION_TYPES = [
  { code: 'relapse_counselling', name: 'Konseling pencegahan kekambuhan', mode: 'individual', perWeek: 1, everyWeeks: 1, durationMinutes: 60, minGroup: null, maxGroup: null },
  ...(DEFAULT?.sessionTypes.filter((t) => t.mode === 'individual') ?? []),
] as const;

/** Monday to Friday, 08:00–15:00: when the probation officer runs sessions at the Bapas. */
const HOURS = { username: 'pk.bapas', days: [1, 2, 3, 4, 5], start: '08:00', end: '15:00' };

export async function seedPostRehabilitation(trx: DbOrTrx, bapasId: string, anchor: string): Promise<void> {
  if (!DEFAULT) throw new Error('demo post-rehabilitation: no default post-rehabilitation programme');
  const officer = await trx.selectFrom('users').select('id').where('username', '=', HOURS.username).executeTakeFirstOrThrow();
  const programme = await trx
    .insertInto('programmes')
    .values({
      facility_id: bapasId, kind: 'post_rehab', name: DEMO_POST_REHAB_PROGRAMME, description: DEFAULT.description, duration_weeks: DEFAULT.durationWeeks,
      phases: JSON.stringify([]), capacity: DEFAULT.capacity, active: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('programme_session_types')
    .values(SESSION_TYPES.map((t, position) => ({
      programme_id: programme.id, position, code: t.code, name: t.name, mode: t.mode, per_week: t.perWeek, every_weeks: t.everyWeeks,
      duration_minutes: t.durationMinutes, min_group: t.minGroup, max_group: t.maxGroup,
    })))
    .execute();
  await trx.insertInto('rooms').values({ facility_id: bapasId, name: 'Ruang Konseling Bapas', capacity: 12 }).execute();
  await trx
    .insertInto('staff_availability')
    .values(HOURS.days.map((day) => ({ user_id: officer.id, day_of_week: day, start_time: HOURS.start, end_time: HOURS.end })))
    .execute();

  // The accepted parole referral of demo-aftercare.ts: released 40 days before the anchor, enrolled five days later.
  const referral = await trx
    .selectFrom('referrals')
    .select(['id', 'wbp_id'])
    .where('kind', '=', 'aftercare')
    .where('to_organization_id', '=', bapasId)
    .where('status', '=', 'accepted')
    .orderBy('referred_on')
    .executeTakeFirstOrThrow();
  const start = addDays(anchor, -35);
  await trx
    .insertInto('enrolments')
    .values({
      wbp_id: referral.wbp_id, programme_id: programme.id, referral_id: referral.id, decision_id: null, status: 'active', start_date: start,
      expected_end_date: programmeEnd(start, DEFAULT.durationWeeks),
    })
    .execute();
}
