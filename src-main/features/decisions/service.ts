import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { Session } from '../../api/context.js';
import type { Database } from '../../db/schema.js';
import { localIsoDate } from '../../domain/dates.js';
import { NotFoundError, ValidationError, type FieldIssue } from '../../domain/errors.js';
import { findServiceType } from '../services/queries.js';
import type { Decision, decisionCreateSchema } from './contract.js';
import { caseExists, findDecision, isPersonInCase, listCaseDecisions } from './queries.js';
import { decisionFromRow } from './rows.js';

/**
 * Checks shared by decisions and services: the case exists (else not found),
 * the person is in it, and the service type is one the unit still uses.
 * Field errors come together so the form can mark every field at once.
 */
export async function checkCasePersonAndType(trx: Transaction<Database>, input: { caseId: string; personId: string; serviceType: string }): Promise<void> {
  if (!(await caseExists(trx, input.caseId))) throw new NotFoundError('Ärendet');
  const issues: FieldIssue[] = [];
  if (!(await isPersonInCase(trx, input.caseId, input.personId))) {
    issues.push({ path: 'personId', code: 'not_in_case', message: 'Personen ingår inte i ärendet. Lägg först till personen i ärendet.' });
  }
  const type = await findServiceType(trx, input.serviceType);
  if (!type) issues.push({ path: 'serviceType', code: 'unknown', message: 'Insatsen finns inte i listan över insatser.' });
  else if (type.active !== 1) issues.push({ path: 'serviceType', code: 'inactive', message: 'Insatsen används inte längre. Välj en annan insats.' });
  if (issues.length > 0) throw new ValidationError(issues);
}

/** A case's decisions, oldest first; the read is logged in the same transaction. */
export async function listDecisions(session: Session, caseId: string): Promise<Decision[]> {
  return session.db.transaction().execute(async (trx) => {
    if (!(await caseExists(trx, caseId))) throw new NotFoundError('Ärendet');
    const rows = await listCaseDecisions(trx, caseId);
    await session.audit.record(trx, { action: 'decisions.read', entityType: 'case', entityId: caseId, detail: { decisions: rows.length } });
    return rows.map(decisionFromRow);
  });
}

/** Records a decision on a service for a person in the case. A decision is dated today or earlier. */
export async function createDecision(session: Session, input: z.output<typeof decisionCreateSchema>, now: Date = new Date()): Promise<Decision> {
  if (input.decisionDate > localIsoDate(now)) {
    throw new ValidationError([{ path: 'decisionDate', code: 'future', message: 'Beslutsdatum kan inte ligga i framtiden.' }]);
  }
  return session.db.transaction().execute(async (trx) => {
    await checkCasePersonAndType(trx, input);
    const id = randomUUID();
    await trx
      .insertInto('decisions')
      .values({
        id,
        case_id: input.caseId,
        person_id: input.personId,
        service_type: input.serviceType,
        outcome: input.outcome,
        decision_date: input.decisionDate,
        legal_ground: input.legalGround,
        decided_by: input.decidedBy,
        created_by: session.worker.id,
        created_at: now.toISOString(),
      })
      .execute();
    await session.audit.record(trx, { action: 'decisions.create', entityType: 'decision', entityId: id, detail: { caseId: input.caseId, personId: input.personId } });
    const row = await findDecision(trx, id);
    if (!row) throw new NotFoundError('Beslutet');
    return decisionFromRow(row);
  });
}
