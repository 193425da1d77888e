/**
 * The 10,000-row import of issue 6 alone, without building the large store:
 * a fresh vault with four shelters, then the dry run and the commit, each
 * timed by the wall clock and by the process's CPU time (which a busy,
 * shared machine disturbs less). `npx tsx tests/bench/import-alone.ts [runs]`.
 * The full benchmark (`npm run bench`) measures the same on the large store.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppRouter } from '../../src-main/api/app-router.js';
import { Core } from '../../src-main/core.js';
import { commitImport, dryRunImport } from '../../src-main/features/imports/service.js';
import { IMPORT_ROWS, PLACEMENT_TARGETS, placementLog } from './placements.js';

const runs = Number(process.argv[2] ?? 3);
const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
const SHELTERS = ['Jouren Ett', 'Jouren Två', 'Boendet Tre', 'Boendet Fyra'];

for (let run = 1; run <= runs; run++) {
  const dir = mkdtempSync(join(tmpdir(), 'fristad-import-'));
  const core = new Core({ vaultDir: dir, kdf: { name: 'scrypt', N: 2 ** 12, r: 8, p: 1 } });
  const router = createAppRouter(core);
  await core.create({ unitName: 'Mätenheten', workerName: 'Mätare', passphrase: 'en lång lösenfras för mätningen' });
  for (const name of SHELTERS) {
    const r = await router.invoke('shelters.create', { name, operatorType: 'womens_shelter', firstPrice: { validFrom: '2015-01-01', adultOre: 100_000, childOre: 50_000 } });
    if (!r.ok) throw new Error(r.error.message);
  }
  const session = core.requireSession();
  const now = new Date();
  const input = {
    fileName: 'placeringslogg.csv',
    base64: Buffer.from(placementLog(SHELTERS, IMPORT_ROWS, now), 'utf8').toString('base64'),
    mapping: { personalNumber: 0, firstName: 1, lastName: 2, shelterName: 3, decisionDate: 4, startDate: 5, endDate: 6 },
    newCaseSource: 'own_application' as const,
  };
  let t = performance.now();
  let c = process.cpuUsage();
  const dry = await dryRunImport(session, input, now);
  const dryWall = performance.now() - t;
  const dryCpu = cpuMs(process.cpuUsage(c));
  t = performance.now();
  c = process.cpuUsage();
  const done = await commitImport(session, input, now);
  const commitWall = performance.now() - t;
  const commitCpu = cpuMs(process.cpuUsage(c));
  const total = dryWall + commitWall;
  console.log(
    `run ${run}: dry run ${dryWall.toFixed(0)} ms (cpu ${dryCpu.toFixed(0)}) + commit ${commitWall.toFixed(0)} ms (cpu ${commitCpu.toFixed(0)}) = ${total.toFixed(0)} ms (cpu ${(dryCpu + commitCpu).toFixed(0)}), target ≤ ${PLACEMENT_TARGETS.import10kMs} ms; accepted ${dry.accepted.length}/${done.accepted.length}`,
  );
  await core.lock('quit');
  rmSync(dir, { recursive: true, force: true });
}
