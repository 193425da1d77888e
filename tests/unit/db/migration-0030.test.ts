import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { FRISTAD_APPLICATION_ID, createKysely, migrateToLatest, openSqlite } from '../../../src-main/db/connection.js';
import { searchEntries } from '../../../src-main/features/journal/queries.js';
import { ftsMatchExpression } from '../../../src-main/features/journal/fts-query.js';
import { listCases } from '../../../src-main/features/cases/queries.js';
import { searchByNameTokens } from '../../../src-main/features/persons/queries.js';
import { tempDir } from '../../support/temp.js';

/** An encrypted file at 0020-casework holding a worker, two persons, two cases with violence types and three journal entries. */
async function fileAt0020() {
  const sqlite = openSqlite(join(tempDir(), 'fristad.db'), randomBytes(32), { create: true });
  sqlite.pragma(`application_id = ${FRISTAD_APPLICATION_ID}`);
  const db = createKysely(sqlite);
  await migrateToLatest(sqlite, db, '0020-casework');
  const at = '2026-01-01T00:00:00Z';
  await sql`INSERT INTO workers (id, name, role, active, created_at) VALUES ('w1', 'Kvar Efter', 'samordnare', 1, ${at})`.execute(db);
  for (const [id, first, last] of [['p1', 'Åsa', 'Östlund'], ['p2', 'Anna-Karin', 'Berg']]) {
    await sql`INSERT INTO persons (id, first_name, last_name, number_kind, personal_number, birth_year, gender, protection_level, created_at, created_by, updated_at)
      VALUES (${id}, ${first}, ${last}, 'none', NULL, 1980, 'kvinna', 'none', ${at}, 'w1', ${at})`.execute(db);
  }
  // The tokens the app wrote under 0020 (folded name parts).
  for (const [token, id] of [['asa', 'p1'], ['ostlund', 'p1'], ['anna', 'p2'], ['karin', 'p2'], ['berg', 'p2']]) {
    await sql`INSERT INTO person_search (token, person_id) VALUES (${token}, ${id})`.execute(db);
  }
  for (const [id, date] of [['c1', '2026-01-05'], ['c2', '2026-03-10']] as const) {
    await sql`INSERT INTO cases (id, case_number, main_person_id, intake_date, intake_source, status, assigned_worker_id, closed_at, created_at, created_by, updated_at)
      VALUES (${id}, ${`2026-000${id.slice(1)}`}, 'p1', ${date}, 'islandsmodellen', 'ongoing', 'w1', NULL, ${at}, 'w1', ${at})`.execute(db);
  }
  for (const [id, type] of [['c1', 'physical'], ['c1', 'psychological'], ['c2', 'physical']]) {
    await sql`INSERT INTO case_violence_types (case_id, violence_type) VALUES (${id}, ${type})`.execute(db);
  }
  const notes = [
    ['e1', 'c1', 'Kontaktförbud beviljat för Östlund efter hot i köket.'],
    ['e2', 'c1', 'Samtal om skyddat boende; kontakten med polisen fungerar.'],
    ['e3', 'c2', 'Barnen har börjat i Trappan.'],
  ];
  for (const [id, caseId, text] of notes) {
    await sql`INSERT INTO journal_entries (id, case_id, entry_date, author_id, text, status, signed_at, signed_by, corrects_entry_id, created_at, updated_at)
      VALUES (${id}, ${caseId}, '2026-02-01', 'w1', ${text}, 'signed', ${at}, 'w1', NULL, ${at}, ${at})`.execute(db);
  }
  return { sqlite, db };
}

const search = async (db: Parameters<typeof searchEntries>[0], query: string) => (await searchEntries(db, ftsMatchExpression(query)!, 25)).rows.map((r) => r.id).sort();

