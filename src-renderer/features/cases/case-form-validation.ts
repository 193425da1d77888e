import { isRealIsoDate, todayIso } from '../../app/dates';
import type { FieldFindings } from '../../app/validation';
import { INTAKE_SOURCES, type IntakeSource, type ViolenceType } from '../../../src-main/domain/vocabulary';
import type { CaseCreateInput } from '../../../src-main/features/cases/contract';

export interface CaseFormValues {
  intakeDate: string;
  intakeSource: IntakeSource | '';
  violenceTypes: ViolenceType[];
}

export function emptyCaseForm(now: Date = new Date()): CaseFormValues {
  return { intakeDate: todayIso(now), intakeSource: '', violenceTypes: [] };
}

/** Field keys are the server's issue paths. */
export type CaseField = 'intakeDate' | 'intakeSource' | 'violenceTypes';

export function validateCase(v: CaseFormValues, now: Date = new Date()): FieldFindings<CaseField> {
  const out: FieldFindings<CaseField> = {};
  const date = v.intakeDate.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) out.intakeDate = 'dateFormat';
  else if (!isRealIsoDate(date)) out.intakeDate = 'dateInvalid';
  else if (date > todayIso(now)) out.intakeDate = 'dateFuture';
  if (!v.intakeSource || !(INTAKE_SOURCES as readonly string[]).includes(v.intakeSource)) out.intakeSource = 'chooseSource';
  if (v.violenceTypes.length === 0) out.violenceTypes = 'chooseViolenceType';
  return out;
}

export function toCreateInput(personId: string, v: CaseFormValues): CaseCreateInput {
  return { mainPersonId: personId, intakeDate: v.intakeDate.trim(), intakeSource: v.intakeSource as IntakeSource, violenceTypes: v.violenceTypes };
}
