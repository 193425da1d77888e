import { z } from 'zod';

/** Shared input pieces of the document features (assessments, checklists, plans). */

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Free text a worker types: NFC, trimmed, tabs and line breaks allowed, no other control characters. */
export function freeText(max: number, required: string | null = null) {
  const s = z
    .string({ error: required ?? 'Ska vara text.' })
    .normalize('NFC')
    .trim()
    .max(max, { error: `Högst ${max.toLocaleString('sv-SE')} tecken.` })
    .refine((v) => !CONTROL.test(v), { error: 'Texten innehåller otillåtna tecken.' });
  return required ? s.pipe(z.string().min(1, { error: required })) : s;
}

/** Optional free text: an empty string becomes null. */
export function optionalText(max: number) {
  return freeText(max)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));
}
