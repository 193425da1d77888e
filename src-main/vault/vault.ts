import { existsSync, statSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AppError } from '../domain/errors.js';
import type { Database as Schema } from '../db/schema.js';
import { FRISTAD_APPLICATION_ID, classifyOpenError, createKysely, migrateToLatest, openSqlite, type SqliteHandle } from '../db/connection.js';
import {
  DEFAULT_SCRYPT,
  deriveKek,
  formatRecoveryKey,
  newDataKey,
  newScryptParams,
  parseRecoveryKey,
  recoveryCheck,
  recoveryCheckMatches,
  unwrapKey,
  wrapKey,
  type ScryptParams,
} from './crypto.js';
import { readKeySlots, writeKeySlots, type KeySlotFile, type PassphraseSlot } from './keyslots.js';
import { UnlockThrottle } from './throttle.js';
import { insertChained } from '../features/audit/audit-log.js';

export const DB_FILE = 'fristad.db';
export const SLOTS_FILE = 'keyslots.json';
export const MIN_PASSPHRASE_LENGTH = 10;

export interface VaultPaths {
  dir: string;
  db: string;
  slots: string;
}

export function vaultPaths(dir: string): VaultPaths {
  return { dir, db: join(dir, DB_FILE), slots: join(dir, SLOTS_FILE) };
}

export type KdfBase = Omit<ScryptParams, 'salt'>;

/** A vault whose data key is in memory and whose database is open. */
export interface OpenVault {
  readonly paths: VaultPaths;
  readonly sqlite: SqliteHandle;
  readonly db: Kysely<Schema>;
  readonly vaultId: string;
  readonly workerId: string;
  /** The worker must choose a new passphrase before working. */
  readonly mustChangePassphrase: boolean;
  /** Only the vault module and backups use the key. */
  readonly dataKey: Buffer;
}

function slotAad(vaultId: string, slotId: string): string {
  return `fristad:${vaultId}:${slotId}`;
}

function checkPassphrase(passphrase: string): void {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    throw new AppError('validation', `Lösenordet måste ha minst ${MIN_PASSPHRASE_LENGTH} tecken.`, {
      issues: [{ path: 'passphrase', code: 'too_short', message: `Minst ${MIN_PASSPHRASE_LENGTH} tecken.` }],
    });
  }
}

export function vaultExists(dir: string): boolean {
  return existsSync(vaultPaths(dir).db) || existsSync(vaultPaths(dir).slots);
}

/** Who may unlock: the workers with a passphrase slot (names only). */
export function listUnlockableWorkers(dir: string): { workerId: string; name: string }[] {
  const file = readKeySlots(vaultPaths(dir).slots);
  return file.slots.filter((s): s is PassphraseSlot => s.kind === 'passphrase').map((s) => ({ workerId: s.workerId, name: s.label }));
}

export function readUnitName(dir: string): string {
  return readKeySlots(vaultPaths(dir).slots).unitName;
}

/**
 * Opens the database file with the data key. Checks, before anything is
 * written, that the key fits, that the file is a Fristad vault and that it is
 * not truncated; only then switches to WAL and migrates.
 */
export async function openWithKey(paths: VaultPaths, dataKey: Buffer, opts: { create?: boolean } = {}): Promise<{ sqlite: SqliteHandle; db: Kysely<Schema> }> {
  if (!opts.create) {
    if (!existsSync(paths.db)) throw new AppError('no_vault', 'Valvfilen saknas i mappen.');
    const size = statSync(paths.db).size;
    if (size === 0) throw new AppError('not_a_vault', 'Filen är tom och är inte ett Fristad-valv.');
    if (size % 1024 !== 0) throw new AppError('vault_damaged', 'Valvfilen är avkortad eller skadad. Återställ den senaste säkerhetskopian.');
  }
  const sqlite = openSqlite(paths.db, dataKey, { create: opts.create ?? false, expectApplicationId: opts.create ? undefined : FRISTAD_APPLICATION_ID });
  try {
    if (opts.create) sqlite.pragma(`application_id = ${FRISTAD_APPLICATION_ID}`);
    const db = createKysely(sqlite);
    await migrateToLatest(sqlite, db);
    return { sqlite, db };
  } catch (err) {
    sqlite.close();
    throw err instanceof AppError ? err : classifyOpenError(err);
  }
}

export interface CreateVaultInput {
  unitName: string;
  workerName: string;
  passphrase: string;
}

export interface CreatedVault {
  vault: OpenVault;
  recoveryKey: string;
}

