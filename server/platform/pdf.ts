import PDFDocument from 'pdfkit';

/**
 * Printable documents (certificates, hand-over letters) as PDF: A4, the standard Helvetica faces
 * (no font files to ship; WinAnsi covers Bahasa Indonesia), built by a function that draws on the page.
 */
export type PdfDoc = PDFKit.PDFDocument;

export interface PdfInfo {
  title: string;
  author: string;
  subject?: string;
}

export async function renderPdf(info: PdfInfo, draw: (doc: PdfDoc) => void): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 64, right: 64 },
    info: { Title: info.title, Author: info.author, Subject: info.subject ?? info.title, Creator: 'Pulih' },
    lang: 'id-ID',
  });
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  draw(doc);
  doc.end();
  return finished;
}

/** The issuing unit's name (and its parent office) centred at the top, with a rule under it. */
export function letterhead(doc: PdfDoc, lines: { parent?: string | null; organisation: string }): void {
  if (lines.parent) doc.font('Helvetica').fontSize(10).text(lines.parent.toUpperCase(), { align: 'center' });
  doc.font('Helvetica-Bold').fontSize(13).text(lines.organisation.toUpperCase(), { align: 'center' });
  const y = doc.y + 4;
  doc.moveTo(doc.page.margins.left, y).lineTo(doc.page.width - doc.page.margins.right, y).lineWidth(1.2).stroke();
  doc.moveDown(1.2);
}

/** Label–value rows in two columns, wrapping long values. */
export function facts(doc: PdfDoc, rows: readonly (readonly [string, string])[], labelWidth = 160): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  for (const [label, value] of rows) {
    const y = doc.y;
    doc.font('Helvetica').fontSize(10.5).text(label, left, y, { width: labelWidth });
    const afterLabel = doc.y;
    doc.text(`: ${value || '-'}`, left + labelWidth, y, { width: width - labelWidth });
    doc.y = Math.max(afterLabel, doc.y) + 2;
  }
  doc.x = left;
  doc.moveDown(0.6);
}

/** Place and date, the signer's position, room for the signature and the name, at the right. */
export function signature(doc: PdfDoc, s: { placeAndDate: string; position: string; name: string }): void {
  const width = 220;
  const x = doc.page.width - doc.page.margins.right - width;
  doc.moveDown(1.5);
  doc.font('Helvetica').fontSize(10.5).text(s.placeAndDate, x, doc.y, { width });
  doc.text(s.position, x, doc.y, { width });
  doc.moveDown(3.5);
  doc.font('Helvetica-Bold').text(s.name, x, doc.y, { width, underline: true });
  doc.x = doc.page.margins.left;
}
