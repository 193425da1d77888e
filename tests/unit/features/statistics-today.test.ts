import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { call, unlockedApp } from '../../support/temp.js';
import { newCase } from '../../support/casework.js';
import type { CaseDetail } from '../../../src-main/features/cases/contract.js';
import type { ShelterDetail } from '../../../src-main/features/shelters/contract.js';
import type { Placement } from '../../../src-main/features/placements/contract.js';
import type { Dashboard } from '../../../src-main/features/statistics/contract.js';
import { liveMonthCounts, serviceTypeLabels, type MonthCount } from '../../../src-main/features/statistics/queries.js';
import { MonthCounts } from '../../../src-main/features/statistics/figures/counts.js';
import { dashboardFrom } from '../../../src-main/features/statistics/figures/dashboard.js';
import { readStatisticsSettings } from '../../../src-main/features/statistics/settings.js';
import { freezeStatisticsThrough, holds, rowsHeldInMemory } from '../../../src-main/features/statistics/month-store.js';
import { sameTimeLastYear, type MonthPeriod } from '../../../src-main/domain/statistics-period.js';

type App = Awaited<ReturnType<typeof unlockedApp>>;

/**
 * The kept counts of the current month against the clock: a fixed clock
 * walks over midnight, the end of a month and the end of a year with open
 * placements (one with a child, one starting in the future, across a price
 * change), and every dashboard read must equal a full recount as of that day
 * and an independent night-by-night count made here.
 */

const PRICES = [
  { from: '2026-01-01', adult: 100_000, child: 50_000 },
  { from: '2026-12-01', adult: 120_000, child: 60_000 },
];
/** Stays in the test's own terms: arrival, departure (null while open), children. */
const STAYS = [
  { start: '2026-10-15', end: '2026-11-05', children: [] as { start: string }[] },
  { start: '2026-11-20', end: null, children: [{ start: '2026-11-25' }] },
  { start: '2026-12-03', end: null, children: [] },
];

