import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { billedDays, billedRange, monthRange, monthsOf as monthsOfDays, placementCostIn, priceTable, type PricePeriod, type PriceTable } from '../../domain/placement-cost.js';
import { dateRange, type MonthPeriod } from '../../domain/statistics-period.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Adds one count (see queries.ts for the shape). */
export type AddCount = (month: string, measure: string, dimension: string, value: string | null, count: number | bigint) => void;

const monthOf = (col: string) => sql<string>`substr(${sql.ref(col)}, 1, 7)`;

/**
 * Placement counts per month, from the live records. Days and cost follow the
 * domain's day-counting and pricing rules (domain/placement-cost.ts): each
 * month holds the nights that begin in it, priced by the period in force.
 *
 * | measure | month of | dimension → value |
 * |---|---|---|
 * | `placements` | start | `total`→`all`, `operator_type` |
 * | `placement_days` | each billed night | `kind` (`adult`/`child`) → nights |
 * | `placement_cost` | each billed night | `kind` (`adult`/`child`) → öre |
 * | `placements_ended` | end | `total`→`all`, `destination`, `end_reason`, `length_days`→`sum` (billed nights of the whole stay) |
 * | `placed_children` | the child's arrival | `own_decision` (`yes`/`no`), `consent` |
 */
export async function placementMonthCounts(db: Db, period: MonthPeriod, asOf: string, add: AddCount): Promise<void> {
  const { fromDate, beforeDate } = dateRange(period);
  const placements = await db
    .selectFrom('placements as p')
    .innerJoin('shelters as s', 's.id', 'p.shelter_id')
    .select(['p.id', 'p.shelter_id as shelterId', 's.operator_type as operatorType', 'p.start_date as start', 'p.end_date as end', 'p.adult_price_override_ore as adultOverride', 'p.child_price_override_ore as childOverride', 'p.destination', 'p.end_reason as endReason'])
    .where('p.start_date', '<', beforeDate)
    .where((eb) => eb.or([eb('p.end_date', 'is', null), eb('p.end_date', '>=', fromDate)]))
    .execute();
  if (placements.length === 0) return;
  const ids = placements.map((p) => p.id);
  const children = new Map<string, { start: string; end: string | null; decisionRef: string; consent: string }[]>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const c of await db
      .selectFrom('placement_children')
      .select(['placement_id as placementId', 'start_date as start', 'end_date as end', 'decision_ref as decisionRef', 'consent'])
      .where('placement_id', 'in', ids.slice(i, i + 500))
      .execute()) {
      const list = children.get(c.placementId) ?? [];
      list.push(c);
      children.set(c.placementId, list);
    }
  }
  const periods = new Map<string, PricePeriod[]>();
  for (const r of await db.selectFrom('shelter_price_periods').select(['shelter_id as shelterId', 'valid_from as validFrom', 'adult_ore as adultOre', 'child_ore as childOre']).execute()) {
    const list = periods.get(r.shelterId) ?? [];
    list.push(r);
    periods.set(r.shelterId, list);
  }
  const tables = new Map<string, PriceTable>();
  const tableOf = (shelterId: string) => {
    let t = tables.get(shelterId);
    if (!t) tables.set(shelterId, (t = priceTable(periods.get(shelterId) ?? [])));
    return t;
  };
  const inPeriod = (date: string) => date >= fromDate && date < beforeDate;
  const span = monthRange(period.from).from;
  const spanTo = monthRange(period.to).to;

  for (const p of placements) {
    const kids = children.get(p.id) ?? [];
    const costed = { start: p.start, end: p.end, adultPriceOverrideOre: p.adultOverride, childPriceOverrideOre: p.childOverride, children: kids };
    if (inPeriod(p.start)) {
      const m = p.start.slice(0, 7);
      add(m, 'placements', 'total', 'all', 1);
      add(m, 'placements', 'operator_type', p.operatorType, 1);
    }
    for (const k of kids) {
      if (!inPeriod(k.start)) continue;
      add(k.start.slice(0, 7), 'placed_children', 'own_decision', k.decisionRef.trim() === '' ? 'no' : 'yes', 1);
      add(k.start.slice(0, 7), 'placed_children', 'consent', k.consent, 1);
    }
    if (p.end !== null && inPeriod(p.end)) {
      const m = p.end.slice(0, 7);
      add(m, 'placements_ended', 'total', 'all', 1);
      add(m, 'placements_ended', 'destination', p.destination, 1);
      add(m, 'placements_ended', 'end_reason', p.endReason, 1);
      add(m, 'placements_ended', 'length_days', 'sum', billedDays(p, asOf));
    }
    const table = tableOf(p.shelterId);
    const billed = billedRange(p, asOf);
    for (const month of monthsOfDays(Math.max(billed.from, span), Math.min(billed.to, spanTo))) {
      const r = monthRange(month);
      const cost = placementCostIn(costed, table, asOf, r.from, r.to);
      if (cost.adultDays + cost.childDays === 0) continue;
      add(month, 'placement_days', 'kind', 'adult', cost.adultDays);
      add(month, 'placement_days', 'kind', 'child', cost.childDays);
      add(month, 'placement_cost', 'kind', 'adult', cost.adultOre);
      add(month, 'placement_cost', 'kind', 'child', cost.childOre);
    }
  }
}

