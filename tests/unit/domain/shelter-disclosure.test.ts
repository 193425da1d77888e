import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SHELTER_OUTPUTS, shelterForOutput, type ShelterFacts } from '../../../src-main/domain/shelter-disclosure.js';

function shelter(street: string, city: string): ShelterFacts {
  return {
    id: 's1', name: 'Jouren Linden', operatorType: 'womens_shelter', permitNumber: 'IVO 1-2', permitValidFrom: '2024-01-01', permitValidTo: null, capacity: 6,
    contactName: 'Kontakt Person', contactPhone: '010-123 45 67', contactEmail: 'jour@example.se', streetAddress: street, postalCode: '987 65', city, accessibilityNotes: 'Rullstol', archived: false,
  };
}

describe('shelter disclosure: which fields go where', () => {
  it('shows the address in the internal view and internal print only', () => {
    const s = shelter('Hemliga vägen 3', 'Dolda');
    expect(shelterForOutput(s, 'internal_view')).toMatchObject({ streetAddress: 'Hemliga vägen 3', addressWithheld: false });
    expect(shelterForOutput(s, 'internal_print')).toMatchObject({ streetAddress: 'Hemliga vägen 3', city: 'Dolda', addressWithheld: false });
    expect(shelterForOutput(s, 'client_copy')).toEqual({ name: 'Jouren Linden', contactPhone: '010-123 45 67', addressWithheld: true });
    expect(shelterForOutput(s, 'export')).toEqual({ id: 's1', operatorType: 'womens_shelter', capacity: 6, addressWithheld: true });
  });

  it('property: no client copy or export carries any part of the address or the contact person', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 4 }), fc.string({ minLength: 4 }), fc.constantFrom(...SHELTER_OUTPUTS), (street, city, output) => {
        const text = JSON.stringify(shelterForOutput(shelter(`Gata ${street}`, `Ort ${city}`), output));
        const carries = [JSON.stringify(`Gata ${street}`), JSON.stringify(`Ort ${city}`), '987 65', 'jour@example.se', 'Kontakt Person'].filter((t) => text.includes(t));
        return output === 'internal_view' || output === 'internal_print' ? carries.length === 5 : carries.length === 0;
      }),
    );
  });
});
