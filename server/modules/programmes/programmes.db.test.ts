import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProgrammeRecord } from '../../../shared/contracts/programmes.ts';
import { DEFAULT_PROGRAMMES } from '../../../shared/domain/programmes.ts';
import { type Session, type TestApp, signIn, testApp } from '../../testing/app.ts';
import { makeOrganization, makeProgramme, makeUser } from '../../testing/factories.ts';

let ctx: TestApp;
let unitId: string;
let staff: Session;

beforeEach(async () => {
  ctx = await testApp();
  const unit = await makeOrganization(ctx.db, { kind: 'rutan' });
  unitId = unit.id;
  staff = await signIn(ctx.app, (await makeUser(ctx.db, { role: 'clinic_staff', organizationId: unit.id })).username);
});
afterEach(async () => ctx.close());

const catalogue = async () => (await staff.request({ method: 'GET', url: `/api/facilities/${unitId}/programmes` })).json() as { items: ProgrammeRecord[] };

describe('the programme catalogue of a unit', () => {
  it('starts empty and takes the six default programmes on request', async () => {
    expect((await catalogue()).items).toEqual([]);

    const response = await staff.request({ method: 'POST', url: `/api/facilities/${unitId}/programmes/defaults` });

    expect(response.statusCode).toBe(200);
    const kinds = (response.json() as { items: ProgrammeRecord[] }).items.map((p) => p.kind).sort();
    expect(kinds).toEqual(['education', 'medical', 'post_rehab', 'ptrm', 'social', 'vct_counselling']);
  });

  it('adds the defaults only once', async () => {
    await staff.request({ method: 'POST', url: `/api/facilities/${unitId}/programmes/defaults` });
    await staff.request({ method: 'POST', url: `/api/facilities/${unitId}/programmes/defaults` });

    expect((await catalogue()).items).toHaveLength(DEFAULT_PROGRAMMES.length);
  });

  it('keeps the Therapeutic Community phases and its static groups of 6 to 8', async () => {
    await staff.request({ method: 'POST', url: `/api/facilities/${unitId}/programmes/defaults` });
    const tc = (await catalogue()).items.find((p) => p.kind === 'social')!;

    expect(tc.phases.map((p) => [p.code, p.weeks])).toEqual([['entry', 2], ['core', 19], ['re_entry', 3]]);
    expect(tc.sessionTypes.find((s) => s.code === 'group_counselling')).toMatchObject({ minGroup: 6, maxGroup: 8, durationMinutes: 120 });
  });

  it('refuses a second programme with the same name in the unit, naming the field', async () => {
    const body = { ...DEFAULT_PROGRAMMES[0]!, name: 'Edukasi Blok A' };
    await staff.request({ method: 'POST', url: `/api/facilities/${unitId}/programmes`, payload: body });

    const response = await staff.request({ method: 'POST', url: `/api/facilities/${unitId}/programmes`, payload: { ...body, name: 'edukasi blok a' } });

    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { fields: [{ field: 'name', message: 'Nama: Nama program sudah dipakai di unit ini.' }] } });
  });

  it('refuses phases that do not add up to the programme length and stores nothing', async () => {
    const tc = DEFAULT_PROGRAMMES.find((p) => p.kind === 'social')!;

    const response = await staff.request({ method: 'POST', url: `/api/facilities/${unitId}/programmes`, payload: { ...tc, durationWeeks: 20 } });

    expect(response.statusCode).toBe(400);
    expect((response.json() as { error: { fields: { field: string }[] } }).error.fields[0]?.field).toBe('phases');
    expect((await catalogue()).items).toEqual([]);
  });

  it('edits capacity and session types, keeping each kept session type by its code', async () => {
    const programme = await makeProgramme(ctx.db, unitId, 'medical');
    const before = await ctx.db.selectFrom('programme_session_types').select(['id', 'code']).where('programme_id', '=', programme.id).execute();
    const medical = DEFAULT_PROGRAMMES.find((p) => p.kind === 'medical')!;
    const kept = medical.sessionTypes.filter((s) => s.code !== 'urine_test');

    const response = await staff.request({
      method: 'PUT', url: `/api/programmes/${programme.id}`,
      payload: { ...medical, name: programme.name, capacity: 25, sessionTypes: kept, version: 1 },
    });

    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ capacity: 25, version: 2 });
    const after = await ctx.db.selectFrom('programme_session_types').select(['id', 'code']).where('programme_id', '=', programme.id).execute();
    expect(after.map((t) => t.code).sort()).toEqual(kept.map((s) => s.code).sort());
    for (const t of after) expect(t.id).toBe(before.find((b) => b.code === t.code)?.id);
  });

  it('refuses an edit from a stale version', async () => {
    const programme = await makeProgramme(ctx.db, unitId, 'education');
    const education = DEFAULT_PROGRAMMES.find((p) => p.kind === 'education')!;
    const edit = (capacity: number, version: number) =>
      staff.request({ method: 'PUT', url: `/api/programmes/${programme.id}`, payload: { ...education, name: programme.name, capacity, version } });
    await edit(50, 1);

    const response = await edit(70, 1);

    expect(response.statusCode).toBe(409);
  });

  it('hides another unit\'s programmes', async () => {
    const other = await makeOrganization(ctx.db, { kind: 'rutan' });
    const programme = await makeProgramme(ctx.db, other.id);

    expect((await staff.request({ method: 'GET', url: `/api/programmes/${programme.id}` })).statusCode).toBe(404);
    expect((await staff.request({ method: 'GET', url: `/api/facilities/${other.id}/programmes` })).statusCode).toBe(404);
  });
});
