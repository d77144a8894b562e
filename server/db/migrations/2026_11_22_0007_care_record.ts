import { type Kysely, sql } from 'kysely';

// What happens to a person during the programme, and whether it works: counselling notes,
// incidents, urine tests with their chain of custody, follow-up tasks, Therapeutic Community
// phases and peer roles, re-assessment, case conferences and their decisions, outcomes,
// referrals and methadone (PTRM) continuity. Frozen once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Notes and their addenda are signed clinical records: written once, corrected by addendum.
  await sql`
    CREATE FUNCTION clinical_record_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION '% is a signed record: it cannot be changed or removed; add an addendum', TG_TABLE_NAME;
    END $$`.execute(db);

  await sql`
    CREATE TABLE counselling_notes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      wbp_id uuid NOT NULL REFERENCES wbp(id),
      facility_id uuid NOT NULL REFERENCES organizations(id),
      enrolment_id uuid REFERENCES enrolments(id),
      kind text NOT NULL CHECK (kind IN ('individual','family','group')),
      held_on date NOT NULL,
      topic text NOT NULL,
      summary text NOT NULL,
      plan text NOT NULL,
      signed_by uuid NOT NULL REFERENCES users(id),
      signed_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX counselling_notes_wbp_idx ON counselling_notes (wbp_id, held_on DESC)`.execute(db);
  await sql`
    CREATE TRIGGER counselling_notes_immutable BEFORE UPDATE OR DELETE ON counselling_notes
    FOR EACH ROW EXECUTE FUNCTION clinical_record_is_immutable()`.execute(db);
  await sql`
    CREATE TABLE counselling_note_addenda (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      note_id uuid NOT NULL REFERENCES counselling_notes(id),
      text text NOT NULL,
      created_by uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX counselling_note_addenda_idx ON counselling_note_addenda (note_id, created_at)`.execute(db);
  await sql`
    CREATE TRIGGER counselling_note_addenda_immutable BEFORE UPDATE OR DELETE ON counselling_note_addenda
    FOR EACH ROW EXECUTE FUNCTION clinical_record_is_immutable()`.execute(db);

  await sql`
    CREATE TABLE incidents (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      wbp_id uuid NOT NULL REFERENCES wbp(id),
      facility_id uuid NOT NULL REFERENCES organizations(id),
      occurred_on date NOT NULL,
      kind text NOT NULL CHECK (kind IN ('drug_use','drug_possession','violence','rule_violation','other')),
      description text NOT NULL,
      action_taken text,
      reported_by uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX incidents_wbp_idx ON incidents (wbp_id, occurred_on DESC)`.execute(db);
  await sql`CREATE INDEX incidents_facility_idx ON incidents (facility_id, occurred_on DESC)`.execute(db);

  // A day's random selection: the seed and the candidate list make it reproducible.
  await sql`
    CREATE TABLE urine_selections (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      facility_id uuid NOT NULL REFERENCES organizations(id),
      date date NOT NULL,
      seed text NOT NULL,
      programme_ids jsonb NOT NULL,
      requested integer NOT NULL CHECK (requested > 0),
      candidates jsonb NOT NULL,
      selected_by uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX urine_selections_facility_idx ON urine_selections (facility_id, date DESC)`.execute(db);

  await sql`
    CREATE TABLE urine_tests (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      wbp_id uuid NOT NULL REFERENCES wbp(id),
      facility_id uuid NOT NULL REFERENCES organizations(id),
      selection_id uuid REFERENCES urine_selections(id),
      enrolment_id uuid REFERENCES enrolments(id),
      reason text NOT NULL CHECK (reason IN ('random','entry','routine','exit','suspicion','retest')),
      retest_of uuid REFERENCES urine_tests(id),
      planned_on date NOT NULL,
      status text NOT NULL DEFAULT 'planned'
        CHECK (status IN ('planned','collected','sent','received','resulted','refused','cancelled')),
      observed_by uuid REFERENCES users(id),
      collected_by uuid REFERENCES users(id),
      collected_at timestamptz,
      seal_number text,
      sent_to text,
      sent_at timestamptz,
      received_by text,
      received_at timestamptz,
      results jsonb,
      outcome text CHECK (outcome IN ('negative','positive','invalid')),
      resulted_by uuid REFERENCES users(id),
      resulted_at timestamptz,
      note text,
      created_by uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1,
      CHECK (reason <> 'retest' OR retest_of IS NOT NULL),
      CHECK (status <> 'resulted' OR (outcome IS NOT NULL AND results IS NOT NULL))
    )`.execute(db);
  await sql`CREATE INDEX urine_tests_wbp_idx ON urine_tests (wbp_id, planned_on DESC)`.execute(db);
  await sql`CREATE INDEX urine_tests_facility_idx ON urine_tests (facility_id, planned_on DESC)`.execute(db);
  await sql`CREATE INDEX urine_tests_selection_idx ON urine_tests (selection_id)`.execute(db);

  // Work that follows from an event (a positive urine test, an incident) until someone closes it.
  await sql`
    CREATE TABLE care_tasks (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      wbp_id uuid NOT NULL REFERENCES wbp(id),
      facility_id uuid NOT NULL REFERENCES organizations(id),
      kind text NOT NULL CHECK (kind IN ('urine_positive','incident_review')),
      source_id uuid,
      due_on date NOT NULL,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','done','cancelled')),
      note text,
      closed_by uuid REFERENCES users(id),
      closed_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX care_tasks_facility_idx ON care_tasks (facility_id, status, due_on)`.execute(db);
  await sql`CREATE INDEX care_tasks_wbp_idx ON care_tasks (wbp_id, created_at DESC)`.execute(db);

  // A person's phase is the last change; before the first, the programme's first phase.
  await sql`
    CREATE TABLE phase_changes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      enrolment_id uuid NOT NULL REFERENCES enrolments(id),
      wbp_id uuid NOT NULL REFERENCES wbp(id),
      from_phase text,
      to_phase text NOT NULL,
      direction text NOT NULL CHECK (direction IN ('promotion','regression')),
      reason text NOT NULL,
      changed_on date NOT NULL,
      changed_by uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX phase_changes_enrolment_idx ON phase_changes (enrolment_id, changed_on, created_at)`.execute(db);
  await sql`CREATE INDEX phase_changes_wbp_idx ON phase_changes (wbp_id, changed_on DESC)`.execute(db);

  await sql`
    CREATE TABLE community_roles (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      enrolment_id uuid NOT NULL REFERENCES enrolments(id),
      wbp_id uuid NOT NULL REFERENCES wbp(id),
      role text NOT NULL CHECK (role IN ('chief','coordinator','department_head','expeditor','buddy')),
      started_on date NOT NULL,
      ended_on date,
      assigned_by uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (ended_on IS NULL OR ended_on >= started_on)
    )`.execute(db);
  await sql`CREATE INDEX community_roles_enrolment_idx ON community_roles (enrolment_id)`.execute(db);

  // Re-assessment: a follow-up ASI belongs to an enrolment and a configured point (percent of the
  // programme's length). The head's decision queue takes initial assessments only.
  await sql`ALTER TABLE assessments ADD COLUMN purpose text NOT NULL DEFAULT 'initial' CHECK (purpose IN ('initial','follow_up'))`.execute(db);
  await sql`ALTER TABLE assessments ADD COLUMN enrolment_id uuid REFERENCES enrolments(id)`.execute(db);
  await sql`ALTER TABLE assessments ADD COLUMN follow_up_point integer CHECK (follow_up_point BETWEEN 1 AND 100)`.execute(db);
  await sql`
    ALTER TABLE assessments ADD CONSTRAINT assessments_follow_up_check
    CHECK (purpose = 'initial' OR (enrolment_id IS NOT NULL AND follow_up_point IS NOT NULL))`.execute(db);
  await sql`CREATE INDEX assessments_enrolment_idx ON assessments (enrolment_id) WHERE enrolment_id IS NOT NULL`.execute(db);
  await sql`INSERT INTO settings (key, value) VALUES ('reassessmentPoints', '[50, 100]'::jsonb)`.execute(db);

  // Outcomes. A change of programme ends the enrolment as 'changed' (neither completed nor dropped).
  await sql`ALTER TABLE enrolments DROP CONSTRAINT enrolments_status_check`.execute(db);
  await sql`
    ALTER TABLE enrolments ADD CONSTRAINT enrolments_status_check
    CHECK (status IN ('active','waitlisted','completed','dropped','changed'))`.execute(db);
  await sql`ALTER TABLE enrolments ADD COLUMN ended_on date`.execute(db);
  await sql`
    ALTER TABLE enrolments ADD COLUMN outcome_reason text
    CHECK (outcome_reason IN ('voluntary','rule_violation','health','transfer','release','absconded','other'))`.execute(db);
  await sql`ALTER TABLE enrolments ADD COLUMN outcome_note text`.execute(db);
  await sql`ALTER TABLE enrolments ADD COLUMN outcome_by uuid REFERENCES users(id)`.execute(db);
  await sql`ALTER TABLE enrolments ADD COLUMN certificate_number text UNIQUE`.execute(db);
  await sql`
    ALTER TABLE enrolments ADD CONSTRAINT enrolments_outcome_check
    CHECK ((status <> 'dropped' OR outcome_reason IS NOT NULL) AND (status <> 'completed' OR certificate_number IS NOT NULL))
    NOT VALID`.execute(db);

  await sql`
    CREATE TABLE case_conferences (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      facility_id uuid NOT NULL REFERENCES organizations(id),
      held_on date NOT NULL,
      title text NOT NULL,
      notes text,
      created_by uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX case_conferences_facility_idx ON case_conferences (facility_id, held_on DESC)`.execute(db);
  await sql`
    CREATE TABLE case_conference_attendees (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      conference_id uuid NOT NULL REFERENCES case_conferences(id),
      name text NOT NULL,
      position text,
      organization_id uuid REFERENCES organizations(id),
      user_id uuid REFERENCES users(id)
    )`.execute(db);
  await sql`CREATE INDEX case_conference_attendees_idx ON case_conference_attendees (conference_id)`.execute(db);
  await sql`
    CREATE TABLE case_conference_people (
      conference_id uuid NOT NULL REFERENCES case_conferences(id),
      wbp_id uuid NOT NULL REFERENCES wbp(id),
      enrolment_id uuid REFERENCES enrolments(id),
      discussion text NOT NULL,
      decision text NOT NULL CHECK (decision IN ('continue','change_programme','refer','complete','drop_out')),
      detail jsonb NOT NULL DEFAULT '{}'::jsonb,
      PRIMARY KEY (conference_id, wbp_id)
    )`.execute(db);
  await sql`CREATE INDEX case_conference_people_wbp_idx ON case_conference_people (wbp_id)`.execute(db);

  await sql`
    CREATE TABLE referrals (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      wbp_id uuid NOT NULL REFERENCES wbp(id),
      facility_id uuid NOT NULL REFERENCES organizations(id),
      kind text NOT NULL DEFAULT 'clinical' CHECK (kind IN ('clinical','aftercare')),
      to_organization_id uuid REFERENCES organizations(id),
      to_name text NOT NULL,
      reason text NOT NULL,
      referred_on date NOT NULL,
      conference_id uuid REFERENCES case_conferences(id),
      created_by uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX referrals_wbp_idx ON referrals (wbp_id, referred_on DESC)`.execute(db);

  // Methadone: dosing lives in the clinic's own system; Pulih keeps continuity.
  await sql`
    CREATE TABLE ptrm_records (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      wbp_id uuid NOT NULL REFERENCES wbp(id),
      facility_id uuid NOT NULL REFERENCES organizations(id),
      clinic_name text NOT NULL,
      clinic_organization_id uuid REFERENCES organizations(id),
      started_on date NOT NULL,
      ended_on date,
      note text,
      created_by uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1,
      CHECK (ended_on IS NULL OR ended_on >= started_on)
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX ptrm_records_open_idx ON ptrm_records (wbp_id) WHERE ended_on IS NULL`.execute(db);
  await sql`CREATE INDEX ptrm_records_wbp_idx ON ptrm_records (wbp_id, started_on DESC)`.execute(db);
  await sql`
    CREATE TABLE ptrm_dose_reports (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      ptrm_id uuid NOT NULL REFERENCES ptrm_records(id),
      dose_mg numeric(6,1) NOT NULL CHECK (dose_mg > 0),
      reported_on date NOT NULL,
      source text NOT NULL,
      recorded_by uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX ptrm_dose_reports_idx ON ptrm_dose_reports (ptrm_id, reported_on DESC, created_at DESC)`.execute(db);
  await sql`
    CREATE TABLE ptrm_handovers (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      ptrm_id uuid NOT NULL REFERENCES ptrm_records(id),
      wbp_id uuid NOT NULL REFERENCES wbp(id),
      reason text NOT NULL CHECK (reason IN ('transfer','release')),
      to_name text NOT NULL,
      issued_on date NOT NULL,
      issued_by uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX ptrm_handovers_wbp_idx ON ptrm_handovers (wbp_id, issued_on DESC)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are frozen; restore from a backup instead of migrating down.');
}
