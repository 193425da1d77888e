import { randomUUID } from 'node:crypto';
import { addWorkerSlot } from '../../src-main/vault/vault.js';
import type { PersonSummary } from '../../src-main/features/persons/contract.js';
import type { CaseDetail } from '../../src-main/features/cases/contract.js';
import type { CaseRole } from '../../src-main/domain/vocabulary.js';
import { PASS, TEST_KDF, call, type unlockedApp } from './temp.js';

export type App = Awaited<ReturnType<typeof unlockedApp>>;

/** Today in the worker's local calendar, and a date some days back. */
export function daysAgo(n: number, from: Date = new Date()): string {
  const d = new Date(from.getFullYear(), from.getMonth(), from.getDate() - n);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Registers a person with no number (fictional test data). */
export async function newPerson(app: App, firstName: string, lastName: string, protectionLevel = 'none'): Promise<PersonSummary> {
  return call<PersonSummary>(app.router, 'persons.create', { firstName, lastName, identity: { kind: 'none', birthYear: 1985 }, gender: 'kvinna', protectionLevel });
}

/** Opens a case for a new victim. */
export async function newCase(app: App, lastName = 'Exempelberg'): Promise<{ caseDetail: CaseDetail; victim: PersonSummary }> {
  const victim = await newPerson(app, 'Fia', lastName);
  const caseDetail = await call<CaseDetail>(app.router, 'cases.create', { mainPersonId: victim.id, intakeDate: daysAgo(30), intakeSource: 'report_police', violenceTypes: ['physical'] });
  return { caseDetail, victim };
}

/** Puts a person in a case with a role, straight in the table (the channel for it belongs to the cases feature). */
export async function addToCase(app: App, caseId: string, personId: string, role: CaseRole): Promise<void> {
  await app.core.requireSession().db.insertInto('case_persons').values({ case_id: caseId, person_id: personId, role, child_exposure: null }).execute();
}

const SECOND_FIRST = 'andra arbetarens första lösen';
const SECOND_PASS = 'andra arbetarens eget lösenord';

/** Adds a second worker (a handläggare) with a key slot; returns a function that switches the session to them. */
export async function addSecondWorker(app: App, name = 'Olle Kollega'): Promise<{ id: string; switchTo: () => Promise<void>; switchBack: () => Promise<void> }> {
  const session = app.core.requireSession();
  const id = randomUUID();
  await session.db.insertInto('workers').values({ id, name, role: 'handlaggare', active: 1, created_at: new Date().toISOString() }).execute();
  await addWorkerSlot(session.vault, id, name, SECOND_FIRST, TEST_KDF);
  let changed = false;
  return {
    id,
    switchTo: async () => {
      await app.core.lock('user');
      await app.core.unlock(id, changed ? SECOND_PASS : SECOND_FIRST);
      if (!changed) {
        await app.core.changePassphrase(SECOND_FIRST, SECOND_PASS);
        changed = true;
      }
    },
    switchBack: async () => {
      await app.core.lock('user');
      await app.core.unlock(app.workerId, PASS);
    },
  };
}

/** Makes the app's first worker a handläggare (they start as samordnare), taking effect at the next unlock. */
export async function demoteFirstWorker(app: App): Promise<void> {
  await app.core.requireSession().db.updateTable('workers').set({ role: 'handlaggare' }).where('id', '=', app.workerId).execute();
  await app.core.lock('user');
  await app.core.unlock(app.workerId, PASS);
}

/** Every audit event so far (pending notes written first), oldest first. */
export async function auditEvents(app: App) {
  const s = app.core.requireSession();
  await s.audit.flush();
  return s.db.selectFrom('audit_events').select(['action', 'entity_type', 'entity_id', 'detail', 'worker_id']).orderBy('id').execute();
}

/** Calls a channel expected to fail and returns its error payload. */
export async function refused(app: App, channel: string, input: unknown) {
  const r = await app.router.invoke(channel, input);
  if (r.ok) throw new Error(`${channel} unexpectedly succeeded`);
  return r.error;
}
