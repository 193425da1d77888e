import type { KeyFigure } from '../contract.js';
import type { MonthCounts, Periods } from './counts.js';

/** Per 10,000 adult inhabitants, one decimal. */
export function per10k(count: number, adults: number | null): number | null {
  return adults === null ? null : Math.round((count / adults) * 100_000) / 10;
}

/** The national key figures: cases opened, opened cases with at least one service, cases closed with the goal met. */
export function keyFigures(counts: MonthCounts, periods: Periods, adults: number | null): KeyFigure[] {
  const figure = (id: KeyFigure['id'], measure: string, dimension: string, value: string): KeyFigure => {
    const current = counts.count(measure, dimension, value, periods.current);
    const previous = counts.count(measure, dimension, value, periods.previous);
    return { id, current, previous, currentPer10k: per10k(current, adults), previousPer10k: per10k(previous, adults) };
  };
  return [
    figure('cases_opened', 'new_cases', 'total', 'all'),
    figure('cases_with_service', 'new_cases', 'with_service', 'yes'),
    figure('closed_goal_met', 'closed_cases', 'closing_reason', 'goal_met'),
  ];
}
