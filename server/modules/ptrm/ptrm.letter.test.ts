import { describe, expect, it } from 'vitest';
import { indonesianDate } from '../../../shared/domain/outcomes.ts';
import { indonesianDose, letterNumber } from './ptrm.letter.ts';

describe('the hand-over letter wording', () => {
  it('writes dates with Indonesian month names', () => {
    expect(indonesianDate('2026-03-09')).toBe('9 Maret 2026');
    expect(indonesianDate('2026-12-31')).toBe('31 Desember 2026');
  });

  it('writes a reported dose with one decimal and the decimal comma', () => {
    expect(indonesianDose(72.5)).toBe('72,5 mg');
    expect(indonesianDose(60)).toBe('60,0 mg');
  });

  it('numbers a letter after its record and year', () => {
    expect(letterNumber({ handoverId: '3f2a9c1e-0000-4000-8000-000000000000', issuedOn: '2026-11-21' })).toBe('PTRM/3F2A9C1E/2026');
  });
});
