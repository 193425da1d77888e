/**
 * The imports of issue 6 alone, without building the large store: a fresh
 * vault with four shelters, then a 10,000-row placement log and a 10,000-row
 * case log, each dry run + commit, `runs` times (new persons each run);
 * p50 / p95 over the runs. `npx tsx tests/bench/import-alone.ts [runs] [--prefill N]`:
 * with --prefill, N persons with a case each (random ids, as the register of
 * a large unit has) are written first, so the imports meet big indexes.
 * The full benchmark (`npm run bench`) measures the same on the large store.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppRouter } from '../../src-main/api/app-router.js';
import { Core } from '../../src-main/core.js';
import { randomUUID } from 'node:crypto';
import { insertMany } from '../../src-main/db/bulk-insert.js';
import type { Session } from '../../src-main/api/context.js';
import { benchImports } from './imports.js';

const runs = Number(process.argv[2] ?? 3);
const prefillAt = process.argv.indexOf('--prefill');
const prefill = prefillAt >= 0 ? Number(process.argv[prefillAt + 1]) : 0;

/** N persons (number-less, random ids) each with a case, its violence type and name tokens: the bulk of a large store's indexes. */
async function fill(session: Session, n: number): Promise<void> {
  const at = new Date().toISOString();
  const w = session.worker.id;
  await session.db.transaction().execute(async (trx) => {
    for (let start = 0; start < n; start += 10_000) {
      const ids = Array.from({ length: Math.min(10_000, n - start) }, () => [randomUUID(), randomUUID()] as const);
      insertMany(trx, session.vault.sqlite, 'persons', ids.map(([id], i) => ({ id, first_name: `Fyll${start + i}`, last_name: `Person${(start + i) % 997}`, number_kind: 'none' as const, personal_number: null, birth_year: 1950 + (i % 60), gender: 'kvinna' as const, protection_level: 'none' as const, created_at: at, created_by: w, updated_at: at, street_address: null, postal_code: null, city: null, phone: null, email: null, language: null })));
      insertMany(trx, session.vault.sqlite, 'person_search', ids.map(([id], i) => ({ token: `fyll${start + i}`, person_id: id })));
      insertMany(trx, session.vault.sqlite, 'cases', ids.map(([pid, cid], i) => ({ id: cid, case_number: `${1990 + ((start + i) % 30)}-F${start + i}`, main_person_id: pid, intake_date: `${1990 + ((start + i) % 30)}-0${1 + (i % 9)}-1${i % 10}`, intake_source: 'own_application', status: 'closed' as const, assigned_worker_id: w, closed_at: null, created_at: at, created_by: w, updated_at: at, relation: null, first_contact_date: null, children_in_household: null, closing_reason: null })));
      insertMany(trx, session.vault.sqlite, 'case_persons', ids.map(([pid, cid]) => ({ case_id: cid, person_id: pid, role: 'victim' as const, child_exposure: null })));
    }
  });
}
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
  if (prefill > 0) {
    const t = performance.now();
    await fill(core.requireSession(), prefill);
    console.log(`prefilled ${prefill} persons with a case each in ${Math.round(performance.now() - t)} ms`);
  }
  const bench = await benchImports(core.requireSession(), SHELTERS, runs, new Date(), (line) => console.log(line));
  console.log(bench.lines.join('\n'));
  await core.lock('quit');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
