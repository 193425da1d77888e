import type { Handlers } from '../../api/context.js';
import type { placementsContract } from './contract.js';
import { createPlacement, currentPlacements, endPlacement, getPlacement, listCasePlacements, listPersonPlacements, monthlyCost, placementReminders, setPlacementPlan, yearCost } from './service.js';

export const placementsHandlers: Handlers<typeof placementsContract> = {
  'placements.create': (input, { session }) => createPlacement(session, input),
  'placements.get': (input, { session }) => getPlacement(session, input.id),
  'placements.end': (input, { session }) => endPlacement(session, input),
  'placements.setPlan': (input, { session }) => setPlacementPlan(session, input),
  'placements.listForCase': (input, { session }) => listCasePlacements(session, input.caseId),
  'placements.listForPerson': (input, { session }) => listPersonPlacements(session, input.personId),
  'placements.current': (_input, { session }) => currentPlacements(session),
  'placements.reminders': (input, { session }) => placementReminders(session, input.withinDays),
  'placements.monthlyCost': (input, { session }) => monthlyCost(session, input.month),
  'placements.yearCost': (input, { session }) => yearCost(session, input.year),
};
