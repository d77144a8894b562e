import { describe, expect, it } from 'vitest';
import { programmeBody } from '../contracts/programmes.ts';
import { DEFAULT_PROGRAMMES } from './programmes.ts';

describe('the default programme catalogue', () => {
  it('is valid by the programme contract, every programme', () => {
    for (const programme of DEFAULT_PROGRAMMES) expect(programmeBody.safeParse(programme).success).toBe(true);
  });

  it('runs the Therapeutic Community 24 weeks: 2 entry, 19 core, 3 re-entry', () => {
    const tc = DEFAULT_PROGRAMMES.find((p) => p.kind === 'social')!;
    expect(tc.durationWeeks).toBe(24);
    expect(tc.phases.map((p) => p.weeks)).toEqual([2, 19, 3]);
  });

  it('keeps TC static groups at 6 to 8 people for about 2 hours', () => {
    const group = DEFAULT_PROGRAMMES.find((p) => p.kind === 'social')!.sessionTypes.find((s) => s.code === 'group_counselling')!;
    expect([group.minGroup, group.maxGroup, group.durationMinutes]).toEqual([6, 8, 120]);
  });

  it('runs medical rehabilitation about six months', () => {
    expect(DEFAULT_PROGRAMMES.find((p) => p.kind === 'medical')!.durationWeeks).toBe(26);
  });
});

describe('the programme contract', () => {
  it('refuses phases that do not add up to the duration', () => {
    const tc = DEFAULT_PROGRAMMES.find((p) => p.kind === 'social')!;
    const result = programmeBody.safeParse({ ...tc, durationWeeks: 26 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['phases']);
  });

  it('refuses a group session without group sizes', () => {
    const edu = DEFAULT_PROGRAMMES.find((p) => p.kind === 'education')!;
    const broken = { ...edu, sessionTypes: [{ ...edu.sessionTypes[0]!, minGroup: null, maxGroup: null }] };
    expect(programmeBody.safeParse(broken).success).toBe(false);
  });
});
