import { type RawBuilder, sql } from 'kysely';
import { FOLLOW_UP_OUTCOMES, REHAB_TYPES } from '../../../shared/contracts/reports.ts';
import { NARCOTICS_LAW } from '../../../shared/domain/cases.ts';
import { addDays } from '../../../shared/domain/dates.ts';
import { FOLLOW_UP_OUTCOME_OF, kindsOfRehabType } from '../../../shared/domain/indicators.ts';
import type { AftercareOutcome } from '../../../shared/domain/aftercare.ts';
import type { DbOrTrx } from '../../db/database.ts';
import { inScope } from '../../db/people.ts';

// The indicator queries of the dashboards and the monthly report (issue 7), in one place. Each is
// one GROUP BY over every unit asked for at once, filtered on indexed columns (a unit and a date),
// and returns counts per unit (and, for the waiting time, per pair of days): never a person's row.
// `indicatorQueries` gives them unexecuted, so they can be compiled and run as plain SQL (the
// benchmark compares the two); `runIndicatorQueries` runs them.

export interface IndicatorParams {
  facilityIds: readonly string[];
  /** The period, both days included. */
  from: string;
  to: string;
  /** The day the occupancy is counted on: the period's last day, or today when it ends later. */
  heldOn: string;
  /** Jakarta's date today: people waiting for a decree are counted as they are now. */
  today: string;
}

/** The start of a Jakarta day as an instant: signing times are compared with it, so their index could serve. */
const startOfDay = (date: string) => new Date(`${date}T00:00:00+07:00`);

const count = (filter: RawBuilder<unknown>) => sql<number>`count(*) FILTER (WHERE ${filter})::int`;
const people = (column: RawBuilder<unknown>, filter: RawBuilder<unknown>) => sql<number>`count(DISTINCT ${column}) FILTER (WHERE ${filter})::int`;
const between = (column: string, from: string, to: string) => sql`${sql.ref(column)} BETWEEN ${from}::date AND ${to}::date`;
const drugCase = sql`array_to_string(w.case_articles, '|') LIKE ${`%${NARCOTICS_LAW}%`}`;

/** Where aftercare referrals of the period closed with an outcome, one column per outcome of the dashboard. */
const outcomeColumns = (from: string, to: string) => FOLLOW_UP_OUTCOMES.map((outcome) => {
  const stored = (Object.keys(FOLLOW_UP_OUTCOME_OF) as AftercareOutcome[]).filter((o) => FOLLOW_UP_OUTCOME_OF[o] === outcome);
  return count(sql`r.status = 'closed' AND ${between('r.closed_on', from, to)} AND r.outcome IN (${sql.join(stored)})`).as(`outcome_${outcome}`);
});

