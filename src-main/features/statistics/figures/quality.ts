import { medianOfHistogram, type MonthPeriod } from '../../../domain/statistics-period.js';
import type { Dashboard, Share } from '../contract.js';
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

/** A yes/no dimension as a share. */
function yesShare(counts: MonthCounts, measure: string, dimension: string, periods: Periods): Share {
  const c = counts.values(measure, dimension, periods.current);
  const p = counts.values(measure, dimension, periods.previous);
  return { current: c.get('yes') ?? 0, currentOf: (c.get('yes') ?? 0) + (c.get('no') ?? 0), previous: p.get('yes') ?? 0, previousOf: (p.get('yes') ?? 0) + (p.get('no') ?? 0) };
}

/** New cases whose first risk assessment came within `days` of intake, of all new cases (the setting is applied here, so changing it needs no recount). */
function withinDays(counts: MonthCounts, periods: Periods, days: number): Share {
  const part = (period: MonthPeriod) => {
    let within = 0;
    let all = 0;
    for (const [value, n] of counts.values('new_cases', 'risk_assessment_days', period)) {
      all += n;
      if (value !== 'none' && Number(value) <= days) within += n;
    }
    return { within, all };
  };
  const c = part(periods.current);
  const p = part(periods.previous);
  return { current: c.within, currentOf: c.all, previous: p.within, previousOf: p.all };
}

/** The quality indicators of the unit's systematic follow-up. */
export function quality(counts: MonthCounts, periods: Periods, riskAssessmentDays: number): Dashboard['quality'] {
  const cur = firstContact(counts, periods.current);
  const prev = firstContact(counts, periods.previous);
  return {
    medianDaysToFirstContact: { current: cur.median, previous: prev.median, currentCases: cur.cases, previousCases: prev.cases },
    childrenWithOwnDecision: yesShare(counts, 'children', 'own_decision', periods),
    riskAssessmentWithinDays: withinDays(counts, periods, riskAssessmentDays),
    safetyPlan: yesShare(counts, 'new_cases', 'safety_plan', periods),
    accompanyingChildrenWithOwnDecision: yesShare(counts, 'placed_children', 'own_decision', periods),
  };
}
