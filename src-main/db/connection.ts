import Database from 'better-sqlite3-multiple-ciphers';
import { Kysely, Migrator, SqliteAdapter, SqliteDialect } from 'kysely';
import type { Database as Schema } from './schema.js';
import { LATEST_MIGRATION, MIGRATIONS, StaticMigrationProvider } from './migrations/index.js';
import { AppError } from '../domain/errors.js';

export type SqliteHandle = Database.Database;

/** 'FRST' — marks a file as a Fristad vault inside the encrypted header page. */
export const FRISTAD_APPLICATION_ID = 0x46525354;

export interface OpenOptions {
  readonly?: boolean;
  /** Create the file when missing (only at vault set-up). */
  create?: boolean;
  /** Path to a native module built for another runtime (Electron). */
  nativeBinding?: string;
  /** `FULL` (default) makes every commit survive a power cut; `NORMAL` only for benchmarks of plain copies. */
  synchronous?: 'FULL' | 'NORMAL';
  /** Open without encryption: only for the benchmark's plain comparison copy. */
  plaintext?: boolean;
  /** Refuse (before anything is written) a file whose application id differs. */
  expectApplicationId?: number;
}

let nativeBindingPath: string | undefined;

/** The Electron shell points the driver at its own build of the native module. */
export function setNativeBinding(path: string | undefined): void {
  nativeBindingPath = path;
}

function sqliteCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : undefined;
}

/** Maps driver errors on open/read to the vault's typed errors. */
export function classifyOpenError(err: unknown): AppError {
  const code = sqliteCode(err);
  if (code === 'SQLITE_NOTADB') {
    return new AppError('not_a_vault', 'Filen kunde inte öppnas med nyckeln. Antingen hör den inte till det här valvet, eller så är den skadad.');
  }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_CORRUPT_VTAB' || code === 'SQLITE_IOERR_SHORT_READ') {
    return new AppError('vault_damaged', 'Valvfilen är skadad. Återställ den senaste säkerhetskopian.');
  }
  if (code === 'SQLITE_CANTOPEN') {
    return new AppError('no_vault', 'Valvfilen finns inte eller kan inte öppnas.');
  }
  if (err instanceof AppError) return err;
  if (code?.startsWith('SQLITE_')) return new AppError('vault_damaged', 'Valvfilen kunde inte läsas. Den kan vara skadad.');
  // Not an answer from SQLite (e.g. the native module did not load): the vault is not to blame.
  return new AppError('internal', 'Fristad kunde inte starta sin databasmodul. Installera om programmet eller kontakta IT. Valvet är oförändrat.');
}

/**
 * Opens an SQLCipher 4 database with a raw 256-bit key. `legacy=4` makes the
 * header bytes 16–23 encrypted too, so the file is a true SQLCipher 4 file that
 * the reference tool opens with `PRAGMA key = "x'…'"`.
 */
export function openSqlite(path: string, dataKey: Buffer | null, options: OpenOptions = {}): SqliteHandle {
  const binding = options.nativeBinding ?? nativeBindingPath;
  let db: SqliteHandle;
  try {
    db = new Database(path, {
      readonly: options.readonly ?? false,
      fileMustExist: !options.create,
      ...(binding ? { nativeBinding: binding } : {}),
    });
  } catch (err) {
    throw classifyOpenError(err);
  }
  try {
    if (!options.plaintext) {
      if (!dataKey || dataKey.length !== 32) throw new AppError('internal', 'Datanyckeln har fel längd.');
      db.pragma(`cipher='sqlcipher'`);
      db.pragma('legacy=4');
      db.pragma(`key="x'${dataKey.toString('hex')}'"`);
    }
    // Reading page 1 checks the key (HMAC) before anything is written.
    db.prepare('SELECT count(*) AS n FROM sqlite_schema').get();
    if (options.expectApplicationId !== undefined && applicationId(db) !== options.expectApplicationId) {
      throw new AppError('not_a_vault', 'Filen är inte ett Fristad-valv.');
    }
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    }
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('temp_store = MEMORY');
    db.pragma('cache_size = -32000');
  } catch (err) {
    db.close();
    throw classifyOpenError(err);
  }
  return db;
}

/** The application id written at set-up; 0 on a file that is not ours. */
export function applicationId(db: SqliteHandle): number {
  return db.pragma('application_id', { simple: true }) as number;
}

/** SQLite runs DDL inside transactions; saying so makes the Migrator apply all pending migrations atomically. */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class FristadSqliteDialect extends SqliteDialect {
  override createAdapter(): SqliteAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

export function createKysely(db: SqliteHandle): Kysely<Schema> {
  return new Kysely<Schema>({ dialect: new FristadSqliteDialect({ database: db }) });
}

/** Names of the migrations applied to this file, in order (empty for a new file). */
export function appliedMigrations(db: SqliteHandle): string[] {
  const table = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name = 'kysely_migration'`).get();
  if (!table) return [];
  return (db.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as { name: string }[]).map((r) => r.name);
}

/**
 * Brings the schema up to date. Refuses a file made by a newer Fristad (it has
 * migrations this build does not know), rather than guessing.
 */
export async function migrateToLatest(db: SqliteHandle, kdb: Kysely<Schema>, target: string = LATEST_MIGRATION): Promise<void> {
  const known = new Set(Object.keys(MIGRATIONS));
  const unknown = appliedMigrations(db).filter((n) => !known.has(n));
  if (unknown.length > 0) {
    throw new AppError('vault_damaged', 'Valvet är skapat av en nyare version av Fristad. Uppdatera programmet.');
  }
  const migrator = new Migrator({ db: kdb, provider: new StaticMigrationProvider() });
  const result = target === LATEST_MIGRATION ? await migrator.migrateToLatest() : await migrator.migrateTo(target);
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new AppError('internal', `Uppdateringen av valvets struktur misslyckades (${failed?.migrationName ?? 'okänd'}). Inget har ändrats.`);
  }
}
