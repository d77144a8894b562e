import { expect, test } from '@playwright/test';
import { loginLabels } from '../support.ts';

// The cheapest proof that the built app is served and reachable: if these fail, every other
// journey would fail for the same reason, so read these first.

test('the login page is in Bahasa Indonesia and asks for a username and a password', async ({ page }) => {
  await page.goto('/');

  await expect(page.locator('html')).toHaveAttribute('lang', 'id');
  await expect(page.getByLabel(loginLabels.username)).toBeVisible();
  await expect(page.getByLabel(loginLabels.password)).toBeVisible();
  await expect(page.getByRole('button', { name: loginLabels.submit })).toBeVisible();
});

test('the health endpoint answers 200 with JSON', async ({ request }) => {
  const response = await request.get('/api/health');

  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^application\/json/);
  expect(await response.json()).toEqual(expect.any(Object));
});
