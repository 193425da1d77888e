import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { Session } from '../../api/context.js';
import type { Database } from '../../db/schema.js';
import { localIsoDate } from '../../domain/dates.js';
import { NotFoundError, ValidationError, type FieldIssue } from '../../domain/errors.js';
import { ZERO_COST, addCost, addDays, type Cost, dayNumber, isoDate, monthRange, placementCostIn, priceTable, type PricePeriod } from '../../domain/placement-cost.js';
import { childStayIssues, findOverlap, placementDateIssues } from '../../domain/placement-rules.js';
import { listPricePeriods } from '../shelters/queries.js';
import { priceOn } from '../shelters/rows.js';
import type { MonthlyCost, Placement, YearCost, Reminder, placementCreateSchema, placementEndSchema, placementPlanSchema } from './contract.js';
import { casePersons, childStaysOf, childrenOf, placementSelect, placementsInMonth, staysOfPersons } from './queries.js';
import { placementFromRow } from './rows.js';

type Db = Kysely<Database> | Transaction<Database>;
export type PlacementInput = z.output<typeof placementCreateSchema>;

/** Price periods by shelter, in the domain's shape. */
async function pricesByShelter(db: Db, shelterIds: readonly string[]): Promise<Map<string, PricePeriod[]>> {
  const rows = await listPricePeriods(db, [...new Set(shelterIds)]);
  const out = new Map<string, PricePeriod[]>();
  for (const r of rows) {
    const list = out.get(r.shelter_id) ?? [];
    list.push({ validFrom: r.valid_from, adultOre: r.adult_ore, childOre: r.child_ore });
    out.set(r.shelter_id, list);
  }
  return out;
}

/** Placement rows made whole: children, prices, cost through `today`, flags. */
async function assemble(db: Db, rows: Awaited<ReturnType<ReturnType<typeof placementSelect>['execute']>>, today: string): Promise<Placement[]> {
  const children = await childrenOf(db, rows.map((r) => r.id));
  const prices = await pricesByShelter(db, rows.map((r) => r.shelter_id));
  const byPlacement = new Map<string, typeof children>();
  for (const c of children) byPlacement.set(c.placement_id, [...(byPlacement.get(c.placement_id) ?? []), c]);
  return rows.map((r) => placementFromRow(r, byPlacement.get(r.id) ?? [], prices.get(r.shelter_id) ?? [], today));
}

async function loadOne(db: Db, id: string, today: string): Promise<Placement> {
  const rows = await placementSelect(db).where('pl.id', '=', id).execute();
  if (rows.length === 0) throw new NotFoundError('Placeringen');
  return (await assemble(db, rows, today))[0]!;
}

function when(s: { start: string; end: string | null }): string {
  return s.end === null ? `från ${s.start}` : `${s.start}–${s.end}`;
}

/**
 * Every check a new placement must pass, with all field issues at once: the
 * case and its persons (the placed person in the case, each child in the case
 * as a child), an active shelter with a price for the start (or an agreed
 * price), the order of dates, each child's stay inside the parent's, and no
 * night shared with another stay of the same person. Used by the form and the import.
 */
export async function placementIssues(db: Db, input: PlacementInput, today: string, endDate: string | null = null): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [...placementDateIssues({ ...input, endDate }, today)];
  const people = await casePersons(db, input.caseId);
  const roles = new Map(people.map((p) => [p.person_id, p.role]));
  if (!roles.has(input.personId)) issues.push({ path: 'personId', code: 'not_in_case', message: 'Personen ingår inte i ärendet.' });
  input.children.forEach((c, i) => {
    if (roles.get(c.personId) !== 'child') issues.push({ path: `children.${i}.personId`, code: 'not_child_in_case', message: 'Barnet måste finnas med i ärendet som barn.' });
    issues.push(...childStayIssues({ startDate: c.startDate ?? input.startDate, endDate: c.endDate }, { startDate: input.startDate, endDate }, `children.${i}`));
  });
  const shelter = await db.selectFrom('shelters').select(['id', 'archived_at']).where('id', '=', input.shelterId).executeTakeFirst();
  if (!shelter) issues.push({ path: 'shelterId', code: 'unknown', message: 'Boendet finns inte i registret.' });
  else if (shelter.archived_at !== null) issues.push({ path: 'shelterId', code: 'archived', message: 'Boendet är arkiverat. Välj ett boende som används.' });
  else {
    const prices = await listPricePeriods(db, [input.shelterId]);
    const price = priceOn(prices, input.startDate);
    if (!price && input.adultPriceOverrideOre === null) {
      issues.push({ path: 'adultPriceOverrideOre', code: 'no_price', message: 'Boendet har inget pris för startdatumet. Lägg in ett pris i registret eller ange ett avtalat pris.' });
    }
    if (!price && input.children.length > 0 && input.childPriceOverrideOre === null) {
      issues.push({ path: 'childPriceOverrideOre', code: 'no_price', message: 'Boendet har inget barnpris för startdatumet. Ange ett avtalat pris för barn.' });
    }
  }
  const stays = await staysOfPersons(db, [input.personId, ...input.children.map((c) => c.personId)]);
  const clash = findOverlap(stays.filter((s) => s.personId === input.personId), { start: input.startDate, end: endDate });
  if (clash) issues.push({ path: 'startDate', code: 'overlap', message: `Personen är redan placerad på ${clash.shelterName} ${when(clash)}. En person kan inte ha två placeringar samtidigt.` });
  input.children.forEach((c, i) => {
    const cc = findOverlap(stays.filter((s) => s.personId === c.personId), { start: c.startDate ?? input.startDate, end: c.endDate ?? endDate });
    if (cc) issues.push({ path: `children.${i}.startDate`, code: 'overlap', message: `Barnet är redan placerat på ${cc.shelterName} ${when(cc)}.` });
  });
  return issues;
}

