import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { Core } from '../../src-main/core.js';
import { createAppRouter } from '../../src-main/api/app-router.js';
import type { KdfBase } from '../../src-main/vault/vault.js';

/** A cheap scrypt for tests (4 MiB); the app's default is 128 MiB. */
export const TEST_KDF: KdfBase = { name: 'scrypt', N: 2 ** 12, r: 8, p: 1 };

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the test. */
export function tempDir(prefix = 'fristad-test-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}

export const PASS = 'korrekt häst batteri häftklammer';

/** A core and router over a new vault, already unlocked by its first worker (a samordnare). */
export async function unlockedApp(opts: { unitName?: string } = {}) {
  const dir = tempDir();
  const core = new Core({ vaultDir: dir, kdf: TEST_KDF });
  const router = createAppRouter(core);
  const created = await core.create({ unitName: opts.unitName ?? 'Familjevårdsgruppen Testköping', workerName: 'Sara Handläggare', passphrase: PASS });
  return { dir, core, router, recoveryKey: created.recoveryKey, workerId: created.session.workerId };
}

/** Calls the router and returns the value, failing the test with the error payload otherwise. */
export async function call<T = unknown>(router: ReturnType<typeof createAppRouter>, channel: string, input?: unknown): Promise<T> {
  const r = await router.invoke(channel, input);
  if (!r.ok) throw new Error(`${channel} failed: ${JSON.stringify(r.error)}`);
  return r.value as T;
}
