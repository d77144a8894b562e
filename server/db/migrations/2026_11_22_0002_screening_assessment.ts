import { type Kysely, sql } from 'kysely';

// Screening (WHO ASSIST), assessment (ASI with the Indonesian form), classification rules per
// region, staff qualifications and installation settings. Frozen once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE settings (
      key text PRIMARY KEY,
      value jsonb NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      updated_by uuid REFERENCES users(id)
    )`.execute(db);

  await sql`
    CREATE TABLE screenings (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      wbp_id uuid NOT NULL REFERENCES wbp(id),
      facility_id uuid NOT NULL REFERENCES organizations(id),
      instrument text NOT NULL,
      instrument_version text NOT NULL,
      answers jsonb NOT NULL,
      result jsonb NOT NULL,
      overall_risk text NOT NULL CHECK (overall_risk IN ('low','moderate','high')),
      screened_on date NOT NULL,
      screened_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX screenings_wbp_idx ON screenings (wbp_id, screened_on DESC, created_at DESC)`.execute(db);
  await sql`CREATE INDEX screenings_facility_idx ON screenings (facility_id, screened_on DESC)`.execute(db);

  await sql`
    CREATE TABLE staff_qualifications (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users(id),
      kind text NOT NULL CHECK (kind IN ('asi_assessor','addiction_counsellor','doctor','psychologist')),
      number text NOT NULL,
      issued_on date NOT NULL,
      expires_on date,
      issuer text,
      recorded_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (expires_on IS NULL OR expires_on > issued_on)
    )`.execute(db);
  await sql`CREATE INDEX staff_qualifications_user_idx ON staff_qualifications (user_id, kind)`.execute(db);

  // Each change to a region's rule is a new version; results keep the version they were made by.
  await sql`
    CREATE TABLE classification_rules (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      region_id uuid REFERENCES organizations(id),
      version integer NOT NULL CHECK (version >= 1),
      rule jsonb NOT NULL,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  // The national default of the domain (napza severity 0–3 rendah, 4–5 menengah, 6–9 tinggi;
  // ASSIST risk as fall-back), written out here so this migration never changes with the code.
  await sql`
    INSERT INTO classification_rules (region_id, version, rule) VALUES (NULL, 1,
      '{"rendahMax":3,"menengahMax":5,"assistFallback":{"low":"rendah","moderate":"menengah","high":"tinggi"}}'::jsonb)`.execute(db);
  await sql`INSERT INTO settings (key, value) VALUES ('rupiahPerUsd', '16000'::jsonb), ('holidays', '[]'::jsonb)`.execute(db);
  await sql`CREATE UNIQUE INDEX classification_rules_region_version_idx ON classification_rules (COALESCE(region_id, '00000000-0000-0000-0000-000000000000'::uuid), version)`.execute(db);

  await sql`
    CREATE TABLE assessments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      wbp_id uuid NOT NULL REFERENCES wbp(id),
      facility_id uuid NOT NULL REFERENCES organizations(id),
      screening_id uuid REFERENCES screenings(id),
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','signed')),
      instrument text NOT NULL DEFAULT 'asi',
      instrument_version text NOT NULL DEFAULT '5',
      form jsonb NOT NULL DEFAULT '{}'::jsonb,
      exchange_rate numeric NOT NULL,
      composites jsonb NOT NULL DEFAULT '{}'::jsonb,
      asi_problems jsonb NOT NULL DEFAULT '[]'::jsonb,
      rule_class text CHECK (rule_class IN ('rendah','menengah','tinggi')),
      rule_basis text NOT NULL DEFAULT 'none',
      rule_id uuid REFERENCES classification_rules(id),
      rule_version integer,
      placement jsonb NOT NULL DEFAULT '[]'::jsonb,
      team_class text CHECK (team_class IN ('rendah','menengah','tinggi')),
      final_class text CHECK (final_class IN ('rendah','menengah','tinggi')),
      recommendation jsonb,
      override_reason text,
      created_by uuid REFERENCES users(id),
      signed_by uuid REFERENCES users(id),
      signed_at timestamptz,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (status = 'draft' OR (signed_by IS NOT NULL AND signed_at IS NOT NULL AND final_class IS NOT NULL))
    )`.execute(db);
  await sql`CREATE INDEX assessments_wbp_idx ON assessments (wbp_id, created_at DESC)`.execute(db);
  // A signed assessment is a clinical record: the database refuses to change or remove it.
  await sql`
    CREATE FUNCTION signed_assessment_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF OLD.status = 'signed' THEN
        RAISE EXCEPTION 'a signed assessment cannot be changed; add an addendum';
      END IF;
      IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
      RETURN NEW;
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER assessments_signed_immutable BEFORE UPDATE OR DELETE ON assessments
    FOR EACH ROW EXECUTE FUNCTION signed_assessment_is_immutable()`.execute(db);

  await sql`
    CREATE TABLE assessment_addenda (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      assessment_id uuid NOT NULL REFERENCES assessments(id),
      text text NOT NULL,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX assessment_addenda_idx ON assessment_addenda (assessment_id, created_at)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are frozen; restore from a backup instead of migrating down.');
}
