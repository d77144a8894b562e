import { describe, expect, it } from 'vitest';
import { readPdf } from '../testing/pdf.ts';
import { facts, letterhead, renderPdf, signature } from './pdf.ts';

describe('renderPdf', () => {
  it('writes a document whose text and title read back', async () => {
    const bytes = await renderPdf({ title: 'Surat uji', author: 'Rutan Kelas IIB Serang' }, (doc) => {
      letterhead(doc, { parent: 'Kantor Wilayah Banten', organisation: 'Rutan Kelas IIB Serang' });
      facts(doc, [['Nama', 'Joko Wibowo'], ['Nomor registrasi', 'AII.2026.00017']]);
      signature(doc, { placeAndDate: 'Serang, 22 November 2026', position: 'Kepala Rutan', name: 'Hendra Saputra' });
    });
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const pdf = await readPdf(bytes);
    expect(pdf.title).toBe('Surat uji');
    expect(pdf.pages).toBe(1);
    expect(pdf.text).toContain('RUTAN KELAS IIB SERANG');
    expect(pdf.text).toContain('Joko Wibowo');
    expect(pdf.text).toContain('Hendra Saputra');
  });
});
