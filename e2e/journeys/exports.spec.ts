import { readFile } from 'node:fs/promises';
import { expect, test, type Download, type Page } from '@playwright/test';
import { RESEARCH_PEOPLE_COLUMNS, SIRENA_CLIENT_COLUMNS } from '../../shared/domain/exports.ts';
import { fetchWbp, loginAs } from '../support.ts';

// The files that leave Pulih: Rutan Serang's clinic records a person's consent to share with
// SATUSEHAT and downloads their FHIR Bundle, then the unit's SIRENA client list; the national
// administrator downloads the de-identified research file, in which no name of the unit's people appears.

test.use({ timezoneId: 'Asia/Jakarta' });

/** Today on the units' clock (Jakarta), as YYYY-MM-DD. */
function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

async function textOf(download: Download): Promise<string> {
  const path = await download.path();
  return (await readFile(path)).toString('utf8').replace(/^\uFEFF/, '');
}

/** Every person of Rutan Serang (held or released) and one who was screened and has no SATUSEHAT consent yet, with the page's session. */
async function rutanSerang(page: Page): Promise<{ names: string[]; person: { id: string; name: string; sdp: string } }> {
  const session = (await (await page.request.get('/api/auth/session')).json()) as { user: { facilities: { id: string; name: string }[] } };
  const serang = session.user.facilities.find((f) => /Serang/.test(f.name));
  if (!serang) throw new Error('klinik.serang works in no unit named Serang');
  const people = await fetchWbp(page, `facilityId=${serang.id}&custody=all&pageSize=200`);
  for (const p of people.items) {
    const consents = (await (await page.request.get(`/api/wbp/${p.id}/health-platform-consents`)).json()) as { items: unknown[] };
    const screenings = (await (await page.request.get(`/api/wbp/${p.id}/screenings`)).json()) as { items: unknown[] };
    if (consents.items.length === 0 && screenings.items.length > 0) return { names: people.items.map((w) => w.fullName), person: { id: p.id, name: p.fullName, sdp: p.sdpNumber } };
  }
  throw new Error('no screened person without a SATUSEHAT consent in Rutan Serang');
}

test('the clinic shares a consenting person with SATUSEHAT and exports for SIRENA; research files carry no names', async ({ page }) => {
  await loginAs(page, 'klinik.serang');
  const { names, person } = await rutanSerang(page);

  // The consent, recorded on the person's SATUSEHAT tab; the Bundle can then be downloaded.
  await page.goto(`/wbp/${person.id}/satusehat`);
  await expect(page.getByRole('status', { name: 'Status' })).toContainText('Belum ada');
  await expect(page.getByRole('button', { name: 'Unduh FHIR (JSON)' })).toBeDisabled();
  const consent = page.getByRole('form', { name: 'Catat persetujuan SATUSEHAT' });
  await consent.getByLabel('Tanggal persetujuan').fill(today());
  await consent.getByRole('button', { name: 'Simpan persetujuan' }).click();
  await expect(page.getByRole('status', { name: 'Status' })).toContainText('Berlaku');
  await expect(page.getByRole('table', { name: 'Riwayat persetujuan SATUSEHAT' })).toContainText('Formulir ditandatangani');
  const [bundleFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh FHIR (JSON)' }).click()]);
  const bundle = JSON.parse(await textOf(bundleFile)) as { resourceType: string; entry: { resource: { resourceType: string; identifier?: { value: string }[] } }[] };
  expect(bundle.resourceType).toBe('Bundle');
  const patient = bundle.entry.find((e) => e.resource.resourceType === 'Patient');
  expect(patient?.resource.identifier?.[0]?.value).toBe(person.sdp);

  // The unit's SIRENA client list, from the export page in the menu.
  await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Ekspor data' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ekspor data' })).toBeVisible();
  const [clientsFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh clients.csv' }).click()]);
  const clients = (await textOf(clientsFile)).split(/\r?\n/);
  expect(clients[0]).toBe(SIRENA_CLIENT_COLUMNS.join(','));
  expect(clients.some((line) => line.startsWith(`${person.sdp},`))).toBe(true);

  // The national administrator's research file: pseudonyms, no names.
  await page.context().clearCookies();
  await loginAs(page, 'admin.nasional');
  const menu = page.getByRole('navigation', { name: 'Menu utama' });
  await expect(menu.getByRole('link', { name: 'Dokumentasi API' })).toHaveAttribute('href', '/api/docs');
  await menu.getByRole('link', { name: 'Ekspor data' }).click();
  await expect(page.getByRole('button', { name: 'Unduh clients.csv' })).toHaveCount(0);
  const [peopleFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh people.csv' }).click()]);
  const research = await textOf(peopleFile);
  const lines = research.split(/\r?\n/).filter((line) => line !== '');
  expect(lines[0]).toBe(RESEARCH_PEOPLE_COLUMNS.join(','));
  expect(lines.length).toBeGreaterThan(100);
  expect(names.filter((name) => research.includes(name))).toEqual([]);
  expect(research).not.toContain(person.sdp);
});
