import type { Handlers } from '../../api/context.js';
import type { casesContract } from './contract.js';
import { createCase, getCase, listCasePage } from './service.js';

export const casesHandlers: Handlers<typeof casesContract> = {
  'cases.create': (input, { session }) => createCase(session, input),
  'cases.list': (input, { session }) => listCasePage(session, input),
  'cases.get': (input, { session }) => getCase(session, input.id),
};
