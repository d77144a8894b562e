import { expect, test } from '@playwright/test';
import { loginLabels } from '../support.ts';

// The interface speaks Bahasa Indonesia first; anyone can switch to English before signing in.

test('switching to English on the login page translates the form and the document language', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: loginLabels.submit })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');

  await page.getByRole('group', { name: 'Bahasa / Language' }).getByRole('button', { name: 'English', exact: true }).click();

  await expect(page.getByRole('button', { name: 'English', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Masuk', exact: true })).toHaveCount(0);
  await expect(page.getByLabel('Username')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
