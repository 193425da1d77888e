import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Session } from '../../api/context.js';
import { NotFoundError, ValidationError } from '../../domain/errors.js';
import type { IntakeSource, ViolenceType } from '../../domain/vocabulary.js';
import type { CaseDetail, CaseListPage, caseCreateSchema, caseListSchema } from './contract.js';
import { listCases, nextCaseNumber } from './queries.js';
import { localIsoDate } from '../../domain/dates.js';

const DEFAULT_PAGE = 50;

/** Opens a case for a registered person, who becomes its victim (våldsutsatt); the worker opening it is assigned. */
export async function createCase(session: Session, input: z.output<typeof caseCreateSchema>, now: Date = new Date()): Promise<CaseDetail> {
  const today = localIsoDate(now);
  if (input.intakeDate > today) {
    throw new ValidationError([{ path: 'intakeDate', code: 'future', message: 'Aktualiseringsdatum kan inte ligga i framtiden.' }]);
  }
  const id = randomUUID();
  const at = now.toISOString();
  await session.db.transaction().execute(async (trx) => {
    const person = await trx.selectFrom('persons').select('id').where('id', '=', input.mainPersonId).executeTakeFirst();
    if (!person) throw new NotFoundError('Personen');
    const caseNumber = await nextCaseNumber(trx, Number(input.intakeDate.slice(0, 4)));
    await trx
      .insertInto('cases')
      .values({
        id,
        case_number: caseNumber,
        main_person_id: input.mainPersonId,
        intake_date: input.intakeDate,
        intake_source: input.intakeSource,
        status: 'intake',
        assigned_worker_id: session.worker.id,
        closed_at: null,
        created_at: at,
        created_by: session.worker.id,
        updated_at: at,
      })
      .execute();
    const types = [...new Set(input.violenceTypes)];
    await trx.insertInto('case_violence_types').values(types.map((t) => ({ case_id: id, violence_type: t }))).execute();
    await trx.insertInto('case_persons').values({ case_id: id, person_id: input.mainPersonId, role: 'victim' }).execute();
    await session.audit.record(trx, { action: 'cases.create', entityType: 'case', entityId: id });
  });
  return getCase(session, id, { audit: false });
}

export async function listCasePage(session: Session, input: z.output<typeof caseListSchema>): Promise<CaseListPage> {
  const limit = input.limit ?? DEFAULT_PAGE;
  const rows = await listCases(session.db, { status: input.status, after: input.after, limit: limit + 1 });
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

/** Opens a case with its people; the read is logged in the same transaction. */
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
      .select(['persons.id', 'persons.first_name', 'persons.last_name', 'persons.personal_number', 'persons.protection_level', 'case_persons.role'])
      .where('case_persons.case_id', '=', id)
      .execute();
    if (opts.audit) await session.audit.record(trx, { action: 'cases.read', entityType: 'case', entityId: id });
    return {
      id: c.id,
      caseNumber: c.case_number,
      intakeDate: c.intake_date,
      intakeSource: c.intake_source as IntakeSource,
      status: c.status,
      assignedWorkerName: c.worker_name,
      mainPersonId: c.main_person_id,
      violenceTypes: types.map((t) => t.violence_type as ViolenceType),
      persons: persons.map((p) => ({
        personId: p.id,
        firstName: p.first_name,
        lastName: p.last_name,
        personalNumber: p.personal_number,
        protectionLevel: p.protection_level,
        role: p.role,
      })),
      closedAt: c.closed_at,
      createdAt: c.created_at,
    };
  });
}
