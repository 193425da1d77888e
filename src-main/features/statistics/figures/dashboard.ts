import { sameTimeLastYear, type MonthPeriod } from '../../../domain/statistics-period.js';
import type { Dashboard, StatisticsSettings } from '../contract.js';
import { breakdowns } from './breakdowns.js';
import type { MonthCounts } from './counts.js';
import { keyFigures } from './key-figures.js';
import { monthly } from './monthly.js';
import { outcomeFigures } from './outcomes.js';
import { placements } from './placements.js';
import { quality } from './quality.js';

/** Every figure group of the dashboard from monthly counts (pure: no database). */
export function dashboardFrom(counts: MonthCounts, period: MonthPeriod, settings: StatisticsSettings, serviceTypes: { code: string; label: string }[]): Dashboard {
  const periods = { current: period, previous: sameTimeLastYear(period) };
  return {
    period,
    comparison: periods.previous,
    monthly: monthly(counts, Number(period.to.slice(0, 4))),
    keyFigures: keyFigures(counts, periods, settings.adultPopulation),
    breakdowns: breakdowns(counts, periods, serviceTypes),
    placements: placements(counts, periods),
    quality: quality(counts, periods, settings.riskAssessmentDays),
    outcomes: outcomeFigures(counts, periods, serviceTypes),
    settings,
  };
}