/** Sets up a new vault: data key, database, first worker (a samordnare) and the key slots. */
export async function createVault(dir: string, input: CreateVaultInput, kdf: KdfBase = DEFAULT_SCRYPT): Promise<CreatedVault> {
  checkPassphrase(input.passphrase);
  mkdirSync(dir, { recursive: true });
  const paths = vaultPaths(dir);
  if (vaultExists(dir)) throw new AppError('vault_exists', 'Det finns redan ett valv i mappen. Det skrivs aldrig över.');
  const dataKey = newDataKey();
  const vaultId = randomUUID();
  const workerId = randomUUID();
  const now = new Date().toISOString();
  const params = newScryptParams(kdf);
  const kek = await deriveKek(input.passphrase, params);
  const slotId = randomUUID();
  const recoverySlotId = randomUUID();
  const file: KeySlotFile = {
    format: 'fristad-keyslots',
    version: 1,
    vaultId,
    unitName: input.unitName,
    createdAt: now,
    slots: [
      { kind: 'passphrase', id: slotId, workerId, label: input.workerName, kdf: params, wrapped: wrapKey(kek, dataKey, slotAad(vaultId, slotId)), createdAt: now },
      { kind: 'recovery', id: recoverySlotId, check: recoveryCheck(dataKey, vaultId), createdAt: now },
    ],
  };
  const { sqlite, db } = await openWithKey(paths, dataKey, { create: true });
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('workers').values({ id: workerId, name: input.workerName, role: 'samordnare', active: 1, created_at: now }).execute();
    await trx.insertInto('settings').values({ key: 'unitName', value: JSON.stringify(input.unitName) }).execute();
    await insertChained(trx, [{ at: now, worker_id: workerId, action: 'vault.create', entity_type: 'vault', entity_id: vaultId, detail: null }]);
  });
  writeKeySlots(paths.slots, file);
  return {
    vault: { paths, sqlite, db, vaultId, workerId, dataKey, mustChangePassphrase: false },
    recoveryKey: formatRecoveryKey(dataKey),
  };
}

/** Throttles per vault directory, so restarting the lock screen does not reset the delay. */
const throttles = new Map<string, UnlockThrottle>();
export function throttleFor(dir: string, now?: () => number): UnlockThrottle {
  let t = throttles.get(dir);
  if (!t) {
    t = new UnlockThrottle(now);
    throttles.set(dir, t);
  }
  return t;
}

function refuseIfThrottled(throttle: UnlockThrottle): void {
  const wait = throttle.waitSeconds();
  if (wait > 0) {
    throw new AppError('too_many_attempts', `För många felaktiga försök. Vänta ${wait} sekunder och försök igen.`, { retryAfterSeconds: wait });
  }
}

/** Unlocks with a worker's passphrase. A wrong passphrase never touches the database file. */
export async function unlockVault(dir: string, workerId: string, passphrase: string, throttle: UnlockThrottle = throttleFor(dir)): Promise<OpenVault> {
  const paths = vaultPaths(dir);
  if (!existsSync(paths.db)) throw new AppError('no_vault', 'Det finns inget valv i mappen.');
  const file = readKeySlots(paths.slots);
  refuseIfThrottled(throttle);
  const slot = file.slots.find((s): s is PassphraseSlot => s.kind === 'passphrase' && s.workerId === workerId);
  if (!slot) throw new AppError('wrong_passphrase', 'Fel användare eller lösenord.');
  const kek = await deriveKek(passphrase, slot.kdf);
  const dataKey = unwrapKey(kek, slot.wrapped, slotAad(file.vaultId, slot.id));
  if (!dataKey) {
    throttle.recordFailure();
    const wait = throttle.waitSeconds();
    throw new AppError('wrong_passphrase', wait > 0 ? `Fel lösenord. Vänta ${wait} sekunder innan nästa försök.` : 'Fel lösenord. Försök igen.', wait > 0 ? { retryAfterSeconds: wait } : undefined);
  }
  throttle.recordSuccess();
  const { sqlite, db } = await openWithKey(paths, dataKey);
  return { paths, sqlite, db, vaultId: file.vaultId, workerId, dataKey, mustChangePassphrase: slot.mustChange === true };
}

/** Checks a typed recovery key against the vault; returns the data key. */
export function verifyRecoveryKey(dir: string, recoveryKey: string, throttle: UnlockThrottle = throttleFor(dir)): Buffer {
  const file = readKeySlots(vaultPaths(dir).slots);
  refuseIfThrottled(throttle);
  const key = parseRecoveryKey(recoveryKey);
  const slot = file.slots.find((s) => s.kind === 'recovery');
  if (!key || !slot || slot.kind !== 'recovery' || !recoveryCheckMatches(key, file.vaultId, slot.check)) {
    throttle.recordFailure();
    throw new AppError('wrong_passphrase', 'Återställningsnyckeln stämmer inte. Kontrollera att du skrivit av den rätt (64 tecken, 0–9 och A–F).');
  }
  throttle.recordSuccess();
  return key;
}

