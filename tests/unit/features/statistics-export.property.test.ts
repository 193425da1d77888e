import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildExport } from '../../../src-main/features/statistics/export-sheet.js';
import { MonthCounts } from '../../../src-main/features/statistics/figures/counts.js';
import { dashboardFrom } from '../../../src-main/features/statistics/figures/dashboard.js';
import type { MonthCount } from '../../../src-main/features/statistics/queries.js';
import type { ExportCell } from '../../../src-main/features/statistics/contract.js';
import { INTAKE_SOURCES, GENDERS, CLOSING_REASONS } from '../../../src-main/domain/vocabulary.js';

/** A generated store, as monthly counts (how the store keeps them): small units with few cases, where suppression matters most. */
const store = fc
  .array(
    fc.record({
      month: fc.constantFrom('2024-01', '2024-02', '2024-03', '2025-01', '2025-02', '2025-03'),
      source: fc.constantFrom(...INTAKE_SOURCES.slice(0, 4)),
      gender: fc.constantFrom(...GENDERS),
      relation: fc.constantFrom('partner', 'ex_partner', 'unknown'),
      ageBand: fc.constantFrom('18-24', '25-44', 'unknown'),
      withService: fc.boolean(),
      closed: fc.option(fc.constantFrom(...CLOSING_REASONS.slice(0, 3)), { nil: null }),
      children: fc.integer({ min: 0, max: 2 }),
      ownDecision: fc.boolean(),
      outcome: fc.option(
        fc.record({
          services: fc.constantFrom(['support_talks'], ['none'], ['support_talks', 'protected_housing']),
          safety: fc.option(fc.integer({ min: -4, max: 4 }), { nil: null }),
          stoppedIn: fc.constantFrom('yes', 'partly', 'no', 'unknown'),
          stoppedOut: fc.constantFrom('yes', 'partly', 'no', 'unknown'),
          help: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
        }),
        { nil: null },
      ),
    }),
    { minLength: 0, maxLength: 60 },
  )
  .map((cases) => {
    const rows = new Map<string, MonthCount>();
    const add = (month: string, measure: string, dimension: string, value: string, n = 1) => {
      const key = `${month}|${measure}|${dimension}|${value}`;
      const r = rows.get(key) ?? { month, measure, dimension, value, count: 0 };
      r.count += n;
      rows.set(key, r);
    };
    for (const c of cases) {
      add(c.month, 'new_cases', 'total', 'all');
      add(c.month, 'new_cases', 'source', c.source);
      add(c.month, 'new_cases', 'gender', c.gender);
      add(c.month, 'new_cases', 'relation', c.relation);
      add(c.month, 'new_cases', 'age_band', c.ageBand);
      add(c.month, 'new_cases', 'with_service', c.withService ? 'yes' : 'no');
      if (c.closed) {
        add(c.month, 'closed_cases', 'total', 'all');
        add(c.month, 'closed_cases', 'closing_reason', c.closed);
      }
      if (c.closed && c.outcome) {
        // An outcome pair, as queries-outcomes.ts keeps it: once in `*`, once per service (or `none`).
        for (const g of ['*', ...c.outcome.services]) {
          add(c.month, 'outcomes', 'pairs', g);
          if (c.outcome.safety !== null) add(c.month, 'outcomes', 'safety_change', `${g}|${c.outcome.safety}`);
          add(c.month, 'outcomes', 'stopped_intake', `${g}|${c.outcome.stoppedIn}`);
          add(c.month, 'outcomes', 'stopped_closing', `${g}|${c.outcome.stoppedOut}`);
          if (c.outcome.help !== null) add(c.month, 'outcomes', 'help', `${g}|${c.outcome.help}`);
        }
      }
      for (let k = 0; k < c.children; k++) {
        add(c.month, 'children', 'exposure', 'witnessed');
        add(c.month, 'children', 'own_decision', c.ownDecision ? 'yes' : 'no');
      }
    }
    return [...rows.values()];
  });

/** The export's count tables, read back from its grid: title, column count rows, and the totals row if any. */
function countTables(rows: ExportCell[][]) {
  const tables: { title: string; body: ExportCell[][]; total: ExportCell[] | null }[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (r.length === 1 && rows[i + 1]?.[0] === '' && rows[i + 1]!.length > 1) {
      const body: ExportCell[][] = [];
      let total: ExportCell[] | null = null;
      for (let j = i + 2; j < rows.length && rows[j]!.length > 1; j++) {
        if (rows[j]![0] === 'Totalt') total = rows[j]!;
        else if (!String(rows[j]![0]).includes('per 10 000')) body.push(rows[j]!);
      }
      tables.push({ title: String(r[0]), body, total });
    }
  }
  return tables;
}

