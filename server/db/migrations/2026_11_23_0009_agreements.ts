import { type Kysely, sql } from 'kysely';

const SCOPES = [
  'screening', 'assessment', 'medical_rehabilitation', 'social_rehabilitation', 'counselling', 'vct', 'tb', 'ptrm',
  'peer_training', 'monitoring_evaluation', 'education',
];

// Partnership agreements (MoU/PKS): an agreement in force is what lets a partner's staff act in a
// unit, within its scope. Until now a bare grant in organization_access stood in for them; the
// grants of partners become agreements here, so nobody loses access they had. The grants of Bapas
// stay: a Bapas works in the units of its area as part of the same directorate, not under an
// agreement. Frozen once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  const scopeList = sql.raw(SCOPES.map((s) => `'${s}'`).join(','));
  await sql`
    CREATE TABLE agreements (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      number text NOT NULL,
      title text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('mou','pks')),
      signed_on date NOT NULL,
      valid_from date NOT NULL,
      valid_until date,
      terminated_on date,
      termination_reason text,
      terminated_by uuid REFERENCES users(id),
      scopes text[] NOT NULL CHECK (cardinality(scopes) >= 1 AND scopes <@ ARRAY[${scopeList}]::text[]),
      note text,
      -- Null only for the agreements made from earlier grants by this migration.
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1,
      CHECK (valid_from >= signed_on),
      CHECK (valid_until IS NULL OR valid_until >= valid_from),
      CHECK ((terminated_on IS NULL) = (termination_reason IS NULL))
    )`.execute(db);
  await sql`CREATE INDEX agreements_valid_until_idx ON agreements (valid_until)`.execute(db);

  await sql`
    CREATE TABLE agreement_parties (
      agreement_id uuid NOT NULL REFERENCES agreements(id),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      PRIMARY KEY (agreement_id, organization_id)
    )`.execute(db);
  await sql`CREATE INDEX agreement_parties_org_idx ON agreement_parties (organization_id)`.execute(db);

  await sql`
    CREATE TABLE agreement_documents (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agreement_id uuid NOT NULL REFERENCES agreements(id),
      filename text NOT NULL,
      content_type text NOT NULL CHECK (content_type IN ('application/pdf','image/jpeg','image/png')),
      size_bytes integer NOT NULL CHECK (size_bytes > 0),
      content bytea NOT NULL,
      uploaded_by uuid NOT NULL REFERENCES users(id),
      uploaded_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX agreement_documents_agreement_idx ON agreement_documents (agreement_id)`.execute(db);

  const grants = await sql<{ grantee_id: string; facility_id: string; grantee_code: string; facility_code: string; since: string }>`
    SELECT a.grantee_id, a.facility_id, g.code AS grantee_code, f.code AS facility_code, to_char(a.created_at, 'YYYY-MM-DD') AS since
    FROM organization_access a
    JOIN organizations g ON g.id = a.grantee_id
    JOIN organizations f ON f.id = a.facility_id
    WHERE g.kind <> 'bapas'
    ORDER BY f.code, g.code`.execute(db);
  for (const g of grants.rows) {
    const made = await sql<{ id: string }>`
      INSERT INTO agreements (number, title, kind, signed_on, valid_from, scopes, note)
      VALUES (${`PERALIHAN/${g.facility_code}/${g.grantee_code}`}, 'Akses mitra sebelum perjanjian dicatat', 'pks',
              ${g.since}::date, ${g.since}::date, ARRAY[${scopeList}]::text[],
              'Dibuat otomatis dari hak akses lama; ganti dengan perjanjian yang ditandatangani.')
      RETURNING id`.execute(db);
    const id = made.rows[0]!.id;
    await sql`INSERT INTO agreement_parties (agreement_id, organization_id) VALUES (${id}, ${g.facility_id}), (${id}, ${g.grantee_id})`.execute(db);
  }
  await sql`
    DELETE FROM organization_access a USING organizations g
    WHERE g.id = a.grantee_id AND g.kind <> 'bapas'`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are frozen; restore from a backup instead of migrating down.');
}
