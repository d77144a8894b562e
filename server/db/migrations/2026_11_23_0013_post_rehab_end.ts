import { type Kysely, sql } from 'kysely';

// A Bapas ends a post-rehabilitation enrolment as completed or dropped. Completion of a programme in
// custody gives a certificate (the CHECK of 0007 requires its number), but post-rehabilitation issues
// none: the client is released and the Bapas's supervision ends with the sentence. So a completed
// enrolment needs a certificate number only when it came from a placement decision, not from an
// aftercare referral (docs/adr/0018). Kept NOT VALID like the constraint it replaces, so rows written
// before 0007 are not re-checked. Frozen once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE enrolments DROP CONSTRAINT enrolments_outcome_check`.execute(db);
  await sql`
    ALTER TABLE enrolments ADD CONSTRAINT enrolments_outcome_check
    CHECK ((status <> 'dropped' OR outcome_reason IS NOT NULL) AND (status <> 'completed' OR certificate_number IS NOT NULL OR referral_id IS NOT NULL))
    NOT VALID`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are frozen; restore from a backup instead of migrating down.');
}
