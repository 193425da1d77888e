import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export function placementSelect(db: Db) {
  return db
    .selectFrom('placements as pl')
    .innerJoin('persons as p', 'p.id', 'pl.person_id')
    .innerJoin('cases as c', 'c.id', 'pl.case_id')
    .innerJoin('shelters as s', 's.id', 'pl.shelter_id')
    .select([
      'pl.id', 'pl.case_id', 'c.case_number', 'pl.person_id', 'p.first_name', 'p.last_name', 'p.protection_level',
      'pl.shelter_id', 's.name as shelter_name', 's.operator_type',
      'pl.decision_date', 'pl.decision_ref', 'pl.start_date', 'pl.planned_end_date', 'pl.end_date', 'pl.follow_up_date',
      'pl.adult_price_override_ore', 'pl.child_price_override_ore', 'pl.price_override_reason', 'pl.end_reason', 'pl.destination',
    ]);
}

export type PlacementRow = Awaited<ReturnType<ReturnType<typeof placementSelect>['executeTakeFirstOrThrow']>>;

export function childrenOf(db: Db, placementIds: readonly string[]) {
  if (placementIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('placement_children as pc')
    .innerJoin('persons as p', 'p.id', 'pc.person_id')
    .select(['pc.id', 'pc.placement_id', 'pc.person_id', 'p.first_name', 'p.last_name', 'p.protection_level', 'pc.start_date', 'pc.end_date', 'pc.decision_ref', 'pc.consent', 'pc.consent_ground', 'pc.schooling', 'pc.schooling_note'])
    .where('pc.placement_id', 'in', placementIds)
    .orderBy('pc.start_date')
    .orderBy('p.first_name')
    .execute();
}

export type ChildRow = Awaited<ReturnType<typeof childrenOf>>[number];

/**
 * Every stay of these persons, as the placed adult or as an accompanying
 * child (a child's open end follows its parent), for the overlap check.
 */
export async function staysOfPersons(db: Db, personIds: readonly string[]) {
  if (personIds.length === 0) return [];
  const adult = await db
    .selectFrom('placements as pl')
    .innerJoin('shelters as s', 's.id', 'pl.shelter_id')
    .select(['pl.id', 'pl.person_id', 'pl.shelter_id', 's.name as shelter_name', 'pl.start_date', 'pl.end_date'])
    .where('pl.person_id', 'in', personIds)
    .execute();
  const child = await db
    .selectFrom('placement_children as pc')
    .innerJoin('placements as pl', 'pl.id', 'pc.placement_id')
    .innerJoin('shelters as s', 's.id', 'pl.shelter_id')
    .select(['pl.id', 'pc.person_id', 'pl.shelter_id', 's.name as shelter_name', 'pc.start_date', 'pc.end_date', 'pl.end_date as parent_end'])
    .where('pc.person_id', 'in', personIds)
    .execute();
  return [
    ...adult.map((s) => ({ id: s.id, personId: s.person_id, shelterId: s.shelter_id, shelterName: s.shelter_name, start: s.start_date, end: s.end_date })),
    ...child.map((s) => ({ id: s.id, personId: s.person_id, shelterId: s.shelter_id, shelterName: s.shelter_name, start: s.start_date, end: s.end_date ?? s.parent_end })),
  ];
}

/** The persons of a case with their role. */
export function casePersons(db: Db, caseId: string) {
  return db.selectFrom('case_persons').select(['person_id', 'role']).where('case_id', '=', caseId).execute();
}

/** Placements holding any night of [monthStart, nextMonthStart): open ones and ones ending on or after the month's first day. */
export async function placementsInMonth(db: Db, monthStart: string, nextMonthStart: string) {
  const base = () =>
    db
      .selectFrom('placements as pl')
      .select(['pl.id', 'pl.shelter_id', 'pl.start_date', 'pl.end_date', 'pl.adult_price_override_ore', 'pl.child_price_override_ore'])
      .where('pl.start_date', '<', nextMonthStart);
  const open = await base().where('pl.end_date', 'is', null).execute();
  const ended = await base().where('pl.end_date', '>=', monthStart).execute();
  return [...open, ...ended];
}

export function childStaysOf(db: Db, placementIds: readonly string[]) {
  if (placementIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('placement_children').select(['placement_id', 'start_date', 'end_date']).where('placement_id', 'in', placementIds).execute();
}