/** The `placements` row of a checked placement (an imported one may come already ended, with reason and destination unknown). */
export function placementRow(id: string, input: PlacementInput, workerId: string, at: string, endDate: string | null = null) {
  return {
    id,
    case_id: input.caseId,
    person_id: input.personId,
    shelter_id: input.shelterId,
    decision_date: input.decisionDate,
    decision_ref: input.decisionRef,
    start_date: input.startDate,
    planned_end_date: input.plannedEndDate,
    end_date: endDate,
    follow_up_date: input.followUpDate,
    adult_price_override_ore: input.adultPriceOverrideOre,
    child_price_override_ore: input.childPriceOverrideOre,
    price_override_reason: input.priceOverrideReason,
    end_reason: endDate === null ? null : ('other' as const),
    destination: endDate === null ? null : ('unknown' as const),
    created_by: workerId,
    created_at: at,
    updated_at: at,
  };
}

/** Writes a checked placement and its children; the caller records the audit event. */
export async function insertPlacement(trx: Transaction<Database>, input: PlacementInput, workerId: string, at: string): Promise<string> {
  const id = randomUUID();
  await trx.insertInto('placements').values(placementRow(id, input, workerId, at)).execute();
  if (input.children.length > 0) {
    await trx
      .insertInto('placement_children')
      .values(
        input.children.map((c) => ({
          id: randomUUID(),
          placement_id: id,
          person_id: c.personId,
          start_date: c.startDate ?? input.startDate,
          end_date: c.endDate,
          decision_ref: c.decisionRef,
          consent: c.consent,
          consent_ground: c.consentGround,
          schooling: c.schooling,
          schooling_note: c.schoolingNote,
        })),
      )
      .execute();
  }
  return id;
}

export async function createPlacement(session: Session, input: PlacementInput, now = new Date()): Promise<Placement> {
  const today = localIsoDate(now);
  return session.db.transaction().execute(async (trx) => {
    if (!(await trx.selectFrom('cases').select('id').where('id', '=', input.caseId).executeTakeFirst())) throw new NotFoundError('Ärendet');
    const issues = await placementIssues(trx, input, today);
    if (issues.length > 0) throw new ValidationError(issues);
    const id = await insertPlacement(trx, input, session.worker.id, now.toISOString());
    await session.audit.record(trx, { action: 'placements.create', entityType: 'placement', entityId: id, detail: { caseId: input.caseId, personId: input.personId, children: input.children.length } });
    return loadOne(trx, id, today);
  });
}

export async function getPlacement(session: Session, id: string, now = new Date()): Promise<Placement> {
  return session.db.transaction().execute(async (trx) => {
    const p = await loadOne(trx, id, localIsoDate(now));
    await session.audit.record(trx, { action: 'placements.read', entityType: 'placement', entityId: id, detail: { caseId: p.caseId } });
    return p;
  });
}

/** Ends a placement: the departure day (not billed), why, and where the person went. Children still there leave with the parent. */
export async function endPlacement(session: Session, input: z.output<typeof placementEndSchema>, now = new Date()): Promise<Placement> {
  const today = localIsoDate(now);
  return session.db.transaction().execute(async (trx) => {
    const current = await loadOne(trx, input.id, today);
    if (current.endDate !== null) throw new ValidationError([{ path: 'endDate', code: 'already_ended', message: `Placeringen har redan avslutats ${current.endDate}.` }]);
    const issues = placementDateIssues({ ...current, endDate: input.endDate, followUpDate: null }, today).filter((i) => i.path === 'endDate');
    current.children.forEach((c, i) => {
      if (c.endDate !== null && c.endDate > input.endDate) issues.push({ path: `children.${i}.endDate`, code: 'after_parent', message: 'Ett barn har ett slutdatum efter förälderns. Rätta barnets datum först.' });
    });
    if (issues.length > 0) throw new ValidationError(issues);
    await trx.updateTable('placements').set({ end_date: input.endDate, end_reason: input.endReason, destination: input.destination, updated_at: now.toISOString() }).where('id', '=', input.id).execute();
    await session.audit.record(trx, { action: 'placements.end', entityType: 'placement', entityId: input.id, detail: { caseId: current.caseId } });
    return loadOne(trx, input.id, today);
  });
}