describe('statistics export over generated stores', () => {
  it('property: no count under the threshold is shown, and no column with a shown total has exactly one hidden count', () => {
    fc.assert(
      fc.property(store, fc.integer({ min: 3, max: 6 }), (rows, threshold) => {
        const period = { from: '2025-01', to: '2025-03' };
        const settings = { suppressionThreshold: threshold, adultPopulation: 20_000, riskAssessmentDays: 14 };
        const d = dashboardFrom(new MonthCounts(rows), period, settings, [{ code: 'support_talks', label: 'Stödsamtal' }]);
        const sheet = buildExport(d, new MonthCounts(rows), threshold, '2026-11');
        const hidden = (c: ExportCell) => c === `<${threshold}` || c === '..';
        const tables = countTables(sheet.rows);
        expect(tables.length + sheet.withheld.length).toBeGreaterThan(8);
        for (const t of tables) {
          if (t.title === 'Kvalitet') continue;
          for (const r of [...t.body, ...(t.total ? [t.total] : [])]) for (const c of r.slice(1)) if (typeof c === 'number') expect(c === 0 || c >= threshold, `${t.title}: ${c}`).toBe(true);
          if (!t.total) continue;
          for (let col = 1; col < t.total.length; col++) {
            if (typeof t.total[col] !== 'number') continue;
            expect(t.body.filter((r) => hidden(r[col]!)).length, `${t.title} column ${col}`).not.toBe(1);
          }
        }
        // The outcome table: a row whose count is not shown shows no mean or share; a shown figure has at least `threshold` people behind it —
        // the period's rows, its total, and the total of the same period a year earlier (last).
        const outcomes = tables.find((x) => x.title.startsWith('Utfall:'));
        if ((d.outcomes.total.pairs > 0 || d.outcomes.previousTotal.pairs > 0) && !sheet.withheld.includes('outcomes')) {
          expect(outcomes).toBeDefined();
          const groups = [...(d.outcomes.total.pairs > 0 ? d.outcomes.rows : []), d.outcomes.total, d.outcomes.previousTotal];
          expect(outcomes!.body).toHaveLength(groups.length);
          expect(outcomes!.body.at(-1)![0]).toBe('Samma period året innan, alla uppföljda');
          if (d.outcomes.previousTotal.pairs === 0) expect(outcomes!.body.at(-1)!.slice(1)).toEqual([0, '–', '–', '–', '–', '–']);
          outcomes!.body.forEach((r, i) => {
            const g = groups[i]!;
            if (typeof r[1] !== 'number') expect(r.slice(2)).toEqual(['..', '..', '..', '..', '..']);
            if (r[2] !== '..' && r[2] !== '–') expect(g.safetyChange.answered).toBeGreaterThanOrEqual(threshold);
            if (r[6] !== '..' && r[6] !== '–') expect(g.help.answered).toBeGreaterThanOrEqual(threshold);
            if (r[5] !== '..' && r[5] !== '–') expect(g.pairs).toBeGreaterThanOrEqual(threshold);
          });
          // Where the service rows add up to the total shown, no single row is hidden alone (it could be subtracted).
          const rowsOnly = outcomes!.body.slice(0, -2);
          if (d.outcomes.rows.reduce((a, r) => a + r.pairs, 0) === d.outcomes.total.pairs && typeof outcomes!.body.at(-2)![1] === 'number') {
            expect(rowsOnly.filter((r) => hidden(r[1]!)).length).not.toBe(1);
          }
        }
        // A rate per 10,000 is shown only beside a shown count.
        const keyRows = sheet.rows.filter((r) => String(r[0]).includes('per 10 000 vuxna'));
        const counts = sheet.rows.filter((r) => ['Öppnade ärenden', 'Öppnade ärenden med minst en insats', 'Avslutade ärenden med målet uppnått'].includes(String(r[0])));
        if (sheet.withheld.includes('key_figures')) return;
        keyRows.forEach((r, i) => [1, 2].forEach((col) => expect(typeof r[col] === 'number').toBe(typeof counts[i]![col] === 'number')));
        // The same figure is hidden everywhere or nowhere: opened cases in the key figures and the total of every breakdown of cases.
        const opened = counts[0]![1]!;
        for (const t of tables.filter((x) => ['Nya ärenden efter källa', 'Nya ärenden efter kön (huvudperson)', 'Nya ärenden per månad'].includes(x.title))) expect(hidden(t.total![1]!)).toBe(hidden(opened));
      }),
      { numRuns: 120 },
    );
  });
});
