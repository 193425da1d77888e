import type { Dashboard } from '../contract.js';
import type { MonthCounts } from './counts.js';

/** New cases per month of `year` against the same month of the year before. */
export function monthly(counts: MonthCounts, year: number): Dashboard['monthly'] {
  const per = counts.perMonth('new_cases', 'total', 'all');
  const key = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}`;
  return { year, months: Array.from({ length: 12 }, (_, i) => ({ month: i + 1, current: per.get(key(year, i + 1)) ?? 0, previous: per.get(key(year - 1, i + 1)) ?? 0 })) };
}
