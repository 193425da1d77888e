import { sql, type Kysely } from 'kysely';

/**
 * The words of the journal, for a fast search of several words (issue 4).
 *
 * A search word is a prefix ("kontakt" finds "kontakten", "kontaktförbud").
 * FTS5 answers a prefix longer than its prefix indexes by merging the match
 * lists of every word that starts with it into one list in memory — for a
 * common word that is most of the index, on every search. Asked instead for
 * those words by name ("kontakt" OR "kontakten" OR …), it reads the lists as
 * it goes and stops at the page. For that the search must know which words
 * the journal holds that start with a prefix:
 *
 * - `journal_terms` lists them, as FTS5 folded them (lower case, no
 *   diacritics), one row each: a range of its primary key answers "which
 *   words start with kontakt" at once.
 * - The words of entries written since they were last gathered wait in
 *   `journal_terms_new`, a contentless FTS5 table with the journal's own
 *   tokenizer, filled by triggers on every write of a journal text — so no
 *   writer (the app, an import, a bulk load) can leave a word out; its
 *   vocabulary (`journal_terms_new_vocab`) is read alongside and moved into
 *   `journal_terms` after each write in the app (journal/terms.ts).
 *
 * The words are taken from the existing index. No data change.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE journal_terms (term TEXT PRIMARY KEY) WITHOUT ROWID`.execute(db);
  await sql`CREATE VIRTUAL TABLE journal_terms_new USING fts5(text, content = '', detail = none, tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
  await sql`CREATE VIRTUAL TABLE journal_terms_new_vocab USING fts5vocab(journal_terms_new, row)`.execute(db);
  await sql`CREATE TRIGGER journal_entries_terms_insert AFTER INSERT ON journal_entries BEGIN
    INSERT INTO journal_terms_new (text) VALUES (NEW.text);
  END`.execute(db);
  await sql`CREATE TRIGGER journal_entries_terms_update AFTER UPDATE OF text ON journal_entries WHEN NEW.text IS NOT OLD.text BEGIN
    INSERT INTO journal_terms_new (text) VALUES (NEW.text);
  END`.execute(db);
  await sql`CREATE VIRTUAL TABLE temp.journal_fts_vocab_0150 USING fts5vocab(main, journal_fts, row)`.execute(db);
  await sql`INSERT INTO journal_terms (term) SELECT term FROM temp.journal_fts_vocab_0150`.execute(db);
  await sql`DROP TABLE temp.journal_fts_vocab_0150`.execute(db);
}
