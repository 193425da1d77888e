import type { Handlers } from '../../api/context.js';
import type { safetyPlansContract } from './contract.js';
import { getSafetyPlan, listSafetyPlans, saveSafetyPlan } from './service.js';

export const safetyPlansHandlers: Handlers<typeof safetyPlansContract> = {
  'safetyPlans.list': (input, { session }) => listSafetyPlans(session, input.caseId),
  'safetyPlans.get': (input, { session }) => getSafetyPlan(session, input.id),
  'safetyPlans.save': (input, { session }) => saveSafetyPlan(session, input),
};
