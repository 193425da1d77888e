import { parsePersonalNumber, type PersonalNumberError } from './personal-number.js';

/**
 * The accompanying children of one row of a unit's placement log. Swedish
 * units keep one row per placement (the adult) and write the children who
 * came along in one cell: their personnummer separated by commas or line
 * breaks, each optionally followed by the child's name —
 * `20150304-1236 Alva Östlund, 20180101-2389`. A second cell may hold each
 * child's own decision reference in the same order, also comma-separated.
 * Pure: text in, children or the reasons the cell is refused out.
 */

export interface ImportedChild {
  canonical: string;
  numberKind: 'personnummer' | 'samordningsnummer';
  birthDate: string;
  birthYear: number;
  /** From the cell; empty when only the number is written. */
  firstName: string;
  lastName: string;
  /** The child's own decision reference, or '' when the log has none. */
  decisionRef: string;
}

const split = (cell: string) =>
  cell
    .split(/[,\n\r]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

/**
 * A number optionally followed by a name, as units write a person in one
 * cell: `20150304-1236 Alva Östlund`. Null when the cell does not start
 * with digits.
 */
export function splitNumberAndName(entry: string): { number: string; firstName: string; lastName: string } | null {
  const m = /^([\d+\-\s]*\d)(?:\s+(\D.*))?$/.exec(entry.trim());
  if (!m) return null;
  const [firstName = '', ...rest] = (m[2] ?? '').trim().split(/\s+/).filter((s) => s !== '');
  return { number: m[1]!.replace(/\s+/g, ''), firstName, lastName: rest.join(' ') };
}

/** Whether someone born on `birthDate` is under 18 on `date` (both ISO dates). */
export function isMinorOn(birthDate: string, date: string): boolean {
  const eighteenth = `${String(Number(birthDate.slice(0, 4)) + 18).padStart(4, '0')}${birthDate.slice(4)}`;
  return date < eighteenth;
}

/**
 * Reads the children cell (and the decisions cell) of a row. Every child is
 * checked: a number that is no personnummer or samordningsnummer, a child
 * written twice, the adult of the row written as a child, someone who is 18
 * or older on the start date, and a count of decisions that does not match
 * the count of children are each a reason, named by the child's place.
 */
export function parseChildrenCell(
  childrenCell: string,
  decisionsCell: string,
  ctx: { adult: string | null; startDate: string | null; now: Date; numberMessages: Record<PersonalNumberError, string> },
): { children: ImportedChild[]; reasons: string[] } {
  const entries = split(childrenCell);
  const refs = split(decisionsCell);
  const reasons: string[] = [];
  if (refs.length > 0 && refs.length !== entries.length) {
    reasons.push(`Antalet barnbeslut (${refs.length}) stämmer inte med antalet medföljande barn (${entries.length}). Skriv ett beslut per barn i samma ordning, åtskilda med komma.`);
  }
  const children: ImportedChild[] = [];
  const seen = new Set<string>();
  entries.forEach((entry, i) => {
    const label = entries.length > 1 ? `Barn ${i + 1} (”${entry}”)` : `Barnet ”${entry}”`;
    const m = splitNumberAndName(entry);
    if (!m) {
      reasons.push(`${label}: börja med barnets personnummer, t.ex. 20150304-1236 Alva Östlund.`);
      return;
    }
    const pn = parsePersonalNumber(m.number, ctx.now);
    if (!pn.ok) {
      reasons.push(`${label}: ogiltigt personnummer: ${ctx.numberMessages[pn.error]}`);
      return;
    }
    const { canonical, kind, birthDate, birthYear } = pn.value;
    if (canonical === ctx.adult) reasons.push(`${label}: den placerade personen kan inte också stå som medföljande barn.`);
    else if (seen.has(canonical)) reasons.push(`${label}: barnet står redan med på raden.`);
    else if (ctx.startDate && !isMinorOn(birthDate, ctx.startDate)) reasons.push(`${label}: är 18 år eller äldre på startdatumet och kan inte vara medföljande barn.`);
    seen.add(canonical);
    children.push({ canonical, numberKind: kind, birthDate, birthYear, firstName: m.firstName, lastName: m.lastName, decisionRef: refs[i] ?? '' });
  });
  return { children, reasons };
}
