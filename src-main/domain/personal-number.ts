/**
 * Swedish identity numbers: personnummer, samordningsnummer and reservnummer.
 * Pure functions, no I/O, shared by main and renderer.
 */
import { daysInMonth } from './dates.js';

export type NumberKind = 'personnummer' | 'samordningsnummer' | 'reservnummer';

export type PersonalNumberError =
  | 'format'
  | 'checksum'
  | 'date'
  | 'future';

export interface ParsedPersonalNumber {
  kind: 'personnummer' | 'samordningsnummer';
  /** Canonical form `YYYYMMDD-NNNC` (always the full century, always a dash). */
  canonical: string;
  /** Birth date as `YYYY-MM-DD` (for a samordningsnummer, day minus 60). */
  birthDate: string;
  birthYear: number;
}

export type ParseResult =
  | { ok: true; value: ParsedPersonalNumber }
  | { ok: false; error: PersonalNumberError };

/** Luhn check digit over the nine digits `YYMMDDNNN`. */
export function luhnCheckDigit(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < nineDigits.length; i++) {
    let d = nineDigits.charCodeAt(i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

const FULL = /^(\d{4})(\d{2})(\d{2})([-+]?)(\d{3})(\d)$/;
const SHORT = /^(\d{2})(\d{2})(\d{2})([-+]?)(\d{3})(\d)$/;

/**
 * Parses a personnummer or samordningsnummer in any common format
 * (`YYYYMMDD-NNNC`, `YYYYMMDDNNNC`, `YYMMDD-NNNC`, `YYMMDD+NNNC`, with spaces).
 * A 10-digit form takes its century from `today`: the most recent century in
 * which the person is not born in the future, pushed back 100 years by `+`.
 *
 * @example parsePersonalNumber('19121212-1212') // ok, personnummer
 */
export function parsePersonalNumber(input: string, today: Date = new Date()): ParseResult {
  const raw = input.replace(/\s+/g, '');
  let year: number;
  let month: number;
  let day: number;
  let serial: string;
  let check: number;
  let plus = false;
  const full = FULL.exec(raw);
  const short = full ? null : SHORT.exec(raw);
  if (full) {
    year = Number(full[1]);
    month = Number(full[2]);
    day = Number(full[3]);
    plus = full[4] === '+';
    serial = full[5]!;
    check = Number(full[6]);
  } else if (short) {
    const yy = Number(short[1]);
    month = Number(short[2]);
    day = Number(short[3]);
    plus = short[4] === '+';
    serial = short[5]!;
    check = Number(short[6]);
    const thisYear = today.getUTCFullYear();
    year = Math.floor(thisYear / 100) * 100 + yy;
    if (year > thisYear) year -= 100;
    if (plus) year -= 100;
  } else {
    return { ok: false, error: 'format' };
  }
  const yymmdd = `${String(year % 100).padStart(2, '0')}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
  if (luhnCheckDigit(yymmdd + serial) !== check) return { ok: false, error: 'checksum' };

  let kind: ParsedPersonalNumber['kind'] = 'personnummer';
  let realDay = day;
  if (day > 60) {
    kind = 'samordningsnummer';
    realDay = day - 60;
  }
  if (!isRealDate(year, month, realDay)) return { ok: false, error: 'date' };
  const birth = Date.UTC(year, month - 1, realDay);
  if (birth > today.getTime()) return { ok: false, error: 'future' };
  if (full && plus) {
    // A full-century form with '+' must really be 100 or older.
    const hundredth = Date.UTC(year + 100, month - 1, realDay);
    if (hundredth > today.getTime()) return { ok: false, error: 'format' };
  }
  const mm = String(month).padStart(2, '0');
  const dd = String(day).padStart(2, '0');
  return {
    ok: true,
    value: {
      kind,
      canonical: `${year}${mm}${dd}-${serial}${check}`,
      birthDate: `${year}-${mm}-${String(realDay).padStart(2, '0')}`,
      birthYear: year,
    },
  };
}

/**
 * Digits of a number as typed, for search: `19121212-1212`, `121212-1212` and
 * `191212121212` all give a string a LIKE-free index lookup can use.
 * Returns the canonical form when the input parses, else null.
 */
export function canonicalPersonalNumber(input: string, today: Date = new Date()): string | null {
  const r = parsePersonalNumber(input, today);
  return r.ok ? r.value.canonical : null;
}

/** A reservnummer is free text: trimmed, 1–40 printable characters. */
export function normaliseReserveNumber(input: string): string | null {
  const t = input.trim().replace(/\s+/g, ' ');
  if (t.length < 1 || t.length > 40) return null;
  if (/[\u0000-\u001f]/.test(t)) return null;
  return t;
}
