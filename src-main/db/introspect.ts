import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema.js';

/**
 * What the schema itself says, for checks that must not need to know every
 * table (retention works whatever tables other features add). SQLite-only,
 * so it lives in db/.
 */

type Db = Kysely<Database> | Transaction<Database>;

export interface ForeignKeyRef {
  table: string;
  column: string;
  onDelete: string;
}

/** The ordinary tables of the vault (not SQLite's own, not the full-text index's shadow tables, not the migration bookkeeping). */
export async function userTables(db: Db): Promise<string[]> {
  const r = await sql<{ name: string }>`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'
    AND name NOT IN (SELECT name || suffix FROM sqlite_schema, (SELECT '_data' AS suffix UNION ALL SELECT '_idx' UNION ALL SELECT '_docsize' UNION ALL SELECT '_config' UNION ALL SELECT '_content') WHERE sql LIKE 'CREATE VIRTUAL TABLE%')
    ORDER BY name`.execute(db);
  return r.rows.map((x) => x.name);
}

/** Every column in the vault that references `table`, with its ON DELETE action. */
export async function referencesTo(db: Db, target: string): Promise<ForeignKeyRef[]> {
  const out: ForeignKeyRef[] = [];
  for (const table of await userTables(db)) {
    const fks = await sql<{ table: string; from: string; on_delete: string }>`SELECT "table", "from", on_delete FROM pragma_foreign_key_list(${table})`.execute(db);
    for (const fk of fks.rows) if (fk.table === target) out.push({ table, column: fk.from, onDelete: fk.on_delete.toUpperCase() });
  }
  return out;
}

/** The text columns of a table whose name says they hold an id (`id`, `…_id`, `…_ref`). */
export async function idColumns(db: Db, table: string): Promise<string[]> {
  const cols = await sql<{ name: string; type: string }>`SELECT name, type FROM pragma_table_info(${table})`.execute(db);
  return cols.rows.filter((c) => /^(id|.*_id|.*_ref)$/.test(c.name) && c.type.toUpperCase() !== 'INTEGER').map((c) => c.name);
}

/** Broken references anywhere in the vault (empty when every foreign key holds). */
export async function foreignKeyProblems(db: Db): Promise<{ table: string; parent: string }[]> {
  const r = await sql<{ table: string; parent: string }>`SELECT "table", parent FROM pragma_foreign_key_check`.execute(db);
  return r.rows;
}

/** After deleting records: checkpoint the WAL and truncate it, so no old page image of them stays in the -wal file. */
export async function truncateWal(db: Db): Promise<void> {
  await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
}

/** Overwrite deleted content with zeros from now on (this connection). */
export async function secureDelete(db: Db, on: boolean): Promise<void> {
  await sql.raw(`PRAGMA secure_delete = ${on ? 'ON' : 'OFF'}`).execute(db);
}

/** Merges the journal's full-text segments, so terms of deleted entries are dropped, not only marked deleted. */
export async function optimizeJournalIndex(db: Db): Promise<void> {
  await sql`INSERT INTO journal_fts (journal_fts) VALUES ('optimize')`.execute(db);
}

/** Rewrites the file without free pages. */
export async function vacuum(db: Db): Promise<void> {
  await sql`VACUUM`.execute(db);
}
