import type { WorkerRole } from '../../domain/vocabulary.js';

/** Why the vault was last locked; the lock screen says so. */
export type LockReason = 'user' | 'idle' | 'os' | 'quit' | 'restore';

export interface SessionInfo {
  workerId: string;
  workerName: string;
  role: WorkerRole;
  mustChangePassphrase: boolean;
  unitName: string;
}

export type VaultStatus =
  | { state: 'no_vault' }
  | { state: 'locked'; unitName: string; workers: { workerId: string; name: string }[]; lastLockReason: LockReason | null }
  | { state: 'unlocked'; session: SessionInfo; autoLockMinutes: number }
  | { state: 'unreadable'; message: string };
