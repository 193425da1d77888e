import { create } from 'zustand';
import { invoke } from '../../app/api-client';
import { takeTicket } from '../../app/session-epoch';
import type { ChannelInput } from '../../../src-main/api/contract';
import type { Occupancy, ShelterAddress, ShelterDetail, ShelterSummary } from '../../../src-main/features/shelters/contract';

/** The shelter register: the list, the open shelter, its revealed address (until hidden or locked) and its occupancy. */

// State

export interface SheltersState {
  list: ShelterSummary[];
  includeArchived: boolean;
  listLoaded: boolean;
  detail: ShelterDetail | null;
  address: ShelterAddress | null;
  occupancy: Occupancy | null;
  error: unknown;
}

export function getEmptyState(): SheltersState {
  return { list: [], includeArchived: false, listLoaded: false, detail: null, address: null, occupancy: null, error: null };
}

// Actions

interface SheltersActions {
  loadList: (includeArchived?: boolean) => Promise<void>;
  open: (id: string) => Promise<void>;
  create: (input: ChannelInput<'shelters.create'>) => Promise<ShelterDetail>;
  update: (input: ChannelInput<'shelters.update'>) => Promise<ShelterDetail>;
  setArchived: (id: string, archived: boolean) => Promise<void>;
  addPrice: (input: ChannelInput<'shelters.addPricePeriod'>) => Promise<void>;
  revealAddress: (id: string) => Promise<void>;
  hideAddress: () => void;
  loadOccupancy: (shelterId: string, from: string, to: string) => Promise<void>;
  reset: () => void;
}

export const useSheltersStore = create<SheltersState & SheltersActions>()((set, get) => ({
  ...getEmptyState(),

  loadList: async (includeArchived = get().includeArchived) => {
    const ticket = takeTicket();
    set({ includeArchived, error: null });
    try {
      const list = await invoke('shelters.list', { includeArchived });
      if (ticket.current()) set({ list, listLoaded: true });
    } catch (err) {
      if (ticket.current()) set({ error: err, listLoaded: true });
    }
  },

  open: async (id) => {
    const ticket = takeTicket();
    if (get().detail?.id !== id) set({ detail: null, address: null, occupancy: null });
    set({ error: null });
    try {
      const detail = await invoke('shelters.get', { id });
      if (ticket.current()) set({ detail });
    } catch (err) {
      if (ticket.current()) set({ error: err });
    }
  },

  create: async (input) => {
    const detail = await invoke('shelters.create', input);
    set({ detail, address: null, occupancy: null });
    return detail;
  },

  update: async (input) => {
    const detail = await invoke('shelters.update', input);
    set({ detail, address: null });
    return detail;
  },

  setArchived: async (id, archived) => {
    const detail = await invoke('shelters.setArchived', { id, archived });
    set({ detail });
  },

  addPrice: async (input) => {
    const detail = await invoke('shelters.addPricePeriod', input);
    set({ detail });
  },

  revealAddress: async (id) => {
    const ticket = takeTicket();
    const address = await invoke('shelters.revealAddress', { id });
    if (ticket.current() && get().detail?.id === id) set({ address });
  },

  hideAddress: () => set({ address: null }),

  loadOccupancy: async (shelterId, from, to) => {
    const ticket = takeTicket();
    try {
      const occupancy = await invoke('shelters.occupancy', { shelterId, from, to });
      if (ticket.current()) set({ occupancy, error: null });
    } catch (err) {
      if (ticket.current()) set({ error: err });
    }
  },

  reset: () => set(getEmptyState()),
}));

export const reset = () => useSheltersStore.getState().reset();

// Selectors

/** The shelters in use; returns a new array, so call it in a `useMemo`, not as a store selector. */
export const selectActiveShelters = (s: Pick<SheltersState, 'list'>) => s.list.filter((x) => !x.archived);
