import { create } from 'zustand';
import { invoke } from '../../app/api-client';
import { takeTicket } from '../../app/session-epoch';
import type { Settings } from '../../../src-main/features/settings/contract';
import type { BackupInfo } from '../../../src-main/features/backups/types';
import type { PrivacySettings } from '../../../src-main/features/privacy/settings';
import type { StatisticsSettings } from '../../../src-main/features/statistics/contract';
import type { EmergencyNumber, UnitEmergencyNumbers } from '../../../src-main/features/safety-plans/contract';

/**
 * Everything the settings screen shows: the unit's settings, the logo, the
 * rules for retention and the log flags, the statistics settings, the unit's
 * emergency numbers, and the backups. Each part keeps the channel of the
 * feature it belongs to (role-checked there); this store only gathers them.
 */

// State

export interface SettingsState {
  settings: Settings | null;
  /** Moves on every load (not on a save), so an open form can start over from what was read. */
  loadCount: number;
  loadError: unknown;
  logo: string | null;
  privacy: PrivacySettings | null;
  statistics: StatisticsSettings | null;
  numbers: UnitEmergencyNumbers | null;
  backups: BackupInfo[];
  backupsLoaded: boolean;
  backupsError: unknown;
  /** A section another screen asked to open (e.g. "Gallring" from the retention tab); the page scrolls to it once. */
  focusSection: SettingsSectionId | null;
}

export type SettingsSectionId = 'unit' | 'security' | 'backups' | 'retention' | 'log' | 'statistics' | 'numbers' | 'services' | 'templates' | 'passphrase' | 'language';

export function getEmptyState(): SettingsState {
  return { settings: null, loadCount: 0, loadError: null, logo: null, privacy: null, statistics: null, numbers: null, backups: [], backupsLoaded: false, backupsError: null, focusSection: null };
}

// Actions

interface SettingsActions {
  /** Reads every part at once; one part that fails leaves the others shown. */
  load: () => Promise<void>;
  /** Saves a change (coordinators only; the server refuses others). */
  update: (patch: Partial<Settings>) => Promise<Settings>;
  setLogo: (logo: string | null) => Promise<void>;
  updatePrivacy: (patch: Partial<PrivacySettings>) => Promise<PrivacySettings>;
  updateStatistics: (patch: Partial<StatisticsSettings>) => Promise<StatisticsSettings>;
  /** The unit's emergency numbers; `null` goes back to the template's. */
  setNumbers: (numbers: EmergencyNumber[] | null) => Promise<UnitEmergencyNumbers>;
  /** Opens the settings screen at a section (called by other screens before they navigate). */
  focus: (section: SettingsSectionId | null) => void;
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
    const [settings, logo, privacy, statistics, numbers] = await Promise.allSettled([invoke('settings.get'), invoke('print.logo'), invoke('privacy.settings'), invoke('statistics.settings'), invoke('safetyPlans.unitNumbers')]);
    if (!ticket.current()) return;
    const failed = [settings, logo, privacy, statistics, numbers].find((r) => r.status === 'rejected');
    set((s) => ({
      settings: settings.status === 'fulfilled' ? settings.value : s.settings,
      logo: logo.status === 'fulfilled' ? logo.value.logo : s.logo,
      privacy: privacy.status === 'fulfilled' ? privacy.value : s.privacy,
      statistics: statistics.status === 'fulfilled' ? statistics.value : s.statistics,
      numbers: numbers.status === 'fulfilled' ? numbers.value : s.numbers,
      loadCount: s.loadCount + 1,
      loadError: failed ? (failed as PromiseRejectedResult).reason : null,
    }));
  },

  update: async (patch) => {
    const ticket = takeTicket();
    const settings = await invoke('settings.update', patch);
    if (ticket.current()) set({ settings });
    return settings;
  },

  setLogo: async (logo) => {
    const ticket = takeTicket();
    const r = await invoke('print.setLogo', { logo });
    if (ticket.current()) set({ logo: r.logo });
  },

  updatePrivacy: async (patch) => {
    const ticket = takeTicket();
    const privacy = await invoke('privacy.updateSettings', patch);
    if (ticket.current()) set({ privacy });
    return privacy;
  },

  updateStatistics: async (patch) => {
    const ticket = takeTicket();
    const statistics = await invoke('statistics.updateSettings', patch);
    if (ticket.current()) set({ statistics });
    return statistics;
  },

  setNumbers: async (list) => {
    const ticket = takeTicket();
    const numbers = await invoke('safetyPlans.setUnitNumbers', { numbers: list });
    if (ticket.current()) set({ numbers });
    return numbers;
  },

  focus: (focusSection) => set({ focusSection }),

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
