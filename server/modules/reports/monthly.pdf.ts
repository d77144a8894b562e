import { type Indicators, REHAB_TYPES } from '../../../shared/contracts/reports.ts';
import { indonesianDate } from '../../../shared/domain/outcomes.ts';
import {
  CLASS_LABELS, type Count, type MonthlyReport, NOT_RECORDED, REHAB_TYPE_LABELS, countText, diagnosisLabel, figureText,
  WITHHELD, indicatorLines, indonesianMonth, rehabTypeFigure, routeLabel, substanceLabel, treatmentText,
} from '../../../shared/domain/monthlyReport.ts';
import { type PdfDoc, facts, letterhead, renderPdf, signature } from '../../platform/pdf.ts';

// The monthly report as a PDF in Bahasa Indonesia, the document a Kepala Rutan/Lapas or a Kanwil
// sends up. Tables break across pages with their header repeated.

type Layout = 'portrait' | 'landscape';

export interface PdfColumn {
  header: string;
  /** A share of the printable width; the shares of a table add up to 1. */
  share: number;
  align?: 'left' | 'right' | 'center';
}

const PAD = 3;
const FONT_SIZE = 8.5;
const MARGINS = { top: 56, bottom: 56, left: 64, right: 64 };
const GREY = '#e6e6e6';

function newPage(doc: PdfDoc, layout: Layout): void {
  doc.addPage({ size: 'A4', layout, margins: MARGINS });
}

