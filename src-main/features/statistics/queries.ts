import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { localIsoDate } from '../../domain/dates.js';
import { careMonthCounts, placementMonthCounts } from './queries-care.js';
import { outcomeMonthCounts } from './queries-outcomes.js';
import { ageBand, dateRange, type MonthPeriod } from '../../domain/statistics-period.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * One monthly count with no identity in it (month, measure, dimension,
 * value, count), kept in `statistics_months`; retention freezes the months it
 * touches before deleting, so months kept after retention and months counted
 * live add up the same way. Measures and their dimensions:
 *
 * | measure | month of | dimension → value |
 * |---|---|---|
 * | `new_cases` | intake | `total`→`all`, `source`, `gender`, `age_band`, `relation` (or `unknown`), `with_service` (`yes`/`no`), `first_contact_days` (days, or `none`) |
 * | `new_cases_violence` | intake | `violence_type` (a case counts once per type) |
 * | `children` | intake of the case | `exposure` (or `unknown`), `own_decision` (`yes`/`no`) |
 * | `services_started` | start | `service_type` |
 * | `decisions` | decision | `outcome` |
 * | `closed_cases` | closing | `total`→`all`, `closing_reason` (or `unknown`) |
 *
 * Placements, risk assessments and safety plans: see queries-care.ts; the
 * outcome follow-up: queries-outcomes.ts.
 */
export interface MonthCount {
  month: string;
  measure: string;
  dimension: string;
  value: string;
  count: number;
}

const monthOf = (col: string) => sql<string>`substr(${sql.ref(col)}, 1, 7)`;

/** Counts every measure per month over a span of months, from the live records. */
export async function liveMonthCounts(db: Db, period: MonthPeriod, asOf: string = localIsoDate(new Date())): Promise<MonthCount[]> {
  const { fromDate, beforeDate } = dateRange(period);
  const out = new Map<string, MonthCount>();
  const add = (month: string, measure: string, dimension: string, value: string | null, count: number | bigint) => {
    const v = value ?? 'unknown';
    const key = `${month}|${measure}|${dimension}|${v}`;
    const row = out.get(key);
    if (row) row.count += Number(count);
    else out.set(key, { month, measure, dimension, value: v, count: Number(count) });
  };

  // New cases: one grouped pass over the period's cases and their main person.
  const cases = await db
    .selectFrom('cases as c')
    .innerJoin('persons as p', 'p.id', 'c.main_person_id')
    .select([
      monthOf('c.intake_date').as('m'),
      'c.intake_source as source',
      'c.relation as relation',
      'p.gender as gender',
      'p.birth_year as birthYear',
      sql<number>`EXISTS (SELECT 1 FROM services s WHERE s.case_id = c.id)`.as('withService'),
      sql<number | null>`CAST(julianday(c.first_contact_date) - julianday(c.intake_date) AS INTEGER)`.as('days'),
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .where('c.intake_date', '>=', fromDate)
    .where('c.intake_date', '<', beforeDate)
    .groupBy(['m', 'source', 'relation', 'gender', 'birthYear', 'withService', 'days'])
    .execute();
  for (const r of cases) {
    add(r.m, 'new_cases', 'total', 'all', r.n);
    add(r.m, 'new_cases', 'source', r.source, r.n);
    add(r.m, 'new_cases', 'gender', r.gender, r.n);
    add(r.m, 'new_cases', 'age_band', ageBand(r.birthYear, Number(r.m.slice(0, 4))), r.n);
    add(r.m, 'new_cases', 'relation', r.relation, r.n);
    add(r.m, 'new_cases', 'with_service', r.withService ? 'yes' : 'no', r.n);
    add(r.m, 'new_cases', 'first_contact_days', r.days === null || r.days < 0 ? 'none' : String(r.days), r.n);
  }

  for (const r of await db
    .selectFrom('cases as c')
    .innerJoin('case_violence_types as t', 't.case_id', 'c.id')
    .select([monthOf('c.intake_date').as('m'), 't.violence_type as v', (eb) => eb.fn.countAll<number>().as('n')])
    .where('c.intake_date', '>=', fromDate)
    .where('c.intake_date', '<', beforeDate)
    .groupBy(['m', 'v'])
    .execute())
    add(r.m, 'new_cases_violence', 'violence_type', r.v, r.n);

  for (const r of await db
    .selectFrom('cases as c')
    .innerJoin('case_persons as cp', 'cp.case_id', 'c.id')
    .select([
      monthOf('c.intake_date').as('m'),
      'cp.child_exposure as exposure',
      sql<number>`EXISTS (SELECT 1 FROM decisions d WHERE d.case_id = cp.case_id AND d.person_id = cp.person_id)`.as('ownDecision'),
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .where('cp.role', '=', 'child')
    .where('c.intake_date', '>=', fromDate)
    .where('c.intake_date', '<', beforeDate)
    .groupBy(['m', 'exposure', 'ownDecision'])
    .execute()) {
    add(r.m, 'children', 'exposure', r.exposure, r.n);
    add(r.m, 'children', 'own_decision', r.ownDecision ? 'yes' : 'no', r.n);
  }

  for (const r of await db
    .selectFrom('services')
    .select([monthOf('start_date').as('m'), 'service_type as v', (eb) => eb.fn.countAll<number>().as('n')])
    .where('start_date', '>=', fromDate)
    .where('start_date', '<', beforeDate)
    .groupBy(['m', 'v'])
    .execute())
    add(r.m, 'services_started', 'service_type', r.v, r.n);

  for (const r of await db
    .selectFrom('decisions')
    .select([monthOf('decision_date').as('m'), 'outcome as v', (eb) => eb.fn.countAll<number>().as('n')])
    .where('decision_date', '>=', fromDate)
    .where('decision_date', '<', beforeDate)
    .groupBy(['m', 'v'])
    .execute())
    add(r.m, 'decisions', 'outcome', r.v, r.n);

  for (const r of await db
    .selectFrom('cases')
    .select([monthOf('closed_at').as('m'), 'closing_reason as v', (eb) => eb.fn.countAll<number>().as('n')])
    .where('closed_at', '>=', fromDate)
    .where('closed_at', '<', beforeDate)
    .groupBy(['m', 'v'])
    .execute()) {
    add(r.m, 'closed_cases', 'total', 'all', r.n);
    add(r.m, 'closed_cases', 'closing_reason', r.v, r.n);
  }
  await placementMonthCounts(db, period, asOf, add);
  await careMonthCounts(db, period, add);
  await outcomeMonthCounts(db, period, add);
  return [...out.values()];
}

/** The unit's service types with their labels, in the unit's order (labels are the unit's own vocabulary, never about a person). */
export function serviceTypeLabels(db: Db) {
  return db.selectFrom('service_types').select(['code', 'label']).orderBy('sort_order').orderBy('code').execute();
}
