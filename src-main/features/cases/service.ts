import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { Session } from '../../api/context.js';
import type { Database } from '../../db/schema.js';
import { ConflictError, NotFoundError, ValidationError } from '../../domain/errors.js';
import { localIsoDate } from '../../domain/dates.js';
import { canChangeStatus } from '../../domain/case-status.js';
import type { CaseStatus, IntakeSource, ViolenceType } from '../../domain/vocabulary.js';
import { insertPerson } from '../persons/service.js';
import type { CaseDetail, CaseListPage, caseCreateSchema, caseListSchema, casePersonSchema, caseStatusSchema, caseUpdateSchema, personRefSchema } from './contract.js';
import { listCases, nextCaseNumber } from './queries.js';

const DEFAULT_PAGE = 50;

const STATUS_LABEL: Record<CaseStatus, string> = { intake: 'aktualisering', investigation: 'utredning', ongoing: 'pågående insatser', closed: 'avslutat' };

function notInFuture(date: string, path: string, now: Date, what: string): void {
  if (date > localIsoDate(now)) throw new ValidationError([{ path, code: 'future', message: `${what} kan inte ligga i framtiden.` }]);
}

function checkFacts(input: { intakeDate: string; firstContactDate?: string | null }, now: Date): void {
  notInFuture(input.intakeDate, 'intakeDate', now, 'Aktualiseringsdatum');
  if (input.firstContactDate) {
    notInFuture(input.firstContactDate, 'firstContactDate', now, 'Datum för första kontakt');
    if (input.firstContactDate < input.intakeDate) {
      throw new ValidationError([{ path: 'firstContactDate', code: 'before_intake', message: 'Första kontakten kan inte ligga före aktualiseringen.' }]);
    }
  }
}

/** Resolves a person reference inside the transaction: an existing person, or a new one registered now. */
async function existingPerson(trx: Transaction<Database>, id: string, path: string): Promise<string> {
  const p = await trx.selectFrom('persons').select('id').where('id', '=', id).executeTakeFirst();
  if (!p) throw new ValidationError([{ path, code: 'not_found', message: 'Personen finns inte i registret.' }]);
  return p.id;
}

async function resolvePerson(session: Session, trx: Transaction<Database>, ref: z.output<typeof personRefSchema>, now: Date, path: string): Promise<string> {
  if ('personId' in ref) return existingPerson(trx, ref.personId, `${path}personId`);
  return (await insertPerson(session, trx, ref.newPerson, now, `${path}newPerson.`)).id;
}

async function addCasePerson(session: Session, trx: Transaction<Database>, caseId: string, entry: z.output<typeof casePersonSchema>, now: Date, path: string): Promise<string> {
  const personId = await resolvePerson(session, trx, entry.person, now, `${path}person.`);
  const existing = await trx.selectFrom('case_persons').select('role').where('case_id', '=', caseId).where('person_id', '=', personId).where('role', '=', entry.role).executeTakeFirst();
  if (existing) throw new ConflictError('Personen finns redan i ärendet med den rollen.');
  await trx.insertInto('case_persons').values({ case_id: caseId, person_id: personId, role: entry.role, child_exposure: entry.role === 'child' ? (entry.childExposure ?? null) : null }).execute();
  return personId;
}

/**
 * Intake in one transaction: the main person (found or registered), the
 * case with its number, violence types and facts, and everyone else in it.
 * If any part is refused, nothing is saved.
 */
