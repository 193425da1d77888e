/**
 * Retention (gallring): when a closed case's records must go. Pure: the
 * caller gives the facts of each case, the unit's rule and today's date.
 *
 * The rule (SoL practice, settings of the unit): a closed case is due for
 * deletion `yearsAfterLastEntry` years after its last entry, and the deletion
 * must be done by the end of the following calendar year. Records of persons
 * born on the 5th, 15th or 25th of a month are kept for research (when the
 * exception is on), a hold (appeal, request from the police) keeps a case,
 * and "keep everything" keeps all of them.
 */
import { isLeapYear } from './dates.js';

export interface RetentionRule {
  yearsAfterLastEntry: number;
  keepEverything: boolean;
  birthdayException: boolean;
}

export const DEFAULT_RETENTION_RULE: RetentionRule = Object.freeze({ yearsAfterLastEntry: 5, keepEverything: false, birthdayException: true });

/** The days of month whose persons are kept for research. */
export const RESEARCH_BIRTH_DAYS: readonly number[] = [5, 15, 25];

export interface RetentionFacts {
  caseId: string;
  closed: boolean;
  /** The latest dated entry of the case (`YYYY-MM-DD`): closing, journal, decision, service. */
  lastEntryDate: string;
  /** Day of month the case's main person was born, when known from their number. */
  mainPersonBirthDay: number | null;
  onHold: boolean;
}

export type RetentionReason = 'open' | 'not_yet' | 'keep_everything' | 'hold' | 'birthday' | 'due' | 'overdue';

export interface RetentionVerdict {
  caseId: string;
  delete: boolean;
  reason: RetentionReason;
  /** The first day the case may be deleted; null for an open case. */
  dueFrom: string | null;
  /** The last day by which it must be deleted (31 December of the following year). */
  deadline: string | null;
}

/** `date` plus whole years; 29 February becomes 28 February in a common year. */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const day = m === 2 && d === 29 && !isLeapYear(year) ? 28 : d;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Decides one case.
 *
 * @example retentionVerdict({ caseId: 'c', closed: true, lastEntryDate: '2020-03-01', mainPersonBirthDay: 7, onHold: false }, DEFAULT_RETENTION_RULE, '2026-01-10')
 * // { delete: true, reason: 'due', dueFrom: '2025-03-01', deadline: '2026-12-31' }
 */
export function retentionVerdict(facts: RetentionFacts, rule: RetentionRule, today: string): RetentionVerdict {
  const base = { caseId: facts.caseId };
  if (!facts.closed) return { ...base, delete: false, reason: 'open', dueFrom: null, deadline: null };
  const dueFrom = addYears(facts.lastEntryDate, rule.yearsAfterLastEntry);
  const deadline = `${Number(dueFrom.slice(0, 4)) + 1}-12-31`;
  const keep = (reason: RetentionReason): RetentionVerdict => ({ ...base, delete: false, reason, dueFrom, deadline });
  if (today < dueFrom) return keep('not_yet');
  if (rule.keepEverything) return keep('keep_everything');
  if (facts.onHold) return keep('hold');
  if (rule.birthdayException && facts.mainPersonBirthDay !== null && RESEARCH_BIRTH_DAYS.includes(facts.mainPersonBirthDay)) return keep('birthday');
  return { ...base, delete: true, reason: today > deadline ? 'overdue' : 'due', dueFrom, deadline };
}

/**
 * The day of month of birth from a canonical number (`YYYYMMDD-NNNC`); a
 * samordningsnummer carries the day plus 60. A reserve number tells nothing.
 */
export function birthDayOfMonth(numberKind: string, personalNumber: string | null): number | null {
  if (!personalNumber || (numberKind !== 'personnummer' && numberKind !== 'samordningsnummer')) return null;
  const m = /^\d{6}(\d{2})[-+]/.exec(personalNumber);
  if (!m) return null;
  const day = Number(m[1]);
  const real = numberKind === 'samordningsnummer' ? day - 60 : day;
  return real >= 1 && real <= 31 ? real : null;
}

/** Age bands for the monthly aggregates (age at intake). */
export function ageBand(birthYear: number | null, intakeYear: number): string {
  if (birthYear === null) return 'unknown';
  const age = intakeYear - birthYear;
  if (age < 0) return 'unknown';
  if (age < 18) return '0-17';
  if (age < 25) return '18-24';
  if (age < 35) return '25-34';
  if (age < 45) return '35-44';
  if (age < 55) return '45-54';
  if (age < 65) return '55-64';
  return '65+';
}
