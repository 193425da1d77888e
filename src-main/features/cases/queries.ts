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

export interface CaseListFilter {
  status?: CaseStatus;
  workerId?: string;
  violenceType?: string;
  intakeSource?: string;
  from?: string;
  to?: string;
  after?: { intakeDate: string; id: string };
  limit: number;
}

/**
 * One page of the case list, newest intake first, keyset-paged on
 * (intake_date, id). Each filter has an index that starts with it
 * (status, worker, source), so a page costs the same on page 1 and page
 * 1,000. Filtered by violence type alone (or with a period), the page is
 * read from `case_violence_types` in its (violence_type, intake_date,
 * case_id) order — the rows carry their case's intake date — and joined to
 * the cases. With a status, worker or source as well, that index of the
 * cases drives and the type is one primary-key probe per case: walking a
 * type's rows to find one worker's few cases would cost far more.
 */
export function listCases(db: Kysely<Database>, f: CaseListFilter) {
  const violenceType = f.violenceType;
  const byType = violenceType !== undefined && !f.status && !f.workerId && !f.intakeSource;
  const base = byType
    ? db
        .selectFrom('case_violence_types as v')
        .innerJoin('cases', 'cases.id', 'v.case_id')
        .where('v.violence_type', '=', violenceType)
    : db.selectFrom('cases');
  // The columns the page is ordered and cut on: the type rows' own copies when they drive.
  const dateCol = byType ? 'v.intake_date' : 'cases.intake_date';
  const idCol = byType ? 'v.case_id' : 'cases.id';
  let q = base
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
  if (f.status) q = q.where('cases.status', '=', f.status);
  if (f.workerId) q = q.where('cases.assigned_worker_id', '=', f.workerId);
  // With a worker, their index (with the status) leads: the unary plus keeps SQLite from walking the
  // source's index instead, which it would choose without statistics and which is ~40× slower then.
  if (f.intakeSource) q = q.where(f.workerId ? sql`+cases.intake_source` : sql.ref('cases.intake_source'), '=', f.intakeSource);
  if (f.from) q = q.where(sql.ref(dateCol), '>=', f.from);
  if (f.to) q = q.where(sql.ref(dateCol), '<=', f.to);
  if (violenceType && !byType) {
    q = q.where((eb) =>
      eb.exists(eb.selectFrom('case_violence_types as vx').select('vx.case_id').whereRef('vx.case_id', '=', 'cases.id').where('vx.violence_type', '=', violenceType)),
    );
  }
  const after = f.after;
  if (after) {
    // A row-value comparison lets SQLite (and PostgreSQL) seek straight into the index at the cursor.
    q = q.where(sql<boolean>`(${sql.ref(dateCol)}, ${sql.ref(idCol)}) < (${after.intakeDate}, ${after.id})`);
  }
  return q.orderBy(sql.ref(dateCol), 'desc').orderBy(sql.ref(idCol), 'desc').limit(f.limit).execute();
}
