/**
 * Periods and bands for statistics (pure). A period is a span of whole
 * months — the finest grain that ever leaves the unit — and is compared with
 * the same months a year earlier.
 */

export const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export interface MonthPeriod {
  /** First month, `YYYY-MM`, inclusive. */
  from: string;
  /** Last month, `YYYY-MM`, inclusive. */
  to: string;
}

/** The month `n` months after `month` (negative goes back). @example addMonths('2026-01', -1) // '2025-12' */
export function addMonths(month: string, n: number): string {
  const m = MONTH_PATTERN.exec(month);
  if (!m) throw new RangeError(`not a month: ${month}`);
  const index = Number(m[1]) * 12 + Number(m[2]) - 1 + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Every month from `from` to `to`, inclusive. */
export function monthsOf(period: MonthPeriod): string[] {
  const out: string[] = [];
  for (let m = period.from; m <= period.to; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** The same months one year earlier. */
export function sameTimeLastYear(period: MonthPeriod): MonthPeriod {
  return { from: addMonths(period.from, -12), to: addMonths(period.to, -12) };
}

/** First day of the first month and first day after the last month, for half-open date ranges. */
export function dateRange(period: MonthPeriod): { fromDate: string; beforeDate: string } {
  return { fromDate: `${period.from}-01`, beforeDate: `${addMonths(period.to, 1)}-01` };
}

/** Age bands of the international case-management conventions, so figures can be compared. */
export const AGE_BANDS = ['0-11', '12-17', '18-24', '25-44', '45-64', '65+', 'unknown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** The band of a person's age in the year of intake (only the birth year is used: the finest the register always has). */
export function ageBand(birthYear: number | null, year: number): AgeBand {
  if (birthYear === null) return 'unknown';
  const age = year - birthYear;
  if (age < 0 || age > 130) return 'unknown';
  if (age <= 11) return '0-11';
  if (age <= 17) return '12-17';
  if (age <= 24) return '18-24';
  if (age <= 44) return '25-44';
  if (age <= 64) return '45-64';
  return '65+';
}

/** The median of values given as a histogram (value → how many), or null when empty. */
export function medianOfHistogram(histogram: ReadonlyMap<number, number>): number | null {
  const entries = [...histogram.entries()].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const total = entries.reduce((a, [, n]) => a + n, 0);
  if (total === 0) return null;
  const at = (k: number) => {
    let seen = 0;
    for (const [v, n] of entries) {
      seen += n;
      if (seen > k) return v;
    }
    return entries[entries.length - 1]![0];
  };
  return total % 2 === 1 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
}

/**
 * Makes a text safe for a spreadsheet cell: a text starting with `=`, `+`,
 * `-`, `@`, tab or carriage return would be read as a formula, so it gets a
 * leading apostrophe.
 */
export function neutraliseCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
