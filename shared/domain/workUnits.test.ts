import { describe, expect, it } from 'vitest';
import { unitsAllowing } from './workUnits.ts';

const bapas = { id: 'bapas-serang', kind: 'bapas' as const };
const partner = { id: 'bnnk-serang', kind: 'bnnk' as const };
const rutan = { id: 'rutan-serang', kind: 'rutan' as const };

describe('the units in which an account may use a permission', () => {
  it('keeps a custodial unit whole, whatever the permission', () => {
    const units = [{ id: 'rutan-serang', scopes: null }];
    expect(unitsAllowing(units, 'notes.write', rutan)).toEqual(units);
  });

  it('keeps for partner staff only the units whose agreements cover the permission', () => {
    const counselling = { id: 'rutan-serang', scopes: ['counselling'] as const };
    const screening = { id: 'rutan-pandeglang', scopes: ['screening'] as const };
    expect(unitsAllowing([counselling, screening], 'notes.read', partner)).toEqual([counselling]);
    expect(unitsAllowing([counselling, screening], 'screening.write', partner)).toEqual([screening]);
    expect(unitsAllowing([counselling, screening], 'clinical.read', partner)).toEqual([counselling, screening]);
  });

  it('gives partner staff nothing for a permission no scope covers', () => {
    expect(unitsAllowing([{ id: 'rutan-serang', scopes: ['screening', 'counselling'] }], 'wbp.write', partner)).toEqual([]);
  });

  it('puts Bapas staff in the Bapas to run its programmes and in its area for the register', () => {
    const units = [{ id: 'bapas-serang', scopes: null }, { id: 'rutan-serang', scopes: null }];
    expect(unitsAllowing(units, 'timetable.manage', bapas).map((u) => u.id)).toEqual(['bapas-serang']);
    expect(unitsAllowing(units, 'wbp.read', bapas).map((u) => u.id)).toEqual(['rutan-serang']);
    expect(unitsAllowing(units, 'programme.read', bapas)).toEqual(units);
  });
});
