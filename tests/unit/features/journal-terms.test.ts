import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { call, unlockedApp } from '../../support/temp.js';
import { daysAgo, newCase } from '../../support/casework.js';
import type { JournalEntry, JournalSearchResult } from '../../../src-main/features/journal/contract.js';
import { ftsMatchExpression } from '../../../src-main/features/journal/fts-query.js';
import { searchEntries } from '../../../src-main/features/journal/queries.js';
import { MAX_EXPANSIONS, journalMatchExpression } from '../../../src-main/features/journal/terms.js';
import { FRISTAD_APPLICATION_ID, createKysely, migrateToLatest, openSqlite } from '../../../src-main/db/connection.js';
import { tempDir } from '../../support/temp.js';

/** A small deterministic random source (the test must fail the same way every time). */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * Words from the languages a unit's notes hold, with the letters whose
 * folding could differ between JavaScript and FTS5: Swedish å ä ö, Danish
 * and Norwegian ø æ, Polish ł, German ß, Turkish ı İ, Arabic, digits.
 */
const STEMS = ['kontakt', 'kontaktförbud', 'Kontakten', 'beslut', 'Beslutet', 'beslutat', 'Östlund', 'ostlund', 'Åsa', 'Ängelholm', 'Søren', 'Ærø', 'Łukasz', 'łódź', 'Straße', 'strasse', 'Işık', 'İstanbul', 'سلام', 'سلامة', 'BUP', '112', '1123', 'Kronofogden', 'kronofogdens', 'vårdnadshavare', 'vårdnad'];

const texts = (n: number, seed: number): string[] => {
  const r = rng(seed);
  return Array.from({ length: n }, () => Array.from({ length: 3 + Math.floor(r() * 8) }, () => STEMS[Math.floor(r() * STEMS.length)]!).join(r() < 0.5 ? ' ' : ', ') + '.');
};

describe('journal search by the journal’s word list', () => {
  it('finds exactly the entries the plain prefix search finds, for every word and pair, whatever the letters', async () => {
    // given a journal written in several languages
    const app = await unlockedApp();
    const { caseDetail } = await newCase(app);
    for (const text of texts(60, 7)) await call(app.router, 'journal.create', { caseId: caseDetail.id, entryDate: daysAgo(1), text });
    const db = app.core.requireSession().db;

    // when every prefix of every word (and pairs of words) is searched both ways
    const queries = new Set<string>();
    for (const w of STEMS) for (let k = 2; k <= [...w].length; k++) queries.add([...w].slice(0, k).join(''));
    for (const a of STEMS) for (const b of ['kont', 'beslut', 'Östl', 'łuk', 'stra', 'سلا']) queries.add(`${a} ${b}`);
    const ids = async (match: string) => (await searchEntries(db, match, 1000)).rows.map((r) => r.id).sort();
    let expanded = 0;
    for (const q of queries) {
      const fast = (await journalMatchExpression(db, q))!;
      if (fast.includes(' OR ') || !fast.includes('*')) expanded++;
      // then the hits are the same
      expect(await ids(fast), `${q} → ${fast}`).toEqual(await ids(ftsMatchExpression(q)!));
    }
    // and most long words were asked for by name, not as prefixes
    expect(expanded).toBeGreaterThan(queries.size / 3);
  });

  it('asks for the words that start with a long search word by name; short words and unknown ones stay prefixes', async () => {
    const app = await unlockedApp();
    const { caseDetail } = await newCase(app);
    await call(app.router, 'journal.create', { caseId: caseDetail.id, entryDate: daysAgo(1), text: 'Kontakt med Kronofogden. Kontaktförbudet gäller; kontakten bröts.' });
    const db = app.core.requireSession().db;
    expect(await journalMatchExpression(db, 'kontakt')).toBe('("kontakt" OR "kontakten" OR "kontaktforbudet")');
    expect(await journalMatchExpression(db, 'KRONOFOGDEN kont')).toBe('"kronofogden" AND "kont"*');
    expect(await journalMatchExpression(db, 'okänt')).toBe('"okänt"*');
    expect(await journalMatchExpression(db, '  *^:()"  ')).toBeNull();
  });

  it('keeps a word that begins very many words as a prefix', async () => {
    const app = await unlockedApp();
    const { caseDetail } = await newCase(app);
    const many = Array.from({ length: MAX_EXPANSIONS + 1 }, (_, i) => `samtalsrum${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`);
    await call(app.router, 'journal.create', { caseId: caseDetail.id, entryDate: daysAgo(1), text: many.join(' ') });
    const db = app.core.requireSession().db;
    expect(await journalMatchExpression(db, 'samtalsrum')).toBe('"samtalsrum"*');
    expect((await call<JournalSearchResult>(app.router, 'journal.search', { query: 'samtalsrum' })).hits).toHaveLength(1);
  });

  it('finds words written past the app (an import, a bulk load) before they are gathered into the list', async () => {
    const app = await unlockedApp();
    const { caseDetail } = await newCase(app);
    const db = app.core.requireSession().db;
    await sql`INSERT INTO journal_entries (id, case_id, entry_date, author_id, text, status, signed_at, signed_by, corrects_entry_id, created_at, updated_at)
      VALUES ('imported-1', ${caseDetail.id}, '2026-01-02', ${app.workerId}, 'Överförd från Excel: skyddsbedömning klar.', 'draft', NULL, NULL, NULL, '2026-01-02T00:00:00Z', '2026-01-02T00:00:00Z')`.execute(db);
    expect(await db.selectFrom('journal_terms').select('term').where('term', '=', 'skyddsbedomning').execute()).toEqual([]);
    const result = await call<JournalSearchResult>(app.router, 'journal.search', { query: 'skyddsbedöm' });
    expect(result.hits.map((h) => h.entryId)).toEqual(['imported-1']);
    // and the next write in the app gathers them
    await call(app.router, 'journal.create', { caseId: caseDetail.id, entryDate: daysAgo(1), text: 'Nästa anteckning.' });
    expect(await db.selectFrom('journal_terms').select('term').where('term', '=', 'skyddsbedomning').execute()).toEqual([{ term: 'skyddsbedomning' }]);
  });

  it('forgets the words only a changed or deleted draft held, and keeps words other entries hold', async () => {
    // given a signed entry and a draft naming someone
    const app = await unlockedApp();
    const { caseDetail } = await newCase(app);
    const db = app.core.requireSession().db;
    const signed = await call<JournalEntry>(app.router, 'journal.create', { caseId: caseDetail.id, entryDate: daysAgo(2), text: 'Samtal om boendet.' });
    await call(app.router, 'journal.sign', { id: signed.id });
    const draft = await call<JournalEntry>(app.router, 'journal.create', { caseId: caseDetail.id, entryDate: daysAgo(1), text: 'Samtal med Felskrivsson om boendet.' });
    const terms = async () => (await db.selectFrom('journal_terms').select('term').where('term', 'in', ['felskrivsson', 'rattsson', 'samtal', 'boendet']).orderBy('term').execute()).map((r) => r.term);
    expect(await terms()).toEqual(['boendet', 'felskrivsson', 'samtal']);

    // when the misspelt name is corrected in the draft
    await call(app.router, 'journal.updateDraft', { id: draft.id, entryDate: daysAgo(1), text: 'Samtal med Rättsson om boendet.' });
    // then the old spelling is forgotten, the new one known
    expect(await terms()).toEqual(['boendet', 'rattsson', 'samtal']);
    expect((await call<JournalSearchResult>(app.router, 'journal.search', { query: 'felskrivsson' })).hits).toEqual([]);

    // when the draft is deleted
    await call(app.router, 'journal.deleteDraft', { id: draft.id });
    // then its own words go, the signed entry's stay
    expect(await terms()).toEqual(['boendet', 'samtal']);
    expect((await call<JournalSearchResult>(app.router, 'journal.search', { query: 'samtal boendet' })).hits.map((h) => h.entryId)).toEqual([signed.id]);
  });
});

