import { create } from 'zustand';
import { invoke } from '../../app/api-client';
import { takeTicket } from '../../app/session-epoch';
import type { Settings } from '../../../src-main/features/settings/contract';
import type { BackupInfo } from '../../../src-main/features/backups/types';

/** The unit's settings and its backups. */

// State

export interface SettingsState {
  settings: Settings | null;
  /** Moves on every load (not on a save), so an open form can start over from what was read. */
  loadCount: number;
  loadError: unknown;
  backups: BackupInfo[];
  backupsLoaded: boolean;
  backupsError: unknown;
}

export function getEmptyState(): SettingsState {
  return { settings: null, loadCount: 0, loadError: null, backups: [], backupsLoaded: false, backupsError: null };
}

// Actions

interface SettingsActions {
  load: () => Promise<void>;
  /** Saves a change (coordinators only; the server refuses others). */
  update: (patch: Partial<Settings>) => Promise<Settings>;
  loadBackups: () => Promise<void>;
  backupNow: () => Promise<BackupInfo>;
  /** Restores a backup; the server locks the vault afterwards. */
  restore: (name: string) => Promise<void>;
  reset: () => void;
}

export const useSettingsStore = create<SettingsState & SettingsActions>()((set) => ({
  ...getEmptyState(),

  load: async () => {
    const ticket = takeTicket();
    set({ loadError: null });
    try {
      const settings = await invoke('settings.get');
      if (ticket.current()) set((s) => ({ settings, loadCount: s.loadCount + 1 }));
    } catch (err) {
      if (ticket.current()) set({ loadError: err });
    }
  },

  update: async (patch) => {
    const ticket = takeTicket();
    const settings = await invoke('settings.update', patch);
    if (ticket.current()) set({ settings });
    return settings;
  },

  loadBackups: async () => {
    const ticket = takeTicket();
    set({ backupsError: null });
    try {
      const backups = await invoke('backups.list');
      if (ticket.current()) set({ backups: newestFirst(backups), backupsLoaded: true });
    } catch (err) {
      if (ticket.current()) set({ backupsError: err, backupsLoaded: true });
    }
  },

  backupNow: async () => {
    const ticket = takeTicket();
    const info = await invoke('backups.create');
    if (ticket.current()) set((s) => ({ backups: newestFirst([info, ...s.backups.filter((b) => b.name !== info.name)]) }));
    return info;
  },

  restore: async (name) => {
    await invoke('backups.restore', { name });
  },

  reset: () => set(getEmptyState()),
}));

function newestFirst(list: BackupInfo[]): BackupInfo[] {
  return [...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export const reset = () => useSettingsStore.getState().reset();

// Selectors

export const selectSettings = (s: SettingsState) => s.settings;
export const selectBackups = (s: SettingsState) => s.backups;
