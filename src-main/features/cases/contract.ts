import { z } from 'zod';
import { channel } from '../../api/channel.js';
import { idSchema, isoDateSchema } from '../../api/schemas.js';
import { CASE_STATUSES, INTAKE_SOURCES, VIOLENCE_TYPES, type CaseRole, type CaseStatus, type IntakeSource, type ProtectionLevel, type ViolenceType } from '../../domain/vocabulary.js';

export const caseCreateSchema = z
  .object({
    mainPersonId: idSchema,
    intakeDate: isoDateSchema,
    intakeSource: z.enum(INTAKE_SOURCES, { error: 'Välj hur ärendet kom in.' }),
    violenceTypes: z.array(z.enum(VIOLENCE_TYPES, { error: 'Okänd våldsform.' })).min(1, { error: 'Välj minst en våldsform.' }).max(VIOLENCE_TYPES.length),
  })
  .strict();

export type CaseCreateInput = z.input<typeof caseCreateSchema>;

export const caseListSchema = z
  .object({
    status: z.enum(CASE_STATUSES).optional(),
    /** Keyset cursor: the last row of the previous page. */
    after: z.object({ intakeDate: isoDateSchema, id: idSchema }).strict().optional(),
    limit: z.number().int().min(1).max(200).optional(),
  })
  .strict();

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
}

export interface CaseDetail extends Omit<CaseListItem, 'mainPerson'> {
  mainPersonId: string;
  violenceTypes: ViolenceType[];
  persons: CasePerson[];
  closedAt: string | null;
  createdAt: string;
}

export const casesContract = {
  'cases.create': channel(caseCreateSchema).returns<CaseDetail>(),
  'cases.list': channel(caseListSchema).returns<CaseListPage>(),
  'cases.get': channel(z.object({ id: idSchema }).strict()).returns<CaseDetail>(),
} as const;
