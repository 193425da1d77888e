import type { Handlers } from '../../api/context.js';
import type { outcomesContract } from './contract.js';
import { deleteFollowup, listFollowups, saveFollowup } from './service.js';

export const outcomesHandlers: Handlers<typeof outcomesContract> = {
  'outcomes.list': (input, { session }) => listFollowups(session, input.caseId),
  'outcomes.save': (input, { session }) => saveFollowup(session, input),
  'outcomes.delete': (input, { session }) => deleteFollowup(session, input.id),
};
