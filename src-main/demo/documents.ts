import { canonicalTemplate, type ChecklistTemplate, type RiskLevel, type RiskTemplate, type SafetyPlanTemplate } from '../domain/templates.js';
import { nextAssessmentDate, questionsOf, scoreAssessment, type Answer } from '../domain/risk-scoring.js';
import { builtinTemplates } from '../features/templates/builtin.js';
import { stampAfter } from './case-history.js';
import { BulkInsert, DAY_MS, dateMs, isoDate, type DemoCase, type DemoContext, type DemoStep } from './context.js';
import type { Rng } from './prng.js';

/**
 * Risk assessments, checklists, safety plans and action plans, as those
 * features write them: most cases past intake have an assessment of the
 * victim (some a follow-up), about half a safety plan, many an intake
 * checklist partly ticked, some an action plan. Scores come from the same
 * scoring rules as the app; the worker's level follows the suggestion,
 * now and then departing from it with a reason. Free texts are short,
 * fictional and generic.
 */

const WARNING_SIGNS = ['Han blir tyst och går runt i lägenheten.', 'Han börjar kontrollera min telefon.', 'Han dricker mer på helgerna och blir arg för småsaker.'];
const SAFE_PLACES = ['Hos mamma.', 'Hos en väninna i grannhuset.', 'Biblioteket, det har öppet till kvällen.'];
const GOALS = ['Bo tryggt med barnen.', 'Få skyddade personuppgifter.', 'Ha en egen ekonomi.', 'Barnen får samtalsstöd.'];
const ACTIONS: readonly [string, string][] = [
  ['Ansöka om skyddade personuppgifter', 'Personen med stöd av handläggaren'],
  ['Boka samtal på Barnahus', 'Handläggaren'],
  ['Ansöka om försörjningsstöd', 'Personen'],
  ['Kontakta målsägandebiträde', 'Handläggaren'],
];
const REASONS = ['Personen beskriver en ökad rädsla som inte fångas av frågorna.', 'Uppgifter från polisen väger tyngre än poängen.', 'Våldsutövaren sitter häktad.'];

function answersFor(t: RiskTemplate, rng: Rng, severity: number): Record<string, Answer> {
  const out: Record<string, Answer> = {};
  for (const q of questionsOf(t)) {
    if (rng.chance(0.12)) continue; // left unanswered
    if (q.kind === 'yes_no') out[q.key] = { value: rng.chance(0.08) ? 'unknown' : rng.chance(severity) ? 'yes' : 'no' };
    else if (q.kind === 'scale') out[q.key] = { value: Math.min(q.max, q.min + Math.round(severity * (q.max - q.min) + rng.int(-1, 1))) };
    else if (q.kind === 'choice') out[q.key] = { value: q.options[Math.min(q.options.length - 1, Math.floor(severity * q.options.length + rng.next()))]!.value };
  }
  return out;
}

const LEVELS: readonly RiskLevel[] = ['low', 'medium', 'high', 'acute'];

function caseEnd(c: DemoCase, nowMs: number): number {
  return c.closedAt ? Math.min(dateMs(c.closedAt.slice(0, 10)), nowMs) : nowMs;
}

