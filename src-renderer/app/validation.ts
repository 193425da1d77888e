import { i18n } from '../i18n';
import type { Messages } from '../i18n/sv';
import { isRealIsoDate, todayIso } from './dates';

/** A client-side finding: the key of its text under `validation` in the language packs. */
export type ValidationKey = keyof Messages['validation'];
export type FieldFindings<F extends string> = Partial<Record<F, ValidationKey>>;

export function hasFindings(findings: object): boolean {
  return Object.values(findings).some((v) => v !== undefined);
}

/** The findings as text, in the current language, keyed like the fields. */
export function translateFindings<F extends string>(findings: FieldFindings<F>): Partial<Record<F, string>> {
  const out: Partial<Record<F, string>> = {};
  for (const [field, key] of Object.entries(findings) as [F, ValidationKey | undefined][]) {
    if (key) out[field] = i18n.t(`validation.${key}`);
  }
  return out;
}

/**
 * Checks a date typed as `YYYY-MM-DD`. An empty value is fine unless
 * required; `notFuture` refuses a day after today (the worker's local day).
 */
export function checkDate(value: string, opts: { required?: boolean; notFuture?: boolean; now?: Date } = {}): ValidationKey | null {
  const v = value.trim();
  if (v === '') return opts.required ? 'required' : null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return 'dateFormat';
  if (!isRealIsoDate(v)) return 'dateInvalid';
  if (opts.notFuture && v > todayIso(opts.now)) return 'dateNotFuture';
  return null;
}

/** Moves focus to the first field marked invalid inside `root` (after a refused save), so the worker lands on it. */
export function focusFirstInvalid(root: HTMLElement | null): void {
  if (!root) return;
  const el = root.querySelector<HTMLElement>('[aria-invalid="true"], .field-invalid input, .field-invalid select, .field-invalid textarea, [data-error-focus]');
  el?.focus();
}
