import { type Kysely, sql } from 'kysely';

// A person's consent to share their health data with the national health platform (SATUSEHAT),
// recorded and revocable like the aftercare consents of 0011 but kept apart from them: that consent
// names a receiving organisation and gives it access, this one names no organisation and only lets
// the FHIR export include the person (docs/adr/0019). A revoked row is kept; at most one in force.
// Frozen once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE health_platform_consents (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      wbp_id uuid NOT NULL REFERENCES wbp(id),
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
  await sql`CREATE UNIQUE INDEX health_platform_consents_in_force ON health_platform_consents (wbp_id) WHERE revoked_on IS NULL`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are frozen; restore from a backup instead of migrating down.');
}
