import { expect, test } from '@playwright/test';
import { loginAs } from '../support.ts';

// The clinical core end to end: screen a person with WHO ASSIST, assess them with the Indonesian
// form, and see the class the rule gives, then sign it.

const SHABU = 'Stimulan jenis amfetamin (shabu, ekstasi)';

test('clinic staff screen a person, assess them and see the class', async ({ page }) => {
  await loginAs(page, 'klinik.serang');
  await page.getByRole('link', { name: 'Skrining', exact: true }).click();
  const worklist = page.getByRole('table', { name: 'Warga binaan yang belum diskrining' });
  await expect(worklist).toBeVisible();
  const first = worklist.getByRole('link', { name: /^Skrining / }).first();
  const name = ((await first.textContent()) ?? '').trim();
  await first.click();

  // Daily shabu use, with concern and failed attempts to cut down: a high ASSIST risk.
  await page.getByRole('checkbox', { name: SHABU }).check();
  for (const q of ['Q2', 'Q3', 'Q4', 'Q5']) {
    await page.getByRole('radiogroup', { name: `${q} — ${SHABU}` }).getByRole('radio', { name: 'Setiap hari atau hampir setiap hari' }).check();
  }
  for (const q of ['Q6', 'Q7']) {
    await page.getByRole('radiogroup', { name: `${q} — ${SHABU}` }).getByRole('radio', { name: 'Ya, dalam 3 bulan terakhir' }).check();
  }
  await page.getByRole('radiogroup', { name: /^Q8 — / }).getByRole('radio', { name: 'Tidak, tidak pernah' }).check();
  await page.getByRole('button', { name: 'Simpan hasil skrining' }).click();

  await expect(page.getByRole('heading', { name: 'Hasil skrining' })).toBeVisible();
  const scores = page.getByRole('table', { name: 'Skor dan risiko per zat' });
  await expect(scores.getByRole('row', { name: new RegExp(`${SHABU.replace(/[()]/g, '\\$&')}.*39`) })).toBeVisible();
  await expect(page.getByText(/Keputusan paling lambat:/)).toBeVisible();

  await page.getByRole('button', { name: 'Mulai asesmen' }).click();
  await expect(page).toHaveURL(/\/asesmen\//);
  await page.getByRole('button', { name: 'Skor keparahan (0–9)' }).first().click();
  // The interviewer rates the napza area 7 of 9: "considerable", which the default rule classes tinggi.
  await page.getByLabel('Skor keparahan — Penggunaan napza (alkohol dan narkoba)', { exact: true }).selectOption('7');

  const panel = page.getByLabel('Hasil dan keputusan tim');
  await expect(panel.getByText('Tinggi').first()).toBeVisible();
  await expect(page.getByText(/Tersimpan/)).toBeVisible();

  await page.getByRole('button', { name: 'Tandatangani' }).click();
  await page.getByRole('button', { name: 'Ya, tandatangani' }).click();
  await expect(page.getByText(/Ditandatangani oleh/).first()).toBeVisible();
  await expect(page.getByText(name.replace(/^Skrining /, '')).first()).toBeVisible();
});
