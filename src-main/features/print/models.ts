import type { Address } from '../../domain/protected-identity.js';
import type { ProtectionLevel } from '../../domain/vocabulary.js';
import type { RiskLevel } from '../../domain/templates.js';
import type { InternalOnly, PrintVariant, Printed } from '../../print/document-model.js';
import type { ActionPlan } from '../action-plans/contract.js';
import type { EmergencyNumber } from '../safety-plans/contract.js';

/**
 * The printable documents of issue 5, as main builds them. Values wrapped
 * in InternalOnly never reach a client copy (print/document-model.ts). The
 * renderer's print route receives `Printed<…>` of these.
 */

export const DOCUMENT_KINDS = ['safety_plan', 'action_plan', 'risk_assessment', 'checklist'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export interface Letterhead {
  unitName: string;
  /** The unit's logo as a data: URL (settings), or null. */
  logo: string | null;
  title: string;
  caseNumber: string;
  printedOn: string;
  printedBy: string;
  variant: PrintVariant;
}

export interface DocPerson {
  name: string;
  personalNumber: string | null;
  protectionLevel: ProtectionLevel;
  /** Through personForDocument: never a protected address; and only on the internal copy. */
  address: InternalOnly<Address | null>;
  addressWithheld: boolean;
}

export type SafetyPlanDocSection =
  | { key: string; kind: 'text'; title: string; text: string }
  | { key: string; kind: 'items'; title: string; items: { text: string; checked: boolean }[]; other: string }
  | { key: string; kind: 'numbers'; title: string; numbers: EmergencyNumber[] };

export interface SafetyPlanDoc {
  kind: 'safety_plan';
  letterhead: Letterhead;
  person: DocPerson;
  intro: string | null;
  version: number;
  madeOn: string;
  reviewOn: string;
  madeWith: string;
  workerName: string;
  sections: SafetyPlanDocSection[];
  shelterAddress: InternalOnly<string | null>;
  internalNote: InternalOnly<string | null>;
}

export interface ActionPlanDoc extends Pick<ActionPlan, 'status' | 'goals' | 'actions' | 'followUpOn' | 'workerSignedOn' | 'personSignedOn'> {
  kind: 'action_plan';
  letterhead: Letterhead;
  person: DocPerson;
  workerName: string;
  internalNote: InternalOnly<string | null>;
}

export interface RiskAssessmentDoc {
  kind: 'risk_assessment';
  letterhead: Letterhead;
  person: DocPerson;
  assessedOn: string;
  workerName: string;
  template: { title: string; version: number };
  sections: { title: string; questions: { text: string; answer: string | null; comment: InternalOnly<string | null> }[] }[];
  unanswered: number;
  unknown: number;
  level: RiskLevel;
  judgement: string;
  nextAssessmentOn: string;
  scoring: InternalOnly<{ score: number; maxScore: number; suggestedLevel: RiskLevel; levelReason: string | null }>;
  internalNote: InternalOnly<string | null>;
}

export interface ChecklistDoc {
  kind: 'checklist';
  letterhead: Letterhead;
  person: DocPerson;
  progress: { done: number; total: number };
  sections: { title: string; items: { text: string; tick: { by: string; at: string } | null; note: InternalOnly<string | null> }[] }[];
}

export type DocumentModel = SafetyPlanDoc | ActionPlanDoc | RiskAssessmentDoc | ChecklistDoc;
export type PrintedDocument = Printed<DocumentModel>;
