import { create } from 'zustand';
import { invoke } from '../../app/api-client';
import type { CaseFilters } from '../../app/navigation-store';
import { takeTicket } from '../../app/session-epoch';
import type { ChannelInput } from '../../../src-main/api/contract';
import type { CaseCreateInput, CaseDetail, CaseListItem, CaseListPage } from '../../../src-main/features/cases/contract';

/** Cases: the list (page by page, for the filters in the navigation store) and the case that is open. */

// State

export interface CasesState {
  items: CaseListItem[];
  next: CaseListPage['next'];
  /** The filters the list in memory answers. */
  listFilters: CaseFilters;
  loadingList: boolean;
  /** True once the first page for the current filters has arrived. */
  listLoaded: boolean;
  listError: unknown;
  current: CaseDetail | null;
  loadingCase: boolean;
  caseError: unknown;
}

export function getEmptyState(): CasesState {
  return { items: [], next: null, listFilters: {}, loadingList: false, listLoaded: false, listError: null, current: null, loadingCase: false, caseError: null };
}

// Actions

type Entry = ChannelInput<'cases.addPerson'>['entry'];

interface CasesActions {
  /** Loads the first page for the filters, replacing the list. */
  loadList: (filters: CaseFilters) => Promise<void>;
  /** Appends the next page (keyset: after the last row shown). */
  loadMore: () => Promise<void>;
  create: (input: CaseCreateInput) => Promise<CaseDetail>;
  /** Loads a case unless it is the one just created (already complete, and its creation is already logged). */
  open: (id: string) => Promise<void>;
  /** Forgets the open case when its view closes, so coming back reads it fresh. */
  close: () => void;
  update: (input: ChannelInput<'cases.update'>) => Promise<CaseDetail>;
  setStatus: (input: ChannelInput<'cases.setStatus'>) => Promise<CaseDetail>;
  reassign: (id: string, workerId: string) => Promise<CaseDetail>;
  addPerson: (caseId: string, entry: Entry) => Promise<CaseDetail>;
  removePerson: (caseId: string, personId: string, role: Entry['role']) => Promise<CaseDetail>;
  reset: () => void;
}

/** Rows per page: the list is virtualised, so a page may be large; the keyset keeps every page as quick as the first. */
export const PAGE_SIZE = 100;

let listSeq = 0;

export const useCasesStore = create<CasesState & CasesActions>()((set, get) => {
  /** Runs a change to the open case and keeps the answer if the case is still the one shown. */
  const change = async (id: string, call: () => Promise<CaseDetail>): Promise<CaseDetail> => {
    const ticket = takeTicket();
    const detail = await call();
    if (ticket.current() && get().current?.id === id) set({ current: detail });
    return detail;
  };

  return {
    ...getEmptyState(),

    loadList: async (filters) => {
      const ticket = takeTicket();
      const seq = ++listSeq;
      set({ listFilters: filters, loadingList: true, listError: null, items: [], next: null, listLoaded: false });
      try {
        const page = await invoke('cases.list', { limit: PAGE_SIZE, ...filters });
        if (!ticket.current() || seq !== listSeq) return;
        set({ items: page.items, next: page.next, loadingList: false, listLoaded: true });
      } catch (err) {
        if (!ticket.current() || seq !== listSeq) return;
        set({ loadingList: false, listError: err });
      }
    },

    loadMore: async () => {
      const { next, listFilters, loadingList } = get();
      if (!next || loadingList) return;
      const ticket = takeTicket();
      const seq = ++listSeq;
      set({ loadingList: true, listError: null });
      try {
        const page = await invoke('cases.list', { limit: PAGE_SIZE, ...listFilters, after: next });
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

    update: (input) => change(input.id, () => invoke('cases.update', input)),
    setStatus: (input) => change(input.id, () => invoke('cases.setStatus', input)),
    reassign: (id, workerId) => change(id, () => invoke('cases.reassign', { id, workerId })),
    addPerson: (caseId, entry) => change(caseId, () => invoke('cases.addPerson', { caseId, entry })),
    removePerson: (caseId, personId, role) => change(caseId, () => invoke('cases.removePerson', { caseId, personId, role })),

    reset: () => {
      listSeq += 1;
      set(getEmptyState());
    },
  };
});

export const reset = () => useCasesStore.getState().reset();

// Selectors

export const selectCurrentCase = (s: CasesState) => s.current;
export const selectHasMore = (s: CasesState) => s.next !== null;