/** The queries, unexecuted: compile them (`.compile()`) to read or run their SQL. */
export function indicatorQueries(db: DbOrTrx, p: IndicatorParams) {
  const units = inScope(p.facilityIds);
  const { from, to, heldOn, today } = p;
  const signedFrom = startOfDay(from);
  const signedBefore = startOfDay(addDays(to, 1));
  const heldAt = sql`w.admission_date <= ${heldOn}::date AND (w.released_on IS NULL OR w.released_on > ${heldOn}::date)`;

  // Enrolments that ran at some time in the period: in a unit's own programmes (from a decree), or
  // in a Bapas's post-rehabilitation programme, counted for the unit that referred the person.
  const ran = (q: ReturnType<typeof enrolmentsFrom>) => q
    .where('e.start_date', 'is not', null)
    .where('e.start_date', '<=', to)
    .where((eb) => eb.or([eb('e.ended_on', 'is', null), eb('e.ended_on', '>=', from)]));
  const enrolmentsFrom = (handle: DbOrTrx) => handle.selectFrom('enrolments as e').innerJoin('programmes as p', 'p.id', 'e.programme_id');
  const inUnits = ran(enrolmentsFrom(db))
    .select(['p.facility_id as unit', 'e.wbp_id', 'p.kind', 'e.status', 'e.start_date', 'e.ended_on', sql<boolean>`true`.as('in_custody')])
    .where('e.referral_id', 'is', null)
    .where('p.facility_id', 'in', units);
  const afterRelease = ran(enrolmentsFrom(db))
    .innerJoin('referrals as r', 'r.id', 'e.referral_id')
    .select(['r.facility_id as unit', 'e.wbp_id', 'p.kind', 'e.status', 'e.start_date', 'e.ended_on', sql<boolean>`false`.as('in_custody')])
    .where('r.facility_id', 'in', units);

  return {
    /** The units themselves, with their region (the parent Kanwil) and capacity. */
    units: db.selectFrom('organizations as o')
      .select(['o.id', 'o.name', 'o.code', 'o.parent_id as region_id', 'o.capacity'])
      .where('o.id', 'in', units)
      .orderBy('o.name').orderBy('o.id'),

    /** People held at some time in the period (drug cases), and held on `heldOn` (occupancy), by the unit holding them now. */
    people: db.selectFrom('wbp as w')
      .select([
        'w.facility_id',
        count(sql`${drugCase} AND w.admission_date <= ${to}::date AND (w.released_on IS NULL OR w.released_on >= ${from}::date)`).as('drug_cases'),
        count(heldAt).as('held'),
        count(sql`${drugCase} AND ${heldAt}`).as('drug_cases_held'),
      ])
      .where('w.facility_id', 'in', units)
      .where('w.admission_date', '<=', to)
      .where((eb) => eb.or([eb('w.released_on', 'is', null), eb('w.released_on', '>=', from < heldOn ? from : heldOn)]))
      .groupBy('w.facility_id'),

    /** People screened in the period, by the screening unit. */
    screened: db.selectFrom('screenings as s')
      .select(['s.facility_id', sql<number>`count(DISTINCT s.wbp_id)::int`.as('screened')])
      .where('s.facility_id', 'in', units)
      .where('s.screened_on', '>=', from).where('s.screened_on', '<=', to)
      .groupBy('s.facility_id'),

    /** People with an initial assessment signed in the period (Jakarta days), classified, and by class. */
    assessed: db.selectFrom('assessments as a')
      .select([
        'a.facility_id',
        sql<number>`count(DISTINCT a.wbp_id)::int`.as('assessed'),
        people(sql`a.wbp_id`, sql`a.final_class IS NOT NULL`).as('classified'),
        people(sql`a.wbp_id`, sql`a.final_class = 'rendah'`).as('rendah'),
        people(sql`a.wbp_id`, sql`a.final_class = 'menengah'`).as('menengah'),
        people(sql`a.wbp_id`, sql`a.final_class = 'tinggi'`).as('tinggi'),
      ])
      .where('a.facility_id', 'in', units)
      .where('a.status', '=', 'signed')
      .where('a.purpose', '=', 'initial')
      .where('a.signed_at', '>=', signedFrom).where('a.signed_at', '<', signedBefore)
      .groupBy('a.facility_id'),

    /** People placed by a decree of the period. */
    decided: db.selectFrom('placement_decisions as d')
      .select(['d.facility_id', sql<number>`count(DISTINCT d.wbp_id)::int`.as('decided')])
      .where('d.facility_id', 'in', units)
      .where('d.decree_date', '>=', from).where('d.decree_date', '<=', to)
      .groupBy('d.facility_id'),

    /**
     * Decrees of the period by the day of the screening result that started the clock (the person's
     * latest moderate or high screening on or before the decree) and the decree's day: how many per pair.
     */
    waits: db.selectFrom('placement_decisions as d')
      .innerJoinLateral(
        (eb) => eb.selectFrom('screenings as s').select('s.screened_on')
          .whereRef('s.wbp_id', '=', 'd.wbp_id')
          .whereRef('s.screened_on', '<=', 'd.decree_date')
          .where('s.overall_risk', 'in', ['moderate', 'high'])
          .orderBy('s.screened_on', 'desc').orderBy('s.created_at', 'desc')
          .limit(1)
          .as('s'),
        (join) => join.onTrue(),
      )
      .select(['d.facility_id', 's.screened_on', 'd.decree_date', sql<number>`count(*)::int`.as('n')])
      .where('d.facility_id', 'in', units)
      .where('d.decree_date', '>=', from).where('d.decree_date', '<=', to)
      .groupBy(['d.facility_id', 's.screened_on', 'd.decree_date']),

    /**
     * People held now whose latest screening is moderate or high and who have had no decree since
     * it, by the day of that screening: how many per day (the service compares it with today).
     */
    waiting: db.selectFrom('wbp as w')
      .innerJoinLateral(
        (eb) => eb.selectFrom('screenings as s').select(['s.screened_on', 's.overall_risk'])
          .whereRef('s.wbp_id', '=', 'w.id')
          .orderBy('s.screened_on', 'desc').orderBy('s.created_at', 'desc')
          .limit(1)
          .as('s'),
        (join) => join.onTrue(),
      )
      .select(['w.facility_id', 's.screened_on', sql<number>`count(*)::int`.as('n')])
      .where('w.facility_id', 'in', units)
      .where('w.released_on', 'is', null)
      .where('s.overall_risk', 'in', ['moderate', 'high'])
      .where('s.screened_on', '<=', today)
      .where((eb) => eb.not(eb.exists(
        eb.selectFrom('placement_decisions as d').select('d.id').whereRef('d.wbp_id', '=', 'w.id').whereRef('d.decree_date', '>=', 's.screened_on'),
      )))
      .groupBy(['w.facility_id', 's.screened_on']),

    /**
     * Enrolments that ran in the period. In custody (from a decree): people who started one, people
     * who completed one, enrolments completed and dropped (started ones only) in the period and
     * active at its end. Every kind: people per rehabilitation type (shared/domain/indicators.ts).
     */
    enrolments: db.selectFrom(inUnits.unionAll(afterRelease).as('e'))
      .select([
        'e.unit',
        people(sql`e.wbp_id`, sql`e.in_custody AND ${between('e.start_date', from, to)}`).as('enrolled'),
        people(sql`e.wbp_id`, sql`e.in_custody AND e.status = 'completed' AND ${between('e.ended_on', from, to)}`).as('completed_people'),
        count(sql`e.in_custody AND e.status = 'completed' AND ${between('e.ended_on', from, to)}`).as('completed'),
        count(sql`e.in_custody AND e.status = 'dropped' AND ${between('e.ended_on', from, to)}`).as('dropped'),
        count(sql`e.in_custody AND (e.ended_on IS NULL OR e.ended_on > ${to}::date)`).as('active'),
        ...REHAB_TYPES.map((type) => people(sql`e.wbp_id`, sql`e.kind IN (${sql.join(kindsOfRehabType(type))})`).as(`type_${type}`)),
      ])
      .groupBy('e.unit'),

    /** Attendance recorded at the sessions of the period: expected (present or absent; an excused absence is not expected) and present. */
    attendance: db.selectFrom('timetable_sessions as ts')
      .innerJoin('attendance as at', 'at.session_id', 'ts.id')
      .select([
        'ts.facility_id',
        count(sql`at.status <> 'excused'`).as('expected'),
        count(sql`at.status = 'present'`).as('present'),
      ])
      .where('ts.facility_id', 'in', units)
      .where('ts.date', '>=', from).where('ts.date', '<=', to)
      .groupBy('ts.facility_id'),

    /** Urine tests planned in the period with a valid result (negative or positive), and the positive ones. */
    urine: db.selectFrom('urine_tests as t')
      .select([
        't.facility_id',
        count(sql`t.outcome IN ('negative', 'positive')`).as('tested'),
        count(sql`t.outcome = 'positive'`).as('positive'),
      ])
      .where('t.facility_id', 'in', units)
      .where('t.planned_on', '>=', from).where('t.planned_on', '<=', to)
      .where('t.status', '=', 'resulted')
      .groupBy('t.facility_id'),

    /** Aftercare referrals: people referred in the period, and referrals closed in it by outcome, by the sending unit. */
    referrals: db.selectFrom('referrals as r')
      .select([
        'r.facility_id',
        people(sql`r.wbp_id`, between('r.referred_on', from, to)).as('referred'),
        ...outcomeColumns(from, to),
      ])
      .where('r.facility_id', 'in', units)
      .where('r.kind', '=', 'aftercare')
      .where((eb) => eb.or([
        eb.and([eb('r.referred_on', '>=', from), eb('r.referred_on', '<=', to)]),
        eb.and([eb('r.closed_on', '>=', from), eb('r.closed_on', '<=', to)]),
      ]))
      .groupBy('r.facility_id'),

    /** People with an aftercare follow-up recorded in the period, by the unit that referred them. */
    followedUp: db.selectFrom('aftercare_follow_ups as f')
      .innerJoin('referrals as r', 'r.id', 'f.referral_id')
      .select(['r.facility_id', sql<number>`count(DISTINCT r.wbp_id)::int`.as('followed_up')])
      .where('r.facility_id', 'in', units)
      .where('f.done_on', '>=', from).where('f.done_on', '<=', to)
      .groupBy('r.facility_id'),
  };
}

