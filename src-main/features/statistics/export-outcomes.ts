import type { CountTable, Mark, SuppressedTable } from '../../domain/suppression.js';
import type { Dashboard, ExportCell } from './contract.js';
import { cell } from './export-cell.js';
import type { OutcomeMean, OutcomeRow } from './figures/outcomes.js';

const OUTCOME_TABLE = 'outcomes';
const OUTCOME_PREVIOUS_TABLE = 'outcomes_previous';
const HIDDEN = '..';
const NOTHING = '–';
const PREVIOUS_LABEL = 'Samma period året innan, alla uppföljda';

/**
 * The pairs per service as count tables for the suppression. The row "all
 * pairs" is the column's total when the rows add up to it (no case with two
 * services in the period) — then a hidden row could be worked out from it, and
 * the suppression knows; otherwise it is a row of its own. All pairs of the
 * same period a year earlier are a table of their own: no other count of the
 * export adds up to them.
 */
export function outcomeCountTables(d: Dashboard): CountTable[] {
  const o = d.outcomes;
  const out: CountTable[] = [];
  if (o.total.pairs > 0) {
    const sum = o.rows.reduce((a, r) => a + r.pairs, 0);
    const additive = sum === o.total.pairs;
    out.push({ id: OUTCOME_TABLE, counts: [...o.rows.map((r) => [r.pairs]), ...(additive ? [] : [[o.total.pairs]])], showRowTotals: false, showColTotals: additive, showGrandTotal: false });
  }
  if (o.previousTotal.pairs > 0) out.push({ id: OUTCOME_PREVIOUS_TABLE, counts: [[o.previousTotal.pairs]], showRowTotals: false, showColTotals: false, showGrandTotal: false });
  return out;
}

const small = (n: number, t: number) => n > 0 && n < t;

/**
 * A mean with a decimal comma, as text (never mistaken for a count); a
 * negative one with the typographic minus (U+2212), which no spreadsheet
 * reads as the start of a formula.
 */
function signed(mean: number): string {
  const s = Math.abs(mean).toFixed(1).replace('.', ',');
  return mean < 0 ? `\u2212${s}` : s;
}

/**
 * A mean leaves only when at least `t` answers are behind it, and — beside
 * the mean of all pairs — when the answers it leaves out of that are none or
 * at least `t` (else subtracting the two sums gives the few left out).
 */
function meanCell(m: OutcomeMean, all: OutcomeMean, isTotal: boolean, t: number): ExportCell {
  if (m.mean === null) return NOTHING;
  if (m.answered < t) return HIDDEN;
  if (!isTotal && small(all.answered - m.answered, t)) return HIDDEN;
  return signed(m.mean);
}

/** A share of the pairs leaves only when neither its part nor the rest is a small count — here and in what the row leaves out of all pairs. */
function shareCell(yes: number, of: number, allYes: number, allOf: number, isTotal: boolean, t: number): ExportCell {
  if (of === 0) return NOTHING;
  const safe = (part: number, whole: number) => !small(part, t) && !small(whole - part, t);
  if (!safe(yes, of)) return HIDDEN;
  if (!isTotal && (small(allOf - of, t) || !safe(allYes - yes, allOf - of))) return HIDDEN;
  return `${Math.round((yes / of) * 100)} %`;
}

function countCell(mark: Mark | undefined, t: number): ExportCell {
  return mark ? cell(mark, t) : HIDDEN;
}

function rowLabel(r: OutcomeRow): string {
  if (r.code === 'all') return 'Alla uppföljda (varje person en gång)';
  if (r.code === 'none') return 'Utan insats';
  return r.label ?? 'Annan uppgift';
}

/**
 * The outcome table of the export: pairs per service (suppressed with the
 * other tables), and beside each count the mean changes, the shares where
 * the violence had stopped and the mean view of the help — shown only where
 * the count is shown and enough people are behind each figure. No free text
 * and no date finer than the month ever reach it: it is built from counts.
 */
export function outcomeExportRows(d: Dashboard, tables: ReadonlyMap<string, SuppressedTable>, t: number): ExportCell[][] {
  const title = ['Utfall: förändring mellan aktualisering och avslut (ärenden avslutade under perioden)'];
  const o = d.outcomes;
  if (o.total.pairs === 0 && o.previousTotal.pairs === 0) return [title, ['Inga uppgifter.'], []];
  const table = tables.get(OUTCOME_TABLE);
  if (o.total.pairs > 0 && !table) return [title, ['Tabellen har utelämnats för att skydda små antal.'], []];
  const all = o.total;
  const none = (label: string): ExportCell[] => [label, 0, NOTHING, NOTHING, NOTHING, NOTHING, NOTHING];
  const line = (r: OutcomeRow, mark: Mark | undefined, label = rowLabel(r)): ExportCell[] => {
    const isTotal = r.code === 'all';
    const count = countCell(mark, t);
    if (mark?.kind !== 'shown') return [label, count, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN];
    return [
      label,
      count,
      meanCell(r.safetyChange, all.safetyChange, isTotal, t),
      meanCell(r.wellBeingChange, all.wellBeingChange, isTotal, t),
      shareCell(r.stoppedAtIntake.yes, r.pairs, all.stoppedAtIntake.yes, all.pairs, isTotal, t),
      shareCell(r.stoppedAtClosing.yes, r.pairs, all.stoppedAtClosing.yes, all.pairs, isTotal, t),
      meanCell(r.help, all.help, isTotal, t),
    ];
  };
  let period: ExportCell[][] = [none(rowLabel(all))];
  if (table) {
    const additive = table.colTotals[0]?.kind !== 'absent';
    const marks: (Mark | undefined)[] = [...o.rows.map((_, i) => table.cells[i]?.[0]), additive ? table.colTotals[0] : table.cells[o.rows.length]?.[0]];
    period = [...o.rows.map((r, i) => line(r, marks[i])), line(all, marks[o.rows.length])];
  }
  // All pairs a year earlier: a total of its own (its figures are not compared with the period's rows), hidden with its count.
  const previous = o.previousTotal.pairs === 0 ? none(PREVIOUS_LABEL) : line(o.previousTotal, tables.get(OUTCOME_PREVIOUS_TABLE)?.cells[0]?.[0], PREVIOUS_LABEL);
  return [
    title,
    ['', 'Antal uppföljda', 'Trygghet, förändring', 'Mående, förändring', 'Våldet upphört, aktualisering', 'Våldet upphört, avslut', 'Synen på hjälpen (1–5)'],
    ...period,
    previous,
    [`Förändring = medelvärdet av personens egen skattning (1–5) vid avslut minus vid aktualisering; positiv är bättre. Andel = andel av de uppföljda som svarat att våldet har upphört. Ett ärende med flera insatser räknas på varje insats rad. Medelvärden och andelar visas bara där minst ${t} personer ligger bakom (${HIDDEN} = dolt).`],
    [],
  ];
}
