import { z } from 'zod';
import { channel } from '../../api/channel.js';
import { idSchema, isoDateSchema } from '../../api/schemas.js';
import {
  CASE_STATUSES,
  CHILD_EXPOSURES,
  CLOSING_REASONS,
  INTAKE_SOURCES,
  RELATIONS,
  VIOLENCE_TYPES,
  type CaseRole,
  type CaseStatus,
  type ChildExposure,
  type ClosingReason,
  type IntakeSource,
  type ProtectionLevel,
  type Relation,
  type ViolenceType,
} from '../../domain/vocabulary.js';
import { personCreateSchema } from '../persons/contract.js';

/** Someone already in the register, or a new person registered in the same transaction. */
export const personRefSchema = z.union([z.object({ personId: idSchema }).strict(), z.object({ newPerson: personCreateSchema }).strict()], {
  error: 'Välj en person i registret eller fyll i en ny.',
});

const violenceTypesSchema = z
  .array(z.enum(VIOLENCE_TYPES, { error: 'Okänd våldsform.' }))
  .min(1, { error: 'Välj minst en våldsform.' })
  .max(VIOLENCE_TYPES.length);

const caseFactsShape = {
  intakeDate: isoDateSchema,
  intakeSource: z.enum(INTAKE_SOURCES, { error: 'Välj hur ärendet kom in.' }),
  violenceTypes: violenceTypesSchema,
  relation: z.enum(RELATIONS, { error: 'Välj relation.' }).nullable().optional(),
  firstContactDate: isoDateSchema.nullable().optional(),
  childrenInHousehold: z.number({ error: 'Ange ett antal.' }).int().min(0, { error: 'Kan inte vara negativt.' }).max(30, { error: 'Högst 30.' }).nullable().optional(),
};

export const casePersonSchema = z
  .object({
    person: personRefSchema,
    role: z.enum(['perpetrator', 'child', 'other'], { error: 'Välj roll.' }),
    childExposure: z.enum(CHILD_EXPOSURES, { error: 'Välj hur barnet utsatts.' }).nullable().optional(),
  })
  .strict()
  .refine((p) => p.role === 'child' || p.childExposure == null, { error: 'Bara ett barn kan ha upplevt eller utsatts för våld i den här rollen.', path: ['childExposure'] });

/**
 * Intake in one step: the main person (usually the victim, existing or new),
 * the facts of the intake, and the others in the case — children, the person
 * using violence — all in one transaction.
 */
export const caseCreateSchema = z
  .object({
    mainPersonId: idSchema.optional(),
    mainNewPerson: personCreateSchema.optional(),
    ...caseFactsShape,
    people: z.array(casePersonSchema).max(20, { error: 'Högst 20 personer åt gången.' }).optional(),
  })
  .strict()
  .refine((c) => (c.mainPersonId === undefined) !== (c.mainNewPerson === undefined), { error: 'Välj huvudpersonen i registret eller registrera en ny.', path: ['mainPersonId'] });

export const caseUpdateSchema = z.object({ id: idSchema, ...caseFactsShape }).strict();

export const caseStatusSchema = z
  .object({
    id: idSchema,
    status: z.enum(CASE_STATUSES, { error: 'Välj status.' }),
    date: isoDateSchema,
    closingReason: z.enum(CLOSING_REASONS, { error: 'Välj avslutsorsak.' }).optional(),
  })
  .strict()
  .refine((c) => (c.status === 'closed') === (c.closingReason !== undefined), { error: 'Ett avslut kräver en avslutsorsak (och bara ett avslut har en).', path: ['closingReason'] });

export type CaseCreateInput = z.input<typeof caseCreateSchema>;

export const caseListSchema = z
  .object({
    status: z.enum(CASE_STATUSES).optional(),
    workerId: idSchema.optional(),
    violenceType: z.enum(VIOLENCE_TYPES).optional(),
    intakeSource: z.enum(INTAKE_SOURCES).optional(),
    /** Intake period, inclusive. */
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
    /** Keyset cursor: the last row of the previous page. */
    after: z.object({ intakeDate: isoDateSchema, id: idSchema }).strict().optional(),
    limit: z.number().int().min(1).max(200).optional(),
  })
  .strict()
  .refine((f) => !f.from || !f.to || f.from <= f.to, { error: 'Periodens början ligger efter dess slut.', path: ['to'] });

export interface CaseListItem {
  id: string;
  caseNumber: string;
  intakeDate: string;
  intakeSource: IntakeSource;
  status: CaseStatus;
  mainPerson: { id: string; firstName: string; lastName: string; protectionLevel: ProtectionLevel };
  assignedWorkerName: string;
}

export interface CaseListPage {
  items: CaseListItem[];
  /** Pass as `after` to get the next page; null on the last page. */
  next: { intakeDate: string; id: string } | null;
}

export interface CasePerson {
  personId: string;
  firstName: string;
  lastName: string;
  personalNumber: string | null;
  protectionLevel: ProtectionLevel;
  role: CaseRole;
  childExposure: ChildExposure | null;
}

export interface CaseStatusEvent {
  from: CaseStatus | null;
  to: CaseStatus;
  date: string;
  workerName: string;
  at: string;
}

export interface CaseAssignment {
  workerName: string;
  assignedByName: string;
  at: string;
}

export interface CaseDetail extends Omit<CaseListItem, 'mainPerson'> {
  mainPersonId: string;
  assignedWorkerId: string;
  violenceTypes: ViolenceType[];
  relation: Relation | null;
  firstContactDate: string | null;
  childrenInHousehold: number | null;
  closingReason: ClosingReason | null;
  /** The unit's own case number from an imported case log (null for a case registered in Fristad). */
  externalRef: string | null;
  persons: CasePerson[];
  statusHistory: CaseStatusEvent[];
  assignments: CaseAssignment[];
  closedAt: string | null;
  createdAt: string;
}

export const casesContract = {
  'cases.create': channel(caseCreateSchema).returns<CaseDetail>(),
  'cases.list': channel(caseListSchema).returns<CaseListPage>(),
  'cases.get': channel(z.object({ id: idSchema }).strict()).returns<CaseDetail>(),
  'cases.update': channel(caseUpdateSchema).returns<CaseDetail>(),
  'cases.setStatus': channel(caseStatusSchema).returns<CaseDetail>(),
  'cases.reassign': channel(z.object({ id: idSchema, workerId: idSchema }).strict()).returns<CaseDetail>(),
  'cases.addPerson': channel(z.object({ caseId: idSchema }).extend({ entry: casePersonSchema }).strict()).returns<CaseDetail>(),
  'cases.removePerson': channel(z.object({ caseId: idSchema, personId: idSchema, role: z.enum(['perpetrator', 'child', 'other']) }).strict()).returns<CaseDetail>(),
} as const;
