/**
 * Crash safety: a child process writes transactions through the real
 * services and is killed with SIGKILL at a random moment; the parent then
 * unlocks the vault, checks that the file is intact (`integrity_check`,
 * `foreign_key_check`), that every transaction the child reported committed
 * is there, and that every transaction is all-or-nothing (a person has its
 * search tokens and audit event, a case its violence types, its victim, its
 * status and assignment history and its audit event, a journal entry its
 * audit events).
 *
 * The journal gets its own checks: no signed entry has changed since it was
 * signed (every signed row is remembered from round to round), every entry
 * the child reported signed is signed with the text it reported, deleted
 * drafts are gone, and the full-text index agrees with the table — FTS5's
 * 'integrity-check' must pass both as is and with rank 1 (which also
 * compares the index with the external content table).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
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
  /** Journal entries the child reported signed in this round. */
  signed: number;
  /** Signed entries checked unchanged after this round (all signed so far). */
  signedChecked: number;
  integrity: string;
  /** Result of the full-text index checks. */
  fts: string;
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
  ftsOk: number;
  allPresent: boolean;
  totalSigned: number;
  failures: { round: number; problems: string[] }[];
  wallMs: number;
  finalCounts: Counts;
}

interface Counts {
  persons: number;
  cases: number;
  journalEntries: number;
  signedEntries: number;
  auditEvents: number;
}

/** What the parent remembers between rounds. */
interface Known {
  /** Every signed journal entry seen so far: id → digest of the whole row. */
  signed: Map<string, string>;
  /** Rows not reported by any child, already counted. */
  unreported: Set<string>;
  /** Every id any child reported. */
  reported: Set<string>;
}

interface ChildRun {
  ids: string[];
  /** Entry id → sha256 of the text it was signed with. */
  signed: Map<string, string>;
  deleted: Set<string>;
  /**
   * Drafts the child was about to delete: if the kill came between the
   * commit and the DELETED line, the draft is rightly gone although it was
   * never reported deleted, so such an id may be either present or absent.
   */
  deleting: Set<string>;
  killedAfterMs: number;
  exit: string;
  stderr: string;
}

function runChild(dir: string, workerId: string, killAfter: [number, number], startTimeoutMs: number): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD_SCRIPT, dir, workerId, PASSPHRASE], { stdio: ['ignore', 'pipe', 'pipe'] });
    const ids: string[] = [];
    const signed = new Map<string, string>();
    const deleted = new Set<string>();
    const deleting = new Set<string>();
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
        const m = /^(COMMITTED|SIGNED|DELETING|DELETED) (\S+)(?: ([0-9a-f]{64}))?$/.exec(line);
        if (!m) continue;
        if (m[1] === 'COMMITTED') ids.push(m[2]!);
        else if (m[1] === 'SIGNED') signed.set(m[2]!, m[3]!);
        else if (m[1] === 'DELETING') deleting.add(m[2]!);
        else deleted.add(m[2]!);
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
      resolve({ ids, signed, deleted, deleting, killedAfterMs, exit: signal ? `signal ${signal}` : `code ${code}`, stderr });
    });
  });
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const JOURNAL_COLUMNS = 'seq, id, case_id, entry_date, author_id, text, status, signed_at, signed_by, corrects_entry_id, created_at, updated_at';
const digest = (row: unknown) => createHash('sha256').update(JSON.stringify(row)).digest('hex');

