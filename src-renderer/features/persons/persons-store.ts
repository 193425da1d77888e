import { create } from 'zustand';
import { invoke } from '../../app/api-client';
import { takeTicket } from '../../app/session-epoch';
import type { PersonAddress, PersonCreateInput, PersonDetail, PersonSummary } from '../../../src-main/features/persons/contract';

/**
 * Persons: the search the worker is typing, the person they have open (and
 * a protected address they chose to see), and the small searches of the
 * person pickers in the intake flow and the case view.
 */

// State

/** One picker's search ("search and pick an existing person"), keyed by the picker's id. */
export interface PickerSearch {
  query: string;
  results: PersonSummary[];
  resultsFor: string;
  searching: boolean;
  error: unknown;
}

export interface PersonsState {
  query: string;
  results: PersonSummary[];
  /** The query the results belong to; differs from `query` while a search is on its way. */
  resultsFor: string;
  searching: boolean;
  searchError: unknown;
  current: PersonDetail | null;
  loadingPerson: boolean;
  personError: unknown;
  /** A protected address shown after a deliberate, logged look; dropped when the person's page closes. */
  revealed: { personId: string; address: PersonAddress } | null;
  pickers: Record<string, PickerSearch>;
}

export function getEmptyState(): PersonsState {
  return { query: '', results: [], resultsFor: '', searching: false, searchError: null, current: null, loadingPerson: false, personError: null, revealed: null, pickers: {} };
}

const EMPTY_PICKER: PickerSearch = { query: '', results: [], resultsFor: '', searching: false, error: null };

// Actions

interface PersonsActions {
  setQuery: (query: string) => void;
  /** Runs persons.search for the current query; a later search wins over an earlier answer. */
  search: () => Promise<void>;
  create: (input: PersonCreateInput) => Promise<PersonSummary>;
  update: (input: PersonCreateInput & { id: string }) => Promise<PersonDetail>;
  open: (id: string) => Promise<void>;
  /** The deliberate look at a protected address (persons.revealAddress is logged). */
  revealAddress: (id: string) => Promise<PersonAddress>;
  hideAddress: () => void;
  /** Who holds a number, for telling the worker which row of a form clashes with the register. */
  findByNumber: (number: string) => Promise<PersonSummary[]>;
  setPickerQuery: (pickerId: string, query: string) => void;
  searchPicker: (pickerId: string) => Promise<void>;
  clearPicker: (pickerId: string) => void;
  reset: () => void;
}

let searchSeq = 0;
const pickerSeq = new Map<string, number>();

export const usePersonsStore = create<PersonsState & PersonsActions>()((set, get) => ({
  ...getEmptyState(),

  setQuery: (query) => set({ query }),

  search: async () => {
    const query = get().query.trim();
    const seq = ++searchSeq;
    if (query.length === 0) {
      set({ results: [], resultsFor: '', searching: false, searchError: null });
      return;
    }
    const ticket = takeTicket();
    set({ searching: true, searchError: null });
    try {
      const results = await invoke('persons.search', { query });
      if (!ticket.current() || seq !== searchSeq) return;
      set({ results, resultsFor: query, searching: false });
    } catch (err) {
      if (!ticket.current() || seq !== searchSeq) return;
      set({ searching: false, searchError: err });
    }
  },

  create: async (input) => {
    // The new person is opened through open(); nothing to keep here.
    return invoke('persons.create', input);
  },

  update: async (input) => {
    const ticket = takeTicket();
    const person = await invoke('persons.update', input);
    if (ticket.current()) set({ current: person, personError: null, loadingPerson: false });
    return person;
  },

  open: async (id) => {
    const ticket = takeTicket();
    if (get().current?.id !== id) set({ current: null });
    if (get().revealed?.personId !== id) set({ revealed: null });
    set({ loadingPerson: true, personError: null });
    try {
      const person = await invoke('persons.get', { id });
      if (!ticket.current()) return;
      set({ current: person, loadingPerson: false });
    } catch (err) {
      if (!ticket.current()) return;
      set({ current: null, loadingPerson: false, personError: err });
    }
  },

  revealAddress: async (id) => {
    const ticket = takeTicket();
    const address = await invoke('persons.revealAddress', { id });
    if (ticket.current()) set({ revealed: { personId: id, address } });
    return address;
  },

  hideAddress: () => set({ revealed: null }),

  findByNumber: async (number) => invoke('persons.search', { query: number, limit: 5 }),

  setPickerQuery: (pickerId, query) => set((s) => ({ pickers: { ...s.pickers, [pickerId]: { ...(s.pickers[pickerId] ?? EMPTY_PICKER), query } } })),

  searchPicker: async (pickerId) => {
    const query = (get().pickers[pickerId]?.query ?? '').trim();
    const seq = (pickerSeq.get(pickerId) ?? 0) + 1;
    pickerSeq.set(pickerId, seq);
    const patch = (p: Partial<PickerSearch>) => set((s) => ({ pickers: { ...s.pickers, [pickerId]: { ...(s.pickers[pickerId] ?? EMPTY_PICKER), ...p } } }));
    if (query.length === 0) {
      patch({ results: [], resultsFor: '', searching: false, error: null });
      return;
    }
    const ticket = takeTicket();
    patch({ searching: true, error: null });
    try {
      const results = await invoke('persons.search', { query, limit: 10 });
      if (!ticket.current() || pickerSeq.get(pickerId) !== seq) return;
      patch({ results, resultsFor: query, searching: false });
    } catch (err) {
      if (!ticket.current() || pickerSeq.get(pickerId) !== seq) return;
      patch({ searching: false, error: err });
    }
  },

  clearPicker: (pickerId) => {
    pickerSeq.set(pickerId, (pickerSeq.get(pickerId) ?? 0) + 1);
    set((s) => {
      const rest = { ...s.pickers };
      delete rest[pickerId];
      return { pickers: rest };
    });
  },

  reset: () => {
    searchSeq += 1; // an answer still on its way is dropped
    pickerSeq.clear();
    set(getEmptyState());
  },
}));

export const reset = () => usePersonsStore.getState().reset();

// Selectors

export const selectQuery = (s: PersonsState) => s.query;
export const selectCurrentPerson = (s: PersonsState) => s.current;
const NO_RESULTS: PersonSummary[] = [];

/**
 * Results are shown only for the query they answer, so a stale list never
 * sits under a new query. (A shared empty array: a selector must not return
 * a new object on every call, or React re-renders without end.)
 */
export const selectVisibleResults = (s: PersonsState) => (s.resultsFor === s.query.trim() ? s.results : NO_RESULTS);

export const selectPicker =
  (pickerId: string) =>
  (s: PersonsState): PickerSearch =>
    s.pickers[pickerId] ?? EMPTY_PICKER;
