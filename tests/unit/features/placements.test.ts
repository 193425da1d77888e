import { describe, expect, it } from 'vitest';
import { call, unlockedApp } from '../../support/temp.js';
import { addToCase, auditEvents, daysAgo, newCase, newPerson, refused, type App } from '../../support/casework.js';
import type { ShelterAddress, ShelterDetail, ShelterSummary, Occupancy } from '../../../src-main/features/shelters/contract.js';
import type { MonthlyCost, Placement, Reminder, YearCost } from '../../../src-main/features/placements/contract.js';

const MISSING = '22222222-2222-4222-8222-222222222222';

async function newShelter(app: App, name = 'Kvinnojouren Linden', adultOre = 120_000, childOre = 60_000, validFrom = daysAgo(400)) {
  return call<ShelterDetail>(app.router, 'shelters.create', {
    name,
    operatorType: 'womens_shelter',
    permitNumber: 'IVO 3.5.1-123/2024',
    capacity: 6,
    contactPhone: '010-123 45 67',
    streetAddress: 'Hemliga gatan 3',
    postalCode: '98765',
    city: 'Dolda',
    wheelchairAccessible: true,
    boysMaxAge: 15,
    firstPrice: { validFrom, adultOre, childOre },
  });
}

async function given() {
  const app = await unlockedApp();
  const { caseDetail, victim } = await newCase(app);
  const kids = [await newPerson(app, 'Liv', 'Exempelberg', 'skyddad_folkbokforing'), await newPerson(app, 'Max', 'Exempelberg')];
  for (const k of kids) await addToCase(app, caseDetail.id, k.id, 'child');
  const shelter = await newShelter(app);
  const child = (personId: string) => ({ personId, decisionRef: 'Beslut 2026-17', consent: 'sole_custody', schooling: 'new_school' });
  const valid = {
    caseId: caseDetail.id,
    personId: victim.id,
    shelterId: shelter.id,
    decisionDate: daysAgo(20),
    startDate: daysAgo(20),
    plannedEndDate: daysAgo(-30),
    children: kids.map((k) => child(k.id)),
  };
  return { app, caseDetail, victim, kids, shelter, valid, child };
}

/** A mother at "Jouren Lind" (1 000/500 kr, 1 100/600 kr from 15 February 2024) from `start` to 2 March 2024, her child from 10 February. */
async function motherAndChildAtLind(app: App, start: string) {
  const { caseDetail, victim } = await newCase(app);
  const kid = await newPerson(app, 'Liv', 'Exempelberg');
  await addToCase(app, caseDetail.id, kid.id, 'child');
  const s = await newShelter(app, 'Jouren Lind', 100_000, 50_000, '2023-01-01');
  await call(app.router, 'shelters.addPricePeriod', { shelterId: s.id, validFrom: '2024-02-15', adultOre: 110_000, childOre: 60_000 });
  const p = await call<Placement>(app.router, 'placements.create', {
    caseId: caseDetail.id, personId: victim.id, shelterId: s.id, decisionDate: start, startDate: start,
    children: [{ personId: kid.id, startDate: '2024-02-10', decisionRef: 'B-9', consent: 'other_custodian_consented', schooling: 'distance' }],
  });
  await call(app.router, 'placements.end', { id: p.id, endDate: '2024-03-02', endReason: 'goal_met', destination: 'own_home' });
}

