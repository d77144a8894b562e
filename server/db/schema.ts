import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { LegalStatus, OrgKind, Role, Sex } from '../../shared/contracts/common.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** `date` columns travel as ISO strings (YYYY-MM-DD) on both drivers; see database.ts. */
type DateString = ColumnType<string, string, string>;

export interface OrganizationsTable {
  id: Generated<string>;
  parent_id: string | null;
  kind: OrgKind;
  code: string;
  name: string;
  ministry: string | null;
  province: string | null;
  city: string | null;
  address: string | null;
  capacity: number | null;
  can_assess: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OrganizationAccessTable {
  grantee_id: string;
  facility_id: string;
  created_at: Timestamp;
}

export interface UsersTable {
  id: Generated<string>;
  username: string;
  full_name: string;
  password_hash: string;
  role: Role;
  organization_id: string;
  language: Generated<'id' | 'en'>;
  active: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  password_changed_at: Timestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Date | null;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor_user_id: string | null;
  actor_username: string | null;
  actor_org_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  facility_id: string | null;
  ip: string | null;
  user_agent: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, never>;
}

export interface WbpTable {
  id: Generated<string>;
  sdp_number: string;
  full_name: string;
  sex: Sex;
  birth_date: DateString | null;
  birth_place: string | null;
  legal_status: LegalStatus;
  case_articles: ColumnType<string[], string[] | undefined, string[]>;
  sentence_months: number | null;
  facility_id: string;
  block: string | null;
  room: string | null;
  admission_date: DateString;
  expected_release_date: DateString | null;
  source: Generated<'manual' | 'sdp'>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface WbpTransfersTable {
  id: Generated<string>;
  wbp_id: string;
  from_facility_id: string;
  to_facility_id: string;
  transfer_date: DateString;
  reason: string;
  recorded_by: string | null;
  created_at: Timestamp;
}

export interface Database {
  organizations: OrganizationsTable;
  organization_access: OrganizationAccessTable;
  users: UsersTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  wbp: WbpTable;
  wbp_transfers: WbpTransfersTable;
  settings: SettingsTable;
  screenings: ScreeningsTable;
  staff_qualifications: StaffQualificationsTable;
  classification_rules: ClassificationRulesTable;
  assessments: AssessmentsTable;
  assessment_addenda: AssessmentAddendaTable;
  programmes: ProgrammesTable;
  programme_session_types: ProgrammeSessionTypesTable;
  placement_decisions: PlacementDecisionsTable;
  enrolments: EnrolmentsTable;
  routine_blocks: RoutineBlocksTable;
  routine_exceptions: RoutineExceptionsTable;
  rooms: RoomsTable;
  court_dates: CourtDatesTable;
  non_associations: NonAssociationsTable;
  staff_availability: StaffAvailabilityTable;
  timetable_weeks: TimetableWeeksTable;
  timetable_sessions: TimetableSessionsTable;
  timetable_session_members: TimetableSessionMembersTable;
  attendance: AttendanceTable;
  calendar_tokens: CalendarTokensTable;
}

export type OrganizationRow = Selectable<OrganizationsTable>;
export type UserRow = Selectable<UsersTable>;
export type WbpRow = Selectable<WbpTable>;
export type NewWbp = Insertable<WbpTable>;
export type WbpUpdate = Updateable<WbpTable>;

type Json<T> = ColumnType<T, string, string>;

export interface SettingsTable {
  key: string;
  value: Json<unknown>;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface ScreeningsTable {
  id: Generated<string>;
  wbp_id: string;
  facility_id: string;
  instrument: string;
  instrument_version: string;
  answers: Json<Record<string, unknown>>;
  result: Json<unknown>;
  overall_risk: 'low' | 'moderate' | 'high';
  screened_on: DateString;
  screened_by: string | null;
  created_at: Timestamp;
}

export interface StaffQualificationsTable {
  id: Generated<string>;
  user_id: string;
  kind: 'asi_assessor' | 'addiction_counsellor' | 'doctor' | 'psychologist';
  number: string;
  issued_on: DateString;
  expires_on: DateString | null;
  issuer: string | null;
  recorded_by: string | null;
  created_at: Timestamp;
}

export interface ClassificationRulesTable {
  id: Generated<string>;
  region_id: string | null;
  version: number;
  rule: Json<unknown>;
  created_by: string | null;
  created_at: Timestamp;
}

type ClassName = 'rendah' | 'menengah' | 'tinggi';

export interface AssessmentsTable {
  id: Generated<string>;
  wbp_id: string;
  facility_id: string;
  screening_id: string | null;
  status: Generated<'draft' | 'signed'>;
  instrument: Generated<string>;
  instrument_version: Generated<string>;
  form: Json<unknown>;
  exchange_rate: ColumnType<string, number | string, number | string>;
  composites: Json<unknown>;
  asi_problems: Json<unknown>;
  rule_class: ClassName | null;
  rule_basis: Generated<string>;
  rule_id: string | null;
  rule_version: number | null;
  placement: Json<unknown>;
  team_class: ClassName | null;
  final_class: ClassName | null;
  recommendation: ColumnType<unknown, string | null, string | null>;
  override_reason: string | null;
  created_by: string | null;
  signed_by: string | null;
  signed_at: Date | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AssessmentAddendaTable {
  id: Generated<string>;
  assessment_id: string;
  text: string;
  created_by: string | null;
  created_at: Timestamp;
}

export interface ProgrammesTable {
  id: Generated<string>;
  facility_id: string;
  kind: 'education' | 'medical' | 'social' | 'post_rehab' | 'ptrm' | 'vct_counselling';
  name: string;
  description: string | null;
  duration_weeks: number;
  phases: Json<unknown>;
  capacity: number;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProgrammeSessionTypesTable {
  id: Generated<string>;
  programme_id: string;
  position: number;
  code: string;
  name: string;
  mode: 'group' | 'individual' | 'community';
  per_week: number;
  every_weeks: number;
  duration_minutes: number;
  min_group: number | null;
  max_group: number | null;
}

export interface PlacementDecisionsTable {
  id: Generated<string>;
  wbp_id: string;
  facility_id: string;
  assessment_id: string;
  decree_number: string;
  decree_date: DateString;
  place: 'inside_unit' | 'outside_unit';
  note: string | null;
  decided_by: string;
  created_at: Timestamp;
}

export interface EnrolmentsTable {
  id: Generated<string>;
  wbp_id: string;
  programme_id: string;
  decision_id: string;
  status: 'active' | 'waitlisted' | 'completed' | 'dropped';
  start_date: DateString | null;
  expected_end_date: DateString | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** `time` columns travel as 'HH:MM:SS' strings on both drivers. */
type TimeString = ColumnType<string, string, string>;

export interface RoutineBlocksTable {
  id: Generated<string>;
  facility_id: string;
  kind: 'roll_call' | 'meal' | 'worship' | 'work' | 'sports' | 'visits' | 'lock_up' | 'other';
  label: string;
  day_of_week: number;
  start_time: TimeString;
  end_time: TimeString;
}

export interface RoutineExceptionsTable {
  id: Generated<string>;
  facility_id: string;
  kind: 'holiday' | 'lockdown' | 'other';
  label: string;
  date: DateString;
  start_time: TimeString | null;
  end_time: TimeString | null;
}

export interface RoomsTable {
  id: Generated<string>;
  facility_id: string;
  name: string;
  capacity: number;
  active: Generated<boolean>;
}

export interface CourtDatesTable {
  id: Generated<string>;
  wbp_id: string;
  date: DateString;
  start_time: TimeString | null;
  end_time: TimeString | null;
  note: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface NonAssociationsTable {
  id: Generated<string>;
  wbp_a: string;
  wbp_b: string;
  reason: string;
  created_by: string | null;
  created_at: Timestamp;
}

export interface StaffAvailabilityTable {
  id: Generated<string>;
  user_id: string;
  day_of_week: number;
  start_time: TimeString;
  end_time: TimeString;
}

export interface TimetableWeeksTable {
  id: Generated<string>;
  facility_id: string;
  week_start: DateString;
  week_index: number;
  required: number;
  placed: number;
  groups: ColumnType<unknown, string, string>;
  unplaced: ColumnType<unknown, string, string>;
  generated_by: string | null;
  generated_at: Timestamp;
}

export interface TimetableSessionsTable {
  id: Generated<string>;
  week_id: string;
  facility_id: string;
  programme_id: string;
  session_code: string;
  session_name: string;
  mode: 'group' | 'individual' | 'community';
  group_label: string | null;
  occurrence: number;
  date: DateString;
  start_time: TimeString;
  end_time: TimeString;
  room_id: string;
  staff_id: string;
  moved_by: string | null;
  moved_at: Timestamp | null;
  version: Generated<number>;
}

export interface TimetableSessionMembersTable {
  session_id: string;
  wbp_id: string;
}

export interface AttendanceTable {
  session_id: string;
  wbp_id: string;
  status: 'present' | 'absent' | 'excused';
  absence_reason: 'court' | 'sick' | 'visit' | 'refused' | 'security' | 'transferred' | 'other' | null;
  note: string | null;
  recorded_by: string;
  recorded_at: Timestamp;
}

export interface CalendarTokensTable {
  user_id: string;
  token_hash: string;
  created_at: Timestamp;
}
