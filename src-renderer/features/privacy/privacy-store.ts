import { create } from 'zustand';
import { invoke } from '../../app/api-client';
import { takeTicket } from '../../app/session-epoch';
import type { ChannelInput } from '../../../src-main/api/contract';
import type { LogRow, LogReview } from '../../../src-main/features/privacy/log-review';
import type { RetentionPreview, RetentionRunRecord } from '../../../src-main/features/privacy/retention';
import type { RegisterExtract } from '../../../src-main/features/privacy/extract';

/** The coordinator's privacy screens: log review, retention, register extract. (Their rules: settings-store.) */

// State

export type LogFilters = Omit<ChannelInput<'privacy.logSearch'>, 'after' | 'limit'> & { personLabel?: string; caseLabel?: string };

export interface PrivacyState {
  logFilters: LogFilters;
  logRows: LogRow[];
  logNext: { at: string; id: number } | null;
  logLoaded: boolean;
  logError: unknown;
  reviews: LogReview[];
  preview: RetentionPreview | null;
  previewError: unknown;
  runs: RetentionRunRecord[];
  extract: RegisterExtract | null;
  extractPersonId: string | null;
  extractError: unknown;
}

export function getEmptyState(): PrivacyState {
  return { logFilters: {}, logRows: [], logNext: null, logLoaded: false, logError: null, reviews: [], preview: null, previewError: null, runs: [], extract: null, extractPersonId: null, extractError: null };
}

// Actions

interface PrivacyActions {
  /** Replaces the filters and loads the first page. */
  searchLog: (filters: LogFilters) => Promise<void>;
  moreLog: () => Promise<void>;
  loadReviews: () => Promise<void>;
  saveReview: (input: ChannelInput<'privacy.logReviewSave'>) => Promise<LogReview>;
  loadRetention: () => Promise<void>;
  runRetention: (caseIds: string[]) => Promise<RetentionRunRecord>;
  hold: (caseId: string, reason: string) => Promise<void>;
  release: (caseId: string) => Promise<void>;
  loadExtract: (personId: string) => Promise<void>;
  clearExtract: () => void;
  reset: () => void;
}

function wire(filters: LogFilters): ChannelInput<'privacy.logSearch'> {
  const { personLabel: _p, caseLabel: _c, ...rest } = filters;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined && v !== '')) as ChannelInput<'privacy.logSearch'>;
}

export const usePrivacyStore = create<PrivacyState & PrivacyActions>()((set, get) => ({
  ...getEmptyState(),

  searchLog: async (filters) => {
    const ticket = takeTicket();
    set({ logFilters: filters, logError: null });
    try {
      const page = await invoke('privacy.logSearch', wire(filters));
      if (ticket.current()) set({ logRows: page.rows, logNext: page.next, logLoaded: true });
    } catch (err) {
      if (ticket.current()) set({ logError: err, logRows: [], logNext: null, logLoaded: true });
    }
  },

  moreLog: async () => {
    const { logNext, logFilters } = get();
    if (!logNext) return;
    const ticket = takeTicket();
    try {
      const page = await invoke('privacy.logSearch', { ...wire(logFilters), after: logNext });
      if (ticket.current()) set((s) => ({ logRows: [...s.logRows, ...page.rows], logNext: page.next }));
    } catch (err) {
      if (ticket.current()) set({ logError: err });
    }
  },

  loadReviews: async () => {
    const ticket = takeTicket();
    const reviews = await invoke('privacy.logReviews');
    if (ticket.current()) set({ reviews });
  },

  saveReview: async (input) => {
    const review = await invoke('privacy.logReviewSave', input);
    set((s) => ({ reviews: [review, ...s.reviews] }));
    return review;
  },

  loadRetention: async () => {
    const ticket = takeTicket();
    set({ previewError: null });
    try {
      const [preview, runs] = await Promise.all([invoke('privacy.retentionPreview'), invoke('privacy.retentionRuns')]);
      if (ticket.current()) set({ preview, runs });
    } catch (err) {
      if (ticket.current()) set({ previewError: err });
    }
  },

  runRetention: async (caseIds) => {
    const run = await invoke('privacy.retentionRun', { caseIds });
    await get().loadRetention();
    return run;
  },

  hold: async (caseId, reason) => {
    await invoke('privacy.retentionHold', { caseId, reason });
    await get().loadRetention();
  },

  release: async (caseId) => {
    await invoke('privacy.retentionRelease', { caseId });
    await get().loadRetention();
  },

  loadExtract: async (personId) => {
    const ticket = takeTicket();
    set({ extractPersonId: personId, extract: null, extractError: null });
    try {
      const extract = await invoke('privacy.extract', { personId });
      if (ticket.current()) set({ extract });
    } catch (err) {
      if (ticket.current()) set({ extractError: err });
    }
  },

  clearExtract: () => set({ extract: null, extractPersonId: null, extractError: null }),

  reset: () => set(getEmptyState()),
}));

export const reset = () => usePrivacyStore.getState().reset();

// Selectors

export const selectLogRows = (s: PrivacyState) => s.logRows;
export const selectPreview = (s: PrivacyState) => s.preview;
export const selectExtract = (s: PrivacyState) => s.extract;
