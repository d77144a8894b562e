import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createWbpRequest } from '../../shared/contracts/wbp.ts';
import { PERMISSIONS } from '../../shared/domain/permissions.ts';
import { describeIssue, fieldLabel, hasMessage, languageFrom, repeatedKeys, translate } from './messages.ts';

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

describe('the catalogue parts', () => {
  it('define each message and field label once, so no area rewords another', () => {
    expect(repeatedKeys()).toEqual([]);
  });
});

describe('field labels', () => {
  it('names a number generically, since agreements and other areas share the field name', () => {
    expect(fieldLabel('id', 'number')).toBe('Nomor');
    expect(fieldLabel('en', 'number')).toBe('Number');
  });

  it('names a status generically, since tasks, agreements and lists share the field name', () => {
    expect(fieldLabel('id', 'status')).toBe('Status');
  });

  it("names a qualification's certificate number as such", () => {
    expect(fieldLabel('id', 'certificateNumber')).toBe('Nomor sertifikat');
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

/** The source of every non-test TypeScript file under a folder of the repository. */
function sources(folder: string): string[] {
  const root = join(import.meta.dirname, '..', '..', folder);
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .map((file) => readFileSync(join(root, file), 'utf8'));
}

const missingIn = (keys: ReadonlySet<string>) => ({
  id: [...keys].filter((k) => !hasMessage(k, 'id')),
  en: [...keys].filter((k) => !hasMessage(k, 'en')),
});

describe('the message catalogues', () => {
  it('hold every message key written in the server code, in Indonesian and in English', () => {
    // A quoted "area.name" in server code is a message key, unless it names a permission.
    const permissions = new Set<string>(Object.keys(PERMISSIONS));
    const keys = new Set(
      sources('server')
        .flatMap((text) => [...text.matchAll(/'((?:error|validation|import|placement|timetable)\.[A-Za-z][\w.]*)'/g)].map((m) => m[1]!))
        .filter((key) => !permissions.has(key)),
    );

    expect(keys.size).toBeGreaterThan(50);
    expect(missingIn(keys)).toEqual({ id: [], en: [] });
  });

  it('hold a message for every rule of the request contracts, which the server answers as validation.<rule>', () => {
    const keys = new Set(
      sources('shared/contracts').flatMap((text) => [...text.matchAll(/(?:message: |problems\.push\()'([\w.]+)'/g)].map((m) => `validation.${m[1]!}`)),
    );

    expect(keys.size).toBeGreaterThan(10);
    expect(missingIn(keys)).toEqual({ id: [], en: [] });
  });
});
