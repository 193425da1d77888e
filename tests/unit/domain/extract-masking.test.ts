import { describe, expect, it } from 'vitest';
import { MASK, maskOthers } from '../../../src-main/domain/extract-masking.js';

const elin = { firstName: 'Elin', lastName: 'Påhittsdotter', personalNumber: '19870214-9821' };
const rolf = { firstName: 'Rolf', lastName: 'Exempelgren', personalNumber: '19830730-9852' };
const alva = { firstName: 'Alva', lastName: 'Påhittsdotter', personalNumber: '20160412-9831' };

describe('masking other people in an extract', () => {
  it('masks full names, first names, last names and numbers in any common form', () => {
    const r = maskOthers('Rolf Exempelgren ringde. Exempelgren (830730-9852) var arg; rolf hotade. 198307309852.', elin, [rolf]);
    expect(r.text).toBe(`${MASK} ringde. ${MASK} (${MASK}) var arg; ${MASK} hotade. ${MASK}.`);
    expect(r.masked).toBe(5);
    expect(r.text).not.toMatch(/Rolf|Exempelgren|9852/i);
  });

  it('keeps the subject\'s own name, also when a child shares it, but masks the child\'s first name', () => {
    const r = maskOthers('Elin Påhittsdotter och Alva kom till mötet.', elin, [alva]);
    expect(r.text).toBe(`Elin Påhittsdotter och ${MASK} kom till mötet.`);
  });

  it('does not mask inside other words', () => {
    expect(maskOthers('Rolfsson och Exempelgrenarna', elin, [rolf]).text).toBe('Rolfsson och Exempelgrenarna');
  });

  it('leaves text alone when there is nobody else', () => {
    expect(maskOthers('Samtal med Elin.', elin, [])).toEqual({ text: 'Samtal med Elin.', masked: 0 });
  });
});
