import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { Session } from '../../api/context.js';
import type { Database } from '../../db/schema.js';
import { localIsoDate } from '../../domain/dates.js';
import { ConflictError, NotFoundError, ValidationError } from '../../domain/errors.js';
import { billedRange, dayNumber, isoDate } from '../../domain/placement-cost.js';
import { foldForSearch } from '../../domain/search-text.js';
import type { Occupancy, ShelterAddress, ShelterDetail, ShelterSummary, pricePeriodInputSchema, shelterCreateSchema, shelterFieldsSchema, shelterUpdateSchema } from './contract.js';
import { findActiveByNameKey, findShelter, findShelterAddress, listPricePeriods, listShelterRows, occupiedOn, staysAt } from './queries.js';
import { shelterDetailFromRow, shelterSummaryFromRow } from './rows.js';

type Fields = z.output<typeof shelterFieldsSchema>;

function fieldIssues(f: Pick<Fields, 'permitValidFrom' | 'permitValidTo'>) {
  if (f.permitValidFrom && f.permitValidTo && f.permitValidTo < f.permitValidFrom) {
    throw new ValidationError([{ path: 'permitValidTo', code: 'before_start', message: 'Tillståndet kan inte upphöra innan det börjar gälla.' }]);
  }
}

function columns(f: Omit<Fields, 'streetAddress' | 'postalCode' | 'city'>) {
  return {
    name: f.name,
    name_key: foldForSearch(f.name),
    operator_type: f.operatorType,
    permit_number: f.permitNumber,
    permit_valid_from: f.permitValidFrom,
    permit_valid_to: f.permitValidTo,
    capacity: f.capacity,
    contact_name: f.contactName,
    contact_phone: f.contactPhone,
    contact_email: f.contactEmail,
    wheelchair_accessible: f.wheelchairAccessible ? 1 : 0,
    pets_allowed: f.petsAllowed ? 1 : 0,
    boys_max_age: f.boysMaxAge,
    languages: f.languages,
    accessibility_notes: f.accessibilityNotes,
  };
}

async function detail(trx: Transaction<Database>, id: string, today: string): Promise<ShelterDetail> {
  const row = await findShelter(trx, id);
  if (!row) throw new NotFoundError('Boendet');
  const prices = await listPricePeriods(trx, [id]);
  const occupied = await occupiedOn(trx, today);
  return shelterDetailFromRow(row, prices, occupied.get(id) ?? 0, today);
}

async function refuseTwinName(trx: Transaction<Database>, name: string, exceptId?: string) {
  const twin = await findActiveByNameKey(trx, foldForSearch(name), exceptId);
  if (twin) throw new ConflictError('Det finns redan ett boende med det namnet i registret.', twin.id, 'name');
}

/** The register, by name; archived shelters only when asked for. Holds no person data, so it is not logged. */
export async function listShelters(session: Session, includeArchived: boolean, now = new Date()): Promise<ShelterSummary[]> {
  const today = localIsoDate(now);
  const rows = await listShelterRows(session.db, includeArchived);
  const prices = await listPricePeriods(session.db, rows.map((r) => r.id));
  const occupied = await occupiedOn(session.db, today);
  return rows.map((r) => shelterSummaryFromRow(r, prices.filter((p) => p.shelter_id === r.id), occupied.get(r.id) ?? 0, today));
}

export async function getShelter(session: Session, id: string, now = new Date()): Promise<ShelterDetail> {
  return session.db.transaction().execute((trx) => detail(trx, id, localIsoDate(now)));
}

/** The secret street address, for the internal view only; every look is its own logged event. */
export async function revealShelterAddress(session: Session, id: string): Promise<ShelterAddress> {
  return session.db.transaction().execute(async (trx) => {
    const row = await findShelterAddress(trx, id);
    if (!row) throw new NotFoundError('Boendet');
    await session.audit.record(trx, { action: 'shelters.reveal_address', entityType: 'shelter', entityId: id });
    return { streetAddress: row.street_address, postalCode: row.postal_code, city: row.city };
  });
}

export async function createShelter(session: Session, input: z.output<typeof shelterCreateSchema>, now = new Date()): Promise<ShelterDetail> {
  fieldIssues(input);
  return session.db.transaction().execute(async (trx) => {
    await refuseTwinName(trx, input.name);
    const id = randomUUID();
    const at = now.toISOString();
    await trx.insertInto('shelters').values({ id, ...columns(input), street_address: input.streetAddress, postal_code: input.postalCode, city: input.city, archived_at: null, created_by: session.worker.id, created_at: at, updated_at: at }).execute();
    if (input.firstPrice) {
      await trx.insertInto('shelter_price_periods').values({ id: randomUUID(), shelter_id: id, valid_from: input.firstPrice.validFrom, adult_ore: input.firstPrice.adultOre, child_ore: input.firstPrice.childOre, created_by: session.worker.id, created_at: at }).execute();
    }
    await session.audit.record(trx, { action: 'shelters.create', entityType: 'shelter', entityId: id });
    return detail(trx, id, localIsoDate(now));
  });
}

