import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScreeningRecord } from '../../../shared/contracts/clinical.ts';
import { type Session, type TestApp, signIn, testApp } from '../../testing/app.ts';
import { makeOrganization, makeScreening, makeUser, makeWbp } from '../../testing/factories.ts';

interface ErrorBody { error: { code: string; message: string; fields?: { field: string; message: string }[] } }
interface WorklistPage { items: { wbpId: string; fullName: string; admissionDate: string; facilityId: string }[]; total: number }

// Friday 20 November 2026, 10:00 in Jakarta (WIB, UTC+7).
const NOW = new Date('2026-11-20T03:00:00Z');

let ctx: TestApp;
let kanwil: Awaited<ReturnType<typeof makeOrganization>>;
let unit: Awaited<ReturnType<typeof makeOrganization>>;
let staff: Awaited<ReturnType<typeof makeUser>>;
let session: Session;

async function setUp(now: Date = NOW): Promise<void> {
  ctx = await testApp({ now: () => now });
  const ditjenpas = await makeOrganization(ctx.db, { kind: 'ditjenpas' });
  kanwil = await makeOrganization(ctx.db, { kind: 'kanwil', parent_id: ditjenpas.id });
  unit = await makeOrganization(ctx.db, { kind: 'rutan', parent_id: kanwil.id });
  staff = await makeUser(ctx.db, { role: 'clinic_staff', organizationId: unit.id });
  session = await signIn(ctx.app, staff.username);
}

afterEach(async () => ctx.close());

/**
 * ASSIST answers in the `pulih score` format: amphetamines daily with every consequence in the
 * past 3 months (6+6+7+8+6+6 = 39, high), alcohol weekly with a past concern (4+5+0+0+3+0 = 12,
 * moderate), nothing else ever used, injected in the past 3 months.
 */
function answers(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    q1: {
      tobacco: false, alcohol: true, cannabis: false, cocaine: false, amphetamines: true,
      inhalants: false, sedatives: false, hallucinogens: false, opioids: false, other: false,
    },
    q2: { alcohol: 'weekly', amphetamines: 'daily' },
    q3: { alcohol: 'weekly', amphetamines: 'daily' },
    q4: { alcohol: 'never', amphetamines: 'daily' },
    q5: { alcohol: 'never', amphetamines: 'daily' },
    q6: { alcohol: 'not_past_3_months', amphetamines: 'past_3_months' },
    q7: { alcohol: 'never', amphetamines: 'past_3_months' },
    q8: 'past_3_months',
    ...overrides,
  };
}

function screen(wbpId: string, payload: Record<string, unknown>, as: Session = session) {
  return as.request({ method: 'POST', url: `/api/wbp/${wbpId}/screenings`, payload });
}

async function screened(wbpId: string, payload: Record<string, unknown>): Promise<ScreeningRecord> {
  const response = await screen(wbpId, payload);
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as ScreeningRecord;
}

async function history(wbpId: string): Promise<ScreeningRecord[]> {
  const response = await session.request({ method: 'GET', url: `/api/wbp/${wbpId}/screenings` });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as { items: ScreeningRecord[] }).items;
}

async function worklist(): Promise<WorklistPage> {
  const response = await session.request({ method: 'GET', url: '/api/screening/worklist' });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as WorklistPage;
}

async function screeningCount(): Promise<number> {
  return (await ctx.db.selectFrom('screenings').select('id').execute()).length;
}

async function setHolidays(holidays: string[]): Promise<void> {
  const ditjenpas = await makeOrganization(ctx.db, { kind: 'ditjenpas' });
  const admin = await makeUser(ctx.db, { role: 'national_admin', organizationId: ditjenpas.id });
  const adminSession = await signIn(ctx.app, admin.username);
  const response = await adminSession.request({ method: 'PUT', url: '/api/settings', payload: { rupiahPerUsd: 16_000, holidays } });
  expect(response.statusCode, response.body).toBe(200);
}

