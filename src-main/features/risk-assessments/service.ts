import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { Session } from '../../api/context.js';
import type { Database } from '../../db/schema.js';
import { localIsoDate } from '../../domain/dates.js';
import { NotFoundError, ValidationError, type FieldIssue } from '../../domain/errors.js';
import { isValidAnswer, levelNeedsReason, levelTrend, nextAssessmentDate, questionsOf, scoreAssessment, type Answers, type ScoreResult } from '../../domain/risk-scoring.js';
import type { RiskTemplate } from '../../domain/templates.js';
import { caseExists, isPersonInCase } from '../decisions/queries.js';
import { requireTemplate, storeTemplateVersion } from '../templates/store.js';
import type { RiskAssessmentDetail, RiskAssessmentSummary, RiskHistory, riskAssessmentCreateSchema } from './contract.js';

type Db = Kysely<Database> | Transaction<Database>;

function select(db: Db) {
  return db
    .selectFrom('risk_assessments as r')
    .innerJoin('workers as w', 'w.id', 'r.worker_id')
    .innerJoin('cases as c', 'c.id', 'r.case_id')
    .innerJoin('document_templates as t', (j) => j.onRef('t.id', '=', 'r.template_id').onRef('t.version', '=', 'r.template_version'))
    .selectAll('r')
    .select(['w.name as worker_name', 'c.case_number', 't.title as template_title']);
}
type Row = NonNullable<Awaited<ReturnType<ReturnType<typeof select>['executeTakeFirst']>>>;

function summaryFromRow(r: Row): RiskAssessmentSummary {
  return {
    id: r.id,
    caseId: r.case_id,
    caseNumber: r.case_number,
    personId: r.person_id,
    assessedOn: r.assessed_on,
    worker: { id: r.worker_id, name: r.worker_name },
    template: { id: r.template_id, version: r.template_version, title: r.template_title },
    score: r.score,
    maxScore: r.max_score,
    unanswered: r.unanswered,
    suggestedLevel: r.suggested_level,
    level: r.level,
    nextAssessmentOn: r.next_assessment_on,
  };
}

async function detail(db: Db, id: string): Promise<RiskAssessmentDetail> {
  const r = await select(db).where('r.id', '=', id).executeTakeFirst();
  if (!r) throw new NotFoundError('Riskbedömningen');
  const template = await requireTemplate(db, r.template_id, r.template_version, 'risk_assessment');
  const answers = JSON.parse(r.answers) as Answers;
  return {
    ...summaryFromRow(r),
    answers,
    levelReason: r.level_reason,
    judgement: r.judgement,
    internalNote: r.internal_note,
    templateBody: template,
    result: scoreAssessment(template, answers),
    createdAt: r.created_at,
  };
}

/** Answers that name no question of the template, or hold a value the question does not take. */
function answerIssues(t: RiskTemplate, answers: Answers): FieldIssue[] {
  const byKey = new Map(questionsOf(t).map((q) => [q.key, q]));
  const issues: FieldIssue[] = [];
  for (const [key, a] of Object.entries(answers)) {
    const q = byKey.get(key);
    if (!q) issues.push({ path: `answers.${key}`, code: 'unknown', message: 'Frågan finns inte i mallen.' });
    else if (!isValidAnswer(q, a.value)) issues.push({ path: `answers.${key}`, code: 'invalid', message: 'Svaret passar inte frågan.' });
  }
  return issues;
}

/** The score a set of answers gives by a template: the form shows it while the worker fills in. Reads no person data. */
export async function scoreAnswers(session: Session, ref: { id: string; version: number }, answers: Answers): Promise<ScoreResult> {
  const t = await requireTemplate(session.db, ref.id, ref.version, 'risk_assessment');
  const issues = answerIssues(t, answers);
  if (issues.length) throw new ValidationError(issues);
  return scoreAssessment(t, answers);
}

/**
 * Saves an assessment. The score and suggested level are computed here from
 * the template, never taken from the form; a level that departs from the
 * suggestion needs a written reason. The template version is stored with it.
 */
