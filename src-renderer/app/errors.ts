import { i18n } from '../i18n';
import type { Messages } from '../i18n/sv';
import type { ErrorCode } from '../../src-main/domain/errors';
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
  future: 'dateFuture',
};

/**
 * The per-field messages of a validation refusal, keyed by the field's dotted
 * path as the server names it (`firstName`, `identity.value`).
 */
export function fieldErrorsOf(err: unknown): Record<string, string> {
  if (!(err instanceof ApiError) || err.code !== 'validation') return {};
  const out: Record<string, string> = {};
  for (const issue of err.payload.details?.issues ?? []) {
    if (out[issue.path]) continue; // the first problem of a field is enough to act on
    if (i18n.language === 'sv' && issue.message) out[issue.path] = issue.message;
    else {
      const key = ISSUE_KEYS[issue.code];
      out[issue.path] = key ? i18n.t(`validation.${key}`) : i18n.t('errors.field');
    }
  }
  return out;
}
