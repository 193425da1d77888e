import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { alternativeFor, effectiveThreshold, suppress, type CellRef, type CountTable, type Mark, type SuppressedTable } from '../../../src-main/domain/suppression.js';

const hiddenKinds = new Set(['primary', 'secondary']);

/** Every value of a suppressed table with where it sits and its true value, computed here from the counts. */
function values(table: CountTable, out: SuppressedTable): { ref: CellRef; mark: Mark; value: number }[] {
  const list: { ref: CellRef; mark: Mark; value: number }[] = [];
  const m = table.counts.length;
  const n = table.counts[0]!.length;
  let grand = 0;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      list.push({ ref: { kind: 'cell', row: i, col: j }, mark: out.cells[i]![j]!, value: table.counts[i]![j]! });
      grand += table.counts[i]![j]!;
    }
    list.push({ ref: { kind: 'rowTotal', row: i }, mark: out.rowTotals[i]!, value: table.counts[i]!.reduce((a, b) => a + b, 0) });
  }
  for (let j = 0; j < n; j++) list.push({ ref: { kind: 'colTotal', col: j }, mark: out.colTotals[j]!, value: table.counts.reduce((a, r) => a + r[j]!, 0) });
  list.push({ ref: { kind: 'grand' }, mark: out.grand, value: grand });
  return list;
}

function at(alt: { counts: number[][]; rowTotals: number[]; colTotals: number[]; grand: number }, ref: CellRef): number {
  switch (ref.kind) {
    case 'cell':
      return alt.counts[ref.row]![ref.col]!;
    case 'rowTotal':
      return alt.rowTotals[ref.row]!;
    case 'colTotal':
      return alt.colTotals[ref.col]!;
    case 'grand':
      return alt.grand;
  }
}

const smallCount = fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 6 }) }, { weight: 2, arbitrary: fc.integer({ min: 0, max: 30 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 500 }) });

const table2d = (id: string) =>
  fc.record({
    rows: fc.integer({ min: 1, max: 6 }),
    cols: fc.integer({ min: 1, max: 3 }),
    flags: fc.tuple(fc.boolean(), fc.boolean(), fc.boolean()),
    seed: fc.array(smallCount, { minLength: 18, maxLength: 18 }),
  }).map(({ rows, cols, flags, seed }): CountTable => ({
    id,
    counts: Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => seed[i * cols + j]!)),
    showRowTotals: flags[0],
    showColTotals: flags[1],
    showGrandTotal: flags[2],
  }));

/** Several one-column breakdowns of the same population: each shows the same total, shared between them. */
const sharedBreakdowns = fc
  .record({ parts: fc.array(fc.array(smallCount, { minLength: 1, maxLength: 7 }), { minLength: 2, maxLength: 3 }) })
  .map(({ parts }): CountTable[] => {
    const total = parts[0]!.reduce((a, b) => a + b, 0);
    return parts.map((p, k) => {
      // Re-partition the first breakdown's total into this one's categories.
      const counts = k === 0 ? [...p] : repartition(total, p);
      return { id: `breakdown_${k}`, counts: counts.map((c) => [c]), showRowTotals: false, showColTotals: true, showGrandTotal: false, shared: { population: { kind: 'colTotal', col: 0 } } };
    });
  });

function repartition(total: number, weights: number[]): number[] {
  const w = weights.map((x) => x + 1);
  const sum = w.reduce((a, b) => a + b, 0);
  const out = w.map((x) => Math.floor((total * x) / sum));
  out[0]! += total - out.reduce((a, b) => a + b, 0);
  return out;
}

const exports = fc.tuple(fc.array(table2d('t'), { minLength: 0, maxLength: 3 }), fc.option(sharedBreakdowns, { nil: undefined }), fc.integer({ min: 3, max: 7 })).map(([plain, shared, threshold]) => ({
  tables: [...plain.map((t, i) => ({ ...t, id: `table_${i}` })), ...(shared ?? [])],
  threshold,
}));

