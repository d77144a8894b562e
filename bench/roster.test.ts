import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sdpRow } from '../shared/contracts/sdp.ts';
import { rosterCsv } from '../server/testing/csv.ts';
import { rosterCsvChunks, rosterRows, rosterUnitCodes } from './roster.ts';

const units = rosterUnitCodes(5);
const options = { seed: 8, units, today: '2026-11-22' };
const digest = (texts: Iterable<string>) => {
  const hash = createHash('sha256');
  for (const t of texts) hash.update(t);
  return hash.digest('hex');
};

describe('the synthetic roster', () => {
  it('is the same file, byte for byte, for the same seed', () => {
    expect(digest(rosterCsvChunks(rosterRows(2_000, options), 300))).toBe(digest(rosterCsvChunks(rosterRows(2_000, options), 300)));
  });

  it('is another file for another seed', () => {
    expect(digest(rosterCsvChunks(rosterRows(500, options)))).not.toBe(digest(rosterCsvChunks(rosterRows(500, { ...options, seed: 9 }))));
  });

  it('written in pieces is exactly the roster CSV of all its rows', () => {
    const rows = [...rosterRows(1_001, options)];
    expect([...rosterCsvChunks(rows, 100)].join('')).toBe(rosterCsv(rows));
  });

  it('has rows the import accepts, with registration numbers no two rows share', () => {
    const rows = [...rosterRows(3_000, options)];
    const refused = rows.filter((r) => !sdpRow.safeParse(r).success);
    expect(refused).toEqual([]);
    expect(new Set(rows.map((r) => r.no_registrasi.toUpperCase())).size).toBe(rows.length);
  });

  it('places people only in the units given, and in each of them', () => {
    const codes = new Set([...rosterRows(1_000, options)].map((r) => r.kode_upt));
    expect([...codes].sort()).toEqual(units);
  });
});