export async function createCase(session: Session, input: z.output<typeof caseCreateSchema>, now: Date = new Date()): Promise<CaseDetail> {
  checkFacts(input, now);
  const id = randomUUID();
  const at = now.toISOString();
  await session.db.transaction().execute(async (trx) => {
    const mainPersonId = input.mainPersonId
      ? await existingPerson(trx, input.mainPersonId, 'mainPersonId')
      : (await insertPerson(session, trx, input.mainNewPerson!, now, 'mainNewPerson.')).id;
    const caseNumber = await nextCaseNumber(trx, Number(input.intakeDate.slice(0, 4)));
    await trx
      .insertInto('cases')
      .values({
        id,
        case_number: caseNumber,
        main_person_id: mainPersonId,
        intake_date: input.intakeDate,
        intake_source: input.intakeSource,
        status: 'intake',
        assigned_worker_id: session.worker.id,
        closed_at: null,
        created_at: at,
        created_by: session.worker.id,
        updated_at: at,
        relation: input.relation ?? null,
        first_contact_date: input.firstContactDate ?? null,
        children_in_household: input.childrenInHousehold ?? null,
        closing_reason: null,
      })
      .execute();
    const types = [...new Set(input.violenceTypes)];
    await trx.insertInto('case_violence_types').values(types.map((t) => ({ case_id: id, violence_type: t, intake_date: input.intakeDate }))).execute();
    await trx.insertInto('case_persons').values({ case_id: id, person_id: mainPersonId, role: 'victim', child_exposure: null }).execute();
    for (const [i, entry] of (input.people ?? []).entries()) {
      const pid = await addCasePerson(session, trx, id, entry, now, `people.${i}.`);
      if (pid === mainPersonId) throw new ValidationError([{ path: `people.${i}.person`, code: 'main_person', message: 'Huvudpersonen kan inte ha en roll till i samma ärende.' }]);
    }
    await trx.insertInto('case_status_events').values({ case_id: id, from_status: null, to_status: 'intake', event_date: input.intakeDate, worker_id: session.worker.id, at }).execute();
    await trx.insertInto('case_assignments').values({ case_id: id, worker_id: session.worker.id, assigned_by: session.worker.id, at }).execute();
    await session.audit.record(trx, { action: 'cases.create', entityType: 'case', entityId: id, detail: { people: (input.people?.length ?? 0) + 1 } });
  });
  return getCase(session, id, { audit: false });
}

async function openCaseRow(trx: Transaction<Database>, id: string) {
  const c = await trx.selectFrom('cases').select(['id', 'status', 'intake_date', 'assigned_worker_id', 'main_person_id']).where('id', '=', id).executeTakeFirst();
  if (!c) throw new NotFoundError('Ärendet');
  return c;
}

function refuseIfClosed(status: CaseStatus): void {
  if (status === 'closed') throw new ConflictError('Ärendet är avslutat och kan inte ändras. Vid ny kontakt öppnas ett nytt ärende.');
}

/** Changes the facts of the intake of an open case. */
export async function updateCase(session: Session, input: z.output<typeof caseUpdateSchema>, now: Date = new Date()): Promise<CaseDetail> {
  checkFacts(input, now);
  await session.db.transaction().execute(async (trx) => {
    const c = await openCaseRow(trx, input.id);
    refuseIfClosed(c.status);
    await trx
      .updateTable('cases')
      .set({
        intake_date: input.intakeDate,
        intake_source: input.intakeSource,
        relation: input.relation ?? null,
        first_contact_date: input.firstContactDate ?? null,
        children_in_household: input.childrenInHousehold ?? null,
        updated_at: now.toISOString(),
      })
      .where('id', '=', input.id)
      .execute();
    // Each type row carries the case's intake date, for the list filtered by violence type.
    await trx.deleteFrom('case_violence_types').where('case_id', '=', input.id).execute();
    await trx
      .insertInto('case_violence_types')
      .values([...new Set(input.violenceTypes)].map((t) => ({ case_id: input.id, violence_type: t, intake_date: input.intakeDate })))
      .execute();
    await session.audit.record(trx, { action: 'cases.update', entityType: 'case', entityId: input.id });
  });
  return getCase(session, input.id, { audit: false });
}

