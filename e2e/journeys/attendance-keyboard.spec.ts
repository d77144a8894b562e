import { expect, test } from '@playwright/test';
import { loginAs } from '../support.ts';

// Attendance for a static group of eight with the keyboard alone: every key press after the page
// opens is counted, and the count is reported (and kept from growing unnoticed).

test.use({ timezoneId: 'Asia/Jakarta' });

/** Monday of last week in Jakarta: every session of that week has been held. */
function lastMonday(): string {
  const jakarta = new Date(Date.now() + 7 * 60 * 60 * 1000);
  jakarta.setUTCDate(jakarta.getUTCDate() - ((jakarta.getUTCDay() + 6) % 7) - 7);
  return jakarta.toISOString().slice(0, 10);
}

const MAX_STEPS = 30;

test('clinic staff record a group of eight with the keyboard alone', async ({ page }) => {
  await loginAs(page, 'klinik.serang');
  await page.goto(`/jadwal?week=${lastMonday()}`);
  await page.getByRole('button', { name: 'Buat jadwal', exact: true }).click();
  await page.getByRole('link', { name: /^Kehadiran Konseling kelompok .*, Kelompok 1, / }).first().click();
  const statuses = page.getByRole('radiogroup', { name: /^Status kehadiran / });
  await expect(statuses).toHaveCount(8);
  const sessionId = page.url().match(/sesi\/([0-9a-f-]{36})\/kehadiran/)![1]!;
  // Opened afresh, as from a bookmark or the address bar: focus starts at the top of the page.
  await page.goto(`/jadwal/sesi/${sessionId}/kehadiran`);
  await expect(statuses).toHaveCount(8);

  // From here on, only the keyboard.
  let steps = 0;
  const press = async (key: string) => { steps += 1; await page.keyboard.press(key); };
  const typeText = async (text: string) => { steps += 1; await page.keyboard.type(text); };
  const allPresent = page.getByRole('button', { name: 'Semua hadir' });
  await press('Tab');
  await expect(page.getByRole('link', { name: 'Lewati ke konten utama' })).toBeFocused();
  await press('Enter');
  while (!(await allPresent.evaluate((el) => el === document.activeElement)) && steps < MAX_STEPS) await press('Tab');
  await press('Enter');
  // The first member is at court: status to "Tidak hadir", reason "Sidang", a note, then save.
  await press('Tab');
  await press('ArrowRight');
  await expect(statuses.first().getByRole('radio', { name: 'Tidak hadir' })).toBeChecked();
  await press('Tab');
  await press('ArrowDown');
  await press('Tab');
  await typeText('Sidang di PN Serang');
  await press('Control+Enter');

  await expect(page.getByRole('status').filter({ hasText: 'Kehadiran sudah dicatat' })).toBeVisible();
  test.info().annotations.push({ type: 'keyboard steps', description: `${steps} key presses for a group of 8` });
  console.log(`attendance of a group of 8 recorded with ${steps} keyboard steps`);
  expect(steps).toBeLessThanOrEqual(MAX_STEPS);

  const saved = (await (await page.request.get(`/api/timetable/sessions/${sessionId}/attendance`)).json()) as {
    members: { status: string | null; absenceReason: string | null; note: string | null }[];
  };
  expect(saved.members.map((m) => m.status).sort()).toEqual(['absent', 'present', 'present', 'present', 'present', 'present', 'present', 'present']);
  expect(saved.members.find((m) => m.status === 'absent')).toMatchObject({ absenceReason: 'court', note: 'Sidang di PN Serang' });
});
