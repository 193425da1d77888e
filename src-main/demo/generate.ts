import { existsSync } from 'node:fs';
import { createKysely, migrateToLatest, openSqlite, type SqliteHandle } from '../db/connection.js';
import { DEFAULT_SETTINGS } from '../features/settings/contract.js';
import { closeVault, createVault, type KdfBase } from '../vault/vault.js';
import { DEFAULT_SCRYPT } from '../vault/crypto.js';
import { createContext, DEMO_PROFILES, type DemoContext, type DemoProfile, type DemoSize, type DemoStep } from './context.js';
import { demoPassphrase } from './passphrase.js';
import { auditStep } from './audit.js';
import { decisionsAndServicesStep } from './decisions-services.js';
import { documentsStep } from './documents.js';
import { journalStep } from './journal.js';
import { outcomesStep } from './outcomes.js';
import { peopleAndCasesStep } from './people-cases.js';
import { sheltersAndPlacementsStep } from './shelters-placements.js';
import { workersStep } from './workers.js';

export type { DemoContext, DemoProfile, DemoSize, DemoStep } from './context.js';
export { DEMO_PROFILES } from './context.js';

/**
 * Demo and benchmark data: a real vault (created by `createVault`, so it has
 * key slots, a recovery key and the current schema) filled fast with
 * fictional people and cases, through raw prepared statements on the vault's
 * own SQLite handle, in the tables and columns the services fill.
 *
 * Everything but the vault's keys follows from the seed: the same seed and
 * reference date give the same people, numbers, cases and ids.
 */

export const DEFAULT_DEMO_SEED = 20_260_101;
export const DEMO_UNIT_NAME = 'Demoenheten Påhittköping (fiktiva uppgifter)';
export const DEMO_WORKER_NAME = 'Vera Exempeldotter';

/** Settings a unit would have chosen, plus a marker that the data are fictional. */
const settingsStep: DemoStep = {
  name: 'settings',
  run(ctx) {
    const upsert = ctx.sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    const values: Record<string, unknown> = {
      autoLockMinutes: 15,
      backupGenerations: DEFAULT_SETTINGS.backupGenerations,
      demo: { seed: ctx.seed, persons: ctx.persons.length, cases: ctx.cases.length, journalEntries: ctx.rowCounts.journal_entries ?? 0, generatedAt: ctx.now.toISOString() },
    };
    for (const [key, value] of Object.entries(values)) upsert.run(key, JSON.stringify(value));
    ctx.rowCounts.settings = (ctx.rowCounts.settings ?? 0) + Object.keys(values).length;
  },
};

/** The steps, in order. A feature adds its demo records by appending its step here. */
export const DEMO_STEPS: readonly DemoStep[] = [workersStep, peopleAndCasesStep, decisionsAndServicesStep, journalStep, documentsStep, outcomesStep, sheltersAndPlacementsStep, auditStep, settingsStep];

export interface FillOptions {
  size: DemoSize;
  /** Other counts than the size's (tests use an in-between size). */
  profile?: Partial<DemoProfile>;
  seed?: number;
  /** Reference "now"; every generated date lies before it. */
  now?: Date;
  /** The worker already in the table (the one who set the vault up). */
  firstWorkerId: string;
  steps?: readonly DemoStep[];
  /**
   * How the journal's full-text index is filled: `rebuild` (default) loads
   * the entries with the index's insert trigger set aside and then has FTS5
   * index them all at once; `triggers` inserts with the trigger active, as
   * the app does row by row. Both give the same index; tests compare them.
   */
  fts?: 'rebuild' | 'triggers';
  /** Write the journal's texts in a worker thread (default: when there are many of them). */
  composeInWorker?: boolean;
}

export interface FillResult {
  context: DemoContext;
  rowCounts: Record<string, number>;
  /** Time per step (ms); keys with a colon ("journal: plan") are parts of a step, included in its time. */
  stepMs: Record<string, number>;
}

