import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export async function caseExists(db: Db, caseId: string): Promise<boolean> {
  return (await db.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst()) !== undefined;
}

/** Whether the person is one of the people in the case (any role). */
export async function isPersonInCase(db: Db, caseId: string, personId: string): Promise<boolean> {
  const row = await db.selectFrom('case_persons').select('person_id').where('case_id', '=', caseId).where('person_id', '=', personId).executeTakeFirst();
  return row !== undefined;
}

/** The bare decision row, for checks when a service refers to it. */
export function findDecisionRef(db: Db, id: string) {
  return db.selectFrom('decisions').select(['id', 'case_id', 'person_id', 'service_type', 'outcome', 'decision_date']).where('id', '=', id).executeTakeFirst();
}

function decisionSelect(db: Db) {
  return db
    .selectFrom('decisions as d')
    .innerJoin('service_types as t', 't.code', 'd.service_type')
    .innerJoin('persons as p', 'p.id', 'd.person_id')
    .select([
      'd.id',
      'd.case_id',
      'd.person_id',
      'p.first_name',
      'p.last_name',
      'p.protection_level',
      'd.service_type',
      't.label as service_type_label',
      'd.outcome',
      'd.decision_date',
      'd.legal_ground',
      'd.decided_by',
      'd.created_at',
    ]);
}

/** A case's decisions, oldest first. */
export function listCaseDecisions(db: Db, caseId: string) {
  return decisionSelect(db).where('d.case_id', '=', caseId).orderBy('d.decision_date').orderBy('d.created_at').orderBy('d.id').execute();
}

export function findDecision(db: Db, id: string) {
  return decisionSelect(db).where('d.id', '=', id).executeTakeFirst();
}

export type DecisionRow = NonNullable<Awaited<ReturnType<typeof findDecision>>>;