/** Plain date arithmetic for the test's own count (not the domain's functions). */
const plus = (date: string, n: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/** Nights (arrival paid, departure not, open stays through today) and their cost in `month`, counted night by night. */
function nightsIn(month: string, today: string, stays: { start: string; end: string | null; children: { start: string }[] }[]) {
  let adultDays = 0;
  let childDays = 0;
  let costOre = 0;
  for (const s of stays) {
    const last = s.end === null ? today : plus(s.end, -1);
    for (let d = s.start; d <= last; d = plus(d, 1)) {
      if (!d.startsWith(month)) continue;
      const price = [...PRICES].reverse().find((p) => p.from <= d)!;
      adultDays++;
      costOre += price.adult;
      for (const c of s.children) {
        if (d < c.start) continue;
        childDays++;
        costOre += price.child;
      }
    }
  }
  return { adultDays, childDays, costOre };
}

/** The span of months the service reads for a dashboard period (the period, a year earlier, and the chart's two years). */
function spanOf(period: MonthPeriod): MonthPeriod {
  const year = Number(period.to.slice(0, 4));
  const previous = sameTimeLastYear(period);
  return { from: previous.from < `${year - 1}-01` ? previous.from : `${year - 1}-01`, to: `${year}-12` };
}

const sorted = (rows: MonthCount[]) => rows.map((r) => `${r.month}|${r.measure}|${r.dimension}|${r.value}|${r.count}`).sort();

async function setup(app: App) {
  const shelter = await call<ShelterDetail>(app.router, 'shelters.create', { name: 'Skyddat boende Norr', operatorType: 'womens_shelter', firstPrice: { validFrom: PRICES[0]!.from, adultOre: PRICES[0]!.adult, childOre: PRICES[0]!.child } });
  await call(app.router, 'shelters.addPricePeriod', { shelterId: shelter.id, validFrom: PRICES[1]!.from, adultOre: PRICES[1]!.adult, childOre: PRICES[1]!.child });
  const placements: Placement[] = [];
  for (const [i, s] of STAYS.entries()) {
    const detail = await call<CaseDetail>(app.router, 'cases.create', {
      mainNewPerson: { firstName: `Vuxen${i}`, lastName: 'Dygnsson', identity: { kind: 'none', birthYear: 1985 }, gender: 'kvinna', protectionLevel: 'none' },
      intakeDate: s.start < '2026-11-29' ? s.start : '2026-11-29',
      intakeSource: 'report_police',
      violenceTypes: ['physical'],
      people: s.children.map((_, k) => ({ person: { newPerson: { firstName: `Barn${k}`, lastName: 'Dygnsson', identity: { kind: 'none', birthYear: 2017 }, gender: 'okant', protectionLevel: 'none' } }, role: 'child', childExposure: 'witnessed' })),
    });
    const kids = detail.persons.filter((p) => p.role === 'child').map((p) => p.personId);
    const placement = await call<Placement>(app.router, 'placements.create', {
      caseId: detail.id,
      personId: detail.mainPersonId,
      shelterId: shelter.id,
      decisionDate: s.start < '2026-11-29' ? s.start : '2026-11-29',
      startDate: s.start,
      children: s.children.map((c, k) => ({ personId: kids[k], startDate: c.start, decisionRef: `Beslut ${i}-${k}`, consent: 'sole_custody', schooling: 'new_school' })),
    });
    if (s.end !== null) await call(app.router, 'placements.end', { id: placement.id, endDate: s.end, endReason: 'moved_on', destination: 'own_home' });
    placements.push(placement);
  }
  return { shelter, placements };
}

/**
 * Reads the dashboard through the router and checks it against a full
 * recount as of `today` (every figure) and against the kept rows. Months
 * through `frozenThrough` are expected as retention froze them.
 */
async function readAndCheck(app: App, period: MonthPeriod, today: string, frozenThrough = '0000-00'): Promise<Dashboard> {
  const d = await call<Dashboard>(app.router, 'statistics.dashboard', period);
  const db = app.core.requireSession().db;
  const span = spanOf(period);
  const frozen = await db.selectFrom('statistics_months').select(['month', 'measure', 'dimension', 'value', 'count']).where('month', '>=', span.from).where('month', '<=', frozenThrough).execute();
  const live = [...frozen, ...(await liveMonthCounts(db, span, today)).filter((r) => r.month > frozenThrough)];
  expect(d).toEqual(dashboardFrom(new MonthCounts(live), period, await readStatisticsSettings(db), await serviceTypeLabels(db)));
  const kept = await db.selectFrom('statistics_months').select(['month', 'measure', 'dimension', 'value', 'count']).where('month', '>=', span.from).where('month', '<=', span.to).execute();
  expect(sorted(kept)).toEqual(sorted(live));
  return d;
}

const at = (localTime: string) => vi.setSystemTime(new Date(localTime));
const monthOf = (day: string) => day.slice(0, 7);
const quarterOf = (day: string) => {
  const q = Math.floor((Number(day.slice(5, 7)) - 1) / 3);
  return { from: `${day.slice(0, 4)}-${String(q * 3 + 1).padStart(2, '0')}`, to: `${day.slice(0, 4)}-${String(q * 3 + 3).padStart(2, '0')}` };
};

describe('statistics: the current month against the clock', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    at('2026-11-29T10:00:00');
  });
  afterEach(() => vi.useRealTimers());

  it('gives a full recount’s figures for the current month, quarter, year and ten years on every day, over midnight, a month end and a year end', async () => {
    // given open placements (one with a child, one starting in the future) and an ended one, with a price change on 1 December
    const app = await unlockedApp();
    await setup(app);
    const moments = ['2026-11-29T10:00:00', '2026-11-29T23:59:30', '2026-11-30T00:00:30', '2026-11-30T23:59:00', '2026-12-01T00:01:00', '2026-12-02T09:00:00', '2026-12-03T09:00:00', '2026-12-31T23:30:00', '2027-01-01T00:05:00', '2027-01-02T08:00:00'];
    for (const moment of moments) {
      at(moment);
      const today = moment.slice(0, 10);
      // when the dashboard is read for the current month, quarter, year and ten years
      const month = await readAndCheck(app, { from: monthOf(today), to: monthOf(today) }, today);
      await readAndCheck(app, quarterOf(today), today);
      await readAndCheck(app, { from: `${today.slice(0, 4)}-01`, to: `${today.slice(0, 4)}-12` }, today);
      await readAndCheck(app, { from: `${Number(today.slice(0, 4)) - 9}-01`, to: `${today.slice(0, 4)}-12` }, today);
      // then this month's nights and cost are those counted night by night through today
      expect(month.placements.current, moment).toMatchObject(nightsIn(monthOf(today), today, STAYS));
    }
    // and the night count itself moved with the clock (29 Nov: 10 adult nights of the open stay and 5 of its child, plus 4 of the ended one)
    expect(nightsIn('2026-11', '2026-11-29', STAYS)).toEqual({ adultDays: 14, childDays: 5, costOre: 14 * 100_000 + 5 * 50_000 });
  });

  it('counts the current month again only when the day changes, and keeps the other months', async () => {
    const app = await unlockedApp();
    await setup(app);
    const db = app.core.requireSession().db;
    const counted = async () => Object.fromEntries((await db.selectFrom('statistics_counted').select(['month', 'counted_on']).where('month', '>=', '2026-09').where('month', '<=', '2026-12').execute()).map((r) => [r.month, r.counted_on]));
    await readAndCheck(app, { from: '2026-10', to: '2026-12' }, '2026-11-29');
    expect(await counted()).toEqual({ '2026-09': '2026-11-29', '2026-10': '2026-11-29', '2026-11': '2026-11-29', '2026-12': '2026-11-29' });
    // a second read the same day counts nothing again
    at('2026-11-29T16:00:00');
    await readAndCheck(app, { from: '2026-10', to: '2026-12' }, '2026-11-29');
    expect(await counted()).toEqual({ '2026-09': '2026-11-29', '2026-10': '2026-11-29', '2026-11': '2026-11-29', '2026-12': '2026-11-29' });
    // the next day only the current month is counted again; on 1 December November is counted once more (its last nights are in) and December starts to move
    at('2026-11-30T08:00:00');
    await readAndCheck(app, { from: '2026-10', to: '2026-12' }, '2026-11-30');
    expect(await counted()).toEqual({ '2026-09': '2026-11-29', '2026-10': '2026-11-29', '2026-11': '2026-11-30', '2026-12': '2026-11-29' });
    at('2026-12-01T08:00:00');
    await readAndCheck(app, { from: '2026-10', to: '2026-12' }, '2026-12-01');
    expect(await counted()).toEqual({ '2026-09': '2026-11-29', '2026-10': '2026-11-29', '2026-11': '2026-12-01', '2026-12': '2026-12-01' });
    at('2026-12-02T08:00:00');
    await readAndCheck(app, { from: '2026-10', to: '2026-12' }, '2026-12-02');
    expect(await counted()).toEqual({ '2026-09': '2026-11-29', '2026-10': '2026-11-29', '2026-11': '2026-12-01', '2026-12': '2026-12-02' });
  });

  it('shows a change in the current month on the very next read of the same day: a new case, a service, a decision, an ended placement, an assessment', async () => {
    const app = await unlockedApp();
    const { placements } = await setup(app);
    const period = { from: '2026-11', to: '2026-11' };
    const before = await readAndCheck(app, period, '2026-11-29');
    const key = (d: Dashboard, id: string) => d.keyFigures.find((k) => k.id === id)!.current;
    const category = (d: Dashboard, id: string, code: string) => d.breakdowns.find((b) => b.id === id)!.categories.find((c) => c.code === code)?.current ?? 0;
    // a new case today
    const detail = await call<CaseDetail>(app.router, 'cases.create', {
      mainNewPerson: { firstName: 'Ny', lastName: 'Idag', identity: { kind: 'none', birthYear: 1990 }, gender: 'man', protectionLevel: 'none' },
      intakeDate: '2026-11-29',
      intakeSource: 'own_application',
      violenceTypes: ['psychological'],
    });
    const withCase = await readAndCheck(app, period, '2026-11-29');
    expect(key(withCase, 'cases_opened')).toBe(key(before, 'cases_opened') + 1);
    expect(category(withCase, 'gender', 'man')).toBe(category(before, 'gender', 'man') + 1);
    // a service started today, then a decision made today
    await call(app.router, 'services.create', { caseId: detail.id, personId: detail.mainPersonId, serviceType: 'support_talks', startDate: '2026-11-29' });
    const withService = await readAndCheck(app, period, '2026-11-29');
    expect(key(withService, 'cases_with_service')).toBe(key(withCase, 'cases_with_service') + 1);
    expect(category(withService, 'services', 'support_talks')).toBe(category(withCase, 'services', 'support_talks') + 1);
    await call(app.router, 'decisions.create', { caseId: detail.id, personId: detail.mainPersonId, serviceType: 'support_talks', outcome: 'granted', decisionDate: '2026-11-29', legalGround: '4 kap. 1 § SoL', decidedBy: 'Enhetschef' });
    const withDecision = await readAndCheck(app, period, '2026-11-29');
    expect(category(withDecision, 'decisions', 'granted')).toBe(category(withService, 'decisions', 'granted') + 1);
    // the open placement ends today: today's night is no longer counted, and it counts as ended
    await call(app.router, 'placements.end', { id: placements[1]!.id, endDate: '2026-11-29', endReason: 'goal_met', destination: 'sublet' });
    const ended = await readAndCheck(app, period, '2026-11-29');
    expect(ended.placements.current).toMatchObject({ ...nightsIn('2026-11', '2026-11-29', [STAYS[0]!, { ...STAYS[1]!, end: '2026-11-29' }]), ended: 2 });
    expect(ended.placements.current.adultDays).toBe(withDecision.placements.current.adultDays - 1);
    // a risk assessment today
    await call(app.router, 'riskAssessments.create', { caseId: detail.id, personId: detail.mainPersonId, template: { id: 'fristad.riskbedomning', version: 1 }, assessedOn: '2026-11-29', answers: { threats_to_kill: { value: 'yes' } }, level: 'high', judgement: 'Hög.' });
    const assessed = await readAndCheck(app, period, '2026-11-29');
    expect(category(assessed, 'risk_level', 'high')).toBe(category(ended, 'risk_level', 'high') + 1);
  });

  it('keeps frozen months through retention while the current month still follows the clock', async () => {
    const app = await unlockedApp();
    await setup(app);
    const session = app.core.requireSession();
    const october = { from: '2026-10', to: '2026-10' };
    const before = await readAndCheck(app, october, '2026-11-29');
    expect(before.placements.current).toMatchObject({ started: 1, ...nightsIn('2026-10', '2026-11-29', STAYS) });
    // when retention freezes October and earlier and deletes the case whose stay began in October
    await session.db.transaction().execute((trx) => freezeStatisticsThrough(trx, '2026-10'));
    await session.db.transaction().execute(async (trx) => {
      const ids = (await trx.selectFrom('cases').select('id').where('intake_date', '=', '2026-10-15').execute()).map((r) => r.id);
      expect(ids).toHaveLength(1);
      await trx.deleteFrom('journal_entries').where('case_id', 'in', ids).execute();
      await trx.deleteFrom('placements').where('case_id', 'in', ids).execute();
      await trx.deleteFrom('cases').where('id', 'in', ids).execute();
    });
    // then October's figures are unchanged on later days
    at('2026-12-02T09:00:00');
    const kept = await call<Dashboard>(app.router, 'statistics.dashboard', october);
    expect(kept.placements.current).toEqual(before.placements.current);
    expect(kept.keyFigures).toEqual(before.keyFigures);
    // and the current month still follows the clock, without the deleted stay
    const december = await readAndCheck(app, { from: '2026-12', to: '2026-12' }, '2026-12-02', '2026-10');
    expect(december.placements.current).toMatchObject(nightsIn('2026-12', '2026-12-02', STAYS.slice(1)));
  });

  it('holds a month’s counts exactly while the day cannot change them', () => {
    const row = (month: string, countedOn: string | null, frozen = 0) => ({ month, countedOn, frozen });
    // counted today: holds; counted yesterday while the month was current: a night more today
    expect(holds(row('2026-11', '2026-11-29'), '2026-11-29')).toBe(true);
    expect(holds(row('2026-11', '2026-11-28'), '2026-11-29')).toBe(false);
    // counted before the month began: holds until it begins
    expect(holds(row('2026-12', '2026-11-03'), '2026-11-30')).toBe(true);
    expect(holds(row('2026-12', '2026-11-30'), '2026-12-01')).toBe(false);
    // counted after it ended: holds for good; counted during it: not after it ends
    expect(holds(row('2026-10', '2026-11-01'), '2027-05-01')).toBe(true);
    expect(holds(row('2026-11', '2026-11-30'), '2026-12-01')).toBe(false);
    // a clock set back before a month counted after it ended: count again
    expect(holds(row('2026-11', '2026-12-01'), '2026-11-15')).toBe(false);
    // frozen always holds; no day known never does
    expect(holds(row('2026-11', '2026-11-02', 1), '2027-01-01')).toBe(true);
    expect(holds(row('2026-10', null), '2026-11-29')).toBe(false);
  });
});

describe('statistics kept in memory', () => {
  it('are forgotten when the vault locks', async () => {
    // given a dashboard read, whose monthly counts are then held in memory
    const app = await unlockedApp();
    await newCase(app, 'Låsdotter');
    await call<Dashboard>(app.router, 'statistics.dashboard', { from: '2025-01', to: '2026-12' });
    expect(rowsHeldInMemory()).toBeGreaterThan(0);
    // when the vault locks
    await app.core.lock('user');
    // then none are left
    expect(rowsHeldInMemory()).toBe(0);
  });
});
