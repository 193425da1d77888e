import { vaultContract } from '../features/vault/contract.js';
import { personsContract } from '../features/persons/contract.js';
import { casesContract } from '../features/cases/contract.js';
import { settingsContract } from '../features/settings/contract.js';
import { backupsContract } from '../features/backups/contract.js';
import { workersContract } from '../features/workers/contract.js';
import { journalContract } from '../features/journal/contract.js';
import { decisionsContract } from '../features/decisions/contract.js';
import { servicesContract } from '../features/services/contract.js';
import { templatesContract } from '../features/templates/contract.js';
import { riskAssessmentsContract } from '../features/risk-assessments/contract.js';
import { checklistsContract } from '../features/checklists/contract.js';
import { safetyPlansContract } from '../features/safety-plans/contract.js';
import { actionPlansContract } from '../features/action-plans/contract.js';
import { printContract } from '../features/print/contract.js';
import { statisticsContract } from '../features/statistics/contract.js';
import { sheltersContract } from '../features/shelters/contract.js';
import { placementsContract } from '../features/placements/contract.js';
import { importsContract } from '../features/imports/contract.js';
import { privacyContract } from '../features/privacy/contract.js';
import { outcomesContract } from '../features/outcomes/contract.js';
import type { InputOf, OutputOf } from './channel.js';

/**
 * The one contract: every channel the renderer may call. A channel that is
 * not here does not exist. The renderer imports this file as types only.
 */
export const contract = {
  ...vaultContract,
  ...personsContract,
  ...casesContract,
  ...settingsContract,
  ...backupsContract,
  ...journalContract,
  ...decisionsContract,
  ...servicesContract,
  ...workersContract,
  ...templatesContract,
  ...riskAssessmentsContract,
  ...checklistsContract,
  ...safetyPlansContract,
  ...actionPlansContract,
  ...printContract,
  ...statisticsContract,
  ...sheltersContract,
  ...placementsContract,
  ...importsContract,
  ...privacyContract,
  ...outcomesContract,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<K extends Channel> = InputOf<Contract[K]>;
export type ChannelOutput<K extends Channel> = OutputOf<Contract[K]>;

/** The per-feature contracts, for the router's duplicate check. */
export const featureContracts = [vaultContract, personsContract, casesContract, settingsContract, backupsContract, journalContract, decisionsContract, servicesContract, workersContract, templatesContract, riskAssessmentsContract, checklistsContract, safetyPlansContract, actionPlansContract, printContract, sheltersContract, placementsContract, importsContract, statisticsContract, privacyContract, outcomesContract] as const;
