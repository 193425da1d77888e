import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { Session } from '../../api/context.js';
import type { Database } from '../../db/schema.js';
import { localIsoDate } from '../../domain/dates.js';
import { NotFoundError, ValidationError, type FieldIssue } from '../../domain/errors.js';
import type { EmergencyNumber, SafetyPlanTemplate } from '../../domain/templates.js';
import { caseExists, isPersonInCase } from '../decisions/queries.js';
import { latestTemplates, requireTemplate, storeTemplateVersion } from '../templates/store.js';
import type { SafetyPlan, SafetyPlansOfCase, SectionContent, safetyPlanSaveSchema } from './contract.js';
import { readUnitNumbers, withNumbers, writeUnitNumbers, type UnitEmergencyNumbers } from './unit-numbers.js';

type Db = Kysely<Database> | Transaction<Database>;

function select(db: Db) {
  return db
    .selectFrom('safety_plans as s')
    .innerJoin('workers as w', 'w.id', 's.worker_id')
    .innerJoin('persons as p', 'p.id', 's.person_id')
    .selectAll('s')
    .select(['w.name as worker_name', 'p.first_name', 'p.last_name']);
}
type Row = NonNullable<Awaited<ReturnType<ReturnType<typeof select>['executeTakeFirst']>>>;

async function fromRow(db: Db, r: Row): Promise<SafetyPlan> {
  return {
    id: r.id,
    version: r.version,
    madeOn: r.made_on,
    reviewOn: r.review_on,
    worker: { id: r.worker_id, name: r.worker_name },
    caseId: r.case_id,
    personId: r.person_id,
    personName: `${r.first_name} ${r.last_name}`,
    madeWith: r.made_with,
    template: await requireTemplate(db, r.template_id, r.template_version, 'safety_plan'),
    sections: JSON.parse(r.content) as Record<string, SectionContent>,
    shelterAddress: r.shelter_address,
    internalNote: r.internal_note,
    createdAt: r.created_at,
  };
}

/** One version, read in the caller's transaction. */
export async function readSafetyPlan(db: Db, id: string): Promise<SafetyPlan> {
  const r = await select(db).where('s.id', '=', id).executeTakeFirst();
  if (!r) throw new NotFoundError('Säkerhetsplanen');
  return fromRow(db, r);
}

/** The safety-plan template new plans start from: the newest version of the first one (shipped or the unit's own). */
async function currentTemplate(db: Db): Promise<SafetyPlanTemplate> {
  const list = await latestTemplates(db, 'safety_plan');
  const pick = list.find((t) => t.source === 'imported') ?? list[0];
  if (!pick) throw new NotFoundError('Mallen för säkerhetsplan');
  return requireTemplate(db, pick.id, pick.version, 'safety_plan');
}

export async function listSafetyPlans(session: Session, caseId: string): Promise<SafetyPlansOfCase> {
  return session.db.transaction().execute(async (trx) => {
    if (!(await caseExists(trx, caseId))) throw new NotFoundError('Ärendet');
    const rows = await select(trx).where('s.case_id', '=', caseId).orderBy('s.person_id').orderBy('s.version').execute();
    await session.audit.record(trx, { action: 'safety_plans.read', entityType: 'case', entityId: caseId, detail: { versions: rows.length } });
    const byPerson = new Map<string, Row[]>();
    for (const r of rows) byPerson.set(r.person_id, [...(byPerson.get(r.person_id) ?? []), r]);
    const plans: SafetyPlansOfCase['plans'] = [];
    for (const [personId, list] of byPerson) {
      plans.push({
        personId,
        latest: await fromRow(trx, list.at(-1)!),
        versions: list.map((r) => ({ id: r.id, version: r.version, madeOn: r.made_on, reviewOn: r.review_on, worker: { id: r.worker_id, name: r.worker_name } })),
      });
    }
    const template = await currentTemplate(trx);
    return { plans, template, unitNumbers: (await readUnitNumbers(trx, template)).numbers };
  });
}

export async function getSafetyPlan(session: Session, id: string): Promise<SafetyPlan> {
  return session.db.transaction().execute(async (trx) => {
    const p = await readSafetyPlan(trx, id);
    await session.audit.record(trx, { action: 'safety_plans.read', entityType: 'safety_plan', entityId: id, detail: { caseId: p.caseId } });
    return p;
  });
}

