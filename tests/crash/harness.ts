/**
 * Crash safety: a child process writes transactions through the real
 * services and is killed with SIGKILL at a random moment; the parent then
 * unlocks the vault, checks that the file is intact (`integrity_check`,
 * `foreign_key_check`), that every transaction the child reported committed
 * is there, and that every transaction is all-or-nothing (a person has its
 * search tokens and audit event, a case its violence types, its victim and
 * its audit event).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Core } from '../../src-main/core.js';
import { closeVault, unlockVault, type KdfBase, type OpenVault } from '../../src-main/vault/vault.js';

const here = dirname(fileURLToPath(import.meta.url));
export const CHILD_SCRIPT = join(here, 'child.ts');

/** Cheap scrypt, the same as the unit tests' TEST_KDF (that module needs vitest to load). */
export const CRASH_KDF: KdfBase = { name: 'scrypt', N: 2 ** 12, r: 8, p: 1 };
const PASSPHRASE = 'krocktest häst batteri häftklammer';

export interface CrashOptions {
  /** Kill this many ms after the child's first commit: uniformly drawn between the two. */
  killAfterMs?: [number, number];
  /** Folder for the vault; a temporary one (removed afterwards) when left out. */
  dir?: string;
  kdf?: KdfBase;
  /** Called after each round, e.g. to print progress. */
  onRound?: (round: RoundResult) => void;
  /** A child that has not committed anything within this time counts as a failure. */
  startTimeoutMs?: number;
}

export interface RoundResult {
  round: number;
  killedAfterMs: number;
  /** Ids the child printed as committed. */
  committed: number;
  /** Of those, found after the crash. */
  recovered: number;
  /** Rows found that the child had not (yet) reported: committed just before the kill, or the one in flight. */
  unreported: number;
  integrity: string;
  problems: string[];
}

export interface CrashStats {
  rounds: number;
  totalCommitted: number;
  totalRecovered: number;
  maxRecovered: number;
  avgRecovered: number;
  totalUnreported: number;
  integrityOk: number;
  allPresent: boolean;
  failures: { round: number; problems: string[] }[];
  wallMs: number;
  finalCounts: { persons: number; cases: number; auditEvents: number };
}

interface ChildRun {
  ids: string[];
  killedAfterMs: number;
  exit: string;
  stderr: string;
}

