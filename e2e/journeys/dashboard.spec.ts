import { expect, test, type Page } from '@playwright/test';
import { loginAs } from '../support.ts';

// The dashboards at three levels. The national administrator sees the nation's pathway, narrows it
// to the region of Banten and to one unit (the choice survives a reload, since it is in the
// address), and a period without activity shows nothing to chart. The head of Rutan Serang sees his
// own unit only, whole, without choosing a region or a unit.

test.use({ timezoneId: 'Asia/Jakarta' });

const BANTEN = 'Kantor Wilayah Direktorat Jenderal Pemasyarakatan Banten';
const SERANG = 'Rutan Kelas IIB Serang';
const STAGES = [
  ['drugCases', 'Kasus narkotika'], ['screened', 'Skrining'], ['assessed', 'Asesmen'], ['classified', 'Terklasifikasi'],
  ['decided', 'Diputuskan (SK)'], ['enrolled', 'Mulai program'], ['completed', 'Selesai program'], ['referred', 'Dirujuk'],
  ['followedUp', 'Ditindaklanjuti'],
] as const;

interface Dashboard {
  level: string;
  scope: { id: string | null; name: string };
  suppressionThreshold: number | null;
  totals: { funnel: { stage: string; count: number | null }[]; complementary?: string[] };
  units: { id: string; name: string }[];
  choices: { regions: { id: string; name: string }[]; units: { id: string; name: string }[] };
}

