import { create } from 'zustand';

/**
 * Where the worker is. A small store instead of a router library: the app
 * has a handful of views and no addresses to share (a URL must never carry
 * a case or person id out of the app).
 */

// State

export type View =
  | { name: 'cases' }
  | { name: 'case'; caseId: string }
  | { name: 'case-new'; personId: string }
  | { name: 'persons' }
  | { name: 'person'; personId: string; notice?: 'already_registered' }
  | { name: 'person-new' }
  | { name: 'settings' };

export type Section = 'cases' | 'persons' | 'settings';

export interface NavigationState {
  view: View;
}

export function getEmptyState(): NavigationState {
  return { view: { name: 'cases' } };
}

// Actions

interface NavigationActions {
  navigate: (view: View) => void;
  reset: () => void;
}

export const useNavigationStore = create<NavigationState & NavigationActions>()((set) => ({
  ...getEmptyState(),
  navigate: (view) => set({ view }),
  reset: () => set(getEmptyState()),
}));

export const navigate = (view: View) => useNavigationStore.getState().navigate(view);
export const reset = () => useNavigationStore.getState().reset();

// Selectors

/** The top-level menu entry a view belongs to, for aria-current in the menu. */
export function sectionOf(view: View): Section {
  switch (view.name) {
    case 'cases':
    case 'case':
      return 'cases';
    case 'case-new': // opened from the person's page
    case 'persons':
    case 'person':
    case 'person-new':
      return 'persons';
    case 'settings':
      return 'settings';
  }
}

export const selectView = (s: NavigationState) => s.view;
export const selectSection = (s: NavigationState) => sectionOf(s.view);