export async function updateShelter(session: Session, input: z.output<typeof shelterUpdateSchema>, now = new Date()): Promise<ShelterDetail> {
  fieldIssues(input);
  return session.db.transaction().execute(async (trx) => {
    if (!(await findShelter(trx, input.id))) throw new NotFoundError('Boendet');
    await refuseTwinName(trx, input.name, input.id);
    const address = input.address ? { street_address: input.address.streetAddress, postal_code: input.address.postalCode, city: input.address.city } : {};
    await trx.updateTable('shelters').set({ ...columns(input), ...address, updated_at: now.toISOString() }).where('id', '=', input.id).execute();
    await session.audit.record(trx, { action: 'shelters.update', entityType: 'shelter', entityId: input.id, detail: { addressChanged: input.address !== undefined } });
    return detail(trx, input.id, localIsoDate(now));
  });
}

/** Archives a shelter (it stays for the history of its placements) or takes it back into use. */
export async function setShelterArchived(session: Session, id: string, archived: boolean, now = new Date()): Promise<ShelterDetail> {
  return session.db.transaction().execute(async (trx) => {
    const row = await findShelter(trx, id);
    if (!row) throw new NotFoundError('Boendet');
    if (!archived) await refuseTwinName(trx, row.name, id);
    await trx.updateTable('shelters').set({ archived_at: archived ? now.toISOString() : null, updated_at: now.toISOString() }).where('id', '=', id).execute();
    await session.audit.record(trx, { action: archived ? 'shelters.archive' : 'shelters.unarchive', entityType: 'shelter', entityId: id });
    return detail(trx, id, localIsoDate(now));
  });
}

/**
 * Adds a price period from a date on. Days before it keep their old price, so
 * ongoing placements are split at the change and past months do not move.
 */
export async function addPricePeriod(session: Session, input: z.output<typeof pricePeriodInputSchema> & { shelterId: string }, now = new Date()): Promise<ShelterDetail> {
  return session.db.transaction().execute(async (trx) => {
    if (!(await findShelter(trx, input.shelterId))) throw new NotFoundError('Boendet');
    const same = await trx.selectFrom('shelter_price_periods').select('id').where('shelter_id', '=', input.shelterId).where('valid_from', '=', input.validFrom).executeTakeFirst();
    if (same) throw new ConflictError('Det finns redan ett pris från det datumet.', same.id, 'validFrom');
    await trx.insertInto('shelter_price_periods').values({ id: randomUUID(), shelter_id: input.shelterId, valid_from: input.validFrom, adult_ore: input.adultOre, child_ore: input.childOre, created_by: session.worker.id, created_at: now.toISOString() }).execute();
    await session.audit.record(trx, { action: 'shelters.add_price', entityType: 'shelter', entityId: input.shelterId });
    return detail(trx, input.shelterId, localIsoDate(now));
  });
}

/** Who stays at a shelter between two dates, and how many persons each day; a read of persons' data, noted in the log. */
export async function shelterOccupancy(session: Session, shelterId: string, from: string, to: string): Promise<Occupancy> {
  const shelter = await findShelter(session.db, shelterId);
  if (!shelter) throw new NotFoundError('Boendet');
  const { stays, children } = await staysAt(session.db, shelterId, from, to);
  const first = dayNumber(from);
  const counts = new Array<number>(dayNumber(to) - first + 1).fill(0);
  const mark = (range: { from: number; to: number }) => {
    for (let d = Math.max(range.from, first); d < Math.min(range.to, first + counts.length); d++) counts[d - first]! += 1;
  };
  const byPlacement = new Map<string, number>();
  for (const s of stays) {
    const parent = billedRange({ start: s.start_date, end: s.end_date }, to);
    mark(parent);
    for (const c of children.filter((c) => c.placement_id === s.id)) {
      byPlacement.set(s.id, (byPlacement.get(s.id) ?? 0) + 1);
      const own = billedRange({ start: c.start_date, end: c.end_date ?? s.end_date }, to);
      mark({ from: own.from, to: Math.min(own.to, parent.to) });
    }
  }
  session.audit.note({ action: 'shelters.occupancy', entityType: 'shelter', entityId: shelterId, detail: { stays: stays.length } });
  return {
    shelterId,
    from,
    to,
    capacity: shelter.capacity,
    stays: stays.map((s) => ({
      placementId: s.id,
      caseId: s.case_id,
      person: { id: s.person_id, firstName: s.first_name, lastName: s.last_name, protectionLevel: s.protection_level },
      start: s.start_date,
      end: s.end_date,
      plannedEnd: s.planned_end_date,
      children: byPlacement.get(s.id) ?? 0,
    })),
    perDay: counts.map((persons, i) => ({ date: isoDate(first + i), persons })),
  };
}
