/** The aria-describedby list of a field: its hint, any extra text, then its error. */
export function describedBy(id: string, has: { hint?: boolean; error?: boolean; extra?: string | undefined }): string | undefined {
  const ids = [has.hint ? `${id}-hint` : null, has.extra ?? null, has.error ? `${id}-error` : null].filter((x): x is string => x !== null);
  return ids.length > 0 ? ids.join(' ') : undefined;
}
