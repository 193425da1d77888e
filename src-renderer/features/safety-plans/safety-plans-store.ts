import { invoke } from '../../app/api-client';
import { createCaseDocumentStore, emptyCaseDocumentState } from '../../app/case-document-stores';
import type { SafetyPlansOfCase } from '../../../src-main/features/safety-plans/contract';

/** The open case's safety plans (keyed by case id). */
export const useSafetyPlansStore = createCaseDocumentStore<SafetyPlansOfCase>((caseId) => invoke('safetyPlans.list', { caseId }));
export const getEmptyState = () => emptyCaseDocumentState<SafetyPlansOfCase>();
export const reset = () => useSafetyPlansStore.getState().reset();
