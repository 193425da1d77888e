import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { localIsoDate } from '../../domain/dates.js';
import { addMonths, monthsOf, type MonthPeriod } from '../../domain/statistics-period.js';
import { liveMonthCounts, type MonthCount } from './queries.js';

type Trx = Transaction<Database>;

/** Runs of consecutive months, so each run is counted in one pass. */
function runs(months: string[]): MonthPeriod[] {
  const out: MonthPeriod[] = [];
  for (const m of [...months].sort()) {
    const last = out.at(-1);
    if (last && addMonths(last.to, 1) === m) last.to = m;
    else out.push({ from: m, to: m });
  }
  return out;
}

/**
 * Counts again every month of the span that is not current (never a frozen
 * one), and marks them counted — except this month and later ones: an open
 * placement adds a night to them every day without any row changing, so they
 * are counted on every read (one month of records).
 */
async function recountStale(trx: Trx, period: MonthPeriod): Promise<void> {
  const thisMonth = localIsoDate(new Date()).slice(0, 7);
  const counted = new Set((await trx.selectFrom('statistics_counted').select('month').where('month', '>=', period.from).where('month', '<=', period.to).execute()).map((r) => r.month));
  const stale = monthsOf(period).filter((m) => !counted.has(m));
  for (const run of runs(stale)) {
    await trx.deleteFrom('statistics_months').where('month', '>=', run.from).where('month', '<=', run.to).execute();
    const rows = await liveMonthCounts(trx, run);
    for (let i = 0; i < rows.length; i += 500) await trx.insertInto('statistics_months').values(rows.slice(i, i + 500)).execute();
    const months = monthsOf(run).filter((m) => m < thisMonth).map((month) => ({ month, frozen: 0 }));
    for (let i = 0; i < months.length; i += 500) await trx.insertInto('statistics_counted').values(months.slice(i, i + 500)).execute();
  }
}

/**
 * The monthly counts of a span of months: kept counts where they are current,
 * months struck off by a change counted again first (within the caller's
 * transaction, so a read sees its own writes).
 */
export async function monthCountsFor(trx: Trx, period: MonthPeriod): Promise<MonthCount[]> {
  await recountStale(trx, period);
  return trx.selectFrom('statistics_months').select(['month', 'measure', 'dimension', 'value', 'count']).where('month', '>=', period.from).where('month', '<=', period.to).execute();
}

/**
 * Freezes every month up to and including `month`, counting first what is not
 * counted: for retention, before it deletes old cases, so that the deletion
 * does not rewrite the figures of those months.
 */
export async function freezeStatisticsThrough(trx: Trx, month: string): Promise<void> {
  const first = await sql<{ m: string | null }>`SELECT min(m) AS m FROM (
    SELECT min(substr(intake_date, 1, 7)) AS m FROM cases
    UNION ALL SELECT min(substr(start_date, 1, 7)) FROM services
    UNION ALL SELECT min(substr(decision_date, 1, 7)) FROM decisions
    UNION ALL SELECT min(substr(start_date, 1, 7)) FROM placements
    UNION ALL SELECT min(substr(assessed_on, 1, 7)) FROM risk_assessments
  )`.execute(trx);
  const from = first.rows[0]?.m;
  if (from && from <= month) await recountStale(trx, { from, to: month });
  await trx.updateTable('statistics_counted').set({ frozen: 1 }).where('month', '<=', month).execute();
}
