import { describe, expect, it, vi } from 'vitest';

// The dictionaries mark <html lang>; a bare document is enough outside the browser.
vi.stubGlobal('document', { documentElement: { lang: '' } });
const { i18n } = await import('../../app/i18n.ts');
const { checkPeriod, lastTwelveMonths } = await import('./period.ts');
await i18n.changeLanguage('id');

const UNIT = '0b0c6a2e-4a57-4d8c-9f0e-0a4c1f7c2d11';

describe('the period of an export', () => {
  it('starts twelve months back by default, short enough for one FHIR export', () => {
    const period = lastTwelveMonths('2026-11-22');

    expect(period).toEqual({ from: '2025-11-23', to: '2026-11-22', facilityId: '' });
    expect(checkPeriod('fhir', period).ok).toBe(true);
  });

  it('sends the research files without a unit when every unit is meant', () => {
    expect(checkPeriod('research', { from: '2026-01-01', to: '2026-06-30', facilityId: '' })).toEqual({ ok: true, query: { from: '2026-01-01', to: '2026-06-30' } });
  });

  it('sends the research files for the unit chosen', () => {
    expect(checkPeriod('research', { from: '2026-01-01', to: '2026-06-30', facilityId: UNIT })).toEqual({
      ok: true, query: { from: '2026-01-01', to: '2026-06-30', facilityId: UNIT },
    });
  });

  it('names the end date when it is before the start, in the words the server uses', () => {
    expect(checkPeriod('sirena', { from: '2026-06-30', to: '2026-01-01', facilityId: '' })).toEqual({
      ok: false, errors: { to: 'Tanggal akhir tidak boleh sebelum tanggal awal.' },
    });
  });

  it('names an empty start date as required', () => {
    expect(checkPeriod('research', { from: '', to: '2026-01-01', facilityId: '' })).toEqual({ ok: false, errors: { from: 'Wajib diisi.' } });
  });

  it('refuses a FHIR export longer than 366 days, naming the end date', () => {
    expect(checkPeriod('fhir', { from: '2025-01-01', to: '2026-01-02', facilityId: '' })).toEqual({
      ok: false, errors: { to: 'Satu ekspor mencakup paling lama 366 hari.' },
    });
  });

  it('allows a SIRENA export of more than a year, which its route accepts', () => {
    expect(checkPeriod('sirena', { from: '2025-01-01', to: '2026-06-30', facilityId: '' }).ok).toBe(true);
  });
});
