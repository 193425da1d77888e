/**
 * The benchmark (`npm run bench`): builds a large demo store, unlocks it with
 * the app's real KDF, and measures — warm, through the router, which is what
 * the renderer waits for minus the IPC hop — person search, full-text search
 * of the journal, the case list with each of its filters (first page and a
 * deep page), and opening a case or a person. Then runs the same read mix
 * through the services on the encrypted vault and on a plain copy of the
 * same data, and reports the ratio. Prints a table, the query plans of every
 * query measured, and a JSON object (also written to
 * tests/bench/last-result.json).
 *
 * Options: --size small|large (default large), --iterations N (default 1000;
 * full-text kinds run half as many, at least 200), --keep (leave the
 * temporary folder), --log-events N (audit events in the log review's own
 * store, default 5,000,000; see privacy.ts).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Core } from '../../src-main/core.js';
import { createAppRouter } from '../../src-main/api/app-router.js';
import type { Session } from '../../src-main/api/context.js';
import { createKysely, openSqlite, type SqliteHandle } from '../../src-main/db/connection.js';
import { AuditLog } from '../../src-main/features/audit/audit-log.js';
import { getPerson, searchPersons } from '../../src-main/features/persons/service.js';
import { getCase, listCasePage } from '../../src-main/features/cases/service.js';
import { searchJournal } from '../../src-main/features/journal/service.js';
import { DEFAULT_SCRYPT, deriveKek, newScryptParams } from '../../src-main/vault/crypto.js';
import { vaultPaths } from '../../src-main/vault/vault.js';
import { demoPassphrase } from '../../src-main/demo/passphrase.js';
import { DEMO_PROFILES, type DemoSize } from '../../src-main/demo/generate.js';
import { ms, round, summarize, table, type Stat } from './stats.js';
import type { Workload } from './workload.js';
import { benchPrint } from './print.js';
import { benchStatistics } from './statistics.js';
import { benchOutcomes } from './outcomes.js';
import { benchPlacements } from './placements.js';
import { benchImports } from './imports.js';
import { benchLogReview, benchRetention, privacyJson, privacyLines } from './privacy.js';

const here = dirname(fileURLToPath(import.meta.url));

// ---------------------------------------------------------------- options

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const size = (option('size') ?? 'large') as DemoSize;
if (size !== 'small' && size !== 'large') throw new Error('--size small|large');
const ITER = Number(option('iterations') ?? 1000);
/** Full-text searches cost more per call; fewer of them still give a stable p95. */
const FTS_ITER = Math.max(200, Math.round(ITER / 2));
const keep = process.argv.includes('--keep');
/** Audit events in the log review's own store (issue 7): five million by default. */
const LOG_EVENTS = Number(option('log-events') ?? 5_000_000);

const TARGETS = {
  buildSeconds: 30,
  unlockMs: 1000,
  kdfMinMiB: 64,
  personSearchP95Ms: 1,
  ftsP95Ms: 10,
  caseListP95Ms: 2,
  encryptedOverPlain: 1.15,
  rssMb: 250,
};

const verdict = (ok: boolean) => (ok ? 'pass' : 'MISS');
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

// RSS is read after a full garbage collection, so it shows what is held, not what awaits collection.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
function memory() {
  collectGarbage();
  const m = process.memoryUsage();
  return { rssMb: mb(m.rss), heapUsedMb: mb(m.heapUsed), externalMb: mb(m.external) };
}

// ---------------------------------------------------------------- build

interface BuildResult {
  workerId: string;
  workerName: string;
  seed: number;
  rowCounts: Record<string, number>;
  plainRowCounts: Record<string, number>;
  buildMs: number;
  plainMs: number;
  timings: { createVaultMs: number; fillMs: number; closeMs: number; totalMs: number; stepMs: Record<string, number> };
  peakRssMb: number;
  vaultFileBytes: number;
  plainFileBytes: number;
}

