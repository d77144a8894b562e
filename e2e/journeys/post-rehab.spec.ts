import { expect, test, type Page } from '@playwright/test';
import { loginAs } from '../support.ts';

// Post-rehabilitation at Bapas Serang end to end, as its probation officer: from the aftercare inbox
// to the Bapas's programme, the demo parolee on the roster, last week's timetable made so the client
// has a session that is already past, its attendance recorded, the enrolment ended as completed, and
// the client enrolled anew from the candidates.
// The demo seeds the programme, its room, the officer's hours and the enrolment (demo-post-rehab.ts);
// aftercare.spec.ts may add another accepted referral to the Bapas, so the client is found by name.

test.use({ timezoneId: 'Asia/Jakarta' });

const PROGRAMME = 'Pascarehabilitasi — pencegahan kekambuhan';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The demo's enrolled client, from the API with the page's own session. */
async function demoClient(page: Page): Promise<{ name: string; sdp: string }> {
  const session = (await (await page.request.get('/api/auth/session')).json()) as { user: { facilities: { id: string; name: string }[] } };
  const bapas = session.user.facilities.find((f) => /Bapas/.test(f.name))!;
  const programmes = (await (await page.request.get(`/api/facilities/${bapas.id}/programmes`)).json()) as { items: { id: string; name: string }[] };
  const programme = programmes.items.find((p) => p.name === PROGRAMME)!;
  const roster = (await (await page.request.get(`/api/programmes/${programme.id}/post-rehab-enrolments`)).json()) as {
    items: { fullName: string; sdpNumber: string; status: string }[];
  };
  const client = roster.items.find((e) => e.status === 'active');
  if (!client) throw new Error('the demo post-rehabilitation client is not enrolled');
  return { name: client.fullName, sdp: client.sdpNumber };
}

test('a probation officer follows a referral to the programme, schedules the client, records attendance, completes and re-enrols', async ({ page }) => {
  await loginAs(page, 'pk.bapas');
  const client = await demoClient(page);

  // From the aftercare inbox to the Bapas's programmes.
  await page.goto('/pascarehabilitasi');
  const inbox = page.getByRole('table', { name: 'Rujukan pascarehabilitasi' });
  const referral = inbox.getByRole('row').filter({ hasText: client.sdp });
  await expect(referral).toContainText('Diterima');
  await referral.getByRole('link', { name: `Daftarkan ke program pascarehabilitasi — ${client.name}` }).click();
  await expect(page).toHaveURL(/\/program\?upt=/);
  const card = page.getByRole('article', { name: PROGRAMME });
  const roster = card.getByRole('table', { name: `Peserta pascarehabilitasi ${PROGRAMME}` });
  const row = roster.getByRole('row').filter({ hasText: client.sdp });
  await expect(row).toContainText(client.name);
  await expect(row).toContainText('Aktif');
  await expect(row).toContainText('Rutan Kelas IIB Serang');

  // Last week's timetable of the Bapas: every session is past, so its attendance can be recorded.
  await page.getByRole('link', { name: 'Jadwal', exact: true }).click();
  await page.getByRole('button', { name: '‹ Minggu sebelumnya' }).click();
  await page.getByRole('button', { name: 'Buat jadwal', exact: true }).click();
  const summary = page.getByText(/^\d+ dari \d+ sesi terjadwal$/);
  await expect(summary).toBeVisible();
  const [placed, required] = ((await summary.textContent()) ?? '').match(/\d+/g)!.map(Number);
  expect(placed).toBeGreaterThan(0);
  expect(placed).toBe(required);

  // The client's counselling session: everyone present, saved.
  await page.getByRole('link', { name: new RegExp(`^Kehadiran Konseling pencegahan kekambuhan, ${escape(client.name)}, `) }).first().click();
  await expect(page.getByText(client.name).first()).toBeVisible();
  await page.getByRole('button', { name: 'Semua hadir' }).click();
  await page.getByRole('button', { name: 'Simpan kehadiran' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Kehadiran sudah dicatat' })).toBeVisible();

  // Back on the programme: the enrolment ends as completed, after the confirmation.
  await page.getByRole('link', { name: 'Program', exact: true }).click();
  const again = page.getByRole('article', { name: PROGRAMME }).getByRole('table', { name: `Peserta pascarehabilitasi ${PROGRAMME}` })
    .getByRole('row').filter({ hasText: client.sdp });
  await again.getByRole('button', { name: `Selesai — ${client.name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Selesaikan keikutsertaan ${client.name}` });
  await dialog.getByLabel('Catatan').fill('Mengikuti seluruh sesi dan tes urine negatif.');
  await dialog.getByRole('button', { name: 'Periksa dan simpan' }).click();
  const confirm = page.getByRole('dialog', { name: 'Simpan hasil keikutsertaan?' });
  await expect(confirm).toContainText(client.name);
  await confirm.getByRole('button', { name: 'Ya, simpan' }).click();
  await expect(dialog).toBeHidden();
  await expect(again).toContainText('Selesai');
  await expect(again).toContainText('Mengikuti seluruh sesi dan tes urine negatif.');
  await expect(again.getByRole('button', { name: `Selesai — ${client.name}` })).toHaveCount(0);

  // With the referral still accepted and the consent in force, the client can be enrolled anew (after a relapse, say).
  await page.getByRole('button', { name: `Daftarkan klien ke ${PROGRAMME}` }).click();
  const enrol = page.getByRole('dialog', { name: `Daftarkan klien ke ${PROGRAMME}` });
  const candidate = enrol.getByLabel('Klien dari rujukan');
  const option = candidate.locator('option').filter({ hasText: client.sdp });
  await candidate.selectOption((await option.getAttribute('value'))!);
  await enrol.getByRole('button', { name: 'Daftarkan', exact: true }).click();
  await expect(enrol).toBeHidden();
  const rows = page.getByRole('article', { name: PROGRAMME }).getByRole('table', { name: `Peserta pascarehabilitasi ${PROGRAMME}` })
    .getByRole('row').filter({ hasText: client.sdp });
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('Aktif');
});
