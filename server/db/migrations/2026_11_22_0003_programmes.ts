import { type Kysely, sql } from 'kysely';

// The programme catalogue of each unit and the session types each programme requires.
// Frozen once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE programmes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      facility_id uuid NOT NULL REFERENCES organizations(id),
      kind text NOT NULL CHECK (kind IN ('education','medical','social','post_rehab','ptrm','vct_counselling')),
      name text NOT NULL,
      description text,
      duration_weeks integer NOT NULL CHECK (duration_weeks BETWEEN 1 AND 156),
      phases jsonb NOT NULL DEFAULT '[]'::jsonb,
      capacity integer NOT NULL CHECK (capacity >= 1),
      active boolean NOT NULL DEFAULT true,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (facility_id, name)
    )`.execute(db);
  await sql`CREATE INDEX programmes_facility_idx ON programmes (facility_id, kind)`.execute(db);

  await sql`
    CREATE TABLE programme_session_types (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      programme_id uuid NOT NULL REFERENCES programmes(id),
      position integer NOT NULL,
      code text NOT NULL,
      name text NOT NULL,
      mode text NOT NULL CHECK (mode IN ('group','individual','community')),
      per_week integer NOT NULL CHECK (per_week BETWEEN 1 AND 14),
      every_weeks integer NOT NULL CHECK (every_weeks BETWEEN 1 AND 26),
      duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 15 AND 480),
      min_group integer,
      max_group integer,
      UNIQUE (programme_id, code),
      CHECK (min_group IS NULL OR max_group IS NULL OR min_group <= max_group)
    )`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are frozen; restore from a backup instead of migrating down.');
}
