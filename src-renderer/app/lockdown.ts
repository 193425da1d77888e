import { invoke, onLockedResponse } from './api-client';
import { resetAllStores } from './reset-all';
import { useVaultStore } from '../features/vault/vault-store';

/**
 * What happens whenever the vault turns out to be locked (the Lås button,
 * auto-lock, the computer being locked, a restore, or any refused call):
 * every store is emptied first, then the status is read again so the lock
 * screen can say why.
 */
export async function lockDown(): Promise<void> {
  resetAllStores();
  try {
    await useVaultStore.getState().refreshStatus();
  } catch {
    // statusError is set; the app offers a retry instead of showing stale data.
  }
}

/** The worker's own "Lås": lock on the server, then drop everything here, even if the call failed. */
export async function lockNow(): Promise<void> {
  try {
    await invoke('vault.lock');
  } catch {
    // Dropping the data here matters more than the answer.
  } finally {
    await lockDown();
  }
}

/** Makes any 'locked' refusal from any feature trigger the lock-down. */
export function installLockListener(): () => void {
  return onLockedResponse(() => void lockDown());
}
