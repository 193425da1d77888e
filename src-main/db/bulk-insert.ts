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
  const width = columns.length;
  // One array of parameters reused batch after batch (a plain loop: for ten thousand rows, building
  // them with flatMap and closures cost as much as a tenth of the insert).
  const values: unknown[] = new Array(Math.min(batchRows, rows.length) * width);
  const fill = (from: number, count: number): unknown[] => {
    if (values.length !== count * width) values.length = count * width;
    for (let r = 0; r < count; r++) {
      const row = rows[from + r] as Record<string, unknown>;
      for (let c = 0; c < width; c++) values[r * width + c] = row[columns[c]!] ?? null;
    }
    return values;
  };
  let i = 0;
  for (; i + batchRows <= rows.length; i += batchRows) full.run(fill(i, batchRows));
  if (i < rows.length) {
    const rest = rows.length - i;
    sqlite.prepare(head + Array(rest).fill(placeholders).join(',')).run(fill(i, rest));
  }
}
