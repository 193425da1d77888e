import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, openSync, fsyncSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../domain/errors.js';
import { FRISTAD_APPLICATION_ID, appliedMigrations, openSqlite } from '../db/connection.js';
import { MIGRATIONS } from '../db/migrations/index.js';
import { readKeySlots } from './keyslots.js';
import type { BackupInfo } from '../features/backups/types.js';
import { DB_FILE, SLOTS_FILE, type OpenVault, type VaultPaths } from './vault.js';

/**
 * Backups: a folder per generation holding a consistent encrypted copy of the
 * database (`VACUUM INTO`, encrypted with the same key — the driver refuses
 * the page-copy backup API between an encrypted source and a new file), the
 * key slots, and a manifest with checksums. A copy is written under a
 * `.partial` name and renamed when complete, so a half-written backup is
 * never mistaken for a good one.
 */

const manifestSchema = z.object({
  format: z.literal('fristad-backup'),
  version: z.literal(1),
  vaultId: z.string(),
  createdAt: z.string(),
  migrations: z.array(z.string()),
  files: z.object({ [DB_FILE]: z.string(), [SLOTS_FILE]: z.string() }),
});
export type BackupManifest = z.infer<typeof manifestSchema>;

export type { BackupInfo };

const NAME = /^fristad-backup-\d{8}-\d{6}-\d{3}$/;

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function stamp(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}-${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}-${p(d.getUTCMilliseconds(), 3)}`;
}

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Writes one backup generation into `folder` and keeps the newest `generations`. */
export function createBackup(vault: OpenVault, folder: string, generations: number, now: Date = new Date()): BackupInfo {
  try {
    mkdirSync(folder, { recursive: true });
  } catch {
    throw new AppError('backup_invalid', 'Mappen för säkerhetskopior kan inte skapas. Kontrollera sökvägen och behörigheten.');
  }
  let name = `fristad-backup-${stamp(now)}`;
  while (existsSync(join(folder, name))) {
    now = new Date(now.getTime() + 1);
    name = `fristad-backup-${stamp(now)}`;
  }
  const partial = join(folder, `${name}.partial`);
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial);
  const dbCopy = join(partial, DB_FILE);
  const escaped = dbCopy.replace(/'/g, "''");
  vault.sqlite.exec(`VACUUM INTO '${escaped}'`);
  fsyncFile(dbCopy);
  copyFileSync(vault.paths.slots, join(partial, SLOTS_FILE));
  const manifest: BackupManifest = {
    format: 'fristad-backup',
    version: 1,
    vaultId: vault.vaultId,
    createdAt: now.toISOString(),
    migrations: appliedMigrations(vault.sqlite),
    files: { [DB_FILE]: sha256(dbCopy), [SLOTS_FILE]: sha256(join(partial, SLOTS_FILE)) },
  };
  writeFileSync(join(partial, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  renameSync(partial, join(folder, name));
  pruneBackups(folder, generations);
  return { name, path: join(folder, name), createdAt: manifest.createdAt, sizeBytes: statSync(join(folder, name, DB_FILE)).size };
}

/** Complete backups in a folder, newest first. */
export function listBackups(folder: string): BackupInfo[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((n) => NAME.test(n) && existsSync(join(folder, n, 'manifest.json')))
    .sort()
    .reverse()
    .map((n) => {
      let createdAt = '';
      try {
        createdAt = manifestSchema.parse(JSON.parse(readFileSync(join(folder, n, 'manifest.json'), 'utf8'))).createdAt;
      } catch {
        createdAt = '';
      }
      const db = join(folder, n, DB_FILE);
      return { name: n, path: join(folder, n), createdAt, sizeBytes: existsSync(db) ? statSync(db).size : 0 };
    });
}

export function pruneBackups(folder: string, generations: number): void {
  const all = listBackups(folder);
  for (const old of all.slice(Math.max(1, generations))) rmSync(old.path, { recursive: true, force: true });
}

/**
 * Checks a backup before anything is replaced: manifest, checksums, key
 * slots, that the key opens it, that it is a Fristad vault, that every page
 * reads (`integrity_check`) and that its schema is one this build knows.
 */
export function verifyBackup(backupPath: string, dataKey: Buffer): BackupManifest {
  const bad = (why: string) => new AppError('backup_invalid', `Säkerhetskopian kan inte användas: ${why}`);
  let manifest: BackupManifest;
  try {
    manifest = manifestSchema.parse(JSON.parse(readFileSync(join(backupPath, 'manifest.json'), 'utf8')));
  } catch {
    throw bad('innehållsförteckningen saknas eller är skadad.');
  }
  const dbPath = join(backupPath, DB_FILE);
  const slotsPath = join(backupPath, SLOTS_FILE);
  if (!existsSync(dbPath) || !existsSync(slotsPath)) throw bad('filer saknas.');
  if (sha256(dbPath) !== manifest.files[DB_FILE] || sha256(slotsPath) !== manifest.files[SLOTS_FILE]) throw bad('filerna har ändrats eller skadats efter att kopian togs.');
  try {
    readKeySlots(slotsPath);
  } catch {
    throw bad('nyckelfilen är skadad.');
  }
  let db;
  try {
    db = openSqlite(dbPath, dataKey, { readonly: true, expectApplicationId: FRISTAD_APPLICATION_ID });
  } catch {
    throw bad('den hör inte till det här valvet eller är skadad.');
  }
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    if (rows.length !== 1 || rows[0]?.integrity_check !== 'ok') throw bad('integritetskontrollen hittade fel.');
    const known = new Set(Object.keys(MIGRATIONS));
    if (appliedMigrations(db).some((m) => !known.has(m))) throw bad('den är gjord av en nyare version av Fristad.');
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw bad('integritetskontrollen kunde inte läsa alla sidor.');
  } finally {
    db.close();
  }
  return manifest;
}

/**
 * Replaces the vault's files with a verified backup. The replaced files are
 * moved aside to `replaced-<time>/` in the vault folder, never deleted.
 * The vault must be closed (locked) when this runs.
 */
export function restoreBackup(paths: VaultPaths, backupPath: string, dataKey: Buffer, now: Date = new Date()): { replacedDir: string } {
  const manifest = verifyBackup(backupPath, dataKey);
  // Keep today's key slots when they belong to the same vault: passphrases
  // changed since the backup keep working. Otherwise take the backup's.
  let keepCurrentSlots = false;
  try {
    keepCurrentSlots = readKeySlots(paths.slots).vaultId === manifest.vaultId;
  } catch {
    keepCurrentSlots = false;
  }
  const replacedDir = join(paths.dir, `replaced-${stamp(now)}`);
  mkdirSync(replacedDir, { recursive: true });
  for (const f of [DB_FILE, `${DB_FILE}-wal`, `${DB_FILE}-shm`]) {
    const p = join(paths.dir, f);
    if (existsSync(p)) renameSync(p, join(replacedDir, f));
  }
  if (existsSync(paths.slots)) copyFileSync(paths.slots, join(replacedDir, SLOTS_FILE));
  copyFileSync(join(backupPath, DB_FILE), paths.db);
  fsyncFile(paths.db);
  if (!keepCurrentSlots) {
    copyFileSync(join(backupPath, SLOTS_FILE), paths.slots);
    fsyncFile(paths.slots);
  }
  return { replacedDir };
}
