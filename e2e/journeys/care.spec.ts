import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { readPdf } from '../../server/testing/pdf.ts';
import { loginAs } from '../support.ts';

// The care record end to end, as Rutan Serang's clinic staff: write a counselling note for a
// Therapeutic Community participant, draw the day's urine tests and record a result, promote the
// participant to the next phase, re-assess them and read the before/after comparison, then
// complete the programme and download the certificate.

test.use({ timezoneId: 'Asia/Jakarta' });

interface Participant { id: string; name: string }

/** An active TC participant of Rutan Serang, from the API with the page's own session. */
async function tcParticipant(page: Page): Promise<Participant> {
  const session = (await (await page.request.get('/api/auth/session')).json()) as { user: { facilities: { id: string; name: string }[] } };
  const serang = session.user.facilities.find((f) => /Serang/.test(f.name))!;
  const programmes = (await (await page.request.get(`/api/facilities/${serang.id}/programmes`)).json()) as { items: { id: string; kind: string }[] };
  const tc = programmes.items.find((p) => p.kind === 'social')!;
  const roster = (await (await page.request.get(`/api/programmes/${tc.id}/enrolments`)).json()) as {
    items: { wbpId: string; fullName: string; status: string }[];
  };
  const active = roster.items.filter((e) => e.status === 'active');
  const chosen = active[active.length - 1]!;
  return { id: chosen.wbpId, name: chosen.fullName };
}

test('clinic staff follow a participant from a note to the completion certificate', async ({ page }) => {
  await loginAs(page, 'klinik.serang');
  const person = await tcParticipant(page);

  // A signed counselling note.
  await page.goto(`/wbp/${person.id}/catatan`);
  await page.getByLabel('Topik').fill('Pencegahan kekambuhan');
  await page.getByLabel('Ringkasan').fill('Mengenali pemicu saat kunjungan keluarga; mulai menulis jurnal harian.');
  await page.getByLabel('Rencana tindak lanjut').fill('Latihan penolakan tawaran pada sesi kelompok minggu depan.');
  await page.getByRole('button', { name: 'Tanda tangani dan simpan' }).click();
  await page.getByRole('button', { name: /^Ya/ }).click();
  // The demo's own notes may share words with this topic: the new note is the heading that says exactly it.
  await expect(page.getByRole('heading', { name: 'Pencegahan kekambuhan', exact: true })).toBeVisible();

  // The day's random urine selection, printed, and one result.
  await page.getByRole('link', { name: 'Tes urin', exact: true }).first().click();
  await page.getByLabel('Jumlah orang').fill('3');
  await page.getByRole('button', { name: 'Pilih acak' }).click();
  const drawConfirm = page.getByRole('dialog', { name: 'Pilih peserta secara acak?' });
  await expect(drawConfirm).toContainText('3 orang');
  await drawConfirm.getByRole('button', { name: 'Ya, pilih acak' }).click();
  await expect(page.getByText(/Benih|Seed/).first()).toBeVisible();
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => { (window as unknown as { printed: number }).printed += 1; };
  });
  await page.getByRole('button', { name: 'Cetak daftar' }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

  const planned = page.getByRole('row').filter({ has: page.getByRole('button', { name: /^Ambil sampel/ }) }).first();
  const tested = ((await planned.getByRole('rowheader').textContent()) ?? '').trim();
  expect(tested).not.toBe('');
  await planned.getByRole('button', { name: /^Ambil sampel/ }).click();
  await page.getByLabel('Nomor segel').fill('SEGEL-0001');
  await page.getByRole('button', { name: 'Simpan' }).click();
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: tested, exact: true }) }).first();
  await row.getByRole('button', { name: /^Catat hasil/ }).click();
  for (const substance of ['Benzodiazepin', 'Ganja', 'Opiat', 'Amfetamin', 'Kokain', 'Barbiturat', 'Alkohol']) {
    await page.getByRole('radiogroup', { name: new RegExp(`^${substance}`) }).getByRole('radio', { name: 'Negatif' }).check();
  }
  await page.getByRole('button', { name: 'Simpan hasil' }).click();
  await expect(row).toContainText('Negatif');

  // Promote the participant to the next phase.
  await page.goto(`/wbp/${person.id}/kemajuan`);
  await page.getByRole('button', { name: 'Naik fase' }).first().click();
  await page.getByLabel('Alasan').fill('Aktif dalam morning meeting dan memenuhi tugas fase.');
  await page.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByText('Aktif dalam morning meeting dan memenuhi tugas fase.')).toBeVisible();

  // Re-assess at mid-programme and read the comparison.
  await page.getByRole('button', { name: 'Mulai asesmen ulang' }).first().click();
  await expect(page).toHaveURL(/\/asesmen\//);
  await page.getByRole('button', { name: 'Skor keparahan (0–9)' }).first().click();
  await page.getByLabel('Skor keparahan — Penggunaan napza (alkohol dan narkoba)', { exact: true }).selectOption('3');
  await expect(page.getByText(/Tersimpan/)).toBeVisible();
  await page.getByRole('button', { name: 'Tandatangani' }).click();
  await page.getByRole('button', { name: 'Ya, tandatangani' }).click();
  await expect(page.getByText(/Ditandatangani oleh/).first()).toBeVisible();
  await page.goto(`/wbp/${person.id}/kemajuan`);
  const comparison = page.getByRole('table', { name: /^Perbandingan asesmen/ }).last();
  await expect(comparison).toBeVisible();
  const napza = comparison.getByRole('row', { name: /Penggunaan napza/ });
  await expect(napza).toContainText('3');
  await expect(napza).toContainText('membaik');

  // Complete the programme and download the certificate.
  await page.goto(`/wbp/${person.id}/hasil`);
  await page.getByRole('button', { name: /^Selesaikan program/ }).first().click();
  await page.getByRole('button', { name: 'Selesaikan', exact: true }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /^Unduh sertifikat/ }).first().click(),
  ]);
  const pdf = await readPdf(await readFile((await download.path())!));
  expect(pdf.text).toContain('SERTIFIKAT');
  expect(pdf.text).toContain(person.name);
});
