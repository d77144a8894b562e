import { type Kysely, sql } from 'kysely';

// Organisations, accounts, sessions, the audit log and the register of people held.
// Frozen once landed: the schema grows by new migrations.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE organizations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      parent_id uuid REFERENCES organizations(id),
      kind text NOT NULL CHECK (kind IN (
        'ditjenpas','kanwil','rutan','lapas','lpka','bapas',
        'bnn','bnnp','bnnk','dinkes','puskesmas','rsud','ipwl','ngo')),
      code text NOT NULL UNIQUE,
      name text NOT NULL,
      ministry text,
      province text,
      city text,
      address text,
      capacity integer CHECK (capacity IS NULL OR capacity >= 0),
      can_assess boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX organizations_parent_idx ON organizations (parent_id)`.execute(db);

  // Until agreements land, a partner organisation acts in a facility only where a grant says so.
  await sql`
    CREATE TABLE organization_access (
      grantee_id uuid NOT NULL REFERENCES organizations(id),
      facility_id uuid NOT NULL REFERENCES organizations(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (grantee_id, facility_id)
    )`.execute(db);

  await sql`
    CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      username text NOT NULL UNIQUE CHECK (username = lower(username)),
      full_name text NOT NULL,
      password_hash text NOT NULL,
      role text NOT NULL CHECK (role IN (
        'national_admin','regional_manager','head_of_unit','clinic_staff',
        'assessor','counsellor','custody_officer','probation_officer')),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      language text NOT NULL DEFAULT 'id' CHECK (language IN ('id','en')),
      active boolean NOT NULL DEFAULT true,
      failed_logins integer NOT NULL DEFAULT 0,
      locked_until timestamptz,
      password_changed_at timestamptz NOT NULL DEFAULT now(),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX users_org_idx ON users (organization_id)`.execute(db);

  await sql`
    CREATE TABLE sessions (
      id text PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users(id),
      csrf_token text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      revoked_at timestamptz,
      ip text,
      user_agent text
    )`.execute(db);
  await sql`CREATE INDEX sessions_user_idx ON sessions (user_id)`.execute(db);

  await sql`
    CREATE TABLE audit_log (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      actor_user_id uuid REFERENCES users(id),
      actor_username text,
      actor_org_id uuid REFERENCES organizations(id),
      action text NOT NULL,
      entity_type text NOT NULL,
      entity_id text,
      facility_id uuid REFERENCES organizations(id),
      ip text,
      user_agent text,
      details jsonb NOT NULL DEFAULT '{}'::jsonb
    )`.execute(db);
  await sql`CREATE INDEX audit_log_at_idx ON audit_log (at DESC, id DESC)`.execute(db);
  await sql`CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id)`.execute(db);
  await sql`CREATE INDEX audit_log_actor_idx ON audit_log (actor_user_id, at DESC)`.execute(db);
  // Append-only: the database itself refuses to change or remove an audit row.
  await sql`
    CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_log is append-only';
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only()`.execute(db);
  await sql`
    CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only()`.execute(db);

  await sql`
    CREATE TABLE wbp (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      sdp_number text NOT NULL UNIQUE,
      full_name text NOT NULL,
      sex text NOT NULL CHECK (sex IN ('L','P')),
      birth_date date,
      birth_place text,
      legal_status text NOT NULL CHECK (legal_status IN ('tahanan','narapidana','anak')),
      case_articles text[] NOT NULL DEFAULT '{}',
      sentence_months integer CHECK (sentence_months IS NULL OR sentence_months >= 0),
      facility_id uuid NOT NULL REFERENCES organizations(id),
      block text,
      room text,
      admission_date date NOT NULL,
      expected_release_date date,
      source text NOT NULL DEFAULT 'manual' CHECK (source IN ('manual','sdp')),
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (expected_release_date IS NULL OR expected_release_date >= admission_date)
    )`.execute(db);
  await sql`CREATE INDEX wbp_facility_name_idx ON wbp (facility_id, lower(full_name), id)`.execute(db);
  await sql`CREATE INDEX wbp_facility_block_idx ON wbp (facility_id, block)`.execute(db);
  await sql`CREATE INDEX wbp_facility_admission_idx ON wbp (facility_id, admission_date DESC)`.execute(db);

  await sql`
    CREATE TABLE wbp_transfers (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      wbp_id uuid NOT NULL REFERENCES wbp(id),
      from_facility_id uuid NOT NULL REFERENCES organizations(id),
      to_facility_id uuid NOT NULL REFERENCES organizations(id),
      transfer_date date NOT NULL,
      reason text NOT NULL,
      recorded_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (from_facility_id <> to_facility_id)
    )`.execute(db);
  await sql`CREATE INDEX wbp_transfers_wbp_idx ON wbp_transfers (wbp_id, transfer_date DESC)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are frozen; restore from a backup instead of migrating down.');
}
