import type { Handlers } from '../../api/context.js';
import type { sheltersContract } from './contract.js';
import { addPricePeriod, createShelter, getShelter, listShelters, revealShelterAddress, setShelterArchived, shelterOccupancy, updateShelter } from './service.js';

export const sheltersHandlers: Handlers<typeof sheltersContract> = {
  'shelters.list': (input, { session }) => listShelters(session, input.includeArchived ?? false),
  'shelters.get': (input, { session }) => getShelter(session, input.id),
  'shelters.revealAddress': (input, { session }) => revealShelterAddress(session, input.id),
  'shelters.create': (input, { session }) => createShelter(session, input),
  'shelters.update': (input, { session }) => updateShelter(session, input),
  'shelters.setArchived': (input, { session }) => setShelterArchived(session, input.id, input.archived),
  'shelters.addPricePeriod': (input, { session }) => addPricePeriod(session, input),
  'shelters.occupancy': (input, { session }) => shelterOccupancy(session, input.shelterId, input.from, input.to),
};
