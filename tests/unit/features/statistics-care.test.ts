import { describe, expect, it } from 'vitest';
import { call, unlockedApp } from '../../support/temp.js';
import { rng } from '../../support/statistics-data.js';
import type { CaseDetail } from '../../../src-main/features/cases/contract.js';
import type { ShelterDetail } from '../../../src-main/features/shelters/contract.js';
import type { Placement } from '../../../src-main/features/placements/contract.js';
import type { Dashboard, ExportPreview } from '../../../src-main/features/statistics/contract.js';

type App = Awaited<ReturnType<typeof unlockedApp>>;

const RISK = { id: 'fristad.riskbedomning', version: 1 };
const LEVELS = ['low', 'medium', 'high', 'acute'] as const;
const DESTINATIONS = ['own_home', 'sublet', 'back_to_perpetrator', 'other_housing', 'other_municipality', 'unknown'] as const;
const CONSENTS = ['other_custodian_consented', 'sole_custody', 'without_consent'] as const;

/** Plain date arithmetic for the test's own count (not the domain's functions). */
const plus = (date: string, n: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

interface Price {
  from: string;
  adult: number;
  child: number;
}

interface Truth {
  intake: string;
  shelter: number;
  placement: { start: string; end: string | null; destination: (typeof DESTINATIONS)[number]; adultOverride: number | null; children: { start: string; end: string | null; consent: (typeof CONSENTS)[number] }[] } | null;
  assessments: { date: string; level: (typeof LEVELS)[number] }[];
  plan: string | null;
}

const PRICES: Price[][] = [
  [
    { from: '2023-01-01', adult: 100_000, child: 50_000 },
    { from: '2024-03-15', adult: 120_000, child: 60_000 },
    { from: '2025-02-01', adult: 130_000, child: 65_000 },
  ],
  [{ from: '2023-06-01', adult: 95_000, child: 40_000 }],
];

function generate(seed: number, n: number): Truth[] {
  const r = rng(seed);
  return Array.from({ length: n }, () => {
    const intake = `${r.pick([2024, 2025])}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
    const placed = r.chance(0.7);
    const start = plus(intake, r.int(0, 10));
    const length = r.int(0, 120);
    const ended = r.chance(0.8);
    const end = ended ? plus(start, length) : null;
    const children = placed ? Array.from({ length: r.chance(0.5) ? r.int(1, 2) : 0 }, () => ({ start: plus(start, r.int(0, 3)), end: ended && r.chance(0.3) ? plus(start, Math.max(4, length - 2)) : null, consent: r.pick(CONSENTS) })) : [];
    return {
      intake,
      shelter: r.int(0, 1),
      placement: placed ? { start, end, destination: r.pick(DESTINATIONS), adultOverride: r.chance(0.15) ? 150_000 : null, children: children.filter((c) => c.end === null || c.end > c.start) } : null,
      assessments: r.chance(0.7) ? Array.from({ length: r.int(1, 2) }, () => ({ date: plus(intake, r.int(0, 30)), level: r.pick(LEVELS) })) : [],
      plan: r.chance(0.5) ? plus(intake, r.int(0, 20)) : null,
    };
  });
}

async function write(app: App, truths: Truth[]): Promise<{ caseId: string; personId: string }[]> {
  const made: { caseId: string; personId: string }[] = [];
  const shelters: ShelterDetail[] = [];
  for (const [i, prices] of PRICES.entries()) {
    const s = await call<ShelterDetail>(app.router, 'shelters.create', { name: `Skyddat boende ${i}`, operatorType: i === 0 ? 'womens_shelter' : 'municipal', firstPrice: { validFrom: prices[0]!.from, adultOre: prices[0]!.adult, childOre: prices[0]!.child } });
    for (const p of prices.slice(1)) await call(app.router, 'shelters.addPricePeriod', { shelterId: s.id, validFrom: p.from, adultOre: p.adult, childOre: p.child });
    shelters.push(s);
  }
  for (const [i, t] of truths.entries()) {
    const detail = await call<CaseDetail>(app.router, 'cases.create', {
      mainNewPerson: { firstName: `Vuxen${i}`, lastName: `Placeradsson${i}`, identity: { kind: 'none', birthYear: 1980 }, gender: 'kvinna', protectionLevel: 'none' },
      intakeDate: t.intake,
      intakeSource: 'report_police',
      violenceTypes: ['physical'],
      people: (t.placement?.children ?? []).map((_, k) => ({ person: { newPerson: { firstName: `Barn${k}`, lastName: `Placeradsson${i}`, identity: { kind: 'none', birthYear: 2016 }, gender: 'okant', protectionLevel: 'none' } }, role: 'child', childExposure: 'witnessed' })),
    });
    made.push({ caseId: detail.id, personId: detail.mainPersonId });
    const kids = detail.persons.filter((p) => p.role === 'child').map((p) => p.personId);
    if (t.placement) {
      const p = t.placement;
      const placement = await call<Placement>(app.router, 'placements.create', {
        caseId: detail.id,
        personId: detail.mainPersonId,
        shelterId: shelters[t.shelter]!.id,
        decisionDate: p.start,
        startDate: p.start,
        adultPriceOverrideOre: p.adultOverride,
        priceOverrideReason: p.adultOverride === null ? null : 'Avtalat pris',
        children: p.children.map((c, k) => ({ personId: kids[k], startDate: c.start, endDate: c.end, decisionRef: `Beslut ${i}-${k}`, consent: c.consent, consentGround: c.consent === 'without_consent' ? '6 kap. 13 a § FB' : null, schooling: 'new_school' })),
      });
      if (p.end !== null) await call(app.router, 'placements.end', { id: placement.id, endDate: p.end, endReason: 'moved_on', destination: p.destination });
    }
    for (const a of t.assessments) {
      await call(app.router, 'riskAssessments.create', { caseId: detail.id, personId: detail.mainPersonId, template: RISK, assessedOn: a.date, answers: { threats_to_kill: { value: 'yes' } }, level: a.level, levelReason: 'Samlad bedömning', judgement: 'Bedömning.' });
    }
    if (t.plan !== null) {
      await call(app.router, 'safetyPlans.save', { caseId: detail.id, personId: detail.mainPersonId, madeOn: t.plan, reviewOn: plus(t.plan, 30), madeWith: 'Personen själv', sections: { warning_signs: { text: 'Tecken.' } } });
    }
  }
  return made;
}

/** The figures counted here, night by night, from the generated truth. */
function expected(truths: Truth[], from: string, to: string, riskDays: number) {
  const inP = (date: string) => date.slice(0, 7) >= from && date.slice(0, 7) <= to;
  const priceOn = (shelter: number, day: string) => [...PRICES[shelter]!].reverse().find((p) => p.from <= day) ?? null;
  const now = today();
  let adultDays = 0;
  let childDays = 0;
  let cost = 0;
  for (const t of truths) {
    const p = t.placement;
    if (!p) continue;
    // Nights: arrival day paid, departure day not, a same-day stay one night; an open stay through today.
    const lastNight = p.end === null ? now : p.end === p.start ? p.start : plus(p.end, -1);
    for (let d = p.start; d <= lastNight; d = plus(d, 1)) {
      if (!inP(d)) continue;
      adultDays++;
      cost += p.adultOverride ?? priceOn(t.shelter, d)!.adult;
      for (const c of p.children) {
        const childLast = c.end === null ? lastNight : plus(c.end, -1);
        if (d >= c.start && d <= childLast) {
          childDays++;
          cost += priceOn(t.shelter, d)!.child;
        }
      }
    }
  }
  const placements = truths.flatMap((t) => (t.placement ? [t.placement] : []));
  const ended = placements.filter((p) => p.end !== null && inP(p.end));
  const count = (xs: string[]) => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());
  const opened = truths.filter((t) => inP(t.intake));
  return {
    started: placements.filter((p) => inP(p.start)).length,
    adultDays,
    childDays,
    cost,
    ended: ended.length,
    averageDays: ended.length === 0 ? null : Math.round((ended.reduce((a, p) => a + Math.max(1, daysBetween(p.start, p.end!)), 0) / ended.length) * 10) / 10,
    destinations: count(ended.map((p) => p.destination)),
    consent: count(placements.flatMap((p) => p.children.filter((c) => inP(c.start)).map((c) => c.consent))),
    placedChildren: placements.flatMap((p) => p.children.filter((c) => inP(c.start))).length,
    levels: count(truths.flatMap((t) => t.assessments.filter((a) => inP(a.date)).map((a) => a.level))),
    opened: opened.length,
    riskWithin: opened.filter((t) => t.assessments.length > 0 && Math.min(...t.assessments.map((a) => daysBetween(t.intake, a.date))) <= riskDays).length,
    plan: opened.filter((t) => t.plan !== null).length,
  };
}

const breakdown = (d: Dashboard, id: string, which: 'current' | 'previous') => new Map(d.breakdowns.find((b) => b.id === id)!.categories.filter((c) => c[which] > 0).map((c) => [c.code, c[which]]));

describe('statistics: placements, risk levels and quality indicators', () => {
  it('counts placements (nights, cost by the price in force each night, length, where people went), risk levels and the quality shares as an independent night-by-night count does', async () => {
    // given 40 generated cases with placements at two shelters (one with price changes), children, risk assessments and safety plans
    const app = await unlockedApp();
    const truths = generate(80, 40);
    await write(app, truths);
    await call(app.router, 'statistics.updateSettings', { riskAssessmentDays: 10 });
    // when the first half of 2025 is read (against the first half of 2024)
    const d = await call<Dashboard>(app.router, 'statistics.dashboard', { from: '2025-01', to: '2025-06' });
    // then every new figure matches the count made here
    for (const [which, from, to] of [['current', '2025-01', '2025-06'], ['previous', '2024-01', '2024-06']] as const) {
      const e = expected(truths, from, to, 10);
      expect(d.placements[which]).toEqual({ started: e.started, adultDays: e.adultDays, childDays: e.childDays, costOre: e.cost, ended: e.ended, averageDays: e.averageDays });
      expect(breakdown(d, 'placement_destination', which)).toEqual(e.destinations);
      expect(breakdown(d, 'placed_children_consent', which)).toEqual(e.consent);
      expect(breakdown(d, 'risk_level', which)).toEqual(e.levels);
      const of = which === 'current' ? 'currentOf' : 'previousOf';
      expect([d.quality.riskAssessmentWithinDays[which], d.quality.riskAssessmentWithinDays[of]]).toEqual([e.riskWithin, e.opened]);
      expect([d.quality.safetyPlan[which], d.quality.safetyPlan[of]]).toEqual([e.plan, e.opened]);
      expect([d.quality.accompanyingChildrenWithOwnDecision[which], d.quality.accompanyingChildrenWithOwnDecision[of]]).toEqual([e.placedChildren, e.placedChildren]);
    }
    expect(d.placements.current.started + d.placements.previous.started).toBeGreaterThan(5);
  });

  it('keeps the kept months current when a placement ends, a price changes or an assessment is added', async () => {
    // given one placement read once (so its months are kept)
    const app = await unlockedApp();
    const truths: Truth[] = [{ intake: '2025-03-01', shelter: 0, placement: { start: '2025-03-01', end: null, destination: 'own_home', adultOverride: null, children: [] }, assessments: [], plan: null }];
    const [made] = await write(app, truths);
    const period = { from: '2025-03', to: '2025-04' };
    const before = await call<Dashboard>(app.router, 'statistics.dashboard', period);
    expect(before.placements.current).toMatchObject({ started: 1, adultDays: 61, costOre: 61 * 130_000, ended: 0 });
    expect(before.quality.riskAssessmentWithinDays).toMatchObject({ current: 0, currentOf: 1 });
    // when the placement ends on 11 April (read), the price changes from 1 April (read), and an assessment is made on day 3 (read)
    const read = () => call<Dashboard>(app.router, 'statistics.dashboard', period);
    const [p] = await call<Placement[]>(app.router, 'placements.current');
    await call(app.router, 'placements.end', { id: p!.id, endDate: '2025-04-11', endReason: 'goal_met', destination: 'sublet' });
    const ended = await read();
    const shelters = await call<{ id: string }[]>(app.router, 'shelters.list', {});
    await call(app.router, 'shelters.addPricePeriod', { shelterId: shelters[0]!.id, validFrom: '2025-04-01', adultOre: 200_000, childOre: 1 });
    const repriced = await read();
    await call(app.router, 'riskAssessments.create', { caseId: made!.caseId, personId: made!.personId, template: RISK, assessedOn: '2025-03-04', answers: { threats_to_kill: { value: 'yes' } }, level: 'high', judgement: 'Hög.' });
    const assessed = await read();
    // then each read shows its change
    expect(ended.placements.current).toEqual({ started: 1, adultDays: 41, childDays: 0, costOre: 41 * 130_000, ended: 1, averageDays: 41 });
    expect(breakdown(ended, 'placement_destination', 'current')).toEqual(new Map([['sublet', 1]]));
    expect(repriced.placements.current.costOre).toBe(31 * 130_000 + 10 * 200_000);
    expect(assessed.quality.riskAssessmentWithinDays).toMatchObject({ current: 1, currentOf: 1 });
    expect(breakdown(assessed, 'risk_level', 'current')).toEqual(new Map([['high', 1]]));
  });

  it('exports placements suppressed like every table: a single placement never leaves, nor its nights, cost or length', async () => {
    const app = await unlockedApp();
    await write(app, [{ intake: '2025-03-01', shelter: 1, placement: { start: '2025-03-01', end: '2025-03-20', destination: 'back_to_perpetrator', adultOverride: null, children: [] }, assessments: [{ date: '2025-03-02', level: 'acute' }], plan: '2025-03-02' }]);
    const preview = await call<ExportPreview>(app.router, 'statistics.exportPreview', { from: '2025-01', to: '2025-06' });
    const row = (label: string) => preview.rows.find((r) => r[0] === label)!;
    expect(row('Påbörjade placeringar')).toEqual(['Påbörjade placeringar', '<5', 0]);
    for (const label of ['Vårddygn, vuxna', 'Kostnad, kronor', 'Genomsnittlig vistelsetid för avslutade placeringar, dygn']) expect(row(label)[1]).toBe('<5');
    expect(row('Tillbaka till den som utövat våld')[1]).toBe('<5');
    expect(row('Akut')[1]).toBe('<5');
    // the year before had no placements: its counts show as 0, its average as a dash (nothing to average), not as a hidden value
    expect(row('Genomsnittlig vistelsetid för avslutade placeringar, dygn')[2]).toBe('–');
    // 19 nights at 950 kr would be 18050: that figure is nowhere in the export
    expect(JSON.stringify(preview.rows)).not.toContain('18050');
    expect(JSON.stringify(preview.rows)).not.toContain('"19"');
  });
});
