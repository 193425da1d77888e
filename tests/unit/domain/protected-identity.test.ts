import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addressForScreen, personForDocument } from '../../../src-main/domain/protected-identity.js';
import { PROTECTION_LEVELS } from '../../../src-main/domain/vocabulary.js';

const secret = { streetAddress: 'Gömdagatan 7', postalCode: '123 45', city: 'Hemligby' };

describe('protected identity: the address rules', () => {
  it('withholds a protected address on screen until deliberately shown, and shows others', () => {
    expect(addressForScreen('skyddad_folkbokforing', secret)).toEqual({ kind: 'withheld' });
    expect(addressForScreen('fingerade', secret)).toEqual({ kind: 'withheld' });
    expect(addressForScreen('sekretessmarkering', secret)).toEqual({ kind: 'shown', address: secret });
    expect(addressForScreen('none', secret)).toEqual({ kind: 'shown', address: secret });
    expect(addressForScreen('skyddad_folkbokforing', { streetAddress: null, postalCode: null, city: null })).toEqual({ kind: 'none' });
  });

  it('property: no document or export ever carries the address of a protected person, in any field', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PROTECTION_LEVELS), fc.string({ minLength: 3 }), fc.string({ minLength: 3 }), (level, street, city) => {
        const doc = personForDocument({ id: 'p1', firstName: 'A', lastName: 'B', protectionLevel: level, address: { streetAddress: `Gata ${street}`, postalCode: '11111', city: `Ort ${city}` } });
        const text = JSON.stringify(doc);
        if (level === 'skyddad_folkbokforing' || level === 'fingerade') {
          return doc.address === null && doc.addressWithheld && !text.includes(`Gata ${street}`) && !text.includes(`Ort ${city}`) && !text.includes('11111');
        }
        return doc.address?.streetAddress === `Gata ${street}`;
      }),
    );
  });
});
