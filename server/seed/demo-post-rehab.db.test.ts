import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReferralList } from '../../shared/contracts/aftercare.ts';
import type { PostRehabCandidate, PostRehabEnrolment } from '../../shared/contracts/postRehab.ts';
import type { ProgrammeRecord } from '../../shared/contracts/programmes.ts';
import type { TimetableWeek } from '../../shared/contracts/timetable.ts';
import { type Session, type TestApp, signIn, testApp } from '../testing/app.ts';
import { DEMO_PASSWORD, seedDemo } from './demo.ts';
import { DEMO_POST_REHAB_PROGRAMME } from './demo-post-rehab.ts';

// Sunday 22 November 2026, 10:00 in Jakarta: the demo's anchor.
const NOW = new Date('2026-11-22T03:00:00Z');

describe('the demo post-rehabilitation', () => {
  let ctx: TestApp;
  let pk: Session;
  let bapasId: string;
  let programme: ProgrammeRecord;

  beforeAll(async () => {
    ctx = await testApp({ now: () => NOW });
    await seedDemo(ctx.db, { anchor: '2026-11-22' });
    pk = await signIn(ctx.app, 'pk.bapas', DEMO_PASSWORD);
    bapasId = (await ctx.db.selectFrom('organizations').select('id').where('code', '=', 'BAPAS-SERANG').executeTakeFirstOrThrow()).id;
    const catalogue = (await pk.request({ method: 'GET', url: `/api/facilities/${bapasId}/programmes` })).json() as { items: ProgrammeRecord[] };
    const found = catalogue.items.find((p) => p.name === DEMO_POST_REHAB_PROGRAMME);
    if (!found) throw new Error('the demo post-rehabilitation programme is missing');
    programme = found;
  });
  afterAll(async () => ctx.close());

  it('gives Bapas Serang a post-rehabilitation programme of its own', () => {
    expect(programme).toMatchObject({ facilityId: bapasId, kind: 'post_rehab', active: true });
  });

  it('enrols the accepted parolee from the referral, active since five days after the release', async () => {
    const inbox = (await pk.request({ method: 'GET', url: '/api/aftercare/inbox' })).json() as ReferralList;
    const referral = inbox.items[0]!;

    const roster = (await pk.request({ method: 'GET', url: `/api/programmes/${programme.id}/post-rehab-enrolments` })).json() as { items: PostRehabEnrolment[] };

    expect(roster.items.map((e) => [e.referralId, e.fullName, e.status, e.startDate, e.fromName])).toEqual([
      [referral.id, referral.fullName, 'active', '2026-10-18', 'Rutan Kelas IIB Serang'],
    ]);
  });

  it('leaves no accepted client waiting to be enrolled', async () => {
    const candidates = (await pk.request({ method: 'GET', url: `/api/facilities/${bapasId}/post-rehab-candidates` })).json() as { items: PostRehabCandidate[] };

    expect(candidates.items).toEqual([]);
  });

  it('lets the probation officer make a week with a session for the client', async () => {
    const [client] = ((await pk.request({ method: 'GET', url: `/api/programmes/${programme.id}/post-rehab-enrolments` })).json() as { items: PostRehabEnrolment[] }).items;

    const made = await pk.request({ method: 'POST', url: `/api/facilities/${bapasId}/timetable`, payload: { weekStart: '2026-11-23' } });

    expect(made.statusCode, made.body).toBe(201);
    const week = made.json() as TimetableWeek;
    const counselling = week.sessions.filter((s) => s.sessionCode === 'relapse_counselling');
    expect(counselling).toHaveLength(1);
    expect(counselling[0]!.members.map((m) => m.wbpId)).toEqual([client!.wbpId]);
    expect(week.unplaced).toEqual([]);
  });
});
