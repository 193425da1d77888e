import { addDays } from '../../domain/placement-cost.js';
import type { PricePeriodView, ShelterDetail, ShelterSummary } from './contract.js';
import type { ShelterRow } from './queries.js';

export interface PriceRow {
  id: string;
  shelter_id: string;
  valid_from: string;
  adult_ore: number;
  child_ore: number;
}

/** A shelter's price periods, each ending the day before the next begins. */
export function pricePeriodsFromRows(rows: readonly PriceRow[]): PricePeriodView[] {
  return rows.map((r, i) => {
    const next = rows[i + 1];
    return { id: r.id, validFrom: r.valid_from, validTo: next ? addDays(next.valid_from, -1) : null, adultOre: r.adult_ore, childOre: r.child_ore };
  });
}

/** The price in force on `day`, or null before the first period. */
export function priceOn(rows: readonly PriceRow[], day: string): { adultOre: number; childOre: number } | null {
  let found: PriceRow | undefined;
  for (const r of rows) if (r.valid_from <= day) found = r;
  return found ? { adultOre: found.adult_ore, childOre: found.child_ore } : null;
}

export function shelterSummaryFromRow(
  row: { id: string; name: string; operator_type: ShelterSummary['operatorType']; capacity: number | null; permit_valid_to: string | null; archived_at: string | null },
  prices: readonly PriceRow[],
  occupiedToday: number,
  today: string,
): ShelterSummary {
  return {
    id: row.id,
    name: row.name,
    operatorType: row.operator_type,
    capacity: row.capacity,
    permitValidTo: row.permit_valid_to,
    archived: row.archived_at !== null,
    occupiedToday,
    currentPrice: priceOn(prices, today),
  };
}

/** The one place a shelter row becomes a `ShelterDetail` (the address never does). */
export function shelterDetailFromRow(row: ShelterRow, prices: readonly PriceRow[], occupiedToday: number, today: string): ShelterDetail {
  return {
    ...shelterSummaryFromRow(row, prices, occupiedToday, today),
    permitNumber: row.permit_number,
    permitValidFrom: row.permit_valid_from,
    contactName: row.contact_name,
    contactPhone: row.contact_phone,
    contactEmail: row.contact_email,
    wheelchairAccessible: row.wheelchair_accessible === 1,
    petsAllowed: row.pets_allowed === 1,
    boysMaxAge: row.boys_max_age,
    languages: row.languages,
    accessibilityNotes: row.accessibility_notes,
    hasAddress: Boolean(row.has_address),
    pricePeriods: pricePeriodsFromRows(prices),
  };
}
