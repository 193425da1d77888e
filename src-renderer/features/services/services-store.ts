import { create } from 'zustand';
import { invoke } from '../../app/api-client';
import { takeTicket } from '../../app/session-epoch';
import type { ChannelInput } from '../../../src-main/api/contract';
import type { Service, ServiceType } from '../../../src-main/features/services/contract';

/** The unit's list of services (insatser), and the services of the open case. */

// State

export interface ServicesState {
  types: ServiceType[];
  typesLoaded: boolean;
  typesError: unknown;
  caseId: string | null;
  services: Service[];
  loaded: boolean;
  error: unknown;
}

export function getEmptyState(): ServicesState {
  return { types: [], typesLoaded: false, typesError: null, caseId: null, services: [], loaded: false, error: null };
}

// Actions

interface ServicesActions {
  /** Reads the list once per session (the case view's forms need it); `force` reads it again (settings). */
  loadTypes: (force?: boolean) => Promise<void>;
  /** Adds, renames or (de)activates a type (samordnare only; the server decides). */
  saveType: (input: ChannelInput<'services.saveType'>) => Promise<ServiceType[]>;
  load: (caseId: string) => Promise<void>;
  create: (input: ChannelInput<'services.create'>) => Promise<Service>;
  end: (id: string, endDate: string) => Promise<Service>;
  reset: () => void;
}

function inOrder(list: Service[]): Service[] {
  return [...list].sort((a, b) => a.startDate.localeCompare(b.startDate) || a.createdAt.localeCompare(b.createdAt));
}

let typesInFlight: Promise<void> | null = null;

export const useServicesStore = create<ServicesState & ServicesActions>()((set, get) => ({
  ...getEmptyState(),

  loadTypes: async (force = false) => {
    if (!force && get().typesLoaded && !get().typesError) return;
    if (typesInFlight) return typesInFlight;
    const ticket = takeTicket();
    set({ typesError: null });
    typesInFlight = (async () => {
      try {
        const types = await invoke('services.types');
        if (ticket.current()) set({ types, typesLoaded: true });
      } catch (err) {
        if (ticket.current()) set({ typesError: err, typesLoaded: true });
      } finally {
        typesInFlight = null;
      }
    })();
    return typesInFlight;
  },

  saveType: async (input) => {
    const ticket = takeTicket();
    const types = await invoke('services.saveType', input);
    if (ticket.current()) set({ types, typesLoaded: true });
    return types;
  },

  load: async (caseId) => {
    const ticket = takeTicket();
    if (get().caseId !== caseId) set({ caseId, services: [], loaded: false });
    set({ error: null });
    try {
      const services = await invoke('services.list', { caseId });
      if (!ticket.current() || get().caseId !== caseId) return;
      set({ services, loaded: true });
    } catch (err) {
      if (!ticket.current() || get().caseId !== caseId) return;
      set({ error: err, loaded: true });
    }
  },

  create: async (input) => {
    const ticket = takeTicket();
    const service = await invoke('services.create', input);
    if (ticket.current() && get().caseId === service.caseId) set((s) => ({ services: inOrder([...s.services, service]) }));
    return service;
  },

  end: async (id, endDate) => {
    const ticket = takeTicket();
    const service = await invoke('services.end', { id, endDate });
    if (ticket.current() && get().caseId === service.caseId) set((s) => ({ services: s.services.map((x) => (x.id === id ? service : x)) }));
    return service;
  },

  reset: () => set(getEmptyState()),
}));

export const reset = () => useServicesStore.getState().reset();

// Selectors

const NONE: Service[] = [];
export const selectServicesOf = (caseId: string) => (s: ServicesState) => (s.caseId === caseId ? s.services : NONE);
