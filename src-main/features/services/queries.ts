import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The editable list of service types, in the unit's order. */
export function listServiceTypes(db: Db) {
  return db.selectFrom('service_types').select(['code', 'label', 'active', 'sort_order']).orderBy('sort_order').orderBy('code').execute();
}

export function findServiceType(db: Db, code: string) {
  return db.selectFrom('service_types').select(['code', 'label', 'active', 'sort_order']).where('code', '=', code).executeTakeFirst();
}

/** The sort position after the last type, in steps of ten so a type can later be slotted in between. */
export async function nextSortOrder(db: Db): Promise<number> {
  const row = await db.selectFrom('service_types').select((eb) => eb.fn.max('sort_order').as('m')).executeTakeFirst();
  return Number(row?.m ?? 0) + 10;
}

/** Every service of a case, oldest start first, with the type's label, the person and the decision it rests on. */
export function listCaseServices(db: Db, caseId: string) {
  return serviceSelect(db).where('sv.case_id', '=', caseId).orderBy('sv.start_date').orderBy('sv.created_at').orderBy('sv.id').execute();
}

export function findService(db: Db, id: string) {
  return serviceSelect(db).where('sv.id', '=', id).executeTakeFirst();
}

export type ServiceRow = NonNullable<Awaited<ReturnType<typeof findService>>>;

function serviceSelect(db: Db) {
  return db
    .selectFrom('services as sv')
    .innerJoin('service_types as t', 't.code', 'sv.service_type')
    .innerJoin('persons as p', 'p.id', 'sv.person_id')
    .leftJoin('decisions as d', 'd.id', 'sv.decision_id')
    .select([
      'sv.id',
      'sv.case_id',
      'sv.person_id',
      'p.first_name',
      'p.last_name',
      'p.protection_level',
      'sv.service_type',
      't.label as service_type_label',
      'sv.decision_id',
      'd.decision_date',
      'd.outcome as decision_outcome',
      'sv.start_date',
      'sv.end_date',
      'sv.created_at',
      'sv.updated_at',
    ]);
}
