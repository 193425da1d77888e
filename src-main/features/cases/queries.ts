import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { CaseStatus } from '../../domain/vocabulary.js';

/** Next case number of a year, `2026-0042`. Must run inside the creating transaction. */
export async function nextCaseNumber(trx: Transaction<Database>, year: number): Promise<string> {
  const prefix = `${year}-`;
  const last = await trx
    .selectFrom('cases')
    .select('case_number')
    .where('case_number', '>=', prefix)
    .where('case_number', '<', `${year}.`)
    .orderBy('case_number', 'desc')
    .limit(1)
    .executeTakeFirst();
  const n = last ? Number(last.case_number.slice(prefix.length)) + 1 : 1;
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
    q = q.where((eb) =>
      eb.or([eb('cases.intake_date', '<', after.intakeDate), eb.and([eb('cases.intake_date', '=', after.intakeDate), eb('cases.id', '<', after.id)])]),
    );
  }
  return q.orderBy('cases.intake_date', 'desc').orderBy('cases.id', 'desc').limit(opts.limit).execute();
}
