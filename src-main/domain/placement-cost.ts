/**
 * What a stay in protected housing costs, in whole öre (never floats).
 *
 * ## The day-counting rule (dygnsräkning)
 *
 * Shelters bill the municipality per *dygn* (per night), the way the
 * agreements of Swedish municipalities with skyddade boenden and kvinnojourer
 * are written: **the arrival day is paid, the departure day is not** — the
 * night after the arrival day is the first dygn, and the person leaves in the
 * morning of the departure day without another night. A stay that starts and
 * ends on the same day is billed as **one** dygn (the bed was taken).
 * A stay with no end yet is counted through the reference day (usually
 * today), that day included: the bed is taken tonight.
 *
 * Consequences: a placement 1–31 March with departure 31 March costs 30 days;
 * leaving shelter A and arriving at shelter B on the same day bills that day
 * once (at B); each calendar month is billed for the nights that begin in it.
 *
 * ## Prices
 *
 * A shelter has price periods (adult and child price per day, each valid from
 * a date until the next period). Each day is priced by the period in force on
 * that day, so a stay across a price change is split; old days keep the old
 * price. A placement may override the adult and/or child price with a reason
 * (an agreed price); an override prices every day of that placement.
 *
 * Each accompanying child is billed at the child price for its own days,
 * which may start later or end earlier than the parent's.
 */

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date `YYYY-MM-DD`. */
export function dayNumber(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
}

/** The ISO date of a day number. */
export function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Adds days to an ISO date. */
export function addDays(iso: string, days: number): string {
  return isoDate(dayNumber(iso) + days);
}

export interface PricePeriod {
  /** First day the prices apply, `YYYY-MM-DD`. */
  validFrom: string;
  adultOre: number;
  childOre: number;
}

export interface Stay {
  start: string;
  /** Departure day, or null while the stay goes on. */
  end: string | null;
}

/**
 * The billed days of a stay as a half-open day-number range [from, to):
 * the arrival day up to, not including, the departure day; at least one day;
 * an open stay runs through `asOf` (inclusive). Empty when `asOf` is before the arrival.
 */
export function billedRange(stay: Stay, asOf: string): { from: number; to: number } {
  const from = dayNumber(stay.start);
  if (stay.end !== null) return { from, to: Math.max(dayNumber(stay.end), from + 1) };
  return { from, to: Math.max(from, dayNumber(asOf) + 1) };
}

/** The number of billed days (dygn) of a stay. */
export function billedDays(stay: Stay, asOf: string): number {
  const r = billedRange(stay, asOf);
  return r.to - r.from;
}

/** Price periods sorted by start, as day numbers. */
export interface PriceTable {
  readonly from: readonly number[];
  readonly adultOre: readonly number[];
  readonly childOre: readonly number[];
}

/** Prepares a shelter's price periods for pricing many stays. */
export function priceTable(periods: readonly PricePeriod[]): PriceTable {
  const sorted = [...periods].sort((a, b) => (a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0));
  return { from: sorted.map((p) => dayNumber(p.validFrom)), adultOre: sorted.map((p) => p.adultOre), childOre: sorted.map((p) => p.childOre) };
}

export interface RangeCost {
  days: number;
  ore: number;
  /** Days before the shelter's first price period and without an override: not priced. */
  unpricedDays: number;
}

/** Cost of the days [from, to) at the adult or child price, split at every price change. */
export function priceDays(table: PriceTable, kind: 'adult' | 'child', from: number, to: number, overrideOre: number | null): RangeCost {
  if (to <= from) return { days: 0, ore: 0, unpricedDays: 0 };
  const days = to - from;
  if (overrideOre !== null) return { days, ore: days * overrideOre, unpricedDays: 0 };
  const prices = kind === 'adult' ? table.adultOre : table.childOre;
  let ore = 0;
  let unpriced = 0;
  for (let i = -1; i < table.from.length; i++) {
    const pFrom = i < 0 ? -Infinity : table.from[i]!;
    const pTo = i + 1 < table.from.length ? table.from[i + 1]! : Infinity;
    const a = Math.max(from, pFrom);
    const b = Math.min(to, pTo);
    if (b <= a) continue;
    if (i < 0) unpriced += b - a;
    else ore += (b - a) * prices[i]!;
  }
  return { days, ore, unpricedDays: unpriced };
}

