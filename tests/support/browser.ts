import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/**
 * Finds a Chromium to test in: Debian's (`/usr/bin/chromium`) first, then
 * Playwright's own download. Says plainly what to install when neither is there.
 */
export function findChromium(): string {
  for (const p of [process.env.FRISTAD_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium']) {
    if (p && existsSync(p)) return p;
  }
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // Playwright has no browser of its own installed.
  }
  throw new Error(
    [
      'Ingen Chromium hittades för testerna. / No Chromium found for the tests.',
      '  Debian/Ubuntu:  sudo apt-get install -y chromium',
      '  Annars / otherwise:  npx playwright install chromium',
      '  Eller peka ut en webbläsare / or point to one:  FRISTAD_CHROMIUM=/path/to/chromium npm test',
    ].join('\n'),
  );
}

/** Flags for a headless Chromium on a closed, shared build machine. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
