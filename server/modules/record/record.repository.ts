import { type RawBuilder, sql } from 'kysely';
import { TIMELINE_KINDS, type TimelineKind } from '../../../shared/contracts/record.ts';
import type { DbOrTrx } from '../../db/database.ts';

export { findPerson } from '../../db/people.ts';

// A person's timeline is read in one statement: a UNION ALL of one light branch per kind (the
// source row's id, an event number and the moment), each reading its table through the index on
// the person, sorted and cut to the page; only the page's entries then look up their details by
// primary key. The same statement counts the entries per kind from the entries it has read.

/** Jakarta wall-clock time of a timestamptz (WIB is UTC+7 all year). */
const wib = (column: RawBuilder<unknown>) => sql`((${column}) AT TIME ZONE 'UTC') + interval '7 hours'`;

/**
 * One light row per entry: rank (the kind's place in the pathway, a tie-breaker), kind, the source
 * row's id, seq (which event of that row), sort_at (Jakarta wall-clock time) and whether it has a time.
 */
function branch(kind: TimelineKind, wbpId: string, today: string): RawBuilder<unknown> {
  const head = sql`SELECT ${sql.lit(TIMELINE_KINDS.indexOf(kind) + 1)}::int AS rank, ${sql.lit(kind)}::text AS kind`;
  switch (kind) {
    case 'screening':
      return sql`${head}, s.id, 0 AS seq, s.screened_on::timestamp AS sort_at, false AS timed FROM screenings s WHERE s.wbp_id = ${wbpId}`;
    case 'assessment':
      return sql`${head}, a.id, 0 AS seq, ${wib(sql`coalesce(a.signed_at, a.created_at)`)} AS sort_at, true AS timed
        FROM assessments a WHERE a.wbp_id = ${wbpId}`;
    case 'decision':
      return sql`${head}, d.id, 0 AS seq, d.decree_date::timestamp AS sort_at, false AS timed FROM placement_decisions d WHERE d.wbp_id = ${wbpId}`;
    case 'enrolment':
      // Started on its start date; waiting (since it was made) while on the waitlist; ended on its end date.
      return sql`${head}, e.id, ev.seq, ev.sort_at, ev.timed
        FROM enrolments e
        CROSS JOIN LATERAL (VALUES
          (0, e.start_date::timestamp, false),
          (1, CASE WHEN e.status = 'waitlisted' THEN ${wib(sql`e.created_at`)} END, true),
          (2, CASE WHEN e.status IN ('completed', 'dropped', 'changed') THEN e.ended_on::timestamp END, false)
        ) AS ev (seq, sort_at, timed)
        WHERE e.wbp_id = ${wbpId} AND ev.sort_at IS NOT NULL`;
    case 'session':
      return sql`${head}, s.id, 0 AS seq, s.date + s.start_time AS sort_at, true AS timed
        FROM timetable_session_members m JOIN timetable_sessions s ON s.id = m.session_id
        WHERE m.wbp_id = ${wbpId} AND s.date <= ${today}::date`;
    case 'note':
      return sql`${head}, n.id, 0 AS seq, n.held_on::timestamp AS sort_at, false AS timed FROM counselling_notes n WHERE n.wbp_id = ${wbpId}`;
    case 'urine':
      // The day of the test, or the moment of its observed collection once collected.
      return sql`${head}, u.id, 0 AS seq, coalesce(${wib(sql`u.collected_at`)}, u.planned_on::timestamp) AS sort_at, u.collected_at IS NOT NULL AS timed
        FROM urine_tests u WHERE u.wbp_id = ${wbpId}`;
    case 'incident':
      return sql`${head}, i.id, 0 AS seq, i.occurred_on::timestamp AS sort_at, false AS timed FROM incidents i WHERE i.wbp_id = ${wbpId}`;
    case 'phase':
      return sql`${head}, c.id, 0 AS seq, c.changed_on::timestamp AS sort_at, false AS timed FROM phase_changes c WHERE c.wbp_id = ${wbpId}`;
    case 'role':
      // community_roles has no index on the person: its enrolments lead to it (enrolments_wbp_idx, community_roles_enrolment_idx).
      return sql`${head}, r.id, ev.seq, ev.sort_at, false AS timed
        FROM community_roles r
        CROSS JOIN LATERAL (VALUES (0, r.started_on::timestamp), (1, r.ended_on::timestamp)) AS ev (seq, sort_at)
        WHERE r.enrolment_id IN (SELECT e.id FROM enrolments e WHERE e.wbp_id = ${wbpId}) AND r.wbp_id = ${wbpId} AND ev.sort_at IS NOT NULL`;
    case 'conference':
      return sql`${head}, c.id, 0 AS seq, c.held_on::timestamp AS sort_at, false AS timed
        FROM case_conference_people cp JOIN case_conferences c ON c.id = cp.conference_id WHERE cp.wbp_id = ${wbpId}`;
    case 'referral':
      return sql`${head}, r.id, 0 AS seq, r.referred_on::timestamp AS sort_at, false AS timed FROM referrals r WHERE r.wbp_id = ${wbpId}`;
    case 'ptrm':
      // The record's start (0) and end (1), each reported dose (2) and each hand-over letter (3).
      return sql`${head}, r.id, ev.seq, ev.sort_at, false AS timed
          FROM ptrm_records r
          CROSS JOIN LATERAL (VALUES (0, r.started_on::timestamp), (1, r.ended_on::timestamp)) AS ev (seq, sort_at)
          WHERE r.wbp_id = ${wbpId} AND ev.sort_at IS NOT NULL
        UNION ALL
        ${head}, d.id, 2 AS seq, d.reported_on::timestamp AS sort_at, false AS timed
          FROM ptrm_dose_reports d JOIN ptrm_records r ON r.id = d.ptrm_id WHERE r.wbp_id = ${wbpId}
        UNION ALL
        ${head}, h.id, 3 AS seq, h.issued_on::timestamp AS sort_at, false AS timed FROM ptrm_handovers h WHERE h.wbp_id = ${wbpId}`;
    case 'task':
      return sql`${head}, t.id, ev.seq, ev.sort_at, true AS timed
        FROM care_tasks t
        CROSS JOIN LATERAL (VALUES
          (0, ${wib(sql`t.created_at`)}),
          (1, CASE WHEN t.status <> 'open' THEN ${wib(sql`t.closed_at`)} END)
        ) AS ev (seq, sort_at)
        WHERE t.wbp_id = ${wbpId} AND ev.sort_at IS NOT NULL`;
  }
}

