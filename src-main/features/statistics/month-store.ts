import { randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { localIsoDate } from '../../domain/dates.js';
import { addMonths, monthsOf, type MonthPeriod } from '../../domain/statistics-period.js';
import { liveMonthCounts, type MonthCount } from './queries.js';
import { DAY_MEASURES, dayMonthCounts } from './queries-care.js';

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

/** Where a day lies against a month: the month's counts change with the day only while the day is inside it. */
function phase(month: string, day: string): 'before' | 'during' | 'after' {
  const m = day.slice(0, 7);
  return m < month ? 'before' : m > month ? 'after' : 'during';
}

/**
 * Whether the counts of `month`, counted on `countedOn`, are still those a
 * count made `today` would give (when no trigger has struck the month off).
 * Only open placements make a month's counts depend on the day: counted on
 * today they hold; counted before the month began they hold until it begins
 * (an open stay has no nights in it yet), counted after it ended they hold
 * for good (every night of it is in). Frozen months always hold.
 *
 * @example holds({ month: '2026-11', frozen: 0, countedOn: '2026-11-23' }, '2026-11-24') // false: a night more
 */
export function holds(row: { month: string; frozen: number; countedOn: string | null }, today: string): boolean {
  if (row.frozen === 1) return true;
  if (row.countedOn === null) return false;
  if (row.countedOn === today) return true;
  const then = phase(row.month, row.countedOn);
  return then !== 'during' && then === phase(row.month, today);
}

/**
 * Rows of kept months by count id (migration 0120), least recently used
 * first. A count id is written once, in the transaction that writes its
 * month's rows, and those rows never change under it: a change strikes the
 * month off (the id goes) and the next count gets a new id. So the rows kept
 * here under an id that `statistics_counted` still names are exactly the rows
 * in `statistics_months` — in any vault, the ids being random. Anonymous
 * monthly counts only (what the dashboard shows), bounded in size.
 */
const rowsById = new Map<string, readonly MonthCount[]>();
let rowsInMemory = 0;
/** Some 9 MB: about 40 years of the large benchmark store's months (27,000 rows for ten years take 2.3 MB). */
const MAX_ROWS_IN_MEMORY = 100_000;

function recall(id: string): readonly MonthCount[] | undefined {
  const rows = rowsById.get(id);
  if (rows) {
    rowsById.delete(id);
    rowsById.set(id, rows);
  }
  return rows;
}

function remember(id: string, rows: readonly MonthCount[]): void {
  if (rows.length > MAX_ROWS_IN_MEMORY || rowsById.has(id)) return;
  rowsById.set(id, rows);
  rowsInMemory += rows.length;
  for (const [oldest, old] of rowsById) {
    if (rowsInMemory <= MAX_ROWS_IN_MEMORY) break;
    rowsById.delete(oldest);
    rowsInMemory -= old.length;
  }
}

function forget(id: string): void {
  const rows = rowsById.get(id);
  if (!rows) return;
  rowsById.delete(id);
  rowsInMemory -= rows.length;
}

/** One copy of each text the kept rows repeat (months, measures, dimensions, values: a few thousand), so rows held in memory share them. */
const texts = new Map<string, string>();
function text(t: string): string {
  const known = texts.get(t);
  if (known !== undefined) return known;
  if (texts.size >= 20_000) texts.clear();
  texts.set(t, t);
  return t;
}

/** How many kept rows are held in memory now. */
export function rowsHeldInMemory(): number {
  return rowsInMemory;
}

/** Forgets the kept rows held in memory (they are read again from the store): when the vault locks, and for measuring reads without them. */
export function forgetRowsInMemory(): void {
  rowsById.clear();
  texts.clear();
  rowsInMemory = 0;
}

/**
 * Counts again every month of the span whose kept counts no longer hold, and
 * marks them counted on `today` under a new count id: a month struck off by a
 * change is counted in full; a month that only lies on another side of the
 * day than when it was counted (never a frozen one) has just its nights and
 * cost counted again (DAY_MEASURES: nothing else changes with the day). Gives
 * the count id of every month of the span (null for a month kept from before
 * count ids, which is then always read from the store).
 */
async function keptMonths(trx: Trx, period: MonthPeriod, today: string): Promise<Map<string, string | null>> {
  const kept = await trx.selectFrom('statistics_counted').select(['month', 'frozen', 'counted_on as countedOn', 'count_id as countId']).where('month', '>=', period.from).where('month', '<=', period.to).execute();
  const ids = new Map<string, string | null>();
  const dayOnly: string[] = [];
  for (const r of kept) {
    if (holds(r, today)) ids.set(r.month, r.countId);
    else {
      if (r.countId !== null) forget(r.countId);
      if (r.countedOn !== null) dayOnly.push(r.month);
    }
  }
  const counted = (month: string) => ({ month, frozen: 0, counted_on: today, count_id: randomUUID() });
  for (const run of runs(dayOnly)) {
    await trx.deleteFrom('statistics_months').where('month', '>=', run.from).where('month', '<=', run.to).where('measure', 'in', DAY_MEASURES).execute();
    const rows = await dayMonthCounts(trx, run, today);
    for (let i = 0; i < rows.length; i += 500) await trx.insertInto('statistics_months').values(rows.slice(i, i + 500)).execute();
    for (const m of monthsOf(run).map(counted)) {
      await trx.updateTable('statistics_counted').set({ counted_on: m.counted_on, count_id: m.count_id }).where('month', '=', m.month).execute();
      ids.set(m.month, m.count_id);
    }
  }
  const stale = monthsOf(period).filter((m) => !ids.has(m));
  for (const run of runs(stale)) {
    await trx.deleteFrom('statistics_counted').where('month', '>=', run.from).where('month', '<=', run.to).where('frozen', '=', 0).execute();
    await trx.deleteFrom('statistics_months').where('month', '>=', run.from).where('month', '<=', run.to).execute();
    const rows = await liveMonthCounts(trx, run, today);
    for (let i = 0; i < rows.length; i += 500) await trx.insertInto('statistics_months').values(rows.slice(i, i + 500)).execute();
    const months = monthsOf(run).map(counted);
    for (let i = 0; i < months.length; i += 500) await trx.insertInto('statistics_counted').values(months.slice(i, i + 500)).execute();
    for (const m of months) ids.set(m.month, m.count_id);
  }
  return ids;
}

/**
 * The monthly counts of a span of months, in month order: kept counts where
 * they hold, the others counted again first (within the caller's
 * transaction, so a read sees its own writes). `today` is the worker's
 * calendar day: open placements count their nights through it. The rows are
 * shared with later reads: do not change them.
 */
export async function monthCountsFor(trx: Trx, period: MonthPeriod, today: string = localIsoDate(new Date())): Promise<MonthCount[]> {
  const ids = await keptMonths(trx, period, today);
  const months = monthsOf(period);
  const found = new Map<string, readonly MonthCount[]>();
  for (const m of months) {
    const id = ids.get(m);
    const rows = id ? recall(id) : undefined;
    if (rows) found.set(m, rows);
  }
  for (const run of runs(months.filter((m) => !found.has(m)))) {
    const byMonth = new Map<string, MonthCount[]>(monthsOf(run).map((m) => [m, []]));
    for (const r of await trx.selectFrom('statistics_months').select(['month', 'measure', 'dimension', 'value', 'count']).where('month', '>=', run.from).where('month', '<=', run.to).execute()) {
      byMonth.get(r.month)!.push({ month: text(r.month), measure: text(r.measure), dimension: text(r.dimension), value: text(r.value), count: r.count });
    }
    for (const [m, rows] of byMonth) {
      found.set(m, rows);
      const id = ids.get(m);
      if (id) remember(id, rows);
    }
  }
  const out: MonthCount[] = [];
  for (const m of months) for (const r of found.get(m)!) out.push(r);
  return out;
}

/**
 * Freezes every month up to and including `month`, counting first what is not
 * counted: for retention, before it deletes old cases, so that the deletion
 * does not rewrite the figures of those months.
 */
export async function freezeStatisticsThrough(trx: Trx, month: string, today: string = localIsoDate(new Date())): Promise<void> {
  const first = await sql<{ m: string | null }>`SELECT min(m) AS m FROM (
    SELECT min(substr(intake_date, 1, 7)) AS m FROM cases
    UNION ALL SELECT min(substr(start_date, 1, 7)) FROM services
    UNION ALL SELECT min(substr(decision_date, 1, 7)) FROM decisions
    UNION ALL SELECT min(substr(start_date, 1, 7)) FROM placements
    UNION ALL SELECT min(substr(assessed_on, 1, 7)) FROM risk_assessments
  )`.execute(trx);
  const from = first.rows[0]?.m;
  if (from && from <= month) await keptMonths(trx, { from, to: month }, today);
  await trx.updateTable('statistics_counted').set({ frozen: 1 }).where('month', '<=', month).execute();
}
