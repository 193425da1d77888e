import { z } from 'zod';

/**
 * Document templates: the forms a unit fills in (risk assessments), the
 * routines it ticks (checklists) and the sections of a safety plan. A
 * template is versioned JSON (`resources/templates/*.json`, or a unit's own
 * file imported through `templates.import`) and is checked against this
 * schema on load. A filled form keeps the template id and version it was
 * filled with; the vault stores every version used, so the form renders as
 * it was after the template changes.
 *
 * The format is the unit's, not an instrument's: a licensed instrument
 * (SARA, PATRIARK, FREDA, DASH …) fits it when the unit holds the licence
 * and writes its own file — sections of yes / no / don't know, scale,
 * choice and free-text questions, points per answer, thresholds for a
 * suggested level, and questions that on their own suggest a level.
 */

export const TEMPLATE_FORMAT = 'fristad.template/1';
export const TEMPLATE_KINDS = ['risk_assessment', 'checklist', 'safety_plan'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export const RISK_LEVELS = ['low', 'medium', 'high', 'acute'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const keySchema = z
  .string({ error: 'ska vara en text (nyckel)' })
  .regex(/^[a-z][a-z0-9_]{0,59}$/, { error: 'nyckeln får bara ha a–z, 0–9 och _ och börja med en bokstav (högst 60 tecken)' });

const text = (max: number) =>
  z
    .string({ error: 'ska vara en text' })
    .trim()
    .min(1, { error: 'får inte vara tom' })
    .max(max, { error: `högst ${max} tecken` })
    .refine((s) => !CONTROL.test(s), { error: 'innehåller otillåtna tecken' });

const points = z.number({ error: 'ska vara ett tal (poäng)' }).int({ error: 'poäng ska vara heltal' }).min(-100, { error: 'minst −100 poäng' }).max(100, { error: 'högst 100 poäng' });

const questionBase = {
  key: keySchema,
  text: text(500),
  help: text(1000).optional(),
  /** A yes (or the highest scale value, or a choice marked critical) suggests at least this level on its own. */
  critical: z.enum(RISK_LEVELS, { error: 'ska vara low, medium, high eller acute' }).optional(),
};

const yesNoQuestion = z
  .object({
    ...questionBase,
    kind: z.literal('yes_no'),
    points: z.object({ yes: points, no: points.default(0) }, { error: 'ska ange poäng för ja (och nej)' }).strict().optional(),
  })
  .strict();

const scaleQuestion = z
  .object({
    ...questionBase,
    kind: z.literal('scale'),
    min: z.number({ error: 'ska vara ett heltal' }).int({ error: 'ska vara ett heltal' }).min(0, { error: 'minst 0' }).max(10, { error: 'högst 10' }),
    max: z.number({ error: 'ska vara ett heltal' }).int({ error: 'ska vara ett heltal' }).min(1, { error: 'minst 1' }).max(10, { error: 'högst 10' }),
    minLabel: text(100).optional(),
    maxLabel: text(100).optional(),
    /** Points = the value chosen × this weight (0 = not scored). */
    weight: z.number({ error: 'ska vara ett tal' }).int({ error: 'ska vara ett heltal' }).min(0, { error: 'minst 0' }).max(10, { error: 'högst 10' }).default(1),
  })
  .strict();

const choiceQuestion = z
  .object({
    ...questionBase,
    kind: z.literal('choice'),
    options: z
      .array(z.object({ value: keySchema, label: text(200), points: points.default(0), critical: z.boolean().optional() }).strict(), { error: 'ska vara en lista med svarsalternativ' })
      .min(2, { error: 'minst två svarsalternativ' })
      .max(20, { error: 'högst 20 svarsalternativ' }),
  })
  .strict();

const textQuestion = z.object({ ...questionBase, kind: z.literal('text') }).strict();

export const questionSchema = z.discriminatedUnion('kind', [yesNoQuestion, scaleQuestion, choiceQuestion, textQuestion], {
  error: 'frågetypen (kind) ska vara yes_no, scale, choice eller text',
});
export type Question = z.output<typeof questionSchema>;

const base = {
  format: z.literal(TEMPLATE_FORMAT, { error: `ska vara "${TEMPLATE_FORMAT}"` }),
  id: z
    .string({ error: 'ska vara en text' })
    .regex(/^[a-z0-9][a-z0-9.-]{2,79}$/, { error: 'id får bara ha a–z, 0–9, punkt och bindestreck (3–80 tecken)' }),
  version: z.number({ error: 'ska vara ett heltal' }).int({ error: 'ska vara ett heltal' }).min(1, { error: 'minst 1' }).max(100_000, { error: 'högst 100000' }),
  title: text(200),
  description: text(2000).optional(),
};

const riskTemplate = z
  .object({
    ...base,
    kind: z.literal('risk_assessment'),
    sections: z
      .array(z.object({ key: keySchema, title: text(200), questions: z.array(questionSchema).min(1, { error: 'minst en fråga' }).max(100, { error: 'högst 100 frågor' }) }).strict())
      .min(1, { error: 'minst ett avsnitt' })
      .max(30, { error: 'högst 30 avsnitt' }),
    scoring: z
      .object({
        /** The lowest score that suggests each level above `low`, ascending. */
        thresholds: z
          .object({ medium: points.pipe(z.number().min(1, { error: 'minst 1' })), high: points, acute: points })
          .strict()
          .refine((t) => t.medium < t.high && t.high < t.acute, { error: 'gränserna ska stiga: medium < high < acute' }),
      })
      .strict(),
    reassessment: z
      .object({
        defaultDays: z.number({ error: 'ska vara ett heltal' }).int({ error: 'ska vara ett heltal' }).min(1, { error: 'minst 1 dag' }).max(730, { error: 'högst 730 dagar' }),
        /** Sooner after a high or acute level. */
        afterHighDays: z.number({ error: 'ska vara ett heltal' }).int({ error: 'ska vara ett heltal' }).min(1, { error: 'minst 1 dag' }).max(730, { error: 'högst 730 dagar' }),
      })
      .strict()
      .refine((r) => r.afterHighDays <= r.defaultDays, { error: 'afterHighDays ska vara högst defaultDays' }),
  })
  .strict();

const checklistTemplate = z
  .object({
    ...base,
    kind: z.literal('checklist'),
    sections: z
      .array(
        z
          .object({
            key: keySchema,
            title: text(200),
            items: z.array(z.object({ key: keySchema, text: text(500), help: text(1000).optional() }).strict()).min(1, { error: 'minst en punkt' }).max(100, { error: 'högst 100 punkter' }),
          })
          .strict(),
      )
      .min(1, { error: 'minst ett avsnitt' })
      .max(30, { error: 'högst 30 avsnitt' }),
  })
  .strict();

const numberSchema = z.object({ label: text(100), number: z.string({ error: 'ska vara en text' }).trim().regex(/^[0-9 +\-()]{2,30}$/, { error: 'ett telefonnummer: siffror, mellanslag, +, - och parenteser' }) }).strict();
export type EmergencyNumber = z.output<typeof numberSchema>;
export const emergencyNumberSchema = numberSchema;

const safetyPlanTemplate = z
  .object({
    ...base,
    kind: z.literal('safety_plan'),
    sections: z
      .array(
        z.discriminatedUnion(
          'kind',
          [
            z.object({ key: keySchema, kind: z.literal('text'), title: text(200), help: text(1000).optional() }).strict(),
            z
              .object({
                key: keySchema,
                kind: z.literal('items'),
                title: text(200),
                help: text(1000).optional(),
                items: z.array(z.object({ key: keySchema, text: text(200) }).strict()).min(1, { error: 'minst en punkt' }).max(50, { error: 'högst 50 punkter' }),
              })
              .strict(),
            z
              .object({
                key: keySchema,
                kind: z.literal('numbers'),
                title: text(200),
                help: text(1000).optional(),
                defaults: z.array(numberSchema).max(20, { error: 'högst 20 nummer' }),
              })
              .strict(),
          ],
          { error: 'avsnittstypen (kind) ska vara text, items eller numbers' },
        ),
      )
      .min(1, { error: 'minst ett avsnitt' })
      .max(30, { error: 'högst 30 avsnitt' }),
  })
  .strict();

/** Keys must be unique where they name answers: sections, questions/items within the template. */
function uniqueKeys(t: { sections: { key: string; questions?: { key: string; kind: string; options?: { value: string }[] }[]; items?: { key: string }[] }[] }, ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  t.sections.forEach((s, si) => {
    if (seen.has(`section:${s.key}`)) ctx.addIssue({ code: 'custom', path: ['sections', si, 'key'], message: `nyckeln "${s.key}" finns redan` });
    seen.add(`section:${s.key}`);
    const children = s.questions ?? s.items ?? [];
    const field = s.questions ? 'questions' : 'items';
    children.forEach((q, qi) => {
      if (seen.has(q.key)) ctx.addIssue({ code: 'custom', path: ['sections', si, field, qi, 'key'], message: `nyckeln "${q.key}" finns redan` });
      seen.add(q.key);
    });
    s.questions?.forEach((q, qi) => {
      if (q.kind === 'scale') {
        const sq = q as unknown as { min: number; max: number };
        if (sq.min >= sq.max) ctx.addIssue({ code: 'custom', path: ['sections', si, 'questions', qi, 'max'], message: 'max ska vara större än min' });
      }
      const values = q.options?.map((o) => o.value) ?? [];
      if (new Set(values).size !== values.length) ctx.addIssue({ code: 'custom', path: ['sections', si, 'questions', qi, 'options'], message: 'två svarsalternativ har samma värde' });
    });
  });
}

export const templateSchema = z
  .discriminatedUnion('kind', [riskTemplate, checklistTemplate, safetyPlanTemplate], { error: 'mallens typ (kind) ska vara risk_assessment, checklist eller safety_plan' })
  .superRefine((t, ctx) => uniqueKeys(t as Parameters<typeof uniqueKeys>[0], ctx));

export type Template = z.output<typeof templateSchema>;
export type RiskTemplate = Extract<Template, { kind: 'risk_assessment' }>;
export type ChecklistTemplate = Extract<Template, { kind: 'checklist' }>;
export type SafetyPlanTemplate = Extract<Template, { kind: 'safety_plan' }>;
export type SafetyPlanSection = SafetyPlanTemplate['sections'][number];

/** One problem in a template file: where (a path such as `sections[2].questions[0].points.yes`) and what. */
export interface TemplateProblem {
  path: string;
  message: string;
}

function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `${out ? '.' : ''}${String(p)}`;
  return out || '(hela filen)';
}

function issueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `okänt fält: ${issue.keys.join(', ')}`;
    case 'invalid_type':
      return issue.input === undefined ? 'saknas' : issue.message;
    default:
      return issue.message;
  }
}

