import { describe, expect, it } from 'vitest';
import { withoutRow } from './rowErrors.ts';

describe('the messages of a row list after a row is removed', () => {
  it("drop the removed row's messages", () => {
    expect(withoutRow({ 'people.1.discussion': 'Wajib diisi.' }, 'people', 1)).toEqual({});
  });

  it('move the messages of the rows below up by one, nested paths included', () => {
    expect(withoutRow({ 'people.2.detail.programmeId': 'Pilih program tujuan.' }, 'people', 0)).toEqual({ 'people.1.detail.programmeId': 'Pilih program tujuan.' });
  });

  it('keep the messages of the rows above and of other fields', () => {
    const errors = { 'people.0.discussion': 'Wajib diisi.', 'attendees.1.name': 'Wajib diisi.', title: 'Wajib diisi.' };

    expect(withoutRow(errors, 'people', 1)).toEqual(errors);
  });

  it("drop the list's own message", () => {
    expect(withoutRow({ attendees: 'Minimal 1 isian.' }, 'attendees', 0)).toEqual({});
  });
});
