import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { NotFoundError } from '../../domain/errors.js';
import { personForDocument } from '../../domain/protected-identity.js';
import type { Question } from '../../domain/templates.js';
import type { AnswerValue } from '../../domain/risk-scoring.js';
import { internalOnly, type PrintVariant } from '../../print/document-model.js';
import { readActionPlan } from '../action-plans/service.js';
import { readChecklist } from '../checklists/service.js';
import { readAssessment } from '../risk-assessments/service.js';
import { readSafetyPlan } from '../safety-plans/service.js';
import type { DocPerson, DocumentKind, DocumentModel, Letterhead } from './models.js';

/**
 * Builds each printable document from the vault. Every address goes through
 * personForDocument; everything only the file may hold is internalOnly().
 * What a variant may carry is decided later, in one place (forVariant).
 */

type Trx = Transaction<Database>;

export const DOCUMENT_TITLES: Readonly<Record<DocumentKind, string>> = {
  safety_plan: 'Säkerhetsplan',
  action_plan: 'Handlingsplan',
  risk_assessment: 'Riskbedömning',
  checklist: 'Checklista',
};

export const VARIANT_LABELS: Readonly<Record<PrintVariant, string>> = {
  internal: 'Internt exemplar – förvaras i akten',
  client: 'Klientkopia',
};

async function docPerson(trx: Trx, personId: string): Promise<DocPerson> {
  const p = await trx
    .selectFrom('persons')
    .select(['first_name', 'last_name', 'personal_number', 'protection_level', 'street_address', 'postal_code', 'city'])
    .where('id', '=', personId)
    .executeTakeFirst();
  if (!p) throw new NotFoundError('Personen');
  const safe = personForDocument({ protectionLevel: p.protection_level, address: { streetAddress: p.street_address, postalCode: p.postal_code, city: p.city } });
  const address = safe.address && (safe.address.streetAddress || safe.address.postalCode || safe.address.city) ? safe.address : null;
  return {
    name: `${p.first_name} ${p.last_name}`,
    personalNumber: p.personal_number ? p.personal_number.replace(/^R:/, '') : null,
    protectionLevel: p.protection_level,
    address: internalOnly(address),
    addressWithheld: safe.addressWithheld,
  };
}

async function caseNumber(trx: Trx, caseId: string): Promise<string> {
  const c = await trx.selectFrom('cases').select('case_number').where('id', '=', caseId).executeTakeFirst();
  if (!c) throw new NotFoundError('Ärendet');
  return c.case_number;
}

function answerText(q: Question, v: AnswerValue | undefined): string | null {
  if (v === undefined) return null;
  if (v === 'unknown') return 'Vet inte';
  switch (q.kind) {
    case 'yes_no':
      return v === 'yes' ? 'Ja' : 'Nej';
    case 'scale':
      return `${String(v)} av ${q.max}${q.minLabel && q.maxLabel ? ` (${q.min} = ${q.minLabel}, ${q.max} = ${q.maxLabel})` : ''}`;
    case 'choice':
      return q.options.find((o) => o.value === v)?.label ?? String(v);
    case 'text':
      return String(v);
  }
}

export interface LetterheadBase {
  unitName: string;
  logo: string | null;
  printedOn: string;
  printedBy: string;
  variant: PrintVariant;
}

/** Builds the model of one document; also returns the case it belongs to, for the log. */
export async function buildDocument(trx: Trx, ref: { kind: DocumentKind; id: string }, base: LetterheadBase): Promise<{ model: DocumentModel; caseId: string }> {
  const head = (caseNo: string, title: string): Letterhead => ({ ...base, caseNumber: caseNo, title });
  switch (ref.kind) {
    case 'safety_plan': {
      const p = await readSafetyPlan(trx, ref.id);
      return {
        caseId: p.caseId,
        model: {
          kind: 'safety_plan',
          letterhead: head(await caseNumber(trx, p.caseId), p.template.title),
          person: await docPerson(trx, p.personId),
          intro: p.template.description ?? null,
          version: p.version,
          madeOn: p.madeOn,
          reviewOn: p.reviewOn,
          madeWith: p.madeWith,
          workerName: p.worker.name,
          sections: p.template.sections.map((s) => {
            const c = p.sections[s.key];
            if (s.kind === 'text') return { key: s.key, kind: 'text' as const, title: s.title, text: c && 'text' in c ? c.text : '' };
            if (s.kind === 'items') {
              const checked = c && 'checked' in c ? c.checked : [];
              return { key: s.key, kind: 'items' as const, title: s.title, items: s.items.map((i) => ({ text: i.text, checked: checked.includes(i.key) })), other: c && 'checked' in c ? (c.other ?? '') : '' };
            }
            return { key: s.key, kind: 'numbers' as const, title: s.title, numbers: c && 'numbers' in c ? c.numbers : s.defaults };
          }),
          shelterAddress: internalOnly(p.shelterAddress),
          internalNote: internalOnly(p.internalNote),
        },
      };
    }
    case 'action_plan': {
      const a = await readActionPlan(trx, ref.id);
      return {
        caseId: a.caseId,
        model: {
          kind: 'action_plan',
          letterhead: head(await caseNumber(trx, a.caseId), DOCUMENT_TITLES.action_plan),
          person: await docPerson(trx, a.personId),
          status: a.status,
          goals: a.goals,
          actions: a.actions,
          followUpOn: a.followUpOn,
          workerSignedOn: a.workerSignedOn,
          personSignedOn: a.personSignedOn,
          workerName: a.worker.name,
          internalNote: internalOnly(a.internalNote),
        },
      };
    }
    case 'risk_assessment': {
      const r = await readAssessment(trx, ref.id);
      return {
        caseId: r.caseId,
        model: {
          kind: 'risk_assessment',
          letterhead: head(r.caseNumber, DOCUMENT_TITLES.risk_assessment),
          person: await docPerson(trx, r.personId),
          assessedOn: r.assessedOn,
          workerName: r.worker.name,
          template: { title: r.templateBody.title, version: r.templateBody.version },
          sections: r.templateBody.sections.map((s) => ({
            title: s.title,
            questions: s.questions.map((q) => ({ text: q.text, answer: answerText(q, r.answers[q.key]?.value), comment: internalOnly(r.answers[q.key]?.comment ?? null) })),
          })),
          unanswered: r.result.unanswered.length,
          unknown: r.result.unknown.length,
          level: r.level,
          judgement: r.judgement,
          nextAssessmentOn: r.nextAssessmentOn,
          scoring: internalOnly({ score: r.score, maxScore: r.maxScore, suggestedLevel: r.suggestedLevel, levelReason: r.levelReason }),
          internalNote: internalOnly(r.internalNote),
        },
      };
    }
    case 'checklist': {
      const c = await readChecklist(trx, ref.id);
      const main = await trx.selectFrom('cases').select(['main_person_id', 'case_number']).where('id', '=', c.caseId).executeTakeFirstOrThrow();
      const ticks = new Map(c.ticks.map((t) => [t.itemKey, t]));
      return {
        caseId: c.caseId,
        model: {
          kind: 'checklist',
          letterhead: head(main.case_number, c.template.title),
          person: await docPerson(trx, main.main_person_id),
          progress: c.progress,
          sections: c.template.sections.map((s) => ({
            title: s.title,
            items: s.items.map((i) => {
              const t = ticks.get(i.key);
              return { text: i.text, tick: t ? { by: t.by.name, at: t.at } : null, note: internalOnly(t?.note ?? null) };
            }),
          })),
        },
      };
    }
  }
}
