import ExcelJS from 'exceljs';
import { type Indicators, REHAB_TYPES } from '../../../shared/contracts/reports.ts';
import {
  CLASS_LABELS, type Count, type Figure, type MonthlyReport, NOT_RECORDED, REHAB_TYPE_LABELS, countText, diagnosisLabel, indicatorLines,
  indonesianMonth, rehabTypeFigure, routeLabel, substanceLabel,
} from '../../../shared/domain/monthlyReport.ts';
import { REHAB_TYPE_NOTE, reportTitle, suppressionNote } from './monthly.pdf.ts';

// The monthly report as a workbook: one sheet per section, the header row bold and frozen, counts and
// shares as numbers, days as dates, and a suppressed count as the text "<5", explained on the last sheet.

type CellValue = string | number | Date | null;

const DATE_FORMAT = 'dd/mm/yyyy';
const PERCENT_FORMAT = '0.0%';

/** An ISO day as a spreadsheet date (UTC midnight, which is how the file stores whole days). */
const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

interface Column {
  header: string;
  width: number;
  numFmt?: string;
}

function sheet(workbook: ExcelJS.Workbook, name: string, columns: readonly Column[]): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width, ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6E6E6' } };
  return ws;
}

function addRow(ws: ExcelJS.Worksheet, values: readonly CellValue[], formats: readonly (string | undefined)[] = []): ExcelJS.Row {
  const row = ws.addRow([...values]);
  values.forEach((value, i) => {
    const format = formats[i] ?? (value instanceof Date ? DATE_FORMAT : undefined);
    if (format) row.getCell(i + 1).numFmt = format;
  });
  return row;
}

/** A count as a number, or as the text "<5" (or "*", withheld beside one) where it is suppressed. */
const countCell = (n: Count, threshold: number | null, withheld = false): CellValue =>
  (n === null ? countText(n, threshold ?? undefined, withheld) : n);

function figureCell(f: Figure, threshold: number | null): { value: CellValue; format?: string } {
  if (f.kind === 'count') return { value: countCell(f.value, threshold, f.withheld) };
  if (f.value === null) return { value: '-' };
  if (f.kind === 'rate') return { value: f.value, format: PERCENT_FORMAT };
  if (f.kind === 'days') return { value: f.value, format: '0.0' };
  return { value: f.value };
}

