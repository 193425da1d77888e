import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, billedDays, kronorToOre, placementCost, placementCostByMonth, type CostedPlacement, type PricePeriod } from '../../../src-main/domain/placement-cost.js';

const prices: PricePeriod[] = [{ validFrom: '2023-01-01', adultOre: 120_000, childOre: 60_000 }];

function stay(start: string, end: string | null, children: CostedPlacement['children'] = []): CostedPlacement {
  return { start, end, adultPriceOverrideOre: null, childPriceOverrideOre: null, children };
}

describe('placement cost: the day-counting rule', () => {
  it('bills the arrival day and not the departure day', () => {
    // given a stay from 1 to 31 March, when counted, then 30 dygn are billed
    expect(billedDays({ start: '2024-03-01', end: '2024-03-31' }, '2099-01-01')).toBe(30);
    expect(placementCost(stay('2024-03-01', '2024-03-31'), prices, '2099-01-01').totalOre).toBe(30 * 120_000);
  });

  it('bills a stay that starts and ends the same day as one day', () => {
    expect(billedDays({ start: '2024-03-05', end: '2024-03-05' }, '2099-01-01')).toBe(1);
  });

  it('counts an open stay through the reference day, that day included', () => {
    expect(billedDays({ start: '2024-03-05', end: null }, '2024-03-05')).toBe(1);
    expect(billedDays({ start: '2024-03-05', end: null }, '2024-03-14')).toBe(10);
    expect(billedDays({ start: '2024-03-05', end: null }, '2024-03-01')).toBe(0);
  });

  it('splits a stay across a price change, old days at the old price', () => {
    const periods: PricePeriod[] = [
      { validFrom: '2024-01-01', adultOre: 100_000, childOre: 50_000 },
      { validFrom: '2024-03-10', adultOre: 110_000, childOre: 55_000 },
    ];
    // 5–10 March at the old price (5 days: 5,6,7,8,9), 10–15 March at the new (5 days)
    const c = placementCost(stay('2024-03-05', '2024-03-15', [{ start: '2024-03-05', end: null }]), periods, '2099-01-01');
    expect(c.adultDays).toBe(10);
    expect(c.adultOre).toBe(5 * 100_000 + 5 * 110_000);
    expect(c.childOre).toBe(5 * 50_000 + 5 * 55_000);
    expect(c.totalOre).toBe(c.adultOre + c.childOre);
  });

  it('reports days before the first price period as unpriced, and an override prices every day', () => {
    const c = placementCost(stay('2022-12-30', '2023-01-02'), prices, '2099-01-01');
    expect(c.unpricedDays).toBe(2);
    expect(c.adultOre).toBe(120_000);
    const o = placementCost({ ...stay('2022-12-30', '2023-01-02'), adultPriceOverrideOre: 99_950 }, prices, '2099-01-01');
    expect(o).toMatchObject({ unpricedDays: 0, adultOre: 3 * 99_950 });
  });

  it('bills each child its own days at the child price, inside the parent stay', () => {
    const c = placementCost(
      stay('2024-03-01', '2024-03-21', [
        { start: '2024-03-01', end: null },
        { start: '2024-03-08', end: '2024-03-15' },
      ]),
      prices,
      '2099-01-01',
    );
    expect(c.adultDays).toBe(20);
    expect(c.childDays).toBe(20 + 7);
    expect(c.childOre).toBe(27 * 60_000);
  });
});

describe('placement cost per calendar month', () => {
  it('splits at month boundaries: nights belong to the month they begin in', () => {
    const months = placementCostByMonth(stay('2024-01-30', '2024-02-02'), prices, '2099-01-01');
    expect(months.map((m) => [m.month, m.cost.adultDays])).toEqual([
      ['2024-01', 2],
      ['2024-02', 1],
    ]);
  });

  it('counts the leap day 29 February 2024', () => {
    const months = placementCostByMonth(stay('2024-02-01', '2024-03-01'), prices, '2099-01-01');
    expect(months).toEqual([{ month: '2024-02', cost: expect.objectContaining({ adultDays: 29, totalOre: 29 * 120_000 }) }]);
    expect(placementCostByMonth(stay('2023-02-01', '2023-03-01'), prices, '2099-01-01')[0]!.cost.adultDays).toBe(28);
  });

  it('runs across a year end', () => {
    const months = placementCostByMonth(stay('2023-12-20', '2024-01-10'), prices, '2099-01-01');
    expect(months.map((m) => [m.month, m.cost.adultDays])).toEqual([
      ['2023-12', 12],
      ['2024-01', 9],
    ]);
  });

  it('property: the months add up to the whole stay, for adults and children, across price changes', () => {
    const periods: PricePeriod[] = [
      { validFrom: '2020-01-01', adultOre: 95_000, childOre: 40_000 },
      { validFrom: '2021-07-15', adultOre: 101_050, childOre: 45_025 },
      { validFrom: '2022-02-28', adultOre: 117_500, childOre: 50_000 },
    ];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1200 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }), fc.boolean(), (startOffset, length, childOffset, open) => {
        const start = addDays('2020-01-01', startOffset);
        const end = open ? null : addDays(start, length);
        const p = stay(start, end, [{ start: addDays(start, Math.min(childOffset, length)), end: null }]);
        const asOf = addDays(start, length);
        const whole = placementCost(p, periods, asOf);
        const months = placementCostByMonth(p, periods, asOf);
        const sum = months.reduce((a, m) => a + m.cost.totalOre, 0);
        const days = months.reduce((a, m) => a + m.cost.adultDays, 0);
        return sum === whole.totalOre && days === whole.adultDays && Number.isInteger(sum);
      }),
    );
  });
});

describe('kronor as a worker writes them', () => {
  it('parses Swedish amounts into öre and refuses anything else', () => {
    expect(kronorToOre('1 250')).toBe(125_000);
    expect(kronorToOre('1250,5')).toBe(125_050);
    expect(kronorToOre('1 250,50 kr')).toBe(125_050);
    expect(kronorToOre('-5')).toBeNull();
    expect(kronorToOre('tolv')).toBeNull();
    expect(kronorToOre('')).toBeNull();
  });
});
