import { sql } from 'kysely';
import { type ResearchEventSource, formMainSubstance, mainAssistSubstance } from '../../../shared/domain/exports.ts';
import type { DbOrTrx } from '../../db/database.ts';
import { inScope } from '../../db/people.ts';

export interface Period {
  from: string;
  to: string;
}

/** A signed assessment's day is its signing day in Jakarta. */
const signedOn = sql<string>`to_char(a.signed_at AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM-DD')`;

// --- The installation's research secret (settings), made once on first use ------------------------

const SECRET_KEY = 'researchExportSecret';

export async function researchSecret(db: DbOrTrx): Promise<string | undefined> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', SECRET_KEY).executeTakeFirst();
  return typeof row?.value === 'string' ? row.value : undefined;
}

/** Stores the secret unless another request stored one first; the stored one is what counts. */
export async function keepResearchSecret(db: DbOrTrx, secret: string, at: Date): Promise<void> {
  await db.insertInto('settings').values({ key: SECRET_KEY, value: JSON.stringify(secret), updated_at: at, updated_by: null })
    .onConflict((oc) => oc.column('key').doNothing()).execute();
}

// --- Research --------------------------------------------------------------------------------------

/** People whose unit is in scope and who were held at some time in the period. Codes and dates only: no name leaves this query. */
export async function researchPeople(db: DbOrTrx, facilityIds: readonly string[], period: Period) {
  return db
    .selectFrom('wbp as w')
    .innerJoin('organizations as u', 'u.id', 'w.facility_id')
    .leftJoin('organizations as region', 'region.id', 'u.parent_id')
    .select([
      'w.id', 'u.code as unit_code', 'region.code as region_code', 'w.sex', 'w.birth_date', 'w.legal_status', 'w.sentence_months',
      'w.admission_date', 'w.released_on',
      sql<boolean>`array_to_string(w.case_articles, '|') LIKE '%35/2009%'`.as('narcotics_case'),
    ])
    .where('w.facility_id', 'in', inScope(facilityIds))
    .where('w.admission_date', '<=', period.to)
    .where((eb) => eb.or([eb('w.released_on', 'is', null), eb('w.released_on', '>=', period.from)]))
    .orderBy('w.id')
    .execute();
}

/** Every screening, signed assessment, enrolment, resulted urine test and referral of the period in units in scope: codes only. */
export async function researchEvents(db: DbOrTrx, facilityIds: readonly string[], period: Period): Promise<ResearchEventSource[]> {
  const units = inScope(facilityIds);
  const [screenings, assessments, enrolments, urine, referrals] = await Promise.all([
    db.selectFrom('screenings as s').innerJoin('organizations as u', 'u.id', 's.facility_id')
      .select(['s.wbp_id', 's.screened_on', 'u.code', 's.instrument', 's.overall_risk', 's.result'])
      .where('s.facility_id', 'in', units).where('s.screened_on', '>=', period.from).where('s.screened_on', '<=', period.to)
      .orderBy('s.screened_on').orderBy('s.id').execute(),
    db.selectFrom('assessments as a').innerJoin('organizations as u', 'u.id', 'a.facility_id')
      .select(['a.wbp_id', signedOn.as('signed_on'), 'u.code', 'a.purpose', 'a.final_class', 'a.form'])
      .where('a.facility_id', 'in', units).where('a.status', '=', 'signed')
      .where(signedOn, '>=', period.from).where(signedOn, '<=', period.to)
      .orderBy('a.signed_at').orderBy('a.id').execute(),
    db.selectFrom('enrolments as e').innerJoin('programmes as p', 'p.id', 'e.programme_id').innerJoin('organizations as u', 'u.id', 'p.facility_id')
      .select(['e.wbp_id', 'e.start_date', 'e.ended_on', 'u.code', 'p.kind', 'e.status', 'e.outcome_reason'])
      .where('p.facility_id', 'in', units).where('e.start_date', 'is not', null)
      .where('e.start_date', '<=', period.to)
      .where((eb) => eb.or([eb('e.ended_on', 'is', null), eb('e.ended_on', '>=', period.from)]))
      .orderBy('e.start_date').orderBy('e.id').execute(),
    db.selectFrom('urine_tests as t').innerJoin('organizations as u', 'u.id', 't.facility_id')
      .select(['t.wbp_id', 't.planned_on', 'u.code', 't.reason', 't.status', 't.outcome'])
      .where('t.facility_id', 'in', units).where('t.planned_on', '>=', period.from).where('t.planned_on', '<=', period.to)
      .where('t.status', 'in', ['resulted', 'refused'])
      .orderBy('t.planned_on').orderBy('t.id').execute(),
    db.selectFrom('referrals as r').innerJoin('organizations as u', 'u.id', 'r.facility_id').leftJoin('organizations as to', 'to.id', 'r.to_organization_id')
      .select(['r.wbp_id', 'r.referred_on', 'r.closed_on', 'u.code', 'r.kind', 'r.status', 'r.outcome', 'r.release_kind', 'to.kind as to_kind'])
      .where('r.facility_id', 'in', units).where('r.referred_on', '>=', period.from).where('r.referred_on', '<=', period.to)
      .orderBy('r.referred_on').orderBy('r.id').execute(),
  ]);
  return [
    ...screenings.map((s) => ({
      personId: s.wbp_id, event: 'screening' as const, date: s.screened_on, endDate: null, unitCode: s.code, kind: s.instrument,
      result: s.overall_risk, reason: null, substance: mainAssistSubstance(s.result), partnerKind: null,
    })),
    ...assessments.map((a) => ({
      personId: a.wbp_id, event: 'assessment' as const, date: a.signed_on, endDate: null, unitCode: a.code, kind: a.purpose,
      result: a.final_class, reason: null, substance: formMainSubstance(a.form), partnerKind: null,
    })),
    ...enrolments.flatMap((e) => (e.start_date === null ? [] : [{
      personId: e.wbp_id, event: 'enrolment' as const, date: e.start_date, endDate: e.ended_on, unitCode: e.code, kind: e.kind,
      result: e.status, reason: e.outcome_reason, substance: null, partnerKind: null,
    }])),
    ...urine.map((t) => ({
      personId: t.wbp_id, event: 'urine_test' as const, date: t.planned_on, endDate: null, unitCode: t.code, kind: t.reason,
      result: t.status === 'refused' ? 'refused' : t.outcome, reason: null, substance: null, partnerKind: null,
    })),
    ...referrals.map((r) => ({
      personId: r.wbp_id, event: 'referral' as const, date: r.referred_on, endDate: r.closed_on, unitCode: r.code, kind: r.kind,
      result: r.kind === 'aftercare' ? (r.outcome ?? r.status) : null, reason: r.release_kind, substance: null, partnerKind: r.to_kind,
    })),
  ];
}