export type IndicatorQueries = ReturnType<typeof indicatorQueries>;

/** Every indicator query, run at once on the handle given. */
export async function runIndicatorQueries(db: DbOrTrx, p: IndicatorParams) {
  const q = indicatorQueries(db, p);
  const [units, peopleRows, screened, assessed, decided, waits, waiting, enrolments, attendance, urine, referrals, followedUp] = await Promise.all([
    q.units.execute(), q.people.execute(), q.screened.execute(), q.assessed.execute(), q.decided.execute(), q.waits.execute(),
    q.waiting.execute(), q.enrolments.execute(), q.attendance.execute(), q.urine.execute(), q.referrals.execute(), q.followedUp.execute(),
  ]);
  return { units, people: peopleRows, screened, assessed, decided, waits, waiting, enrolments, attendance, urine, referrals, followedUp };
}

export type IndicatorRows = Awaited<ReturnType<typeof runIndicatorQueries>>;

/** The national holidays (setting `holidays`), which the working-day clock skips. */
export async function holidays(db: DbOrTrx): Promise<ReadonlySet<string>> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'holidays').executeTakeFirst();
  const value: unknown = row?.value;
  return new Set(Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
}

/** Every region (Kanwil) that is the parent of one of these units, with its name. */
export async function regionsOf(db: DbOrTrx, facilityIds: readonly string[]) {
  return db.selectFrom('organizations as region')
    .select(['region.id', 'region.name'])
    .where('region.kind', '=', 'kanwil')
    .where((eb) => eb.exists(eb.selectFrom('organizations as u').select('u.id').whereRef('u.parent_id', '=', 'region.id').where('u.id', 'in', inScope(facilityIds))))
    .orderBy('region.name').orderBy('region.id')
    .execute();
}

/** Organisations by id, with their parent: the units and regions a dashboard names. */
export async function organizationsByIds(db: DbOrTrx, ids: readonly string[]) {
  return db.selectFrom('organizations').select(['id', 'name', 'code', 'kind', 'parent_id']).where('id', 'in', inScope(ids)).execute();
}
