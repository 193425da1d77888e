import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { CaseStatus } from '../../domain/vocabulary.js';

/** Next case number of a year, `2026-0042` (five digits from 10,000 on). Must run inside the creating transaction. */
export async function nextCaseNumber(trx: Transaction<Database>, year: number): Promise<string> {
  const prefix = `${year}-`;
  // Numeric maximum, not text order: '2026-10000' sorts before '2026-9999' as text.
  const row = await trx
    .selectFrom('cases')
    .select(sql<number | null>`max(CAST(substr(case_number, 6) AS INTEGER))`.as('n'))
    .where('case_number', '>=', prefix)
    .where('case_number', '<', `${year}.`)
    .executeTakeFirst();
  const n = (row?.n ?? 0) + 1;
  return `${prefix}${String(n).padStart(4, '0')}`;
}

/** One page of the case list, newest intake first, keyset-paged on (intake_date, id). */
export function listCases(db: Kysely<Database>, opts: { status?: CaseStatus; after?: { intakeDate: string; id: string }; limit: number }) {
  let q = db
    .selectFrom('cases')
    .innerJoin('persons', 'persons.id', 'cases.main_person_id')
    .innerJoin('workers', 'workers.id', 'cases.assigned_worker_id')
    .select([
      'cases.id',
      'cases.case_number',
      'cases.intake_date',
      'cases.intake_source',
      'cases.status',
      'persons.id as person_id',
      'persons.first_name',
      'persons.last_name',
      'persons.protection_level',
      'workers.name as worker_name',
    ]);
  if (opts.status) q = q.where('cases.status', '=', opts.status);
  const after = opts.after;
  if (after) {
    // A row-value comparison lets SQLite (and PostgreSQL) seek straight into the index at the cursor.
    q = q.where((eb) => eb(eb.refTuple('cases.intake_date', 'cases.id'), '<', eb.tuple(after.intakeDate, after.id)));
  }
  return q.orderBy('cases.intake_date', 'desc').orderBy('cases.id', 'desc').limit(opts.limit).execute();
}
