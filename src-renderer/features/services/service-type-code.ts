/**
 * A stable code for a new service type, made from its name: a–z, digits and
 * underscores, 2–40 characters (the contract's rule), unique in the list.
 * "Stödsamtal för barn" → "stodsamtal_for_barn".
 */
export function codeForLabel(label: string, taken: readonly string[]): string {
  const base =
    label
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 34)
      .replace(/_+$/, '') || 'insats';
  const stem = base.length >= 2 ? base : `insats_${base}`;
  if (!taken.includes(stem)) return stem;
  for (let n = 2; ; n += 1) {
    const candidate = `${stem}_${n}`;
    if (!taken.includes(candidate)) return candidate;
  }
}
