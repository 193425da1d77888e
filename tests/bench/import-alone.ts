/**
 * The imports of issue 6 alone, without building the large store: a fresh
 * vault with four shelters, then a 10,000-row placement log and a 10,000-row
 * case log, each dry run + commit, `runs` times (new persons each run);
 * p50 / p95 over the runs. `npx tsx tests/bench/import-alone.ts [runs]`.
 * The full benchmark (`npm run bench`) measures the same on the large store.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppRouter } from '../../src-main/api/app-router.js';
import { Core } from '../../src-main/core.js';
import { benchImports } from './imports.js';

const runs = Number(process.argv[2] ?? 3);
const SHELTERS = ['Jouren Ett', 'Jouren Två', 'Boendet Tre', 'Boendet Fyra'];

const dir = mkdtempSync(join(tmpdir(), 'fristad-import-'));
try {
  const core = new Core({ vaultDir: dir, kdf: { name: 'scrypt', N: 2 ** 12, r: 8, p: 1 } });
  const router = createAppRouter(core);
  await core.create({ unitName: 'Mätenheten', workerName: 'Mätare', passphrase: 'en lång lösenfras för mätningen' });
  for (const name of SHELTERS) {
    const r = await router.invoke('shelters.create', { name, operatorType: 'womens_shelter', firstPrice: { validFrom: '2015-01-01', adultOre: 100_000, childOre: 50_000 } });
    if (!r.ok) throw new Error(r.error.message);
  }
  const bench = await benchImports(core.requireSession(), SHELTERS, runs, new Date(), (line) => console.log(line));
  console.log(bench.lines.join('\n'));
  await core.lock('quit');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