export async function renderMonthlyXlsx(r: MonthlyReport, madeAt: Date): Promise<Buffer> {
  const threshold = r.threshold;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = r.madeBy.name;
  workbook.company = r.madeBy.organisation;
  workbook.title = reportTitle(r);
  workbook.created = madeAt;
  workbook.modified = madeAt;

  // 1. Heading.
  const summary = sheet(workbook, 'Ringkasan', [{ header: 'Keterangan', width: 28 }, { header: 'Isi', width: 60 }]);
  addRow(summary, ['Laporan', 'Laporan bulanan pelaksanaan rehabilitasi narkotika']);
  addRow(summary, [r.level === 'unit' ? 'Unit pelaksana teknis' : 'Kantor wilayah', r.scope.name]);
  addRow(summary, ['Kode', r.scope.code]);
  if (r.scope.parentName) addRow(summary, ['Induk', r.scope.parentName]);
  addRow(summary, ['Bulan', indonesianMonth(r.month)]);
  addRow(summary, ['Periode dari', day(r.period.from)]);
  addRow(summary, ['Periode sampai', day(r.period.to)]);
  if (!r.period.complete) addRow(summary, ['Keterangan periode', 'Bulan berjalan: data sampai tanggal laporan dibuat']);
  addRow(summary, ['Tanggal dibuat', day(r.madeOn)]);
  addRow(summary, ['Dibuat oleh', r.madeBy.name]);
  addRow(summary, ['Organisasi pembuat', r.madeBy.organisation]);
  if (r.level === 'region') addRow(summary, ['Jumlah unit', r.units.length]);
  addRow(summary, ['Jumlah yang ditangani', countCell(r.recap.handled, threshold)]);

  // 2. The dashboard's indicators: the total, and at region level each unit beside it.
  const perUnit = r.level === 'region' ? r.units : [];
  const indicators = sheet(workbook, 'Indikator', [
    { header: 'Bagian', width: 34 }, { header: 'Indikator', width: 44 }, { header: r.level === 'region' ? 'Jumlah Kanwil' : 'Nilai', width: 14 },
    ...perUnit.map((u) => ({ header: u.code, width: 12 })),
  ]);
  const unitLines = perUnit.map((u) => indicatorLines(u.indicators));
  indicatorLines(r.totals).forEach((line, i) => {
    const cells = [figureCell(line.figure, threshold), ...unitLines.map((lines) => {
      const figure = lines[i]?.figure;
      return figure ? figureCell(figure, threshold) : { value: null };
    })];
    addRow(indicators, [line.section, line.label, ...cells.map((x) => x.value)], [undefined, undefined, ...cells.map((x) => x.format)]);
  });

  // 3. Rehabilitation types, per unit.
  const types = sheet(workbook, 'Jenis rehabilitasi', [
    { header: 'Kode unit', width: 14 }, { header: 'Unit', width: 40 }, ...REHAB_TYPES.map((type) => ({ header: REHAB_TYPE_LABELS[type], width: 20 })),
  ]);
  const typeCells = (ind: Indicators) => REHAB_TYPES.map((type) => figureCell(rehabTypeFigure(ind, type), threshold).value);
  for (const u of r.units) addRow(types, [u.code, u.name, ...typeCells(u.indicators)]);
  if (r.level === 'region') addRow(types, [r.scope.code, 'Jumlah Kanwil', ...typeCells(r.totals)]).font = { bold: true };

  // 4. The Pasal 18 recap in counts.
  const recap = sheet(workbook, 'Rekap Pasal 18', [{ header: 'Kelompok', width: 40 }, { header: 'Kategori', width: 60 }, { header: 'Jumlah', width: 12 }]);
  addRow(recap, ['Jumlah yang ditangani', r.level === 'region' ? 'Seluruh Kanwil (orang yang sama dihitung sekali)' : r.scope.name, countCell(r.recap.handled, threshold)]);
  if (r.level === 'region') for (const u of r.units) addRow(recap, ['Ditangani per unit', u.name, countCell(u.handled.count, threshold, u.handled.withheld)]);
  for (const group of r.recap.groups) for (const row of group.rows) addRow(recap, [group.label, row.label, countCell(row.count, threshold, row.withheld)]);

  // 4b. The unit's own list of the people handled (clinical content).
  if (r.identified) {
    const people = sheet(workbook, 'Daftar ditangani', [
      { header: 'No', width: 5 }, { header: 'Nama', width: 28 }, { header: 'No. registrasi SDP', width: 20 }, { header: 'Umur', width: 7 },
      { header: 'Jenis kelamin', width: 8 }, { header: 'Zat utama', width: 24 }, { header: 'Lama pakai (tahun)', width: 10 },
      { header: 'Cara pakai', width: 18 }, { header: 'Diagnosis kerja (ICD-10)', width: 40 }, { header: 'Kelas', width: 10 },
      { header: 'Terapi sebelumnya (kali)', width: 12 }, { header: 'Terapi terakhir (tahun)', width: 12 }, { header: 'Jenis rehabilitasi', width: 28 },
      { header: 'Tanggal asesmen', width: 14 },
    ]);
    r.people.forEach((p, i) => addRow(people, [
      i + 1, p.fullName, p.sdpNumber, p.age, p.sex, substanceLabel(p.form.substance), p.form.years, routeLabel(p.form.route),
      p.form.diagnoses.length > 0 ? p.form.diagnoses.map((d) => diagnosisLabel(d)).join('; ') : NOT_RECORDED,
      p.finalClass ? CLASS_LABELS[p.finalClass] : null, p.form.treatmentEpisodes, p.form.lastTreatmentYear,
      p.rehabTypes.length > 0 ? p.rehabTypes.map((type) => REHAB_TYPE_LABELS[type]).join(', ') : 'Asesmen saja',
      p.assessedOn ? day(p.assessedOn) : null,
    ]));
  }

  // 5. Notes.
  const notes = sheet(workbook, 'Catatan', [{ header: 'Catatan', width: 120 }]);
  notes.getColumn(1).alignment = { wrapText: true, vertical: 'top' };
  if (threshold !== null) addRow(notes, [suppressionNote(threshold)]);
  addRow(notes, ['Angka indikator berasal dari kueri yang sama dengan dasbor Pulih untuk periode laporan.']);
  addRow(notes, [REHAB_TYPE_NOTE]);
  addRow(notes, [
    'Yang ditangani: warga binaan yang asesmen awalnya ditandatangani pada bulan ini atau yang mengikuti program rehabilitasi pada bulan ini. ' +
    'Zat, lama dan cara pemakaian, diagnosis dan riwayat terapi berasal dari formulir asesmen (PMK 4/2020) terakhir yang ditandatangani.',
  ]);
  addRow(notes, [`"${NOT_RECORDED}" berarti isian itu kosong pada formulir asesmen, atau warga binaan belum diasesmen.`]);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
