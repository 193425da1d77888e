import { invoke } from '../../app/api-client';
import { createCaseDocumentStore, emptyCaseDocumentState } from '../../app/case-document-stores';
import type { Checklist } from '../../../src-main/features/checklists/contract';

/** The open case's checklists (keyed by case id). */
export const useChecklistsStore = createCaseDocumentStore<Checklist[]>((caseId) => invoke('checklists.list', { caseId }));
export const getEmptyState = () => emptyCaseDocumentState<Checklist[]>();
export const reset = () => useChecklistsStore.getState().reset();
