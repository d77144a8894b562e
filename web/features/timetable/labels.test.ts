import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CONFLICT_KINDS, UNPLACED_CODES } from '../../../shared/domain/scheduler.ts';
import type { ConflictRecord, UnplacedSessionRecord } from '../../../shared/contracts/timetable.ts';

// The dictionaries mark <html lang>; a bare document is enough outside the browser.
vi.stubGlobal('document', { documentElement: { lang: '' } });
const { i18n } = await import('../../app/i18n.ts');
const { conflictText, unplacedText, mondayOf, formatLongDate } = await import('./labels.ts');

const unplaced = (code: UnplacedSessionRecord['code'], params: UnplacedSessionRecord['params']): UnplacedSessionRecord => ({
  programmeName: 'TC', sessionName: 'Konseling', groupLabel: null, members: [], occurrence: 1, stage: 'placement', code, params,
});

describe.each(['id', 'en'])('timetable sentences in %s', (lng) => {
  beforeAll(async () => {
    await i18n.changeLanguage(lng);
  });

  it.each(CONFLICT_KINDS)('says conflict %s in words, with or without names', (kind) => {
    const named: ConflictRecord = { kind, params: { person: 'Budi', staff: 'Dewi', room: 'Aula', label: 'Apel', time: '07:30–08:00', other: 'Konseling 09:00–10:00' } };
    for (const c of [named, { kind, params: {} }]) {
      const text = conflictText(c);
      expect(text).not.toMatch(/\{\{|timetable\./);
      expect(text.length).toBeGreaterThan(10);
    }
  });

  it.each(UNPLACED_CODES)('says why %s was not placed, with or without values', (code) => {
    const full = unplaced(code, { capacity: 12, minutes: 90, within: '07:00–12:00', session: 'Konseling', participant: 'Budi', why: 'at court', blocked: 'staff', staff: 'Dewi', min: 4, max: 10 });
    for (const u of [full, unplaced(code, {})]) {
      const text = unplacedText(u);
      expect(text).not.toMatch(/\{\{|timetable\./);
      expect(text.length).toBeGreaterThan(10);
    }
  });
});

describe('timetable dates', () => {
  it('finds the Monday of any day of the week, Sunday included', () => {
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
    expect(mondayOf('2026-12-02')).toBe('2026-11-30');
  });

  it('writes the printed list date in Indonesian long form', async () => {
    await i18n.changeLanguage('id');
    expect(formatLongDate('2026-11-23')).toBe('Senin, 23 November 2026');
  });

  it('translates the reason a person is away into the sentence', async () => {
    await i18n.changeLanguage('id');
    expect(unplacedText(unplaced('participant_unavailable', { participant: 'Budi', why: 'at court' }))).toBe('Budi sedang sidang sepanjang minggu.');
    expect(unplacedText(unplaced('busy', { blocked: 'room', capacity: 12 }))).toBe('Setiap ruangan untuk 12 orang sudah terpakai di setiap waktu yang mungkin.');
  });
});