/** Moves a case along its path (see domain/case-status.ts); closing needs a reason and sets the closing date. */
export async function setCaseStatus(session: Session, input: z.output<typeof caseStatusSchema>, now: Date = new Date()): Promise<CaseDetail> {
  notInFuture(input.date, 'date', now, 'Datumet');
  await session.db.transaction().execute(async (trx) => {
    const c = await openCaseRow(trx, input.id);
    if (!canChangeStatus(c.status, input.status)) {
      throw new ConflictError(`Ärendet kan inte gå från ${STATUS_LABEL[c.status]} till ${STATUS_LABEL[input.status]}.`);
    }
    const last = await trx.selectFrom('case_status_events').select('event_date').where('case_id', '=', input.id).orderBy('id', 'desc').limit(1).executeTakeFirst();
    const floor = last && last.event_date > c.intake_date ? last.event_date : c.intake_date;
    if (input.date < floor) {
      throw new ValidationError([{ path: 'date', code: 'before_previous', message: `Datumet kan inte ligga före ${floor}, ärendets senaste händelse.` }]);
    }
    await trx
      .updateTable('cases')
      .set({
        status: input.status,
        closed_at: input.status === 'closed' ? input.date : null,
        closing_reason: input.status === 'closed' ? (input.closingReason ?? null) : null,
        updated_at: now.toISOString(),
      })
      .where('id', '=', input.id)
      .execute();
    await trx.insertInto('case_status_events').values({ case_id: input.id, from_status: c.status, to_status: input.status, event_date: input.date, worker_id: session.worker.id, at: now.toISOString() }).execute();
    await session.audit.record(trx, { action: 'cases.set_status', entityType: 'case', entityId: input.id, detail: { from: c.status, to: input.status } });
  });
  return getCase(session, input.id, { audit: false });
}

/** Gives the case to another active worker; the change is kept in the assignment history and the log. */
export async function reassignCase(session: Session, id: string, workerId: string, now: Date = new Date()): Promise<CaseDetail> {
  await session.db.transaction().execute(async (trx) => {
    const c = await openCaseRow(trx, id);
    refuseIfClosed(c.status);
    const w = await trx.selectFrom('workers').select(['id', 'active']).where('id', '=', workerId).executeTakeFirst();
    if (!w || w.active !== 1) throw new ValidationError([{ path: 'workerId', code: 'inactive', message: 'Handläggaren finns inte eller är inaktiverad.' }]);
    if (c.assigned_worker_id === workerId) throw new ConflictError('Ärendet har redan den handläggaren.');
    await trx.updateTable('cases').set({ assigned_worker_id: workerId, updated_at: now.toISOString() }).where('id', '=', id).execute();
    await trx.insertInto('case_assignments').values({ case_id: id, worker_id: workerId, assigned_by: session.worker.id, at: now.toISOString() }).execute();
    await session.audit.record(trx, { action: 'cases.reassign', entityType: 'case', entityId: id, detail: { from: c.assigned_worker_id, to: workerId } });
  });
  return getCase(session, id, { audit: false });
}

/** Adds a person (existing or new) to an open case with a role. */
export async function addPersonToCase(session: Session, caseId: string, entry: z.output<typeof casePersonSchema>, now: Date = new Date()): Promise<CaseDetail> {
  await session.db.transaction().execute(async (trx) => {
    const c = await openCaseRow(trx, caseId);
    refuseIfClosed(c.status);
    const pid = await addCasePerson(session, trx, caseId, entry, now, 'entry.');
    if (pid === c.main_person_id) throw new ValidationError([{ path: 'entry.person', code: 'main_person', message: 'Huvudpersonen kan inte ha en roll till i samma ärende.' }]);
    await session.audit.record(trx, { action: 'cases.add_person', entityType: 'case', entityId: caseId, detail: { person: pid, role: entry.role } });
  });
  return getCase(session, caseId, { audit: false });
}

/** Takes a person out of an open case (never the main person). */
export async function removePersonFromCase(session: Session, caseId: string, personId: string, role: 'perpetrator' | 'child' | 'other', now: Date = new Date()): Promise<CaseDetail> {
  await session.db.transaction().execute(async (trx) => {
    const c = await openCaseRow(trx, caseId);
    refuseIfClosed(c.status);
    const r = await trx.deleteFrom('case_persons').where('case_id', '=', caseId).where('person_id', '=', personId).where('role', '=', role).executeTakeFirst();
    if (Number(r.numDeletedRows) === 0) throw new NotFoundError('Personen i ärendet');
    await trx.updateTable('cases').set({ updated_at: now.toISOString() }).where('id', '=', caseId).execute();
    await session.audit.record(trx, { action: 'cases.remove_person', entityType: 'case', entityId: caseId, detail: { person: personId, role } });
  });
  return getCase(session, caseId, { audit: false });
}

