import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { LegalStatus, OrgKind, Role, Sex } from '../../shared/contracts/common.ts';
import type { AgreementKind, AgreementScope } from '../../shared/domain/agreements.ts';
import type { AftercareOutcome, ConsentMethod, FollowUpUrine, ReferralStatus, ReleaseKind, ReleasePlanStatus } from '../../shared/domain/aftercare.ts';
import type { AGREEMENT_DOCUMENT_TYPES } from '../../shared/contracts/agreements.ts';

type AgreementDocumentType = (typeof AGREEMENT_DOCUMENT_TYPES)[number];

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
  /** Set when the person leaves custody (2026_11_23_0011_aftercare). */
  released_on: Generated<string | null>;
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

export interface AgreementsTable {
  id: Generated<string>;
  number: string;
  title: string;
  kind: AgreementKind;
  signed_on: DateString;
  valid_from: DateString;
  valid_until: DateString | null;
  terminated_on: DateString | null;
  termination_reason: string | null;
  terminated_by: string | null;
  scopes: ColumnType<AgreementScope[], AgreementScope[], AgreementScope[]>;
  note: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface AgreementPartiesTable {
  agreement_id: string;
  organization_id: string;
}

export interface AgreementDocumentsTable {
  id: Generated<string>;
  agreement_id: string;
  filename: string;
  content_type: AgreementDocumentType;
  size_bytes: number;
  content: Uint8Array;
  uploaded_by: string;
  uploaded_at: Timestamp;
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
  counselling_notes: CounsellingNotesTable;
  counselling_note_addenda: CounsellingNoteAddendaTable;
  incidents: IncidentsTable;
  urine_selections: UrineSelectionsTable;
  urine_tests: UrineTestsTable;
  care_tasks: CareTasksTable;
  phase_changes: PhaseChangesTable;
  community_roles: CommunityRolesTable;
  case_conferences: CaseConferencesTable;
  case_conference_attendees: CaseConferenceAttendeesTable;
  case_conference_people: CaseConferencePeopleTable;
  referrals: ReferralsTable;
  ptrm_records: PtrmRecordsTable;
  ptrm_dose_reports: PtrmDoseReportsTable;
  ptrm_handovers: PtrmHandoversTable;
  agreements: AgreementsTable;
  agreement_parties: AgreementPartiesTable;
  agreement_documents: AgreementDocumentsTable;
  release_plans: ReleasePlansTable;
  aftercare_consents: AftercareConsentsTable;
  health_platform_consents: HealthPlatformConsentsTable;
  aftercare_follow_ups: AftercareFollowUpsTable;
  trainings: TrainingsTable;
  training_participants: TrainingParticipantsTable;
  peer_counsellors: PeerCounsellorsTable;
  peer_counsellor_groups: PeerCounsellorGroupsTable;
  campaigns: CampaignsTable;
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
  /** 'follow_up' assessments belong to an enrolment and a re-assessment point (percent of its length). */
  purpose: Generated<'initial' | 'follow_up'>;
  enrolment_id: string | null;
  follow_up_point: number | null;
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
  /** The placement decree behind an enrolment in custody; null for post-rehabilitation (referral_id instead). */
  decision_id: string | null;
  /** The accepted aftercare referral behind an enrolment in a Bapas's post-rehabilitation programme. */
  referral_id: ColumnType<string | null, string | null | undefined, never>;
  status: 'active' | 'waitlisted' | 'completed' | 'dropped' | 'changed';
  start_date: DateString | null;
  expected_end_date: DateString | null;
  ended_on: DateString | null;
  outcome_reason: 'voluntary' | 'rule_violation' | 'health' | 'transfer' | 'release' | 'absconded' | 'other' | null;
  outcome_note: string | null;
  outcome_by: string | null;
  certificate_number: string | null;
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

// --- The care record (migration 0007) -----------------------------------------------------------

export interface CounsellingNotesTable {
  id: Generated<string>;
  wbp_id: string;
  facility_id: string;
  enrolment_id: string | null;
  kind: 'individual' | 'family' | 'group';
  held_on: DateString;
  topic: string;
  summary: string;
  plan: string;
  signed_by: string;
  signed_at: Timestamp;
}

export interface CounsellingNoteAddendaTable {
  id: Generated<string>;
  note_id: string;
  text: string;
  created_by: string;
  created_at: Timestamp;
}

export interface IncidentsTable {
  id: Generated<string>;
  wbp_id: string;
  facility_id: string;
  occurred_on: DateString;
  kind: 'drug_use' | 'drug_possession' | 'violence' | 'rule_violation' | 'other';
  description: string;
  action_taken: string | null;
  reported_by: string;
  created_at: Timestamp;
}

export interface UrineSelectionsTable {
  id: Generated<string>;
  facility_id: string;
  date: DateString;
  seed: string;
  /** The programmes drawn from (empty: every programme with active participants). */
  programme_ids: Json<string[]>;
  requested: number;
  /** The ordered candidate ids the draw was made from, so it can be repeated. */
  candidates: Json<string[]>;
  selected_by: string;
  created_at: Timestamp;
}

export type UrineOutcome = 'negative' | 'positive' | 'invalid';

export interface UrineTestsTable {
  id: Generated<string>;
  wbp_id: string;
  facility_id: string;
  selection_id: string | null;
  enrolment_id: string | null;
  reason: 'random' | 'entry' | 'routine' | 'exit' | 'suspicion' | 'retest';
  retest_of: string | null;
  planned_on: DateString;
  status: Generated<'planned' | 'collected' | 'sent' | 'received' | 'resulted' | 'refused' | 'cancelled'>;
  observed_by: string | null;
  collected_by: string | null;
  collected_at: Timestamp | null;
  seal_number: string | null;
  sent_to: string | null;
  sent_at: Timestamp | null;
  received_by: string | null;
  received_at: Timestamp | null;
  /** Per substance of the panel: negative, positive or invalid. */
  results: Json<Record<string, UrineOutcome>> | null;
  outcome: UrineOutcome | null;
  resulted_by: string | null;
  resulted_at: Timestamp | null;
  note: string | null;
  created_by: string;
  created_at: Timestamp;
  version: Generated<number>;
}

export interface CareTasksTable {
  id: Generated<string>;
  wbp_id: string;
  facility_id: string;
  kind: 'urine_positive' | 'incident_review';
  source_id: string | null;
  due_on: DateString;
  status: Generated<'open' | 'done' | 'cancelled'>;
  note: string | null;
  closed_by: string | null;
  closed_at: Timestamp | null;
  created_at: Timestamp;
}

export interface PhaseChangesTable {
  id: Generated<string>;
  enrolment_id: string;
  wbp_id: string;
  from_phase: string | null;
  to_phase: string;
  direction: 'promotion' | 'regression';
  reason: string;
  changed_on: DateString;
  changed_by: string;
  created_at: Timestamp;
}

export interface CommunityRolesTable {
  id: Generated<string>;
  enrolment_id: string;
  wbp_id: string;
  role: 'chief' | 'coordinator' | 'department_head' | 'expeditor' | 'buddy';
  started_on: DateString;
  ended_on: DateString | null;
  assigned_by: string;
  created_at: Timestamp;
}

export interface CaseConferencesTable {
  id: Generated<string>;
  facility_id: string;
  held_on: DateString;
  title: string;
  notes: string | null;
  created_by: string;
  created_at: Timestamp;
}

export interface CaseConferenceAttendeesTable {
  id: Generated<string>;
  conference_id: string;
  name: string;
  position: string | null;
  organization_id: string | null;
  /** An agency written out when it is not one of the organisations (migration 0008). */
  agency: string | null;
  user_id: string | null;
}

export interface CaseConferencePeopleTable {
  conference_id: string;
  wbp_id: string;
  enrolment_id: string | null;
  discussion: string;
  decision: 'continue' | 'change_programme' | 'refer' | 'complete' | 'drop_out';
  detail: Json<Record<string, unknown>>;
}

export interface ReferralsTable {
  id: Generated<string>;
  wbp_id: string;
  facility_id: string;
  kind: Generated<'clinical' | 'aftercare'>;
  to_organization_id: string | null;
  to_name: string;
  reason: string;
  referred_on: DateString;
  conference_id: string | null;
  created_by: string;
  created_at: Timestamp;
  // Aftercare referrals only (2026_11_23_0011_aftercare); null on clinical referrals.
  release_plan_id: Generated<string | null>;
  release_kind: Generated<ReleaseKind | null>;
  status: Generated<ReferralStatus | null>;
  care_plan: Generated<string | null>;
  follow_up_months: Generated<number[] | null>;
  answered_at: Generated<Date | null>;
  answered_by: Generated<string | null>;
  declined_reason: Generated<string | null>;
  outcome: Generated<AftercareOutcome | null>;
  outcome_note: Generated<string | null>;
  closed_on: Generated<string | null>;
  closed_by: Generated<string | null>;
}

export interface ReleasePlansTable {
  id: Generated<string>;
  wbp_id: string;
  facility_id: string;
  kind: ReleaseKind;
  decision_number: string | null;
  decision_date: DateString | null;
  expected_on: DateString;
  status: Generated<ReleasePlanStatus>;
  released_on: DateString | null;
  note: string | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Consent to share health data with SATUSEHAT (2026_11_23_0014): the FHIR export includes a person only while one is in force. */
/** The same columns as an aftercare consent, without the organisation: it grants no one access. */
export type HealthPlatformConsentsTable = Omit<AftercareConsentsTable, 'organization_id'>;

export interface AftercareConsentsTable {
  id: Generated<string>;
  wbp_id: string;
  organization_id: string;
  given_on: DateString;
  method: ConsentMethod;
  witness_name: string | null;
  recorded_by: string;
  created_at: Timestamp;
  revoked_on: DateString | null;
  revocation_reason: string | null;
  revoked_by: string | null;
}

export interface AftercareFollowUpsTable {
  id: Generated<string>;
  referral_id: string;
  month: number;
  done_on: DateString;
  contact_made: boolean;
  urine: FollowUpUrine;
  note: string | null;
  recorded_by: string;
  created_at: Timestamp;
}

export interface PtrmRecordsTable {
  id: Generated<string>;
  wbp_id: string;
  facility_id: string;
  clinic_name: string;
  clinic_organization_id: string | null;
  started_on: DateString;
  ended_on: DateString | null;
  note: string | null;
  created_by: string;
  created_at: Timestamp;
  version: Generated<number>;
}

export interface PtrmDoseReportsTable {
  id: Generated<string>;
  ptrm_id: string;
  /** numeric travels as a string; written as a number or a string. */
  dose_mg: ColumnType<string, number | string, number | string>;
  reported_on: DateString;
  source: string;
  recorded_by: string;
  created_at: Timestamp;
}

export interface PtrmHandoversTable {
  id: Generated<string>;
  ptrm_id: string;
  wbp_id: string;
  reason: 'transfer' | 'release';
  to_name: string;
  issued_on: DateString;
  issued_by: string;
  created_at: Timestamp;
}

// Staff trainings, peer counsellors and education campaigns (migration 0010).
/** `numeric` columns come back as strings; select them cast to float8 where a number is wanted. */
type Numeric = ColumnType<string, number | string, number | string>;

export interface TrainingsTable {
  id: Generated<string>;
  facility_id: string;
  title: string;
  kind: 'bimtek' | 'peer_counsellor' | 'other';
  starts_on: DateString;
  ends_on: DateString;
  hours: Numeric;
  organizer_id: string | null;
  organizer_name: string | null;
  place: string;
  note: string | null;
  created_by: string;
  created_at: Timestamp;
}

export interface TrainingParticipantsTable {
  id: Generated<string>;
  training_id: string;
  user_id: string | null;
  wbp_id: string | null;
  name: string;
  position: string | null;
  organization_id: string | null;
  hours_attended: Numeric;
  result: 'completed' | 'not_completed' | null;
  certificate_number: string | null;
}

export interface PeerCounsellorsTable {
  id: Generated<string>;
  wbp_id: string;
  facility_id: string;
  training_participant_id: string | null;
  started_on: DateString;
  ended_on: DateString | null;
  end_reason: 'transfer' | 'release' | 'stepped_down' | 'replaced' | 'other' | null;
  end_note: string | null;
  created_by: string;
  ended_by: string | null;
  created_at: Timestamp;
}

export interface PeerCounsellorGroupsTable {
  id: Generated<string>;
  peer_counsellor_id: string;
  programme_id: string | null;
  group_label: string | null;
  description: string | null;
}

export interface CampaignsTable {
  id: Generated<string>;
  facility_id: string;
  held_on: DateString;
  place: string;
  topic: string;
  partner_id: string | null;
  audience_wbp: Generated<number>;
  audience_staff: Generated<number>;
  audience_family: Generated<number>;
  audience_public: Generated<number>;
  facilitators: ColumnType<string[], string[] | undefined, string[]>;
  note: string | null;
  created_by: string;
  created_at: Timestamp;
}
