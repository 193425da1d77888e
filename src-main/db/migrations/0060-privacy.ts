import { sql, type Kysely } from 'kysely';
import { chainHash, type ChainedFields } from '../../features/audit/chain.js';

/**
 * Privacy (issue 7): the audit trail becomes a hash chain (each event's hash
 * covers the hash before it), indexes for the coordinator's log review,
 * recorded log reviews, holds on cases against retention, the deletion record
 * of each retention run, and the monthly aggregates that keep statistics
 * unchanged when old cases are deleted.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE audit_events ADD COLUMN hash BLOB`.execute(db);
  // The case an event concerns, whether the event is on the case itself or on something in it (journal entry, decision, service).
  await sql`ALTER TABLE audit_events ADD COLUMN case_ref TEXT GENERATED ALWAYS AS (
    CASE WHEN entity_type = 'case' THEN entity_id WHEN detail IS NOT NULL AND json_valid(detail) THEN json_extract(detail, '$.caseId') END
  ) VIRTUAL`.execute(db);
  await backfillChain(db);

  await sql`CREATE INDEX audit_events_at ON audit_events(at)`.execute(db);
  await sql`CREATE INDEX audit_events_action_at ON audit_events(action, at)`.execute(db);
  // A worker's events of one kind (e.g. every shown address of one worker), newest first.
  await sql`CREATE INDEX audit_events_worker_action_at ON audit_events(worker_id, action, at)`.execute(db);
  await sql`CREATE INDEX audit_events_entity_at ON audit_events(entity_id, at) WHERE entity_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX audit_events_case_at ON audit_events(case_ref, at) WHERE case_ref IS NOT NULL`.execute(db);

  // Retention deletes thousands of cases and persons in one go: every foreign key that points at a case,
  // a person or a decision needs an index on its child column, or each deleted row scans the whole child table.
  for (const [name, table, column] of [
    ['decisions_person', 'decisions', 'person_id'],
    ['services_person', 'services', 'person_id'],
    ['services_decision', 'services', 'decision_id'],
    ['safety_plans_person_fk', 'safety_plans', 'person_id'],
    ['safety_plans_case_fk', 'safety_plans', 'case_id'],
    ['action_plans_person_fk', 'action_plans', 'person_id'],
  ] as const) {
    await sql`CREATE INDEX IF NOT EXISTS ${sql.raw(name)} ON ${sql.table(table)}(${sql.ref(column)})`.execute(db);
  }

  await sql`CREATE TABLE log_reviews (
    id TEXT PRIMARY KEY,
    reviewed_by TEXT NOT NULL REFERENCES workers(id),
    period_from TEXT NOT NULL,
    period_to TEXT NOT NULL,
    comment TEXT NOT NULL,
    flagged_events INTEGER NOT NULL,
    at TEXT NOT NULL,
    CHECK (period_to >= period_from)
  ) STRICT`.execute(db);

  await sql`CREATE TABLE retention_holds (
    case_id TEXT PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
    reason TEXT NOT NULL,
    placed_by TEXT NOT NULL REFERENCES workers(id),
    at TEXT NOT NULL
  ) STRICT`.execute(db);

  // What a retention run deleted: when, under which rule, how many — never who.
  await sql`CREATE TABLE retention_runs (
    id TEXT PRIMARY KEY,
    run_at TEXT NOT NULL,
    run_by TEXT NOT NULL REFERENCES workers(id),
    rule TEXT NOT NULL,
    counts TEXT NOT NULL,
    duration_ms INTEGER NOT NULL
  ) STRICT`.execute(db);

  // Monthly counts by one dimension at a time (see README "Monthly aggregates"); `frozen` months are never recomputed.
  await sql`CREATE TABLE monthly_aggregates (
    month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
    measure TEXT NOT NULL,
    dimension TEXT NOT NULL,
    value TEXT NOT NULL,
    count INTEGER NOT NULL CHECK (count >= 0),
    frozen INTEGER NOT NULL DEFAULT 0 CHECK (frozen IN (0, 1)),
    PRIMARY KEY (month, measure, dimension, value)
  ) STRICT, WITHOUT ROWID`.execute(db);
}

/** Gives every existing event its link in the chain, oldest first, in batches. */
async function backfillChain(db: Kysely<unknown>): Promise<void> {
  let prev: Buffer | null = null;
  let after = 0;
  for (;;) {
    const batch = await sql<ChainedFields & { id: number }>`SELECT id, at, worker_id, action, entity_type, entity_id, detail FROM audit_events WHERE id > ${after} ORDER BY id LIMIT 5000`.execute(db);
    if (batch.rows.length === 0) return;
    for (const row of batch.rows) {
      prev = chainHash(prev, row);
      await sql`UPDATE audit_events SET hash = ${prev} WHERE id = ${row.id}`.execute(db);
      after = row.id;
    }
  }
}

export async function down(): Promise<void> {
  throw new Error('Fristad migrations are forward-only.');
}
