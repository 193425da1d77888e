import { RISK_LEVELS, type Question, type RiskLevel, type RiskTemplate } from './templates.js';

/**
 * Scoring a risk assessment: pure, from the template's own rules. The score
 * only *suggests* a level; the worker sets the level, and a level that
 * departs from the suggestion needs a written reason.
 *
 * An unanswered question is counted and listed — never scored as "no". A
 * "don't know" is an answer, also listed, and scores nothing either.
 */

/** One answer as stored: yes / no / don't know, a scale value, a choice's value, or free text. */
export type AnswerValue = 'yes' | 'no' | 'unknown' | number | string;
export interface Answer {
  value: AnswerValue;
  /** The worker's note on this answer (internal: never on the client copy). */
  comment?: string | null | undefined;
}
export type Answers = Readonly<Record<string, Answer>>;

export interface ScoreResult {
  score: number;
  /** Highest score the answered and unanswered questions could give. */
  maxScore: number;
  /** Questions that count for the score (free text does not). */
  scoredQuestions: number;
  answered: number;
  /** Keys of questions without an answer, in template order. */
  unanswered: string[];
  /** Keys answered "don't know". */
  unknown: string[];
  /** Keys whose answer on its own suggests a level, with that level. */
  critical: { key: string; level: RiskLevel }[];
  suggestedLevel: RiskLevel;
}

export function questionsOf(t: RiskTemplate): Question[] {
  return t.sections.flatMap((s) => s.questions);
}

function maxPoints(q: Question): number {
  switch (q.kind) {
    case 'yes_no':
      return q.points ? Math.max(q.points.yes, q.points.no, 0) : 0;
    case 'scale':
      return q.max * q.weight;
    case 'choice':
      return Math.max(0, ...q.options.map((o) => o.points));
    case 'text':
      return 0;
  }
}

function isScored(q: Question): boolean {
  return q.kind !== 'text' && maxPoints(q) > 0;
}

/** Whether a value is a valid answer to the question (the service refuses the rest). */
export function isValidAnswer(q: Question, v: AnswerValue): boolean {
  switch (q.kind) {
    case 'yes_no':
      return v === 'yes' || v === 'no' || v === 'unknown';
    case 'scale':
      return v === 'unknown' || (typeof v === 'number' && Number.isInteger(v) && v >= q.min && v <= q.max);
    case 'choice':
      return v === 'unknown' || q.options.some((o) => o.value === v);
    case 'text':
      return typeof v === 'string' && v.trim().length > 0;
  }
}

function pointsFor(q: Question, v: AnswerValue): number {
  if (v === 'unknown') return 0;
  switch (q.kind) {
    case 'yes_no':
      return q.points ? (v === 'yes' ? q.points.yes : q.points.no) : 0;
    case 'scale':
      return typeof v === 'number' ? v * q.weight : 0;
    case 'choice':
      return q.options.find((o) => o.value === v)?.points ?? 0;
    case 'text':
      return 0;
  }
}

function criticalFor(q: Question, v: AnswerValue): RiskLevel | null {
  switch (q.kind) {
    case 'yes_no':
      return v === 'yes' && q.critical ? q.critical : null;
    case 'scale':
      return v === q.max && q.critical ? q.critical : null;
    case 'choice':
      return q.options.find((o) => o.value === v)?.critical && q.critical ? q.critical : null;
    case 'text':
      return null;
  }
}

export function higherLevel(a: RiskLevel, b: RiskLevel): RiskLevel {
  return RISK_LEVELS.indexOf(a) >= RISK_LEVELS.indexOf(b) ? a : b;
}

/** The level a score suggests by the template's thresholds. */
export function levelForScore(t: RiskTemplate, score: number): RiskLevel {
  const { medium, high, acute } = t.scoring.thresholds;
  if (score >= acute) return 'acute';
  if (score >= high) return 'high';
  if (score >= medium) return 'medium';
  return 'low';
}

/**
 * Scores the answers: points by the template, unanswered and "don't know"
 * counted apart, and a suggested level — the threshold level, raised by any
 * critical answer.
 *
 * @example scoreAssessment(template, { threats_to_kill: { value: 'yes' } }).suggestedLevel // 'high'
 */
export function scoreAssessment(t: RiskTemplate, answers: Answers): ScoreResult {
  let score = 0;
  let maxScore = 0;
  let answered = 0;
  let scoredQuestions = 0;
  const unanswered: string[] = [];
  const unknown: string[] = [];
  const critical: { key: string; level: RiskLevel }[] = [];
  for (const q of questionsOf(t)) {
    if (isScored(q)) {
      scoredQuestions += 1;
      maxScore += maxPoints(q);
    }
    const a = Object.hasOwn(answers, q.key) ? answers[q.key] : undefined;
    if (!a || !isValidAnswer(q, a.value)) {
      unanswered.push(q.key);
      continue;
    }
    answered += 1;
    if (a.value === 'unknown') unknown.push(q.key);
    score += pointsFor(q, a.value);
    const c = criticalFor(q, a.value);
    if (c) critical.push({ key: q.key, level: c });
  }
  const suggestedLevel = critical.reduce<RiskLevel>((lvl, c) => higherLevel(lvl, c.level), levelForScore(t, score));
  return { score, maxScore, scoredQuestions, answered, unanswered, unknown, critical, suggestedLevel };
}

/** The worker's level needs a written reason when it departs from the suggestion. */
export function levelNeedsReason(suggested: RiskLevel, chosen: RiskLevel): boolean {
  return suggested !== chosen;
}

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The default next-assessment date: the template's interval, sooner after a high or acute level. */
export function nextAssessmentDate(t: RiskTemplate, level: RiskLevel, assessedOn: string): string {
  const sooner = level === 'high' || level === 'acute';
  return addDays(assessedOn, sooner ? t.reassessment.afterHighDays : t.reassessment.defaultDays);
}

/** Direction of a person's levels over time (oldest first): up, down, same, or too few to say. */
export function levelTrend(levels: readonly RiskLevel[]): 'rising' | 'falling' | 'steady' | 'single' {
  if (levels.length < 2) return 'single';
  const a = RISK_LEVELS.indexOf(levels.at(-2)!);
  const b = RISK_LEVELS.indexOf(levels.at(-1)!);
  return b > a ? 'rising' : b < a ? 'falling' : 'steady';
}