export async function listCasePage(session: Session, input: z.output<typeof caseListSchema>): Promise<CaseListPage> {
  const limit = input.limit ?? DEFAULT_PAGE;
  const rows = await listCases(session.db, { ...input, limit: limit + 1 });
  const page = rows.slice(0, limit);
  session.audit.note({ action: 'cases.list', entityType: 'case', detail: { results: page.length } });
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      caseNumber: r.case_number,
      intakeDate: r.intake_date,
      intakeSource: r.intake_source as IntakeSource,
      status: r.status,
      mainPerson: { id: r.person_id, firstName: r.first_name, lastName: r.last_name, protectionLevel: r.protection_level },
      assignedWorkerName: r.worker_name,
    })),
    next: rows.length > limit && last ? { intakeDate: last.intake_date, id: last.id } : null,
  };
}

/** Opens a case with its people and history; the read is logged in the same transaction. */
export async function getCase(session: Session, id: string, opts: { audit: boolean } = { audit: true }): Promise<CaseDetail> {
  return session.db.transaction().execute(async (trx) => {
    const c = await trx
      .selectFrom('cases')
      .innerJoin('workers', 'workers.id', 'cases.assigned_worker_id')
      .selectAll('cases')
      .select('workers.name as worker_name')
      .where('cases.id', '=', id)
      .executeTakeFirst();
    if (!c) throw new NotFoundError('Ärendet');
    const types = await trx.selectFrom('case_violence_types').select('violence_type').where('case_id', '=', id).execute();
    const persons = await trx
      .selectFrom('case_persons')
      .innerJoin('persons', 'persons.id', 'case_persons.person_id')
      .select(['persons.id', 'persons.first_name', 'persons.last_name', 'persons.personal_number', 'persons.protection_level', 'case_persons.role', 'case_persons.child_exposure'])
      .where('case_persons.case_id', '=', id)
      .execute();
    const roleOrder = { victim: 0, child: 1, perpetrator: 2, other: 3 } as const;
    persons.sort((a, b) => roleOrder[a.role] - roleOrder[b.role] || a.last_name.localeCompare(b.last_name, 'sv') || a.first_name.localeCompare(b.first_name, 'sv'));
    const history = await trx
      .selectFrom('case_status_events')
      .innerJoin('workers', 'workers.id', 'case_status_events.worker_id')
      .select(['from_status', 'to_status', 'event_date', 'at', 'workers.name'])
      .where('case_id', '=', id)
      .orderBy('case_status_events.id')
      .execute();
    const assignments = await trx
      .selectFrom('case_assignments as a')
      .innerJoin('workers as w', 'w.id', 'a.worker_id')
      .innerJoin('workers as b', 'b.id', 'a.assigned_by')
      .select(['w.name as worker_name', 'b.name as by_name', 'a.at'])
      .where('a.case_id', '=', id)
      .orderBy('a.id')
      .execute();
    if (opts.audit) await session.audit.record(trx, { action: 'cases.read', entityType: 'case', entityId: id });
    return {
      id: c.id,
      caseNumber: c.case_number,
      intakeDate: c.intake_date,
      intakeSource: c.intake_source as IntakeSource,
      status: c.status,
      assignedWorkerName: c.worker_name,
      assignedWorkerId: c.assigned_worker_id,
      mainPersonId: c.main_person_id,
      violenceTypes: types.map((t) => t.violence_type as ViolenceType),
      relation: c.relation,
      firstContactDate: c.first_contact_date,
      childrenInHousehold: c.children_in_household,
      closingReason: c.closing_reason,
      externalRef: c.external_ref,
      persons: persons.map((p) => ({
        personId: p.id,
        firstName: p.first_name,
        lastName: p.last_name,
        personalNumber: p.personal_number,
        protectionLevel: p.protection_level,
        role: p.role,
        childExposure: p.child_exposure,
      })),
      statusHistory: history.map((h) => ({ from: h.from_status, to: h.to_status, date: h.event_date, workerName: h.name, at: h.at })),
      assignments: assignments.map((a) => ({ workerName: a.worker_name, assignedByName: a.by_name, at: a.at })),
      closedAt: c.closed_at,
      createdAt: c.created_at,
    };
  });
}
