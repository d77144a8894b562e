import type { Risk } from '../../../shared/instruments/index.ts';
import { type CopySink, TableBuffer } from './copy.ts';
import type { PooledForm, PooledScreening } from './instruments.ts';

/** The tables the generator fills, in an order where every row's references are loaded before it. */
export function createTables() {
  return {
    organizations: new TableBuffer('organizations', [
      'id', 'parent_id', 'kind', 'code', 'name', 'ministry', 'province', 'city', 'address', 'capacity', 'can_assess', 'created_at', 'updated_at',
    ]),
    users: new TableBuffer('users', [
      'id', 'username', 'full_name', 'password_hash', 'role', 'organization_id', 'language', 'active', 'failed_logins', 'password_changed_at', 'created_at', 'updated_at',
    ]),
    organization_access: new TableBuffer('organization_access', ['grantee_id', 'facility_id', 'created_at']),
    staff_qualifications: new TableBuffer('staff_qualifications', [
      'id', 'user_id', 'kind', 'number', 'issued_on', 'expires_on', 'issuer', 'recorded_by', 'created_at',
    ]),
    classification_rules: new TableBuffer('classification_rules', ['id', 'region_id', 'version', 'rule', 'created_by', 'created_at']),
    agreements: new TableBuffer('agreements', [
      'id', 'number', 'title', 'kind', 'signed_on', 'valid_from', 'valid_until', 'scopes', 'note', 'created_by', 'created_at', 'updated_at', 'version',
    ]),
    agreement_parties: new TableBuffer('agreement_parties', ['agreement_id', 'organization_id']),
    programmes: new TableBuffer('programmes', [
      'id', 'facility_id', 'kind', 'name', 'description', 'duration_weeks', 'phases', 'capacity', 'active', 'version', 'created_at', 'updated_at',
    ]),
    programme_session_types: new TableBuffer('programme_session_types', [
      'id', 'programme_id', 'position', 'code', 'name', 'mode', 'per_week', 'every_weeks', 'duration_minutes', 'min_group', 'max_group',
    ]),
    rooms: new TableBuffer('rooms', ['id', 'facility_id', 'name', 'capacity', 'active']),
    routine_blocks: new TableBuffer('routine_blocks', ['id', 'facility_id', 'kind', 'label', 'day_of_week', 'start_time', 'end_time']),
    staff_availability: new TableBuffer('staff_availability', ['id', 'user_id', 'day_of_week', 'start_time', 'end_time']),
    wbp: new TableBuffer('wbp', [
      'id', 'sdp_number', 'full_name', 'sex', 'birth_date', 'birth_place', 'legal_status', 'case_articles', 'sentence_months', 'facility_id',
      'block', 'room', 'admission_date', 'expected_release_date', 'released_on', 'source', 'version', 'created_at', 'updated_at',
    ]),
    screenings: new TableBuffer('screenings', [
      'id', 'wbp_id', 'facility_id', 'instrument', 'instrument_version', 'answers', 'result', 'overall_risk', 'screened_on', 'screened_by', 'created_at',
    ]),
    assessments: new TableBuffer('assessments', [
      'id', 'wbp_id', 'facility_id', 'screening_id', 'status', 'instrument', 'instrument_version', 'form', 'exchange_rate', 'composites',
      'asi_problems', 'rule_class', 'rule_basis', 'rule_id', 'rule_version', 'placement', 'team_class', 'final_class', 'recommendation',
      'override_reason', 'created_by', 'signed_by', 'signed_at', 'version', 'created_at', 'updated_at', 'purpose',
    ]),
    placement_decisions: new TableBuffer('placement_decisions', [
      'id', 'wbp_id', 'facility_id', 'assessment_id', 'decree_number', 'decree_date', 'place', 'note', 'decided_by', 'created_at',
    ]),
    release_plans: new TableBuffer('release_plans', [
      'id', 'wbp_id', 'facility_id', 'kind', 'decision_number', 'decision_date', 'expected_on', 'status', 'released_on', 'note',
      'created_by', 'created_at', 'updated_at',
    ]),
    aftercare_consents: new TableBuffer('aftercare_consents', [
      'id', 'wbp_id', 'organization_id', 'given_on', 'method', 'witness_name', 'recorded_by', 'created_at',
    ]),
    referrals: new TableBuffer('referrals', [
      'id', 'wbp_id', 'facility_id', 'kind', 'to_organization_id', 'to_name', 'reason', 'referred_on', 'created_by', 'created_at',
      'release_plan_id', 'release_kind', 'status', 'care_plan', 'follow_up_months', 'answered_at', 'answered_by', 'declined_reason',
      'outcome', 'outcome_note', 'closed_on', 'closed_by',
    ]),
    enrolments: new TableBuffer('enrolments', [
      'id', 'wbp_id', 'programme_id', 'decision_id', 'referral_id', 'status', 'start_date', 'expected_end_date', 'ended_on', 'outcome_reason',
      'outcome_by', 'certificate_number', 'created_at', 'updated_at',
    ]),
    timetable_weeks: new TableBuffer('timetable_weeks', [
      'id', 'facility_id', 'week_start', 'week_index', 'required', 'placed', 'groups', 'unplaced', 'generated_by', 'generated_at',
    ]),
    timetable_sessions: new TableBuffer('timetable_sessions', [
      'id', 'week_id', 'facility_id', 'programme_id', 'session_code', 'session_name', 'mode', 'group_label', 'occurrence', 'date',
      'start_time', 'end_time', 'room_id', 'staff_id', 'version',
    ]),
    timetable_session_members: new TableBuffer('timetable_session_members', ['session_id', 'wbp_id']),
    attendance: new TableBuffer('attendance', ['session_id', 'wbp_id', 'status', 'absence_reason', 'recorded_by', 'recorded_at']),
    urine_tests: new TableBuffer('urine_tests', [
      'id', 'wbp_id', 'facility_id', 'enrolment_id', 'reason', 'planned_on', 'status', 'observed_by', 'collected_by', 'collected_at',
      'results', 'outcome', 'resulted_by', 'resulted_at', 'created_by', 'created_at', 'version',
    ]),
    care_tasks: new TableBuffer('care_tasks', [
      'id', 'wbp_id', 'facility_id', 'kind', 'source_id', 'due_on', 'status', 'note', 'closed_by', 'closed_at', 'created_at',
    ]),
    aftercare_follow_ups: new TableBuffer('aftercare_follow_ups', [
      'id', 'referral_id', 'month', 'done_on', 'contact_made', 'urine', 'note', 'recorded_by', 'created_at',
    ]),
  };
}

