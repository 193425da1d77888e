import { afterEach, describe, expect, it } from 'vitest';
import { createKysely, type SqliteHandle } from '../../../src-main/db/connection.js';
import { openPlainDemoDb } from '../../../src-main/demo/generate.js';
import { Rng } from '../../../src-main/demo/prng.js';
import { foldForSearch } from '../../../src-main/domain/search-text.js';
import { searchByNamePair, searchByNameTokens, searchTokenByToken } from '../../../src-main/features/persons/queries.js';
import type { CaseDetail, CaseListPage } from '../../../src-main/features/cases/contract.js';
import type { PersonSummary } from '../../../src-main/features/persons/contract.js';
import { call, unlockedApp } from '../../support/temp.js';
import { daysAgo, newPerson } from '../../support/casework.js';

const open: SqliteHandle[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

describe('case list filtered by violence type', () => {
  it("follows a case when its intake date or its violence types change", async () => {
    // given three cases with physical violence, taken in 40, 20 and 10 days ago
    const app = await unlockedApp();
    const victim = await newPerson(app, 'Fia', 'Exempelberg');
    const open3 = async (days: number, types: string[]) =>
      call<CaseDetail>(app.router, 'cases.create', { mainPersonId: victim.id, intakeDate: daysAgo(days), intakeSource: 'report_police', violenceTypes: types });
    const old = await open3(40, ['physical', 'economic']);
    const mid = await open3(20, ['physical']);
    const recent = await open3(10, ['physical']);
    const list = async (input: Record<string, unknown>) => (await call<CaseListPage>(app.router, 'cases.list', input)).items.map((i) => i.id);
    expect(await list({ violenceType: 'physical' })).toEqual([recent.id, mid.id, old.id]);
    // when the oldest case's intake date is corrected to 5 days ago
    await call(app.router, 'cases.update', { id: old.id, intakeDate: daysAgo(5), intakeSource: 'report_police', violenceTypes: ['physical', 'economic'] });
    // then it comes first in the filtered list, and a period filter sees its new date, not its old one
    expect(await list({ violenceType: 'physical' })).toEqual([old.id, recent.id, mid.id]);
    expect(await list({ violenceType: 'economic', from: daysAgo(7) })).toEqual([old.id]);
    expect(await list({ violenceType: 'economic', to: daysAgo(30) })).toEqual([]);
    // and the list without the type filter agrees on the order
    expect(await list({})).toEqual([old.id, recent.id, mid.id]);
    // and paging by the cursor goes on where the page ended
    const first = await call<CaseListPage>(app.router, 'cases.list', { violenceType: 'physical', limit: 2 });
    expect(first.items.map((i) => i.id)).toEqual([old.id, recent.id]);
    expect((await call<CaseListPage>(app.router, 'cases.list', { violenceType: 'physical', limit: 2, after: first.next })).items.map((i) => i.id)).toEqual([mid.id]);
    // when a case's types change, it leaves one type's list and joins another's
    await call(app.router, 'cases.update', { id: mid.id, intakeDate: daysAgo(20), intakeSource: 'report_police', violenceTypes: ['psychological'] });
    expect(await list({ violenceType: 'physical' })).toEqual([old.id, recent.id]);
    expect(await list({ violenceType: 'psychological' })).toEqual([mid.id]);
    // with other filters at the same time
    expect(await list({ violenceType: 'physical', status: 'intake', intakeSource: 'report_police' })).toEqual([old.id, recent.id]);
    expect(await list({ violenceType: 'physical', status: 'closed' })).toEqual([]);
    // and with the worker too (then the worker's index leads and the type is probed per case)
    expect(await list({ violenceType: 'physical', workerId: app.workerId, status: 'intake', intakeSource: 'report_police', from: daysAgo(12) })).toEqual([old.id, recent.id]);
    expect(await list({ violenceType: 'psychological', workerId: app.workerId, intakeSource: 'report_police' })).toEqual([mid.id]);
    expect(await list({ violenceType: 'physical', workerId: app.workerId, intakeSource: 'own_application' })).toEqual([]);
  });
});

describe('two-word person search', () => {
  it('finds by "first last", "last first" and a prefix of the second word, and follows a change of name', async () => {
    const app = await unlockedApp();
    const asa = await newPerson(app, 'Åsa', 'Östlund');
    await newPerson(app, 'Åsa', 'Berg');
    await newPerson(app, 'Anna', 'Östlund');
    const search = async (query: string) => (await call<PersonSummary[]>(app.router, 'persons.search', { query })).map((p) => `${p.firstName} ${p.lastName}`);
    expect(await search('asa ostlund')).toEqual(['Åsa Östlund']);
    expect(await search('Östlund Åsa')).toEqual(['Åsa Östlund']);
    expect(await search('asa ö')).toEqual(['Åsa Östlund']);
    expect(await search('ostl a')).toEqual(['Anna Östlund', 'Åsa Östlund']);
    // when Åsa Östlund changes her surname
    await call(app.router, 'persons.update', { id: asa.id, firstName: 'Åsa', lastName: 'Lindqvist', identity: { kind: 'none', birthYear: 1985 }, gender: 'kvinna', protectionLevel: 'none' });
    // then the new name finds her and the old one no longer does
    expect(await search('asa lindq')).toEqual(['Åsa Lindqvist']);
    expect(await search('asa ostlund')).toEqual([]);
    expect(await search('ostl a')).toEqual(['Anna Östlund']);
  });

  it('gives the same persons as the token-by-token search on generated persons, for every kind of two-word query', async () => {
    const { sqlite } = await openPlainDemoDb(':memory:', {
      size: 'small',
      profile: { persons: 4000, cases: 400 },
      seed: 11,
      now: new Date('2026-06-15T10:00:00Z'),
      firstWorker: { id: '0a0a0a0a-0a0a-4a0a-8a0a-0a0a0a0a0a0a', name: 'Vera Exempeldotter' },
    });
    open.push(sqlite);
    const db = createKysely(sqlite);
    const people = sqlite.prepare('SELECT first_name, last_name FROM persons ORDER BY rowid').all() as { first_name: string; last_name: string }[];
    const rng = new Rng(99);
    const prefix = (s: string) => s.slice(0, rng.int(1, s.length));
    const queries: string[] = ['a b', 'an be', 'anna anna', 'an anna', 'zz qq', 'e e'];
    for (let i = 0; i < 400; i++) {
      const p = rng.pick(people);
      const first = foldForSearch(p.first_name).split(/[\s\-']+/);
      const last = foldForSearch(p.last_name).split(/[\s\-']+/);
      const f = rng.pick(first);
      const l = rng.pick(last);
      const q = i % 6;
      queries.push(
        q === 0 ? `${f} ${l}` : q === 1 ? `${l} ${f}` : q === 2 ? `${f} ${prefix(l)}` : q === 3 ? `${prefix(l)} ${prefix(f)}` : q === 4 ? `${prefix(f)} ${prefix(rng.pick(people).last_name.toLowerCase())}` : `${first.join(' ')}`,
      );
    }
    let compared = 0;
    let byPairs = 0;
    for (const query of queries) {
      const words = foldForSearch(query).split(/[\s\-']+/).filter((w) => w.length > 0);
      if (words.length !== 2) continue;
      compared++;
      const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();
      // without a limit that cuts: exactly the same persons
      const all = ids(await searchTokenByToken(db, words, 100_000));
      expect(ids(await searchByNameTokens(db, words, 100_000)), query).toEqual(all);
      // with the app's limit: as many as there are up to the limit, every one a real match
      const page = ids(await searchByNameTokens(db, words, 25));
      expect(page.length, query).toBe(Math.min(25, all.length));
      for (const id of page) expect(all, query).toContain(id);
      if ((await searchByNamePair(db, words, 25)) !== undefined) byPairs++;
    }
    expect(compared).toBeGreaterThan(300);
    // and most of them were answered through the name pairs, not the fallback
    expect(byPairs).toBeGreaterThan(compared * 0.8);
  });
});
