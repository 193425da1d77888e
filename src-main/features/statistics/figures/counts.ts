import { monthsOf, type MonthPeriod } from '../../../domain/statistics-period.js';
import type { MonthCount } from '../queries.js';

/** Sums of monthly counts over periods: what every figure group reads. */
export class MonthCounts {
  readonly #rows: MonthCount[];
  constructor(rows: MonthCount[]) {
    this.#rows = rows;
  }

  /** value → count for one measure and dimension, summed over the period's months. */
  values(measure: string, dimension: string, period: MonthPeriod): Map<string, number> {
    const months = new Set(monthsOf(period));
    const out = new Map<string, number>();
    for (const r of this.#rows) {
      if (r.measure !== measure || r.dimension !== dimension || !months.has(r.month)) continue;
      out.set(r.value, (out.get(r.value) ?? 0) + r.count);
    }
    return out;
  }

  /** One value's count over the period (0 when none). */
  count(measure: string, dimension: string, value: string, period: MonthPeriod): number {
    return this.values(measure, dimension, period).get(value) ?? 0;
  }

  /** Count per month (`YYYY-MM` → count) for one measure, dimension and value. */
  perMonth(measure: string, dimension: string, value: string): Map<string, number> {
    const out = new Map<string, number>();
    for (const r of this.#rows) if (r.measure === measure && r.dimension === dimension && r.value === value) out.set(r.month, (out.get(r.month) ?? 0) + r.count);
    return out;
  }
}

/** The two periods every figure compares. */
export interface Periods {
  current: MonthPeriod;
  previous: MonthPeriod;
}
