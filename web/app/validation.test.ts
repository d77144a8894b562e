import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { doseReportRequest } from '../../shared/contracts/notes.ts';

// The dictionaries mark <html lang>; a bare document is enough outside the browser.
vi.stubGlobal('document', { documentElement: { lang: '' } });
const { i18n } = await import('./i18n.ts');
const { validate } = await import('./validation.ts');

/** The rules the request contracts name in their own messages ("conference.programmeRequired"). */
function contractRules(): Set<string> {
  const root = join(import.meta.dirname, '..', '..', 'shared', 'contracts');
  return new Set(
    readdirSync(root)
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
      .flatMap((file) => [...readFileSync(join(root, file), 'utf8').matchAll(/(?:message: |problems\.push\()'([\w.]+)'/g)].map((m) => m[1]!)),
  );
}

describe('the messages of the contracts\' rules on screen', () => {
  it('exist under validation.<rule>, where a form looks for them, in both languages', () => {
    const rules = contractRules();
    expect(rules.size).toBeGreaterThan(10);
    for (const lng of ['id', 'en']) {
      expect([...rules].filter((rule) => !i18n.exists(`validation.${rule}`, { lng, fallbackLng: false })), lng).toEqual([]);
    }
  });

  it("stand by the field in the rule's own words", async () => {
    await i18n.changeLanguage('id');

    const result = validate(doseReportRequest, { doseMg: 72.25, reportedOn: '2026-11-20', source: 'Puskesmas Serang' });

    expect(result).toEqual({ ok: false, errors: { doseMg: 'Dosis paling banyak satu angka di belakang koma.' } });
  });
});
