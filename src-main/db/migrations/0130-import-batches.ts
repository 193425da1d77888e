import { sql, type Kysely } from 'kysely';

/**
 * Imports (issue 6) as batches. A bulk import writes one audit event with
 * its counts instead of one per record it makes; so that a log review and a
 * register extract can still tell that a person, a case or a placement came
 * from an import, each record made by one carries the batch's id, and the
 * batch keeps who imported what kind of file when, with the file's SHA-256
 * (never its name: a file name may name a person) and the counts.
 *
 * A case imported from a case log keeps the unit's own case number as
 * `external_ref`, unique, so that importing the same log twice finds the case
 * instead of making a twin. No row is touched: the new columns start empty.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE import_batches (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('placement_log', 'case_log')),
    file_sha256 TEXT NOT NULL CHECK (length(file_sha256) = 64),
    imported_by TEXT NOT NULL REFERENCES workers(id),
    imported_at TEXT NOT NULL,
    row_count INTEGER NOT NULL CHECK (row_count >= 0),
    accepted INTEGER NOT NULL CHECK (accepted >= 0),
    refused INTEGER NOT NULL CHECK (refused >= 0),
    persons_created INTEGER NOT NULL CHECK (persons_created >= 0),
    cases_created INTEGER NOT NULL CHECK (cases_created >= 0),
    placements_created INTEGER NOT NULL CHECK (placements_created >= 0),
    journal_drafts INTEGER NOT NULL CHECK (journal_drafts >= 0)
  ) STRICT`.execute(db);
  await sql`CREATE INDEX import_batches_at ON import_batches(imported_at)`.execute(db);
  for (const table of ['persons', 'cases', 'placements']) {
    await sql.raw(`ALTER TABLE ${table} ADD COLUMN import_id TEXT REFERENCES import_batches(id)`).execute(db);
    await sql.raw(`CREATE INDEX ${table}_import ON ${table}(import_id) WHERE import_id IS NOT NULL`).execute(db);
  }
  await sql`ALTER TABLE cases ADD COLUMN external_ref TEXT CHECK (external_ref IS NULL OR length(external_ref) BETWEEN 1 AND 60)`.execute(db);
  await sql`CREATE UNIQUE INDEX cases_external_ref ON cases(external_ref) WHERE external_ref IS NOT NULL`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Fristad migrations are forward-only.');
}
