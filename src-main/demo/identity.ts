import { luhnCheckDigit } from '../domain/personal-number.js';
import type { Rng } from './prng.js';

/**
 * Identity numbers for demo people, all from Skatteverket's test range: the
 * birth numbers (the three-digit serial) 980–999 are reserved for test
 * personnummer and never issued, so no demo number can belong to a real
 * person. Samordningsnummer use the same serials with day of month + 60.
 */
export const TEST_SERIAL_MIN = 980;
export const TEST_SERIAL_MAX = 999;

export interface BirthDate {
  year: number;
  month: number;
  day: number;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Canonical `YYYYMMDD-NNNC`, as `parsePersonalNumber` stores it. */
export function testNumber(birth: BirthDate, serial: number, coordination: boolean): string {
  if (serial < TEST_SERIAL_MIN || serial > TEST_SERIAL_MAX) throw new Error('serial outside the test range');
  const mm = pad2(birth.month);
  const dd = pad2(coordination ? birth.day + 60 : birth.day);
  const nine = `${pad2(birth.year % 100)}${mm}${dd}${serial}`;
  return `${birth.year}${mm}${dd}-${serial}${luhnCheckDigit(nine)}`;
}

/** Whether a canonical number's serial lies in the test range. */
export function isTestRangeNumber(canonical: string): boolean {
  const m = /^\d{8}-(\d{3})\d$/.exec(canonical);
  if (!m) return false;
  const serial = Number(m[1]);
  return serial >= TEST_SERIAL_MIN && serial <= TEST_SERIAL_MAX;
}

/**
 * Hands out unique test numbers. Each birth date has only 20 test serials,
 * so on a clash it tries other serials of the same date, then a neighbouring date.
 */
export class TestNumberPool {
  readonly #used = new Set<string>();

  constructor(private readonly rng: Rng) {}

  take(birth: BirthDate, coordination: boolean): { canonical: string; birth: BirthDate } {
    let date = birth;
    for (let attempt = 0; attempt < 400; attempt++) {
      if (attempt > 0 && attempt % 20 === 0) date = shiftDays(date, attempt % 40 === 0 ? 1 : -1);
      const serial = this.rng.int(TEST_SERIAL_MIN, TEST_SERIAL_MAX);
      const canonical = testNumber(date, serial, coordination);
      if (!this.#used.has(canonical)) {
        this.#used.add(canonical);
        return { canonical, birth: date };
      }
    }
    throw new Error('no free test number near that birth date');
  }

  get size(): number {
    return this.#used.size;
  }
}

export function shiftDays(d: BirthDate, days: number): BirthDate {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day) + days * 86_400_000);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

export function birthFromTime(ms: number): BirthDate {
  const t = new Date(ms);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}
