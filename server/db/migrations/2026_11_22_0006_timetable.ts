import { type Kysely, sql } from 'kysely';

// The weekly timetable of a unit (made by the scheduler, moved by hand), the people of each
// session, attendance recorded once per session for the whole group, and the secret links of the
// staff's calendar feeds. Frozen once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE timetable_weeks (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      facility_id uuid NOT NULL REFERENCES organizations(id),
      week_start date NOT NULL CHECK (extract(isodow FROM week_start) = 1),
      week_index integer NOT NULL,
      required integer NOT NULL,
      placed integer NOT NULL,
      groups jsonb NOT NULL DEFAULT '[]'::jsonb,
      unplaced jsonb NOT NULL DEFAULT '[]'::jsonb,
      generated_by uuid REFERENCES users(id),
      generated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (facility_id, week_start)
    )`.execute(db);

  await sql`
    CREATE TABLE timetable_sessions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      week_id uuid NOT NULL REFERENCES timetable_weeks(id),
      facility_id uuid NOT NULL REFERENCES organizations(id),
      programme_id uuid NOT NULL REFERENCES programmes(id),
      session_code text NOT NULL,
      session_name text NOT NULL,
      mode text NOT NULL CHECK (mode IN ('group','individual','community')),
      group_label text,
      occurrence integer NOT NULL,
      date date NOT NULL,
      start_time time NOT NULL,
      end_time time NOT NULL,
      room_id uuid NOT NULL REFERENCES rooms(id),
      staff_id uuid NOT NULL REFERENCES users(id),
      moved_by uuid REFERENCES users(id),
      moved_at timestamptz,
      version integer NOT NULL DEFAULT 1,
      CHECK (start_time < end_time)
    )`.execute(db);
  await sql`CREATE INDEX timetable_sessions_week_idx ON timetable_sessions (week_id)`.execute(db);
  await sql`CREATE INDEX timetable_sessions_facility_date_idx ON timetable_sessions (facility_id, date, start_time)`.execute(db);
  await sql`CREATE INDEX timetable_sessions_staff_date_idx ON timetable_sessions (staff_id, date)`.execute(db);

  await sql`
    CREATE TABLE timetable_session_members (
      session_id uuid NOT NULL REFERENCES timetable_sessions(id) ON DELETE CASCADE,
      wbp_id uuid NOT NULL REFERENCES wbp(id),
      PRIMARY KEY (session_id, wbp_id)
    )`.execute(db);
  await sql`CREATE INDEX timetable_session_members_wbp_idx ON timetable_session_members (wbp_id)`.execute(db);

  // A session with attendance is history: it can be neither deleted nor rescheduled over.
  await sql`
    CREATE TABLE attendance (
      session_id uuid NOT NULL REFERENCES timetable_sessions(id),
      wbp_id uuid NOT NULL REFERENCES wbp(id),
      status text NOT NULL CHECK (status IN ('present','absent','excused')),
      absence_reason text CHECK (absence_reason IN ('court','sick','visit','refused','security','transferred','other')),
      note text,
      recorded_by uuid NOT NULL REFERENCES users(id),
      recorded_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (session_id, wbp_id),
      CHECK (status <> 'absent' OR absence_reason IS NOT NULL)
    )`.execute(db);
  await sql`CREATE INDEX attendance_wbp_idx ON attendance (wbp_id)`.execute(db);

  // Only a hash of the secret is kept: a leaked database does not leak working feed links.
  await sql`
    CREATE TABLE calendar_tokens (
      user_id uuid PRIMARY KEY REFERENCES users(id),
      token_hash text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are frozen; restore from a backup instead of migrating down.');
}
