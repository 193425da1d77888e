import { i18n } from '../i18n';
import type { Messages } from '../i18n/sv';

/** A client-side finding: the key of its text under `validation` in the language packs. */
export type ValidationKey = keyof Messages['validation'];
export type FieldFindings<F extends string> = Partial<Record<F, ValidationKey>>;

export function hasFindings(findings: object): boolean {
  return Object.keys(findings).length > 0;
}

/** The findings as text, in the current language, keyed like the fields. */
export function translateFindings<F extends string>(findings: FieldFindings<F>): Partial<Record<F, string>> {
  const out: Partial<Record<F, string>> = {};
  for (const [field, key] of Object.entries(findings) as [F, ValidationKey | undefined][]) {
    if (key) out[field] = i18n.t(`validation.${key}`);
  }
  return out;
}
