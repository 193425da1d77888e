import { create } from 'zustand';
import { invoke } from '../../app/api-client';
import { takeTicket } from '../../app/session-epoch';
import type { JournalEntry, JournalSearchHit, JournalSearchResult } from '../../../src-main/features/journal/contract';

/** The journal of the open case, and the journal search ("Sök i journaler"). */

// State

export interface JournalState {
  /** The case whose journal is in memory. */
  caseId: string | null;
  entries: JournalEntry[];
  loading: boolean;
  loaded: boolean;
  error: unknown;
  query: string;
  hits: JournalSearchHit[];
  /** How the hits are ordered: by relevance, or newest first when the words match very many entries. */
  order: JournalSearchResult['order'];
  /** The query the hits answer. */
  hitsFor: string;
  searching: boolean;
  searchError: unknown;
}

export function getEmptyState(): JournalState {
  return { caseId: null, entries: [], loading: false, loaded: false, error: null, query: '', hits: [], order: 'best_match', hitsFor: '', searching: false, searchError: null };
}

// Actions

interface JournalActions {
  load: (caseId: string) => Promise<void>;
  create: (input: { caseId: string; entryDate: string; text: string }) => Promise<JournalEntry>;
  updateDraft: (input: { id: string; entryDate: string; text: string }) => Promise<JournalEntry>;
  sign: (id: string) => Promise<JournalEntry>;
  correct: (input: { entryId: string; entryDate: string; text: string }) => Promise<JournalEntry>;
  deleteDraft: (id: string) => Promise<void>;
  setQuery: (query: string) => void;
  search: () => Promise<void>;
  reset: () => void;
}

/** The journal's order, as the main process gives it: entry date, then when written. */
function inOrder(entries: JournalEntry[]): JournalEntry[] {
  return [...entries].sort((a, b) => a.entryDate.localeCompare(b.entryDate) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

let searchSeq = 0;

export const useJournalStore = create<JournalState & JournalActions>()((set, get) => {
  /** Applies a change to the journal in memory if it is still the same case's. */
  const apply = (caseId: string, change: (entries: JournalEntry[]) => JournalEntry[]) => {
    if (get().caseId === caseId) set((s) => ({ entries: inOrder(change(s.entries)) }));
  };

  return {
    ...getEmptyState(),

    load: async (caseId) => {
      const ticket = takeTicket();
      set({ caseId, entries: get().caseId === caseId ? get().entries : [], loading: true, error: null, loaded: get().caseId === caseId && get().loaded });
      try {
        const entries = await invoke('journal.list', { caseId });
        if (!ticket.current() || get().caseId !== caseId) return;
        set({ entries, loading: false, loaded: true });
      } catch (err) {
        if (!ticket.current() || get().caseId !== caseId) return;
        set({ loading: false, error: err, loaded: true });
      }
    },

    create: async (input) => {
      const ticket = takeTicket();
      const entry = await invoke('journal.create', input);
      if (ticket.current()) apply(entry.caseId, (es) => [...es, entry]);
      return entry;
    },

    updateDraft: async (input) => {
      const ticket = takeTicket();
      const entry = await invoke('journal.updateDraft', input);
      if (ticket.current()) apply(entry.caseId, (es) => es.map((e) => (e.id === entry.id ? entry : e)));
      return entry;
    },

    sign: async (id) => {
      const ticket = takeTicket();
      const entry = await invoke('journal.sign', { id });
      if (ticket.current()) apply(entry.caseId, (es) => es.map((e) => (e.id === entry.id ? entry : e)));
      return entry;
    },

    correct: async (input) => {
      const ticket = takeTicket();
      const entry = await invoke('journal.correct', input);
      if (ticket.current()) apply(entry.caseId, (es) => [...es.map((e) => (e.id === input.entryId ? { ...e, correctedBy: [...e.correctedBy, entry.id] } : e)), entry]);
      return entry;
    },

    deleteDraft: async (id) => {
      const ticket = takeTicket();
      const caseId = get().caseId;
      await invoke('journal.deleteDraft', { id });
      if (ticket.current() && caseId) apply(caseId, (es) => es.filter((e) => e.id !== id).map((e) => (e.correctedBy.includes(id) ? { ...e, correctedBy: e.correctedBy.filter((x) => x !== id) } : e)));
    },

    setQuery: (query) => set({ query }),

    search: async () => {
      const query = get().query.trim();
      const seq = ++searchSeq;
      if (query.length === 0) {
        set({ hits: [], order: 'best_match', hitsFor: '', searching: false, searchError: null });
        return;
      }
      const ticket = takeTicket();
      set({ searching: true, searchError: null });
      try {
        const result = await invoke('journal.search', { query, limit: 50 });
        if (!ticket.current() || seq !== searchSeq) return;
        set({ hits: result.hits, order: result.order, hitsFor: query, searching: false });
      } catch (err) {
        if (!ticket.current() || seq !== searchSeq) return;
        set({ searching: false, searchError: err });
      }
    },

    reset: () => {
      searchSeq += 1;
      set(getEmptyState());
    },
  };
});

export const reset = () => useJournalStore.getState().reset();

// Selectors

const NO_ENTRIES: JournalEntry[] = [];
export const selectEntriesOf = (caseId: string) => (s: JournalState) => (s.caseId === caseId ? s.entries : NO_ENTRIES);
