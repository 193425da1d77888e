import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { Session } from '../../api/context.js';
import type { Database } from '../../db/schema.js';
import { localIsoDate } from '../../domain/dates.js';
import { NotFoundError, ValidationError, type FieldIssue } from '../../domain/errors.js';
import { caseExists, isPersonInCase } from '../decisions/queries.js';
import type { ActionPlan, PlanAction, actionPlanCreateSchema, actionPlanUpdateSchema } from './contract.js';

type Db = Kysely<Database> | Transaction<Database>;

function select(db: Db) {
  return db
    .selectFrom('action_plans as a')
    .innerJoin('workers as w', 'w.id', 'a.worker_id')
    .innerJoin('persons as p', 'p.id', 'a.person_id')
    .selectAll('a')
    .select(['w.name as worker_name', 'p.first_name', 'p.last_name']);
}
type Row = NonNullable<Awaited<ReturnType<ReturnType<typeof select>['executeTakeFirst']>>>;

function fromRow(r: Row): ActionPlan {
  return {
    id: r.id,
    caseId: r.case_id,
    personId: r.person_id,
    personName: `${r.first_name} ${r.last_name}`,
    status: r.status,
    goals: JSON.parse(r.goals) as string[],
    actions: JSON.parse(r.actions) as PlanAction[],
    followUpOn: r.follow_up_on,
    workerSignedOn: r.worker_signed_on,
    personSignedOn: r.person_signed_on,
    internalNote: r.internal_note,
    worker: { id: r.worker_id, name: r.worker_name },
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function readActionPlan(db: Db, id: string): Promise<ActionPlan> {
  const r = await select(db).where('a.id', '=', id).executeTakeFirst();
  if (!r) throw new NotFoundError('Handlingsplanen');
  return fromRow(r);
}

type Fields = Omit<z.output<typeof actionPlanUpdateSchema>, 'id'>;

function fieldIssues(f: Fields, today: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (f.workerSignedOn && f.workerSignedOn > today) issues.push({ path: 'workerSignedOn', code: 'future', message: 'Ett underskriftsdatum kan inte ligga i framtiden.' });
  if (f.personSignedOn && f.personSignedOn > today) issues.push({ path: 'personSignedOn', code: 'future', message: 'Ett underskriftsdatum kan inte ligga i framtiden.' });
  f.actions.forEach((a, i) => {
    if (a.outcome && !a.followUpOn) issues.push({ path: `actions.${i}.followUpOn`, code: 'required', message: 'Ange när åtgärden följdes upp.' });
  });
  return issues;
}

function values(f: Fields) {
  return {
    status: f.status,
    goals: JSON.stringify(f.goals),
    actions: JSON.stringify(f.actions),
    follow_up_on: f.followUpOn,
    worker_signed_on: f.workerSignedOn,
    person_signed_on: f.personSignedOn,
    internal_note: f.internalNote,
  };
}

export async function listActionPlans(session: Session, caseId: string): Promise<ActionPlan[]> {
  return session.db.transaction().execute(async (trx) => {
    if (!(await caseExists(trx, caseId))) throw new NotFoundError('Ärendet');
    const rows = await select(trx).where('a.case_id', '=', caseId).orderBy('a.created_at').execute();
    await session.audit.record(trx, { action: 'action_plans.read', entityType: 'case', entityId: caseId, detail: { plans: rows.length } });
    return rows.map(fromRow);
  });
}

export async function createActionPlan(session: Session, input: z.output<typeof actionPlanCreateSchema>, now: Date = new Date()): Promise<ActionPlan> {
  return session.db.transaction().execute(async (trx) => {
    if (!(await caseExists(trx, input.caseId))) throw new NotFoundError('Ärendet');
    const issues = fieldIssues(input, localIsoDate(now));
    if (!(await isPersonInCase(trx, input.caseId, input.personId))) issues.push({ path: 'personId', code: 'not_in_case', message: 'Personen ingår inte i ärendet.' });
    if (issues.length) throw new ValidationError(issues);
    const id = randomUUID();
    const at = now.toISOString();
    await trx
      .insertInto('action_plans')
      .values({ id, case_id: input.caseId, person_id: input.personId, ...values(input), worker_id: session.worker.id, created_at: at, updated_at: at })
      .execute();
    await session.audit.record(trx, { action: 'action_plans.create', entityType: 'action_plan', entityId: id, detail: { caseId: input.caseId, personId: input.personId } });
    return readActionPlan(trx, id);
  });
}

export async function updateActionPlan(session: Session, input: z.output<typeof actionPlanUpdateSchema>, now: Date = new Date()): Promise<ActionPlan> {
  return session.db.transaction().execute(async (trx) => {
    const before = await readActionPlan(trx, input.id);
    const issues = fieldIssues(input, localIsoDate(now));
    if (issues.length) throw new ValidationError(issues);
    await trx.updateTable('action_plans').set({ ...values(input), updated_at: now.toISOString() }).where('id', '=', input.id).execute();
    await session.audit.record(trx, { action: 'action_plans.update', entityType: 'action_plan', entityId: input.id, detail: { caseId: before.caseId } });
    return readActionPlan(trx, input.id);
  });
}
