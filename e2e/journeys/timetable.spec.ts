import { expect, test } from '@playwright/test';
import { loginAs } from '../support.ts';

// The programmes pathway end to end, as the head of Rutan Serang: decide on a person waiting for
// placement and enrol them, make this week's timetable, print the custody officers' list of a day,
// and record a session's attendance. The demo Rutan has its TC and medical rehabilitation running.

test.use({ timezoneId: 'Asia/Jakarta' });

/** Monday of this week in Jakarta, as YYYY-MM-DD. */
function thisMonday(): string {
  const jakarta = new Date(Date.now() + 7 * 60 * 60 * 1000);
  jakarta.setUTCDate(jakarta.getUTCDate() - ((jakarta.getUTCDay() + 6) % 7));
  return jakarta.toISOString().slice(0, 10);
}

test('the head of unit decides, enrols, schedules the week, prints the custody list and records attendance', async ({ page }) => {
  await loginAs(page, 'karutan.serang');

  // Decide: the first person waiting, into medical rehabilitation.
  await page.getByRole('link', { name: 'Penempatan', exact: true }).click();
  const decide = page.getByRole('button', { name: /^Buat keputusan penempatan untuk / }).first();
  const name = ((await decide.getAttribute('aria-label')) ?? '').replace('Buat keputusan penempatan untuk ', '');
  expect(name).not.toBe('');
  await decide.click();
  await page.getByLabel('Nomor SK').fill('W11.PAS.PAS1-PK.01.01-901');
  await page.getByRole('checkbox', { name: /^Rehabilitasi medis/ }).check();
  await page.getByRole('button', { name: 'Periksa dan tetapkan' }).click();
  await page.getByRole('button', { name: 'Ya, tetapkan keputusan' }).click();
  await expect(page.getByText('Keputusan ditetapkan')).toBeVisible();
  await expect(page.getByText('Aktif').first()).toBeVisible();

  // Schedule the week: every due session placed, the new participant among them.
  await page.keyboard.press('Escape');
  await page.getByRole('link', { name: 'Jadwal', exact: true }).click();
  await page.getByRole('button', { name: 'Buat jadwal', exact: true }).click();
  const summary = page.getByText(/^\d+ dari \d+ sesi terjadwal$/);
  await expect(summary).toBeVisible();
  const [placed, required] = ((await summary.textContent()) ?? '').match(/\d+/g)!.map(Number);
  expect(placed).toBeGreaterThan(30);
  expect(placed).toBe(required);
  await expect(page.getByRole('button', { name: new RegExp(`^Pindahkan .*, ${name}, `) }).first()).toBeVisible();

  // Print the custody list of Monday: who goes where and when, and nothing clinical.
  await page.getByLabel('Tanggal daftar').selectOption(thisMonday());
  await page.getByRole('link', { name: 'Daftar pengamanan', exact: true }).last().click();
  await expect(page.getByRole('heading', { name: 'Daftar pengamanan harian' })).toBeVisible();
  const list = page.getByRole('table');
  await expect(list.getByRole('row').nth(1)).toBeVisible();
  await expect(list).toContainText('Ruang Kelas');
  for (const clinical of ['Morning meeting', 'Konseling individu', 'Konseling kelompok', 'Rehabilitasi', 'Pemeriksaan']) await expect(list).not.toContainText(clinical);
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => { (window as unknown as { printed: number }).printed += 1; };
  });
  await page.getByRole('button', { name: 'Cetak' }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation').first()).toBeHidden();
  await expect(list).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  // Record Monday's morning meeting: everyone present but one, away at court.
  await page.goBack();
  await page.getByRole('link', { name: /^Kehadiran Morning meeting, .*Senin/ }).first().click();
  await page.getByRole('button', { name: 'Semua hadir' }).click();
  const first = page.getByRole('radiogroup', { name: /^Status kehadiran / }).first();
  await first.getByRole('radio', { name: 'Tidak hadir' }).check();
  await page.getByRole('combobox', { name: /^Alasan tidak hadir / }).first().selectOption({ label: 'Sidang' });
  await page.getByRole('button', { name: 'Simpan kehadiran' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Kehadiran sudah dicatat' })).toBeVisible();
  await expect(page.getByRole('radiogroup', { name: /^Status kehadiran / }).first().getByRole('radio', { name: 'Tidak hadir' })).toBeChecked();
});