describe('scoring a screening', () => {
  beforeEach(async () => setUp());

  it('scores each substance on the server and gives its risk and intervention', async () => {
    const person = await makeWbp(ctx.db, { facility_id: unit.id });

    const record = await screened(person.id, { answers: answers(), screenedOn: '2026-11-02' });

    expect(record.result.substances.amphetamines).toEqual({ score: 39, risk: 'high', intervention: 'brief_intervention_and_referral' });
    expect(record.result.substances.alcohol).toEqual({ score: 12, risk: 'moderate', intervention: 'brief_intervention' });
    expect(record.result.substances.cannabis).toEqual({ score: 0, risk: 'low', intervention: 'feedback' });
  });

  it('gives the highest risk as the overall result, tobacco excluded', async () => {
    const person = await makeWbp(ctx.db, { facility_id: unit.id });

    const record = await screened(person.id, { answers: answers() });

    expect(record.result).toMatchObject({ instrument: 'assist', version: '3.0', overall: 'high', overallExcludes: ['tobacco'] });
    expect(record).toMatchObject({ wbpId: person.id, instrument: 'assist', version: '3.0', screenedBy: staff.full_name });
  });

  it('flags injecting in the past 3 months for injecting-risk advice', async () => {
    const person = await makeWbp(ctx.db, { facility_id: unit.id });

    const record = await screened(person.id, { answers: answers({ q8: 'past_3_months' }) });

    expect(record.result).toMatchObject({ injection: 'past_3_months', injectingAdvice: true });
  });

  it('gives no injecting advice for injecting longer ago', async () => {
    const person = await makeWbp(ctx.db, { facility_id: unit.id });

    const record = await screened(person.id, { answers: answers({ q8: 'not_past_3_months' }) });

    expect(record.result).toMatchObject({ injection: 'not_past_3_months', injectingAdvice: false });
  });

  it('ignores a score the client sends and keeps the one it computes', async () => {
    const person = await makeWbp(ctx.db, { facility_id: unit.id });

    const response = await screen(person.id, { answers: answers(), result: { overall: 'low' } });

    expect(response.statusCode, response.body).toBe(201);
    expect((response.json() as ScreeningRecord).result.overall).toBe('high');
    const row = await ctx.db.selectFrom('screenings').select(['overall_risk']).executeTakeFirstOrThrow();
    expect(row.overall_risk).toBe('high');
  });

  it('dates the screening today in Jakarta when no date is given', async () => {
    const person = await makeWbp(ctx.db, { facility_id: unit.id });

    const record = await screened(person.id, { answers: answers() });

    expect(record.screenedOn).toBe('2026-11-20');
  });
});

describe('the decision due date', () => {
  beforeEach(async () => setUp());

  it('falls 14 working days after the screening, weekends skipped', async () => {
    const person = await makeWbp(ctx.db, { facility_id: unit.id });

    // Monday 2 November + 14 working days (two weekends skipped) = Friday 20 November.
    const record = await screened(person.id, { answers: answers(), screenedOn: '2026-11-02' });

    expect(record.decisionDueOn).toBe('2026-11-20');
  });

  it('moves past the holidays the national administrator has set, a Saturday holiday changing nothing', async () => {
    const person = await makeWbp(ctx.db, { facility_id: unit.id });
    await setHolidays(['2026-11-10', '2026-11-14', '2026-11-17']);

    const record = await screened(person.id, { answers: answers(), screenedOn: '2026-11-02' });

    // Two weekday holidays push Friday 20 November to Tuesday 24 November.
    expect(record.decisionDueOn).toBe('2026-11-24');
  });

  it('follows holidays set after the screening when the history is read', async () => {
    const person = await makeWbp(ctx.db, { facility_id: unit.id });
    await screened(person.id, { answers: answers(), screenedOn: '2026-11-02' });
    await setHolidays(['2026-11-10']);

    const [record] = await history(person.id);

    expect(record?.decisionDueOn).toBe('2026-11-23');
  });
});