/** The details of one page entry, looked up by its source row's primary key (only the matching branch runs). */
function details(wbpId: string): RawBuilder<unknown> {
  const phaseName = (code: RawBuilder<unknown>) =>
    sql`(SELECT ph ->> 'name' FROM jsonb_array_elements(pr.phases) AS ph WHERE ph ->> 'code' = ${code} LIMIT 1)`;
  return sql`CASE p.kind
    WHEN 'screening' THEN (SELECT jsonb_build_object('overallRisk', s.overall_risk, 'instrument', s.instrument) FROM screenings s WHERE s.id = p.id)
    WHEN 'assessment' THEN (SELECT jsonb_build_object('purpose', a.purpose, 'followUpPoint', a.follow_up_point, 'status', a.status, 'finalClass', a.final_class)
      FROM assessments a WHERE a.id = p.id)
    WHEN 'decision' THEN (SELECT jsonb_build_object('decreeNumber', d.decree_number, 'place', d.place, 'assessmentId', d.assessment_id)
      FROM placement_decisions d WHERE d.id = p.id)
    WHEN 'enrolment' THEN (SELECT jsonb_build_object('status', e.status, 'programmeId', pr.id, 'programmeName', pr.name, 'programmeKind', pr.kind,
        'expectedEndDate', e.expected_end_date, 'reason', e.outcome_reason)
      FROM enrolments e JOIN programmes pr ON pr.id = e.programme_id WHERE e.id = p.id)
    WHEN 'session' THEN (SELECT jsonb_build_object('programmeName', pr.name, 'sessionName', s.session_name, 'mode', s.mode,
        'start', to_char(s.start_time, 'HH24:MI'), 'end', to_char(s.end_time, 'HH24:MI'), 'attendance', a.status, 'absenceReason', a.absence_reason)
      FROM timetable_sessions s JOIN programmes pr ON pr.id = s.programme_id
      LEFT JOIN attendance a ON a.session_id = s.id AND a.wbp_id = ${wbpId}
      WHERE s.id = p.id)
    WHEN 'note' THEN (SELECT jsonb_build_object('noteKind', n.kind, 'topic', n.topic) FROM counselling_notes n WHERE n.id = p.id)
    WHEN 'urine' THEN (SELECT jsonb_build_object('reason', u.reason, 'status', u.status, 'outcome', u.outcome, 'plannedOn', u.planned_on)
      FROM urine_tests u WHERE u.id = p.id)
    WHEN 'incident' THEN (SELECT jsonb_build_object('incidentKind', i.kind) FROM incidents i WHERE i.id = p.id)
    WHEN 'phase' THEN (SELECT jsonb_build_object('direction', c.direction, 'fromPhase', c.from_phase, 'toPhase', c.to_phase,
        'fromPhaseName', ${phaseName(sql`c.from_phase`)}, 'toPhaseName', ${phaseName(sql`c.to_phase`)})
      FROM phase_changes c JOIN enrolments e ON e.id = c.enrolment_id JOIN programmes pr ON pr.id = e.programme_id WHERE c.id = p.id)
    WHEN 'role' THEN (SELECT jsonb_build_object('role', r.role) FROM community_roles r WHERE r.id = p.id)
    WHEN 'conference' THEN (SELECT jsonb_build_object('title', c.title, 'decision', cp.decision)
      FROM case_conferences c JOIN case_conference_people cp ON cp.conference_id = c.id AND cp.wbp_id = ${wbpId} WHERE c.id = p.id)
    WHEN 'referral' THEN (SELECT jsonb_build_object('referralKind', r.kind, 'toName', r.to_name) FROM referrals r WHERE r.id = p.id)
    WHEN 'ptrm' THEN CASE
      WHEN p.seq < 2 THEN (SELECT jsonb_build_object('clinicName', r.clinic_name) FROM ptrm_records r WHERE r.id = p.id)
      WHEN p.seq = 2 THEN (SELECT jsonb_build_object('clinicName', r.clinic_name, 'doseMg', d.dose_mg)
        FROM ptrm_dose_reports d JOIN ptrm_records r ON r.id = d.ptrm_id WHERE d.id = p.id)
      ELSE (SELECT jsonb_build_object('clinicName', r.clinic_name, 'handoverReason', h.reason, 'toName', h.to_name)
        FROM ptrm_handovers h JOIN ptrm_records r ON r.id = h.ptrm_id WHERE h.id = p.id)
      END
    WHEN 'task' THEN (SELECT jsonb_build_object('taskKind', t.kind, 'status', t.status, 'dueOn', t.due_on) FROM care_tasks t WHERE t.id = p.id)
  END`;
}

