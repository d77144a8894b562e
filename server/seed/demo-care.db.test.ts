import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INCIDENT_REVIEW_DAYS } from '../../shared/contracts/notes.ts';
import type { TimelinePage } from '../../shared/contracts/record.ts';
import { addDays } from '../../shared/domain/dates.ts';
import { isReproduced } from '../../shared/domain/urine.ts';
import type { Db } from '../db/database.ts';
import { type TestApp, signIn, testApp } from '../testing/app.ts';
import { DEMO_PASSWORD, seedDemo } from './demo.ts';

// Sunday 22 November 2026, 10:00 in Jakarta: the demo's anchor.
const NOW = new Date('2026-11-22T03:00:00Z');

describe('the demo care record', () => {
  let ctx: TestApp;
  beforeAll(async () => {
    ctx = await testApp({ now: () => NOW });
    await seedDemo(ctx.db, { anchor: '2026-11-22' });
  });
  afterAll(async () => ctx.close());

  const counts = async (table: 'counselling_notes' | 'urine_tests' | 'incidents' | 'phase_changes' | 'community_roles' | 'case_conferences' | 'ptrm_records' | 'ptrm_dose_reports') =>
    Number((await ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('holds notes, urine tests, an incident, promotions, a peer role, a conference and a methadone record', async () => {
    expect(await counts('counselling_notes')).toBeGreaterThanOrEqual(4);
    expect(await counts('urine_tests')).toBeGreaterThanOrEqual(4);
    expect(await counts('incidents')).toBe(1);
    expect(await counts('phase_changes')).toBeGreaterThanOrEqual(2);
    expect(await counts('community_roles')).toBe(1);
    expect(await counts('case_conferences')).toBe(1);
    expect(await counts('ptrm_records')).toBe(1);
    expect(await counts('ptrm_dose_reports')).toBe(1);
  });

  it('opens a follow-up task for the positive urine test and for the incident', async () => {
    const tasks = await ctx.db.selectFrom('care_tasks').select(['kind', 'status', 'source_id']).orderBy('kind').execute();
    const positive = await ctx.db.selectFrom('urine_tests').select('id').where('outcome', '=', 'positive').execute();
    const incident = await ctx.db.selectFrom('incidents').select('id').executeTakeFirstOrThrow();

    expect(positive).toHaveLength(1);
    expect(tasks).toEqual([
      { kind: 'incident_review', status: 'open', source_id: incident.id },
      { kind: 'urine_positive', status: 'open', source_id: positive[0]!.id },
    ]);
  });

  it('has the incident reviewed by the day an incident recorded through the service would be', async () => {
    const incident = await ctx.db.selectFrom('incidents').select(['id', 'occurred_on']).executeTakeFirstOrThrow();
    const review = await ctx.db.selectFrom('care_tasks').select('due_on').where('kind', '=', 'incident_review').where('source_id', '=', incident.id)
      .executeTakeFirstOrThrow();

    expect(review.due_on).toBe(addDays(incident.occurred_on, INCIDENT_REVIEW_DAYS));
  });

  it('stores a urine selection that the seeded draw gives again', async () => {
    const selection = await ctx.db.selectFrom('urine_selections').select(['id', 'seed', 'candidates', 'requested']).executeTakeFirstOrThrow();
    const drawn = await ctx.db.selectFrom('urine_tests').select('wbp_id').where('selection_id', '=', selection.id).execute();

    expect(drawn).toHaveLength(selection.requested);
    expect(isReproduced(selection.seed, selection.candidates, selection.requested, drawn.map((t) => t.wbp_id))).toBe(true);
  });

  it('takes attendees of the conference from the Rutan, BNNK and Dinkes and decides to continue for two people', async () => {
    const orgs = await ctx.db.selectFrom('case_conference_attendees as a').innerJoin('organizations as o', 'o.id', 'a.organization_id')
      .select('o.kind').distinct().orderBy('o.kind').execute();
    const decisions = await ctx.db.selectFrom('case_conference_people').select('decision').execute();

    expect(orgs.map((o) => o.kind)).toEqual(['bnnk', 'dinkes', 'rutan']);
    expect(decisions).toEqual([{ decision: 'continue' }, { decision: 'continue' }]);
  });

  it('shows a demo participant\'s history on the timeline of the Rutan\'s clinic staff', async () => {
    const person = await ctx.db.selectFrom('case_conference_people').select('wbp_id').executeTakeFirstOrThrow();
    const clinic = await signIn(ctx.app, 'klinik.serang', DEMO_PASSWORD);

    const response = await clinic.request({ method: 'GET', url: `/api/wbp/${person.wbp_id}/timeline?pageSize=100` });
    const page = response.json() as TimelinePage;

    expect(response.statusCode).toBe(200);
    expect(Object.entries(page.counts).filter(([, n]) => n > 0).map(([k]) => k)).toEqual(
      expect.arrayContaining(['screening', 'assessment', 'decision', 'enrolment', 'note', 'conference']),
    );
  });

  it('gives the same care record from the same anchor date', async () => {
    const again = await testApp({ now: () => NOW });
    try {
      await seedDemo(again.db, { anchor: '2026-11-22' });
      // Who is drawn for the urine test follows the seed and the people's ids, as every draw does; the rest follows the register.
      const read = async (db: Db) => ({
        notes: await db.selectFrom('counselling_notes as n').innerJoin('wbp as w', 'w.id', 'n.wbp_id')
          .select(['w.sdp_number', 'n.held_on', 'n.topic']).orderBy('w.sdp_number').orderBy('n.held_on').execute(),
        phases: await db.selectFrom('phase_changes as c').innerJoin('wbp as w', 'w.id', 'c.wbp_id')
          .select(['w.sdp_number', 'c.changed_on', 'c.to_phase']).orderBy('w.sdp_number').execute(),
        urine: await db.selectFrom('urine_tests').select(['reason', 'status', 'outcome', 'planned_on'])
          .orderBy('planned_on').orderBy('reason').orderBy('status').orderBy('outcome').execute(),
      });
      expect(await read(again.db)).toEqual(await read(ctx.db));
    } finally {
      await again.close();
    }
  });
});
