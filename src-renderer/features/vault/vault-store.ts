import { create } from 'zustand';
import { invoke } from '../../app/api-client';
import { takeTicket } from '../../app/session-epoch';
import type { SessionInfo, VaultStatus } from '../../../src-main/features/vault/types';

/**
 * The vault as the renderer sees it: the last known status (which screen to
 * show) and, for the one moment after set-up, the recovery key to write down.
 */

// State

export interface VaultState {
  /** Null until the first answer of vault.status (and right after a lock-down). */
  status: VaultStatus | null;
  /** Set when vault.status itself could not be reached (the app shows a retry). */
  statusError: unknown;
  /** Shown once after vault.create, dropped when the worker confirms or the vault locks. */
  recoveryKey: string | null;
}

export function getEmptyState(): VaultState {
  return { status: null, statusError: null, recoveryKey: null };
}

// Actions

interface VaultActions {
  refreshStatus: () => Promise<VaultStatus>;
  create: (input: { unitName: string; workerName: string; passphrase: string; passphraseRepeat: string }) => Promise<void>;
  unlock: (workerId: string, passphrase: string) => Promise<void>;
  unlockWithRecovery: (input: { recoveryKey: string; workerId: string; passphrase: string; passphraseRepeat: string }) => Promise<void>;
  changePassphrase: (input: { current: string; passphrase: string; passphraseRepeat: string }) => Promise<void>;
  confirmRecoveryKeySaved: () => void;
  /** Updates the unit name shown in the header after settings change it. */
  setUnitName: (unitName: string) => void;
  reset: () => void;
}

export const useVaultStore = create<VaultState & VaultActions>()((set, get) => {
  /** After an unlock: the session plus the auto-lock minutes, which only vault.status carries. */
  const afterUnlock = async (session: SessionInfo) => {
    set({ status: { state: 'unlocked', session, autoLockMinutes: autoLockOf(get().status) } });
    await get().refreshStatus();
  };

  return {
    ...getEmptyState(),

    refreshStatus: async () => {
      try {
        const status = await invoke('vault.status');
        set({ status, statusError: null });
        return status;
      } catch (err) {
        set({ statusError: err });
        throw err;
      }
    },

    create: async (input) => {
      const ticket = takeTicket();
      const { recoveryKey, session } = await invoke('vault.create', input);
      if (!ticket.current()) return;
      set({ recoveryKey });
      await afterUnlock(session);
    },

    unlock: async (workerId, passphrase) => {
      const session = await invoke('vault.unlock', { workerId, passphrase });
      await afterUnlock(session);
    },

    unlockWithRecovery: async (input) => {
      const session = await invoke('vault.unlockWithRecovery', input);
      await afterUnlock(session);
    },

    changePassphrase: async (input) => {
      const ticket = takeTicket();
      const session = await invoke('vault.changePassphrase', input);
      if (!ticket.current()) return;
      set({ status: { state: 'unlocked', session, autoLockMinutes: autoLockOf(get().status) } });
    },

    confirmRecoveryKeySaved: () => set({ recoveryKey: null }),

    setUnitName: (unitName) => {
      const status = get().status;
      if (status?.state === 'unlocked') set({ status: { ...status, session: { ...status.session, unitName } } });
    },

    reset: () => set(getEmptyState()),
  };
});

function autoLockOf(status: VaultStatus | null): number {
  return status?.state === 'unlocked' ? status.autoLockMinutes : 10;
}

export const reset = () => useVaultStore.getState().reset();

// Selectors

export const selectStatus = (s: VaultState) => s.status;
export const selectSession = (s: VaultState): SessionInfo | null => (s.status?.state === 'unlocked' ? s.status.session : null);
export const selectIsUnlocked = (s: VaultState) => s.status?.state === 'unlocked';
export const selectRecoveryKey = (s: VaultState) => s.recoveryKey;
