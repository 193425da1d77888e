import { create } from 'zustand';
import { invoke } from '../../app/api-client';
import { takeTicket } from '../../app/session-epoch';
import type { CaseCreateInput, CaseDetail, CaseListItem, CaseListPage } from '../../../src-main/features/cases/contract';
import type { CaseStatus } from '../../../src-main/domain/vocabulary';

/** Cases: the list (page by page) and the case that is open. */

// State

export interface CasesState {
  items: CaseListItem[];
  next: CaseListPage['next'];
  statusFilter: CaseStatus | null;
  loadingList: boolean;
  /** True once the first page for the current filter has arrived. */
  listLoaded: boolean;
  listError: unknown;
  current: CaseDetail | null;
  loadingCase: boolean;
  caseError: unknown;
}

export function getEmptyState(): CasesState {
  return { items: [], next: null, statusFilter: null, loadingList: false, listLoaded: false, listError: null, current: null, loadingCase: false, caseError: null };
}

// Actions

interface CasesActions {
  /** Loads the first page for a filter, replacing the list. */
  loadList: (status: CaseStatus | null) => Promise<void>;
  /** Appends the next page (keyset: after the last row shown). */
  loadMore: () => Promise<void>;
  create: (input: CaseCreateInput) => Promise<CaseDetail>;
  /** Loads a case unless it is the one just created (already complete, and its creation is already logged). */
  open: (id: string) => Promise<void>;
  /** Forgets the open case when its view closes, so coming back reads it fresh. */
  close: () => void;
  reset: () => void;
}

export const PAGE_SIZE = 50;

let listSeq = 0;

export const useCasesStore = create<CasesState & CasesActions>()((set, get) => ({
  ...getEmptyState(),

  loadList: async (status) => {
    const ticket = takeTicket();
    const seq = ++listSeq;
    set({ statusFilter: status, loadingList: true, listError: null, items: [], next: null, listLoaded: false });
    try {
      const page = await invoke('cases.list', { limit: PAGE_SIZE, ...(status ? { status } : {}) });
      if (!ticket.current() || seq !== listSeq) return;
      set({ items: page.items, next: page.next, loadingList: false, listLoaded: true });
    } catch (err) {
      if (!ticket.current() || seq !== listSeq) return;
      set({ loadingList: false, listError: err });
    }
  },

  loadMore: async () => {
    const { next, statusFilter, loadingList } = get();
    if (!next || loadingList) return;
    const ticket = takeTicket();
    const seq = ++listSeq;
    set({ loadingList: true, listError: null });
    try {
      const page = await invoke('cases.list', { limit: PAGE_SIZE, after: next, ...(statusFilter ? { status: statusFilter } : {}) });
      if (!ticket.current() || seq !== listSeq) return;
      set((s) => ({ items: [...s.items, ...page.items], next: page.next, loadingList: false }));
    } catch (err) {
      if (!ticket.current() || seq !== listSeq) return;
      set({ loadingList: false, listError: err });
    }
  },

  create: async (input) => {
    const ticket = takeTicket();
    const created = await invoke('cases.create', input);
    if (ticket.current()) set({ current: created, caseError: null, loadingCase: false });
    return created;
  },

  open: async (id) => {
    const ticket = takeTicket();
    if (get().current?.id === id) return;
    set({ current: null, loadingCase: true, caseError: null });
    try {
      const detail = await invoke('cases.get', { id });
      if (!ticket.current()) return;
      set({ current: detail, loadingCase: false });
    } catch (err) {
      if (!ticket.current()) return;
      set({ loadingCase: false, caseError: err });
    }
  },

  close: () => set({ current: null, caseError: null, loadingCase: false }),

  reset: () => {
    listSeq += 1;
    set(getEmptyState());
  },
}));

export const reset = () => useCasesStore.getState().reset();

// Selectors

export const selectCurrentCase = (s: CasesState) => s.current;
export const selectHasMore = (s: CasesState) => s.next !== null;
