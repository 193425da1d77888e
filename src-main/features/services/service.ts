import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { Session } from '../../api/context.js';
import type { Database } from '../../db/schema.js';
import { ConflictError, NotFoundError, ValidationError, type FieldIssue } from '../../domain/errors.js';
import { checkCasePersonAndType } from '../decisions/service.js';
import { caseExists, findDecisionRef } from '../decisions/queries.js';
import type { Service, ServiceType, serviceCreateSchema, serviceTypeSaveSchema } from './contract.js';
import { findService, findServiceType, listCaseServices, listServiceTypes, nextSortOrder } from './queries.js';
import { serviceFromRow, serviceTypeFromRow } from './rows.js';

const END_BEFORE_START: FieldIssue = { path: 'endDate', code: 'before_start', message: 'Slutdatum kan inte vara före startdatum.' };

/** The unit's list of services, used and retired, in its order. */
export async function serviceTypes(session: Session): Promise<ServiceType[]> {
  return (await listServiceTypes(session.db)).map(serviceTypeFromRow);
}

/**
 * Adds a service type, or renames or (de)activates an existing one (by code).
 * A retired type stays on the services and decisions that used it; it is only
 * no longer offered for new ones. Two types may not share a label.
 */
export async function saveServiceType(session: Session, input: z.output<typeof serviceTypeSaveSchema>): Promise<ServiceType[]> {
  return session.db.transaction().execute(async (trx) => {
    const all = await listServiceTypes(trx);
    const wanted = input.label.toLocaleLowerCase('sv-SE');
    if (all.some((t) => t.code !== input.code && t.label.toLocaleLowerCase('sv-SE') === wanted)) {
      throw new ConflictError('Det finns redan en insats med det namnet.');
    }
    const existing = await findServiceType(trx, input.code);
    if (existing) {
      await trx.updateTable('service_types').set({ label: input.label, active: input.active ? 1 : 0 }).where('code', '=', input.code).execute();
    } else {
      await trx.insertInto('service_types').values({ code: input.code, label: input.label, active: input.active ? 1 : 0, sort_order: await nextSortOrder(trx) }).execute();
    }
    await session.audit.record(trx, { action: 'services.save_type', entityType: 'service_type', entityId: input.code, detail: { created: !existing, active: input.active } });
    return (await listServiceTypes(trx)).map(serviceTypeFromRow);
  });
}

/** A case's services, earliest start first; the read is logged in the same transaction. */
export async function listServices(session: Session, caseId: string): Promise<Service[]> {
  return session.db.transaction().execute(async (trx) => {
    if (!(await caseExists(trx, caseId))) throw new NotFoundError('Ärendet');
    const rows = await listCaseServices(trx, caseId);
    await session.audit.record(trx, { action: 'services.read', entityType: 'case', entityId: caseId, detail: { services: rows.length } });
    return rows.map(serviceFromRow);
  });
}

/** Checks that a decision can carry the service: same case, same person, same service type, and not a refusal. */
async function checkDecision(trx: Transaction<Database>, decisionId: string, input: { caseId: string; personId: string; serviceType: string }): Promise<void> {
  const d = await findDecisionRef(trx, decisionId);
  if (!d) throw new NotFoundError('Beslutet');
  const issue = (code: string, message: string) => new ValidationError([{ path: 'decisionId', code, message }]);
  if (d.case_id !== input.caseId) throw issue('other_case', 'Beslutet hör till ett annat ärende.');
  if (d.person_id !== input.personId) throw issue('other_person', 'Beslutet gäller en annan person. Varje person behöver ett eget beslut.');
  if (d.service_type !== input.serviceType) throw issue('other_type', 'Beslutet gäller en annan insats.');
  if (d.outcome === 'refused') throw issue('refused', 'Beslutet är ett avslag och kan inte ligga till grund för en insats.');
}

async function loadService(trx: Transaction<Database>, id: string): Promise<Service> {
  const row = await findService(trx, id);
  if (!row) throw new NotFoundError('Insatsen');
  return serviceFromRow(row);
}

/** Starts a service for a person in the case, optionally resting on a decision. */
export async function createService(session: Session, input: z.output<typeof serviceCreateSchema>, now: Date = new Date()): Promise<Service> {
  const endDate = input.endDate ?? null;
  if (endDate !== null && endDate < input.startDate) throw new ValidationError([END_BEFORE_START]);
  return session.db.transaction().execute(async (trx) => {
    await checkCasePersonAndType(trx, input);
    const decisionId = input.decisionId ?? null;
    if (decisionId) await checkDecision(trx, decisionId, input);
    const id = randomUUID();
    const at = now.toISOString();
    await trx
      .insertInto('services')
      .values({
        id,
        case_id: input.caseId,
        person_id: input.personId,
        service_type: input.serviceType,
        decision_id: decisionId,
        start_date: input.startDate,
        end_date: endDate,
        created_by: session.worker.id,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await session.audit.record(trx, { action: 'services.create', entityType: 'service', entityId: id, detail: { caseId: input.caseId, personId: input.personId } });
    return loadService(trx, id);
  });
}

/** Sets (or corrects) the end date of a service; it cannot end before it started. */
export async function endService(session: Session, id: string, endDate: string, now: Date = new Date()): Promise<Service> {
  return session.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('services').select(['id', 'case_id', 'start_date', 'end_date']).where('id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError('Insatsen');
    if (endDate < row.start_date) throw new ValidationError([END_BEFORE_START]);
    await trx.updateTable('services').set({ end_date: endDate, updated_at: now.toISOString() }).where('id', '=', id).execute();
    await session.audit.record(trx, { action: 'services.end', entityType: 'service', entityId: id, detail: { caseId: row.case_id, changedEnd: row.end_date !== null } });
    return loadService(trx, id);
  });
}