/** At most this many problems are reported; a file with more is far from the format. */
const MAX_PROBLEMS = 50;

/**
 * Checks a template file's text. Returns the template, or every problem
 * found with its path, in Swedish, for the unit's own report.
 *
 * @example parseTemplateText('{"format":"fristad.template/1", …}')
 */
export function parseTemplateText(textIn: string): { ok: true; template: Template } | { ok: false; problems: TemplateProblem[] } {
  let json: unknown;
  try {
    json = JSON.parse(textIn);
  } catch (err) {
    const detail = err instanceof SyntaxError ? err.message.replace(/^JSON\.parse: /, '') : '';
    return { ok: false, problems: [{ path: '(hela filen)', message: `filen är inte giltig JSON${detail ? ` (${detail})` : ''}` }] };
  }
  return parseTemplate(json);
}

/** As parseTemplateText, for a value already read. */
export function parseTemplate(value: unknown): { ok: true; template: Template } | { ok: false; problems: TemplateProblem[] } {
  const r = templateSchema.safeParse(value);
  if (r.success) return { ok: true, template: r.data };
  return { ok: false, problems: r.error.issues.slice(0, MAX_PROBLEMS).map((i) => ({ path: pathText(i.path), message: issueMessage(i) })) };
}

/** Two templates are the same version when their canonical JSON is the same. */
export function canonicalTemplate(t: Template): string {
  return JSON.stringify(t);
}
