import { describe, expect, it } from 'vitest';
import { idSchema } from '../../../src-main/api/schemas.js';
import { byKey, orderedIds } from '../../../src-main/features/imports/bulk.js';

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

  it('orders rows by their key', () => {
    expect(byKey([{ k: 'b' }, { k: 'a' }, { k: 'c' }], (r) => r.k).map((r) => r.k)).toEqual(['a', 'b', 'c']);
  });
});
