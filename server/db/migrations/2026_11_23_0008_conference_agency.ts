import { type Kysely, sql } from 'kysely';

// An attendee of a case conference may come from an agency that is not in the list of
// organisations (a foundation, a private clinic): its name is kept as written. Frozen once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE case_conference_attendees ADD COLUMN agency text`.execute(db);
  await sql`
    ALTER TABLE case_conference_attendees ADD CONSTRAINT case_conference_attendees_agency_check
    CHECK (organization_id IS NULL OR agency IS NULL)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are frozen; restore from a backup instead of migrating down.');
}