/** Changes the planned end and the follow-up date of a placement. */
export async function setPlacementPlan(session: Session, input: z.output<typeof placementPlanSchema>, now = new Date()): Promise<Placement> {
  const today = localIsoDate(now);
  return session.db.transaction().execute(async (trx) => {
    const current = await loadOne(trx, input.id, today);
    const issues = placementDateIssues({ ...current, plannedEndDate: input.plannedEndDate, followUpDate: input.followUpDate, endDate: null }, '9999-12-31');
    if (issues.length > 0) throw new ValidationError(issues);
    await trx.updateTable('placements').set({ planned_end_date: input.plannedEndDate, follow_up_date: input.followUpDate, updated_at: now.toISOString() }).where('id', '=', input.id).execute();
    await session.audit.record(trx, { action: 'placements.plan', entityType: 'placement', entityId: input.id, detail: { caseId: current.caseId } });
    return loadOne(trx, input.id, today);
  });
}

export async function listCasePlacements(session: Session, caseId: string, now = new Date()): Promise<Placement[]> {
  return session.db.transaction().execute(async (trx) => {
    if (!(await trx.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst())) throw new NotFoundError('Ärendet');
    const list = await assemble(trx, await placementSelect(trx).where('pl.case_id', '=', caseId).orderBy('pl.start_date', 'desc').execute(), localIsoDate(now));
    await session.audit.record(trx, { action: 'placements.read_case', entityType: 'case', entityId: caseId, detail: { placements: list.length } });
    return list;
  });
}

/** A person's placement history: as the placed person and as an accompanying child, newest first. */
export async function listPersonPlacements(session: Session, personId: string, now = new Date()): Promise<Placement[]> {
  return session.db.transaction().execute(async (trx) => {
    if (!(await trx.selectFrom('persons').select('id').where('id', '=', personId).executeTakeFirst())) throw new NotFoundError('Personen');
    const asChild = trx.selectFrom('placement_children').select('placement_id').where('person_id', '=', personId);
    const rows = await placementSelect(trx)
      .where((eb) => eb.or([eb('pl.person_id', '=', personId), eb('pl.id', 'in', asChild)]))
      .orderBy('pl.start_date', 'desc')
      .execute();
    const list = await assemble(trx, rows, localIsoDate(now));
    await session.audit.record(trx, { action: 'placements.read_person', entityType: 'person', entityId: personId, detail: { placements: list.length } });
    return list;
  });
}

/** Placements going on today, oldest start first, with days and cost so far. */
export async function currentPlacements(session: Session, now = new Date()): Promise<Placement[]> {
  const today = localIsoDate(now);
  const rows = await placementSelect(session.db).where('pl.end_date', 'is', null).where('pl.start_date', '<=', today).orderBy('pl.start_date').orderBy('pl.id').execute();
  session.audit.note({ action: 'placements.current', entityType: 'placement', detail: { placements: rows.length } });
  return assemble(session.db, rows, today);
}

