import { splitNumberAndName } from './import-children.js';
import { parseImportDate } from './import-table.js';
import { acceptedWords, foldWord, matchClosingReason, matchGender, matchIntakeSource, matchRelation, matchStatus, parseViolenceTypes } from './import-vocabulary.js';
import { parsePersonalNumber, type PersonalNumberError } from './personal-number.js';
import type { CaseStatus, ClosingReason, Gender, IntakeSource, Relation, ViolenceType } from './vocabulary.js';

/**
 * One row of a unit's case log (ärendelogg): one case. The row rules that
 * need nothing but the row — numbers, words, dates and their order — are
 * here; whether the person, the case or the worker already exists is the
 * import service's business. Pure: cells in, a case or the reasons out.
 */

import { CASE_LOG_FIELDS, type CaseLogField } from './import-case-log-fields.js';

export { CASE_LOG_FIELDS, type CaseLogField };

/** Longest case reference kept (the unit's own case number). */
export const CASE_REFERENCE_MAX = 60;
const NAME_MAX = 100;

export interface CaseLogPerson {
  /** `YYYYMMDD-NNNC`, or null for a person with no number (name and birth year only). */
  canonical: string | null;
  numberKind: 'personnummer' | 'samordningsnummer' | 'none';
  birthYear: number;
  firstName: string;
  lastName: string;
}

export interface CaseLogRow {
  rowNumber: number;
  caseReference: string | null;
  intakeDate: string;
  intakeSource: IntakeSource;
  violenceTypes: ViolenceType[];
  victim: CaseLogPerson & { gender: Gender };
  /** Same person in the file: the number, or the folded name and birth year when there is none. */
  victimKey: string;
  perpetrator: CaseLogPerson | null;
  relation: Relation | null;
  childrenInHousehold: number | null;
  firstContactDate: string | null;
  status: CaseStatus;
  closingDate: string | null;
  closingReason: ClosingReason | null;
  /** The worker's name as written; '' for the importing worker. */
  worker: string;
  /** Free text, '' when none; becomes a draft journal entry. */
  note: string;
}

export interface CaseLogContext {
  today: string;
  now: Date;
  /** The source of a row whose source cell is empty (the worker picks it in the wizard). */
  fallbackSource: IntakeSource;
  numberMessages: Record<PersonalNumberError, string>;
  /** Longest note accepted (the journal's limit). */
  noteMax: number;
}

/** The key that makes two rows the same person: the number, else the folded name and birth year. */
export function personKey(p: CaseLogPerson): string {
  return p.canonical ?? `${foldWord(`${p.firstName} ${p.lastName}`)}|${p.birthYear}`;
}

/**
 * Reads one row. Every problem becomes a reason in Swedish, so the dry run
 * shows the worker all that is wrong with a row at once: a bad number and
 * why, an unknown word with the words accepted, dates that are no dates,
 * in the future or in the wrong order (first contact or closing before the
 * intake), a closed case without closing date or reason.
 */
