import type { MonthPeriod } from '../../../domain/statistics-period.js';
import type { PlacementFigures } from '../contract.js';
import type { MonthCounts, Periods } from './counts.js';

function figures(counts: MonthCounts, period: MonthPeriod): PlacementFigures {
  const days = counts.values('placement_days', 'kind', period);
  const cost = counts.values('placement_cost', 'kind', period);
  const ended = counts.count('placements_ended', 'total', 'all', period);
  const lengthSum = counts.count('placements_ended', 'length_days', 'sum', period);
  return {
    started: counts.count('placements', 'total', 'all', period),
    adultDays: days.get('adult') ?? 0,
    childDays: days.get('child') ?? 0,
    costOre: (cost.get('adult') ?? 0) + (cost.get('child') ?? 0),
    ended,
    averageDays: ended === 0 ? null : Math.round((lengthSum / ended) * 10) / 10,
  };
}

/** Placements in protected housing: started, nights and cost in the period (adults and children), ended stays with their average length. */
export function placements(counts: MonthCounts, periods: Periods): { current: PlacementFigures; previous: PlacementFigures } {
  return { current: figures(counts, periods.current), previous: figures(counts, periods.previous) };
}