/** Planned ends and follow-ups of ongoing placements that are due within `withinDays` or overdue, soonest first. */
export async function placementReminders(session: Session, withinDays = 14, now = new Date()): Promise<Reminder[]> {
  const today = localIsoDate(now);
  const horizon = addDays(today, withinDays);
  const rows = await placementSelect(session.db)
    .where('pl.end_date', 'is', null)
    .where((eb) => eb.or([eb('pl.planned_end_date', '<=', horizon), eb('pl.follow_up_date', '<=', horizon)]))
    .execute();
  const list = await assemble(session.db, rows, today);
  const out: Reminder[] = [];
  for (const p of list) {
    if (p.plannedEndDate !== null && p.plannedEndDate <= horizon) out.push({ placement: p, kind: 'planned_end', date: p.plannedEndDate, overdue: p.plannedEndDate < today });
    if (p.followUpDate !== null && p.followUpDate <= horizon) out.push({ placement: p, kind: 'follow_up', date: p.followUpDate, overdue: p.followUpDate < today });
  }
  session.audit.note({ action: 'placements.reminders', entityType: 'placement', detail: { reminders: out.length } });
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * What the stays touching [from, to) cost, per shelter and calendar month:
 * loaded once (placements, children, prices, names), then counted month by
 * month with the domain's day rule. Stays still going on count through
 * today, or the month's last day for a past month.
 */
async function costsByMonth(db: Db, months: readonly string[], today: string) {
  const ranges = months.map((month) => {
    const m = monthRange(month);
    const lastDay = isoDate(m.to - 1);
    const asOf = today < lastDay ? today : lastDay;
    return { month, from: m.from, to: m.to, asOf, countedThrough: dayNumber(asOf) < m.from ? isoDate(m.from - 1) : asOf };
  });
  const first = ranges[0]!;
  const last = ranges[ranges.length - 1]!;
  const placements = await placementsInMonth(db, isoDate(first.from), isoDate(last.to));
  const kids = await childStaysOf(db, placements.map((p) => p.id));
  const prices = await pricesByShelter(db, placements.map((p) => p.shelter_id));
  const names = new Map((await db.selectFrom('shelters').select(['id', 'name']).execute()).map((s) => [s.id, s.name]));
  const kidsBy = new Map<string, { start: string; end: string | null }[]>();
  for (const k of kids) kidsBy.set(k.placement_id, [...(kidsBy.get(k.placement_id) ?? []), { start: k.start_date, end: k.end_date }]);
  const tables = new Map<string, ReturnType<typeof priceTable>>();
  /** Per month: shelter id → placements counted and their cost. */
  const perMonth = ranges.map(() => new Map<string, { placements: number; cost: Cost }>());
  for (const p of placements) {
    let table = tables.get(p.shelter_id);
    if (!table) tables.set(p.shelter_id, (table = priceTable(prices.get(p.shelter_id) ?? [])));
    const stay = { start: p.start_date, end: p.end_date, adultPriceOverrideOre: p.adult_price_override_ore, childPriceOverrideOre: p.child_price_override_ore, children: kidsBy.get(p.id) ?? [] };
    const startDay = dayNumber(p.start_date);
    const endDay = p.end_date === null ? Infinity : dayNumber(p.end_date);
    ranges.forEach((r, i) => {
      if (startDay >= r.to || endDay < r.from) return;
      const cost = placementCostIn(stay, table, r.asOf, r.from, r.to);
      if (cost.adultDays === 0 && cost.childDays === 0) return;
      const rows = perMonth[i]!;
      const row = rows.get(p.shelter_id) ?? { placements: 0, cost: ZERO_COST };
      rows.set(p.shelter_id, { placements: row.placements + 1, cost: addCost(row.cost, cost) });
    });
  }
  return { ranges, perMonth, shelterName: (id: string) => names.get(id) ?? '' };
}

const bySwedishName = (a: { shelterName: string }, b: { shelterName: string }) => a.shelterName.localeCompare(b.shelterName, 'sv');

/**
 * The budget report: what one calendar month costs, per shelter, adults and
 * children apart. Stays still going on count through today (or the month's
 * last day for a past month). Figures only, no persons, so nothing is logged.
 */
export async function monthlyCost(session: Session, month: string, now = new Date()): Promise<MonthlyCost> {
  const { ranges, perMonth, shelterName } = await costsByMonth(session.db, [month], localIsoDate(now));
  const list = [...perMonth[0]!.entries()].map(([shelterId, r]) => ({ shelterId, shelterName: shelterName(shelterId), placements: r.placements, cost: r.cost })).sort(bySwedishName);
  return { month, countedThrough: ranges[0]!.countedThrough, rows: list, total: list.reduce((t, r) => addCost(t, r.cost), ZERO_COST) };
}

/**
 * The budget for a whole calendar year: months × shelters, adults and
 * children apart, by the same rules as the monthly report (each month's
 * figure equals that month's report). Figures only, nothing logged.
 */
export async function yearCost(session: Session, year: number, now = new Date()): Promise<YearCost> {
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  const { ranges, perMonth, shelterName } = await costsByMonth(session.db, months, localIsoDate(now));
  const ids = new Set(perMonth.flatMap((m) => [...m.keys()]));
  const rows = [...ids]
    .map((shelterId) => {
      const cells = perMonth.map((m) => m.get(shelterId)?.cost ?? ZERO_COST);
      return { shelterId, shelterName: shelterName(shelterId), months: cells, total: cells.reduce(addCost, ZERO_COST) };
    })
    .sort(bySwedishName);
  const monthTotals = perMonth.map((m) => [...m.values()].reduce((t, r) => addCost(t, r.cost), ZERO_COST));
  return { year, months, countedThrough: ranges[ranges.length - 1]!.countedThrough, rows, monthTotals, total: monthTotals.reduce(addCost, ZERO_COST) };
}
