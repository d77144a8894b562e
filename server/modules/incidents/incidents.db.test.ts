import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IncidentRecord, IncidentsPage } from '../../../shared/contracts/notes.ts';
import { type Session, type TestApp, signIn, testApp } from '../../testing/app.ts';
import { makeOrganization, makeUser, makeWbp } from '../../testing/factories.ts';

let ctx: TestApp;
// Sunday 22 November 2026, 10:00 in Jakarta.
const NOW = new Date('2026-11-22T03:00:00Z');

beforeEach(async () => {
  ctx = await testApp({ now: () => NOW });
});
afterEach(async () => ctx.close());

interface Unit {
  unitId: string;
  officer: { id: string; full_name: string };
  session: Session;
  wbpId: string;
}

async function unit(): Promise<Unit> {
  const rutan = await makeOrganization(ctx.db, { kind: 'rutan' });
  const officer = await makeUser(ctx.db, { role: 'clinic_staff', organizationId: rutan.id });
  const person = await makeWbp(ctx.db, { facility_id: rutan.id });
  return { unitId: rutan.id, officer, session: await signIn(ctx.app, officer.username), wbpId: person.id };
}

const INCIDENT = { occurredOn: '2026-11-20', kind: 'violence', description: 'Berkelahi dengan teman sekamar saat apel sore.', actionTaken: 'Dipisahkan dan diberi teguran.' };

async function record(u: Unit, body: Record<string, unknown> = {}): Promise<IncidentRecord> {
  const response = await u.session.request({ method: 'POST', url: `/api/wbp/${u.wbpId}/incidents`, payload: { ...INCIDENT, ...body } });
  if (response.statusCode !== 201) throw new Error(`recording an incident failed: ${response.statusCode} ${response.body}`);
  return response.json() as IncidentRecord;
}

const tasks = () => ctx.db.selectFrom('care_tasks').selectAll().execute();

describe('recording an incident', () => {
  it('keeps it on the person with the reporter', async () => {
    const u = await unit();

    const incident = await record(u);

    expect(incident).toMatchObject({ ...INCIDENT, wbpId: u.wbpId, reportedBy: u.officer.full_name, reviewTask: null });
    const stored = await ctx.db.selectFrom('incidents').selectAll().where('id', '=', incident.id).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ facility_id: u.unitId, reported_by: u.officer.id, kind: 'violence' });
  });

  it.each(['drug_use', 'drug_possession'])('opens a review task due a week later for %s', async (kind) => {
    const u = await unit();

    const incident = await record(u, { kind, occurredOn: '2026-11-18' });

    const [task] = await tasks();
    expect(task).toMatchObject({
      wbp_id: u.wbpId, facility_id: u.unitId, kind: 'incident_review', source_id: incident.id, due_on: '2026-11-25', status: 'open',
    });
    expect(incident.reviewTask).toEqual({ id: task!.id, dueOn: '2026-11-25', status: 'open' });
  });

  it.each(['violence', 'rule_violation', 'other'])('opens no task for %s', async (kind) => {
    const u = await unit();

    await record(u, { kind });

    expect(await tasks()).toEqual([]);
  });

  it('refuses a date after today, naming the field', async () => {
    const u = await unit();

    const response = await u.session.request({ method: 'POST', url: `/api/wbp/${u.wbpId}/incidents`, payload: { ...INCIDENT, kind: 'drug_use', occurredOn: '2026-11-23' } });

    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([{ field: 'occurredOn', message: 'Tanggal kejadian: tanggal tidak boleh setelah hari ini' }]);
    expect(await tasks()).toEqual([]);
  });

  it('refuses an unknown kind, naming the field', async () => {
    const u = await unit();

    const response = await u.session.request({ method: 'POST', url: `/api/wbp/${u.wbpId}/incidents`, payload: { ...INCIDENT, kind: 'theft' } });

    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['kind']);
  });

  it('treats a person of another unit as not found, and records nothing', async () => {
    const u = await unit();
    const elsewhere = await makeWbp(ctx.db, { facility_id: (await makeOrganization(ctx.db, { kind: 'lapas' })).id });

    const response = await u.session.request({ method: 'POST', url: `/api/wbp/${elsewhere.id}/incidents`, payload: { ...INCIDENT, kind: 'drug_use' } });

    expect(response.statusCode).toBe(404);
    expect(await ctx.db.selectFrom('incidents').select('id').execute()).toEqual([]);
    expect(await tasks()).toEqual([]);
  });

  it('writes the record to the audit log with the task it opened', async () => {
    const u = await unit();

    const incident = await record(u, { kind: 'drug_possession' });

    const rows = await ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'create').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_user_id: u.officer.id, entity_type: 'incident', entity_id: incident.id, facility_id: u.unitId });
    expect(rows[0]!.details).toMatchObject({ kind: 'drug_possession', taskId: incident.reviewTask!.id });
  });
});

describe("reading a person's incidents", () => {
  it('lists the latest first, a page at a time, with the total', async () => {
    const u = await unit();
    for (const occurredOn of ['2026-10-05', '2026-11-12', '2026-11-01']) await record(u, { occurredOn });

    const response = await u.session.request({ method: 'GET', url: `/api/wbp/${u.wbpId}/incidents?pageSize=2` });

    expect(response.statusCode).toBe(200);
    const body = response.json() as IncidentsPage;
    expect(body.items.map((i) => i.occurredOn)).toEqual(['2026-11-12', '2026-11-01']);
    expect(body.total).toBe(3);
  });

  it('writes the read to the audit log', async () => {
    const u = await unit();

    await u.session.request({ method: 'GET', url: `/api/wbp/${u.wbpId}/incidents` });

    const rows = await ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'read').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_user_id: u.officer.id, entity_type: 'incident', entity_id: u.wbpId, facility_id: u.unitId });
  });
});