describe('migration 0030-search-speed', () => {
  it('rebuilds the full-text index with prefix indexes: the entries written before are found, by word, prefix and folded form', async () => {
    const { sqlite, db } = await fileAt0020();
    await migrateToLatest(sqlite, db, '0030-search-speed');
    expect(String((sqlite.prepare(`SELECT sql FROM sqlite_schema WHERE name = 'journal_fts'`).get() as { sql: string }).sql)).toMatch(/prefix\s*=\s*'2 3 4'/);
    expect(await search(db, 'kontakt')).toEqual(['e1', 'e2']);
    expect(await search(db, 'ko')).toEqual(['e1', 'e2']);
    expect(await search(db, 'ostlund')).toEqual(['e1']);
    expect(await search(db, 'trappan barn')).toEqual(['e3']);
    expect(() => sqlite.prepare(`INSERT INTO journal_fts (journal_fts, rank) VALUES ('integrity-check', 1)`).run()).not.toThrow();
    // and the triggers still keep the index in step with new, changed and deleted entries
    await sql`INSERT INTO journal_entries (id, case_id, entry_date, author_id, text, status, signed_at, signed_by, corrects_entry_id, created_at, updated_at)
      VALUES ('e4', 'c2', '2026-02-02', 'w1', 'Tolk bokad.', 'draft', NULL, NULL, NULL, '2026-02-02T00:00:00Z', '2026-02-02T00:00:00Z')`.execute(db);
    expect(await search(db, 'tolk')).toEqual(['e4']);
    await sql`UPDATE journal_entries SET text = 'Hyran betald.' WHERE id = 'e4'`.execute(db);
    expect(await search(db, 'tolk')).toEqual([]);
    expect(await search(db, 'hyr')).toEqual(['e4']);
    await sql`DELETE FROM journal_entries WHERE id = 'e4'`.execute(db);
    expect(await search(db, 'hyr')).toEqual([]);
    expect(() => sqlite.prepare(`INSERT INTO journal_fts (journal_fts, rank) VALUES ('integrity-check', 1)`).run()).not.toThrow();
    sqlite.close();
  });

  it("gives violence types their case's intake date, keeps it in step when the case's date changes, and lists by it", async () => {
    const { sqlite, db } = await fileAt0020();
    await migrateToLatest(sqlite, db, '0030-search-speed');
    expect(sqlite.prepare(`SELECT case_id, violence_type, intake_date FROM case_violence_types ORDER BY case_id, violence_type`).all()).toEqual([
      { case_id: 'c1', violence_type: 'physical', intake_date: '2026-01-05' },
      { case_id: 'c1', violence_type: 'psychological', intake_date: '2026-01-05' },
      { case_id: 'c2', violence_type: 'physical', intake_date: '2026-03-10' },
    ]);
    const physical = async (f: { from?: string; to?: string } = {}) => (await listCases(db, { violenceType: 'physical', limit: 10, ...f })).map((r) => r.id);
    expect(await physical()).toEqual(['c2', 'c1']);
    await sql`UPDATE cases SET intake_date = '2026-04-01' WHERE id = 'c1'`.execute(db);
    expect(sqlite.prepare(`SELECT DISTINCT intake_date FROM case_violence_types WHERE case_id = 'c1'`).all()).toEqual([{ intake_date: '2026-04-01' }]);
    expect(await physical()).toEqual(['c1', 'c2']);
    expect(await physical({ from: '2026-03-15' })).toEqual(['c1']);
    // a type row written without its date gets its case's date rather than falling out of the list
    await sql`INSERT INTO case_violence_types (case_id, violence_type) VALUES ('c2', 'sexual')`.execute(db);
    expect((await listCases(db, { violenceType: 'sexual', limit: 10 })).map((r) => r.id)).toEqual(['c2']);
    expect(sqlite.prepare(`SELECT intake_date FROM case_violence_types WHERE case_id = 'c2' AND violence_type = 'sexual'`).get()).toEqual({ intake_date: '2026-03-10' });
    // and the connection can still switch journal modes and checkpoint (as the demo generator and backups do)
    sqlite.pragma('journal_mode = MEMORY');
    sqlite.pragma('journal_mode = WAL');
    expect(() => sqlite.pragma('wal_checkpoint(TRUNCATE)')).not.toThrow();
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    sqlite.close();
  });

  it('derives the name pairs from the tokens already there, so two-word search finds persons registered before', async () => {
    const { sqlite, db } = await fileAt0020();
    await migrateToLatest(sqlite, db, '0030-search-speed');
    expect((sqlite.prepare(`SELECT pair FROM person_name_pairs WHERE person_id = 'p1' ORDER BY pair`).all() as { pair: string }[]).map((r) => r.pair)).toEqual(['asa ostlund', 'ostlund asa']);
    expect(sqlite.prepare(`SELECT count(*) AS n FROM person_name_pairs WHERE person_id = 'p2'`).get()).toEqual({ n: 6 });
    expect((await searchByNameTokens(db, ['ostl', 'asa'], 25)).map((r) => r.id)).toEqual(['p1']);
    expect((await searchByNameTokens(db, ['karin', 'be'], 25)).map((r) => r.id)).toEqual(['p2']);
    expect(await searchByNameTokens(db, ['asa', 'berg'], 25)).toEqual([]);
    sqlite.close();
  });
});