function buildInChild(vaultDir: string, plainPath: string, workloadPath: string, passphrase: string, now: Date): Promise<BuildResult & { wallMs: number }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'build-store.ts'), vaultDir, plainPath, size, now.toISOString(), workloadPath], {
      env: { ...process.env, FRISTAD_BENCH_PASSPHRASE: passphrase },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('RESULT '));
      if (code !== 0 || !line) return reject(new Error(`store build failed (exit ${code})`));
      resolve({ ...(JSON.parse(line.slice('RESULT '.length)) as BuildResult), wallMs: performance.now() - t0 });
    });
  });
}

// ---------------------------------------------------------------- measuring

/** Warm-up: every input that will be measured once (so "warm" holds for searches that each touch their own pages), at least a fifth of the calls. */
function warmupCalls(inputs: number, iterations: number): number {
  return Math.max(Math.round(iterations / 5), Math.min(iterations, inputs));
}

/** Runs `fn` over the inputs (cycling), warm-up first; one sample per call, in ms. Yields to the event loop between calls, as separate IPC messages would. */
async function measure<T>(inputs: readonly T[], fn: (input: T) => Promise<unknown>, iterations = ITER): Promise<number[]> {
  for (let i = 0; i < warmupCalls(inputs.length, iterations); i++) await fn(inputs[i % inputs.length]!);
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const input = inputs[i % inputs.length]!;
    await yieldToLoop();
    const t = performance.now();
    await fn(input);
    samples.push(performance.now() - t);
  }
  return samples;
}

// ---------------------------------------------------------------- queries

type Group = 'person_search' | 'fts' | 'case_list' | 'open';

interface Kind {
  key: string;
  label: string;
  group: Group;
  channel: string;
  inputs: unknown[];
  iterations: number;
  service: (s: Session, input: unknown) => Promise<unknown>;
}

const GROUP_TARGET: Record<Group, number | null> = { person_search: TARGETS.personSearchP95Ms, fts: TARGETS.ftsP95Ms, case_list: TARGETS.caseListP95Ms, open: null };

function kinds(w: Workload): Kind[] {
  const search = (s: Session, i: unknown) => searchPersons(s, (i as { query: string }).query);
  const fts = (s: Session, i: unknown) => searchJournal(s, (i as { query: string }).query);
  const list = (s: Session, i: unknown) => listCasePage(s, i as object);
  const ks: Kind[] = [
    { key: 'search_typing', label: 'persons.search by name, every keystroke', group: 'person_search', channel: 'persons.search', inputs: w.nameTyping.map((query) => ({ query })), iterations: ITER, service: search },
    { key: 'search_fixed', label: "persons.search by name, fixed list ('ostl', 'åsa' …)", group: 'person_search', channel: 'persons.search', inputs: w.nameFixed.map((query) => ({ query })), iterations: ITER, service: search },
    { key: 'search_two_words', label: 'persons.search by name, two words', group: 'person_search', channel: 'persons.search', inputs: w.nameTwoWords.map((query) => ({ query })), iterations: ITER, service: search },
    { key: 'search_number_full', label: 'persons.search by full number', group: 'person_search', channel: 'persons.search', inputs: w.numberFull.map((query) => ({ query })), iterations: ITER, service: search },
    { key: 'search_number_partial', label: 'persons.search by partial number', group: 'person_search', channel: 'persons.search', inputs: w.numberPartial.map((query) => ({ query })), iterations: ITER, service: search },
    { key: 'fts_fixed', label: "journal.search, fixed list ('kontaktförbud', 'skyddat boende' …)", group: 'fts', channel: 'journal.search', inputs: w.ftsFixed.map((query) => ({ query })), iterations: FTS_ITER, service: fts },
    { key: 'fts_word', label: 'journal.search, a content word of a random note', group: 'fts', channel: 'journal.search', inputs: w.ftsWords.map((query) => ({ query })), iterations: FTS_ITER, service: fts },
    { key: 'fts_prefix', label: 'journal.search, the same words cut to 3–6 letters (stems)', group: 'fts', channel: 'journal.search', inputs: w.ftsPrefixes.map((query) => ({ query })), iterations: FTS_ITER, service: fts },
    { key: 'fts_pair', label: 'journal.search, two words of one note', group: 'fts', channel: 'journal.search', inputs: w.ftsPairs.map((query) => ({ query })), iterations: FTS_ITER, service: fts },
    { key: 'list_first', label: 'cases.list first page (50)', group: 'case_list', channel: 'cases.list', inputs: [{}], iterations: ITER, service: list },
    { key: 'list_page2', label: 'cases.list page 2 (after)', group: 'case_list', channel: 'cases.list', inputs: [{ after: w.casePage2 }], iterations: ITER, service: list },
    { key: 'list_deep', label: 'cases.list later page, random depth (after)', group: 'case_list', channel: 'cases.list', inputs: w.caseDeepCursors.map((after) => ({ after })), iterations: ITER, service: list },
  ];
  for (const l of w.lists) {
    ks.push({ key: `list_${l.key}_first`, label: `cases.list ${l.label}, first page`, group: 'case_list', channel: 'cases.list', inputs: l.first, iterations: ITER, service: list });
    if (l.deep.length > 0) ks.push({ key: `list_${l.key}_deep`, label: `cases.list ${l.label}, deep page`, group: 'case_list', channel: 'cases.list', inputs: l.deep, iterations: ITER, service: list });
  }
  ks.push(
    { key: 'cases_get', label: 'cases.get (logged read)', group: 'open', channel: 'cases.get', inputs: w.caseIds.map((id) => ({ id })), iterations: ITER, service: (s, i) => getCase(s, (i as { id: string }).id) },
    { key: 'persons_get', label: 'persons.get (logged read)', group: 'open', channel: 'persons.get', inputs: w.personIds.map((id) => ({ id })), iterations: ITER, service: (s, i) => getPerson(s, (i as { id: string }).id) },
  );
  return ks;
}

