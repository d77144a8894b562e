import { reassessmentPointsOf } from '../../shared/domain/progress.ts';
import type { DbOrTrx } from './database.ts';

// Re-assessment, read by more than one module: the clinical module starts follow-up assessments,
// the progress module shows when they fall due.

/** The configured re-assessment points (setting `reassessmentPoints`, percent of a programme's length). */
export async function reassessmentPoints(db: DbOrTrx): Promise<number[]> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'reassessmentPoints').executeTakeFirst();
  return reassessmentPointsOf(row?.value);
}

/**
 * Holds an enrolment's row until the transaction ends, so two requests that change or start
 * something of the same enrolment (a phase, a role, a follow-up of a point) take turns.
 */
export async function lockEnrolment(db: DbOrTrx, enrolmentId: string): Promise<void> {
  await db.selectFrom('enrolments').select('id').where('id', '=', enrolmentId).forUpdate().execute();
}
