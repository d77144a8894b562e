import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { readPdf } from '../../server/testing/pdf.ts';
import { fetchWbp, loginAs } from '../support.ts';

// Release and aftercare end to end: Rutan Serang's clinic records a person's consent to share with
// Bapas Serang, a parole plan and the release, refers the person to Bapas Serang and downloads the
// hand-over summary; Bapas Serang's probation officer accepts the referral and records the one-month
// follow-up; the clinic sees the referral accepted.

test.use({ timezoneId: 'Asia/Jakarta' });

/** Today on the units' clock (Jakarta), as YYYY-MM-DD. */
function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** A person held in Rutan Serang with no release plan yet, from the API with the page's own session. */
async function personWithoutPlan(page: Page): Promise<{ id: string; name: string; sdp: string }> {
  const session = (await (await page.request.get('/api/auth/session')).json()) as { user: { facilities: { id: string; name: string }[] } };
  const serang = session.user.facilities.find((f) => /Serang/.test(f.name))!;
  const people = await fetchWbp(page, `facilityId=${serang.id}&pageSize=50`);
  for (const p of people.items) {
    const aftercare = (await (await page.request.get(`/api/wbp/${p.id}/aftercare`)).json()) as { plans: unknown[]; consents: unknown[]; releasedOn: string | null };
    if (aftercare.plans.length === 0 && aftercare.consents.length === 0 && aftercare.releasedOn === null) return { id: p.id, name: p.fullName, sdp: p.sdpNumber };
  }
  throw new Error('no person without a release plan in Rutan Serang');
}

test('a released person is referred to Bapas, accepted and followed up', async ({ page }) => {
  const day = today();
  await loginAs(page, 'klinik.serang');
  const person = await personWithoutPlan(page);
  await page.goto(`/wbp/${person.id}/pembebasan`);

  // The consent to share with Bapas Serang.
  const consent = page.getByRole('form', { name: 'Catat persetujuan' });
  await consent.getByLabel('Organisasi penerima').selectOption({ label: 'Bapas Kelas I Serang' });
  await consent.getByLabel('Tanggal persetujuan').fill(day);
  await consent.getByRole('button', { name: 'Simpan persetujuan' }).click();
  const consents = page.getByRole('table', { name: 'Persetujuan berbagi informasi' });
  await expect(consents.getByRole('row').filter({ hasText: 'Bapas Kelas I Serang' })).toContainText('Berlaku');

  // The parole plan with its decision, then the release itself.
  const plan = page.getByRole('form', { name: 'Catat rencana pembebasan' });
  await plan.getByLabel('Jenis pembebasan').selectOption({ label: 'Pembebasan Bersyarat (PB)' });
  await plan.getByLabel('Perkiraan tanggal bebas').fill(day);
  await plan.getByLabel('Nomor keputusan').fill('PAS-E2E.PK.05.06/2026');
  await plan.getByLabel('Tanggal keputusan').fill(day);
  await plan.getByRole('button', { name: 'Simpan rencana' }).click();
  const plans = page.getByRole('table', { name: 'Rencana pembebasan' });
  await expect(plans).toContainText('PAS-E2E.PK.05.06/2026');
  await plans.getByRole('button', { name: 'Catat pembebasan' }).click();
  const releaseDialog = page.getByRole('dialog', { name: `Catat pembebasan ${person.name}` });
  await releaseDialog.getByLabel('Tanggal bebas').fill(day);
  await releaseDialog.getByRole('button', { name: 'Catat pembebasan' }).click();
  await expect(plans).toContainText('Sudah bebas');

  // The referral to Bapas Serang and its hand-over summary.
  const referral = page.getByRole('form', { name: 'Rujuk ke pascarehabilitasi' });
  await referral.getByLabel('Organisasi penerima').selectOption({ label: 'Bapas Kelas I Serang' });
  await referral.getByLabel('Alasan rujukan').fill('Pembebasan bersyarat; pembimbingan oleh PK Bapas.');
  await referral.getByLabel('Rencana pascarehabilitasi').fill('Wajib lapor bulanan dan konseling keluarga.');
  await referral.getByRole('button', { name: 'Kirim rujukan' }).click();
  const referrals = page.getByRole('table', { name: 'Rujukan pascarehabilitasi' });
  await expect(referrals.getByRole('row').filter({ hasText: person.sdp })).toContainText('Terkirim');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    referrals.getByRole('button', { name: `Ringkasan serah terima (PDF) — ${person.name}` }).click(),
  ]);
  const pdf = await readPdf(await readFile((await download.path())!));
  expect(pdf.text).toContain('RINGKASAN SERAH TERIMA PASCAREHABILITASI');
  expect(pdf.text).toContain(person.name);
  expect(pdf.text).toContain('Pembebasan Bersyarat (PB)');
  expect(pdf.text).toContain('Wajib lapor bulanan dan konseling keluarga.');

  // Bapas Serang's probation officer accepts and records the one-month follow-up.
  await page.context().clearCookies();
  await loginAs(page, 'pk.bapas');
  await page.goto('/pascarehabilitasi');
  const inbox = page.getByRole('table', { name: 'Rujukan pascarehabilitasi' });
  const row = inbox.getByRole('row').filter({ hasText: person.sdp });
  await row.getByRole('button', { name: `Terima — ${person.name}` }).click();
  await expect(row).toContainText('Diterima');
  await row.getByRole('button', { name: `Catat pemantauan — ${person.name}` }).click();
  const followUp = page.getByRole('dialog', { name: `Pemantauan ${person.name}` });
  await followUp.getByLabel('Bulan pemantauan').selectOption({ label: 'Bulan ke-1' });
  await followUp.getByLabel('Tanggal pemantauan').fill(day);
  await followUp.getByLabel('Kontak terjalin').check();
  await followUp.getByLabel('Tes urine').selectOption({ label: 'Negatif' });
  await followUp.getByRole('button', { name: 'Simpan' }).click();
  await expect(followUp).toBeHidden();
  await expect(row).toContainText('Selesai');
  await expect(row).toContainText('Tes urine: Negatif');

  // The clinic sees its referral accepted.
  await page.context().clearCookies();
  await loginAs(page, 'klinik.serang');
  await page.goto('/pascarehabilitasi');
  const sent = page.getByRole('table', { name: 'Rujukan pascarehabilitasi' });
  await expect(sent.getByRole('row').filter({ hasText: person.sdp })).toContainText('Diterima');
});