describe('refusing a screening', () => {
  beforeEach(async () => setUp());

  it('refuses an urge answer for a substance not used in the past 3 months, naming answers.q3.alcohol in Indonesian', async () => {
    const person = await makeWbp(ctx.db, { facility_id: unit.id });
    const bad = answers({
      q2: { alcohol: 'never', amphetamines: 'daily' },
      q3: { alcohol: 'daily', amphetamines: 'daily' },
      q4: { amphetamines: 'daily' },
      q5: { amphetamines: 'daily' },
    });

    const response = await screen(person.id, { answers: bad });

    expect(response.statusCode).toBe(400);
    const body = response.json() as ErrorBody;
    expect(body.error).toMatchObject({ code: 'VALIDATION', message: 'Data tidak valid. Periksa isian yang ditandai.' });
    expect(body.error.fields).toEqual([{
      field: 'answers.q3.alcohol',
      message: 'Jawaban (q3.alcohol): tidak ditanyakan karena zat ini tidak dipakai dalam 3 bulan terakhir (Q2 "tidak pernah")',
    }]);
  });

  it('words the broken ASSIST rule in Indonesian too, not only the frame around it', async () => {
    const person = await makeWbp(ctx.db, { facility_id: unit.id });
    const { q8: _omitted, ...withoutInjection } = answers();

    const response = await screen(person.id, { answers: withoutInjection });

    // Habit 8: validation errors in the user's language. The instrument's English sentence
    // ("q8 is required.") must not reach an Indonesian user.
    const [field] = (response.json() as ErrorBody).error.fields ?? [];
    expect(field?.message).toMatch(/^Jawaban \(q8\): /);
    expect(field?.message).not.toMatch(/\bis required\b|\bmust be\b|\bbecause\b/);
  });

  it('saves nothing and writes no audit row for answers it refuses', async () => {
    const person = await makeWbp(ctx.db, { facility_id: unit.id });
    const { q8: _omitted, ...withoutInjection } = answers();

    const response = await screen(person.id, { answers: withoutInjection });

    expect(response.statusCode).toBe(400);
    expect(await screeningCount()).toBe(0);
    expect(await ctx.db.selectFrom('audit_log').select('id').where('entity_type', '=', 'screening').execute()).toEqual([]);
  });

  it('names answers.q8 as required when the injection question is unanswered', async () => {
    const person = await makeWbp(ctx.db, { facility_id: unit.id });
    const { q8: _omitted, ...withoutInjection } = answers();

    const response = await screen(person.id, { answers: withoutInjection });

    expect(response.statusCode).toBe(400);
    expect((response.json() as ErrorBody).error.fields).toEqual([
      { field: 'answers.q8', message: 'Jawaban (q8): wajib diisi' },
    ]);
  });

  it('refuses a screening dated after today, naming screenedOn, and saves nothing', async () => {
    const person = await makeWbp(ctx.db, { facility_id: unit.id });

    const response = await screen(person.id, { answers: answers(), screenedOn: '2026-11-21' });

    expect(response.statusCode).toBe(400);
    expect((response.json() as ErrorBody).error.fields).toEqual([
      { field: 'screenedOn', message: expect.stringContaining('tanggal tidak boleh setelah hari ini') },
    ]);
    expect(await screeningCount()).toBe(0);
  });

  it('answers 404 for a person of another unit and saves nothing', async () => {
    const otherUnit = await makeOrganization(ctx.db, { kind: 'lapas', parent_id: kanwil.id });
    const stranger = await makeWbp(ctx.db, { facility_id: otherUnit.id });

    const response = await screen(stranger.id, { answers: answers() });

    expect(response.statusCode).toBe(404);
    expect(await screeningCount()).toBe(0);
  });

  it('refuses a custody officer with 403', async () => {
    const person = await makeWbp(ctx.db, { facility_id: unit.id });
    const officer = await makeUser(ctx.db, { role: 'custody_officer', organizationId: unit.id });
    const officerSession = await signIn(ctx.app, officer.username);

    const response = await screen(person.id, { answers: answers() }, officerSession);

    expect(response.statusCode).toBe(403);
    expect(await screeningCount()).toBe(0);
  });
});

