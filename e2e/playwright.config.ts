import { defineConfig } from '@playwright/test';

// Browser journeys run against a real server that e2e/run.mjs starts on a free port with a fresh
// data directory (`npm run test:e2e`); it hands the address over in E2E_BASE_URL. To run the
// journeys against a server you started yourself, set E2E_BASE_URL and call
// `npx playwright test -c e2e/playwright.config.ts`.
const baseURL = process.env.E2E_BASE_URL;
if (!baseURL) {
  throw new Error('E2E_BASE_URL is not set: run the journeys with `npm run test:e2e`.');
}

// Debian's chromium package, never a browser downloaded by Playwright (CI has no access to the
// Playwright CDN). These flags make it behave inside a container as root without a GPU, with a
// small /dev/shm, and keep it from phoning home during a run.
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default defineConfig({
  testDir: './journeys',
  outputDir: '../test-results',
  // A journey that only passes on a second try is a bug to fix, not to hide.
  retries: 0,
  // One server with one database is shared by the run, so journeys go one at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    browserName: 'chromium',
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: chromiumArgs,
    },
  },
});