/**
 * Page cache while filling (KiB): the generator's process, not the app's.
 * Large enough to hold most of the large store (about 1.1 GB), so the
 * full-text rebuild and the index builds read the rows just written from
 * memory instead of reading and decrypting them again from the file.
 */
const BULK_CACHE_KIB = 1024 * 1024;

/**
 * Runs the steps on an open, migrated database, each in one transaction.
 *
 * The fill is a bulk load into a new database, done the way bulk loads are:
 * foreign keys are not checked row by row (the generator makes only valid
 * references; tests run `foreign_key_check`), the secondary indexes are set
 * aside and built again at the end from their own stored SQL (building an
 * index from sorted rows is far cheaper than updating it per row), the page
 * cache is larger, and the rollback journal is kept in memory instead of
 * the WAL. Everything is put back as it was afterwards: the same indexes,
 * foreign keys on, WAL. If the fill fails, the folder holds an unfinished
 * demo vault: make a new one.
 */
export function fillDemoData(sqlite: SqliteHandle, options: FillOptions): FillResult {
  const ctx = createContext(sqlite, { ...DEMO_PROFILES[options.size], ...options.profile }, options.seed ?? DEFAULT_DEMO_SEED, options.now ?? new Date(), options.firstWorkerId, options.fts ?? 'rebuild', options.composeInWorker);
  const stepMs: Record<string, number> = {};
  const foreignKeys = sqlite.pragma('foreign_keys', { simple: true }) as number;
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
  const journalMode = String(sqlite.pragma('journal_mode', { simple: true })).toLowerCase();
  sqlite.pragma('foreign_keys = OFF');
  sqlite.pragma(`cache_size = -${BULK_CACHE_KIB}`);
  if (journalMode === 'wal') sqlite.pragma('journal_mode = MEMORY');
  try {
    let indexes: { name: string; sql: string }[] = [];
    const t0 = performance.now();
    sqlite
      .transaction(() => {
        indexes = sqlite
          .prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND tbl_name NOT LIKE 'sqlite_%' AND tbl_name NOT LIKE 'kysely_%' ORDER BY rowid`)
          .all() as { name: string; sql: string }[];
        // A partial index covers few rows but would need a full scan to build: it stays and is kept up to date.
        indexes = indexes.filter((i) => !/\bWHERE\b/i.test(i.sql));
        for (const i of indexes) sqlite.exec(`DROP INDEX "${i.name.replace(/"/g, '""')}"`);
      })
      .immediate();
    stepMs['drop-indexes'] = performance.now() - t0;
    for (const step of options.steps ?? DEMO_STEPS) {
      const t = performance.now();
      sqlite.transaction(() => step.run(ctx)).immediate();
      stepMs[step.name] = performance.now() - t;
    }
    const t1 = performance.now();
    sqlite
      .transaction(() => {
        for (const i of indexes) sqlite.exec(i.sql);
      })
      .immediate();
    stepMs['build-indexes'] = performance.now() - t1;
    // Parts of steps, e.g. the journal's planning, writing and full-text indexing.
    for (const [k, v] of Object.entries(ctx.timings)) stepMs[k] = v;
  } finally {
    if (journalMode === 'wal') sqlite.pragma('journal_mode = WAL');
    sqlite.pragma(`cache_size = ${cacheSize}`);
    sqlite.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
  }
  return { context: ctx, rowCounts: ctx.rowCounts, stepMs };
}

export interface GenerateDemoOptions {
  /** A new (or empty) folder; an existing vault is never overwritten. */
  dir: string;
  size: DemoSize;
  /** scrypt cost of the worker's key slot; the app's default when left out. */
  kdf?: KdfBase;
  seed?: number;
  /** Chosen at random (five Swedish words) when left out. */
  passphrase?: string;
  unitName?: string;
  workerName?: string;
  now?: Date;
  steps?: readonly DemoStep[];
}