export function readCaseLogRow(cell: (f: CaseLogField) => string, rowNumber: number, ctx: CaseLogContext): { row: CaseLogRow | null; reasons: string[] } {
  const reasons: string[] = [];
  const date = (f: CaseLogField, label: string): string | null => {
    const raw = cell(f);
    if (!raw) return null;
    const d = parseImportDate(raw);
    if (!d) reasons.push(`${label} ”${raw}” är inte ett datum (skriv t.ex. 2024-03-05 eller 5/3/2024).`);
    else if (d > ctx.today) reasons.push(`${label} ${d} ligger i framtiden.`);
    return d;
  };

  const caseReference = cell('caseReference') || null;
  if (caseReference && caseReference.length > CASE_REFERENCE_MAX) reasons.push(`Ärendenumret är för långt (högst ${CASE_REFERENCE_MAX} tecken).`);

  const intakeDate = date('intakeDate', 'Aktualiseringsdatum');
  if (!cell('intakeDate')) reasons.push('Aktualiseringsdatum saknas.');

  const sourceText = cell('intakeSource');
  const intakeSource = sourceText ? matchIntakeSource(sourceText) : ctx.fallbackSource;
  if (intakeSource === null) reasons.push(`Okänd källa ”${sourceText}”. Skriv t.ex. ${acceptedWords('source')}.`);

  const violence = parseViolenceTypes(cell('violenceTypes'));
  if (!cell('violenceTypes')) reasons.push('Våldsform saknas (minst en behövs, t.ex. fysiskt, psykiskt).');
  for (const w of violence.unknown) reasons.push(`Okänd våldsform ”${w}”. Skriv t.ex. ${acceptedWords('violence')} (flera åtskilda med komma).`);

  const victim = readVictim(cell, ctx, reasons);

  const genderText = cell('gender');
  const gender = genderText ? matchGender(genderText) : 'okant';
  if (gender === null) reasons.push(`Okänt kön ”${genderText}”. Skriv kvinna, man, annat eller okänt (K/M går också).`);

  const perpetrator = readPerpetrator(cell('perpetrator'), victim?.canonical ?? null, ctx, reasons);

  const relationText = cell('relation');
  const relation = relationText ? matchRelation(relationText) : null;
  if (relationText && relation === null) reasons.push(`Okänd relation ”${relationText}”. Skriv t.ex. ${acceptedWords('relation')}.`);

  const childrenText = cell('childrenInHousehold');
  let childrenInHousehold: number | null = null;
  if (childrenText) {
    const m = /^(\d{1,2})(?:\s*(?:st|barn)\.?)?$/i.exec(childrenText);
    if (!m || Number(m[1]) > 30) reasons.push(`Antal barn ”${childrenText}” är inte ett antal mellan 0 och 30.`);
    else childrenInHousehold = Number(m[1]);
  }

  const firstContactDate = date('firstContactDate', 'Datum för första kontakt');
  const closingDate = date('closingDate', 'Avslutsdatum');

  const statusText = cell('status');
  let status = statusText ? matchStatus(statusText) : closingDate ? 'closed' : 'intake';
  if (status === null) reasons.push(`Okänd status ”${statusText}”. Skriv ${acceptedWords('status')}.`);

  const reasonText = cell('closingReason');
  const closingReason = reasonText ? matchClosingReason(reasonText) : null;
  if (reasonText && closingReason === null) reasons.push(`Okänd avslutsorsak ”${reasonText}”. Skriv t.ex. ${acceptedWords('closing')}.`);

  if (status === 'closed') {
    if (!cell('closingDate')) reasons.push('Ärendet är avslutat men avslutsdatum saknas.');
    if (!reasonText) reasons.push('Ärendet är avslutat men avslutsorsak saknas (skriv t.ex. Annat om orsaken inte är känd).');
  } else if (status !== null) {
    if (cell('closingDate')) reasons.push('Avslutsdatum finns men ärendet står inte som avslutat.');
    if (reasonText) reasons.push('Avslutsorsak finns men ärendet står inte som avslutat.');
  }

  if (intakeDate) {
    if (firstContactDate && firstContactDate < intakeDate) reasons.push('Datumen står i fel ordning: första kontakten ligger före aktualiseringen.');
    if (closingDate && closingDate < intakeDate) reasons.push('Datumen står i fel ordning: avslutsdatum ligger före aktualiseringsdatum.');
  }
  if (firstContactDate && closingDate && closingDate < firstContactDate) reasons.push('Datumen står i fel ordning: avslutsdatum ligger före första kontakten.');

  const note = cell('note');
  if (note.length > ctx.noteMax) reasons.push(`Anteckningen är för lång (${note.length} tecken, högst ${ctx.noteMax}). Korta den eller dela upp den.`);

  if (reasons.length > 0 || !intakeDate || !intakeSource || !victim || !gender || status === null) return { row: null, reasons };
  return {
    row: {
      rowNumber,
      caseReference,
      intakeDate,
      intakeSource,
      violenceTypes: violence.types,
      victim: { ...victim, gender },
      victimKey: personKey(victim),
      perpetrator,
      relation,
      childrenInHousehold,
      firstContactDate,
      status,
      closingDate: status === 'closed' ? closingDate : null,
      closingReason: status === 'closed' ? closingReason : null,
      worker: cell('worker'),
      note,
    },
    reasons,
  };
}

/** The victim: by personnummer or samordningsnummer, or — with no number — by name and birth year. */
function readVictim(cell: (f: CaseLogField) => string, ctx: CaseLogContext, reasons: string[]): CaseLogPerson | null {
  const number = cell('personalNumber');
  const firstName = cell('firstName');
  const lastName = cell('lastName');
  if (firstName.length > NAME_MAX || lastName.length > NAME_MAX) reasons.push(`Namnet är för långt (högst ${NAME_MAX} tecken per del).`);
  const yearText = cell('birthYear');
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : null;
  if (yearText && (year === null || year < 1900 || year > Number(ctx.today.slice(0, 4)))) reasons.push(`Födelseåret ”${yearText}” är inte ett rimligt årtal.`);
  if (number) {
    const pn = parsePersonalNumber(number, ctx.now);
    if (!pn.ok) {
      reasons.push(`Ogiltigt personnummer ”${number}”: ${ctx.numberMessages[pn.error]}`);
      return null;
    }
    if (year !== null && year !== pn.value.birthYear) reasons.push(`Födelseåret ${year} stämmer inte med personnumret (${pn.value.birthYear}).`);
    return { canonical: pn.value.canonical, numberKind: pn.value.kind, birthYear: pn.value.birthYear, firstName, lastName };
  }
  if (!firstName || !lastName || !yearText) {
    reasons.push('Personnummer saknas: skriv personnummer eller samordningsnummer, eller för- och efternamn och födelseår.');
    return null;
  }
  return year === null ? null : { canonical: null, numberKind: 'none', birthYear: year, firstName, lastName };
}

/** The person who used violence: a number, optionally followed by the name (`19800101-1234 Kalle Karlsson`). */
function readPerpetrator(text: string, victim: string | null, ctx: CaseLogContext, reasons: string[]): CaseLogPerson | null {
  if (!text) return null;
  const m = splitNumberAndName(text);
  if (!m) {
    reasons.push(`Våldsutövaren ”${text}”: börja med personnumret, t.ex. 19800101-1234 Kalle Karlsson.`);
    return null;
  }
  const pn = parsePersonalNumber(m.number, ctx.now);
  if (!pn.ok) {
    reasons.push(`Våldsutövarens personnummer ”${m.number}” är ogiltigt: ${ctx.numberMessages[pn.error]}`);
    return null;
  }
  if (pn.value.canonical === victim) {
    reasons.push('Våldsutövaren har samma personnummer som den våldsutsatta.');
    return null;
  }
  return { canonical: pn.value.canonical, numberKind: pn.value.kind, birthYear: pn.value.birthYear, firstName: m.firstName, lastName: m.lastName };
}