export type Tables = ReturnType<typeof createTables>;

/** Loads every table's waiting rows, in the order of `createTables`. */
export async function flushTables(tables: Tables, sink: CopySink): Promise<void> {
  for (const buffer of Object.values(tables)) await buffer.flush(sink);
}

export function bufferedBytes(tables: Tables): number {
  return Object.values(tables).reduce((sum, buffer) => sum + buffer.bytes, 0);
}

export interface Context {
  /** The data's "today": every date lies on or before it, except planned releases and agreements' ends. */
  anchor: string;
  /** The first day of the histories: the system has been in use since then. */
  historyStart: string;
  random: () => number;
  id: () => string;
  tables: Tables;
  screeningPool: Record<Risk, PooledScreening[]>;
  formPool: PooledForm[][];
  passwordHash: string;
  /** Running numbers that must be unique across the country. */
  serial: { sdp: number; certificate: number; releaseDecision: number };
}

/** A moment in Jakarta time (WIB, UTC+7) as an ISO timestamp: hour 7 to 23 stays on the same date in UTC. */
export function wib(date: string, hour: number, minute = 0): string {
  return `${date}T${String(hour - 7).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`;
}

/** One of the items, each as likely as its weight. */
export function weighted<T>(random: () => number, items: readonly (readonly [T, number])[]): T {
  let r = random() * items.reduce((sum, [, w]) => sum + w, 0);
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  return items[items.length - 1]![0];
}
