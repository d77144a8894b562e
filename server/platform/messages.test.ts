import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createWbpRequest } from '../../shared/contracts/wbp.ts';
import { describeIssue, languageFrom, translate } from './messages.ts';

function firstIssue(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected a validation failure');
  return result.error.issues[0]!;
}

describe('validation messages', () => {
  it('calls an absent field required', () => {
    const { key } = describeIssue(firstIssue(z.object({ a: z.string() }), {}));
    expect(translate('id', key)).toBe('wajib diisi');
  });

  it('gives the minimum length of a short text', () => {
    const { key, params } = describeIssue(firstIssue(z.string().min(3), 'ab'));
    expect(translate('id', key, params)).toBe('minimal 3 karakter');
    expect(translate('en', key, params)).toBe('needs at least 3 characters');
  });

  it('lists the choices of an enumeration', () => {
    const { key, params } = describeIssue(firstIssue(z.enum(['L', 'P']), 'X'));
    expect(translate('id', key, params)).toBe('pilihan tidak valid; pilih salah satu dari: L, P');
  });

  it('says a whole number is expected of a fraction', () => {
    const { key } = describeIssue(firstIssue(z.number().int(), 1.5));
    expect(key).toBe('validation.notInteger');
  });

  it('uses the rule of a refinement as its message', () => {
    const issue = firstIssue(createWbpRequest, {
      sdpNumber: 'AII.2026.1', fullName: 'Andi', sex: 'L', legalStatus: 'tahanan', facilityId: '00000000-0000-4000-8000-000000000000',
      admissionDate: '2026-05-01', expectedReleaseDate: '2026-04-01',
    });
    expect(translate('id', describeIssue(issue).key)).toBe('tanggal bebas tidak boleh sebelum tanggal masuk');
  });
});

describe('languageFrom', () => {
  it('prefers English only when the browser asks for it first', () => {
    expect(languageFrom('en-US,en;q=0.9,id;q=0.8')).toBe('en');
    expect(languageFrom('id-ID,id;q=0.9,en;q=0.8')).toBe('id');
    expect(languageFrom(undefined)).toBe('id');
    expect(languageFrom('fr-FR')).toBe('id');
  });
});

describe('type errors', () => {
  it('tells a wrong type from a missing value', () => {
    const { key } = describeIssue(firstIssue(z.object({ n: z.number() }), { n: 'tiga' }));
    expect(key).toBe('validation.invalidType');
  });
});
