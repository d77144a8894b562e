import { expect, type Page } from '@playwright/test';

// Helpers shared by the browser journeys. Locators go by what a user sees (labels, roles, names in
// Bahasa Indonesia), with regexes tolerant of small wording changes, never by CSS classes.

export const loginLabels = {
  username: /nama pengguna/i,
  password: /kata sandi/i,
  submit: /masuk/i,
} as const;

/** Opens the login page and signs in; resolves once the app has left the login page. */
export async function login(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel(loginLabels.username).fill(username);
  await page.getByLabel(loginLabels.password).fill(password);
  await page.getByRole('button', { name: loginLabels.submit }).click();
  await expectLoggedIn(page);
}

/**
 * Waits until the login form is gone and the address is not /login. On failure the message
 * carries whatever the page announced (e.g. "nama pengguna atau kata sandi salah"), so a rejected
 * login does not read as a mere timeout.
 */
export async function expectLoggedIn(page: Page): Promise<void> {
  try {
    await expect(page).not.toHaveURL(/\/login(\/|\?|#|$)/);
    await expect(page.locator('input[type="password"]')).toHaveCount(0);
  } catch (error) {
    const alerts = await page.getByRole('alert').allInnerTexts().catch(() => []);
    const said = alerts.map((text) => text.trim()).filter(Boolean);
    if (said.length > 0) {
      throw new Error(`login did not succeed; the page says: ${said.join(' | ')}`, { cause: error });
    }
    throw error;
  }
}

/** The password of every demo account (server/seed/demo.ts). */
export const DEMO_PASSWORD = 'Pulih#Demo2026';

/** Signs in with one of the demo accounts, e.g. `klinik.serang`. */
export async function loginAs(page: Page, username: string): Promise<void> {
  await login(page, username, DEMO_PASSWORD);
}

/** One page of GET /api/wbp, as the API answers it. */
export interface WbpPage {
  items: { id: string; sdpNumber: string; fullName: string }[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * Asks the API for people with the signed-in page's session (GET needs no CSRF token). `query` is
 * the query string without `?`, e.g. `pageSize=1` or `q=AII.2026.00012`.
 */
export async function fetchWbp(page: Page, query: string): Promise<WbpPage> {
  const response = await page.request.get(`/api/wbp?${query}`);
  expect(response.status(), `GET /api/wbp?${query}`).toBe(200);
  return (await response.json()) as WbpPage;
}

/** A regex that matches `text` literally, ignoring case. */
export function literally(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
}
