import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { ratingChange } from '../../domain/outcome-followup.js';
import { dateRange, type MonthPeriod } from '../../domain/statistics-period.js';
import type { AddCount } from './queries-care.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The measure of the outcome follow-up in the kept monthly counts. */
export const OUTCOME_MEASURE = 'outcomes';
/** The group of every pair (each counted once), and of pairs in cases with no service. */
export const ALL_PAIRS = '*';
export const NO_SERVICE = 'none';

/** The value of an outcome count: the group (a service code, `none` or `*`) and, for histograms, the bucket. */
export function outcomeValue(group: string, bucket?: string | number): string {
  return bucket === undefined ? group : `${group}|${bucket}`;
}

/**
 * Outcome follow-up counts per month, from the live records. A *pair* is the
 * intake and the closing follow-up of one person in a closed case; it counts
 * in the month the case was closed, once in the group `*` and once per
 * service type given in the case (or in `none`). Only counts: each figure is
 * a histogram, so months add up and a mean is Σ(bucket × count) / Σ count —
 * no identity, no date finer than the month, no free text.
 *
 * | measure | month of | dimension → value (`group` or `group|bucket`) |
 * |---|---|---|
 * | `outcomes` | case closed | `pairs` → group; `safety_change`, `well_being_change` → change −4…4 (pairs where both ratings were given); `stopped_intake`, `stopped_closing` → yes/partly/no/unknown; `help` → rating 1–5 (given) |
 */
export async function outcomeMonthCounts(db: Db, period: MonthPeriod, add: AddCount): Promise<void> {
  const { fromDate, beforeDate } = dateRange(period);
  // CROSS JOIN keeps the cases outermost (SQLite does not reorder it): one pass over the cases' rows picks the
  // period's closings, and only those look up their follow-ups. Led by the status index instead, every closed case
  // of all years was visited to count one month (measured at 50,000 cases: 31 ms → see tests/bench/outcomes.ts).
  const rows = await db
    .selectFrom('cases as c')
    .crossJoin('outcome_followups as i')
    .crossJoin('outcome_followups as k')
    .select([
      'c.id as caseId',
      'c.status as status',
      sql<string>`substr(c.closed_at, 1, 7)`.as('m'),
      'i.safety as safetyIn',
      'k.safety as safetyOut',
      'i.well_being as wellIn',
      'k.well_being as wellOut',
      'i.violence_stopped as stoppedIn',
      'k.violence_stopped as stoppedOut',
      'k.help_rating as help',
    ])
    .where('c.closed_at', '>=', fromDate)
    .where('c.closed_at', '<', beforeDate)
    .whereRef('i.case_id', '=', 'c.id')
    .where('i.phase', '=', 'intake')
    .whereRef('k.case_id', '=', 'c.id')
    .whereRef('k.person_id', '=', 'i.person_id')
    .where('k.phase', '=', 'closing')
    .execute();
  // Only closed cases have a closing date; the status is checked here so that no index on it leads the query.
  const pairs = rows.filter((r) => r.status === 'closed');
  if (pairs.length === 0) return;
  const services = new Map<string, Set<string>>();
  const ids = [...new Set(pairs.map((p) => p.caseId))];
  for (let i = 0; i < ids.length; i += 500) {
    for (const s of await db.selectFrom('services').select(['case_id as caseId', 'service_type as type']).distinct().where('case_id', 'in', ids.slice(i, i + 500)).execute()) {
      const set = services.get(s.caseId) ?? new Set<string>();
      set.add(s.type);
      services.set(s.caseId, set);
    }
  }
  for (const p of pairs) {
    const types = services.get(p.caseId);
    const groups = [ALL_PAIRS, ...(types && types.size > 0 ? types : [NO_SERVICE])];
    const safety = ratingChange(p.safetyIn, p.safetyOut);
    const well = ratingChange(p.wellIn, p.wellOut);
    for (const g of groups) {
      add(p.m, OUTCOME_MEASURE, 'pairs', outcomeValue(g), 1);
      if (safety !== null) add(p.m, OUTCOME_MEASURE, 'safety_change', outcomeValue(g, safety), 1);
      if (well !== null) add(p.m, OUTCOME_MEASURE, 'well_being_change', outcomeValue(g, well), 1);
      add(p.m, OUTCOME_MEASURE, 'stopped_intake', outcomeValue(g, p.stoppedIn), 1);
      add(p.m, OUTCOME_MEASURE, 'stopped_closing', outcomeValue(g, p.stoppedOut), 1);
      if (p.help !== null) add(p.m, OUTCOME_MEASURE, 'help', outcomeValue(g, p.help), 1);
    }
  }
}
