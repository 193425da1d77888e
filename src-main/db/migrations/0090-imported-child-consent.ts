import { sql, type Kysely } from 'kysely';

/**
 * Children brought in by the import of a placement log (issue 6): a unit's
 * log names the children who came along and often their decision, but not
 * the other custodian's consent. Their consent is stored as `unknown` until
 * the worker completes it, so `placement_children.consent` accepts it. SQLite
 * cannot change a CHECK constraint in place: the table is rebuilt under a new
 * name, every row copied, the old one dropped and the new one renamed (no
 * other table refers to it). Dropping a table drops its indexes and triggers
 * (the statistics keep triggers on it): their SQL is read from the schema
 * first and run again on the new table. Runs inside the migration's transaction.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const attached = await sql<{ sql: string }>`SELECT sql FROM sqlite_master WHERE tbl_name = 'placement_children' AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name`.execute(db);
  await sql`CREATE TABLE placement_children_next (
    id TEXT PRIMARY KEY,
    placement_id TEXT NOT NULL REFERENCES placements(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    start_date TEXT NOT NULL,
    end_date TEXT,
    decision_ref TEXT NOT NULL,
    consent TEXT NOT NULL CHECK (consent IN ('other_custodian_consented', 'sole_custody', 'without_consent', 'unknown')),
    consent_ground TEXT,
    schooling TEXT NOT NULL CHECK (schooling IN ('own_school', 'new_school', 'school_at_shelter', 'distance', 'own_preschool', 'new_preschool', 'none_arranged', 'not_school_age', 'unknown')),
    schooling_note TEXT,
    CHECK (end_date IS NULL OR end_date >= start_date),
    CHECK (consent <> 'without_consent' OR consent_ground IS NOT NULL),
    UNIQUE (placement_id, person_id)
  ) STRICT`.execute(db);
  await sql`INSERT INTO placement_children_next (id, placement_id, person_id, start_date, end_date, decision_ref, consent, consent_ground, schooling, schooling_note)
    SELECT id, placement_id, person_id, start_date, end_date, decision_ref, consent, consent_ground, schooling, schooling_note FROM placement_children`.execute(db);
  await sql`DROP TABLE placement_children`.execute(db);
  await sql`ALTER TABLE placement_children_next RENAME TO placement_children`.execute(db);
  for (const { sql: statement } of attached.rows) await sql.raw(statement).execute(db);
}
