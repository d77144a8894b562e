import { randomBytes } from 'node:crypto';
import { SDP_COLUMNS } from '../../shared/contracts/sdp.ts';

export type SdpColumn = (typeof SDP_COLUMNS)[number];
/** One roster row as the SDP export writes it: every cell is text. */
export type RosterRow = Record<SdpColumn, string>;

let serial = 0;

/** A valid roster row for the unit `kode_upt`, with a registration number no other row shares. */
export function rosterRow(overrides: Partial<RosterRow> & { kode_upt: string }): RosterRow {
  serial += 1;
  return {
    no_registrasi: `AII.2026.${randomBytes(3).toString('hex').toUpperCase()}${serial}`,
    nama: `Warga Roster ${serial}`,
    jenis_kelamin: 'L',
    tanggal_lahir: '1991-04-12',
    tempat_lahir: 'Serang',
    status_hukum: 'narapidana',
    pasal: 'UU 35/2009 Pasal 112;KUHP Pasal 55',
    lama_pidana_bulan: '48',
    blok: 'Blok A',
    kamar: 'A-03',
    tanggal_masuk: '2026-02-10',
    tanggal_bebas: '2029-02-10',
    ...overrides,
  };
}

function cell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Roster CSV text: a header of `columns` (all SDP columns by default), then one line per row.
 * `bom` and `eol` reproduce what spreadsheet programs on Windows write.
 */
export function rosterCsv(
  rows: readonly RosterRow[],
  options: { columns?: readonly SdpColumn[]; eol?: '\n' | '\r\n'; bom?: boolean } = {},
): string {
  const columns = options.columns ?? SDP_COLUMNS;
  const eol = options.eol ?? '\n';
  const lines = [columns.join(','), ...rows.map((row) => columns.map((c) => cell(row[c])).join(','))];
  return `${options.bom ? '\uFEFF' : ''}${lines.join(eol)}${eol}`;
}
