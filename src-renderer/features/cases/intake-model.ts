import { parsePersonalNumber } from '../../../src-main/domain/personal-number';
import type { ChildExposure } from '../../../src-main/domain/vocabulary';
import type { CaseCreateInput } from '../../../src-main/features/cases/contract';
import type { FieldIssue } from '../../../src-main/domain/errors';
import type { ValidationKey } from '../../app/validation';
import { emptyChoice, type PersonChoice } from '../persons/person-choice';
import { PERSON_FIELDS, toCreateInput, validatePerson, type PersonField } from '../persons/person-form-validation';
import { FACTS_FIELDS, emptyFacts, toFactsInput, validateFacts, type CaseFactsValues, type FactsField } from './case-facts';

/**
 * The intake flow's model: the main person, the facts, and the other people
 * (children, the person using violence, others), each existing or new. Pure
 * functions, so the rules are tested without a screen.
 */

export type OtherRole = 'perpetrator' | 'child' | 'other';

export interface IntakeRow {
  /** Stable while the form is open (rows can be removed; indices move, keys do not). */
  key: string;
  role: OtherRole;
  choice: PersonChoice;
  childExposure: ChildExposure | '';
}

export interface IntakeValues {
  main: PersonChoice;
  facts: CaseFactsValues;
  rows: IntakeRow[];
}

export function emptyIntake(now: Date = new Date()): IntakeValues {
  return { main: emptyChoice(), facts: emptyFacts(now), rows: [] };
}

let rowCounter = 0;
export function newRow(role: OtherRole): IntakeRow {
  rowCounter += 1;
  return { key: `r${rowCounter}`, role, choice: emptyChoice('new'), childExposure: '' };
}

/**
 * Where an error shows. Keys name a part of the form, not a server index:
 * `intakeDate`…, `main.person`, `main.identity.value`, `row:<key>.person`,
 * `row:<key>.firstName`, `row:<key>.childExposure`.
 */
export type IntakeErrorKey = string;
export type IntakeFindings = Record<IntakeErrorKey, ValidationKey>;

export const mainKey = (field: PersonField | 'person') => `main.${field}`;
export const rowKey = (key: string, field: PersonField | 'person' | 'childExposure') => `row:${key}.${field}`;

function validateChoice(choice: PersonChoice, prefix: (f: PersonField | 'person') => string, out: IntakeFindings, now: Date): void {
  if (choice.mode === 'existing') {
    if (!choice.picked) out[prefix('person')] = 'choosePerson';
    return;
  }
  for (const [field, key] of Object.entries(validatePerson(choice.values, now)) as [PersonField, ValidationKey][]) out[prefix(field)] = key;
}

export function validateIntake(v: IntakeValues, now: Date = new Date()): IntakeFindings {
  const out: IntakeFindings = {};
  for (const [field, key] of Object.entries(validateFacts(v.facts, now)) as [FactsField, ValidationKey][]) out[field] = key;
  validateChoice(v.main, mainKey, out, now);
  const mainId = v.main.mode === 'existing' ? v.main.picked?.id : undefined;
  const seen = new Set<string>();
  for (const row of v.rows) {
    validateChoice(row.choice, (f) => rowKey(row.key, f), out, now);
    const id = row.choice.mode === 'existing' ? row.choice.picked?.id : undefined;
    if (id && id === mainId) out[rowKey(row.key, 'person')] = 'mainPersonTwice';
    else if (id && seen.has(`${id}:${row.role}`)) out[rowKey(row.key, 'person')] = 'personTwice';
    if (id) seen.add(`${id}:${row.role}`);
  }
  return out;
}

function refOf(choice: PersonChoice): { personId: string } | { newPerson: ReturnType<typeof toCreateInput> } {
  return choice.mode === 'existing' ? { personId: choice.picked!.id } : { newPerson: toCreateInput(choice.values) };
}

/** The one cases.create call; call only after validateIntake found nothing. Optional parts go along only when given. */
export function toCreateCaseInput(v: IntakeValues): CaseCreateInput {
  const main = refOf(v.main);
  const input: CaseCreateInput = {
    ...('personId' in main ? { mainPersonId: main.personId } : { mainNewPerson: main.newPerson }),
    ...toFactsInput(v.facts, { clearEmpty: false }),
  };
  if (v.rows.length > 0) {
    input.people = v.rows.map((r) => ({
      person: refOf(r.choice),
      role: r.role,
      ...(r.role === 'child' && r.childExposure ? { childExposure: r.childExposure } : {}),
    }));
  }
  return input;
}

const PERSON_FIELD_SET = new Set<string>(PERSON_FIELDS);
const FACT_SET = new Set<string>(FACTS_FIELDS);

/**
 * Places the server's issue paths on the form. `rowKeys` are the keys of
 * the rows in the order they were sent, so `people.1.…` lands on the row
 * that was second at the time of saving, even if rows moved since.
 * Returns the placed messages and those that fit no field.
 */
export function placeServerIssues(issues: { issue: FieldIssue; text: string }[], rowKeys: readonly string[]): { placed: Record<IntakeErrorKey, string>; other: string[] } {
  const placed: Record<string, string> = {};
  const other: string[] = [];
  const put = (key: string, text: string) => {
    if (!placed[key]) placed[key] = text;
  };
  for (const { issue, text } of issues) {
    const path = issue.path;
    if (FACT_SET.has(path)) {
      put(path, text);
      continue;
    }
    if (path === 'mainPersonId' || path === 'mainNewPerson') {
      put(mainKey('person'), text);
      continue;
    }
    const main = /^mainNewPerson\.(.+)$/.exec(path);
    if (main) {
      put(PERSON_FIELD_SET.has(main[1]!) ? `main.${main[1]}` : mainKey('person'), text);
      continue;
    }
    const row = /^people\.(\d+)(?:\.(.*))?$/.exec(path);
    const key = row ? rowKeys[Number(row[1])] : undefined;
    if (row && key) {
      const rest = row[2] ?? '';
      const inner = /^person\.newPerson\.(.+)$/.exec(rest);
      if (inner && PERSON_FIELD_SET.has(inner[1]!)) put(rowKey(key, inner[1] as PersonField), text);
      else if (rest === 'childExposure') put(rowKey(key, 'childExposure'), text);
      else put(rowKey(key, 'person'), text);
      continue;
    }
    other.push(text);
  }
  return { placed, other };
}

/** The canonical number typed for a new person, if it is a valid personnummer/samordningsnummer. */
export function typedNumber(choice: PersonChoice): string | null {
  if (choice.mode !== 'new' || choice.values.identityKind !== 'personnummer') return null;
  const parsed = parsePersonalNumber(choice.values.personalNumber);
  return parsed.ok ? parsed.value.canonical : null;
}