/**
 * Risk assessment and safety plan counts per month.
 *
 * | measure | month of | dimension → value |
 * |---|---|---|
 * | `risk_assessments` | assessment | `level` (the level the worker set) |
 * | `new_cases` | intake | `risk_assessment_days` (days to the case's first assessment, 0 when made before intake, or `none`), `safety_plan` (`yes`/`no`) |
 */
export async function careMonthCounts(db: Db, period: MonthPeriod, add: AddCount): Promise<void> {
  const { fromDate, beforeDate } = dateRange(period);
  for (const r of await db
    .selectFrom('risk_assessments')
    .select([monthOf('assessed_on').as('m'), 'level as v', (eb) => eb.fn.countAll<number>().as('n')])
    .where('assessed_on', '>=', fromDate)
    .where('assessed_on', '<', beforeDate)
    .groupBy(['m', 'v'])
    .execute())
    add(r.m, 'risk_assessments', 'level', r.v, r.n);

  for (const r of await db
    .selectFrom('cases as c')
    .select([
      monthOf('c.intake_date').as('m'),
      sql<number | null>`CAST(julianday((SELECT min(a.assessed_on) FROM risk_assessments a WHERE a.case_id = c.id)) - julianday(c.intake_date) AS INTEGER)`.as('days'),
      sql<number>`EXISTS (SELECT 1 FROM safety_plans s WHERE s.case_id = c.id)`.as('plan'),
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .where('c.intake_date', '>=', fromDate)
    .where('c.intake_date', '<', beforeDate)
    .groupBy(['m', 'days', 'plan'])
    .execute()) {
    add(r.m, 'new_cases', 'risk_assessment_days', r.days === null ? 'none' : String(Math.max(0, r.days)), r.n);
    add(r.m, 'new_cases', 'safety_plan', r.plan ? 'yes' : 'no', r.n);
  }
}

/** The measures whose counts change with the day alone: an open placement adds a night (and its cost) each day. */
export const DAY_MEASURES: readonly string[] = ['placement_days', 'placement_cost'];

/**
 * The counts of `DAY_MEASURES` per month as of `asOf`, exactly as
 * liveMonthCounts gives them: what a month whose rows are otherwise current
 * needs counted again on a new day.
 */
export async function dayMonthCounts(db: Db, period: MonthPeriod, asOf: string): Promise<{ month: string; measure: string; dimension: string; value: string; count: number }[]> {
  const sums = new Map<string, number>();
  await placementMonthCounts(db, period, asOf, (month, measure, dimension, value, count) => {
    if (!DAY_MEASURES.includes(measure)) return;
    const key = JSON.stringify([month, measure, dimension, value ?? 'unknown']);
    sums.set(key, (sums.get(key) ?? 0) + Number(count));
  });
  return [...sums].map(([key, count]) => {
    const [month, measure, dimension, value] = JSON.parse(key) as [string, string, string, string];
    return { month, measure, dimension, value, count };
  });
}
