import { type Kysely, sql } from 'kysely';

// What a timetable must respect: the unit's weekly routine and its exceptions, rooms, court
// dates of detainees, non-associations and staff availability. Frozen once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE routine_blocks (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      facility_id uuid NOT NULL REFERENCES organizations(id),
      kind text NOT NULL CHECK (kind IN ('roll_call','meal','worship','work','sports','visits','lock_up','other')),
      label text NOT NULL,
      day_of_week integer NOT NULL CHECK (day_of_week BETWEEN 1 AND 7),
      start_time time NOT NULL,
      end_time time NOT NULL,
      CHECK (start_time < end_time)
    )`.execute(db);
  await sql`CREATE INDEX routine_blocks_facility_idx ON routine_blocks (facility_id, day_of_week)`.execute(db);

  await sql`
    CREATE TABLE routine_exceptions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      facility_id uuid NOT NULL REFERENCES organizations(id),
      kind text NOT NULL CHECK (kind IN ('holiday','lockdown','other')),
      label text NOT NULL,
      date date NOT NULL,
      start_time time,
      end_time time,
      CHECK ((start_time IS NULL) = (end_time IS NULL)),
      CHECK (start_time IS NULL OR start_time < end_time)
    )`.execute(db);
  await sql`CREATE INDEX routine_exceptions_facility_idx ON routine_exceptions (facility_id, date)`.execute(db);

  await sql`
    CREATE TABLE rooms (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      facility_id uuid NOT NULL REFERENCES organizations(id),
      name text NOT NULL,
      capacity integer NOT NULL CHECK (capacity >= 1),
      active boolean NOT NULL DEFAULT true,
      UNIQUE (facility_id, name)
    )`.execute(db);

  await sql`
    CREATE TABLE court_dates (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      wbp_id uuid NOT NULL REFERENCES wbp(id),
      date date NOT NULL,
      start_time time,
      end_time time,
      note text,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((start_time IS NULL) = (end_time IS NULL)),
      CHECK (start_time IS NULL OR start_time < end_time)
    )`.execute(db);
  await sql`CREATE INDEX court_dates_wbp_idx ON court_dates (wbp_id, date)`.execute(db);

  // Stored once per pair, the smaller id first, so a pair cannot be entered twice.
  await sql`
    CREATE TABLE non_associations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      wbp_a uuid NOT NULL REFERENCES wbp(id),
      wbp_b uuid NOT NULL REFERENCES wbp(id),
      reason text NOT NULL,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (wbp_a < wbp_b),
      UNIQUE (wbp_a, wbp_b)
    )`.execute(db);
  await sql`CREATE INDEX non_associations_b_idx ON non_associations (wbp_b)`.execute(db);

  await sql`
    CREATE TABLE staff_availability (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users(id),
      day_of_week integer NOT NULL CHECK (day_of_week BETWEEN 1 AND 7),
      start_time time NOT NULL,
      end_time time NOT NULL,
      CHECK (start_time < end_time)
    )`.execute(db);
  await sql`CREATE INDEX staff_availability_user_idx ON staff_availability (user_id)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are frozen; restore from a backup instead of migrating down.');
}
