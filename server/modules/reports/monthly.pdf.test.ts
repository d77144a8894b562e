import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../platform/pdf.ts';
import { readPdf } from '../../testing/pdf.ts';
import { table } from './monthly.pdf.ts';

const COLUMNS = [{ header: 'Kolom pertama', share: 0.7 }, { header: 'Kolom kedua', share: 0.3, align: 'right' as const }];
const rows = (n: number) => Array.from({ length: n }, (_, i) => [`Baris ke-${i + 1}`, String(i + 1)]);
const occurrences = (text: string, part: string) => text.split(part).length - 1;

describe("the report's tables", () => {
  it('repeat their header on every page they run onto', async () => {
    const pdf = await readPdf(await renderPdf({ title: 'Uji tabel', author: 'Pulih' }, (doc) => table(doc, COLUMNS, rows(120))));

    expect(pdf.pages).toBeGreaterThan(2);
    expect(occurrences(pdf.text, 'Kolom pertama Kolom kedua')).toBe(pdf.pages);
  });

  it('print every row once, in order, across the pages', async () => {
    const pdf = await readPdf(await renderPdf({ title: 'Uji tabel', author: 'Pulih' }, (doc) => table(doc, COLUMNS, rows(120))));

    const printed = [...pdf.text.matchAll(/Baris ke-(\d+) (\d+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(printed).toEqual(Array.from({ length: 120 }, (_, i) => [i + 1, i + 1]));
  });

  it('repeat the header on a landscape page too', async () => {
    const pdf = await readPdf(await renderPdf({ title: 'Uji tabel', author: 'Pulih' }, (doc) => {
      doc.addPage({ size: 'A4', layout: 'landscape', margins: { top: 56, bottom: 56, left: 64, right: 64 } });
      table(doc, COLUMNS, rows(80), 'landscape');
    }));

    // The first page is left empty by the landscape page added after it.
    expect(occurrences(pdf.text, 'Kolom pertama Kolom kedua')).toBe(pdf.pages - 1);
  });

  it('keep a section row with the table it heads', async () => {
    const pdf = await readPdf(await renderPdf({ title: 'Uji tabel', author: 'Pulih' }, (doc) =>
      table(doc, COLUMNS, [{ section: 'Bagian satu' }, ['Baris A', '1'], { section: 'Bagian dua' }, ['Baris B', '2']])));

    expect(pdf.text).toContain('Kolom pertama Kolom kedua Bagian satu Baris A 1 Bagian dua Baris B 2');
  });
});
