import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { luhnCheckDigit, parsePersonalNumber } from '../../../src-main/domain/personal-number.js';

const TODAY = new Date('2026-11-23T12:00:00Z');

describe('parsePersonalNumber', () => {
  it('accepts a valid personnummer in every common format and gives one canonical form', () => {
    for (const form of ['19121212-1212', '191212121212', '121212+1212', ' 19121212 1212 ']) {
      const r = parsePersonalNumber(form, TODAY);
      expect(r.ok, form).toBe(true);
      if (r.ok) {
        expect(r.value.canonical).toBe('19121212-1212');
        expect(r.value.kind).toBe('personnummer');
        expect(r.value.birthDate).toBe('1912-12-12');
      }
    }
  });

  it('refuses a wrong check digit', () => {
    expect(parsePersonalNumber('19121212-1213', TODAY)).toEqual({ ok: false, error: 'checksum' });
  });

  it('refuses a date that is not in the calendar, with a correct check digit', () => {
    // 19990230 with serial 123: compute the Luhn digit so only the date is wrong.
    const check = luhnCheckDigit('990230123');
    expect(parsePersonalNumber(`19990230-123${check}`, TODAY)).toEqual({ ok: false, error: 'date' });
    const feb29 = luhnCheckDigit('230229123');
    expect(parsePersonalNumber(`20230229-123${feb29}`, TODAY)).toEqual({ ok: false, error: 'date' });
    const leap = luhnCheckDigit('240229123');
    expect(parsePersonalNumber(`20240229-123${leap}`, TODAY).ok).toBe(true);
  });

  it('refuses a birth date in the future', () => {
    const check = luhnCheckDigit('271201123');
    expect(parsePersonalNumber(`20271201-123${check}`, TODAY)).toEqual({ ok: false, error: 'future' });
  });

  it('reads the century sign + as a person aged 100 or more', () => {
    const r = parsePersonalNumber('121212+1212', TODAY);
    expect(r.ok && r.value.canonical).toBe('19121212-1212');
    // Without '+', a 10-digit number means the most recent such date: 2012, a child.
    const dash = parsePersonalNumber('121212-1212', TODAY);
    expect(dash.ok && dash.value.canonical).toBe('20121212-1212');
    const noDash = parsePersonalNumber('1212121212', TODAY);
    expect(noDash.ok && noDash.value.canonical).toBe('20121212-1212');
    const young = luhnCheckDigit('100101123');
    const y = parsePersonalNumber(`100101-123${young}`, TODAY);
    expect(y.ok && y.value.canonical).toBe(`20100101-123${young}`);
    const old = parsePersonalNumber(`100101+123${young}`, TODAY);
    expect(old.ok && old.value.canonical).toBe(`19100101-123${young}`);
  });

  it('recognises a samordningsnummer (day + 60) and checks its real date', () => {
    const check = luhnCheckDigit('850172123');
    const r = parsePersonalNumber(`19850172-123${check}`, TODAY);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.kind).toBe('samordningsnummer');
      expect(r.value.birthDate).toBe('1985-01-12');
    }
    const bad = luhnCheckDigit('850292123'); // 29+60 → 1985-02-32? no: day 92-60 = 32
    expect(parsePersonalNumber(`19850292-123${bad}`, TODAY)).toEqual({ ok: false, error: 'date' });
  });

  it('refuses text that is not a number', () => {
    for (const s of ['', 'abc', '1912-12-12', '19121212-12', '19121212--1212']) {
      expect(parsePersonalNumber(s, TODAY)).toEqual({ ok: false, error: 'format' });
    }
  });

  it('property: changing any single digit of a valid number breaks it (the Luhn check catches it or the date does)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 9 }), (pos, delta) => {
        const digits = '121212121'.split('');
        const base = '121212121' + luhnCheckDigit('121212121');
        const arr = base.split('');
        arr[pos] = String((Number(arr[pos]) + delta) % 10);
        void digits;
        const changed = arr.join('');
        const r = parsePersonalNumber(`19${changed.slice(0, 6)}-${changed.slice(6)}`, TODAY);
        return !r.ok || r.value.canonical !== '19121212-1212';
      }),
    );
  });
});
