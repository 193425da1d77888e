import { create } from 'zustand';
import { invoke } from '../../app/api-client';
import { takeTicket } from '../../app/session-epoch';
import type { WorkerSummary } from '../../../src-main/features/workers/contract';

/** The unit's workers, for the case list's filter and "Byt handläggare". */

// State

export interface WorkersState {
  workers: WorkerSummary[];
  loaded: boolean;
  error: unknown;
}

export function getEmptyState(): WorkersState {
  return { workers: [], loaded: false, error: null };
}

// Actions

interface WorkersActions {
  load: () => Promise<void>;
  reset: () => void;
}

export const useWorkersStore = create<WorkersState & WorkersActions>()((set) => ({
  ...getEmptyState(),

  load: async () => {
    const ticket = takeTicket();
    set({ error: null });
    try {
      const workers = await invoke('workers.list');
      if (ticket.current()) set({ workers, loaded: true });
    } catch (err) {
      if (ticket.current()) set({ error: err, loaded: true });
    }
  },

  reset: () => set(getEmptyState()),
}));

export const reset = () => useWorkersStore.getState().reset();

// Selectors

export const selectWorkers = (s: WorkersState) => s.workers;
