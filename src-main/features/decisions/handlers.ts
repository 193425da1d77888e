import type { Handlers } from '../../api/context.js';
import type { decisionsContract } from './contract.js';
import { createDecision, listDecisions } from './service.js';

export const decisionsHandlers: Handlers<typeof decisionsContract> = {
  'decisions.list': (input, { session }) => listDecisions(session, input.caseId),
  'decisions.create': (input, { session }) => createDecision(session, input),
};
