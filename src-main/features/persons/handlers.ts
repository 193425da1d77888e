import type { Handlers } from '../../api/context.js';
import type { personsContract } from './contract.js';
import { createPerson, getPerson, revealAddress, searchPersons, updatePerson } from './service.js';

export const personsHandlers: Handlers<typeof personsContract> = {
  'persons.create': (input, { session }) => createPerson(session, input),
  'persons.search': (input, { session }) => searchPersons(session, input.query, input.limit),
  'persons.get': (input, { session }) => getPerson(session, input.id),
  'persons.update': (input, { session }) => updatePerson(session, input),
  'persons.revealAddress': (input, { session }) => revealAddress(session, input.id),
};
