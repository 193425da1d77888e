import { create } from 'zustand';
import { invoke } from '../../app/api-client';
import { takeTicket } from '../../app/session-epoch';
import type { ChannelInput } from '../../../src-main/api/contract';
import type { MonthlyCost, Placement, Reminder, YearCost } from '../../../src-main/features/placements/contract';

/** Placements: the open case's, the current ones, reminders, the monthly cost report and a person's history. */

// State

export interface PlacementsState {
  caseId: string | null;
  casePlacements: Placement[];
  caseLoaded: boolean;
  current: Placement[];
  reminders: Reminder[];
  overviewLoaded: boolean;
  monthly: MonthlyCost | null;
  yearly: YearCost | null;
  personId: string | null;
  history: Placement[];
  error: unknown;
}

export function getEmptyState(): PlacementsState {
  return { caseId: null, casePlacements: [], caseLoaded: false, current: [], reminders: [], overviewLoaded: false, monthly: null, yearly: null, personId: null, history: [], error: null };
}

// Actions

interface PlacementsActions {
  loadCase: (caseId: string) => Promise<void>;
  create: (input: ChannelInput<'placements.create'>) => Promise<Placement>;
  end: (input: ChannelInput<'placements.end'>) => Promise<Placement>;
  loadOverview: () => Promise<void>;
  loadMonthly: (month: string) => Promise<void>;
  loadYear: (year: number) => Promise<void>;
  loadHistory: (personId: string) => Promise<void>;
  reset: () => void;
}

function replace(list: Placement[], p: Placement): Placement[] {
  const others = list.filter((x) => x.id !== p.id);
  return [p, ...others].sort((a, b) => b.startDate.localeCompare(a.startDate));
}

export const usePlacementsStore = create<PlacementsState & PlacementsActions>()((set, get) => ({
  ...getEmptyState(),

  loadCase: async (caseId) => {
    const ticket = takeTicket();
    if (get().caseId !== caseId) set({ caseId, casePlacements: [], caseLoaded: false });
    set({ error: null });
    try {
      const casePlacements = await invoke('placements.listForCase', { caseId });
      if (ticket.current() && get().caseId === caseId) set({ casePlacements, caseLoaded: true });
    } catch (err) {
      if (ticket.current() && get().caseId === caseId) set({ error: err, caseLoaded: true });
    }
  },

  create: async (input) => {
    const ticket = takeTicket();
    const p = await invoke('placements.create', input);
    if (ticket.current() && get().caseId === p.caseId) set((s) => ({ casePlacements: replace(s.casePlacements, p) }));
    return p;
  },

  end: async (input) => {
    const ticket = takeTicket();
    const p = await invoke('placements.end', input);
    if (ticket.current() && get().caseId === p.caseId) set((s) => ({ casePlacements: replace(s.casePlacements, p) }));
    return p;
  },

  loadOverview: async () => {
    const ticket = takeTicket();
    try {
      const [current, reminders] = await Promise.all([invoke('placements.current'), invoke('placements.reminders', {})]);
      if (ticket.current()) set({ current, reminders, overviewLoaded: true, error: null });
    } catch (err) {
      if (ticket.current()) set({ error: err, overviewLoaded: true });
    }
  },

  loadMonthly: async (month) => {
    const ticket = takeTicket();
    try {
      const monthly = await invoke('placements.monthlyCost', { month });
      if (ticket.current()) set({ monthly, error: null });
    } catch (err) {
      if (ticket.current()) set({ error: err });
    }
  },

  loadYear: async (year) => {
    const ticket = takeTicket();
    try {
      const yearly = await invoke('placements.yearCost', { year });
      if (ticket.current()) set({ yearly, error: null });
    } catch (err) {
      if (ticket.current()) set({ error: err });
    }
  },

  loadHistory: async (personId) => {
    const ticket = takeTicket();
    if (get().personId !== personId) set({ personId, history: [] });
    try {
      const history = await invoke('placements.listForPerson', { personId });
      if (ticket.current() && get().personId === personId) set({ history });
    } catch (err) {
      if (ticket.current()) set({ error: err });
    }
  },

  reset: () => set(getEmptyState()),
}));

export const reset = () => usePlacementsStore.getState().reset();

// Selectors

const NONE: Placement[] = [];
export const selectPlacementsOf = (caseId: string) => (s: PlacementsState) => (s.caseId === caseId ? s.casePlacements : NONE);
export const selectHistoryOf = (personId: string) => (s: PlacementsState) => (s.personId === personId ? s.history : NONE);
