import { afterEach, describe, expect, it } from 'vitest';
import type { SqliteHandle } from '../../../src-main/db/connection.js';
import { openPlainDemoDb } from '../../../src-main/demo/generate.js';
import { staysOverlap } from '../../../src-main/domain/placement-rules.js';

const NOW = new Date('2026-06-15T10:00:00Z');
const open: SqliteHandle[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

describe('demo data: shelters and placements', () => {
  it('places about one case in five, with children of the case, never two stays of one person at once', async () => {
    const cases = 1500;
    const { sqlite } = await openPlainDemoDb(':memory:', { size: 'small', profile: { persons: cases * 2, cases, extraWorkers: 6 }, seed: 11, now: NOW, firstWorker: { id: '0a0a0a0a-0a0a-4a0a-8a0a-0a0a0a0a0a0a', name: 'Vera Exempeldotter' } });
    open.push(sqlite);
    const all = <T>(sql: string) => sqlite.prepare(sql).all() as T[];
    const placements = all<{ id: string; person_id: string; case_id: string; start_date: string; end_date: string | null }>('SELECT id, person_id, case_id, start_date, end_date FROM placements');
    expect(placements.length).toBeGreaterThan(cases * 0.15);
    expect(placements.length).toBeLessThan(cases * 0.25);
    // each is the case's main person; children on a placement are children of that case
    expect(all(`SELECT p.id FROM placements p JOIN cases c ON c.id = p.case_id WHERE c.main_person_id <> p.person_id`)).toEqual([]);
    expect(all(`SELECT pc.id FROM placement_children pc JOIN placements p ON p.id = pc.placement_id
      WHERE NOT EXISTS (SELECT 1 FROM case_persons cp WHERE cp.case_id = p.case_id AND cp.person_id = pc.person_id AND cp.role = 'child')`)).toEqual([]);
    expect(all<{ n: number }>('SELECT count(*) AS n FROM placement_children')[0]!.n).toBeGreaterThan(placements.length / 4);
    // no person holds two beds on one night
    const stays = [...placements.map((p) => ({ person: p.person_id, start: p.start_date, end: p.end_date })),
      ...all<{ person: string; start: string; end: string | null }>('SELECT pc.person_id AS person, pc.start_date AS start, coalesce(pc.end_date, p.end_date) AS end FROM placement_children pc JOIN placements p ON p.id = pc.placement_id')];
    const byPerson = new Map<string, typeof stays>();
    for (const s of stays) byPerson.set(s.person, [...(byPerson.get(s.person) ?? []), s]);
    for (const list of byPerson.values()) for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) expect(staysOverlap(list[i]!, list[j]!)).toBe(false);
    // ongoing stays are a small share with a follow-up, ended ones have a reason and a destination
    const ongoing = placements.filter((p) => p.end_date === null).length;
    expect(ongoing).toBeGreaterThan(0);
    expect(ongoing).toBeLessThan(placements.length * 0.2);
    expect(all(`SELECT id FROM placements WHERE (end_date IS NULL) <> (follow_up_date IS NOT NULL) OR (end_date IS NOT NULL AND destination IS NULL)`)).toEqual([]);
    // every shelter has a price for every year a stay can fall in
    expect(all(`SELECT p.id FROM placements p WHERE NOT EXISTS (SELECT 1 FROM shelter_price_periods s WHERE s.shelter_id = p.shelter_id AND s.valid_from <= p.start_date)`)).toEqual([]);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
  });
});
