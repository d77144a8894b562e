import { expect, test } from '@playwright/test';
import { loginAs } from '../support.ts';

// The head of Rutan Serang sees that BNNK's addiction counsellor's certificate is about to expire and
// records its renewal; the unit's peer counsellors show their training and groups, and one of them
// steps down after a confirmation; the clinic records an education campaign and the period's totals
// grow by its audience.

test.use({ timezoneId: 'Asia/Jakarta' });

test('a certificate renewal, a peer counsellor stepping down and an education campaign', async ({ page }) => {
  await loginAs(page, 'karutan.serang');

  await page.getByRole('link', { name: 'Staf dan kualifikasi', exact: true }).click();
  await page.getByRole('combobox', { name: 'Keadaan' }).selectOption('expiring');
  const counsellor = page.getByRole('table', { name: 'Daftar staf dan kualifikasi' }).getByRole('row', { name: /Rahmat Hidayat/ });
  await expect(counsellor.getByText('Segera berakhir', { exact: true })).toBeVisible();
  await counsellor.getByRole('button', { name: 'Catat kualifikasi', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Catat kualifikasi: Rahmat Hidayat' });
  await dialog.getByRole('textbox', { name: /^Nomor sertifikat/ }).fill('LSP-BNN/KA/0999/2026');
  await dialog.getByLabel(/^Tanggal terbit/).fill('2026-01-05');
  await dialog.getByLabel(/^Berlaku sampai/).fill('2029-01-05');
  await dialog.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(dialog).toBeHidden();
  // The renewal is the current certificate: the filter no longer finds him; the old one stays listed.
  await expect(page.getByText('Rahmat Hidayat')).toBeHidden();
  await page.getByRole('combobox', { name: 'Keadaan' }).selectOption('');
  const renewed = page.getByRole('row', { name: /Rahmat Hidayat/ });
  await expect(renewed).toContainText('LSP-BNN/KA/0999/2026');
  await expect(renewed).toContainText('LSP-BNN/KA/0456/2023');

  // By address: the menu is longer than the test browser's window.
  await page.goto('/konselor-sebaya');
  const peers = page.getByRole('table', { name: 'Daftar konselor sebaya' });
  await expect(peers.getByText('Terlatih', { exact: true })).toHaveCount(2);
  const first = peers.getByRole('row').filter({ hasText: 'Kelompok 1' });
  await first.getByRole('button', { name: 'Akhiri', exact: true }).click();
  const ending = page.getByRole('dialog', { name: /^Akhiri tugas konselor sebaya/ });
  await ending.getByRole('combobox', { name: 'Alasan' }).selectOption('stepped_down');
  await ending.getByRole('button', { name: 'Akhiri', exact: true }).click();
  const question = page.getByRole('dialog', { name: 'Konfirmasi' });
  await expect(question).toContainText('akan diakhiri');
  await question.getByRole('button', { name: 'Akhiri', exact: true }).click();
  await expect(peers.getByText('Terlatih', { exact: true })).toHaveCount(1);

  await page.goto('/penyuluhan');
  const everyone = page.getByText('Seluruh peserta', { exact: true }).locator('..');
  const before = Number((await everyone.locator('p').last().innerText()).replace(/\D/g, ''));
  await page.getByRole('button', { name: 'Penyuluhan baru', exact: true }).first().click();
  const form = page.getByRole('dialog', { name: 'Penyuluhan baru' });
  await form.getByRole('textbox', { name: /^Tempat/ }).fill('Aula Rutan Serang');
  await form.getByRole('textbox', { name: /^Topik/ }).fill('Mengenali tanda kambuh');
  await form.getByRole('textbox', { name: 'Warga binaan', exact: true }).fill('30');
  await form.getByRole('textbox', { name: 'Keluarga', exact: true }).fill('12');
  await form.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('table', { name: 'Daftar penyuluhan' })).toContainText('Mengenali tanda kambuh');
  await expect(everyone.locator('p').last()).toHaveText(new Intl.NumberFormat('id-ID').format(before + 42));
});
