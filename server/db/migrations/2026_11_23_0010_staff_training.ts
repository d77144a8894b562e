import { type Kysely, sql } from 'kysely';

// Staff trainings (technical guidance, peer-counsellor training), peer counsellors and education
// campaigns (penyuluhan). Qualifications stay in staff_qualifications (migration 0002): a renewal is
// a new row, so an expired certificate stays on record. Frozen once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE trainings (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      facility_id uuid NOT NULL REFERENCES organizations(id),
      title text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('bimtek','peer_counsellor','other')),
      starts_on date NOT NULL,
      ends_on date NOT NULL,
      hours numeric(5,1) NOT NULL CHECK (hours > 0),
      -- The organiser: a listed organisation, or a name written out (a ministry, a foundation).
      organizer_id uuid REFERENCES organizations(id),
      organizer_name text,
      place text NOT NULL,
      note text,
      created_by uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (ends_on >= starts_on)
    )`.execute(db);
  await sql`CREATE INDEX trainings_facility_idx ON trainings (facility_id, starts_on DESC)`.execute(db);

  // A participant is an account, a person held (peer-counsellor training only) or a name written
  // out for staff without an account (a Puskesmas doctor who never logs in). The name is kept as
  // written on the day, so the list reads the same after an account is renamed.
  await sql`
    CREATE TABLE training_participants (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      training_id uuid NOT NULL REFERENCES trainings(id),
      user_id uuid REFERENCES users(id),
      wbp_id uuid REFERENCES wbp(id),
      name text NOT NULL,
      position text,
      organization_id uuid REFERENCES organizations(id),
      hours_attended numeric(5,1) NOT NULL CHECK (hours_attended >= 0),
      result text CHECK (result IN ('completed','not_completed')),
      certificate_number text,
      CHECK (num_nonnulls(user_id, wbp_id) <= 1),
      CHECK (certificate_number IS NULL OR result = 'completed')
    )`.execute(db);
  await sql`CREATE INDEX training_participants_training_idx ON training_participants (training_id)`.execute(db);
  await sql`CREATE UNIQUE INDEX training_participants_user_key ON training_participants (training_id, user_id) WHERE user_id IS NOT NULL`.execute(db);
  await sql`CREATE UNIQUE INDEX training_participants_wbp_key ON training_participants (training_id, wbp_id) WHERE wbp_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX training_participants_wbp_idx ON training_participants (wbp_id) WHERE wbp_id IS NOT NULL`.execute(db);

  // A peer counsellor: a person held who supports groups in the unit, trained (a completed
  // participation in a peer-counsellor training) or still in training.
  await sql`
    CREATE TABLE peer_counsellors (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      wbp_id uuid NOT NULL REFERENCES wbp(id),
      facility_id uuid NOT NULL REFERENCES organizations(id),
      training_participant_id uuid REFERENCES training_participants(id),
      started_on date NOT NULL,
      ended_on date,
      end_reason text CHECK (end_reason IN ('transfer','release','stepped_down','replaced','other')),
      end_note text,
      created_by uuid NOT NULL REFERENCES users(id),
      ended_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (ended_on IS NULL OR ended_on >= started_on),
      CHECK ((ended_on IS NULL) = (end_reason IS NULL))
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX peer_counsellors_active_key ON peer_counsellors (wbp_id, facility_id) WHERE ended_on IS NULL`.execute(db);
  await sql`CREATE INDEX peer_counsellors_facility_idx ON peer_counsellors (facility_id, started_on DESC)`.execute(db);

  await sql`
    CREATE TABLE peer_counsellor_groups (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      peer_counsellor_id uuid NOT NULL REFERENCES peer_counsellors(id),
      programme_id uuid REFERENCES programmes(id),
      group_label text,
      description text,
      CHECK (programme_id IS NOT NULL OR description IS NOT NULL),
      CHECK (group_label IS NULL OR programme_id IS NOT NULL)
    )`.execute(db);
  await sql`CREATE INDEX peer_counsellor_groups_counsellor_idx ON peer_counsellor_groups (peer_counsellor_id)`.execute(db);

  await sql`
    CREATE TABLE campaigns (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      facility_id uuid NOT NULL REFERENCES organizations(id),
      held_on date NOT NULL,
      place text NOT NULL,
      topic text NOT NULL,
      partner_id uuid REFERENCES organizations(id),
      audience_wbp integer NOT NULL DEFAULT 0 CHECK (audience_wbp >= 0),
      audience_staff integer NOT NULL DEFAULT 0 CHECK (audience_staff >= 0),
      audience_family integer NOT NULL DEFAULT 0 CHECK (audience_family >= 0),
      audience_public integer NOT NULL DEFAULT 0 CHECK (audience_public >= 0),
      facilitators text[] NOT NULL DEFAULT '{}',
      note text,
      created_by uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (audience_wbp + audience_staff + audience_family + audience_public > 0)
    )`.execute(db);
  await sql`CREATE INDEX campaigns_facility_idx ON campaigns (facility_id, held_on DESC)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are frozen; restore from a backup instead of migrating down.');
}
