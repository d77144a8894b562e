import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../../shared/contracts/auth.ts';
import { mayUse, unitsFor } from './access.ts';

const BAPAS = '00000000-0000-4000-8000-0000000000b1';
const SERANG = '00000000-0000-4000-8000-000000000001';

const officer: SessionUser = {
  id: '00000000-0000-4000-8000-0000000000aa',
  username: 'pk.bapas',
  fullName: 'PK Bapas',
  role: 'probation_officer',
  language: 'id',
  organization: { id: BAPAS, name: 'Bapas Kelas I Serang', kind: 'bapas' },
  permissions: [],
  facilities: [
    { id: BAPAS, name: 'Bapas Kelas I Serang', code: 'BAPAS-SERANG', scopes: null },
    { id: SERANG, name: 'Rutan Serang', code: 'RUTAN-SERANG', scopes: null },
  ],
};

describe('the units of Bapas staff', () => {
  it('offers only the Bapas for its timetable and programmes to manage', () => {
    expect(unitsFor(officer, 'timetable.read').map((f) => f.id)).toEqual([BAPAS]);
    expect(unitsFor(officer, 'programme.manage').map((f) => f.id)).toEqual([BAPAS]);
  });

  it('offers only the units of its area for the register', () => {
    expect(unitsFor(officer, 'wbp.read').map((f) => f.id)).toEqual([SERANG]);
  });

  it('refuses the timetable of a Rutan of the area', () => {
    expect(mayUse(officer, 'timetable.manage', SERANG)).toBe(false);
    expect(mayUse(officer, 'timetable.manage', BAPAS)).toBe(true);
  });
});
