import { invoke } from '../../app/api-client';
import { createCaseDocumentStore, emptyCaseDocumentState } from '../../app/case-document-stores';
import type { OutcomeFollowup } from '../../../src-main/features/outcomes/contract';

/** The open case's outcome follow-ups (keyed by case id). */
export const useOutcomesStore = createCaseDocumentStore<OutcomeFollowup[]>((caseId) => invoke('outcomes.list', { caseId }));
export const getEmptyState = () => emptyCaseDocumentState<OutcomeFollowup[]>();
export const reset = () => useOutcomesStore.getState().reset();
