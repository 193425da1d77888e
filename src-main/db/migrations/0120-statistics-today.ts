import { sql, type Kysely } from 'kysely';

/**
 * Statistics, the current month kept too (issue 8). Until now the current
 * month (and every later one) was counted again on every dashboard read,
 * because an open placement adds a night each day without any row changing.
 *
 * - `statistics_counted.counted_on`: the day the month was counted on. A
 *   month's counts depend on the day only while the day falls inside that
 *   month (open placements' nights and cost); counted before the month began
 *   or after it ended they hold for every day before or after it. The month
 *   store (features/statistics/month-store.ts) counts a month again when its
 *   day no longer holds; the triggers of 0070 and 0080 still strike a month off
 *   on every change, the current month included. Months counted before this
 *   version were all counted after they ended (the first day of the next month
 *   is a day on which that was true), frozen ones included; NULL is never
 *   written and would mean "count again".
 * - `statistics_counted.count_id`: a random id given each time a month is
 *   counted, written in the same transaction as the month's rows, which never
 *   change under that id (a change strikes the month off, a new count gets a
 *   new id). The month store keeps rows it has read by this id in memory, so
 *   reading ten years of kept counts does not rebuild 27,000 rows each time.
 * - Covering indexes for the per-month counts that read a date range
 *   (services, decisions, closed cases, risk assessments): they scanned their
 *   whole table, so counting one month cost as much as counting all of them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE statistics_counted ADD COLUMN counted_on TEXT CHECK (counted_on IS NULL OR counted_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')`.execute(db);
  await sql`ALTER TABLE statistics_counted ADD COLUMN count_id TEXT`.execute(db);
  await sql`UPDATE statistics_counted SET counted_on = date(month || '-01', '+1 month'), count_id = lower(hex(randomblob(16)))`.execute(db);
  await sql`CREATE INDEX services_start_type ON services(start_date, service_type)`.execute(db);
  await sql`CREATE INDEX decisions_date_outcome ON decisions(decision_date, outcome)`.execute(db);
  await sql`CREATE INDEX cases_closed_reason ON cases(closed_at, closing_reason) WHERE closed_at IS NOT NULL`.execute(db);
  await sql`CREATE INDEX risk_assessments_assessed_level ON risk_assessments(assessed_on, level)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Fristad migrations are forward-only.');
}
