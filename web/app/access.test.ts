import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../../shared/contracts/auth.ts';
import type { AgreementScope } from '../../shared/domain/agreements.ts';
import { mayUse, unitsFor } from './access.ts';

const SERANG = '00000000-0000-4000-8000-000000000001';
const PANDEGLANG = '00000000-0000-4000-8000-000000000002';
const ELSEWHERE = '00000000-0000-4000-8000-000000000003';

function user(overrides: Partial<SessionUser>): SessionUser {
  return {
    id: '00000000-0000-4000-8000-0000000000aa',
    username: 'someone',
    fullName: 'Someone',
    role: 'clinic_staff',
    language: 'id',
    organization: { id: SERANG, name: 'Rutan Serang', kind: 'rutan' },
    permissions: [],
    facilities: [{ id: SERANG, name: 'Rutan Serang', code: 'RTN-SRG', scopes: null }],
    ...overrides,
  };
}

function assessor(units: { id: string; scopes: AgreementScope[] }[]): SessionUser {
  return user({
    role: 'assessor',
    organization: { id: '00000000-0000-4000-8000-0000000000bb', name: 'BNNK Serang', kind: 'bnnk' },
    facilities: units.map((u) => ({ id: u.id, name: u.id, code: u.id, scopes: u.scopes })),
  });
}

describe('mayUse', () => {
  it('lets unit staff use what their role holds in their own unit', () => {
    expect(mayUse(user({}), 'screening.write', SERANG)).toBe(true);
  });

  it('refuses a permission the role does not hold, whatever the unit', () => {
    expect(mayUse(user({ role: 'custody_officer' }), 'screening.write', SERANG)).toBe(false);
  });

  it('refuses any action in a unit the user does not work in', () => {
    expect(mayUse(user({}), 'screening.write', ELSEWHERE)).toBe(false);
  });

  it('refuses partner staff an action their agreement with the unit does not cover', () => {
    expect(mayUse(assessor([{ id: SERANG, scopes: ['assessment'] }]), 'screening.write', SERANG)).toBe(false);
  });

  it('lets partner staff act within what their agreement with the unit covers', () => {
    expect(mayUse(assessor([{ id: SERANG, scopes: ['assessment'] }]), 'assessment.write', SERANG)).toBe(true);
  });

  it('judges each unit by its own agreements', () => {
    const u = assessor([{ id: SERANG, scopes: ['assessment'] }, { id: PANDEGLANG, scopes: ['screening'] }]);
    expect(mayUse(u, 'screening.write', PANDEGLANG)).toBe(true);
  });

  it('without a unit, lets partner staff use a unit permission when one of their units covers it', () => {
    expect(mayUse(assessor([{ id: SERANG, scopes: ['assessment'] }, { id: PANDEGLANG, scopes: ['screening'] }]), 'screening.write')).toBe(true);
  });

  it('without a unit, refuses partner staff a unit permission none of their agreements covers', () => {
    expect(mayUse(assessor([{ id: SERANG, scopes: ['assessment'] }]), 'screening.write')).toBe(false);
  });

  it('refuses partner staff without any agreement in force every unit permission', () => {
    expect(mayUse(assessor([]), 'assessment.write')).toBe(false);
  });

  it('refuses partner staff, in any of their units, a permission no agreement scope grants', () => {
    const partnerClinic = { ...assessor([{ id: SERANG, scopes: ['screening', 'counselling'] }]), role: 'clinic_staff' as const };
    expect(mayUse(partnerClinic, 'wbp.write', SERANG)).toBe(false);
    expect(mayUse(partnerClinic, 'timetable.manage', SERANG)).toBe(false);
    expect(mayUse(partnerClinic, 'timetable.read', SERANG)).toBe(true);
  });

  it('lets partner staff use a permission that is not exercised in units by role alone', () => {
    expect(mayUse(assessor([]), 'agreement.read')).toBe(true);
  });

  it('without a unit, refuses partner staff what their role holds but no agreement scope grants, so the menu does not offer it', () => {
    const partnerClinic = { ...assessor([{ id: SERANG, scopes: ['screening', 'counselling'] }]), role: 'clinic_staff' as const };
    expect(mayUse(partnerClinic, 'sdp.import')).toBe(false);
    expect(mayUse(partnerClinic, 'staff.read')).toBe(false);
    expect(mayUse(partnerClinic, 'programme.manage')).toBe(false);
  });

  it('without a unit, lets partner staff receive the aftercare referrals addressed to their organisation', () => {
    expect(mayUse(assessor([]), 'aftercare.receive')).toBe(true);
  });

  it('without a unit, applies the plain role permission to everyone else', () => {
    expect(mayUse(user({ facilities: [] }), 'screening.write')).toBe(true);
  });
});

describe('unitsFor', () => {
  it('gives partner staff only the units whose agreements cover the permission', () => {
    const u = assessor([{ id: SERANG, scopes: ['assessment'] }, { id: PANDEGLANG, scopes: ['screening'] }]);
    expect(unitsFor(u, 'screening.write').map((f) => f.id)).toEqual([PANDEGLANG]);
  });

  it('gives everyone else all of their units', () => {
    const u = user({ facilities: [{ id: SERANG, name: 'A', code: 'A', scopes: null }, { id: PANDEGLANG, name: 'B', code: 'B', scopes: null }] });
    expect(unitsFor(u, 'clinical.read').map((f) => f.id)).toEqual([SERANG, PANDEGLANG]);
  });

  it('gives no unit for a permission the role does not hold', () => {
    expect(unitsFor(user({ role: 'custody_officer' }), 'clinical.read')).toEqual([]);
  });
});
