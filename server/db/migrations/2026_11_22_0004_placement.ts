import { type Kysely, sql } from 'kysely';

// The head of unit's placement decisions (decrees) and the enrolments they create, active or on
// a waitlist. Frozen once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE placement_decisions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      wbp_id uuid NOT NULL REFERENCES wbp(id),
      facility_id uuid NOT NULL REFERENCES organizations(id),
      assessment_id uuid NOT NULL REFERENCES assessments(id),
      decree_number text NOT NULL,
      decree_date date NOT NULL,
      place text NOT NULL CHECK (place IN ('inside_unit','outside_unit')),
      note text,
      decided_by uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (assessment_id),
      UNIQUE (facility_id, decree_number)
    )`.execute(db);
  await sql`CREATE INDEX placement_decisions_wbp_idx ON placement_decisions (wbp_id, decree_date DESC)`.execute(db);

  await sql`
    CREATE TABLE enrolments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      wbp_id uuid NOT NULL REFERENCES wbp(id),
      programme_id uuid NOT NULL REFERENCES programmes(id),
      decision_id uuid NOT NULL REFERENCES placement_decisions(id),
      status text NOT NULL CHECK (status IN ('active','waitlisted','completed','dropped')),
      start_date date,
      expected_end_date date,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (status <> 'active' OR start_date IS NOT NULL)
    )`.execute(db);
  await sql`CREATE INDEX enrolments_programme_idx ON enrolments (programme_id, status)`.execute(db);
  await sql`CREATE INDEX enrolments_wbp_idx ON enrolments (wbp_id)`.execute(db);
  // One open enrolment of a person in a programme at a time.
  await sql`CREATE UNIQUE INDEX enrolments_open_idx ON enrolments (wbp_id, programme_id) WHERE status IN ('active','waitlisted')`.execute(db);

  await sql`INSERT INTO settings (key, value) VALUES ('selfUseArticles', '["UU 35/2009 Pasal 127"]'::jsonb)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are frozen; restore from a backup instead of migrating down.');
}
