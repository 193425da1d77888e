import { create } from 'zustand';
import { invoke } from '../../app/api-client';
import { takeTicket } from '../../app/session-epoch';
import type { ChannelInput } from '../../../src-main/api/contract';
import type { Decision } from '../../../src-main/features/decisions/contract';

/** The decisions (beslut) of the open case. */

// State

export interface DecisionsState {
  caseId: string | null;
  decisions: Decision[];
  loaded: boolean;
  error: unknown;
}

export function getEmptyState(): DecisionsState {
  return { caseId: null, decisions: [], loaded: false, error: null };
}

// Actions

interface DecisionsActions {
  load: (caseId: string) => Promise<void>;
  create: (input: ChannelInput<'decisions.create'>) => Promise<Decision>;
  reset: () => void;
}

function inOrder(list: Decision[]): Decision[] {
  return [...list].sort((a, b) => a.decisionDate.localeCompare(b.decisionDate) || a.createdAt.localeCompare(b.createdAt));
}

export const useDecisionsStore = create<DecisionsState & DecisionsActions>()((set, get) => ({
  ...getEmptyState(),

  load: async (caseId) => {
    const ticket = takeTicket();
    if (get().caseId !== caseId) set({ caseId, decisions: [], loaded: false });
    set({ error: null });
    try {
      const decisions = await invoke('decisions.list', { caseId });
      if (!ticket.current() || get().caseId !== caseId) return;
      set({ decisions, loaded: true });
    } catch (err) {
      if (!ticket.current() || get().caseId !== caseId) return;
      set({ error: err, loaded: true });
    }
  },

  create: async (input) => {
    const ticket = takeTicket();
    const decision = await invoke('decisions.create', input);
    if (ticket.current() && get().caseId === decision.caseId) set((s) => ({ decisions: inOrder([...s.decisions, decision]) }));
    return decision;
  },

  reset: () => set(getEmptyState()),
}));

export const reset = () => useDecisionsStore.getState().reset();

// Selectors

const NONE: Decision[] = [];
export const selectDecisionsOf = (caseId: string) => (s: DecisionsState) => (s.caseId === caseId ? s.decisions : NONE);