describe('the date of a screening near midnight', () => {
  it("accepts today's date in Jakarta while it is still yesterday in UTC", async () => {
    // 21 November 2026, 03:00 in Jakarta; 20 November, 20:00 UTC.
    await setUp(new Date('2026-11-20T20:00:00Z'));
    const person = await makeWbp(ctx.db, { facility_id: unit.id });

    const response = await screen(person.id, { answers: answers(), screenedOn: '2026-11-21' });

    expect(response.statusCode, response.body).toBe(201);
  });
});

describe('auditing screenings', () => {
  beforeEach(async () => setUp());

  it('writes a create row for the screening in the same unit', async () => {
    const person = await makeWbp(ctx.db, { facility_id: unit.id });

    const record = await screened(person.id, { answers: answers() });

    const rows = await ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'create').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actor_user_id: staff.id, entity_type: 'screening', entity_id: record.id, facility_id: unit.id,
      details: { wbpId: person.id, overall: 'high' },
    });
  });

  it('writes a read row when the history is read', async () => {
    const person = await makeWbp(ctx.db, { facility_id: unit.id });

    await history(person.id);

    const rows = await ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'read').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_user_id: staff.id, entity_type: 'screening', entity_id: person.id, facility_id: unit.id });
  });
});

describe('the screening history', () => {
  beforeEach(async () => setUp());

  it('lists re-screens newest first by screening date, whatever the order they were entered in', async () => {
    const person = await makeWbp(ctx.db, { facility_id: unit.id });
    const middle = await screened(person.id, { answers: answers(), screenedOn: '2026-10-05' });
    const newest = await screened(person.id, { answers: answers(), screenedOn: '2026-11-16' });
    const oldest = await screened(person.id, { answers: answers(), screenedOn: '2026-09-01' });

    const items = await history(person.id);

    expect(items.map((s) => s.id)).toEqual([newest.id, middle.id, oldest.id]);
  });

  it("lists only this person's screenings", async () => {
    const person = await makeWbp(ctx.db, { facility_id: unit.id });
    const neighbour = await makeWbp(ctx.db, { facility_id: unit.id });
    await makeScreening(ctx.db, { wbpId: neighbour.id, facilityId: unit.id });
    const own = await screened(person.id, { answers: answers() });

    const items = await history(person.id);

    expect(items.map((s) => s.id)).toEqual([own.id]);
  });
});

describe('the screening worklist', () => {
  beforeEach(async () => setUp());

  it('lists the unscreened people of the unit, newest admission first', async () => {
    const may = await makeWbp(ctx.db, { facility_id: unit.id, admission_date: '2026-05-01' });
    const october = await makeWbp(ctx.db, { facility_id: unit.id, admission_date: '2026-10-01' });
    const august = await makeWbp(ctx.db, { facility_id: unit.id, admission_date: '2026-08-01' });

    const page = await worklist();

    expect(page.items.map((i) => i.wbpId)).toEqual([october.id, august.id, may.id]);
    expect(page.total).toBe(3);
  });

  it('leaves out people of units the user does not work in', async () => {
    const otherUnit = await makeOrganization(ctx.db, { kind: 'lapas', parent_id: kanwil.id });
    const own = await makeWbp(ctx.db, { facility_id: unit.id });
    await makeWbp(ctx.db, { facility_id: otherUnit.id });

    const page = await worklist();

    expect(page.items.map((i) => i.wbpId)).toEqual([own.id]);
    expect(page.total).toBe(1);
  });

  it('names the unit each person is held in, so the web offers only actions that unit allows', async () => {
    await makeWbp(ctx.db, { facility_id: unit.id });

    const page = await worklist();

    expect(page.items.map((i) => i.facilityId)).toEqual([unit.id]);
  });

  it('drops a person once screened', async () => {
    const first = await makeWbp(ctx.db, { facility_id: unit.id, admission_date: '2026-10-01' });
    const second = await makeWbp(ctx.db, { facility_id: unit.id, admission_date: '2026-09-01' });

    await screened(first.id, { answers: answers() });

    const page = await worklist();
    expect(page.items.map((i) => i.wbpId)).toEqual([second.id]);
    expect(page.total).toBe(1);
  });
});
