import { create } from 'zustand';
import { invoke } from '../../app/api-client';
import { takeTicket } from '../../app/session-epoch';
import type { Dashboard, ExportFile, ExportFormat, ExportPreview } from '../../../src-main/features/statistics/contract';
import { defaultChoice, periodOf, type PeriodChoice } from './period';

/** The statistics dashboard, its period, the export preview and the statistics settings. */

// State

export interface StatisticsState {
  choice: PeriodChoice;
  dashboard: Dashboard | null;
  loading: boolean;
  error: unknown;
  preview: ExportPreview | null;
  previewing: boolean;
  exporting: ExportFormat | null;
  exportError: unknown;
  /** The name of the last file saved, for the confirmation. */
  savedFile: string | null;
}

export function getEmptyState(): StatisticsState {
  return { choice: defaultChoice(), dashboard: null, loading: false, error: null, preview: null, previewing: false, exporting: null, exportError: null, savedFile: null };
}

// Actions

interface StatisticsActions {
  setChoice: (patch: Partial<PeriodChoice>) => void;
  /** Counts the dashboard for the chosen period (and drops a preview of another period). */
  load: () => Promise<void>;
  loadPreview: () => Promise<void>;
  /** Writes the export in the main process and hands the bytes to the browser's save. */
  exportAs: (format: ExportFormat, save: (file: ExportFile) => void) => Promise<void>;
  reset: () => void;
}

export const useStatisticsStore = create<StatisticsState & StatisticsActions>()((set, get) => ({
  ...getEmptyState(),

  setChoice: (patch) => set((s) => ({ choice: { ...s.choice, ...patch } })),

  load: async () => {
    const period = periodOf(get().choice);
    if (!period) return;
    const ticket = takeTicket();
    set({ loading: true, error: null, preview: null, savedFile: null, exportError: null });
    try {
      const dashboard = await invoke('statistics.dashboard', period);
      if (ticket.current()) set({ dashboard, loading: false });
    } catch (err) {
      if (ticket.current()) set({ loading: false, error: err });
    }
  },

  loadPreview: async () => {
    const period = get().dashboard?.period;
    if (!period) return;
    const ticket = takeTicket();
    set({ previewing: true, exportError: null, savedFile: null });
    try {
      const preview = await invoke('statistics.exportPreview', period);
      if (ticket.current()) set({ preview, previewing: false });
    } catch (err) {
      if (ticket.current()) set({ previewing: false, exportError: err });
    }
  },

  exportAs: async (format, save) => {
    const period = get().preview?.period;
    if (!period) return;
    const ticket = takeTicket();
    set({ exporting: format, exportError: null, savedFile: null });
    try {
      const file = await invoke('statistics.export', { period, format });
      if (!ticket.current()) return;
      save(file);
      set({ exporting: null, savedFile: file.fileName, preview: file.preview });
    } catch (err) {
      if (ticket.current()) set({ exporting: null, exportError: err });
    }
  },

  reset: () => set(getEmptyState()),
}));

export const reset = () => useStatisticsStore.getState().reset();
