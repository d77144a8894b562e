import { describe, expect, it } from 'vitest';
import { monthlyReportFileName, monthlyReportPath, reportTargetOf } from './monthly.ts';

const UNIT = '3f0c1c8e-5a7b-4d7e-9a51-0c1d2e3f4a5b';
const REGION = '9a1c1c8e-5a7b-4d7e-9a51-0c1d2e3f4a5b';

describe('whose monthly report the dashboard offers', () => {
  it('the unit shown, at unit level', () => {
    expect(reportTargetOf({ level: 'unit', scope: { id: UNIT, name: 'Rutan Serang' } })).toEqual({ facilityId: UNIT });
  });

  it('the region shown, at region level', () => {
    expect(reportTargetOf({ level: 'region', scope: { id: REGION, name: 'Kanwil Banten' } })).toEqual({ regionId: REGION });
  });

  it('none for the nation', () => {
    expect(reportTargetOf({ level: 'nation', scope: { id: null, name: 'Nasional' } })).toBeNull();
  });
});

describe('the address of a monthly report', () => {
  it('names the format, the month and the unit', () => {
    expect(monthlyReportPath('pdf', '2026-11', { facilityId: UNIT })).toBe(`/api/reports/monthly.pdf?month=2026-11&facilityId=${UNIT}`);
  });

  it('names the region for a region', () => {
    expect(monthlyReportPath('xlsx', '2026-11', { regionId: REGION })).toBe(`/api/reports/monthly.xlsx?month=2026-11&regionId=${REGION}`);
  });
});

describe('the name of a downloaded report', () => {
  it('carries the scope and the month in plain letters', () => {
    expect(monthlyReportFileName('pdf', '2026-11', 'Rutan Kelas IIB Serang')).toBe('laporan-bulanan-rutan-kelas-iib-serang-2026-11.pdf');
  });

  it('does without a scope that has no plain letters', () => {
    expect(monthlyReportFileName('xlsx', '2026-11', '—')).toBe('laporan-bulanan-2026-11.xlsx');
  });
});
