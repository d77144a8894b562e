import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Session, type TestApp, signIn, testApp } from '../../testing/app.ts';
import { makeOrganization, makeUser, makeWbp } from '../../testing/factories.ts';

let ctx: TestApp;
let unitId: string;
let custody: Session;

beforeEach(async () => {
  ctx = await testApp();
  unitId = (await makeOrganization(ctx.db, { kind: 'rutan' })).id;
  custody = await signIn(ctx.app, (await makeUser(ctx.db, { role: 'custody_officer', organizationId: unitId })).username);
});
afterEach(async () => ctx.close());

describe('the unit routine', () => {
  it('records a weekly block and answers it in HH:MM', async () => {
    const response = await custody.request({
      method: 'POST', url: `/api/facilities/${unitId}/routine/blocks`, payload: { kind: 'worship', label: 'Salat Jumat', dayOfWeek: 5, start: '11:30', end: '13:00' },
    });

    expect(response.statusCode).toBe(201);
    const routine = (await custody.request({ method: 'GET', url: `/api/facilities/${unitId}/routine` })).json() as { blocks: unknown[] };
    expect(routine.blocks).toEqual([expect.objectContaining({ kind: 'worship', dayOfWeek: 5, start: '11:30', end: '13:00' })]);
  });

  it('refuses a block that ends before it starts, in Indonesian, and stores nothing', async () => {
    const response = await custody.request({
      method: 'POST', url: `/api/facilities/${unitId}/routine/blocks`, payload: { kind: 'meal', label: 'Makan', dayOfWeek: 1, start: '13:00', end: '12:00' },
    });

    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { fields: [{ field: 'end', message: 'Jam selesai: jam selesai harus setelah jam mulai' }] } });
    expect(await ctx.db.selectFrom('routine_blocks').select('id').execute()).toEqual([]);
  });

  it('keeps what a removed block was in the audit log', async () => {
    const created = (await custody.request({
      method: 'POST', url: `/api/facilities/${unitId}/routine/blocks`, payload: { kind: 'visits', label: 'Kunjungan', dayOfWeek: 2, start: '09:00', end: '11:00' },
    })).json() as { id: string };

    expect((await custody.request({ method: 'DELETE', url: `/api/routine/blocks/${created.id}` })).statusCode).toBe(204);
    const audit = await ctx.db.selectFrom('audit_log').select(['action', 'details']).where('entity_id', '=', created.id).where('action', '=', 'delete').executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ label: 'Kunjungan', day_of_week: 2 });
  });

  it('takes a whole-day lockdown, and refuses a range with only one end', async () => {
    const whole = await custody.request({ method: 'POST', url: `/api/facilities/${unitId}/routine/exceptions`, payload: { kind: 'lockdown', label: 'Razia', date: '2026-11-26' } });
    const half = await custody.request({ method: 'POST', url: `/api/facilities/${unitId}/routine/exceptions`, payload: { kind: 'other', label: 'Rapat', date: '2026-11-27', start: '09:00' } });

    expect(whole.json()).toMatchObject({ start: null, end: null });
    expect(half.statusCode).toBe(400);
  });
});

describe('court dates and non-associations', () => {
  it('records a detainee\'s court date', async () => {
    const person = await makeWbp(ctx.db, { facility_id: unitId });

    await custody.request({ method: 'POST', url: `/api/wbp/${person.id}/court-dates`, payload: { date: '2026-11-25', start: '08:00', end: '14:00', note: 'PN Serang' } });

    const list = (await custody.request({ method: 'GET', url: `/api/wbp/${person.id}/court-dates` })).json() as { items: unknown[] };
    expect(list.items).toEqual([expect.objectContaining({ date: '2026-11-25', start: '08:00', end: '14:00', note: 'PN Serang' })]);
  });

  it('shows a non-association from both sides and refuses the same pair twice, in either order', async () => {
    const a = await makeWbp(ctx.db, { facility_id: unitId, full_name: 'Andi Saputra' });
    const b = await makeWbp(ctx.db, { facility_id: unitId, full_name: 'Budi Santoso' });
    await custody.request({ method: 'POST', url: `/api/wbp/${a.id}/non-associations`, payload: { otherWbpId: b.id, reason: 'Perkelahian di blok' } });

    const fromB = (await custody.request({ method: 'GET', url: `/api/wbp/${b.id}/non-associations` })).json() as { items: { otherName: string }[] };
    const again = await custody.request({ method: 'POST', url: `/api/wbp/${b.id}/non-associations`, payload: { otherWbpId: a.id, reason: 'Lagi' } });

    expect(fromB.items.map((n) => n.otherName)).toEqual(['Andi Saputra']);
    expect(again.statusCode).toBe(400);
  });

  it('lets the unit remove a non-association whichever of the pair has moved to another unit', async () => {
    const a = await makeWbp(ctx.db, { facility_id: unitId });
    const b = await makeWbp(ctx.db, { facility_id: unitId });
    const created = (await custody.request({ method: 'POST', url: `/api/wbp/${a.id}/non-associations`, payload: { otherWbpId: b.id, reason: 'Perkelahian di blok' } })).json() as { id: string };
    const stored = await ctx.db.selectFrom('non_associations').select('wbp_a').where('id', '=', created.id).executeTakeFirstOrThrow();
    const elsewhere = await makeOrganization(ctx.db, { kind: 'lapas' });
    await ctx.db.updateTable('wbp').set({ facility_id: elsewhere.id }).where('id', '=', stored.wbp_a).execute();

    const response = await custody.request({ method: 'DELETE', url: `/api/non-associations/${created.id}` });

    expect(response.statusCode).toBe(204);
    expect(await ctx.db.selectFrom('non_associations').select('id').execute()).toEqual([]);
  });
});

describe('staff availability', () => {
  it('replaces a staff member\'s weekly hours', async () => {
    const counsellor = await makeUser(ctx.db, { role: 'clinic_staff', organizationId: unitId });
    const put = (windows: unknown[]) =>
      custody.request({ method: 'PUT', url: `/api/facilities/${unitId}/staff-availability/${counsellor.id}`, payload: { windows } });
    await put([{ dayOfWeek: 1, start: '08:00', end: '12:00' }, { dayOfWeek: 3, start: '08:00', end: '12:00' }]);

    const response = await put([{ dayOfWeek: 2, start: '13:00', end: '16:00' }]);

    expect(response.json()).toMatchObject({ userId: counsellor.id, windows: [{ dayOfWeek: 2, start: '13:00', end: '16:00' }] });
  });
});
