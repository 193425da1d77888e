import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './tests/support/browser.js';

/**
 * On a worker's PC the app's two halves share the computer's time zone. Here
 * the test host (main's code, in the test worker) and Chromium must share one
 * too, or "today" differs between them for an hour or two around midnight and
 * a date the form fills in as today is refused as in the future. The workers
 * inherit TZ from this process.
 */
const TIME_ZONE = 'Europe/Stockholm';
process.env.TZ = TIME_ZONE;

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    headless: true,
    locale: 'sv-SE',
    timezoneId: TIME_ZONE,
    viewport: { width: 1280, height: 860 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
  },
});
