import { sql, type Kysely } from 'kysely';

/**
 * Speed of the searches at the large scale (issue 4):
 *
 * - The journal's full-text index is made again with prefix indexes for
 *   two, three and four characters, so that a word being typed ("kont")
 *   reads one short list instead of merging the lists of every word that
 *   starts with it. Same tokenizer, same external content, same triggers;
 *   FTS5's 'rebuild' indexes every existing entry.
 * - `case_violence_types` carries its case's intake date (copied from
 *   `cases`, kept in step by triggers when a case's intake date changes or
 *   a type row is written without it),
 *   so the case list filtered by violence type walks one index in list
 *   order instead of testing every case.
 * - `person_name_pairs` holds, for every person, each ordered pair of two
 *   different name tokens ("anna ostlund", "ostlund anna"), so a two-word
 *   name search is an index range instead of a walk over every Anna.
 *
 * No data are lost: every row is copied or derived from rows that stay.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Full-text index with prefix indexes. The triggers name the table; they are made again with it.
  for (const t of ['journal_entries_fts_insert', 'journal_entries_fts_delete', 'journal_entries_fts_update']) {
    await sql`DROP TRIGGER IF EXISTS ${sql.id(t)}`.execute(db);
  }
  await sql`DROP TABLE journal_fts`.execute(db);
  await sql`CREATE VIRTUAL TABLE journal_fts USING fts5(
    text, content = 'journal_entries', content_rowid = 'seq', tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4'
  )`.execute(db);
  await sql`CREATE TRIGGER journal_entries_fts_insert AFTER INSERT ON journal_entries BEGIN
    INSERT INTO journal_fts (rowid, text) VALUES (NEW.rowid, NEW.text);
  END`.execute(db);
  await sql`CREATE TRIGGER journal_entries_fts_delete AFTER DELETE ON journal_entries BEGIN
    INSERT INTO journal_fts (journal_fts, rowid, text) VALUES ('delete', OLD.rowid, OLD.text);
  END`.execute(db);
  await sql`CREATE TRIGGER journal_entries_fts_update AFTER UPDATE OF text ON journal_entries BEGIN
    INSERT INTO journal_fts (journal_fts, rowid, text) VALUES ('delete', OLD.rowid, OLD.text);
    INSERT INTO journal_fts (rowid, text) VALUES (NEW.rowid, NEW.text);
  END`.execute(db);
  await sql`INSERT INTO journal_fts (journal_fts) VALUES ('rebuild')`.execute(db);

  // Violence types with their case's intake date. Added in place (a copied and renamed table
  // left the connection unable to checkpoint its WAL until reopened). A row written without the
  // date gets its case's, so a writer that forgets it cannot drop a case from the filtered list.
  await sql`ALTER TABLE case_violence_types ADD COLUMN intake_date TEXT NOT NULL DEFAULT ''`.execute(db);
  await sql`UPDATE case_violence_types SET intake_date = (SELECT c.intake_date FROM cases AS c WHERE c.id = case_violence_types.case_id)`.execute(db);
  await sql`CREATE TRIGGER case_violence_types_intake_date AFTER INSERT ON case_violence_types
    WHEN NEW.intake_date = ''
    BEGIN UPDATE case_violence_types SET intake_date = (SELECT c.intake_date FROM cases AS c WHERE c.id = NEW.case_id)
      WHERE case_id = NEW.case_id AND violence_type = NEW.violence_type; END`.execute(db);
  await sql`DROP INDEX case_violence_types_type`.execute(db);
  await sql`CREATE INDEX case_violence_types_type_intake ON case_violence_types(violence_type, intake_date DESC, case_id DESC)`.execute(db);
  await sql`CREATE TRIGGER cases_intake_date_to_violence_types AFTER UPDATE OF intake_date ON cases
    WHEN NEW.intake_date IS NOT OLD.intake_date
    BEGIN UPDATE case_violence_types SET intake_date = NEW.intake_date WHERE case_id = NEW.id; END`.execute(db);

  // Pairs of a person's name tokens, in both orders.
  await sql`CREATE TABLE person_name_pairs (
    pair TEXT NOT NULL,
    person_id TEXT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    PRIMARY KEY (pair, person_id)
  ) STRICT, WITHOUT ROWID`.execute(db);
  await sql`CREATE INDEX person_name_pairs_person ON person_name_pairs(person_id)`.execute(db);
  await sql`INSERT INTO person_name_pairs (pair, person_id)
    SELECT a.token || ' ' || b.token, a.person_id FROM person_search AS a JOIN person_search AS b ON b.person_id = a.person_id AND b.token <> a.token`.execute(db);
}
