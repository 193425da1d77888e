import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { ageBand } from '../../domain/retention.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Monthly aggregates (table `monthly_aggregates`): counts per month by one
 * dimension at a time, with no identities, so that statistics of past months
 * survive retention. Rows are (month `YYYY-MM`, measure, dimension, value,
 * count):
 *
 * | measure | dimension | value |
 * |---|---|---|
 * | `new_cases` (by intake month) | `total` | `all` |
 * | | `source` | intake source code |
 * | | `violence_type` | violence type code (a case counts once per type) |
 * | | `gender` | main person's gender |
 * | | `age_band` | main person's age at intake: `0-17`, `18-24`, … `65+`, `unknown` |
 * | | `relation` | relation to the person using violence, or `unknown` |
 * | `closed_cases` (by closing month) | `total` | `all` |
 * | | `closing_reason` | closing reason code (`goal_met` …), or `unknown` |
 * | `services_started` (by start month) | `service_type` | service type code |
 *
 * A month is `frozen` once a retention run has deleted cases that counted in
 * it or in an earlier month: a refresh never recomputes it again.
 */
export interface AggregateRow {
  month: string;
  measure: string;
  dimension: string;
  value: string;
  count: number;
}

async function counts(db: Db): Promise<AggregateRow[]> {
  const out: AggregateRow[] = [];
  const add = (month: string | null, measure: string, dimension: string, value: string | null, count: number) => {
    if (month) out.push({ month, measure, dimension, value: value ?? 'unknown', count: Number(count) });
  };
  const month = (col: string) => sql<string>`substr(${sql.ref(col)}, 1, 7)`;
  for (const r of await db.selectFrom('cases').select([month('intake_date').as('m'), (eb) => eb.fn.countAll<number>().as('n')]).groupBy('m').execute()) add(r.m, 'new_cases', 'total', 'all', r.n);
  for (const r of await db.selectFrom('cases').select([month('intake_date').as('m'), 'intake_source as v', (eb) => eb.fn.countAll<number>().as('n')]).groupBy(['m', 'v']).execute()) add(r.m, 'new_cases', 'source', r.v, r.n);
  for (const r of await db.selectFrom('cases').select([month('intake_date').as('m'), 'relation as v', (eb) => eb.fn.countAll<number>().as('n')]).groupBy(['m', 'v']).execute()) add(r.m, 'new_cases', 'relation', r.v, r.n);
  for (const r of await db
    .selectFrom('cases as c')
    .innerJoin('case_violence_types as t', 't.case_id', 'c.id')
    .select([month('c.intake_date').as('m'), 't.violence_type as v', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['m', 'v'])
    .execute())
    add(r.m, 'new_cases', 'violence_type', r.v, r.n);
  for (const r of await db.selectFrom('cases as c').innerJoin('persons as p', 'p.id', 'c.main_person_id').select([month('c.intake_date').as('m'), 'p.gender as v', (eb) => eb.fn.countAll<number>().as('n')]).groupBy(['m', 'v']).execute())
    add(r.m, 'new_cases', 'gender', r.v, r.n);
  const bands = new Map<string, number>();
  for (const r of await db
    .selectFrom('cases as c')
    .innerJoin('persons as p', 'p.id', 'c.main_person_id')
    .select([month('c.intake_date').as('m'), 'p.birth_year as b', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['m', 'b'])
    .execute()) {
    const key = `${r.m}|${ageBand(r.b, Number(r.m.slice(0, 4)))}`;
    bands.set(key, (bands.get(key) ?? 0) + Number(r.n));
  }
  for (const [key, n] of bands) add(key.split('|')[0]!, 'new_cases', 'age_band', key.split('|')[1]!, n);
  for (const r of await db.selectFrom('cases').select([month('closed_at').as('m'), (eb) => eb.fn.countAll<number>().as('n')]).where('closed_at', 'is not', null).groupBy('m').execute()) add(r.m, 'closed_cases', 'total', 'all', r.n);
  for (const r of await db.selectFrom('cases').select([month('closed_at').as('m'), 'closing_reason as v', (eb) => eb.fn.countAll<number>().as('n')]).where('closed_at', 'is not', null).groupBy(['m', 'v']).execute())
    add(r.m, 'closed_cases', 'closing_reason', r.v, r.n);
  for (const r of await db.selectFrom('services').select([month('start_date').as('m'), 'service_type as v', (eb) => eb.fn.countAll<number>().as('n')]).groupBy(['m', 'v']).execute()) add(r.m, 'services_started', 'service_type', r.v, r.n);
  return out;
}

/** Recomputes every month that is not frozen from the live records. */
export async function refreshAggregates(trx: Transaction<Database>): Promise<void> {
  const frozen = new Set((await trx.selectFrom('monthly_aggregates').select('month').distinct().where('frozen', '=', 1).execute()).map((r) => r.month));
  await trx.deleteFrom('monthly_aggregates').where('frozen', '=', 0).execute();
  const rows = (await counts(trx)).filter((r) => !frozen.has(r.month));
  for (let i = 0; i < rows.length; i += 500) await trx.insertInto('monthly_aggregates').values(rows.slice(i, i + 500)).execute();
}

/** Freezes every month up to and including `month`: their counts now outlive the records behind them. */
export async function freezeThrough(trx: Transaction<Database>, month: string): Promise<void> {
  await trx.updateTable('monthly_aggregates').set({ frozen: 1 }).where('month', '<=', month).execute();
}

/** The aggregates for a span of months (inclusive), for statistics. */
export async function readAggregates(db: Db, fromMonth: string, toMonth: string): Promise<AggregateRow[]> {
  return db.selectFrom('monthly_aggregates').select(['month', 'measure', 'dimension', 'value', 'count']).where('month', '>=', fromMonth).where('month', '<=', toMonth).orderBy('month').orderBy('measure').orderBy('dimension').orderBy('value').execute();
}
