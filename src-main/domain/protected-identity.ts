import { isAddressProtected, type ProtectionLevel } from './vocabulary.js';

/**
 * The one place that decides whether a person's address may appear.
 *
 * Print and export never call the database for an address themselves: they
 * take a person through `personForDocument`, which drops the address of a
 * person with protected registration or fictitious identity — always, for
 * every kind of document and export. On screen, such an address is withheld
 * until the worker deliberately asks to see it (a logged read).
 */

export interface Address {
  streetAddress: string | null;
  postalCode: string | null;
  city: string | null;
}

export type ScreenAddress = { kind: 'shown'; address: Address } | { kind: 'withheld' } | { kind: 'none' };

function isEmpty(a: Address): boolean {
  return !a.streetAddress && !a.postalCode && !a.city;
}

/** The address as the person view may show it before any deliberate "show". */
export function addressForScreen(level: ProtectionLevel, address: Address): ScreenAddress {
  if (isEmpty(address)) return { kind: 'none' };
  if (isAddressProtected(level)) return { kind: 'withheld' };
  return { kind: 'shown', address };
}

/** A person as any printed document or export may carry them: never an address under protection. */
export function personForDocument<P extends { protectionLevel: ProtectionLevel; address?: Address | null }>(person: P): Omit<P, 'address'> & { address: Address | null; addressWithheld: boolean } {
  const { address, ...rest } = person;
  if (isAddressProtected(person.protectionLevel)) {
    return { ...rest, address: null, addressWithheld: address != null && !isEmpty(address) };
  }
  return { ...rest, address: address ?? null, addressWithheld: false };
}
