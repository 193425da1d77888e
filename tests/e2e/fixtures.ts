import { test as base } from '@playwright/test';
import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost, type RunningHost } from '../host/server.js';

/** Screenshots a person looks at after the run: tests/artifacts/screens/. */
export const SCREENS = join(import.meta.dirname, '..', 'artifacts', 'screens');
mkdirSync(SCREENS, { recursive: true });

/** Each test gets its own empty vault folder and its own host with a fresh token. */
export const test = base.extend<{ host: RunningHost; vaultDir: string }>({
  vaultDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'fristad-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  host: async ({ vaultDir }, use) => {
    const host = await startHost({ vaultDir });
    await use(host);
    await host.close();
  },
});

export { expect } from '@playwright/test';
