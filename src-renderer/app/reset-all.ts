import { endSessionEpoch } from './session-epoch';
import { reset as resetNavigation } from './navigation-store';
import { reset as resetVault } from '../features/vault/vault-store';
import { reset as resetPersons } from '../features/persons/persons-store';
import { reset as resetCases } from '../features/cases/cases-store';
import { reset as resetSettings } from '../features/settings/settings-store';
import { reset as resetWorkers } from '../features/workers/workers-store';
import { reset as resetJournal } from '../features/journal/journal-store';
import { reset as resetDecisions } from '../features/decisions/decisions-store';
import { reset as resetServices } from '../features/services/services-store';
import { reset as resetRiskAssessments } from '../features/risk-assessments/risk-assessments-store';
import { reset as resetChecklists } from '../features/checklists/checklists-store';
import { reset as resetSafetyPlans } from '../features/safety-plans/safety-plans-store';
import { reset as resetActionPlans } from '../features/action-plans/action-plans-store';
import { reset as resetStatistics } from '../features/statistics/statistics-store';
import { reset as resetShelters } from '../features/shelters/shelters-store';
import { reset as resetPlacements } from '../features/placements/placements-store';
import { reset as resetPrivacy } from '../features/privacy/privacy-store';
import { reset as resetOutcomes } from '../features/outcomes/outcomes-store';

/**
 * Every store that can hold data from an unlocked session. A new feature
 * store must be added here: the lock-down empties exactly this list, and the
 * renderer tests check it against every store's empty state.
 */
export const STORE_RESETS: readonly (() => void)[] = [resetVault, resetNavigation, resetPersons, resetCases, resetSettings, resetWorkers, resetJournal, resetDecisions, resetServices, resetRiskAssessments, resetChecklists, resetSafetyPlans, resetActionPlans, resetShelters, resetPlacements, resetStatistics, resetPrivacy, resetOutcomes];

/** Drops all case and person data from memory and stales every call still on its way. */
export function resetAllStores(): void {
  endSessionEpoch();
  for (const reset of STORE_RESETS) reset();
}
