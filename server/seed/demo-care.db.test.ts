import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INCIDENT_REVIEW_DAYS } from '../../shared/contracts/notes.ts';
import { addDays } from '../../shared/domain/dates.ts';
import { type TestApp, testApp } from '../testing/app.ts';
import { seedDemo } from './demo.ts';

// Sunday 22 November 2026, 10:00 in Jakarta: the demo's anchor.
const NOW = new Date('2026-11-22T03:00:00Z');

describe('the demo care record', () => {
  let ctx: TestApp;
  beforeAll(async () => {
    ctx = await testApp({ now: () => NOW });
    await seedDemo(ctx.db, { anchor: '2026-11-22' });
  });
  afterAll(async () => ctx.close());

  it('has the incident reviewed by the day an incident recorded through the service would be', async () => {
    const incident = await ctx.db.selectFrom('incidents').select(['id', 'occurred_on']).executeTakeFirstOrThrow();
    const review = await ctx.db.selectFrom('care_tasks').select('due_on').where('kind', '=', 'incident_review').where('source_id', '=', incident.id)
      .executeTakeFirstOrThrow();

    expect(review.due_on).toBe(addDays(incident.occurred_on, INCIDENT_REVIEW_DAYS));
  });
});
