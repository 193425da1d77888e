/**
 * The one place that decides which facts about a shelter may appear in which
 * output — the shelter twin of `personForDocument` (protected-identity.ts).
 *
 * A shelter's street address is itself secret: it may appear only in the
 * internal view (after a deliberate, logged "show") and in an internal print
 * that stays in the office. A copy handed to the client may be found by the
 * person using violence, so it carries the name and the phone number to call,
 * never the address or the contact person's e-mail. An export (statistics,
 * board reports, other systems) carries what describes the kind of place, not
 * how to find it or reach it.
 */

export const SHELTER_OUTPUTS = ['internal_view', 'internal_print', 'client_copy', 'export'] as const;
export type ShelterOutput = (typeof SHELTER_OUTPUTS)[number];

export interface ShelterFacts {
  id: string;
  name: string;
  operatorType: string;
  permitNumber: string | null;
  permitValidFrom: string | null;
  permitValidTo: string | null;
  capacity: number | null;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  streetAddress: string | null;
  postalCode: string | null;
  city: string | null;
  accessibilityNotes: string | null;
  archived: boolean;
}

type Field = keyof ShelterFacts;

/** Which fields each output may carry; everything else is dropped. */
export const SHELTER_FIELDS_BY_OUTPUT: Readonly<Record<ShelterOutput, readonly Field[]>> = Object.freeze({
  internal_view: ['id', 'name', 'operatorType', 'permitNumber', 'permitValidFrom', 'permitValidTo', 'capacity', 'contactName', 'contactPhone', 'contactEmail', 'streetAddress', 'postalCode', 'city', 'accessibilityNotes', 'archived'],
  internal_print: ['id', 'name', 'operatorType', 'permitNumber', 'permitValidFrom', 'permitValidTo', 'capacity', 'contactName', 'contactPhone', 'contactEmail', 'streetAddress', 'postalCode', 'city', 'accessibilityNotes', 'archived'],
  client_copy: ['name', 'contactPhone'],
  export: ['id', 'operatorType', 'capacity'],
});

/** Fields that say where the shelter is. */
export const SHELTER_ADDRESS_FIELDS: readonly Field[] = ['streetAddress', 'postalCode', 'city'];

/**
 * The shelter as the given output may carry it: only the allowed fields,
 * and `addressWithheld` when an address exists but may not appear.
 *
 * @example shelterForOutput(s, 'client_copy') // { name, contactPhone, addressWithheld: true }
 */
export function shelterForOutput(shelter: ShelterFacts, output: ShelterOutput): Partial<ShelterFacts> & { addressWithheld: boolean } {
  const allowed = SHELTER_FIELDS_BY_OUTPUT[output];
  const out: Partial<Record<Field, unknown>> = {};
  for (const f of allowed) out[f] = shelter[f];
  const hasAddress = SHELTER_ADDRESS_FIELDS.some((f) => shelter[f] !== null && shelter[f] !== '');
  const addressAllowed = SHELTER_ADDRESS_FIELDS.every((f) => allowed.includes(f));
  return { ...(out as Partial<ShelterFacts>), addressWithheld: hasAddress && !addressAllowed };
}
