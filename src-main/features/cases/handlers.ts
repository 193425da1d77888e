import type { Handlers } from '../../api/context.js';
import type { casesContract } from './contract.js';
import { addPersonToCase, createCase, getCase, listCasePage, reassignCase, removePersonFromCase, setCaseStatus, updateCase } from './service.js';

export const casesHandlers: Handlers<typeof casesContract> = {
  'cases.create': (input, { session }) => createCase(session, input),
  'cases.list': (input, { session }) => listCasePage(session, input),
  'cases.get': (input, { session }) => getCase(session, input.id),
  'cases.update': (input, { session }) => updateCase(session, input),
  'cases.setStatus': (input, { session }) => setCaseStatus(session, input),
  'cases.reassign': (input, { session }) => reassignCase(session, input.id, input.workerId),
  'cases.addPerson': (input, { session }) => addPersonToCase(session, input.caseId, input.entry),
  'cases.removePerson': (input, { session }) => removePersonFromCase(session, input.caseId, input.personId, input.role),
};
