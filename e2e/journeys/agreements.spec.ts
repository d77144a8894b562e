import { expect, test, type Page } from '@playwright/test';
import { addDays } from '../../shared/domain/dates.ts';
import { fetchWbp, loginAs } from '../support.ts';

// A partnership agreement opens a unit to a partner's staff, and ending it closes the unit at
// once: the national administrator signs an agreement between Lapas Cilegon and BNNK Kota Serang
// covering assessment; BNNK's assessor then works in Lapas Cilegon; the administrator terminates
// the agreement, and on her next page the assessor no longer has the unit or its people.

test.use({ timezoneId: 'Asia/Jakarta' });

const CILEGON = 'Lapas Kelas IIA Cilegon';

/** Today in Jakarta, the calendar the server judges agreements by. */
function jakartaToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** The units the signed-in page's session may work in. */
async function sessionUnits(page: Page): Promise<{ id: string; name: string; scopes: string[] | null }[]> {
  const response = await page.request.get('/api/auth/session');
  expect(response.status()).toBe(200);
  return ((await response.json()) as { user: { facilities: { id: string; name: string; scopes: string[] | null }[] } }).user.facilities;
}

test('an agreement opens a unit to a partner\'s assessor, and its termination closes it', async ({ browser }) => {
  const admin = await (await browser.newContext()).newPage();
  const assessor = await (await browser.newContext()).newPage();
  const today = jakartaToday();
  // A number of its own, so the journey never meets an agreement of the demo or of another run.
  const number = `PKS/E2E/${Date.now()}`;

  // Before: BNNK has no agreement with Lapas Cilegon.
  await loginAs(assessor, 'asesor.bnnk');
  expect((await sessionUnits(assessor)).map((u) => u.name)).not.toContain(CILEGON);

  // The national administrator signs the agreement.
  await loginAs(admin, 'admin.nasional');
  await admin.getByRole('link', { name: 'Perjanjian kerja sama', exact: true }).click();
  await admin.getByRole('link', { name: 'Perjanjian baru', exact: true }).first().click();
  await admin.getByRole('textbox', { name: /^Nomor/ }).fill(number);
  await admin.getByRole('textbox', { name: /^Judul/ }).fill('Layanan asesmen terpadu warga binaan Lapas Cilegon');
  await admin.getByRole('combobox', { name: /^Jenis/ }).selectOption('pks');
  await admin.getByLabel(/^Tanggal penandatanganan/).fill(today);
  await admin.getByLabel(/^Berlaku mulai/).fill(today);
  // Ending within the alert window, so the dashboard flags it.
  await admin.getByLabel(/^Berlaku sampai/).fill(addDays(today, 30));
  const parties = admin.getByRole('textbox', { name: 'Para pihak', exact: true });
  await parties.click();
  await parties.fill('Cilegon');
  await admin.getByRole('option', { name: 'Lapas Kelas IIA Cilegon (LAPAS-CILEGON)', exact: true }).click();
  await parties.fill('BNNK');
  await admin.getByRole('option', { name: 'Badan Narkotika Nasional Kota Serang (BNNK-SERANG)', exact: true }).click();
  await admin.keyboard.press('Escape');
  await admin.getByRole('checkbox', { name: 'Asesmen', exact: true }).check();
  await admin.getByRole('button', { name: 'Simpan', exact: true }).click();

  await expect(admin.getByRole('heading', { level: 1, name: `Perjanjian ${number}` })).toBeVisible();
  const facts = admin.getByRole('region', { name: 'Data perjanjian' });
  await expect(facts.getByText('Segera berakhir', { exact: true })).toBeVisible();
  await expect(facts.getByText('berakhir dalam 30 hari', { exact: true })).toBeVisible();
  const partyTable = admin.getByRole('table', { name: 'Para pihak' });
  await expect(partyTable.getByRole('row', { name: /Lapas Kelas IIA Cilegon/ })).toContainText('Lapas');
  await expect(partyTable.getByRole('row', { name: /Badan Narkotika Nasional Kota Serang/ })).toContainText('BNNK');
  const agreementUrl = admin.url();

  // The signed scan is attached; a file of another type is refused before it is sent.
  const documents = admin.getByRole('region', { name: 'Dokumen' });
  let chooser = admin.waitForEvent('filechooser');
  await documents.getByRole('button', { name: 'Lampirkan dokumen', exact: true }).click();
  await (await chooser).setFiles({ name: 'catatan.txt', mimeType: 'text/plain', buffer: Buffer.from('bukan dokumen') });
  await expect(documents.getByRole('alert')).toContainText('catatan.txt bukan PDF, JPG atau PNG');
  chooser = admin.waitForEvent('filechooser');
  await documents.getByRole('button', { name: 'Lampirkan dokumen', exact: true }).click();
  await (await chooser).setFiles({ name: 'pks-cilegon-bnnk.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
  const scan = documents.getByRole('table', { name: 'Dokumen perjanjian' }).getByRole('row', { name: /pks-cilegon-bnnk\.pdf/ });
  await expect(scan).toBeVisible();
  const [download] = await Promise.all([
    admin.waitForEvent('download'),
    scan.getByRole('button', { name: 'Unduh pks-cilegon-bnnk.pdf', exact: true }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('pks-cilegon-bnnk.pdf');

  // The dashboard flags it as ending soon, with a link to it.
  await admin.getByRole('link', { name: 'Dasbor', exact: true }).click();
  const alerts = admin.getByRole('region', { name: 'Perjanjian yang perlu diperhatikan' });
  const alert = alerts.getByRole('row', { name: new RegExp(number) });
  await expect(alert).toContainText('berakhir dalam 30 hari');
  await alert.getByRole('link', { name: number, exact: true }).click();
  await expect(admin).toHaveURL(agreementUrl);

  // It is in the list, found by its number.
  await admin.goto(`/perjanjian?q=${encodeURIComponent(number)}`);
  const listed = admin.getByRole('table', { name: 'Daftar perjanjian kerja sama' }).getByRole('row', { name: new RegExp(number) });
  await expect(listed).toContainText('Segera berakhir');

  // BNNK's assessor now has Lapas Cilegon, for assessment, and can assess one of its people.
  await assessor.reload();
  const units = await sessionUnits(assessor);
  const cilegon = units.find((u) => u.name === CILEGON);
  expect(cilegon?.scopes).toEqual(['assessment']);
  await assessor.goto('/account');
  const coverage = assessor.getByRole('region', { name: 'Cakupan perjanjian per UPT' });
  await expect(coverage.getByRole('term').filter({ hasText: CILEGON })).toBeVisible();
  await expect(coverage.getByRole('definition').filter({ hasText: 'Asesmen' }).first()).toBeVisible();

  const people = await fetchWbp(assessor, `facilityId=${cilegon?.id ?? ''}&pageSize=1`);
  const person = people.items[0];
  expect(person).toBeDefined();
  const personId = person?.id ?? '';
  await assessor.goto(`/wbp/${personId}/klinis`);
  await expect(assessor.getByRole('heading', { level: 1 })).toContainText(person?.fullName ?? '');
  await assessor.getByRole('button', { name: 'Mulai asesmen', exact: true }).click();
  await expect(assessor).toHaveURL(/\/asesmen\//);

  // The administrator ends the agreement today.
  await admin.goto(agreementUrl);
  await admin.getByRole('button', { name: 'Akhiri perjanjian', exact: true }).click();
  const dialog = admin.getByRole('dialog', { name: `Akhiri perjanjian ${number}?` });
  await expect(dialog).toContainText('kehilangan akses');
  await expect(dialog.getByLabel(/^Tanggal pengakhiran/)).toHaveValue(today);
  await dialog.getByLabel(/^Alasan/).fill('Mitra menghentikan layanan asesmen di Lapas Cilegon.');
  await dialog.getByRole('button', { name: 'Akhiri perjanjian', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(admin.getByRole('region', { name: 'Data perjanjian' }).getByText('Diakhiri', { exact: true })).toBeVisible();

  // On her next page the assessor no longer has the unit, and its person is not found.
  await assessor.goto(`/wbp/${personId}`);
  await expect(assessor.getByRole('heading', { level: 1, name: 'Warga binaan tidak ditemukan' })).toBeVisible();
  expect((await sessionUnits(assessor)).map((u) => u.name)).not.toContain(CILEGON);
  await assessor.goto('/account');
  await expect(assessor.getByRole('heading', { level: 1, name: 'Akun saya' })).toBeVisible();
  await expect(assessor.getByRole('term').filter({ hasText: CILEGON })).toHaveCount(0);
});