describe('migration 0150-journal-terms', () => {
  it('lists the words of the entries written before, and a search of them finds those entries', async () => {
    // given a file at 0100 with journal entries
    const sqlite = openSqlite(join(tempDir(), 'fristad.db'), randomBytes(32), { create: true });
    sqlite.pragma(`application_id = ${FRISTAD_APPLICATION_ID}`);
    const db = createKysely(sqlite);
    await migrateToLatest(sqlite, db, '0100-drop-monthly-aggregates');
    const at = '2026-01-01T00:00:00Z';
    await sql`INSERT INTO workers (id, name, role, active, created_at) VALUES ('w1', 'Kvar Efter', 'samordnare', 1, ${at})`.execute(db);
    await sql`INSERT INTO persons (id, first_name, last_name, number_kind, personal_number, birth_year, gender, protection_level, created_at, created_by, updated_at)
      VALUES ('p1', 'Åsa', 'Östlund', 'none', NULL, 1980, 'kvinna', 'none', ${at}, 'w1', ${at})`.execute(db);
    await sql`INSERT INTO cases (id, case_number, main_person_id, intake_date, intake_source, status, assigned_worker_id, closed_at, created_at, created_by, updated_at)
      VALUES ('c1', '2026-0001', 'p1', '2026-01-05', 'islandsmodellen', 'ongoing', 'w1', NULL, ${at}, 'w1', ${at})`.execute(db);
    for (const [id, text] of [['e1', 'Kontaktförbud beviljat för Östlund.'], ['e2', 'Kontakten med polisen fungerar.']]) {
      await sql`INSERT INTO journal_entries (id, case_id, entry_date, author_id, text, status, signed_at, signed_by, corrects_entry_id, created_at, updated_at)
        VALUES (${id}, 'c1', '2026-02-01', 'w1', ${text}, 'signed', ${at}, 'w1', NULL, ${at}, ${at})`.execute(db);
    }

    // when migrated
    await migrateToLatest(sqlite, db);

    // then the words are listed as FTS5 folded them, and found by name
    expect((await sql<{ term: string }>`SELECT term FROM journal_terms ORDER BY term`.execute(db)).rows.map((r) => r.term)).toEqual(['beviljat', 'for', 'fungerar', 'kontakten', 'kontaktforbud', 'med', 'ostlund', 'polisen']);
    const match = (await journalMatchExpression(db, 'kontakt'))!;
    expect(match).toBe('("kontakten" OR "kontaktforbud")');
    expect((await searchEntries(db, match, 25)).rows.map((r) => r.id).sort()).toEqual(['e1', 'e2']);
    // and a later write goes through the waiting table into the list
    await sql`INSERT INTO journal_entries (id, case_id, entry_date, author_id, text, status, signed_at, signed_by, corrects_entry_id, created_at, updated_at)
      VALUES ('e3', 'c1', '2026-02-02', 'w1', 'Kontaktperson utsedd.', 'draft', NULL, NULL, NULL, ${at}, ${at})`.execute(db);
    expect(await journalMatchExpression(db, 'kontakt')).toBe('("kontakten" OR "kontaktforbud" OR "kontaktperson")');
    sqlite.close();
  });
});
