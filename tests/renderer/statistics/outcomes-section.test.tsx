import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { OutcomesSection } from '../../../src-renderer/features/statistics/OutcomesSection';
import { dashboardFrom } from '../../../src-main/features/statistics/figures/dashboard';
import { MonthCounts } from '../../../src-main/features/statistics/figures/counts';
import type { MonthCount } from '../../../src-main/features/statistics/queries';

const SETTINGS = { suppressionThreshold: 3, adultPopulation: 20_000, riskAssessmentDays: 14 };

/** Outcome pairs as the store keeps them: once under `*` (all pairs) and once under their service; a safety change each. */
function pairs(month: string, service: string, safetyChanges: number[]): MonthCount[] {
  const rows: MonthCount[] = [];
  for (const g of ['*', service]) {
    rows.push({ month, measure: 'outcomes', dimension: 'pairs', value: g, count: safetyChanges.length });
    for (const c of safetyChanges) rows.push({ month, measure: 'outcomes', dimension: 'safety_change', value: `${g}|${c}`, count: 1 });
  }
  return rows;
}

const cells = (name: RegExp) => within(screen.getByRole('row', { name })).getAllByRole('cell').map((c) => c.textContent);

describe('the dashboard’s Utfall', () => {
  it('shows everyone followed up in the same period a year earlier under the period’s own total', () => {
    const counts = new MonthCounts([...pairs('2025-02', 'support_talks', [2, 1, 0, 1]), ...pairs('2024-03', 'support_talks', [3, 3, -1])]);
    const d = dashboardFrom(counts, { from: '2025-01', to: '2025-03' }, SETTINGS, [{ code: 'support_talks', label: 'Stödsamtal' }]);
    render(<OutcomesSection dashboard={d} />);
    expect(cells(/^Stödsamtal/).slice(0, 2)).toEqual(['4', '+1,0 (n = 4)']);
    expect(cells(/^Alla uppföljda/).slice(0, 2)).toEqual(['4', '+1,0 (n = 4)']);
    expect(cells(/^Året innan, alla uppföljda/).slice(0, 2)).toEqual(['3', '+1,7 (n = 3)']);
  });

  it('shows the year before also when the period has nobody followed up yet, and says so', () => {
    const counts = new MonthCounts(pairs('2024-02', 'support_talks', [1, 1, 1]));
    const d = dashboardFrom(counts, { from: '2025-01', to: '2025-03' }, SETTINGS, [{ code: 'support_talks', label: 'Stödsamtal' }]);
    render(<OutcomesSection dashboard={d} />);
    expect(screen.getByText(/Inga avslutade ärenden med uppföljning/)).toBeTruthy();
    expect(cells(/^Alla uppföljda/)).toEqual(['0', '–', '–', '–', '–', '–']);
    expect(cells(/^Året innan, alla uppföljda/).slice(0, 2)).toEqual(['3', '+1,0 (n = 3)']);
    expect(screen.queryByRole('row', { name: /^Stödsamtal/ })).toBeNull();
  });
});
