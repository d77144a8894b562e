import { describe, expect, it } from 'vitest';
import { FORM_MESSAGE, resultErrors } from './results.ts';

describe("the server's messages about a result", () => {
  it("puts a substance's message next to that substance's choices", () => {
    expect(resultErrors({ 'results.opiates': 'Wajib diisi.' })).toEqual({ opiates: 'Wajib diisi.' });
  });

  it("puts the note's message next to the note", () => {
    expect(resultErrors({ note: 'Maksimal 1000 karakter.' })).toEqual({ note: 'Maksimal 1000 karakter.' });
  });

  it('keeps a message about no field of the form above the fields, the first one only', () => {
    expect(resultErrors({ results: 'Isian tidak valid.', 'results.heroin': 'Tidak dikenal.', 'results.alcohol': 'Wajib diisi.' }))
      .toEqual({ [FORM_MESSAGE]: 'Isian tidak valid.', alcohol: 'Wajib diisi.' });
  });
});
