import { create } from 'zustand';
import { invoke } from '../../app/api-client';
import { takeTicket } from '../../app/session-epoch';
import type { WorkerSummary } from '../../../src-main/features/workers/contract';
import type { ChannelInput } from '../../../src-main/api/contract';

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
  /** Coordinator only (the server refuses others): each returns the changed worker and refreshes the list. */
  create: (input: ChannelInput<'workers.create'>) => Promise<WorkerSummary>;
  deactivate: (id: string) => Promise<WorkerSummary>;
  setRole: (id: string, role: WorkerSummary['role']) => Promise<WorkerSummary>;
  resetPassphrase: (input: ChannelInput<'workers.resetPassphrase'>) => Promise<WorkerSummary>;
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

  create: async (input) => changed(await invoke('workers.create', input)),
  deactivate: async (id) => changed(await invoke('workers.deactivate', { id })),
  setRole: async (id, role) => changed(await invoke('workers.setRole', { id, role })),
  resetPassphrase: async (input) => changed(await invoke('workers.resetPassphrase', input)),

  reset: () => set(getEmptyState()),
}));

/** Puts a changed worker into the list (in name order) without a new round trip. */
function changed(w: WorkerSummary): WorkerSummary {
  useWorkersStore.setState((s) => ({ workers: [...s.workers.filter((x) => x.id !== w.id), w].sort((a, b) => a.name.localeCompare(b.name, 'sv')) }));
  return w;
}

export const reset = () => useWorkersStore.getState().reset();

// Selectors

export const selectWorkers = (s: WorkersState) => s.workers;
