import { type Kysely, sql } from 'kysely';

// Post-rehabilitation run by a Bapas: an enrolment in a Bapas programme comes from an accepted
// aftercare referral addressed to that Bapas, not from a head of unit's placement decree. The
// enrolment stays a row of `enrolments`, so the weekly timetable and attendance work unchanged.
// Frozen once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE enrolments ALTER COLUMN decision_id DROP NOT NULL`.execute(db);
  await sql`ALTER TABLE enrolments ADD COLUMN referral_id uuid REFERENCES referrals(id)`.execute(db);
  // Exactly one source: a placement decision (in custody) or an aftercare referral (after release).
  await sql`
    ALTER TABLE enrolments ADD CONSTRAINT enrolments_source_check
    CHECK ((decision_id IS NULL) <> (referral_id IS NULL))`.execute(db);
  await sql`CREATE INDEX enrolments_referral_idx ON enrolments (referral_id) WHERE referral_id IS NOT NULL`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are frozen; restore from a backup instead of migrating down.');
}
