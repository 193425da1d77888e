/**
 * A register extract gives a person what the unit holds about them, not
 * about others. Free text of the person's own case can name other people
 * (the person who used violence, a child): their names and numbers are
 * masked. Pure.
 */

export interface NamedPerson {
  firstName: string;
  lastName: string;
  personalNumber: string | null;
}

export const MASK = '[annan person]';

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The written forms of a canonical number: `YYYYMMDD-NNNC`, `YYMMDD-NNNC`, and both without the dash. */
function numberForms(n: string): string[] {
  const m = /^(\d{2})(\d{6})[-+](\d{4})$/.exec(n);
  if (!m) return [n];
  return [`${m[1]}${m[2]}-${m[3]}`, `${m[2]}-${m[3]}`, `${m[1]}${m[2]}${m[3]}`, `${m[2]}${m[3]}`];
}

/**
 * Masks every other person's full name, first name, last name and number in
 * `text` — except a name the subject shares (a family name), which would
 * mask the subject too and tells nothing new.
 *
 * @example maskOthers('Rolf Exempelgren kom hem.', { firstName: 'Elin', lastName: 'Påhitt', personalNumber: null }, [{ firstName: 'Rolf', lastName: 'Exempelgren', personalNumber: null }])
 * // { text: '[annan person] kom hem.', masked: 1 }
 */
export function maskOthers(text: string, subject: NamedPerson, others: readonly NamedPerson[]): { text: string; masked: number } {
  const own = new Set([subject.firstName, subject.lastName].map((s) => s.toLocaleLowerCase('sv')));
  const terms = new Set<string>();
  for (const o of others) {
    terms.add(`${o.firstName} ${o.lastName}`);
    if (o.personalNumber) for (const f of numberForms(o.personalNumber)) terms.add(f);
    for (const part of [o.firstName, o.lastName]) if (!own.has(part.toLocaleLowerCase('sv'))) terms.add(part);
  }
  // Longest first, so a full name is masked as one before its parts.
  const ordered = [...terms].filter((t) => t.trim().length > 0).sort((a, b) => b.length - a.length);
  if (ordered.length === 0) return { text, masked: 0 };
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${ordered.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  let masked = 0;
  const out = text.replace(pattern, () => {
    masked++;
    return MASK;
  });
  return { text: out, masked };
}