/** Content that fits the template: each key a section of it, of the section's own kind. */
function contentIssues(t: SafetyPlanTemplate, sections: Record<string, SectionContent>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const [key, c] of Object.entries(sections)) {
    const s = t.sections.find((x) => x.key === key);
    const fits = s && ((s.kind === 'text' && 'text' in c) || (s.kind === 'items' && 'checked' in c && c.checked.every((k) => s.items.some((i) => i.key === k))) || (s.kind === 'numbers' && 'numbers' in c));
    if (!fits) issues.push({ path: `sections.${key}`, code: 'invalid', message: 'Avsnittet passar inte mallen.' });
  }
  return issues;
}

/**
 * Saves the safety plan as a new version (the earlier ones stay as they
 * were), from the current template; the review date comes after the date
 * it was made.
 */
export async function saveSafetyPlan(session: Session, input: z.output<typeof safetyPlanSaveSchema>, now: Date = new Date()): Promise<SafetyPlan> {
  return session.db.transaction().execute(async (trx) => {
    if (!(await caseExists(trx, input.caseId))) throw new NotFoundError('Ärendet');
    const t = await currentTemplate(trx);
    const issues = contentIssues(t, input.sections);
    if (!(await isPersonInCase(trx, input.caseId, input.personId))) issues.push({ path: 'personId', code: 'not_in_case', message: 'Personen ingår inte i ärendet.' });
    if (input.madeOn > localIsoDate(now)) issues.push({ path: 'madeOn', code: 'future', message: 'Datumet kan inte ligga i framtiden.' });
    if (input.reviewOn <= input.madeOn) issues.push({ path: 'reviewOn', code: 'before_start', message: 'Planen ska ses över efter den dag den gjordes.' });
    if (issues.length) throw new ValidationError(issues);
    await storeTemplateVersion(trx, t, 'builtin', session.worker.id, now);
    const last = await trx.selectFrom('safety_plans').select(['version', 'content']).where('case_id', '=', input.caseId).where('person_id', '=', input.personId).orderBy('version', 'desc').limit(1).executeTakeFirst();
    const sections = withNumbers(t, input.sections, last ? numbersOf(t, last.content) : (await readUnitNumbers(trx, t)).numbers);
    const id = randomUUID();
    await trx
      .insertInto('safety_plans')
      .values({
        id,
        case_id: input.caseId,
        person_id: input.personId,
        version: (last?.version ?? 0) + 1,
        template_id: t.id,
        template_version: t.version,
        made_on: input.madeOn,
        review_on: input.reviewOn,
        made_with: input.madeWith,
        worker_id: session.worker.id,
        content: JSON.stringify(sections),
        shelter_address: input.shelterAddress,
        internal_note: input.internalNote,
        created_at: now.toISOString(),
      })
      .execute();
    await session.audit.record(trx, { action: 'safety_plans.save', entityType: 'safety_plan', entityId: id, detail: { caseId: input.caseId, personId: input.personId } });
    return readSafetyPlan(trx, id);
  });
}

/** The numbers a stored version holds in the template's first numbers section (none: null). */
function numbersOf(t: SafetyPlanTemplate, content: string): EmergencyNumber[] | null {
  const key = t.sections.find((x) => x.kind === 'numbers')?.key;
  const c = key ? (JSON.parse(content) as Record<string, SectionContent>)[key] : undefined;
  return c && 'numbers' in c ? c.numbers : null;
}

/** The unit's emergency numbers for new plans (the template's until the unit sets its own). */
export async function getUnitNumbers(session: Session): Promise<UnitEmergencyNumbers> {
  return session.db.transaction().execute(async (trx) => readUnitNumbers(trx, await currentTemplate(trx)));
}

/** Sets (or, with null, clears) the unit's list; existing plans keep the numbers they were saved with. */
export async function setUnitNumbers(session: Session, numbers: EmergencyNumber[] | null): Promise<UnitEmergencyNumbers> {
  return session.db.transaction().execute(async (trx) => {
    await writeUnitNumbers(trx, session, numbers);
    return readUnitNumbers(trx, await currentTemplate(trx));
  });
}
