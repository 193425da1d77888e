import type { Transaction } from 'kysely';
import type { SqliteHandle } from '../../db/connection.js';
import type { Database } from '../../db/schema.js';

/**
 * Writes many new cases with the statistics' insert triggers held (migration
 * 0160), then strikes off the kept counts of their months once — instead of
 * once per case, member and violence type.
 *
 * `months` must name every month the rows written count in: for new cases,
 * each case's intake month and closing month (a member's or violence type's
 * month is its case's intake month). Rows of cases that are not new belong
 * outside `write`. Synchronous, inside the caller's transaction (`trx` is the
 * proof, as for insertMany): the held row is gone before the transaction can
 * commit, and a write that throws rolls it back with everything else.
 */
export function writeWithStatisticsHeld(_trx: Transaction<Database>, sqlite: SqliteHandle, months: ReadonlySet<string>, write: () => void): void {
  sqlite.prepare('INSERT INTO statistics_held (held) VALUES (1)').run();
  try {
    write();
  } finally {
    sqlite.prepare('DELETE FROM statistics_held').run();
  }
  sqlite.prepare('DELETE FROM statistics_counted WHERE frozen = 0 AND month IN (SELECT value FROM json_each(?))').run(JSON.stringify([...months]));
}
