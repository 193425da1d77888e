import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Session } from '../../api/context.js';
import type { Database } from '../../db/schema.js';
import { AppError, ConflictError, NotFoundError } from '../../domain/errors.js';
import type { WorkerRole } from '../../domain/vocabulary.js';
import { MIN_PASSPHRASE_LENGTH, addWorkerSlot, removeWorkerSlot, verifyRecoveryKey, type KdfBase } from '../../vault/vault.js';
import type { WorkerSummary } from './contract.js';

type WorkerRow = Database['workers'];

function toSummary(r: Pick<WorkerRow, 'id' | 'name' | 'role' | 'active'>): WorkerSummary {
  return { id: r.id, name: r.name, role: r.role, active: r.active === 1 };
}

export async function listWorkers(session: Session): Promise<WorkerSummary[]> {
  const rows = await session.db.selectFrom('workers').select(['id', 'name', 'role', 'active']).orderBy('name').execute();
  return rows.map(toSummary);
}

function checkFirstPassphrase(passphrase: string): void {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    throw new AppError('validation', `Lösenordet måste ha minst ${MIN_PASSPHRASE_LENGTH} tecken.`, {
      issues: [{ path: 'firstPassphrase', code: 'too_short', message: `Minst ${MIN_PASSPHRASE_LENGTH} tecken.` }],
    });
  }
}

async function requireWorker(trx: Transaction<Database>, id: string): Promise<WorkerRow> {
  const row = await trx.selectFrom('workers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('Handläggaren');
  return row;
}

/** At least one active samordnare must remain, or nobody could administer the unit. */
async function refuseLastCoordinator(trx: Transaction<Database>, leavingId: string): Promise<void> {
  const others = await trx
    .selectFrom('workers')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'samordnare')
    .where('active', '=', 1)
    .where('id', '<>', leavingId)
    .executeTakeFirstOrThrow();
  if (Number(others.n) === 0) throw new ConflictError('Enheten måste ha minst en aktiv samordnare.');
}

/**
 * Adds a worker and their key slot. The database row is written first, in a
 * transaction with its audit event; the key slot last, so a failure leaves
 * no slot for a worker who does not exist.
 */
export async function createWorker(session: Session, input: { name: string; role: WorkerRole; firstPassphrase: string }, kdf: KdfBase): Promise<WorkerSummary> {
  checkFirstPassphrase(input.firstPassphrase);
  const id = randomUUID();
  const row = { id, name: input.name, role: input.role, active: 1, created_at: new Date().toISOString() };
  await session.db.transaction().execute(async (trx) => {
    const same = await trx.selectFrom('workers').select('id').where('name', '=', input.name).where('active', '=', 1).executeTakeFirst();
    if (same) throw new ConflictError('Det finns redan en aktiv handläggare med det namnet. Lägg till något som skiljer dem åt.', undefined, 'name');
    await trx.insertInto('workers').values(row).execute();
    await session.audit.record(trx, { action: 'workers.create', entityType: 'worker', entityId: id, detail: { role: input.role } });
  });
  try {
    await addWorkerSlot(session.vault, id, input.name, input.firstPassphrase, kdf);
  } catch (err) {
    await session.db.transaction().execute(async (trx) => {
      await trx.updateTable('workers').set({ active: 0 }).where('id', '=', id).execute();
      await session.audit.record(trx, { action: 'workers.create_failed', entityType: 'worker', entityId: id });
    });
    throw err;
  }
  return toSummary(row);
}

/** Deactivates a worker: the row stays (history keeps the name), the key slot goes. */
export async function deactivateWorker(session: Session, id: string): Promise<WorkerSummary> {
  if (id === session.worker.id) throw new ConflictError('Du kan inte inaktivera dig själv.');
  const row = await session.db.transaction().execute(async (trx) => {
    const w = await requireWorker(trx, id);
    if (w.active !== 1) throw new ConflictError('Handläggaren är redan inaktiverad.');
    if (w.role === 'samordnare') await refuseLastCoordinator(trx, id);
    await trx.updateTable('workers').set({ active: 0 }).where('id', '=', id).execute();
    await session.audit.record(trx, { action: 'workers.deactivate', entityType: 'worker', entityId: id });
    // Inside the transaction: if the slot cannot be removed, the worker stays active and can be deactivated again.
    try {
      removeWorkerSlot(session.vault, id);
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'not_found')) throw err;
    }
    return { ...w, active: 0 };
  });
  return toSummary(row);
}

export async function setWorkerRole(session: Session, id: string, role: WorkerRole): Promise<WorkerSummary> {
  const row = await session.db.transaction().execute(async (trx) => {
    const w = await requireWorker(trx, id);
    if (w.active !== 1) throw new ConflictError('Handläggaren är inaktiverad.');
    if (w.role === role) return w;
    if (w.role === 'samordnare') await refuseLastCoordinator(trx, id);
    await trx.updateTable('workers').set({ role }).where('id', '=', id).execute();
    await session.audit.record(trx, { action: 'workers.set_role', entityType: 'worker', entityId: id, detail: { from: w.role, to: role } });
    return { ...w, role };
  });
  return toSummary(row);
}

/** Gives a worker who forgot their passphrase a new first passphrase; proven by the unit's recovery key. */
export async function resetWorkerPassphrase(session: Session, input: { workerId: string; recoveryKey: string; firstPassphrase: string }, kdf: KdfBase): Promise<WorkerSummary> {
  checkFirstPassphrase(input.firstPassphrase);
  const key = verifyRecoveryKey(session.vault.paths.dir, input.recoveryKey);
  const matches = key.equals(session.vault.dataKey);
  key.fill(0);
  if (!matches) throw new AppError('wrong_passphrase', 'Återställningsnyckeln hör inte till det här valvet.');
  const w = await session.db.selectFrom('workers').select(['id', 'name', 'role', 'active']).where('id', '=', input.workerId).executeTakeFirst();
  if (!w) throw new NotFoundError('Handläggaren');
  if (w.active !== 1) throw new ConflictError('Handläggaren är inaktiverad. Lägg till hen på nytt i stället.');
  await addWorkerSlot(session.vault, w.id, w.name, input.firstPassphrase, kdf);
  await session.audit.append({ action: 'workers.reset_passphrase', entityType: 'worker', entityId: w.id });
  return toSummary(w);
}
