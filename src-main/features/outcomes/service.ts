import { randomUUID } from 'node:crypto';
import type { Session } from '../../api/context.js';
import { localIsoDate } from '../../domain/dates.js';
import { NotFoundError, ValidationError } from '../../domain/errors.js';
import { followupIssues } from '../../domain/outcome-followup.js';
import { isPersonInCase } from '../decisions/queries.js';
import type { OutcomeFollowup, OutcomeSaveInput } from './contract.js';
import { caseFollowups } from './rows.js';

/** A case's follow-ups; the read is logged. */
export async function listFollowups(session: Session, caseId: string): Promise<OutcomeFollowup[]> {
  return session.db.transaction().execute(async (trx) => {
    const c = await trx.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst();
    if (!c) throw new NotFoundError('Ärendet');
    const list = await caseFollowups(trx, caseId);
    await session.audit.record(trx, { action: 'outcomes.read', entityType: 'case', entityId: caseId, detail: { followups: list.length } });
    return list;
  });
}

/**
 * Saves a person's follow-up in one phase: a new one, or a change of the one
 * already there (one per person, case and phase). The person must be in the
 * case; the dates follow the domain's rules (domain/outcome-followup.ts).
 */
export async function saveFollowup(session: Session, input: OutcomeSaveInput, now: Date = new Date()): Promise<OutcomeFollowup[]> {
  return session.db.transaction().execute(async (trx) => {
    const c = await trx.selectFrom('cases').select(['id', 'intake_date']).where('id', '=', input.caseId).executeTakeFirst();
    if (!c) throw new NotFoundError('Ärendet');
    const issues: { path: string; code: string; message: string }[] = [];
    if (!(await isPersonInCase(trx, input.caseId, input.personId))) issues.push({ path: 'personId', code: 'not_in_case', message: 'Personen ingår inte i ärendet.' });
    const mine = await trx.selectFrom('outcome_followups').select(['id', 'phase', 'followed_up_on', 'help_rating']).where('case_id', '=', input.caseId).where('person_id', '=', input.personId).execute();
    const other = mine.find((f) => f.phase !== input.phase);
    issues.push(
      ...followupIssues(
        { phase: input.phase, followedUpOn: input.followedUpOn, helpRating: input.helpRating },
        { today: localIsoDate(now), caseIntakeDate: c.intake_date, other: other ? { phase: other.phase, followedUpOn: other.followed_up_on, helpRating: other.help_rating } : null },
      ),
    );
    if (issues.length > 0) throw new ValidationError(issues);
    const values = {
      followed_up_on: input.followedUpOn,
      safety: input.safety,
      well_being: input.wellBeing,
      violence_stopped: input.violenceStopped,
      help_rating: input.helpRating,
      comment: input.comment,
      worker_id: session.worker.id,
      updated_at: now.toISOString(),
    };
    const existing = mine.find((f) => f.phase === input.phase);
    const id = existing?.id ?? randomUUID();
    if (existing) await trx.updateTable('outcome_followups').set(values).where('id', '=', id).execute();
    else await trx.insertInto('outcome_followups').values({ id, case_id: input.caseId, person_id: input.personId, phase: input.phase, created_at: now.toISOString(), ...values }).execute();
    await session.audit.record(trx, { action: existing ? 'outcomes.update' : 'outcomes.create', entityType: 'outcome_followup', entityId: id, detail: { caseId: input.caseId, personId: input.personId, phase: input.phase } });
    return caseFollowups(trx, input.caseId);
  });
}

/** Deletes one follow-up (entered by mistake); the log keeps that it was there. */
export async function deleteFollowup(session: Session, id: string): Promise<OutcomeFollowup[]> {
  return session.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('outcome_followups').select(['case_id', 'person_id', 'phase']).where('id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError('Uppföljningen');
    await trx.deleteFrom('outcome_followups').where('id', '=', id).execute();
    await session.audit.record(trx, { action: 'outcomes.delete', entityType: 'outcome_followup', entityId: id, detail: { caseId: row.case_id, personId: row.person_id, phase: row.phase } });
    return caseFollowups(trx, row.case_id);
  });
}