// ---------------------------------------------------------------- plans

/** The SQL each kind runs, captured from the driver, with SQLite's plan for it. */
async function capturePlans(sqlite: SqliteHandle, session: Session, ks: Kind[]): Promise<Record<string, { sql: string; plan: string[] }[]>> {
  const original = sqlite.prepare.bind(sqlite);
  const out: Record<string, { sql: string; plan: string[] }[]> = {};
  let seen: string[] = [];
  (sqlite as { prepare: (sql: string) => ReturnType<typeof original> }).prepare = (sql: string) => {
    if (!seen.includes(sql)) seen.push(sql);
    return original(sql);
  };
  try {
    for (const k of ks) {
      seen = [];
      // A two-word name query and a six-digit number show the extra plan shapes; the fixed journal searches show both orders (best match, newest).
      const inputs = k.key === 'search_two_words' ? [{ query: 'anna pah' }] : k.key === 'search_number_partial' ? [k.inputs[1]] : k.key === 'fts_fixed' ? k.inputs : [k.inputs[0]];
      for (const input of inputs) await k.service(session, input);
      out[k.key] = seen
        .filter((s) => /^\s*select/i.test(s))
        .map((sql) => ({
          sql,
          plan: (original(`EXPLAIN QUERY PLAN ${sql}`).all(...Array((sql.match(/\?/g) ?? []).length).fill(null)) as { detail: string }[]).map((r) => r.detail),
        }));
    }
  } finally {
    (sqlite as { prepare: unknown }).prepare = original;
  }
  return out;
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const profile = DEMO_PROFILES[size];
  const root = mkdtempSync(join(tmpdir(), 'fristad-bench-'));
  const vaultDir = join(root, 'vault');
  const plainPath = join(root, 'plain.db');
  const passphrase = demoPassphrase();
  const now = new Date();
  console.log(`Fristad benchmark — ${size} store (${profile.persons.toLocaleString('en')} persons, ${profile.cases.toLocaleString('en')} cases) in ${root}`);
  console.log(`node ${process.version}, ${process.platform}/${process.arch}`);

  try {
    // Build (in a child process; the time is the generator's own, measured there).
    console.log('building the encrypted store and its plain copy …');
    const workloadPath = join(root, 'workload.json');
    const build = await buildInChild(vaultDir, plainPath, workloadPath, passphrase, now);
    const buildSeconds = build.timings.totalMs / 1000;

    // KDF alone, then full unlocks through Core (KDF + open + key check + migrations check + settings).
    const kdfMiB = (128 * DEFAULT_SCRYPT.N * DEFAULT_SCRYPT.r) / 2 ** 20;
    const kdfSamples: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      await deriveKek(passphrase, newScryptParams(DEFAULT_SCRYPT));
      kdfSamples.push(performance.now() - t);
    }
    const core = new Core({ vaultDir, kdf: DEFAULT_SCRYPT });
    const router = createAppRouter(core);
    const unlockSamples: number[] = [];
    for (let i = 0; i < 5; i++) {
      if (core.session) await core.lock('user');
      const t = performance.now();
      await core.unlock(build.workerId, passphrase);
      unlockSamples.push(performance.now() - t);
    }
    const memAfterUnlock = memory();
    const encSession = core.requireSession();
    const workload = JSON.parse(readFileSync(workloadPath, 'utf8')) as Workload;
    const ks = kinds(workload);

    // Warm, through the router.
    console.log(`measuring through the router (${ITER} calls per kind, full-text kinds ${FTS_ITER}, after a warm-up of a fifth) …`);
    const routerStats: Record<string, Stat> = {};
    // RSS after each group of kinds, to see which kind of query holds memory.
    const memAfterGroup: Partial<Record<Group, ReturnType<typeof memory>>> = {};
    for (const [i, k] of ks.entries()) {
      const samples = await measure(
        k.inputs,
        async (input) => {
          const r = await router.invoke(k.channel, input);
          if (!r.ok) throw new Error(`${k.channel} failed: ${r.error.code} ${r.error.message}`);
        },
        k.iterations,
      );
      routerStats[k.key] = summarize(samples);
      core.touch();
      if (ks[i + 1]?.group !== k.group) memAfterGroup[k.group] = memory();
    }
    console.log('measuring statistics (dashboard and exports) …');
    const statistics = await benchStatistics(router, encSession, now, Math.max(50, Math.round(ITER / 5)));
    const memAfterStatistics = memory();
    const outcomes = await benchOutcomes(encSession.db, now, 30);
    statistics.lines.push(...outcomes.lines);
    core.touch();
    await encSession.audit.flush();
    const memAfterRouter = memory();

    // Encrypted versus plain: the same inputs through the services, interleaved.
    console.log('comparing encrypted and plain (services, interleaved) …');
    const plainSqlite = openSqlite(plainPath, null, { plaintext: true });
    const plainDb = createKysely(plainSqlite);
    const worker = encSession.worker;
    const plainSession: Session = {
      vault: { paths: vaultPaths(root), sqlite: plainSqlite, db: plainDb, vaultId: 'plain-copy', workerId: worker.id, mustChangePassphrase: false, dataKey: Buffer.alloc(32) },
      db: plainDb,
      worker,
      audit: new AuditLog(plainDb, worker.id),
    };
    const compare: Record<string, { encrypted: Stat; plain: Stat; ratioP50: number; ratioTotal: number; sumEnc: number; sumPlain: number }> = {};
    for (const k of ks) {
      const enc: number[] = [];
      const pln: number[] = [];
      const run = async (s: Session, input: unknown, into: number[] | null) => {
        const t = performance.now();
        await k.service(s, input);
        into?.push(performance.now() - t);
      };
      for (let i = 0; i < warmupCalls(k.inputs.length, k.iterations); i++) {
        await run(encSession, k.inputs[i % k.inputs.length], null);
        await run(plainSession, k.inputs[i % k.inputs.length], null);
      }
      for (let i = 0; i < k.iterations; i++) {
        const input = k.inputs[i % k.inputs.length];
        await yieldToLoop();
        if (i % 2 === 0) {
          await run(encSession, input, enc);
          await run(plainSession, input, pln);
        } else {
          await run(plainSession, input, pln);
          await run(encSession, input, enc);
        }
        if (i % 200 === 0) core.touch();
      }
      const e = summarize(enc);
      const p = summarize(pln);
      const sumEnc = enc.reduce((a, b) => a + b, 0);
      const sumPlain = pln.reduce((a, b) => a + b, 0);
      compare[k.key] = { encrypted: e, plain: p, ratioP50: e.p50 / p.p50, ratioTotal: sumEnc / sumPlain, sumEnc, sumPlain };
    }
    // The read mix: every search and list kind, each weighted by its calls (time per call × the same number of calls per kind).
    const ratioOf = (groups: Group[]) => {
      const sel = ks.filter((k) => groups.includes(k.group));
      const perCall = (key: string, side: 'sumEnc' | 'sumPlain') => compare[key]![side] / compare[key]![side === 'sumEnc' ? 'encrypted' : 'plain'].n;
      return sel.reduce((a, k) => a + perCall(k.key, 'sumEnc'), 0) / sel.reduce((a, k) => a + perCall(k.key, 'sumPlain'), 0);
    };
    const mixRatio = ratioOf(['person_search', 'fts', 'case_list']);
    const groupRatio = { person_search: ratioOf(['person_search']), fts: ratioOf(['fts']), case_list: ratioOf(['case_list']) };
    await plainSession.audit.flush();
    await encSession.audit.flush();
    const memEnd = memory();
    const plans = await capturePlans(plainSqlite, plainSession, ks);
    // Last: the import writes 10,000 placements into the store.
    console.log('measuring shelters and placements (monthly cost, import of 10,000 rows) …');
    const placementBench = await benchPlacements(router, encSession, ITER, now);
    console.log('imports: a placement log and a case log of 10,000 rows each, three runs …');
    const importShelters = (await encSession.db.selectFrom('shelters').select('name').where('archived_at', 'is', null).execute()).map((s) => s.name);
    const importsBench = await benchImports(encSession, importShelters, 3, now);

    plainSqlite.close();
    // Issue 7: a retention run of 5,000 cases on this store (it changes the store, so it comes last), then the log review over its own store.
    console.log('privacy: retention run and log review …');
    const retention = size === 'large' ? await benchRetention(core.requireSession(), 5000) : null;
    await core.lock('quit');
    const logReview = await benchLogReview(LOG_EVENTS);

    // ------------------------------------------------------------ report
    const unlock = summarize(unlockSamples);
    const kdf = summarize(kdfSamples);
    const worst = (g: Group) => Math.max(...ks.filter((k) => k.group === g).map((k) => routerStats[k.key]!.p95));
    const searchP95 = worst('person_search');
    const ftsP95 = worst('fts');
    const listP95 = worst('case_list');
    const pass = {
      build: buildSeconds <= TARGETS.buildSeconds,
      unlock: unlock.max <= TARGETS.unlockMs && kdfMiB >= TARGETS.kdfMinMiB,
      personSearch: searchP95 <= TARGETS.personSearchP95Ms,
      fts: ftsP95 <= TARGETS.ftsP95Ms,
      caseList: listP95 <= TARGETS.caseListP95Ms,
      encryptedOverPlain: mixRatio <= TARGETS.encryptedOverPlain,
      // The app holds one vault open; the plain comparison copy is the benchmark's own.
      rss: memAfterRouter.rssMb <= TARGETS.rssMb,
      monthlyCost: placementBench.pass.monthlyCost,
      import10k: placementBench.pass.import,
    };

    const lines: string[] = [];
    lines.push('');
    lines.push(`Store: ${Object.entries(build.rowCounts).map(([t, n]) => `${t} ${n}`).join(', ')}`);
    lines.push(
      table(
        ['Setup', 'measured', 'target', ''],
        [
          [`Build ${size} store (createVault with real KDF + fill + close)`, `${buildSeconds.toFixed(2)} s`, `≤ ${TARGETS.buildSeconds} s`, verdict(pass.build)],
          [`  of which: create vault / fill / close`, `${(build.timings.createVaultMs / 1000).toFixed(2)} / ${(build.timings.fillMs / 1000).toFixed(2)} / ${(build.timings.closeMs / 1000).toFixed(2)} s`, '', ''],
          [`  fill steps (s)`, Object.entries(build.timings.stepMs).filter(([, v]) => v >= 50).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`).join(', ') || '–', '', ''],
          [`  vault file / plain copy file`, `${mb(build.vaultFileBytes)} / ${mb(build.plainFileBytes)} MB`, '', ''],
          [`  plain copy (same data, no KDF)`, `${(build.plainMs / 1000).toFixed(2)} s`, '', ''],
          [`KDF scrypt N=2^17, r=8, p=1 (${kdfMiB} MiB), alone, p50 of ${kdf.n}`, `${ms(kdf.p50, 0)} ms`, `≥ ${TARGETS.kdfMinMiB} MiB`, verdict(kdfMiB >= TARGETS.kdfMinMiB)],
          [`Unlock through Core (KDF + open + checks), p50 / slowest of ${unlock.n}`, `${ms(unlock.p50, 0)} / ${ms(unlock.max, 0)} ms`, `≤ ${TARGETS.unlockMs} ms`, verdict(pass.unlock)],
        ],
      ),
    );
    lines.push('');
    lines.push(`Warm, through router.invoke (ms; ${ITER} calls per row, full-text rows ${FTS_ITER}, after a warm-up of a fifth)`);
    lines.push(
      table(
        ['Query', 'n', 'p50', 'p95', 'p99', 'max', 'target (p95)', ''],
        ks.map((k) => {
          const s = routerStats[k.key]!;
          const target = GROUP_TARGET[k.group];
          return [k.label, String(s.n), ms(s.p50), ms(s.p95), ms(s.p99), ms(s.max), target === null ? '–' : `≤ ${target} ms`, target === null ? '' : verdict(s.p95 <= target)];
        }),
      ),
    );
    lines.push(`Worst p95: person search ${ms(searchP95)} ms (≤ ${TARGETS.personSearchP95Ms}) ${verdict(pass.personSearch)}; journal full text ${ms(ftsP95)} ms (≤ ${TARGETS.ftsP95Ms}) ${verdict(pass.fts)}; case list ${ms(listP95)} ms (≤ ${TARGETS.caseListP95Ms}) ${verdict(pass.caseList)}`);
    lines.push('');
    lines.push(`Encrypted ÷ plain, same inputs through the services, interleaved (ms, p50; ratio of total time)`);
    lines.push(
      table(
        ['Query', 'encrypted p50', 'plain p50', 'enc p95', 'plain p95', 'ratio p50', 'ratio total'],
        ks.map((k) => {
          const c = compare[k.key]!;
          return [k.label + (k.group === 'open' ? ' *' : ''), ms(c.encrypted.p50), ms(c.plain.p50), ms(c.encrypted.p95), ms(c.plain.p95), c.ratioP50.toFixed(2), c.ratioTotal.toFixed(2)];
        }),
      ),
    );
    lines.push(`Read mix (person search + journal full text + case list, every kind equally often) encrypted ÷ plain: ${mixRatio.toFixed(3)}×   target ≤ ${TARGETS.encryptedOverPlain}×   ${verdict(pass.encryptedOverPlain)}`);
    lines.push(`  by group: person search ${groupRatio.person_search.toFixed(3)}×, journal full text ${groupRatio.fts.toFixed(3)}×, case list ${groupRatio.case_list.toFixed(3)}×`);
    lines.push(`  * opening a case or person writes its audit event (commit with synchronous=FULL); not in the read mix.`);
    lines.push('');
    lines.push(`RSS of this process (after GC): after unlock ${memAfterUnlock.rssMb} MB; after the router run ${memAfterRouter.rssMb} MB (heap ${memAfterRouter.heapUsedMb} MB)   target ≤ ${TARGETS.rssMb} MB   ${verdict(pass.rss)}`);
    lines.push(`  after each group of the router run: ${(Object.entries(memAfterGroup) as [Group, { rssMb: number }][]).map(([g, m]) => `${g} ${m.rssMb} MB`).join(', ')}; after the statistics part ${memAfterStatistics.rssMb} MB; after the outcome live counts (the last part) ${memAfterRouter.rssMb} MB`);
    lines.push(`  with the plain comparison copy also open: ${memEnd.rssMb} MB (benchmark only)`);
    lines.push(`Build child peak RSS: ${build.peakRssMb} MB (the generator's, not the app's)`);
    lines.push('', ...placementBench.lines, '', ...importsBench.lines, '');
    lines.push('Query plans (plain copy, EXPLAIN QUERY PLAN):');
    for (const k of ks) {
      for (const p of plans[k.key] ?? []) lines.push(`  ${k.key}: ${p.plan.join(' | ')}`);
    }
    lines.push(...statistics.lines);
    lines.push('', ...privacyLines(logReview, retention));
    console.log(lines.join('\n'));

    // Printing: a safety-plan PDF with the print engine warm (its own small vault; Chromium on the print route).
    const printBench = await benchPrint(size === 'small' ? 20 : 100);
    console.log(printBench.report);

    const result = {
      at: now.toISOString(),
      node: process.version,
      size,
      iterations: ITER,
      ftsIterations: FTS_ITER,
      rowCounts: build.rowCounts,
      build: {
        totalMs: round(build.timings.totalMs, 1),
        createVaultMs: round(build.timings.createVaultMs, 1),
        fillMs: round(build.timings.fillMs, 1),
        closeMs: round(build.timings.closeMs, 1),
        stepMs: Object.fromEntries(Object.entries(build.timings.stepMs).map(([k, v]) => [k, round(v, 1)])),
        plainMs: round(build.plainMs, 1),
        childWallMs: round(build.wallMs, 1),
        childPeakRssMb: build.peakRssMb,
        vaultFileMb: mb(build.vaultFileBytes),
        plainFileMb: mb(build.plainFileBytes),
      },
      kdf: { name: 'scrypt', N: DEFAULT_SCRYPT.N, r: DEFAULT_SCRYPT.r, p: DEFAULT_SCRYPT.p, memoryMiB: kdfMiB, ms: roundStat(kdf) },
      unlockMs: roundStat(unlock),
      router: Object.fromEntries(ks.map((k) => [k.key, { label: k.label, group: k.group, ...roundStat(routerStats[k.key]!) }])),
      worstP95: { personSearch: round(searchP95), fts: round(ftsP95), caseList: round(listP95) },
      encryptedVsPlain: {
        mixRatio: round(mixRatio),
        groupRatio: Object.fromEntries(Object.entries(groupRatio).map(([g, r]) => [g, round(r)])),
        perKind: Object.fromEntries(ks.map((k) => [k.key, { encrypted: roundStat(compare[k.key]!.encrypted), plain: roundStat(compare[k.key]!.plain), ratioP50: round(compare[k.key]!.ratioP50), ratioTotal: round(compare[k.key]!.ratioTotal) }])),
      },
      memory: { afterUnlock: memAfterUnlock, afterGroup: memAfterGroup, afterRouter: memAfterRouter, withPlainCopyOpen: memEnd },
      print: printBench.result,
      statistics: { stats: Object.fromEntries(Object.entries(statistics.stats).map(([k, v]) => [k, { label: v.label, ...roundStat(v) }])), pass: statistics.pass },
      placements: { ...placementBench, monthlyCost: roundStat(placementBench.monthlyCost), yearCost: roundStat(placementBench.yearCost), lines: undefined },
      imports: { placementLog: { runs: importsBench.placementLog.runs, total: roundStat(importsBench.placementLog.total) }, caseLog: { runs: importsBench.caseLog.runs, total: roundStat(importsBench.caseLog.total) }, pass: importsBench.pass },
      targets: TARGETS,
      pass,
      plans,
      privacy: privacyJson(logReview, retention),
    };
    const json = JSON.stringify(result, null, 2);
    console.log('\nJSON:');
    console.log(json);
    writeFileSync(join(here, 'last-result.json'), json + '\n');
    console.log(`\n(written to ${join('tests', 'bench', 'last-result.json')})`);
  } finally {
    if (keep) console.log(`kept ${root}`);
    else rmSync(root, { recursive: true, force: true });
  }
}

function roundStat(s: Stat) {
  return { n: s.n, p50: round(s.p50), p95: round(s.p95), p99: round(s.p99), mean: round(s.mean), max: round(s.max) };
}

await main();
