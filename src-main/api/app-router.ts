import type { Core } from '../core.js';
import { Router, feature } from './router.js';
import { vaultContract } from '../features/vault/contract.js';
import { vaultHandlers } from '../features/vault/handlers.js';
import { personsContract } from '../features/persons/contract.js';
import { personsHandlers } from '../features/persons/handlers.js';
import { casesContract } from '../features/cases/contract.js';
import { casesHandlers } from '../features/cases/handlers.js';
import { settingsContract } from '../features/settings/contract.js';
import { settingsHandlers } from '../features/settings/handlers.js';
import { backupsContract } from '../features/backups/contract.js';
import { backupsHandlers } from '../features/backups/handlers.js';
import { workersContract } from '../features/workers/contract.js';
import { workersHandlers } from '../features/workers/handlers.js';
import { journalContract } from '../features/journal/contract.js';
import { journalHandlers } from '../features/journal/handlers.js';
import { decisionsContract } from '../features/decisions/contract.js';
import { decisionsHandlers } from '../features/decisions/handlers.js';
import { servicesContract } from '../features/services/contract.js';
import { servicesHandlers } from '../features/services/handlers.js';
import { templatesContract } from '../features/templates/contract.js';
import { templatesHandlers } from '../features/templates/handlers.js';
import { riskAssessmentsContract } from '../features/risk-assessments/contract.js';
import { riskAssessmentsHandlers } from '../features/risk-assessments/handlers.js';
import { checklistsContract } from '../features/checklists/contract.js';
import { checklistsHandlers } from '../features/checklists/handlers.js';
import { safetyPlansContract } from '../features/safety-plans/contract.js';
import { safetyPlansHandlers } from '../features/safety-plans/handlers.js';
import { actionPlansContract } from '../features/action-plans/contract.js';
import { actionPlansHandlers } from '../features/action-plans/handlers.js';
import { printContract } from '../features/print/contract.js';
import { printHandlers } from '../features/print/handlers.js';
import { statisticsContract } from '../features/statistics/contract.js';
import { statisticsHandlers } from '../features/statistics/handlers.js';
import { sheltersContract } from '../features/shelters/contract.js';
import { sheltersHandlers } from '../features/shelters/handlers.js';
import { placementsContract } from '../features/placements/contract.js';
import { placementsHandlers } from '../features/placements/handlers.js';
import { importsContract } from '../features/imports/contract.js';
import { importsHandlers } from '../features/imports/handlers.js';
import { privacyContract } from '../features/privacy/contract.js';
import { privacyHandlers } from '../features/privacy/handlers.js';
import { outcomesContract } from '../features/outcomes/contract.js';
import { outcomesHandlers } from '../features/outcomes/handlers.js';

/** The router with every feature registered: what both transports serve. */
export function createAppRouter(core: Core): Router {
  return new Router(core, [
    feature(vaultContract, vaultHandlers),
    feature(personsContract, personsHandlers),
    feature(casesContract, casesHandlers),
    feature(settingsContract, settingsHandlers),
    feature(backupsContract, backupsHandlers),
    feature(workersContract, workersHandlers),
    feature(journalContract, journalHandlers),
    feature(decisionsContract, decisionsHandlers),
    feature(servicesContract, servicesHandlers),
    feature(templatesContract, templatesHandlers),
    feature(riskAssessmentsContract, riskAssessmentsHandlers),
    feature(checklistsContract, checklistsHandlers),
    feature(safetyPlansContract, safetyPlansHandlers),
    feature(actionPlansContract, actionPlansHandlers),
    feature(printContract, printHandlers),
    feature(statisticsContract, statisticsHandlers),
    feature(sheltersContract, sheltersHandlers),
    feature(placementsContract, placementsHandlers),
    feature(importsContract, importsHandlers),
    feature(privacyContract, privacyHandlers),
    feature(outcomesContract, outcomesHandlers),
  ]);
}
