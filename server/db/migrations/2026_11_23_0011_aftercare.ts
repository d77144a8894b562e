import { type Kysely, sql } from 'kysely';

// Release and aftercare (domain.md §8). A person leaves on parole (PB), leave (CB), at the end of the
// sentence or otherwise; the release plan carries the decision and the dates. Before a referral to
// aftercare the person consents to share with the receiving organisation; a consent is revoked,
// never deleted. Aftercare referrals are rows of `referrals` (kind 'aftercare') with the columns
// added here; clinical referrals leave them empty. Follow-ups are recorded by the receiving
// organisation at the months configured when the referral was made. Frozen once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  // The day a person left custody; null while held. The person stays with the releasing unit.
  await sql`ALTER TABLE wbp ADD COLUMN released_on date`.execute(db);
  await sql`ALTER TABLE wbp ADD CONSTRAINT wbp_released_after_admission CHECK (released_on IS NULL OR released_on >= admission_date)`.execute(db);

  await sql`
    CREATE TABLE release_plans (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      wbp_id uuid NOT NULL REFERENCES wbp(id),
      facility_id uuid NOT NULL REFERENCES organizations(id),
      kind text NOT NULL CHECK (kind IN ('pb','cb','end_of_sentence','other')),
      decision_number text,
      decision_date date,
      expected_on date NOT NULL,
      status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned','released','cancelled')),
      released_on date,
      note text,
      created_by uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((decision_number IS NULL) = (decision_date IS NULL)),
      CHECK ((status = 'released') = (released_on IS NOT NULL))
    )`.execute(db);
  // One plan under way per person; released and cancelled plans are history.
  await sql`CREATE UNIQUE INDEX release_plans_one_planned ON release_plans (wbp_id) WHERE status = 'planned'`.execute(db);
  await sql`CREATE INDEX release_plans_facility_idx ON release_plans (facility_id, expected_on)`.execute(db);

  await sql`
    CREATE TABLE aftercare_consents (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      wbp_id uuid NOT NULL REFERENCES wbp(id),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      given_on date NOT NULL,
      method text NOT NULL CHECK (method IN ('signed_form','verbal_witnessed')),
      witness_name text,
      recorded_by uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      revoked_on date,
      revocation_reason text,
      revoked_by uuid REFERENCES users(id),
      CHECK (method <> 'verbal_witnessed' OR witness_name IS NOT NULL),
      CHECK ((revoked_on IS NULL) = (revocation_reason IS NULL) AND (revoked_on IS NULL) = (revoked_by IS NULL)),
      CHECK (revoked_on IS NULL OR revoked_on >= given_on)
    )`.execute(db);
  // At most one consent in force per person and organisation.
  await sql`CREATE UNIQUE INDEX aftercare_consents_in_force ON aftercare_consents (wbp_id, organization_id) WHERE revoked_on IS NULL`.execute(db);

  await sql`
    ALTER TABLE referrals
      ADD COLUMN release_plan_id uuid REFERENCES release_plans(id),
      ADD COLUMN release_kind text CHECK (release_kind IN ('pb','cb','end_of_sentence','other')),
      ADD COLUMN status text CHECK (status IN ('sent','accepted','declined','closed')),
      ADD COLUMN care_plan text,
      ADD COLUMN follow_up_months integer[],
      ADD COLUMN answered_at timestamptz,
      ADD COLUMN answered_by uuid REFERENCES users(id),
      ADD COLUMN declined_reason text,
      ADD COLUMN outcome text CHECK (outcome IN ('stable','relapse','re_offended','lost_to_follow_up')),
      ADD COLUMN outcome_note text,
      ADD COLUMN closed_on date,
      ADD COLUMN closed_by uuid REFERENCES users(id),
      ADD CONSTRAINT referrals_aftercare_facts CHECK (
        (kind = 'aftercare') = (status IS NOT NULL)
        AND (kind = 'aftercare') = (release_plan_id IS NOT NULL)
        AND (kind = 'aftercare') = (follow_up_months IS NOT NULL)
        AND (kind <> 'aftercare' OR to_organization_id IS NOT NULL)),
      ADD CONSTRAINT referrals_declined_reason CHECK ((status = 'declined') = (declined_reason IS NOT NULL) OR status IS NULL),
      ADD CONSTRAINT referrals_closed_outcome CHECK ((status = 'closed') = (outcome IS NOT NULL AND closed_on IS NOT NULL) OR status IS NULL)`.execute(db);
  await sql`CREATE INDEX referrals_receiver_idx ON referrals (to_organization_id, status) WHERE kind = 'aftercare'`.execute(db);

  await sql`
    CREATE TABLE aftercare_follow_ups (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      referral_id uuid NOT NULL REFERENCES referrals(id),
      month integer NOT NULL CHECK (month BETWEEN 1 AND 60),
      done_on date NOT NULL,
      contact_made boolean NOT NULL,
      urine text NOT NULL CHECK (urine IN ('not_done','negative','positive')),
      note text,
      recorded_by uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (referral_id, month)
    )`.execute(db);

  await sql`INSERT INTO settings (key, value) VALUES ('aftercareFollowUpMonths', '[1, 3, 6, 12]'::jsonb) ON CONFLICT (key) DO NOTHING`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are frozen; restore from a backup instead of migrating down.');
}