export interface DemoVault {
  dir: string;
  size: DemoSize;
  seed: number;
  unitName: string;
  workerId: string;
  workerName: string;
  passphrase: string;
  recoveryKey: string;
  rowCounts: Record<string, number>;
  timings: { createVaultMs: number; fillMs: number; closeMs: number; totalMs: number; stepMs: Record<string, number> };
}

/** Creates a new encrypted demo vault in `dir` and fills it. The vault is closed (locked) on return. */
export async function generateDemoVault(options: GenerateDemoOptions): Promise<DemoVault> {
  const t0 = performance.now();
  const passphrase = options.passphrase ?? demoPassphrase();
  const unitName = options.unitName ?? DEMO_UNIT_NAME;
  const workerName = options.workerName ?? DEMO_WORKER_NAME;
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const { vault, recoveryKey } = await createVault(options.dir, { unitName, workerName, passphrase }, options.kdf ?? DEFAULT_SCRYPT);
  const t1 = performance.now();
  let fill: FillResult;
  let fillMs = 0;
  let closeMs = 0;
  try {
    fill = fillDemoData(vault.sqlite, { size: options.size, seed, now: options.now, firstWorkerId: vault.workerId, steps: options.steps });
    fillMs = performance.now() - t1;
  } finally {
    const t2 = performance.now();
    closeVault(vault);
    closeMs = performance.now() - t2;
  }
  const total = performance.now() - t0;
  return {
    dir: options.dir,
    size: options.size,
    seed,
    unitName,
    workerId: vault.workerId,
    workerName,
    passphrase,
    recoveryKey,
    rowCounts: fill.rowCounts,
    timings: { createVaultMs: t1 - t0, fillMs, closeMs, totalMs: total, stepMs: fill.stepMs },
  };
}

export interface PlainDemoOptions {
  size: DemoSize;
  profile?: Partial<DemoProfile>;
  seed?: number;
  now?: Date;
  firstWorker: { id: string; name: string };
  unitName?: string;
  fts?: 'rebuild' | 'triggers';
}

/**
 * The same data in an UNENCRYPTED database — only for the benchmark's
 * encrypted-versus-plain comparison and for tests, never for real use. Give
 * it the vault's first worker, seed and reference date to get the same rows.
 * Returns the open handle (`:memory:` works).
 */
export async function openPlainDemoDb(path: string, options: PlainDemoOptions): Promise<{ sqlite: SqliteHandle; fill: FillResult }> {
  if (path !== ':memory:' && existsSync(path)) throw new Error(`${path} exists already`);
  const sqlite = openSqlite(path, null, { plaintext: true, create: true });
  try {
    await migrateToLatest(sqlite, createKysely(sqlite));
    const at = (options.now ?? new Date()).toISOString();
    sqlite.prepare('INSERT INTO workers (id, name, role, active, created_at) VALUES (?, ?, ?, 1, ?)').run(options.firstWorker.id, options.firstWorker.name, 'samordnare', at);
    sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('unitName', JSON.stringify(options.unitName ?? DEMO_UNIT_NAME));
    const fill = fillDemoData(sqlite, { size: options.size, profile: options.profile, seed: options.seed, now: options.now, firstWorkerId: options.firstWorker.id, fts: options.fts });
    return { sqlite, fill };
  } catch (err) {
    sqlite.close();
    throw err;
  }
}

/** `openPlainDemoDb` into a file, closed on return. */
export async function generatePlainDemoDb(path: string, options: PlainDemoOptions): Promise<FillResult> {
  const { sqlite, fill } = await openPlainDemoDb(path, options);
  sqlite.close();
  // The checkpoint runs on a fresh connection: on the connection that ran a
  // migration rebuilding a table (0090) and then the bulk fill's journal-mode
  // switches, SQLite refuses it with SQLITE_LOCKED ("database table is
  // locked"). The app itself never switches the journal mode of an open vault.
  const fresh = openSqlite(path, null, { plaintext: true });
  try {
    fresh.pragma('wal_checkpoint(TRUNCATE)');
    return fill;
  } finally {
    fresh.close();
  }
}