const union = (kinds: readonly TimelineKind[], wbpId: string, today: string) =>
  sql.join(kinds.map((kind) => branch(kind, wbpId, today)), sql` UNION ALL `);

export interface TimelineRow {
  kind: TimelineKind;
  id: string;
  /** Which event of the source row: see `branch`. */
  seq: number;
  /** Jakarta wall-clock time, YYYY-MM-DDTHH:MM:SS. */
  at: string;
  timed: boolean;
  /** The kind's details as built by `details`; checked against the contract by the service. */
  detail: Record<string, unknown> | null;
}

/**
 * One page of a person's timeline and the number of entries of each kind, in one statement that reads
 * the entries once: `kinds` are counted (kinds without entries are left out of the counts), and the
 * page shows those of them in `shown`. Newest first, ties broken by the kind's place in the pathway,
 * then the source row's id and event, so every entry has one place and pages neither repeat nor lose
 * entries. `today` (Jakarta) ends the sessions: later ones have not been held.
 */
export async function timeline(
  db: DbOrTrx,
  q: { wbpId: string; kinds: readonly TimelineKind[]; shown: readonly TimelineKind[]; today: string; limit: number; offset: number },
): Promise<{ rows: TimelineRow[]; counts: Partial<Record<TimelineKind, number>> }> {
  if (q.kinds.length === 0) return { rows: [], counts: {} };
  const shown = q.shown.length > 0 ? sql`kind IN (${sql.join(q.shown.map((k) => sql.lit(k)))})` : sql`false`;
  const order = sql`sort_at DESC, rank DESC, id DESC, seq DESC`;
  const result = await sql<{ rows: TimelineRow[]; counts: Partial<Record<TimelineKind, number>> }>`
    WITH entries AS MATERIALIZED (${union(q.kinds, q.wbpId, q.today)}), page AS (
      SELECT * FROM entries WHERE ${shown} ORDER BY ${order} LIMIT ${q.limit} OFFSET ${q.offset}
    )
    SELECT
      (SELECT coalesce(jsonb_agg(jsonb_build_object(
          'kind', p.kind, 'id', p.id, 'seq', p.seq, 'at', to_char(p.sort_at, 'YYYY-MM-DD"T"HH24:MI:SS'), 'timed', p.timed, 'detail', ${details(q.wbpId)}
        ) ORDER BY ${order}), '[]'::jsonb) FROM page p) AS rows,
      (SELECT coalesce(jsonb_object_agg(kind, n), '{}'::jsonb) FROM (SELECT kind, count(*)::int AS n FROM entries GROUP BY kind) AS c) AS counts`.execute(db);
  return result.rows[0]!;
}