export interface CostedPlacement {
  start: string;
  end: string | null;
  adultPriceOverrideOre: number | null;
  childPriceOverrideOre: number | null;
  children: readonly Stay[];
}

export interface Cost {
  adultDays: number;
  childDays: number;
  adultOre: number;
  childOre: number;
  totalOre: number;
  unpricedDays: number;
}

export const ZERO_COST: Cost = Object.freeze({ adultDays: 0, childDays: 0, adultOre: 0, childOre: 0, totalOre: 0, unpricedDays: 0 });

/**
 * The cost of a placement within the days [windowFrom, windowTo) (day
 * numbers; use ±Infinity for the whole stay), adult and children, through
 * `asOf` for open stays. A child's open end follows the parent's stay.
 */
export function placementCostIn(p: CostedPlacement, table: PriceTable, asOf: string, windowFrom = -Infinity, windowTo = Infinity): Cost {
  const parent = billedRange(p, asOf);
  const a = priceDays(table, 'adult', Math.max(parent.from, windowFrom), Math.min(parent.to, windowTo), p.adultPriceOverrideOre);
  let childDays = 0;
  let childOre = 0;
  let unpriced = a.unpricedDays;
  for (const c of p.children) {
    const own = c.end === null ? { from: dayNumber(c.start), to: parent.to } : billedRange(c, asOf);
    const from = Math.max(own.from, parent.from, windowFrom);
    const to = Math.min(own.to, parent.to, windowTo);
    const cc = priceDays(table, 'child', from, to, p.childPriceOverrideOre);
    childDays += cc.days;
    childOre += cc.ore;
    unpriced += cc.unpricedDays;
  }
  return { adultDays: a.days, childDays, adultOre: a.ore, childOre, totalOre: a.ore + childOre, unpricedDays: unpriced };
}

/** The whole placement's cost (through `asOf` while it goes on). */
export function placementCost(p: CostedPlacement, periods: readonly PricePeriod[], asOf: string): Cost {
  return placementCostIn(p, priceTable(periods), asOf);
}

/** The day-number range [from, to) of a calendar month `YYYY-MM`. */
export function monthRange(month: string): { from: number; to: number } {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return { from: Date.UTC(y, m - 1, 1) / DAY_MS, to: Date.UTC(y, m, 1) / DAY_MS };
}

/** The months `YYYY-MM` a range of day numbers [from, to) touches, in order. */
export function monthsOf(from: number, to: number): string[] {
  const out: string[] = [];
  if (to <= from) return out;
  let month = isoDate(from).slice(0, 7);
  const last = isoDate(to - 1).slice(0, 7);
  for (;;) {
    out.push(month);
    if (month === last) return out;
    month = isoDate(monthRange(month).to).slice(0, 7);
  }
}

/** The placement's cost per calendar month, for the budget; months without billed days are left out. */
export function placementCostByMonth(p: CostedPlacement, periods: readonly PricePeriod[], asOf: string): { month: string; cost: Cost }[] {
  const table = priceTable(periods);
  const r = billedRange(p, asOf);
  return monthsOf(r.from, r.to).map((month) => {
    const m = monthRange(month);
    return { month, cost: placementCostIn(p, table, asOf, m.from, m.to) };
  });
}

/** Adds costs. */
export function addCost(a: Cost, b: Cost): Cost {
  return {
    adultDays: a.adultDays + b.adultDays,
    childDays: a.childDays + b.childDays,
    adultOre: a.adultOre + b.adultOre,
    childOre: a.childOre + b.childOre,
    totalOre: a.totalOre + b.totalOre,
    unpricedDays: a.unpricedDays + b.unpricedDays,
  };
}

/**
 * Parses kronor as a worker writes them ("1 250", "1250,50", "1 250 kr") into
 * öre; null when it is not an amount.
 *
 * @example kronorToOre('1 250,50') // 125050
 */
export function kronorToOre(text: string): number | null {
  const t = text.replace(/\s|\u00a0/g, '').replace(/kr$/i, '').replace(/:-$/, '');
  const m = /^(\d{1,7})(?:[.,](\d{1,2}))?$/.exec(t);
  if (!m) return null;
  return Number(m[1]) * 100 + (m[2] ? Number(m[2].padEnd(2, '0')) : 0);
}
