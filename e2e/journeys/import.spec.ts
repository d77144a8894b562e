import { expect, test, type Page } from '@playwright/test';
import { fetchWbp, loginAs } from '../support.ts';

// Importing the SDP roster from the web (docs/sdp-import.md): all or nothing, with the problems
// listed by line and column in the user's language.

const HEADER =
  'no_registrasi,nama,jenis_kelamin,tanggal_lahir,tempat_lahir,status_hukum,pasal,lama_pidana_bulan,kode_upt,blok,kamar,tanggal_masuk,tanggal_bebas';

interface RosterPerson { sdpNumber: string; fullName: string }

/**
 * Three people for Rutan Serang with registration numbers no earlier run has used (so the journeys
 * also hold against a server that keeps its data). `admissionOfSecond` is the 2nd data row's
 * tanggal_masuk, which is line 3 of the file.
 */
function roster(admissionOfSecond: string): { csv: string; people: RosterPerson[] } {
  const tag = Date.now().toString(36).toUpperCase();
  const people: RosterPerson[] = [
    { sdpNumber: `E2E.${tag}.01`, fullName: 'Andi Pratama Uji' },
    { sdpNumber: `E2E.${tag}.02`, fullName: 'Sri Wahyuni Uji' },
    { sdpNumber: `E2E.${tag}.03`, fullName: 'Joko Susilo Uji' },
  ];
  const rows = [
    `${people[0]!.sdpNumber},${people[0]!.fullName},L,1994-03-12,Serang,tahanan,UU 35/2009 Pasal 112,,RUTAN-SERANG,Blok A,A-04,2026-10-02,`,
    `${people[1]!.sdpNumber},${people[1]!.fullName},P,1988-11-30,Pandeglang,narapidana,UU 35/2009 Pasal 127;UU 35/2009 Pasal 132,18,RUTAN-SERANG,Blok C,C-11,${admissionOfSecond},2027-10-15`,
    `${people[2]!.sdpNumber},${people[2]!.fullName},L,1979-07-05,Cilegon,narapidana,KUHP Pasal 363,30,RUTAN-SERANG,Blok B,B-02,2025-01-20,2027-07-20`,
  ];
  return { csv: `${[HEADER, ...rows].join('\r\n')}\r\n`, people };
}

async function openImportPage(page: Page): Promise<void> {
  await loginAs(page, 'klinik.serang');
  await page.getByRole('navigation').getByRole('link', { name: 'Impor SDP', exact: true }).click();
  await expect(page).toHaveURL(/\/imports\/sdp$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Impor data SDP' })).toBeVisible();
}

async function chooseFile(page: Page, csv: string): Promise<void> {
  await page.getByLabel('Berkas CSV SDP').setInputFiles({ name: 'roster-serang.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await expect(page.getByText(/roster-serang\.csv/)).toBeVisible();
}

/** The number in the report's counts table next to `label` (e.g. "Baru"). */
function count(page: Page, table: string, label: string) {
  return page
    .getByRole('table', { name: table, exact: true })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: label, exact: true }) })
    .getByRole('cell');
}

test('a roster with an invalid date is rejected whole, naming the line and column in Indonesian', async ({ page }) => {
  const { csv, people } = roster('2026-02-30');
  await openImportPage(page);
  await chooseFile(page, csv);

  await page.getByRole('button', { name: 'Impor', exact: true }).click();

  const rejected = page.getByRole('table', { name: 'Baris yang ditolak' });
  await expect(rejected).toBeVisible();
  await expect(rejected.getByRole('columnheader')).toHaveText(['Baris', 'Kolom', 'Alasan', 'Nilai']);
  const bodyRows = rejected.getByRole('row').filter({ has: page.getByRole('cell') });
  await expect(bodyRows).toHaveCount(1);
  await expect(bodyRows.getByRole('cell')).toHaveText(['3', 'tanggal_masuk', /tanggal tidak valid/i, '2026-02-30']);
  await expect(page.getByRole('alert').filter({ hasText: /Berkas ditolak/ })).toContainText('Tidak ada data yang diimpor');
  await expect(count(page, 'Ringkasan berkas', 'Baru')).toHaveText('0');

  // All or nothing: the valid first row was not written either.
  const firstRow = await fetchWbp(page, `q=${encodeURIComponent(people[0]!.sdpNumber)}`);
  expect(firstRow.total).toBe(0);
});

test('a clean roster is checked, then imported, and the new person can be found in the list', async ({ page }) => {
  const { csv, people } = roster('2026-02-28');
  await openImportPage(page);
  await chooseFile(page, csv);

  await page.getByRole('button', { name: 'Periksa', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Pemeriksaan selesai: semua baris valid' })).toBeVisible();
  await expect(count(page, 'Hasil bila diimpor', 'Baru')).toHaveText('3');
  // A check saves nothing.
  expect((await fetchWbp(page, `q=${encodeURIComponent(people[0]!.sdpNumber)}`)).total).toBe(0);

  await page.getByRole('button', { name: 'Impor', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Impor selesai' })).toBeVisible();
  await expect(count(page, 'Hasil impor', 'Baru')).toHaveText('3');

  await page.getByRole('navigation').getByRole('link', { name: 'Warga binaan', exact: true }).click();
  await page.getByRole('searchbox', { name: 'Cari nama atau nomor registrasi' }).fill(people[1]!.sdpNumber);
  const table = page.getByRole('table', { name: 'Daftar warga binaan' });
  await expect(table.getByRole('link')).toHaveText([people[1]!.fullName]);
  await expect(table.getByRole('row').filter({ hasText: people[1]!.sdpNumber })).toBeVisible();
});
