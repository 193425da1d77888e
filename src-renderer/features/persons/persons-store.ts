import { create } from 'zustand';
import { invoke } from '../../app/api-client';
import { takeTicket } from '../../app/session-epoch';
import type { PersonCreateInput, PersonDetail, PersonSummary } from '../../../src-main/features/persons/contract';

/** Persons: the search the worker is typing and the person they have open. */

// State

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
}

export function getEmptyState(): PersonsState {
  return { query: '', results: [], resultsFor: '', searching: false, searchError: null, current: null, loadingPerson: false, personError: null };
}

// Actions

interface PersonsActions {
  setQuery: (query: string) => void;
  /** Runs persons.search for the current query; a later search wins over an earlier answer. */
  search: () => Promise<void>;
  create: (input: PersonCreateInput) => Promise<PersonSummary>;
  open: (id: string) => Promise<void>;
  reset: () => void;
}

let searchSeq = 0;

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

  open: async (id) => {
    const ticket = takeTicket();
    if (get().current?.id !== id) set({ current: null });
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

  reset: () => {
    searchSeq += 1; // an answer still on its way is dropped
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
