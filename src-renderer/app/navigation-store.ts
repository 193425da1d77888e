import { create } from 'zustand';
import type { CaseStatus, IntakeSource, ViolenceType } from '../../src-main/domain/vocabulary';

/**
 * Where the worker is. A small store instead of a router library: the app
 * has a handful of views and no addresses to share (a URL must never carry
 * a case or person id out of the app). The case list's filters live here
 * too, so coming back to the list finds it as it was left.
 */

// State

export type View =
  | { name: 'cases' }
  /** `entryId`: a journal entry to bring into view (from the journal search). */
  | { name: 'case'; caseId: string; entryId?: string }
  /** The intake flow; `personId` preselects the main person (from the person's page). */
  | { name: 'case-new'; personId?: string }
  | { name: 'persons' }
  | { name: 'person'; personId: string; notice?: 'already_registered' | 'saved' }
  | { name: 'person-new' }
  | { name: 'person-edit'; personId: string }
  | { name: 'journal-search' }
  | { name: 'statistics' }
  | { name: 'settings' }
  | { name: 'shelters' }
  | { name: 'shelter'; shelterId: string }
  | { name: 'shelter-new' }
  | { name: 'shelter-edit'; shelterId: string }
  | { name: 'placements' }
  | { name: 'placements-import'; kind?: 'placement_log' | 'case_log' }
  /** The coordinator's privacy screens; `personId` preselects the person of a register extract. */
  | { name: 'privacy'; tab?: PrivacyTab; personId?: string };

export type PrivacyTab = 'workers' | 'log' | 'retention' | 'extract';

export type Section = 'cases' | 'persons' | 'placements' | 'shelters' | 'journal-search' | 'statistics' | 'settings' | 'privacy';

/** The case list's filters, as cases.list takes them (without paging). */
export interface CaseFilters {
  status?: CaseStatus;
  workerId?: string;
  violenceType?: ViolenceType;
  intakeSource?: IntakeSource;
  /** Intake period, inclusive, `YYYY-MM-DD`. */
  from?: string;
  to?: string;
}

export interface NavigationState {
  view: View;
  caseFilters: CaseFilters;
}

export function getEmptyState(): NavigationState {
  return { view: { name: 'cases' }, caseFilters: {} };
}

// Actions

interface NavigationActions {
  navigate: (view: View) => void;
  /** Replaces the case list's filters; an empty value removes that filter. */
  setCaseFilters: (filters: CaseFilters) => void;
  reset: () => void;
}

export const useNavigationStore = create<NavigationState & NavigationActions>()((set) => ({
  ...getEmptyState(),
  navigate: (view) => set({ view }),
  setCaseFilters: (filters) => set({ caseFilters: withoutEmpty(filters) }),
  reset: () => set(getEmptyState()),
}));

function withoutEmpty(filters: CaseFilters): CaseFilters {
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== '')) as CaseFilters;
}

export const navigate = (view: View) => useNavigationStore.getState().navigate(view);
export const reset = () => useNavigationStore.getState().reset();

// Selectors

/** The top-level menu entry a view belongs to, for aria-current in the menu. */
export function sectionOf(view: View): Section {
  switch (view.name) {
    case 'cases':
    case 'case':
    case 'case-new':
      return 'cases';
    case 'persons':
    case 'person':
    case 'person-new':
    case 'person-edit':
      return 'persons';
    case 'journal-search':
      return 'journal-search';
    case 'statistics':
      return 'statistics';
    case 'settings':
      return 'settings';
    case 'shelters':
    case 'shelter':
    case 'shelter-new':
    case 'shelter-edit':
      return 'shelters';
    case 'placements':
      return 'placements';
    case 'placements-import':
      return view.kind === 'case_log' ? 'cases' : 'placements';
    case 'privacy':
      return 'privacy';
  }
}

export const selectView = (s: NavigationState) => s.view;
export const selectSection = (s: NavigationState) => sectionOf(s.view);
export const selectCaseFilters = (s: NavigationState) => s.caseFilters;
