import { create } from 'zustand';
import { takeTicket } from './session-epoch';

/**
 * The shape shared by the stores of a case's documents (risk assessments,
 * checklists, safety plans, action plans): what one case holds, loaded by
 * one call, replaced after each save. An answer that arrives after a lock
 * or for another case is dropped.
 */
export interface CaseDocumentState<T> {
  key: string | null;
  data: T | null;
  loaded: boolean;
  error: unknown;
}

export interface CaseDocumentActions<T> {
  load: (key: string) => Promise<void>;
  /** Puts a fresh answer (after a save) in place, if it is still about the same key. */
  put: (key: string, data: T) => void;
  reset: () => void;
}

export function emptyCaseDocumentState<T>(): CaseDocumentState<T> {
  return { key: null, data: null, loaded: false, error: null };
}

export function createCaseDocumentStore<T>(fetch: (key: string) => Promise<T>) {
  return create<CaseDocumentState<T> & CaseDocumentActions<T>>()((set, get) => ({
    ...emptyCaseDocumentState<T>(),
    load: async (key) => {
      const ticket = takeTicket();
      if (get().key !== key) set({ key, data: null, loaded: false });
      set({ error: null });
      try {
        const data = await fetch(key);
        if (ticket.current() && get().key === key) set({ data, loaded: true });
      } catch (err) {
        if (ticket.current() && get().key === key) set({ error: err, loaded: true });
      }
    },
    put: (key, data) => {
      if (get().key === key) set({ data, loaded: true, error: null });
    },
    reset: () => set(emptyCaseDocumentState<T>()),
  }));
}
