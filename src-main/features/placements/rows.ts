import { priceTable, placementCostIn, type PricePeriod } from '../../domain/placement-cost.js';
import { placementFlags } from '../../domain/placement-rules.js';
import type { Placement, PlacementChild } from './contract.js';
import type { ChildRow, PlacementRow } from './queries.js';

export function childFromRow(r: ChildRow): PlacementChild {
  return {
    id: r.id,
    person: { id: r.person_id, firstName: r.first_name, lastName: r.last_name, protectionLevel: r.protection_level },
    startDate: r.start_date,
    endDate: r.end_date,
    decisionRef: r.decision_ref,
    consent: r.consent,
    consentGround: r.consent_ground,
    schooling: r.schooling,
    schoolingNote: r.schooling_note,
  };
}

/** The one place a placement row, its children and its shelter's prices become a `Placement`, costed through `today`. */
export function placementFromRow(r: PlacementRow, children: readonly ChildRow[], prices: readonly PricePeriod[], today: string): Placement {
  const kids = children.map(childFromRow);
  const cost = placementCostIn(
    {
      start: r.start_date,
      end: r.end_date,
      adultPriceOverrideOre: r.adult_price_override_ore,
      childPriceOverrideOre: r.child_price_override_ore,
      children: kids.map((k) => ({ start: k.startDate, end: k.endDate })),
    },
    priceTable(prices),
    today,
  );
  return {
    id: r.id,
    caseId: r.case_id,
    caseNumber: r.case_number,
    person: { id: r.person_id, firstName: r.first_name, lastName: r.last_name, protectionLevel: r.protection_level },
    shelter: { id: r.shelter_id, name: r.shelter_name, operatorType: r.operator_type },
    decisionDate: r.decision_date,
    decisionRef: r.decision_ref,
    startDate: r.start_date,
    plannedEndDate: r.planned_end_date,
    endDate: r.end_date,
    followUpDate: r.follow_up_date,
    adultPriceOverrideOre: r.adult_price_override_ore,
    childPriceOverrideOre: r.child_price_override_ore,
    priceOverrideReason: r.price_override_reason,
    endReason: r.end_reason,
    destination: r.destination,
    children: kids,
    cost,
    flags: placementFlags({ plannedEndDate: r.planned_end_date, endDate: r.end_date, followUpDate: r.follow_up_date }, today),
  };
}