export const documentsStep: DemoStep = {
  name: 'documents',
  run(ctx: DemoContext) {
    const rng = ctx.rng('documents');
    const nowMs = ctx.now.getTime();
    const templates = builtinTemplates();
    const risk = templates.find((t): t is RiskTemplate => t.kind === 'risk_assessment')!;
    const safety = templates.find((t): t is SafetyPlanTemplate => t.kind === 'safety_plan')!;
    const intakeList = templates.find((t): t is ChecklistTemplate => t.kind === 'checklist' && t.id.endsWith('aktualisering'))!;
    const stored = new BulkInsert(ctx, 'document_templates', ['id', 'version', 'kind', 'title', 'body', 'source', 'imported_by', 'created_at']);
    for (const t of templates) stored.add(t.id, t.version, t.kind, t.title, canonicalTemplate(t), 'builtin', null, new Date(nowMs - 400 * DAY_MS).toISOString());
    stored.finish();

    const assessments = new BulkInsert(ctx, 'risk_assessments', ['id', 'case_id', 'person_id', 'template_id', 'template_version', 'assessed_on', 'worker_id', 'answers', 'score', 'max_score', 'unanswered', 'suggested_level', 'level', 'level_reason', 'judgement', 'internal_note', 'next_assessment_on', 'created_at']);
    const plans = new BulkInsert(ctx, 'safety_plans', ['id', 'case_id', 'person_id', 'version', 'template_id', 'template_version', 'made_on', 'review_on', 'made_with', 'worker_id', 'content', 'shelter_address', 'internal_note', 'created_at']);
    const lists = new BulkInsert(ctx, 'checklists', ['id', 'case_id', 'template_id', 'template_version', 'created_by', 'created_at']);
    const ticks = new BulkInsert(ctx, 'checklist_ticks', ['checklist_id', 'item_key', 'ticked_by', 'ticked_at', 'note']);
    const actionPlans = new BulkInsert(ctx, 'action_plans', ['id', 'case_id', 'person_id', 'status', 'goals', 'actions', 'follow_up_on', 'worker_signed_on', 'person_signed_on', 'internal_note', 'worker_id', 'created_at', 'updated_at']);

    for (const c of ctx.cases) {
      const startMs = dateMs(c.intakeDate);
      const endMs = caseEnd(c, nowMs);
      if (endMs - startMs < DAY_MS) continue;
      const worker = c.assignedWorkerId;
      const dayIn = (fromMs: number) => Math.min(endMs - 1, fromMs + rng.int(0, Math.max(0, Math.floor((endMs - fromMs) / DAY_MS) - 1)) * DAY_MS);

      // Intake checklist: most cases, partly or fully ticked.
      if (rng.chance(0.6)) {
        const id = rng.uuid();
        const at = stampAfter(rng, startMs, startMs, nowMs);
        lists.add(id, c.id, intakeList.id, intakeList.version, worker, new Date(at).toISOString());
        ctx.audit.push([new Date(at).toISOString(), worker, 'checklists.start', 'checklist', id, JSON.stringify({ caseId: c.id })]);
        for (const item of intakeList.sections.flatMap((s) => s.items)) {
          if (rng.chance(0.7)) ticks.add(id, item.key, worker, new Date(stampAfter(rng, at, at, nowMs)).toISOString(), null);
        }
      }
      if (c.status === 'intake' && rng.chance(0.7)) continue;

      // Risk assessments of the victim: one, sometimes a follow-up.
      let severity = rng.next() * 0.7;
      let dayMs = dayIn(startMs);
      for (let n = 0; n < (rng.chance(0.3) ? 2 : 1) && dayMs < endMs; n++) {
        const answers = answersFor(risk, rng, severity);
        const r = scoreAssessment(risk, answers);
        const departs = rng.chance(0.1);
        const level = departs ? LEVELS[Math.min(3, LEVELS.indexOf(r.suggestedLevel) + 1)]! : r.suggestedLevel;
        const on = isoDate(dayMs);
        const at = new Date(stampAfter(rng, dayMs, dayMs, nowMs)).toISOString();
        const id = rng.uuid();
        assessments.add(id, c.id, c.mainPersonId, risk.id, risk.version, on, worker, JSON.stringify(answers), r.score, r.maxScore, r.unanswered.length, r.suggestedLevel, level, level !== r.suggestedLevel ? rng.pick(REASONS) : null, 'Samlad bedömning utifrån samtal och uppgifter från polisen.', null, nextAssessmentDate(risk, level, on), at);
        ctx.audit.push([at, worker, 'risk_assessments.create', 'risk_assessment', id, JSON.stringify({ caseId: c.id, personId: c.mainPersonId })]);
        severity = Math.max(0, Math.min(1, severity + (rng.next() - 0.6) * 0.3));
        dayMs += rng.int(14, 70) * DAY_MS;
      }

      // Safety plan, version 1.
      if (rng.chance(0.5)) {
        const made = dayIn(startMs);
        const id = rng.uuid();
        const at = new Date(stampAfter(rng, made, made, nowMs)).toISOString();
        const numbers = safety.sections.find((s) => s.kind === 'numbers');
        const content = {
          warning_signs: { text: rng.pick(WARNING_SIGNS) },
          safe_places: { text: rng.pick(SAFE_PLACES) },
          pack_list: { checked: ['id', 'medicines', 'charger'].filter(() => rng.chance(0.7)), other: '' },
          ...(numbers && numbers.kind === 'numbers' ? { [numbers.key]: { numbers: numbers.defaults } } : {}),
        };
        plans.add(id, c.id, c.mainPersonId, 1, safety.id, safety.version, isoDate(made), isoDate(made + 30 * DAY_MS), 'Personen själv', worker, JSON.stringify(content), null, null, at);
        ctx.audit.push([at, worker, 'safety_plans.save', 'safety_plan', id, JSON.stringify({ caseId: c.id, personId: c.mainPersonId })]);
      }

      // Action plan.
      if (rng.chance(0.35)) {
        const made = dayIn(startMs);
        const id = rng.uuid();
        const at = new Date(stampAfter(rng, made, made, nowMs)).toISOString();
        const [what, who] = rng.pick(ACTIONS);
        const actions = [{ what, who, byDate: isoDate(made + 21 * DAY_MS), followUpOn: null, outcome: null }];
        actionPlans.add(id, c.id, c.mainPersonId, c.status === 'closed' ? 'completed' : 'active', JSON.stringify([rng.pick(GOALS)]), JSON.stringify(actions), isoDate(made + 60 * DAY_MS), isoDate(made), rng.chance(0.8) ? isoDate(made) : null, null, worker, at, at);
        ctx.audit.push([at, worker, 'action_plans.create', 'action_plan', id, JSON.stringify({ caseId: c.id, personId: c.mainPersonId })]);
      }
    }
    for (const b of [assessments, plans, lists, ticks, actionPlans]) b.finish();
  },
};