/** Today in Jakarta, where the units' days begin and end. */
function today(): string {
  return new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** What the API answers the signed-in page for this year, for one unit or one region or all. */
async function thisYear(page: Page, filter = ''): Promise<Dashboard> {
  const response = await page.request.get(`/api/reports/dashboard?from=${today().slice(0, 4)}-01-01&to=${today()}${filter}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as Dashboard;
}

/** The funnel as the page must read it: the API's counts, "<5" where suppressed. */
function funnelAsRead(dashboard: Dashboard): string[] {
  const number = new Intl.NumberFormat('id-ID');
  return STAGES.map(([stage]) => {
    const count = dashboard.totals.funnel.find((f) => f.stage === stage)?.count;
    if (count === null || count === undefined) {
      return dashboard.totals.complementary?.includes(`funnel.${stage}`) ? 'x' : `<${dashboard.suppressionThreshold ?? ''}`;
    }
    return number.format(count);
  });
}

/** The chart's text alternative: one row per stage of the funnel, with its number. */
async function expectFunnel(page: Page, dashboard: Dashboard): Promise<void> {
  const table = page.getByRole('table', { name: 'Alur layanan', exact: true });
  await expect(table.getByRole('rowheader')).toHaveText(STAGES.map(([, label]) => label));
  await expect(table.getByRole('cell')).toHaveText(funnelAsRead(dashboard));
}

test('the national administrator narrows the nation to a region and a unit, and changes the period', async ({ page }) => {
  await loginAs(page, 'admin.nasional');
  await page.getByRole('link', { name: 'Dasbor', exact: true }).click();
  await page.getByRole('combobox', { name: 'Periode' }).selectOption({ label: 'Tahun ini' });
  await expect(page).toHaveURL(/periode=tahun-ini/);

  const nation = await thisYear(page);
  expect(nation.level).toBe('nation');
  await expect(page.getByText(/^Nasional · /)).toBeVisible();
  await expect(page.getByText('Jumlah kecil disembunyikan', { exact: true })).toBeVisible();
  await expectFunnel(page, nation);
  const byUnit = page.getByRole('table', { name: 'Per UPT', exact: true });
  await expect(byUnit.getByRole('rowheader')).toHaveText([...nation.units.map((u) => new RegExp(`^${u.name}`)), 'Jumlah']);
  // The nation has no monthly report of its own: it is made per region or per unit.
  await expect(page.getByRole('button', { name: /\(PDF\)$/ })).toHaveCount(0);

  await page.getByRole('combobox', { name: 'Wilayah (Kanwil)' }).selectOption({ label: BANTEN });
  await expect(page).toHaveURL(/kanwil=/);
  await expect(page.getByText(`${BANTEN} · `, { exact: false })).toBeVisible();
  const region = nation.choices.regions.find((r) => r.name === BANTEN);
  await expectFunnel(page, await thisYear(page, `&regionId=${region?.id ?? ''}`));
  await expect(page.getByRole('button', { name: /^Laporan .* \(PDF\)$/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Laporan .* \(XLSX\)$/ })).toBeVisible();

  await page.getByRole('combobox', { name: 'UPT', exact: true }).selectOption({ label: SERANG });
  await expect(page).toHaveURL(/upt=/);
  await expect(page.getByText(`${SERANG} · `, { exact: false })).toBeVisible();
  const unit = await thisYear(page, `&facilityId=${nation.choices.units.find((u) => u.name === SERANG)?.id ?? ''}`);
  expect(unit.level).toBe('unit');
  await expectFunnel(page, unit);
  await expect(page.getByRole('table', { name: 'Per UPT', exact: true })).toHaveCount(0);

  // The address keeps the choices: a reload shows the same unit and period.
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'UPT', exact: true })).toHaveValue(unit.scope.id ?? '');
  await expect(page.getByRole('combobox', { name: 'Periode' })).toHaveValue('thisYear');
  await expectFunnel(page, unit);

  // A period of one's own: too long a period is refused at the field, a year without activity charts nothing.
  await page.getByRole('combobox', { name: 'Periode' }).selectOption({ label: 'Pilih tanggal sendiri' });
  await page.getByLabel('Dari tanggal').fill('2020-01-01');
  await expect(page.getByText('Periode paling panjang 366 hari.', { exact: true })).toBeVisible();
  await page.getByLabel('Sampai tanggal').fill('2020-12-31');
  await expect(page).toHaveURL(/dari=2020-01-01&sampai=2020-12-31/);
  await expect(page.getByText('Tidak ada kegiatan rehabilitasi pada periode ini', { exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Alur layanan', exact: true })).toHaveCount(0);
});

test('the head of a unit sees his own unit whole, with nothing else to choose', async ({ page }) => {
  await loginAs(page, 'karutan.serang');
  await page.goto('/dashboard?periode=tahun-ini');

  const own = await thisYear(page);
  expect([own.level, own.scope.name, own.suppressionThreshold, own.units.map((u) => u.name)]).toEqual(['unit', SERANG, null, [SERANG]]);
  await expect(page.getByText(`${SERANG} · `, { exact: false })).toBeVisible();
  await expectFunnel(page, own);
  await expect(page.getByRole('table', { name: 'Alur layanan', exact: true })).not.toContainText('<');
  await expect(page.getByRole('combobox', { name: 'Periode' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Wilayah (Kanwil)' })).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'UPT', exact: true })).toHaveCount(0);
  await expect(page.getByText('Jumlah kecil disembunyikan', { exact: true })).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Per UPT', exact: true })).toHaveCount(0);

  // Another unit's figures are not his to see, even by address.
  const organizations = (await (await page.request.get('/api/organizations')).json()) as { items: { id: string; name: string }[] };
  const pandeglang = organizations.items.find((o) => o.name === 'Rutan Kelas IIB Pandeglang');
  expect(pandeglang).toBeDefined();
  await page.goto(`/dashboard?periode=tahun-ini&upt=${pandeglang?.id ?? ''}`);
  await expect(page.getByRole('alert')).toContainText('tidak ditemukan');
  await expect(page.getByRole('table', { name: 'Alur layanan', exact: true })).toHaveCount(0);

  // His unit's report of the month, as a file.
  await page.goto('/dashboard');
  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Laporan .* \(PDF\)$/ }).click()]);
  expect(pdf.suggestedFilename()).toMatch(/^laporan-bulanan-.+-\d{4}-\d{2}\.pdf$/);
});
