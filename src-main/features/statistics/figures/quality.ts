import { medianOfHistogram, type MonthPeriod } from '../../../domain/statistics-period.js';
import type { Dashboard } from '../contract.js';
import type { MonthCounts, Periods } from './counts.js';

function firstContact(counts: MonthCounts, period: MonthPeriod): { median: number | null; cases: number } {
  const histogram = new Map<number, number>();
  let cases = 0;
  for (const [value, n] of counts.values('new_cases', 'first_contact_days', period)) {
    if (value === 'none') continue;
    histogram.set(Number(value), n);
    cases += n;
  }
  return { median: medianOfHistogram(histogram), cases };
}

/** Quality indicators that the records of this version can answer. */
export function quality(counts: MonthCounts, periods: Periods): Dashboard['quality'] {
  const cur = firstContact(counts, periods.current);
  const prev = firstContact(counts, periods.previous);
  const own = (p: MonthPeriod) => counts.values('children', 'own_decision', p);
  const c = own(periods.current);
  const p = own(periods.previous);
  return {
    medianDaysToFirstContact: { current: cur.median, previous: prev.median, currentCases: cur.cases, previousCases: prev.cases },
    childrenWithOwnDecision: { current: c.get('yes') ?? 0, currentOf: (c.get('yes') ?? 0) + (c.get('no') ?? 0), previous: p.get('yes') ?? 0, previousOf: (p.get('yes') ?? 0) + (p.get('no') ?? 0) },
  };
}

/**
 * Figure groups that need records other features bring (placements: count,
 * days, cost, length, where people went; risk levels; risk assessment within
 * the set days; share with a safety plan; accompanying children's decisions).
 * Each becomes a module here reading its own monthly counts when it lands.
 */
export const PENDING_GROUPS = ['placements', 'risk_levels', 'risk_assessment_within_days', 'safety_plan_share', 'accompanying_children_decisions'] as const;