function runChild(dir: string, workerId: string, killAfter: [number, number], startTimeoutMs: number): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD_SCRIPT, dir, workerId, PASSPHRASE], { stdio: ['ignore', 'pipe', 'pipe'] });
    const ids: string[] = [];
    let buffered = '';
    let stderr = '';
    let killTimer: ReturnType<typeof setTimeout> | null = null;
    let killedAfterMs = -1;
    const startTimer = setTimeout(() => child.kill('SIGKILL'), startTimeoutMs);
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => (stderr += d));
    child.stdout.on('data', (d: string) => {
      buffered += d;
      const lines = buffered.split('\n');
      // Only whole lines count: a line cut by the kill is not a report.
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const m = /^COMMITTED (\S+)$/.exec(line);
        if (!m) continue;
        ids.push(m[1]!);
        if (!killTimer) {
          clearTimeout(startTimer);
          const wait = killAfter[0] + Math.floor(Math.random() * (killAfter[1] - killAfter[0] + 1));
          killTimer = setTimeout(() => {
            killedAfterMs = wait;
            child.kill('SIGKILL');
          }, wait);
        }
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(startTimer);
      if (killTimer) clearTimeout(killTimer);
      resolve({ ids, killedAfterMs, exit: signal ? `signal ${signal}` : `code ${code}`, stderr });
    });
  });
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Checks the vault after a crash; returns what is wrong (empty when all is well). */
function inspect(vault: OpenVault, ids: string[], known: { persons: number; cases: number }): { integrity: string; recovered: number; unreported: number; problems: string[]; counts: { persons: number; cases: number; auditEvents: number } } {
  const db = vault.sqlite;
  const problems: string[] = [];
  const integrityRows = db.pragma('integrity_check') as { integrity_check: string }[];
  const integrity = integrityRows.map((r) => r.integrity_check).join('; ');
  if (integrity !== 'ok') problems.push(`integrity_check: ${integrity.slice(0, 200)}`);
  const fk = db.pragma('foreign_key_check') as unknown[];
  if (fk.length > 0) problems.push(`foreign_key_check: ${fk.length} rows`);

  let recovered = 0;
  for (const part of chunks(ids, 500)) {
    const marks = part.map(() => '?').join(',');
    const found = db.prepare(`SELECT id FROM persons WHERE id IN (${marks}) UNION ALL SELECT id FROM cases WHERE id IN (${marks})`).all(...part, ...part) as { id: string }[];
    recovered += found.length;
    if (found.length !== part.length) {
      const have = new Set(found.map((f) => f.id));
      const missing = part.filter((id) => !have.has(id));
      problems.push(`missing after crash: ${missing.length} committed id(s), e.g. ${missing[0]}`);
    }
  }

  // All-or-nothing: no half-written transaction may be visible.
  const halfPersons = db.prepare(`SELECT count(*) AS n FROM persons p WHERE NOT EXISTS (SELECT 1 FROM person_search s WHERE s.person_id = p.id) OR NOT EXISTS (SELECT 1 FROM audit_events a WHERE a.entity_type = 'person' AND a.entity_id = p.id AND a.action = 'persons.create')`).get() as { n: number };
  if (halfPersons.n > 0) problems.push(`${halfPersons.n} person(s) without their search tokens or audit event`);
  const halfCases = db
    .prepare(
      `SELECT count(*) AS n FROM cases c WHERE NOT EXISTS (SELECT 1 FROM case_violence_types t WHERE t.case_id = c.id)
         OR NOT EXISTS (SELECT 1 FROM case_persons cp WHERE cp.case_id = c.id AND cp.person_id = c.main_person_id AND cp.role = 'victim')
         OR NOT EXISTS (SELECT 1 FROM audit_events a WHERE a.entity_type = 'case' AND a.entity_id = c.id AND a.action = 'cases.create')`,
    )
    .get() as { n: number };
  if (halfCases.n > 0) problems.push(`${halfCases.n} case(s) without their violence types, victim or audit event`);
  const orphanAudit = db
    .prepare(
      `SELECT count(*) AS n FROM audit_events a WHERE (a.action = 'persons.create' AND NOT EXISTS (SELECT 1 FROM persons p WHERE p.id = a.entity_id))
         OR (a.action = 'cases.create' AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = a.entity_id))`,
    )
    .get() as { n: number };
  if (orphanAudit.n > 0) problems.push(`${orphanAudit.n} audit event(s) for a create that is not there`);
  const dupNumbers = db.prepare(`SELECT count(*) AS n FROM (SELECT case_number FROM cases GROUP BY case_number HAVING count(*) > 1)`).get() as { n: number };
  if (dupNumbers.n > 0) problems.push(`${dupNumbers.n} duplicated case number(s)`);

  const counts = {
    persons: (db.prepare('SELECT count(*) AS n FROM persons').get() as { n: number }).n,
    cases: (db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n,
    auditEvents: (db.prepare('SELECT count(*) AS n FROM audit_events').get() as { n: number }).n,
  };
  const unreported = counts.persons - known.persons + (counts.cases - known.cases) - recovered;
  return { integrity, recovered, unreported, problems, counts };
}

/** Creates a vault and runs `rounds` crash rounds against it. */
export async function runCrashRounds(rounds: number, options: CrashOptions = {}): Promise<CrashStats> {
  const t0 = performance.now();
  const own = !options.dir;
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'fristad-crash-'));
  const kdf = options.kdf ?? CRASH_KDF;
  const killAfter = options.killAfterMs ?? [50, 600];
  try {
    const core = new Core({ vaultDir: dir, kdf });
    const created = await core.create({ unitName: 'Krocktestenheten', workerName: 'Krock Testdotter', passphrase: PASSPHRASE });
    const workerId = created.session.workerId;
    await core.lock('quit');

    const results: RoundResult[] = [];
    let known = { persons: 0, cases: 0 };
    let finalCounts = { persons: 0, cases: 0, auditEvents: 0 };
    for (let round = 1; round <= rounds; round++) {
      const run = await runChild(dir, workerId, killAfter, options.startTimeoutMs ?? 60_000);
      const problems: string[] = [];
      if (run.killedAfterMs < 0) problems.push(`child was not killed by the harness (${run.exit}) ${run.stderr.slice(0, 300)}`);
      let integrity = 'not checked';
      let recovered = 0;
      let unreported = 0;
      try {
        const vault = await unlockVault(dir, workerId, PASSPHRASE);
        try {
          const r = inspect(vault, run.ids, known);
          integrity = r.integrity;
          recovered = r.recovered;
          unreported = r.unreported;
          problems.push(...r.problems);
          known = { persons: r.counts.persons, cases: r.counts.cases };
          finalCounts = r.counts;
        } finally {
          closeVault(vault);
        }
      } catch (err) {
        problems.push(`unlock after crash failed: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`);
      }
      const result: RoundResult = { round, killedAfterMs: run.killedAfterMs, committed: run.ids.length, recovered, unreported, integrity, problems };
      results.push(result);
      options.onRound?.(result);
    }

    const recoveredCounts = results.map((r) => r.recovered);
    return {
      rounds,
      totalCommitted: results.reduce((a, r) => a + r.committed, 0),
      totalRecovered: recoveredCounts.reduce((a, b) => a + b, 0),
      maxRecovered: Math.max(0, ...recoveredCounts),
      avgRecovered: recoveredCounts.reduce((a, b) => a + b, 0) / Math.max(1, rounds),
      totalUnreported: results.reduce((a, r) => a + r.unreported, 0),
      integrityOk: results.filter((r) => r.integrity === 'ok').length,
      allPresent: results.every((r) => r.recovered === r.committed),
      failures: results.filter((r) => r.problems.length > 0).map((r) => ({ round: r.round, problems: r.problems })),
      wallMs: performance.now() - t0,
      finalCounts,
    };
  } finally {
    if (own) rmSync(dir, { recursive: true, force: true });
  }
}