export async function createAssessment(session: Session, input: z.output<typeof riskAssessmentCreateSchema>, now: Date = new Date()): Promise<RiskAssessmentDetail> {
  return session.db.transaction().execute(async (trx) => {
    if (!(await caseExists(trx, input.caseId))) throw new NotFoundError('Ärendet');
    const t = await requireTemplate(trx, input.template.id, input.template.version, 'risk_assessment');
    const issues = answerIssues(t, input.answers);
    if (!(await isPersonInCase(trx, input.caseId, input.personId))) issues.push({ path: 'personId', code: 'not_in_case', message: 'Personen ingår inte i ärendet.' });
    if (input.assessedOn > localIsoDate(now)) issues.push({ path: 'assessedOn', code: 'future', message: 'Datumet för bedömningen kan inte ligga i framtiden.' });
    const result = scoreAssessment(t, input.answers);
    if (levelNeedsReason(result.suggestedLevel, input.level) && !input.levelReason) {
      issues.push({ path: 'levelReason', code: 'reason_required', message: 'Du har valt en annan risknivå än den föreslagna. Skriv varför.' });
    }
    const next = input.nextAssessmentOn ?? nextAssessmentDate(t, input.level, input.assessedOn);
    if (next < input.assessedOn) issues.push({ path: 'nextAssessmentOn', code: 'before_start', message: 'Nästa bedömning kan inte ligga före den här.' });
    if (issues.length) throw new ValidationError(issues);
    await storeTemplateVersion(trx, t, 'builtin', session.worker.id, now);
    const id = randomUUID();
    await trx
      .insertInto('risk_assessments')
      .values({
        id,
        case_id: input.caseId,
        person_id: input.personId,
        template_id: t.id,
        template_version: t.version,
        assessed_on: input.assessedOn,
        worker_id: session.worker.id,
        answers: JSON.stringify(input.answers),
        score: result.score,
        max_score: result.maxScore,
        unanswered: result.unanswered.length,
        suggested_level: result.suggestedLevel,
        level: input.level,
        level_reason: levelNeedsReason(result.suggestedLevel, input.level) ? input.levelReason : (input.levelReason ?? null),
        judgement: input.judgement,
        internal_note: input.internalNote,
        next_assessment_on: next,
        created_at: now.toISOString(),
      })
      .execute();
    await session.audit.record(trx, { action: 'risk_assessments.create', entityType: 'risk_assessment', entityId: id, detail: { caseId: input.caseId, personId: input.personId } });
    return detail(trx, id);
  });
}

/** One assessment with its answers; the read is logged. */
export async function getAssessment(session: Session, id: string): Promise<RiskAssessmentDetail> {
  return session.db.transaction().execute(async (trx) => {
    const d = await detail(trx, id);
    await session.audit.record(trx, { action: 'risk_assessments.read', entityType: 'risk_assessment', entityId: id, detail: { caseId: d.caseId } });
    return d;
  });
}

/** A person's assessments over all their cases, oldest first, with the trend and the next date; logged. */
export async function personHistory(session: Session, personId: string, now: Date = new Date()): Promise<RiskHistory> {
  return session.db.transaction().execute(async (trx) => {
    const person = await trx.selectFrom('persons').select('id').where('id', '=', personId).executeTakeFirst();
    if (!person) throw new NotFoundError('Personen');
    const rows = await select(trx).where('r.person_id', '=', personId).orderBy('r.assessed_on').orderBy('r.created_at').execute();
    await session.audit.record(trx, { action: 'risk_assessments.history', entityType: 'person', entityId: personId, detail: { assessments: rows.length } });
    const assessments = rows.map(summaryFromRow);
    const last = assessments.at(-1);
    return {
      personId,
      assessments,
      trend: assessments.length === 0 ? 'none' : levelTrend(assessments.map((a) => a.level)),
      next: last ? { on: last.nextAssessmentOn, due: last.nextAssessmentOn <= localIsoDate(now) } : null,
    };
  });
}

/** For print: the detail, read inside the caller's transaction. */
export { detail as readAssessment };