describe('suppression', () => {
  it('never goes below 3 and defaults to 5', () => {
    expect(effectiveThreshold(undefined)).toBe(5);
    expect(effectiveThreshold(2)).toBe(3);
    expect(effectiveThreshold(Number.NaN)).toBe(5);
    expect(effectiveThreshold(10)).toBe(10);
    expect(suppress([{ id: 'a', counts: [[1], [2]], showRowTotals: false, showColTotals: false, showGrandTotal: false }], 1).threshold).toBe(3);
  });

  it('hides a small count and also the one value that would give it away by subtraction', () => {
    // given a breakdown 12 / 3 with its total 15 shown
    const table: CountTable = { id: 'by_gender', counts: [[12], [3]], showRowTotals: false, showColTotals: true, showGrandTotal: false };
    // when suppressed at 5
    const out = suppress([table], 5).tables[0]!;
    // then the 3 is "<5" and the 12 is hidden too, while the total stays
    expect(out.cells[1]![0]).toEqual({ kind: 'primary' });
    expect(out.cells[0]![0]).toEqual({ kind: 'secondary' });
    expect(out.colTotals[0]).toEqual({ kind: 'shown', value: 15 });
  });

  it('does not leave two ones that the total pins down (1 + 1 = 2 with "<5" meaning at least 1)', () => {
    const table: CountTable = { id: 'x', counts: [[1], [1], [20]], showRowTotals: false, showColTotals: true, showGrandTotal: false };
    const out = suppress([table], 5).tables[0]!;
    // Either the 20 or the total is hidden as well: 22 − 20 = 2 would otherwise mean 1 and 1.
    expect(out.cells[2]![0]!.kind === 'secondary' || out.colTotals[0]!.kind !== 'shown').toBe(true);
  });

  it('hides a shared total in every table once one table has to hide it', () => {
    const a: CountTable = { id: 'a', counts: [[2], [1]], showRowTotals: false, showColTotals: true, showGrandTotal: false, shared: { n: { kind: 'colTotal', col: 0 } } };
    const b: CountTable = { id: 'b', counts: [[3]], showRowTotals: false, showColTotals: true, showGrandTotal: false, shared: { n: { kind: 'colTotal', col: 0 } } };
    const out = suppress([a, b], 5);
    expect(out.tables.map((t) => t.colTotals[0]!.kind)).toEqual(['primary', 'primary']);
  });

  it('property: no shown value is under the threshold, and every hidden value has another consistent table where it differs', () => {
    fc.assert(
      fc.property(exports, ({ tables, threshold }) => {
        const result = suppress(tables, threshold);
        const kept = tables.filter((t) => !result.withheld.includes(t.id));
        for (const [k, table] of kept.entries()) {
          const out = result.tables[k]!;
          expect(out.id).toBe(table.id);
          for (const v of values(table, out)) {
            if (v.mark.kind === 'shown') {
              expect(v.mark.value).toBe(v.value);
              expect(v.value === 0 || v.value >= threshold).toBe(true);
            }
            if (v.mark.kind === 'primary') expect(v.value >= 1 && v.value < threshold).toBe(true);
            if (v.mark.kind === 'secondary') expect(v.value).toBeGreaterThanOrEqual(threshold);
          }
        }
        // The proof, checked here without the module's own model.
        for (const [k, table] of kept.entries()) {
          const out = result.tables[k]!;
          for (const v of values(table, out)) {
            if (!hiddenKinds.has(v.mark.kind)) continue;
            const alt = alternativeFor(tables, threshold, table.id, v.ref);
            expect(alt, `${table.id} ${JSON.stringify(v.ref)} has no alternative`).not.toBeNull();
            expect(at(alt!.get(table.id)!, v.ref)).not.toBe(v.value);
            const sharedValues = new Map<string, number>();
            for (const [k2, t2] of kept.entries()) {
              const a = alt!.get(t2.id)!;
              // sums hold
              a.counts.forEach((row, i) => expect(row.reduce((x, y) => x + y, 0)).toBe(a.rowTotals[i]));
              a.colTotals.forEach((c, j) => expect(a.counts.reduce((x, r) => x + r[j]!, 0)).toBe(c));
              expect(a.rowTotals.reduce((x, y) => x + y, 0)).toBe(a.grand);
              for (const w of values(t2, result.tables[k2]!)) {
                const altValue = at(a, w.ref);
                expect(altValue).toBeGreaterThanOrEqual(0);
                if (w.mark.kind === 'shown') expect(altValue).toBe(w.value);
                if (w.mark.kind === 'primary') expect(altValue >= 1 && altValue < threshold).toBe(true);
                if (w.mark.kind === 'secondary') expect(altValue).toBeGreaterThanOrEqual(threshold);
              }
              for (const [key, ref] of Object.entries(t2.shared ?? {})) {
                const prev = sharedValues.get(key);
                if (prev !== undefined) expect(at(a, ref)).toBe(prev);
                sharedValues.set(key, at(a, ref));
              }
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('property: no row or column with a shown total has exactly one hidden value', () => {
    fc.assert(
      fc.property(exports, ({ tables, threshold }) => {
        const result = suppress(tables, threshold);
        for (const out of result.tables) {
          const isHidden = (m: Mark) => hiddenKinds.has(m.kind);
          out.cells.forEach((row, i) => {
            if (out.rowTotals[i]!.kind === 'shown') expect(row.filter(isHidden).length).not.toBe(1);
          });
          out.colTotals.forEach((c, j) => {
            if (c.kind === 'shown') expect(out.cells.map((r) => r[j]!).filter(isHidden).length).not.toBe(1);
          });
        }
      }),
      { numRuns: 200 },
    );
  });
});
