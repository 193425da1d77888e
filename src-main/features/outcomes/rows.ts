import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { OutcomeFollowup } from './contract.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The follow-ups with their worker's name: the one select every read goes through. */
export function followupSelect(db: Db) {
  return db.selectFrom('outcome_followups as o').innerJoin('workers as w', 'w.id', 'o.worker_id').selectAll('o').select('w.name as worker_name');
}
type Row = NonNullable<Awaited<ReturnType<ReturnType<typeof followupSelect>['executeTakeFirst']>>>;

export function followupFromRow(r: Row): OutcomeFollowup {
  return {
    id: r.id,
    caseId: r.case_id,
    personId: r.person_id,
    phase: r.phase,
    followedUpOn: r.followed_up_on,
    safety: r.safety,
    wellBeing: r.well_being,
    violenceStopped: r.violence_stopped,
    helpRating: r.help_rating,
    comment: r.comment,
    worker: { id: r.worker_id, name: r.worker_name },
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** A case's follow-ups: intake before closing, then by person. */
export async function caseFollowups(db: Db, caseId: string): Promise<OutcomeFollowup[]> {
  const rows = await followupSelect(db).where('o.case_id', '=', caseId).orderBy('o.phase', 'desc').orderBy('o.person_id').execute();
  return rows.map(followupFromRow);
}
