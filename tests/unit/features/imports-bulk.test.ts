import { describe, expect, it } from 'vitest';
import { idSchema } from '../../../src-main/api/schemas.js';
import { byKey, orderedIds } from '../../../src-main/features/imports/bulk.js';
import { namePairs, nameTokens } from '../../../src-main/features/persons/queries.js';

describe('ids and order of a bulk import', () => {
  it('makes ids that are valid UUIDs (version 7), sort in the order made, later imports after earlier ones, never twice', () => {
    const first = orderedIds(new Date('2026-11-23T10:00:00Z'));
    const a = Array.from({ length: 1000 }, () => first());
    expect(a.every((id) => idSchema.safeParse(id).success && id[14] === '7')).toBe(true);
    expect([...a].sort()).toEqual(a);
    const later = orderedIds(new Date('2026-11-23T10:00:01Z'))();
    expect(later > a.at(-1)!).toBe(true);
    const same = orderedIds(new Date('2026-11-23T10:00:00Z'));
    const b = Array.from({ length: 1000 }, () => same());
    expect(new Set([...a, ...b]).size).toBe(2000);
  });

  it('orders rows by their key, rows with the same key in the order given', () => {
    expect(byKey([{ k: 'b' }, { k: 'a' }, { k: 'c' }], (r) => r.k).map((r) => r.k)).toEqual(['a', 'b', 'c']);
    const rows = Array.from({ length: 500 }, (_, i) => ({ k: String.fromCharCode(97 + ((i * 7) % 5)), i }));
    const sorted = byKey(rows, (r) => r.k);
    expect(sorted.map((r) => r.k).join('')).toBe([...rows.map((r) => r.k)].sort().join(''));
    for (let j = 1; j < sorted.length; j++) if (sorted[j]!.k === sorted[j - 1]!.k) expect(sorted[j]!.i).toBeGreaterThan(sorted[j - 1]!.i);
  });

  it('makes the search keys of a name: folded tokens once each, in order, and every ordered pair', () => {
    expect(nameTokens('Anna-Karin', "O'Brien  Ånäs anna")).toEqual(['anna', 'karin', 'o', 'brien', 'anas']);
    expect(nameTokens('', '  ')).toEqual([]);
    expect(namePairs(['a', 'b', 'c'])).toEqual(['a b', 'a c', 'b a', 'b c', 'c a', 'c b']);
    expect(namePairs(['solo'])).toEqual([]);
  });
});
