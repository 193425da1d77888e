import type { Handlers } from '../../api/context.js';
import type { safetyPlansContract } from './contract.js';
import { getSafetyPlan, getUnitNumbers, listSafetyPlans, saveSafetyPlan, setUnitNumbers } from './service.js';

export const safetyPlansHandlers: Handlers<typeof safetyPlansContract> = {
  'safetyPlans.list': (input, { session }) => listSafetyPlans(session, input.caseId),
  'safetyPlans.get': (input, { session }) => getSafetyPlan(session, input.id),
  'safetyPlans.save': (input, { session }) => saveSafetyPlan(session, input),
  'safetyPlans.unitNumbers': (_input, { session }) => getUnitNumbers(session),
  'safetyPlans.setUnitNumbers': (input, { session }) => setUnitNumbers(session, input.numbers),
};
