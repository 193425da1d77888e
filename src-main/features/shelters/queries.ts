import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The shelter's own columns, without the secret address (that is read only by `findShelterAddress`). */
const SHELTER_COLUMNS = [
  'id', 'name', 'operator_type', 'permit_number', 'permit_valid_from', 'permit_valid_to', 'capacity', 'contact_name', 'contact_phone', 'contact_email',
  'wheelchair_accessible', 'pets_allowed', 'boys_max_age', 'languages', 'accessibility_notes', 'archived_at',
] as const;

export function findShelter(db: Db, id: string) {
  return db
    .selectFrom('shelters')
    .select(SHELTER_COLUMNS)
    .select((eb) => eb.or([eb('street_address', 'is not', null), eb('postal_code', 'is not', null), eb('city', 'is not', null)]).as('has_address'))
    .where('id', '=', id)
    .executeTakeFirst();
}
export type ShelterRow = NonNullable<Awaited<ReturnType<typeof findShelter>>>;

export function listShelterRows(db: Db, includeArchived: boolean) {
  let q = db.selectFrom('shelters').select(['id', 'name', 'operator_type', 'capacity', 'permit_valid_to', 'archived_at']);
  if (!includeArchived) q = q.where('archived_at', 'is', null);
  return q.orderBy('name_key').orderBy('id').execute();
}

export function findShelterAddress(db: Db, id: string) {
  return db.selectFrom('shelters').select(['street_address', 'postal_code', 'city']).where('id', '=', id).executeTakeFirst();
}

/** A shelter with this folded name that is not archived (other than `exceptId`). */
export function findActiveByNameKey(db: Db, nameKey: string, exceptId?: string) {
  let q = db.selectFrom('shelters').select('id').where('name_key', '=', nameKey).where('archived_at', 'is', null);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return q.executeTakeFirst();
}

export function listPricePeriods(db: Db, shelterIds: readonly string[]) {
  if (shelterIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('shelter_price_periods').select(['id', 'shelter_id', 'valid_from', 'adult_ore', 'child_ore']).where('shelter_id', 'in', shelterIds).orderBy('shelter_id').orderBy('valid_from').execute();
}

export function allPricePeriods(db: Db) {
  return db.selectFrom('shelter_price_periods').select(['id', 'shelter_id', 'valid_from', 'adult_ore', 'child_ore']).orderBy('shelter_id').orderBy('valid_from').execute();
}

/** Persons (adults and children) staying at each shelter on `day` (a stay holds the nights from arrival up to departure). */
export async function occupiedOn(db: Db, day: string): Promise<Map<string, number>> {
  const adults = await db
    .selectFrom('placements')
    .select(['shelter_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('start_date', '<=', day)
    // holding the night of `day`: not yet departed, or a same-day stay on that very day
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>', day), eb('start_date', '=', day)]))
    .groupBy('shelter_id')
    .execute();
  const children = await db
    .selectFrom('placement_children as c')
    .innerJoin('placements as p', 'p.id', 'c.placement_id')
    .select(['p.shelter_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('c.start_date', '<=', day)
    .where(sql<boolean>`coalesce(c.end_date, p.end_date) IS NULL OR coalesce(c.end_date, p.end_date) > ${day}`)
    .where((eb) => eb.or([eb('p.end_date', 'is', null), eb('p.end_date', '>', day)]))
    .groupBy('p.shelter_id')
    .execute();
  const out = new Map<string, number>();
  for (const r of [...adults, ...children]) out.set(r.shelter_id, (out.get(r.shelter_id) ?? 0) + Number(r.n));
  return out;
}

/** Stays at a shelter that hold any night in [from, to], with the person and the children's own dates. */
export async function staysAt(db: Db, shelterId: string, from: string, to: string) {
  const stays = await db
    .selectFrom('placements as pl')
    .innerJoin('persons as p', 'p.id', 'pl.person_id')
    .select(['pl.id', 'pl.case_id', 'pl.person_id', 'p.first_name', 'p.last_name', 'p.protection_level', 'pl.start_date', 'pl.end_date', 'pl.planned_end_date'])
    .where('pl.shelter_id', '=', shelterId)
    .where('pl.start_date', '<=', to)
    .where((eb) => eb.or([eb('pl.end_date', 'is', null), eb('pl.end_date', '>=', from)]))
    .orderBy('pl.start_date')
    .orderBy('pl.id')
    .execute();
  const ids = stays.map((s) => s.id);
  const children = ids.length === 0 ? [] : await db.selectFrom('placement_children').select(['placement_id', 'start_date', 'end_date']).where('placement_id', 'in', ids).execute();
  return { stays, children };
}
