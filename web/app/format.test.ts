import { describe, expect, it, vi } from 'vitest';

// The dictionaries mark <html lang>; a bare document is enough outside the browser.
vi.stubGlobal('document', { documentElement: { lang: '' } });
const { formatClock, formatDate, formatDateTime, formatTimestampDate, withSubject } = await import('./format.ts');

describe('formatTimestampDate', () => {
  it('gives the day in Jakarta, not in UTC', () => {
    expect(formatTimestampDate('2026-11-21T18:30:00Z')).toBe(formatDate('2026-11-22'));
  });

  it('shows a bare calendar date as that date', () => {
    expect(formatTimestampDate('2026-11-21')).toBe(formatDate('2026-11-21'));
  });

  it('shows a dash when there is no moment', () => {
    expect(formatTimestampDate(null)).toBe('—');
  });
});

describe('formatClock', () => {
  it('gives the time of day in Jakarta', () => {
    expect(formatClock('2026-11-21T01:05:00Z')).toMatch(/^08[.:]05$/);
  });
});

describe('formatDateTime', () => {
  it('gives the day and time in Jakarta, as formatClock does', () => {
    const shown = formatDateTime('2026-11-21T18:30:00Z');

    expect(shown).toContain(formatClock('2026-11-21T18:30:00Z'));
    expect(shown).toMatch(/22/);
  });
});

describe('withSubject', () => {
  it('starts with the visible text and then names the subject', () => {
    expect(withSubject('Ambil sampel', 'Joko Hermawan')).toBe('Ambil sampel — Joko Hermawan');
  });
});