const bottomOf = (doc: PdfDoc) => doc.page.height - doc.page.margins.bottom;
const widthOf = (doc: PdfDoc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;

/** Starts a new page when less than `height` points are left on this one. */
function ensureRoom(doc: PdfDoc, height: number, layout: Layout): void {
  if (doc.y + height > bottomOf(doc)) newPage(doc, layout);
}

/**
 * A ruled table. A row that does not fit goes to a new page (of the same layout), whose first row is
 * the header again; `section` rows span the table in bold on grey.
 */
export function table(
  doc: PdfDoc,
  columns: readonly PdfColumn[],
  rows: readonly (readonly string[] | { section: string })[],
  layout: Layout = 'portrait',
  fontSize = FONT_SIZE,
): void {
  const left = doc.page.margins.left;
  const widths = columns.map((col) => col.share * widthOf(doc));
  const heightOf = (cells: readonly string[], bold: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(fontSize);
    return Math.max(...cells.map((text, i) => doc.heightOfString(text || ' ', { width: (widths[i] ?? 0) - 2 * PAD }))) + 2 * PAD;
  };
  const drawCells = (cells: readonly string[], bold: boolean, fill: string | null) => {
    const height = heightOf(cells, bold);
    const y = doc.y;
    let x = left;
    cells.forEach((text, i) => {
      const width = widths[i] ?? 0;
      if (fill) doc.rect(x, y, width, height).fillAndStroke(fill, '#000000');
      else doc.rect(x, y, width, height).stroke();
      doc.fillColor('#000000').font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(fontSize)
        .text(text, x + PAD, y + PAD, { width: width - 2 * PAD, align: columns[i]?.align ?? 'left' });
      x += width;
    });
    doc.x = left;
    doc.y = y + height;
  };
  const headers = columns.map((col) => col.header);
  const header = () => drawCells(headers, true, GREY);

  doc.lineWidth(0.5);
  ensureRoom(doc, heightOf(headers, true) * 2, layout);
  header();
  for (const row of rows) {
    if ('section' in row) {
      const cells = [row.section];
      const height = heightOf(cells, true);
      if (doc.y + height > bottomOf(doc)) {
        newPage(doc, layout);
        header();
      }
      const y = doc.y;
      const width = widths.reduce((a, b) => a + b, 0);
      doc.rect(left, y, width, height).fillAndStroke('#f4f4f4', '#000000');
      doc.fillColor('#000000').font('Helvetica-Bold').fontSize(fontSize).text(row.section, left + PAD, y + PAD, { width: width - 2 * PAD });
      doc.x = left;
      doc.y = y + height;
      continue;
    }
    if (doc.y + heightOf(row, false) > bottomOf(doc)) {
      newPage(doc, layout);
      header();
    }
    drawCells(row, false, null);
  }
  doc.x = left;
  doc.moveDown(0.8);
}

function heading(doc: PdfDoc, text: string, layout: Layout = 'portrait'): void {
  ensureRoom(doc, 60, layout);
  doc.font('Helvetica-Bold').fontSize(11).text(text, doc.page.margins.left, doc.y);
  doc.moveDown(0.4);
}

function paragraph(doc: PdfDoc, text: string, size = 9.5): void {
  doc.font('Helvetica').fontSize(size).text(text, doc.page.margins.left, doc.y, { width: widthOf(doc) });
  doc.moveDown(0.5);
}

/** "2026-09-30" → "30-09-2026", for a narrow column. */
const shortDate = (iso: string) => iso.split('-').reverse().join('-');

const periodText = (r: MonthlyReport) =>
  `${indonesianDate(r.period.from)} s.d. ${indonesianDate(r.period.to)}${r.period.complete ? '' : ' (bulan berjalan)'}`;


export function suppressionNote(threshold: number): string {
  return `Tanda "<${threshold}" berarti jumlahnya antara 1 dan ${threshold - 1}. Pada laporan tingkat Kanwil (dan laporan satu unit ` +
    'yang dibuka di luar unit itu) jumlah sekecil itu disamarkan karena dapat menunjuk orang tertentu. Persentase ' +
    `yang dihitung dari angka tersamar tidak ditampilkan ("-"). Tanda "${WITHHELD}" berarti angka itu sendiri tidak kecil, tetapi ikut ` +
    'disamarkan agar angka kecil di sampingnya tidak dapat dihitung dari jumlah totalnya.';
}

/** How programme kinds are counted as Ditjenpas's rehabilitation types (the mapping of the dashboard's queries). */
export const REHAB_TYPE_NOTE =
  'Jenis rehabilitasi: program rehabilitasi medis dan terapi rumatan metadon (PTRM) dihitung sebagai rehabilitasi medis; ' +
  'Therapeutic Community sebagai rehabilitasi sosial; program Bapas setelah bebas sebagai pascarehabilitasi. Konseling dan tes HIV ' +
  '(VCT) adalah layanan kesehatan di samping rehabilitasi, dan edukasi bagi risiko rendah menggantikan rehabilitasi: keduanya tidak ' +
  'dihitung. Seseorang dengan dua program sejenis dalam sebulan dihitung sekali untuk jenis itu.';

export function reportTitle(r: MonthlyReport): string {
  return `Laporan bulanan rehabilitasi - ${r.scope.name} - ${indonesianMonth(r.month)}`;
}

export function renderMonthlyPdf(r: MonthlyReport): Promise<Buffer> {
  const threshold = r.threshold;
  const t = (n: Count, withheld = false) => countText(n, threshold ?? undefined, withheld);
  return renderPdf({ title: reportTitle(r), author: r.scope.name, subject: 'Laporan bulanan rehabilitasi narkotika' }, (doc) => {
    let pageNumber = 1;
    const footer = () => {
      // Written in the bottom margin, which pdfkit would otherwise treat as the end of the page.
      const { x, y } = doc;
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc.font('Helvetica').fontSize(7.5).fillColor('#555555')
        .text(`${reportTitle(r)} - halaman ${pageNumber}`, doc.page.margins.left, doc.page.height - 36, { width: widthOf(doc), align: 'center' });
      doc.fillColor('#000000');
      doc.page.margins.bottom = bottom;
      doc.x = x;
      doc.y = y;
    };
    footer();
    doc.on('pageAdded', () => {
      pageNumber += 1;
      footer();
    });

    letterhead(doc, { parent: r.scope.parentName, organisation: r.scope.name });
    doc.font('Helvetica-Bold').fontSize(12).text('LAPORAN BULANAN PELAKSANAAN REHABILITASI NARKOTIKA', { align: 'center' });
    doc.text(`BULAN ${indonesianMonth(r.month).toUpperCase()}`, { align: 'center' });
    doc.moveDown(1);
    facts(doc, [
      [r.level === 'unit' ? 'Unit pelaksana teknis' : 'Kantor wilayah', `${r.scope.name} (${r.scope.code})`],
      ['Bulan', indonesianMonth(r.month)],
      ['Periode data', periodText(r)],
      ['Tanggal dibuat', indonesianDate(r.madeOn)],
      ['Dibuat oleh', `${r.madeBy.name}, ${r.madeBy.organisation}`],
      ...(r.level === 'region' ? [['Jumlah unit', String(r.units.length)] as const] : []),
    ]);

    // I. The dashboard's indicators.
    heading(doc, 'I. Indikator layanan rehabilitasi');
    paragraph(doc, 'Angka berikut berasal dari kueri yang sama dengan dasbor Pulih untuk periode di atas.');
    const lines = indicatorLines(r.totals);
    const rows: ({ section: string } | string[])[] = [];
    let section = '';
    for (const line of lines) {
      if (line.section !== section) {
        section = line.section;
        rows.push({ section });
      }
      rows.push([line.label, figureText(line.figure, threshold)]);
    }
    table(doc, [{ header: 'Indikator', share: 0.75 }, { header: 'Nilai', share: 0.25, align: 'right' }], rows);

    // II. Rehabilitation types as Ditjenpas counts them.
    heading(doc, 'II. Jumlah warga binaan per jenis rehabilitasi');
    paragraph(doc, 'Warga binaan yang mengikuti program pada bulan ini, menurut jenis rehabilitasi sebagaimana dilaporkan kepada Ditjenpas.');
    const typeColumns: PdfColumn[] = [
      { header: 'Unit', share: 0.4 },
      ...REHAB_TYPES.map((type) => ({ header: REHAB_TYPE_LABELS[type], share: 0.2, align: 'right' as const })),
    ];
    const typeCells = (ind: Indicators) => REHAB_TYPES.map((type) => figureText(rehabTypeFigure(ind, type), threshold));
    const typeRows: string[][] = r.units.map((u) => [u.name, ...typeCells(u.indicators)]);
    if (r.level === 'region') typeRows.push(['Jumlah Kanwil', ...typeCells(r.totals)]);
    table(doc, typeColumns, typeRows);

    // III. The PP 25/2011 Pasal 18 recap.
    heading(doc, 'III. Rekapitulasi pecandu yang ditangani (PP 25/2011 Pasal 18)');
    paragraph(doc,
      `Jumlah yang ditangani pada bulan ini: ${t(r.recap.handled)} orang. Yang ditangani adalah warga binaan yang asesmen awalnya ` +
      'ditandatangani pada bulan ini atau yang mengikuti program rehabilitasi pada bulan ini. Zat, lama dan cara pemakaian, ' +
      'diagnosis dan riwayat terapi berasal dari formulir asesmen (PMK 4/2020) terakhir yang ditandatangani.');
    if (r.level === 'region') {
      table(doc, [{ header: 'Unit', share: 0.7 }, { header: 'Jumlah ditangani', share: 0.3, align: 'right' }], [
        ...r.units.map((u) => [u.name, t(u.handled.count, u.handled.withheld)]),
        ['Jumlah Kanwil (orang yang sama dihitung sekali)', t(r.recap.handled)],
      ]);
    }
    for (const group of r.recap.groups) {
      table(doc, [{ header: group.label, share: 0.75 }, { header: 'Jumlah', share: 0.25, align: 'right' }], group.rows.map((row) => [row.label, t(row.count, row.withheld)]));
    }

    if (r.identified) {
      newPage(doc, 'landscape');
      heading(doc, 'Lampiran. Daftar warga binaan yang ditangani', 'landscape');
      paragraph(doc, 'Data klinis yang bersifat rahasia. Daftar ini hanya untuk keperluan pelaporan dan tidak untuk disebarluaskan.', 8.5);
      table(doc, [
        { header: 'No', share: 0.03, align: 'right' },
        { header: 'Nama', share: 0.11 },
        { header: 'No. registrasi SDP', share: 0.11 },
        { header: 'Umur', share: 0.04, align: 'right' },
        { header: 'L/P', share: 0.03, align: 'center' },
        { header: 'Zat utama', share: 0.09 },
        { header: 'Lama pakai (tahun)', share: 0.05, align: 'right' },
        { header: 'Cara pakai', share: 0.1 },
        { header: 'Diagnosis kerja (ICD-10)', share: 0.12 },
        { header: 'Kelas', share: 0.07 },
        { header: 'Riwayat terapi', share: 0.08 },
        { header: 'Jenis rehabilitasi', share: 0.1 },
        { header: 'Tanggal asesmen', share: 0.07 },
      ], r.people.map((p, i) => [
        String(i + 1), p.fullName, p.sdpNumber, p.age === null ? '-' : String(p.age), p.sex, substanceLabel(p.form.substance),
        p.form.years === null ? '-' : String(p.form.years), routeLabel(p.form.route),
        p.form.diagnoses.length > 0 ? p.form.diagnoses.map((d) => diagnosisLabel(d)).join('; ') : NOT_RECORDED,
        p.finalClass ? CLASS_LABELS[p.finalClass] : '-', treatmentText(p.form),
        p.rehabTypes.length > 0 ? p.rehabTypes.map((type) => REHAB_TYPE_LABELS[type]).join(', ') : 'Asesmen saja',
        p.assessedOn ? shortDate(p.assessedOn) : 'Belum diasesmen',
      ]), 'landscape', 7.5);
    }

    heading(doc, 'Catatan', r.identified ? 'landscape' : 'portrait');
    if (threshold !== null) paragraph(doc, suppressionNote(threshold), 8.5);
    paragraph(doc, REHAB_TYPE_NOTE, 8.5);
    paragraph(doc, `"${NOT_RECORDED}" berarti isian itu kosong pada formulir asesmen, atau warga binaan belum diasesmen.`, 8.5);

    ensureRoom(doc, 140, r.identified ? 'landscape' : 'portrait');
    signature(doc, {
      placeAndDate: `${r.scope.city ?? r.scope.name}, ${indonesianDate(r.madeOn)}`,
      position: r.madeBy.organisation,
      name: r.madeBy.name,
    });
  });
}
