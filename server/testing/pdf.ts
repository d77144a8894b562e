import { createRequire } from 'node:module';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const fontDir = `${path.join(path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

/** The text of every page of a PDF, read back with pdf.js, lines joined by spaces; and its page count and title. */
export async function readPdf(bytes: Buffer | Uint8Array): Promise<{ text: string; pages: number; title: string | null }> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), standardFontDataUrl: fontDir, isEvalSupported: false }).promise;
  const parts: string[] = [];
  for (let n = 1; n <= pdf.numPages; n += 1) {
    const content = await (await pdf.getPage(n)).getTextContent();
    for (const item of content.items) if ('str' in item) parts.push(item.str);
  }
  const meta = await pdf.getMetadata();
  const info = meta.info as { Title?: unknown };
  const result = { text: parts.join(' ').replace(/\s+/g, ' '), pages: pdf.numPages, title: typeof info.Title === 'string' ? info.Title : null };
  await pdf.destroy();
  return result;
}
