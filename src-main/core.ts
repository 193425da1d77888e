import { join } from 'node:path';
import type { Session } from './api/context.js';
import type { LockReason, SessionInfo, VaultStatus } from './features/vault/types.js';
import { AppError, VaultLockedError } from './domain/errors.js';
import { AuditLog } from './features/audit/audit-log.js';
import { DEFAULT_SETTINGS, type Settings } from './features/settings/contract.js';
import { readSettings } from './features/settings/service.js';
import { forgetRowsInMemory } from './features/statistics/month-store.js';
import { silentLogger, type Logger } from './log.js';
import type { PrintEngine } from './print/engine.js';
import { DEFAULT_SCRYPT } from './vault/crypto.js';
import { createBackup, restoreBackup, listBackups, verifyBackup } from './vault/backup.js';
import type { BackupInfo } from './features/backups/types.js';
import {
  changePassphrase,
  closeVault,
  createVault,
  listUnlockableWorkers,
  readUnitName,
  unlockVault,
  unlockWithRecoveryKey,
  vaultExists,
  type KdfBase,
  type OpenVault,
} from './vault/vault.js';

export type { LockReason, SessionInfo, VaultStatus };

export interface CoreOptions {
  vaultDir: string;
  /** scrypt cost; tests pass a cheap one, the app uses the default. */
  kdf?: KdfBase;
  logger?: Logger;
  now?: () => number;
}

/**
 * The main-process core: the vault's life cycle (set-up, unlock, lock,
 * auto-lock, backup at lock) and the session the router attaches to calls.
 * Shared as is by the Electron shell and the test host.
 */
export class Core {
  readonly vaultDir: string;
  readonly kdf: KdfBase;
  readonly log: Logger;
  readonly now: () => number;
  #vault: OpenVault | null = null;
  #session: Session | null = null;
  #mustChange = false;
  #settings: Settings = { ...DEFAULT_SETTINGS };
  #idleTimer: ReturnType<typeof setTimeout> | null = null;
  #lastLockReason: LockReason | null = null;
  #lockListeners = new Set<(reason: LockReason) => void>();
  #printEngine: PrintEngine | null = null;

  constructor(options: CoreOptions) {
    this.vaultDir = options.vaultDir;
    this.kdf = options.kdf ?? DEFAULT_SCRYPT;
    this.log = options.logger ?? silentLogger;
    this.now = options.now ?? Date.now;
  }

  /** Turns printable documents into PDF or paper: Electron's in the app, Playwright's in the test host; none in plain unit tests. */
  get printEngine(): PrintEngine | null {
    return this.#printEngine;
  }

  usePrintEngine(engine: PrintEngine | null): void {
    this.#printEngine = engine;
  }

  get session(): Session | null {
    return this.#session;
  }

  /** A worker unlocked with a first passphrase must change it before working. */
  get mustChangePassphrase(): boolean {
    return this.#mustChange;
  }

  get settings(): Settings {
    return this.#settings;
  }