/** Runs an FTS5 check command; returns the error message, or null when it passes. */
function ftsCheck(db: OpenVault['sqlite'], sql: string): string | null {
  try {
    db.exec(sql);
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

/** Checks the vault after a crash; returns what is wrong (empty when all is well). Updates `known`. */
function inspect(vault: OpenVault, run: ChildRun, known: Known): { integrity: string; fts: string; recovered: number; unreported: number; signedChecked: number; problems: string[]; counts: Counts } {
  const db = vault.sqlite;
  const problems: string[] = [];
  const integrityRows = db.pragma('integrity_check') as { integrity_check: string }[];
  const integrity = integrityRows.map((r) => r.integrity_check).join('; ');
  if (integrity !== 'ok') problems.push(`integrity_check: ${integrity.slice(0, 200)}`);
  const fk = db.pragma('foreign_key_check') as unknown[];
  if (fk.length > 0) problems.push(`foreign_key_check: ${fk.length} rows`);

  // The full-text index: internally consistent, and the same as the table's text.
  const ftsProblems = [ftsCheck(db, `INSERT INTO journal_fts (journal_fts) VALUES ('integrity-check')`), ftsCheck(db, `INSERT INTO journal_fts (journal_fts, rank) VALUES ('integrity-check', 1)`)].filter((p) => p !== null);
  const fts = ftsProblems.length === 0 ? 'ok' : ftsProblems.join('; ');
  if (ftsProblems.length > 0) problems.push(`fts integrity-check: ${fts.slice(0, 200)}`);

  // Every reported commit is there (a draft deleted, or being deleted, later in the round excepted).
  const expected = run.ids.filter((id) => !run.deleted.has(id) && !run.deleting.has(id));
  let recovered = 0;
  for (const part of chunks(expected, 300)) {
    const marks = part.map(() => '?').join(',');
    const found = db.prepare(`SELECT id FROM persons WHERE id IN (${marks}) UNION ALL SELECT id FROM cases WHERE id IN (${marks}) UNION ALL SELECT id FROM journal_entries WHERE id IN (${marks})`).all(...part, ...part, ...part) as { id: string }[];
    recovered += found.length;
    if (found.length !== part.length) {
      const have = new Set(found.map((f) => f.id));
      const missing = part.filter((id) => !have.has(id));
      problems.push(`missing after crash: ${missing.length} committed id(s), e.g. ${missing[0]}`);
    }
  }
  for (const id of run.ids) known.reported.add(id);
  const deletedStill = [...run.deleted].filter((id) => db.prepare('SELECT 1 FROM journal_entries WHERE id = ?').get(id) !== undefined);
  if (deletedStill.length > 0) problems.push(`${deletedStill.length} deleted draft(s) still there`);

  // Signed entries: those signed in this round are signed with the reported text; none signed before has changed.
  const rows = db.prepare(`SELECT ${JOURNAL_COLUMNS} FROM journal_entries WHERE status = 'signed'`).all() as { id: string; text: string }[];
  const now = new Map(rows.map((r) => [r.id, r]));
  for (const [id, textHash] of run.signed) {
    const row = now.get(id);
    if (!row) problems.push(`entry ${id} reported signed is not signed after the crash`);
    else if (createHash('sha256').update(row.text, 'utf8').digest('hex') !== textHash) problems.push(`entry ${id} was signed with another text than reported`);
  }
  let changed = 0;
  for (const [id, before] of known.signed) {
    const row = now.get(id);
    if (!row || digest(row) !== before) changed++;
  }
  if (changed > 0) problems.push(`${changed} signed entr(y/ies) changed or gone since signed`);
  const signedChecked = known.signed.size;
  for (const r of rows) if (!known.signed.has(r.id)) known.signed.set(r.id, digest(r));

  // All-or-nothing: no half-written transaction may be visible.
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  const halfPersons = count(`SELECT count(*) AS n FROM persons p WHERE NOT EXISTS (SELECT 1 FROM person_search s WHERE s.person_id = p.id) OR NOT EXISTS (SELECT 1 FROM audit_events a WHERE a.entity_type = 'person' AND a.entity_id = p.id AND a.action = 'persons.create')`);
  if (halfPersons > 0) problems.push(`${halfPersons} person(s) without their search tokens or audit event`);
  const halfCases = count(
    `SELECT count(*) AS n FROM cases c WHERE NOT EXISTS (SELECT 1 FROM case_violence_types t WHERE t.case_id = c.id)
       OR NOT EXISTS (SELECT 1 FROM case_persons cp WHERE cp.case_id = c.id AND cp.person_id = c.main_person_id AND cp.role = 'victim')
       OR NOT EXISTS (SELECT 1 FROM case_status_events e WHERE e.case_id = c.id AND e.to_status = 'intake')
       OR NOT EXISTS (SELECT 1 FROM case_assignments s WHERE s.case_id = c.id)
       OR NOT EXISTS (SELECT 1 FROM audit_events a WHERE a.entity_type = 'case' AND a.entity_id = c.id AND a.action = 'cases.create')`,
  );
  if (halfCases > 0) problems.push(`${halfCases} case(s) without their violence types, victim, history or audit event`);
  const orphanAudit = count(
    `SELECT count(*) AS n FROM audit_events a WHERE (a.action = 'persons.create' AND NOT EXISTS (SELECT 1 FROM persons p WHERE p.id = a.entity_id))
       OR (a.action = 'cases.create' AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = a.entity_id))`,
  );
  if (orphanAudit > 0) problems.push(`${orphanAudit} audit event(s) for a create that is not there`);
  const dupNumbers = count(`SELECT count(*) AS n FROM (SELECT case_number FROM cases GROUP BY case_number HAVING count(*) > 1)`);
  if (dupNumbers > 0) problems.push(`${dupNumbers} duplicated case number(s)`);
  const halfEntries = count(
    `SELECT count(*) AS n FROM journal_entries j WHERE NOT EXISTS (SELECT 1 FROM audit_events a WHERE a.entity_type = 'journal_entry' AND a.entity_id = j.id AND a.action IN ('journal.create', 'journal.correct'))
       OR (j.status = 'signed' AND NOT EXISTS (SELECT 1 FROM audit_events a WHERE a.entity_type = 'journal_entry' AND a.entity_id = j.id AND a.action = 'journal.sign'))`,
  );
  if (halfEntries > 0) problems.push(`${halfEntries} journal entr(y/ies) without their audit events`);
  const orphanJournal = count(
    `SELECT count(*) AS n FROM audit_events a WHERE (a.action = 'journal.sign' AND NOT EXISTS (SELECT 1 FROM journal_entries j WHERE j.id = a.entity_id AND j.status = 'signed'))
       OR (a.action IN ('journal.create', 'journal.correct') AND NOT EXISTS (SELECT 1 FROM journal_entries j WHERE j.id = a.entity_id)
           AND NOT EXISTS (SELECT 1 FROM audit_events d WHERE d.action = 'journal.delete_draft' AND d.entity_id = a.entity_id))
       OR (a.action = 'journal.delete_draft' AND EXISTS (SELECT 1 FROM journal_entries j WHERE j.id = a.entity_id))`,
  );
  if (orphanJournal > 0) problems.push(`${orphanJournal} journal audit event(s) that do not match the entries`);
  const badSigned = count(`SELECT count(*) AS n FROM journal_entries WHERE (status = 'signed') <> (signed_at IS NOT NULL AND signed_by IS NOT NULL)`);
  if (badSigned > 0) problems.push(`${badSigned} entr(y/ies) half signed`);

  const counts: Counts = {
    persons: count('SELECT count(*) AS n FROM persons'),
    cases: count('SELECT count(*) AS n FROM cases'),
    journalEntries: count('SELECT count(*) AS n FROM journal_entries'),
    signedEntries: rows.length,
    auditEvents: count('SELECT count(*) AS n FROM audit_events'),
  };
  // Rows no child reported: committed just before a kill, before the line was printed.
  let unreported = 0;
  for (const r of db.prepare('SELECT id FROM persons UNION ALL SELECT id FROM cases UNION ALL SELECT id FROM journal_entries').all() as { id: string }[]) {
    if (!known.reported.has(r.id) && !known.unreported.has(r.id)) {
      known.unreported.add(r.id);
      unreported++;
    }
  }
  return { integrity, fts, recovered, unreported, signedChecked, problems, counts };
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
    const known: Known = { signed: new Map(), unreported: new Set(), reported: new Set() };
    let finalCounts: Counts = { persons: 0, cases: 0, journalEntries: 0, signedEntries: 0, auditEvents: 0 };
    for (let round = 1; round <= rounds; round++) {
      const run = await runChild(dir, workerId, killAfter, options.startTimeoutMs ?? 60_000);
      const problems: string[] = [];
      if (run.killedAfterMs < 0) problems.push(`child was not killed by the harness (${run.exit}) ${run.stderr.slice(0, 300)}`);
      let integrity = 'not checked';
      let fts = 'not checked';
      let recovered = 0;
      let unreported = 0;
      let signedChecked = 0;
      try {
        const vault = await unlockVault(dir, workerId, PASSPHRASE);
        try {
          const r = inspect(vault, run, known);
          integrity = r.integrity;
          fts = r.fts;
          recovered = r.recovered;
          unreported = r.unreported;
          signedChecked = r.signedChecked;
          problems.push(...r.problems);
          finalCounts = r.counts;
        } finally {
          closeVault(vault);
        }
      } catch (err) {
        problems.push(`unlock after crash failed: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`);
      }
      if (run.stderr.trim() && run.exit !== 'signal SIGKILL') problems.push(`child: ${run.stderr.trim().slice(0, 300)}`);
      const committed = run.ids.filter((id) => !run.deleted.has(id) && !run.deleting.has(id)).length;
      const result: RoundResult = { round, killedAfterMs: run.killedAfterMs, committed, recovered, unreported, signed: run.signed.size, signedChecked, integrity, fts, problems };
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
      ftsOk: results.filter((r) => r.fts === 'ok').length,
      allPresent: results.every((r) => r.recovered === r.committed),
      totalSigned: results.reduce((a, r) => a + r.signed, 0),
      failures: results.filter((r) => r.problems.length > 0).map((r) => ({ round: r.round, problems: r.problems })),
      wallMs: performance.now() - t0,
      finalCounts,
    };
  } finally {
    if (own) rmSync(dir, { recursive: true, force: true });
  }
}