describe('shelters', () => {
  it('registers a shelter and keeps its address out of every read but a deliberate, logged show', async () => {
    const app = await unlockedApp();
    const s = await newShelter(app);
    expect(s).toMatchObject({ name: 'Kvinnojouren Linden', operatorType: 'womens_shelter', capacity: 6, hasAddress: true, currentPrice: { adultOre: 120_000, childOre: 60_000 }, wheelchairAccessible: true, boysMaxAge: 15 });
    const list = await call<ShelterSummary[]>(app.router, 'shelters.list', {});
    for (const seen of [s, await call(app.router, 'shelters.get', { id: s.id }), list]) expect(JSON.stringify(seen)).not.toContain('Hemliga');
    const address = await call<ShelterAddress>(app.router, 'shelters.revealAddress', { id: s.id });
    expect(address).toEqual({ streetAddress: 'Hemliga gatan 3', postalCode: '987 65', city: 'Dolda' });
    expect((await auditEvents(app)).filter((e) => e.action === 'shelters.reveal_address')).toEqual([expect.objectContaining({ entity_id: s.id })]);
  });

  it('refuses a second active shelter with the same name, and archives one so it leaves the list but keeps its history', async () => {
    const app = await unlockedApp();
    const s = await newShelter(app);
    const twin = await refused(app, 'shelters.create', { name: 'kvinnojouren  linden', operatorType: 'private' });
    expect(twin).toMatchObject({ code: 'conflict', message: 'Det finns redan ett boende med det namnet i registret.' });
    await call(app.router, 'shelters.setArchived', { id: s.id, archived: true });
    expect(await call<ShelterSummary[]>(app.router, 'shelters.list', {})).toEqual([]);
    expect((await call<ShelterSummary[]>(app.router, 'shelters.list', { includeArchived: true }))[0]).toMatchObject({ id: s.id, archived: true });
  });

  it('changes the register entry and keeps the secret address unless a new one is given', async () => {
    const app = await unlockedApp();
    const s = await newShelter(app);
    const changed = await call<ShelterDetail>(app.router, 'shelters.update', { id: s.id, name: 'Kvinnojouren Linden', operatorType: 'womens_shelter', capacity: 8, contactPhone: '010-765 43 21' });
    expect(changed).toMatchObject({ capacity: 8, contactPhone: '010-765 43 21', hasAddress: true, permitNumber: null });
    expect(await call<ShelterAddress>(app.router, 'shelters.revealAddress', { id: s.id })).toMatchObject({ streetAddress: 'Hemliga gatan 3' });
    await call(app.router, 'shelters.update', { id: s.id, name: 'Kvinnojouren Linden', operatorType: 'womens_shelter', address: { streetAddress: 'Nya vägen 1', postalCode: '11122', city: 'Annanstad' } });
    expect(await call<ShelterAddress>(app.router, 'shelters.revealAddress', { id: s.id })).toEqual({ streetAddress: 'Nya vägen 1', postalCode: '111 22', city: 'Annanstad' });
    expect((await auditEvents(app)).filter((e) => e.action === 'shelters.update').map((e) => e.detail)).toEqual(['{"addressChanged":false}', '{"addressChanged":true}']);
  });

  it('adds a price period that ends the previous one the day before', async () => {
    const app = await unlockedApp();
    const s = await newShelter(app, 'Tjejjouren Ek', 100_000, 50_000, '2024-01-01');
    const after = await call<ShelterDetail>(app.router, 'shelters.addPricePeriod', { shelterId: s.id, validFrom: '2025-01-01', adultOre: 110_000, childOre: 55_000 });
    expect(after.pricePeriods.map((p) => [p.validFrom, p.validTo, p.adultOre])).toEqual([
      ['2024-01-01', '2024-12-31', 100_000],
      ['2025-01-01', null, 110_000],
    ]);
    expect((await refused(app, 'shelters.addPricePeriod', { shelterId: s.id, validFrom: '2025-01-01', adultOre: 1, childOre: 1 })).code).toBe('conflict');
  });
});

