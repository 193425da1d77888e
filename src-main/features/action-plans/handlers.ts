import type { Handlers } from '../../api/context.js';
import type { actionPlansContract } from './contract.js';
import { createActionPlan, listActionPlans, updateActionPlan } from './service.js';

export const actionPlansHandlers: Handlers<typeof actionPlansContract> = {
  'actionPlans.list': (input, { session }) => listActionPlans(session, input.caseId),
  'actionPlans.create': (input, { session }) => createActionPlan(session, input),
  'actionPlans.update': (input, { session }) => updateActionPlan(session, input),
};
