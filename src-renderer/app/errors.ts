import { i18n } from '../i18n';
import type { Messages } from '../i18n/sv';
import type { ErrorCode, FieldIssue } from '../../src-main/domain/errors';
import { ApiError } from './api-client';

/**
 * Turns a refused call into text for the worker. In Swedish the server's own
 * message is used: it is written for this exact case (it may name the field,
 * the seconds to wait, what to do). In other languages the code is translated.
 */
export function describeError(err: unknown): string {
  if (!(err instanceof ApiError)) return i18n.t('errors.internal');
  const { payload } = err;
  if (i18n.language === 'sv' && payload.message) return payload.message;
  const seconds = payload.details?.retryAfterSeconds;
  if (payload.code === 'wrong_passphrase' && seconds) return i18n.t('errors.wrong_passphrase_wait', { seconds });
  return i18n.t(`errors.${payload.code}`, { seconds: seconds ?? 0 });
}

export function errorCode(err: unknown): ErrorCode | null {
  return err instanceof ApiError ? err.code : null;
}

/** Server issue codes that have a translation of their own; others get a general "check this field". */
const ISSUE_KEYS: Record<string, keyof Messages['validation']> = {
  too_short: 'passphraseTooShort',
  personal_number_format: 'personalNumberFormat',
  personal_number_checksum: 'personalNumberChecksum',
  personal_number_date: 'personalNumberDate',
  personal_number_future: 'personalNumberFuture',
  reserve_number: 'reserveNumber',
  future: 'dateNotFuture',
  before_intake: 'firstContactBeforeIntake',
  before_start: 'endBeforeStart',
  main_person: 'mainPersonTwice',
  not_in_case: 'personNotInCase',
  inactive: 'inactiveChoice',
  postal_code: 'postalCode',
};

/** One server issue as text for the worker: the server's Swedish, or a translation of its code. */
export function issueText(issue: FieldIssue): string {
  if (i18n.language === 'sv' && issue.message) return issue.message;
  const key = ISSUE_KEYS[issue.code];
  return key ? i18n.t(`validation.${key}`) : i18n.t('errors.field');
}

/** The field issues of a validation refusal, in the server's order (empty for any other error). */
export function issuesOf(err: unknown): FieldIssue[] {
  if (!(err instanceof ApiError) || err.code !== 'validation') return [];
  return err.payload.details?.issues ?? [];
}

/** The id of the record a conflict points at (a number that is already registered), if any. */
export function existingIdOf(err: unknown): string | null {
  return err instanceof ApiError && err.code === 'conflict' ? (err.payload.details?.existingId ?? null) : null;
}

/**
 * The per-field messages of a validation refusal, keyed by the field's dotted
 * path as the server names it (`firstName`, `identity.value`).
 */
export function fieldErrorsOf(err: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issuesOf(err)) {
    if (out[issue.path]) continue; // the first problem of a field is enough to act on
    out[issue.path] = issueText(issue);
  }
  return out;
}

/**
 * Splits a refusal's field messages into those a form shows at its fields
 * (`known`) and the rest, which the form lists at the top so none is lost.
 */
export function splitFieldErrors(err: unknown, known: readonly string[]): { fields: Record<string, string>; other: string[] } {
  const fields: Record<string, string> = {};
  const other: string[] = [];
  for (const [path, text] of Object.entries(fieldErrorsOf(err))) {
    if (known.includes(path)) fields[path] = text;
    else other.push(text);
  }
  return { fields, other };
}
