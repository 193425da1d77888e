import type { Insertable, Transaction } from 'kysely';
import type { SqliteHandle } from './connection.js';
import type { Database } from './schema.js';

/**
 * Inserts many rows of one table inside a kysely transaction that is already
 * open on the same connection, through one prepared multi-row statement
 * reused batch after batch. For bulk writes (an import of ten thousand
 * rows), where building a new SQL text per batch would cost more than the
 * insert itself. The column names come from the typed rows (code, never
 * input); every value is a bound parameter.
 *
 * The `trx` argument is only a proof that the caller is inside a
 * transaction: better-sqlite3 runs these statements on the connection that
 * transaction holds, so they commit or roll back with it.
 */
export function insertMany<T extends keyof Database & string>(_trx: Transaction<Database>, sqlite: SqliteHandle, table: T, rows: readonly Insertable<Database[T]>[], batchRows = 100): void {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const placeholders = `(${columns.map(() => '?').join(',')})`;
  const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(',')}) VALUES `;
  const full = sqlite.prepare(head + Array(Math.min(batchRows, rows.length)).fill(placeholders).join(','));
  const valuesOf = (part: readonly Insertable<Database[T]>[]) => part.flatMap((r) => columns.map((c) => (r as Record<string, unknown>)[c] ?? null));
  let i = 0;
  for (; i + batchRows <= rows.length; i += batchRows) full.run(valuesOf(rows.slice(i, i + batchRows)));
  if (i < rows.length) {
    const rest = rows.slice(i);
    sqlite.prepare(head + Array(rest.length).fill(placeholders).join(',')).run(valuesOf(rest));
  }
}
