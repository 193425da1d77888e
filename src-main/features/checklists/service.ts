import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Session } from '../../api/context.js';
import type { Database } from '../../db/schema.js';
import { ConflictError, NotFoundError, ValidationError } from '../../domain/errors.js';
import { caseExists } from '../decisions/queries.js';
import { latestTemplate, requireTemplate, storeTemplateVersion } from '../templates/store.js';
import type { Checklist } from './contract.js';

type Db = Kysely<Database> | Transaction<Database>;

function checklistRows(db: Db) {
  return db
    .selectFrom('checklists as c')
    .innerJoin('workers as w', 'w.id', 'c.created_by')
    .select(['c.id', 'c.case_id', 'c.template_id', 'c.template_version', 'c.created_by', 'w.name as created_by_name', 'c.created_at']);
}

async function build(db: Db, row: Awaited<ReturnType<ReturnType<typeof checklistRows>['execute']>>[number]): Promise<Checklist> {
  const template = await requireTemplate(db, row.template_id, row.template_version, 'checklist');
  const ticks = await db
    .selectFrom('checklist_ticks as t')
    .innerJoin('workers as w', 'w.id', 't.ticked_by')
    .select(['t.item_key', 't.ticked_by', 'w.name', 't.ticked_at', 't.note'])
    .where('t.checklist_id', '=', row.id)
    .orderBy('t.ticked_at')
    .execute();
  const keys = new Set(template.sections.flatMap((s) => s.items.map((i) => i.key)));
  return {
    id: row.id,
    caseId: row.case_id,
    template,
    ticks: ticks.map((t) => ({ itemKey: t.item_key, by: { id: t.ticked_by, name: t.name }, at: t.ticked_at, note: t.note })),
    progress: { done: ticks.filter((t) => keys.has(t.item_key)).length, total: keys.size },
    createdBy: { id: row.created_by, name: row.created_by_name },
    createdAt: row.created_at,
  };
}

/** One checklist, read in the caller's transaction. */
export async function readChecklist(db: Db, id: string): Promise<Checklist> {
  const row = await checklistRows(db).where('c.id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('Checklistan');
  return build(db, row);
}

/** A case's checklists, oldest first; logged. */
export async function listChecklists(session: Session, caseId: string): Promise<Checklist[]> {
  return session.db.transaction().execute(async (trx) => {
    if (!(await caseExists(trx, caseId))) throw new NotFoundError('Ärendet');
    const rows = await checklistRows(trx).where('c.case_id', '=', caseId).orderBy('c.created_at').execute();
    await session.audit.record(trx, { action: 'checklists.read', entityType: 'case', entityId: caseId, detail: { checklists: rows.length } });
    const out: Checklist[] = [];
    for (const r of rows) out.push(await build(trx, r));
    return out;
  });
}

/** Starts a checklist in a case from the newest version of a template. */
export async function startChecklist(session: Session, caseId: string, templateId: string, now: Date = new Date()): Promise<Checklist> {
  return session.db.transaction().execute(async (trx) => {
    if (!(await caseExists(trx, caseId))) throw new NotFoundError('Ärendet');
    const t = await latestTemplate(trx, templateId, 'checklist');
    await storeTemplateVersion(trx, t, 'builtin', session.worker.id, now);
    const id = randomUUID();
    await trx.insertInto('checklists').values({ id, case_id: caseId, template_id: t.id, template_version: t.version, created_by: session.worker.id, created_at: now.toISOString() }).execute();
    await session.audit.record(trx, { action: 'checklists.start', entityType: 'checklist', entityId: id, detail: { caseId } });
    return readChecklist(trx, id);
  });
}

async function itemOf(trx: Transaction<Database>, checklistId: string, itemKey: string) {
  const c = await readChecklist(trx, checklistId);
  if (!c.template.sections.some((s) => s.items.some((i) => i.key === itemKey))) {
    throw new ValidationError([{ path: 'itemKey', code: 'unknown', message: 'Punkten finns inte i checklistan.' }]);
  }
  return c;
}

/** Ticks an item with the worker and the time, and an optional note. */
export async function tickItem(session: Session, checklistId: string, itemKey: string, note: string | null, now: Date = new Date()): Promise<Checklist> {
  return session.db.transaction().execute(async (trx) => {
    const c = await itemOf(trx, checklistId, itemKey);
    if (c.ticks.some((t) => t.itemKey === itemKey)) throw new ConflictError('Punkten är redan avbockad.');
    await trx.insertInto('checklist_ticks').values({ checklist_id: checklistId, item_key: itemKey, ticked_by: session.worker.id, ticked_at: now.toISOString(), note }).execute();
    await session.audit.record(trx, { action: 'checklists.tick', entityType: 'checklist', entityId: checklistId, detail: { caseId: c.caseId } });
    return readChecklist(trx, checklistId);
  });
}

/** Takes a tick back (a mistake); the log keeps that it was there. */
export async function untickItem(session: Session, checklistId: string, itemKey: string): Promise<Checklist> {
  return session.db.transaction().execute(async (trx) => {
    const c = await itemOf(trx, checklistId, itemKey);
    await trx.deleteFrom('checklist_ticks').where('checklist_id', '=', checklistId).where('item_key', '=', itemKey).execute();
    await session.audit.record(trx, { action: 'checklists.untick', entityType: 'checklist', entityId: checklistId, detail: { caseId: c.caseId } });
    return readChecklist(trx, checklistId);
  });
}