  requireSession(): Session {
    if (!this.#session) throw new VaultLockedError();
    return this.#session;
  }

  onLock(listener: (reason: LockReason) => void): () => void {
    this.#lockListeners.add(listener);
    return () => this.#lockListeners.delete(listener);
  }

  status(): VaultStatus {
    if (this.#session && this.#vault) {
      return { state: 'unlocked', session: this.#sessionInfo(), autoLockMinutes: this.#settings.autoLockMinutes };
    }
    if (!vaultExists(this.vaultDir)) return { state: 'no_vault' };
    try {
      return { state: 'locked', unitName: readUnitName(this.vaultDir), workers: listUnlockableWorkers(this.vaultDir), lastLockReason: this.#lastLockReason };
    } catch (err) {
      return { state: 'unreadable', message: err instanceof AppError ? err.message : 'Valvet kan inte läsas.' };
    }
  }

  async create(input: { unitName: string; workerName: string; passphrase: string }): Promise<{ recoveryKey: string; session: SessionInfo }> {
    if (this.#session) throw new AppError('conflict', 'Ett valv är redan upplåst.');
    const { vault, recoveryKey } = await createVault(this.vaultDir, input, this.kdf);
    await this.#open(vault, false);
    this.log.info('vault.created', { workerId: vault.workerId });
    return { recoveryKey, session: this.#sessionInfo() };
  }

  async unlock(workerId: string, passphrase: string): Promise<SessionInfo> {
    if (this.#session) await this.lock('user');
    try {
      const vault = await unlockVault(this.vaultDir, workerId, passphrase);
      await this.#open(vault, vault.mustChangePassphrase);
      this.log.info('vault.unlocked', { workerId });
      return this.#sessionInfo();
    } catch (err) {
      this.log.warn('vault.unlock_failed', { code: err instanceof AppError ? err.code : 'internal' });
      throw err;
    }
  }

  async unlockWithRecovery(recoveryKey: string, workerId: string, newPassphrase: string): Promise<SessionInfo> {
    if (this.#session) await this.lock('user');
    const vault = await unlockWithRecoveryKey(this.vaultDir, recoveryKey, workerId, newPassphrase, this.kdf);
    await this.#open(vault, false);
    await this.requireSession().audit.append({ action: 'vault.recovery_unlock', entityType: 'worker', entityId: workerId });
    this.log.info('vault.recovery_unlocked', { workerId });
    return this.#sessionInfo();
  }

  async changePassphrase(current: string, next: string): Promise<void> {
    const session = this.requireSession();
    await changePassphrase(session.vault, current, next, this.kdf);
    this.#mustChange = false;
    await session.audit.append({ action: 'vault.change_passphrase', entityType: 'worker', entityId: session.worker.id });
  }

  /**
   * Locks: writes pending log entries, takes the automatic backup when a
   * backup folder is set, closes the database and wipes the key.
   */
  async lock(reason: LockReason): Promise<void> {
    const vault = this.#vault;
    const session = this.#session;
    if (!vault || !session) return;
    this.#clearIdle();
    try {
      // `append` writes the noted list reads with it.
      await session.audit.append({ action: 'vault.lock', entityType: 'vault', detail: { reason } });
    } catch (err) {
      this.log.error('audit.flush_failed', { code: err instanceof AppError ? err.code : 'internal' });
    }
    if (this.#settings.backupFolder && reason !== 'restore') {
      try {
        createBackup(vault, this.#settings.backupFolder, this.#settings.backupGenerations);
        this.log.info('backup.automatic', { reason });
      } catch (err) {
        this.log.error('backup.automatic_failed', { code: err instanceof AppError ? err.code : 'internal' });
      }
    }
    this.#session = null;
    this.#vault = null;
    this.#lastLockReason = reason;
    try {
      closeVault(vault);
    } catch (err) {
      this.log.error('vault.close_failed', { message: err instanceof Error ? err.name : 'unknown' });
    }
    // Nothing read from the vault stays in memory once it is locked, the statistics' anonymous monthly counts included.
    forgetRowsInMemory();
    this.log.info('vault.locked', { reason });
    for (const l of this.#lockListeners) l(reason);
  }

  /** Any call that counts as activity pushes the auto-lock further away. */
  touch(): void {
    if (!this.#session) return;
    this.#clearIdle();
    const ms = this.#settings.autoLockMinutes * 60_000;
    this.#idleTimer = setTimeout(() => {
      void this.lock('idle');
    }, ms);
    this.#idleTimer.unref?.();
  }

  applySettings(settings: Settings): void {
    this.#settings = settings;
    this.touch();
  }

  backupNow(): BackupInfo {
    const session = this.requireSession();
    const folder = this.#settings.backupFolder ?? join(this.vaultDir, 'backups');
    return createBackup(session.vault, folder, this.#settings.backupGenerations);
  }

  backups(): BackupInfo[] {
    return listBackups(this.#settings.backupFolder ?? join(this.vaultDir, 'backups'));
  }

  /** Verifies a backup with the open vault's key, locks, and replaces the files (the old ones kept aside). */
  async restore(backupName: string): Promise<{ replacedDir: string }> {
    const session = this.requireSession();
    const backup = this.backups().find((b) => b.name === backupName);
    if (!backup) throw new AppError('not_found', 'Säkerhetskopian finns inte.');
    const key = Buffer.from(session.vault.dataKey);
    try {
      verifyBackup(backup.path, key);
      await session.audit.append({ action: 'backups.restore', entityType: 'vault', detail: { backup: backupName } });
      const paths = session.vault.paths;
      await this.lock('restore');
      const result = restoreBackup(paths, backup.path, key);
      this.log.info('backup.restored', { backup: backupName });
      return result;
    } finally {
      key.fill(0);
    }
  }

  async #open(vault: OpenVault, mustChange: boolean): Promise<void> {
    const worker = await vault.db.selectFrom('workers').select(['id', 'name', 'role', 'active']).where('id', '=', vault.workerId).executeTakeFirst();
    if (!worker || worker.active !== 1) {
      closeVault(vault);
      throw new AppError('forbidden', 'Handläggaren är inaktiverad. Kontakta samordnaren.');
    }
    this.#vault = vault;
    this.#settings = await readSettings(vault.db);
    this.#mustChange = mustChange;
    this.#session = {
      vault,
      db: vault.db,
      worker: { id: worker.id, name: worker.name, role: worker.role },
      audit: new AuditLog(vault.db, worker.id, () => new Date(this.now())),
    };
    this.touch();
  }

  #sessionInfo(): SessionInfo {
    const s = this.requireSession();
    return { workerId: s.worker.id, workerName: s.worker.name, role: s.worker.role, mustChangePassphrase: this.#mustChange, unitName: this.#settings.unitName };
  }

  #clearIdle(): void {
    if (this.#idleTimer) clearTimeout(this.#idleTimer);
    this.#idleTimer = null;
  }
}
