import { describe, expect, it } from 'vitest';
import { ROLES } from '../contracts/common.ts';
import { PERMISSIONS, can, seesPeople } from './permissions.ts';

describe('permissions', () => {
  it('never gives custody or probation officers clinical content', () => {
    expect(can('custody_officer', 'clinical.read')).toBe(false);
    expect(can('probation_officer', 'clinical.read')).toBe(false);
  });

  it('gives regional and national managers aggregates but no person', () => {
    for (const role of ['regional_manager', 'national_admin'] as const) {
      expect(seesPeople(role)).toBe(false);
      expect(can(role, 'stats.read')).toBe(true);
    }
  });

  it('keeps counselling notes to clinical roles: not the head of unit, custody, probation or managers', () => {
    expect(ROLES.filter((r) => can(r, 'notes.read'))).toEqual(['clinic_staff', 'assessor', 'counsellor']);
  });

  it('lets only the national administrator manage accounts and read the audit log', () => {
    const admins = ROLES.filter((r) => can(r, 'user.manage') || can(r, 'audit.read'));
    expect(admins).toEqual(['national_admin']);
  });

  it('names only known roles in every permission', () => {
    for (const roles of Object.values(PERMISSIONS)) for (const role of roles) expect(ROLES).toContain(role);
  });
});
