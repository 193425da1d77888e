import { invoke } from '../../app/api-client';
import { createCaseDocumentStore, emptyCaseDocumentState } from '../../app/case-document-stores';
import type { ActionPlan } from '../../../src-main/features/action-plans/contract';

/** The open case's action plans (keyed by case id). */
export const useActionPlansStore = createCaseDocumentStore<ActionPlan[]>((caseId) => invoke('actionPlans.list', { caseId }));
export const getEmptyState = () => emptyCaseDocumentState<ActionPlan[]>();
export const reset = () => useActionPlansStore.getState().reset();
