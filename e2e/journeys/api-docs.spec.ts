import { expect, test } from '@playwright/test';
import { loginAs } from '../support.ts';

// The interactive API docs are served from the app itself (no CDN) and run under its strict
// Content-Security-Policy: the page must render the document without a single refused resource.

test('a signed-in user reads the API docs, rendered under the CSP from local files only', async ({ page }) => {
  await loginAs(page, 'klinik.serang');
  const origin = new URL(page.url()).origin;
  const refused: string[] = [];
  const elsewhere: string[] = [];
  page.on('console', (message) => {
    if (/content security policy/i.test(message.text())) refused.push(message.text());
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith('data:')) elsewhere.push(url);
  });

  await page.goto('/api/docs');

  await expect(page.getByRole('heading', { name: /Pulih API/ })).toBeVisible();
  await page.getByRole('link', { name: 'auth', exact: true }).click();
  await expect(page.getByText('/api/auth/login', { exact: true }).first()).toBeVisible();
  expect(refused).toEqual([]);
  expect(elsewhere).toEqual([]);
});

test('without a session the API document is refused', async ({ request }) => {
  const response = await request.get('/api/openapi.json');

  expect(response.status()).toBe(401);
});
