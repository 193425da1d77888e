import { invoke } from '../../app/api-client';
import { createCaseDocumentStore, emptyCaseDocumentState } from '../../app/case-document-stores';
import type { RiskHistory } from '../../../src-main/features/risk-assessments/contract';

/** A person's risk-assessment history (keyed by person id). */
export const useRiskAssessmentsStore = createCaseDocumentStore<RiskHistory>((personId) => invoke('riskAssessments.history', { personId }));
export const getEmptyState = () => emptyCaseDocumentState<RiskHistory>();
export const reset = () => useRiskAssessmentsStore.getState().reset();