describe('placements', () => {
  it('places a mother with two children, each with its own decision and schooling, costed day by day', async () => {
    const { app, valid, kids, victim, shelter } = await given();
    const p = await call<Placement>(app.router, 'placements.create', valid);
    // 20 days back to today: 21 billed days so far (today's night included)
    expect(p.cost).toMatchObject({ adultDays: 21, childDays: 42, adultOre: 21 * 120_000, childOre: 42 * 60_000, totalOre: 21 * 120_000 + 42 * 60_000 });
    expect(p.children.map((c) => [c.person.id, c.decisionRef, c.schooling])).toEqual(expect.arrayContaining(kids.map((k) => [k.id, 'Beslut 2026-17', 'new_school'])));
    expect(p.flags).toEqual([]);
    expect((await call<Placement[]>(app.router, 'placements.current')).map((x) => x.id)).toEqual([p.id]);
    expect((await call<Placement[]>(app.router, 'placements.listForPerson', { personId: kids[0]!.id })).map((x) => x.id)).toEqual([p.id]);
    expect((await call<ShelterDetail>(app.router, 'shelters.get', { id: shelter.id })).occupiedToday).toBe(3);
    const events = await auditEvents(app);
    expect(events.find((e) => e.action === 'placements.create')).toMatchObject({ entity_id: p.id });
    expect(events.find((e) => e.action === 'placements.read_person')).toMatchObject({ entity_id: kids[0]!.id });
    expect(JSON.stringify(events)).not.toContain(victim.lastName);
  });

  it('refuses overlapping stays, a child not in the case, a missing consent ground and a price override without reason', async () => {
    const { app, valid, caseDetail, child } = await given();
    await call<Placement>(app.router, 'placements.create', valid);
    const again = await refused(app, 'placements.create', { ...valid, startDate: daysAgo(5), children: [] });
    expect(again.details?.issues).toEqual([expect.objectContaining({ path: 'startDate', code: 'overlap', message: expect.stringContaining('redan placerad på Kvinnojouren Linden') })]);
    const { victim: other } = await newCase(app, 'Annanberg');
    const stranger = await newPerson(app, 'Ola', 'Främling');
    const notInCase = await refused(app, 'placements.create', { ...valid, caseId: caseDetail.id, personId: other.id, children: [child(stranger.id)] });
    expect(notInCase.details?.issues?.map((i) => i.code)).toEqual(expect.arrayContaining(['not_in_case', 'not_child_in_case']));
    const noGround = await refused(app, 'placements.create', { ...valid, children: [{ ...child(stranger.id), consent: 'without_consent' }] });
    expect(noGround.details?.issues?.[0]).toMatchObject({ path: 'children.0.consentGround', message: 'Ange grunden för beslutet när samtycke saknas.' });
    const noReason = await refused(app, 'placements.create', { ...valid, adultPriceOverrideOre: 99_000 });
    expect(noReason.details?.issues?.[0]).toMatchObject({ path: 'priceOverrideReason' });
    const unknown = await refused(app, 'placements.create', { ...valid, shelterId: MISSING });
    expect(unknown.details?.issues?.some((i) => i.path === 'shelterId')).toBe(true);
    expect(await call<Placement[]>(app.router, 'placements.listForCase', { caseId: caseDetail.id })).toHaveLength(1);
  });

  it('ends a placement with reason and destination; the departure day is not billed; a second end is refused', async () => {
    const { app, valid } = await given();
    const p = await call<Placement>(app.router, 'placements.create', valid);
    const before = await refused(app, 'placements.end', { id: p.id, endDate: daysAgo(21), endReason: 'goal_met', destination: 'own_home' });
    expect(before.details?.issues?.[0]).toMatchObject({ path: 'endDate', code: 'before_start' });
    const ended = await call<Placement>(app.router, 'placements.end', { id: p.id, endDate: daysAgo(10), endReason: 'moved_on', destination: 'sublet' });
    expect(ended).toMatchObject({ endDate: daysAgo(10), endReason: 'moved_on', destination: 'sublet', cost: { adultDays: 10, childDays: 20 } });
    expect(await call<Placement[]>(app.router, 'placements.current')).toEqual([]);
    expect((await refused(app, 'placements.end', { id: p.id, endDate: daysAgo(5), endReason: 'other', destination: 'unknown' })).details?.issues?.[0]?.code).toBe('already_ended');
    // the same person may arrive at another shelter on the day she left
    const other = await newShelter(app, 'Skyddade boendet Björk');
    await call<Placement>(app.router, 'placements.create', { ...valid, shelterId: other.id, startDate: daysAgo(10), decisionDate: daysAgo(10), children: [] });
  });

  it('flags a planned end in the past and lists reminders for planned ends and follow-ups', async () => {
    const { app, valid } = await given();
    const p = await call<Placement>(app.router, 'placements.create', { ...valid, plannedEndDate: daysAgo(1), followUpDate: daysAgo(-3) });
    expect(p.flags).toEqual(['planned_end_passed']);
    const reminders = await call<Reminder[]>(app.router, 'placements.reminders', { withinDays: 7 });
    expect(reminders.map((r) => [r.kind, r.date, r.overdue])).toEqual([
      ['planned_end', daysAgo(1), true],
      ['follow_up', daysAgo(-3), false],
    ]);
    const moved = await call<Placement>(app.router, 'placements.setPlan', { id: p.id, plannedEndDate: daysAgo(-60), followUpDate: null });
    expect(moved.flags).toEqual([]);
    expect(await call<Reminder[]>(app.router, 'placements.reminders', { withinDays: 7 })).toEqual([]);
  });

  it('reports a month\'s cost per shelter, adults and children apart, split at a price change', async () => {
    const app = await unlockedApp();
    await motherAndChildAtLind(app, '2024-01-28');
    const feb = await call<MonthlyCost>(app.router, 'placements.monthlyCost', { month: '2024-02' });
    // February 2024 has 29 nights: 14 before the change, 15 after; the child from the 10th: 5 + 15
    expect(feb.rows).toEqual([expect.objectContaining({ shelterName: 'Jouren Lind', placements: 1 })]);
    expect(feb.total).toMatchObject({ adultDays: 29, childDays: 20, adultOre: 14 * 100_000 + 15 * 110_000, childOre: 5 * 50_000 + 15 * 60_000 });
    const jan = await call<MonthlyCost>(app.router, 'placements.monthlyCost', { month: '2024-01' });
    const mar = await call<MonthlyCost>(app.router, 'placements.monthlyCost', { month: '2024-03' });
    expect([jan.total.adultDays, mar.total.adultDays, mar.total.childDays]).toEqual([4, 1, 1]);
    expect((await call<MonthlyCost>(app.router, 'placements.monthlyCost', { month: '2024-04' })).rows).toEqual([]);
  });

  it('gives the whole year\'s budget as months × shelters, each month equal to that month\'s report', async () => {
    const app = await unlockedApp();
    // From December 2023 into March 2024, the child from 10 February; the other woman at Björk over New Year 2025
    await motherAndChildAtLind(app, '2023-12-20');
    const other = await newCase(app, 'Exempelsson');
    const bjork = await newShelter(app, 'Boendet Björk', 90_000, 40_000, '2023-01-01');
    const q = await call<Placement>(app.router, 'placements.create', { caseId: other.caseDetail.id, personId: other.victim.id, shelterId: bjork.id, decisionDate: '2024-12-30', startDate: '2024-12-30', children: [] });
    await call(app.router, 'placements.end', { id: q.id, endDate: '2025-01-05', endReason: 'moved_on', destination: 'sublet' });

    const year = await call<YearCost>(app.router, 'placements.yearCost', { year: 2024 });
    expect(year.months).toHaveLength(12);
    expect(year.months[0]).toBe('2024-01');
    expect(year.rows.map((r) => r.shelterName)).toEqual(['Boendet Björk', 'Jouren Lind']);
    const lindRow = year.rows[1]!;
    expect(lindRow.months.map((c) => c.adultDays)).toEqual([31, 29, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(lindRow.months.map((c) => c.childDays)).toEqual([0, 20, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(lindRow.months[1]).toMatchObject({ adultOre: 14 * 100_000 + 15 * 110_000, childOre: 5 * 50_000 + 15 * 60_000 });
    // Björk: 30 and 31 December in 2024; the nights of January 2025 belong to next year's budget
    expect(year.rows[0]!.total).toMatchObject({ adultDays: 2, childDays: 0, adultOre: 2 * 90_000 });
    for (const [i, month] of year.months.entries()) {
      const report = await call<MonthlyCost>(app.router, 'placements.monthlyCost', { month });
      expect(year.monthTotals[i]).toEqual(report.total);
    }
    expect(year.total.totalOre).toBe(year.rows.reduce((n, r) => n + r.total.totalOre, 0));
    expect((await call<YearCost>(app.router, 'placements.yearCost', { year: 2025 })).total.adultDays).toBe(4);
    expect((await call<YearCost>(app.router, 'placements.yearCost', { year: 2022 })).rows).toEqual([]);
    expect((await refused(app, 'placements.yearCost', { year: 1899 })).code).toBe('validation');
  });

  it('shows a shelter\'s occupancy day by day, children included', async () => {
    const { app, valid, shelter } = await given();
    await call<Placement>(app.router, 'placements.create', valid);
    const occ = await call<Occupancy>(app.router, 'shelters.occupancy', { shelterId: shelter.id, from: daysAgo(22), to: daysAgo(0) });
    expect(occ.stays).toHaveLength(1);
    expect(occ.stays[0]).toMatchObject({ children: 2, start: daysAgo(20) });
    expect(occ.perDay.map((d) => d.persons)).toEqual([0, 0, ...new Array(21).fill(3)]);
  });
});
