import { todayIso } from '../../app/dates';
import { checkDate, type FieldFindings } from '../../app/validation';
import { INTAKE_SOURCES, VIOLENCE_TYPES, type IntakeSource, type Relation, type ViolenceType } from '../../../src-main/domain/vocabulary';
import type { CaseDetail } from '../../../src-main/features/cases/contract';

/** The facts of an intake, as typed: the same in the intake flow and in "Ändra uppgifter". */
export interface CaseFactsValues {
  intakeDate: string;
  intakeSource: IntakeSource | '';
  violenceTypes: ViolenceType[];
  relation: Relation | '';
  firstContactDate: string;
  childrenInHousehold: string;
}

export function emptyFacts(now: Date = new Date()): CaseFactsValues {
  return { intakeDate: todayIso(now), intakeSource: '', violenceTypes: [], relation: '', firstContactDate: '', childrenInHousehold: '' };
}

export function factsFromDetail(c: CaseDetail): CaseFactsValues {
  return {
    intakeDate: c.intakeDate,
    intakeSource: c.intakeSource,
    violenceTypes: VIOLENCE_TYPES.filter((v) => c.violenceTypes.includes(v)),
    relation: c.relation ?? '',
    firstContactDate: c.firstContactDate ?? '',
    childrenInHousehold: c.childrenInHousehold === null ? '' : String(c.childrenInHousehold),
  };
}

/** Field keys are the server's issue paths. */
export type FactsField = 'intakeDate' | 'intakeSource' | 'violenceTypes' | 'relation' | 'firstContactDate' | 'childrenInHousehold';
export const FACTS_FIELDS: readonly FactsField[] = ['intakeDate', 'intakeSource', 'violenceTypes', 'relation', 'firstContactDate', 'childrenInHousehold'];

export function validateFacts(v: CaseFactsValues, now: Date = new Date()): FieldFindings<FactsField> {
  const out: FieldFindings<FactsField> = {};
  const intake = checkDate(v.intakeDate, { required: true, notFuture: true, now });
  // The intake date has its own sentence for a future day (it is the date most often mistyped).
  if (intake) out.intakeDate = intake === 'dateNotFuture' ? 'dateFuture' : intake === 'required' ? 'dateFormat' : intake;
  if (!v.intakeSource || !(INTAKE_SOURCES as readonly string[]).includes(v.intakeSource)) out.intakeSource = 'chooseSource';
  if (v.violenceTypes.length === 0) out.violenceTypes = 'chooseViolenceType';
  const first = checkDate(v.firstContactDate, { notFuture: true, now });
  if (first) out.firstContactDate = first;
  else if (!intake && v.firstContactDate.trim() !== '' && v.firstContactDate.trim() < v.intakeDate.trim()) out.firstContactDate = 'firstContactBeforeIntake';
  const n = v.childrenInHousehold.trim();
  if (n !== '' && (!/^\d{1,2}$/.test(n) || Number(n) > 30)) out.childrenInHousehold = 'childrenCount';
  return out;
}

/** The facts as cases.create and cases.update take them; optional facts go along only when given (or, on update, as null to clear them). */
export function toFactsInput(v: CaseFactsValues, opts: { clearEmpty: boolean }) {
  const out: {
    intakeDate: string;
    intakeSource: IntakeSource;
    violenceTypes: ViolenceType[];
    relation?: Relation | null;
    firstContactDate?: string | null;
    childrenInHousehold?: number | null;
  } = { intakeDate: v.intakeDate.trim(), intakeSource: v.intakeSource as IntakeSource, violenceTypes: VIOLENCE_TYPES.filter((t) => v.violenceTypes.includes(t)) };
  if (v.relation) out.relation = v.relation;
  else if (opts.clearEmpty) out.relation = null;
  if (v.firstContactDate.trim()) out.firstContactDate = v.firstContactDate.trim();
  else if (opts.clearEmpty) out.firstContactDate = null;
  if (v.childrenInHousehold.trim()) out.childrenInHousehold = Number(v.childrenInHousehold.trim());
  else if (opts.clearEmpty) out.childrenInHousehold = null;
  return out;
}