// --- SIRENA ----------------------------------------------------------------------------------------

/** Enrolments in the unit's programmes that ran at some time in the period (started, not waitlisted). */
function servicesOf(db: DbOrTrx, unitId: string, period: Period) {
  return db
    .selectFrom('enrolments as e')
    .innerJoin('programmes as p', 'p.id', 'e.programme_id')
    .where('p.facility_id', '=', unitId)
    .where('e.start_date', 'is not', null)
    .where('e.start_date', '<=', period.to)
    .where((eb) => eb.or([eb('e.ended_on', 'is', null), eb('e.ended_on', '>=', period.from)]));
}

/**
 * The unit's clients of the period: people held by the unit (now) who were screened or assessed
 * there in the period or took part in one of its programmes, with their latest screening and
 * signed initial assessment up to the period's end.
 */
export async function sirenaClients(db: DbOrTrx, unitId: string, period: Period) {
  const screened = db.selectFrom('screenings').select('wbp_id').where('facility_id', '=', unitId)
    .where('screened_on', '>=', period.from).where('screened_on', '<=', period.to);
  const assessed = db.selectFrom('assessments as a').select('a.wbp_id').where('a.facility_id', '=', unitId).where('a.status', '=', 'signed')
    .where(signedOn, '>=', period.from).where(signedOn, '<=', period.to);
  const served = servicesOf(db, unitId, period).select('e.wbp_id');
  const people = await db
    .selectFrom('wbp as w')
    .innerJoin('organizations as u', 'u.id', 'w.facility_id')
    .select(['w.id', 'w.sdp_number', 'w.full_name', 'w.sex', 'w.birth_date', 'w.birth_place', 'w.legal_status', 'w.admission_date', 'u.code', 'u.name'])
    .where('w.facility_id', '=', unitId)
    .where('w.id', 'in', screened.union(assessed).union(served))
    .orderBy('w.full_name').orderBy('w.id')
    .execute();
  if (people.length === 0) return [];
  const ids = people.map((p) => p.id);
  const [screenings, assessments] = await Promise.all([
    db.selectFrom('screenings').distinctOn('wbp_id').select(['wbp_id', 'screened_on', 'overall_risk', 'result'])
      .where('wbp_id', 'in', ids).where('facility_id', '=', unitId).where('screened_on', '<=', period.to)
      .orderBy('wbp_id').orderBy('screened_on', 'desc').orderBy('created_at', 'desc').execute(),
    db.selectFrom('assessments as a').distinctOn('a.wbp_id').select(['a.wbp_id', signedOn.as('signed_on'), 'a.final_class', 'a.form'])
      .where('a.wbp_id', 'in', ids).where('a.facility_id', '=', unitId).where('a.status', '=', 'signed').where('a.purpose', '=', 'initial')
      .where(signedOn, '<=', period.to)
      .orderBy('a.wbp_id').orderBy('a.signed_at', 'desc').execute(),
  ]);
  const screeningOf = new Map(screenings.map((s) => [s.wbp_id, s]));
  const assessmentOf = new Map(assessments.map((a) => [a.wbp_id, a]));
  return people.map((p) => ({ person: p, screening: screeningOf.get(p.id), assessment: assessmentOf.get(p.id) }));
}

/** The unit's services of the period: one row per enrolment, with the sessions whose attendance was recorded and those attended. */
export async function sirenaServices(db: DbOrTrx, unitId: string, period: Period) {
  return servicesOf(db, unitId, period)
    .innerJoin('wbp as w', 'w.id', 'e.wbp_id')
    .innerJoin('organizations as u', 'u.id', 'p.facility_id')
    .select((eb) => [
      'w.sdp_number', 'w.full_name', 'u.code', 'p.kind', 'p.name as programme_name', 'e.start_date', 'e.expected_end_date', 'e.ended_on',
      'e.status', 'e.outcome_reason',
      eb.selectFrom('attendance as at').innerJoin('timetable_sessions as ts', 'ts.id', 'at.session_id')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('at.wbp_id', '=', 'e.wbp_id').whereRef('ts.programme_id', '=', 'e.programme_id')
        .where('ts.date', '>=', period.from).where('ts.date', '<=', period.to)
        .as('sessions_recorded'),
      eb.selectFrom('attendance as at').innerJoin('timetable_sessions as ts', 'ts.id', 'at.session_id')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('at.wbp_id', '=', 'e.wbp_id').whereRef('ts.programme_id', '=', 'e.programme_id').where('at.status', '=', 'present')
        .where('ts.date', '>=', period.from).where('ts.date', '<=', period.to)
        .as('sessions_present'),
    ])
    .orderBy('w.full_name').orderBy('e.start_date').orderBy('e.id')
    .execute();
}
