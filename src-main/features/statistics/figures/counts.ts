import type { MonthPeriod } from '../../../domain/statistics-period.js';
import type { MonthCount } from '../queries.js';

/** Sums of monthly counts over periods: what every figure group reads. */
export class MonthCounts {
  /** Rows by measure and dimension, so a figure reads only its own (ten years hold some 27,000 rows). */
  readonly #byKey = new Map<string, MonthCount[]>();
  constructor(rows: readonly MonthCount[]) {
    for (const r of rows) {
      const key = `${r.measure}|${r.dimension}`;
      const list = this.#byKey.get(key);
      if (list) list.push(r);
      else this.#byKey.set(key, [r]);
    }
  }

  /** value → count for one measure and dimension, summed over the period's months. */
  values(measure: string, dimension: string, period: MonthPeriod): Map<string, number> {
    const out = new Map<string, number>();
    for (const r of this.#byKey.get(`${measure}|${dimension}`) ?? []) {
      if (r.month < period.from || r.month > period.to) continue;
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
    for (const r of this.#byKey.get(`${measure}|${dimension}`) ?? []) if (r.value === value) out.set(r.month, (out.get(r.month) ?? 0) + r.count);
    return out;
  }
}

/** The two periods every figure compares. */
export interface Periods {
  current: MonthPeriod;
  previous: MonthPeriod;
}
