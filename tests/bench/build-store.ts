/**
 * Child process of the benchmark: builds the large encrypted demo vault (with
 * the app's real KDF) and its plain comparison copy, then prints one line
 * `RESULT {json}`. Run apart from the measuring process so that the
 * generator's memory does not count in the measured process's RSS.
 *
 * Then draws the benchmark's queries from the plain copy (the same rows) and
 * writes them to <workloadJson>.
 *
 * Usage: node --import tsx tests/bench/build-store.ts <vaultDir> <plainDbPath> <size> <nowIso> <workloadJson>
 * The passphrase comes in FRISTAD_BENCH_PASSPHRASE.
 */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDemoVault, generatePlainDemoDb, type DemoSize } from '../../src-main/demo/generate.js';
import { DEFAULT_SCRYPT } from '../../src-main/vault/crypto.js';
import { DB_FILE } from '../../src-main/vault/vault.js';
import { openSqlite } from '../../src-main/db/connection.js';
import { buildWorkload } from './workload.js';

const [vaultDir, plainPath, size, nowIso, workloadPath] = process.argv.slice(2);
const passphrase = process.env.FRISTAD_BENCH_PASSPHRASE;
if (!vaultDir || !plainPath || (size !== 'small' && size !== 'large') || !nowIso || !workloadPath || !passphrase) {
  process.stderr.write('usage: build-store.ts <vaultDir> <plainDbPath> <small|large> <nowIso> <workloadJson> (passphrase in FRISTAD_BENCH_PASSPHRASE)\n');
  process.exit(2);
}
const now = new Date(nowIso);

const t0 = performance.now();
const vault = await generateDemoVault({ dir: vaultDir, size: size as DemoSize, kdf: DEFAULT_SCRYPT, passphrase, now });
const buildMs = performance.now() - t0;
const t1 = performance.now();
const plain = await generatePlainDemoDb(plainPath, { size: size as DemoSize, seed: vault.seed, now, firstWorker: { id: vault.workerId, name: vault.workerName }, unitName: vault.unitName });
const plainMs = performance.now() - t1;

const plainDb = openSqlite(plainPath, null, { plaintext: true, readonly: true });
try {
  writeFileSync(workloadPath, JSON.stringify(buildWorkload(plainDb, vault.seed)));
} finally {
  plainDb.close();
}

process.stdout.write(
  `RESULT ${JSON.stringify({
    workerId: vault.workerId,
    workerName: vault.workerName,
    seed: vault.seed,
    rowCounts: vault.rowCounts,
    plainRowCounts: plain.rowCounts,
    buildMs,
    timings: vault.timings,
    plainMs,
    // The peak over the whole build (maxRSS is in KiB).
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    vaultFileBytes: [DB_FILE, `${DB_FILE}-wal`].map((f) => join(vaultDir, f)).filter((f) => existsSync(f)).reduce((a, f) => a + statSync(f).size, 0),
    plainFileBytes: [plainPath, `${plainPath}-wal`].filter((f) => existsSync(f)).reduce((a, f) => a + statSync(f).size, 0),
  })}\n`,
);