/**
 * Unlocks with the printed recovery key and gives the worker a new passphrase
 * (a new slot replaces the worker's old one).
 */
export async function unlockWithRecoveryKey(dir: string, recoveryKey: string, workerId: string, newPassphrase: string, kdf: KdfBase = DEFAULT_SCRYPT): Promise<OpenVault> {
  checkPassphrase(newPassphrase);
  const dataKey = verifyRecoveryKey(dir, recoveryKey);
  const paths = vaultPaths(dir);
  const { sqlite, db } = await openWithKey(paths, dataKey);
  const file = readKeySlots(paths.slots);
  const worker = await db.selectFrom('workers').select(['id', 'name', 'active']).where('id', '=', workerId).executeTakeFirst();
  if (!worker || worker.active !== 1) {
    sqlite.close();
    throw new AppError('not_found', 'Handläggaren finns inte eller är inaktiverad.');
  }
  await setPassphraseSlot(paths, file, dataKey, workerId, worker.name, newPassphrase, kdf, false);
  return { paths, sqlite, db, vaultId: file.vaultId, workerId, dataKey, mustChangePassphrase: false };
}

async function setPassphraseSlot(paths: VaultPaths, file: KeySlotFile, dataKey: Buffer, workerId: string, label: string, passphrase: string, kdf: KdfBase, mustChange: boolean): Promise<void> {
  const params = newScryptParams(kdf);
  const kek = await deriveKek(passphrase, params);
  const slotId = randomUUID();
  const slot: PassphraseSlot = {
    kind: 'passphrase',
    id: slotId,
    workerId,
    label,
    kdf: params,
    wrapped: wrapKey(kek, dataKey, slotAad(file.vaultId, slotId)),
    createdAt: new Date().toISOString(),
    ...(mustChange ? { mustChange: true } : {}),
  };
  const others = file.slots.filter((s) => !(s.kind === 'passphrase' && s.workerId === workerId));
  writeKeySlots(paths.slots, { ...file, slots: [...others, slot] });
}

/** Changes a worker's passphrase: rewraps that worker's slot, nothing is re-encrypted. */
export async function changePassphrase(vault: OpenVault, current: string, next: string, kdf: KdfBase = DEFAULT_SCRYPT): Promise<void> {
  checkPassphrase(next);
  const file = readKeySlots(vault.paths.slots);
  const slot = file.slots.find((s): s is PassphraseSlot => s.kind === 'passphrase' && s.workerId === vault.workerId);
  if (!slot) throw new AppError('not_found', 'Din nyckelplats finns inte.');
  const kek = await deriveKek(current, slot.kdf);
  if (!unwrapKey(kek, slot.wrapped, slotAad(file.vaultId, slot.id))) {
    throw new AppError('wrong_passphrase', 'Nuvarande lösenord stämmer inte.');
  }
  await setPassphraseSlot(vault.paths, file, vault.dataKey, vault.workerId, slot.label, next, kdf, false);
}

/** Adds (or replaces) a worker's slot with a first passphrase that must be changed at first unlock. */
export async function addWorkerSlot(vault: OpenVault, workerId: string, label: string, firstPassphrase: string, kdf: KdfBase = DEFAULT_SCRYPT): Promise<void> {
  checkPassphrase(firstPassphrase);
  const file = readKeySlots(vault.paths.slots);
  await setPassphraseSlot(vault.paths, file, vault.dataKey, workerId, label, firstPassphrase, kdf, true);
}

/** Removes a worker's slot. The last passphrase slot cannot be removed. */
export function removeWorkerSlot(vault: OpenVault, workerId: string): void {
  const file = readKeySlots(vault.paths.slots);
  const remaining = file.slots.filter((s) => !(s.kind === 'passphrase' && s.workerId === workerId));
  if (remaining.length === file.slots.length) throw new AppError('not_found', 'Handläggaren har ingen nyckelplats.');
  if (!remaining.some((s) => s.kind === 'passphrase')) {
    throw new AppError('conflict', 'Den sista handläggarens nyckelplats kan inte tas bort.');
  }
  writeKeySlots(vault.paths.slots, { ...file, slots: remaining });
}

/** Closes the database and wipes the key from memory. */
export function closeVault(vault: OpenVault): void {
  try {
    vault.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } catch {
    // A checkpoint that cannot run now runs at next open; closing still matters more.
  }
  vault.sqlite.close();
  vault.dataKey.fill(0);
}

/** The lock screen shows the unit's name from the key-slot file: keep it in step with the setting. */
export function setUnitNameInSlots(vault: OpenVault, unitName: string): void {
  const file = readKeySlots(vault.paths.slots);
  if (file.unitName === unitName) return;
  writeKeySlots(vault.paths.slots, { ...file, unitName });
}
