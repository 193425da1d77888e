import { existsSync } from 'node:fs';
import { createKysely, migrateToLatest, openSqlite, type SqliteHandle } from '../db/connection.js';
import { DEFAULT_SETTINGS } from '../features/settings/contract.js';
import { closeVault, createVault, type KdfBase } from '../vault/vault.js';
import { DEFAULT_SCRYPT } from '../vault/crypto.js';
import { createContext, DEMO_PROFILES, type DemoContext, type DemoProfile, type DemoSize, type DemoStep } from './context.js';
import { demoPassphrase } from './passphrase.js';
import { peopleAndCasesStep } from './people-cases.js';
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
      demo: { seed: ctx.seed, persons: ctx.persons.length, cases: ctx.cases.length, generatedAt: ctx.now.toISOString() },
    };
    for (const [key, value] of Object.entries(values)) upsert.run(key, JSON.stringify(value));
    ctx.rowCounts.settings = (ctx.rowCounts.settings ?? 0) + Object.keys(values).length;
  },
};

/** The steps, in order. A feature adds its demo records by appending its step here. */
export const DEMO_STEPS: readonly DemoStep[] = [workersStep, peopleAndCasesStep, settingsStep];

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
}

export interface FillResult {
  context: DemoContext;
  rowCounts: Record<string, number>;
  stepMs: Record<string, number>;
}

/** Runs the steps on an open, migrated database, each in one transaction. */
export function fillDemoData(sqlite: SqliteHandle, options: FillOptions): FillResult {
  const ctx = createContext(sqlite, { ...DEMO_PROFILES[options.size], ...options.profile }, options.seed ?? DEFAULT_DEMO_SEED, options.now ?? new Date(), options.firstWorkerId);
  const stepMs: Record<string, number> = {};
  for (const step of options.steps ?? DEMO_STEPS) {
    const t0 = performance.now();
    sqlite.transaction(() => step.run(ctx)).immediate();
    stepMs[step.name] = performance.now() - t0;
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
  let closeMs = 0;
  try {
    fill = fillDemoData(vault.sqlite, { size: options.size, seed, now: options.now, firstWorkerId: vault.workerId, steps: options.steps });
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
    timings: { createVaultMs: t1 - t0, fillMs: Object.values(fill.stepMs).reduce((a, b) => a + b, 0), closeMs, totalMs: total, stepMs: fill.stepMs },
  };
}

export interface PlainDemoOptions {
  size: DemoSize;
  profile?: Partial<DemoProfile>;
  seed?: number;
  now?: Date;
  firstWorker: { id: string; name: string };
  unitName?: string;
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
    const fill = fillDemoData(sqlite, { size: options.size, profile: options.profile, seed: options.seed, now: options.now, firstWorkerId: options.firstWorker.id });
    return { sqlite, fill };
  } catch (err) {
    sqlite.close();
    throw err;
  }
}

/** `openPlainDemoDb` into a file, closed on return. */
export async function generatePlainDemoDb(path: string, options: PlainDemoOptions): Promise<FillResult> {
  const { sqlite, fill } = await openPlainDemoDb(path, options);
  try {
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    return fill;
  } finally {
    sqlite.close();
  }
}
