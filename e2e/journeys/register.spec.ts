import { expect, test, type Page } from '@playwright/test';
import { fetchWbp, literally, loginAs } from '../support.ts';

// The register of people held: finding a person and reading their record, and what a role that
// may only read the register is (not) offered.

const SEARCH = 'Cari nama atau nomor registrasi';
const TABLE = 'Daftar warga binaan';

/** Part of a name: the first word and the start of the second ("Budi San"), or a one-word name less its last letter. */
function partOf(fullName: string): string {
  const words = fullName.trim().split(/\s+/);
  if (words.length > 1) return `${words[0]} ${words[1]!.slice(0, 3)}`;
  return fullName.slice(0, Math.max(3, fullName.length - 1));
}

async function expectPeopleList(page: Page): Promise<void> {
  await expect(page).toHaveURL(/\/wbp(\?|$)/);
  await expect(page.getByRole('heading', { level: 1, name: 'Warga binaan' })).toBeVisible();
  await expect(page.getByRole('table', { name: TABLE }).getByRole('link').first()).toBeVisible();
}

test('clinic staff find a person by part of their name and open their record', async ({ page }) => {
  await loginAs(page, 'klinik.serang');
  await expectPeopleList(page);

  // A real person from the demo data: the most recently admitted one, who is unlikely to be on the
  // first page of the list sorted by name, so finding them takes the search.
  const { items } = await fetchWbp(page, 'pageSize=1&sort=admission');
  const person = items[0];
  expect(person, 'the demo data holds people in Rutan Serang').toBeDefined();
  const term = partOf(person!.fullName);
  const expected = await fetchWbp(page, `q=${encodeURIComponent(term)}&pageSize=25`);
  expect(expected.total, `"${term}" should narrow the list to one page`).toBeLessThanOrEqual(25);

  await page.getByRole('searchbox', { name: SEARCH }).fill(term);

  await expect(page).toHaveURL(/[?&]q=/);
  const table = page.getByRole('table', { name: TABLE });
  // Every name listed matches what was typed, and there are as many as the API finds.
  await expect(table.getByRole('link')).toHaveText(new Array<RegExp>(expected.items.length).fill(literally(term)));
  const row = table.getByRole('row').filter({ hasText: person!.sdpNumber });
  await row.getByRole('link', { name: person!.fullName, exact: true }).click();

  await expect(page).toHaveURL(new RegExp(`/wbp/${person!.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: person!.fullName, exact: true })).toBeVisible();
  await expect(page.getByRole('main').getByText(person!.sdpNumber, { exact: true })).toBeVisible();
  await expect(page.getByRole('main').getByText(person!.fullName, { exact: true }).last()).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');
});

test('a custody officer sees the register but is offered neither adding nor editing a person', async ({ page }) => {
  await loginAs(page, 'petugas.serang');
  await expectPeopleList(page);

  await expect(page.getByRole('link', { name: 'Tambah', exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Tambah', exact: true })).toHaveCount(0);

  const firstPerson = page.getByRole('table', { name: TABLE }).getByRole('link').first();
  const name = (await firstPerson.innerText()).trim();
  await firstPerson.click();

  await expect(page).toHaveURL(/\/wbp\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible();
  // The record's actions are there (printing), but not editing.
  await expect(page.getByRole('button', { name: 'Cetak' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Ubah', exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Ubah', exact: true })).toHaveCount(0);
  await expect(page).not.toHaveURL(/\/edit$/);
});
