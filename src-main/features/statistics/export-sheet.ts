import { monthsOf, neutraliseCell, type MonthPeriod } from '../../domain/statistics-period.js';
import { suppress, type CellRef, type CountTable, type SuppressedTable } from '../../domain/suppression.js';
import type { Dashboard, ExportCell, ExportPreview, Share } from './contract.js';
import type { MonthCounts } from './figures/counts.js';
import { BREAKDOWN_TITLES, codeLabel } from './labels.js';
import { outcomeCountTables, outcomeExportRows } from './export-outcomes.js';
import { cell } from './export-cell.js';

/** A count table with what the export writes around it. */
interface LabelledTable {
  table: CountTable;
  title: string;
  rowLabels: string[];
  colLabels: string[];
}

const SECONDARY = '..';
/** A figure that does not exist (an average of no stays). */
const NOTHING = '–';

function periodLabel(p: MonthPeriod): string {
  return p.from === p.to ? p.from : `${p.from} – ${p.to}`;
}

/** Keys of figures that several tables show: the same value must be hidden everywhere or nowhere. */
const key = {
  newCases: (c: number) => `new_cases:${c}`,
  children: (c: number) => `children:${c}`,
  withService: (c: number) => `with_service:${c}`,
  goalMet: (c: number) => `goal_met:${c}`,
  placedChildren: (c: number) => `placed_children:${c}`,
  placementsEnded: (c: number) => `placements_ended:${c}`,
};

function twoColumn(id: string, title: string, rows: { label: string; current: number; previous: number }[], opts: { totals: boolean; shared?: Record<string, CellRef> }): LabelledTable {
  return {
    title,
    rowLabels: rows.map((r) => r.label),
    colLabels: ['Perioden', 'Samma period året innan'],
    table: {
      id,
      counts: rows.map((r) => [r.current, r.previous]),
      showRowTotals: false,
      showColTotals: opts.totals,
      showGrandTotal: false,
      ...(opts.shared ? { shared: opts.shared } : {}),
    },
  };
}

const totalsShared = (k: (c: number) => string): Record<string, CellRef> => ({ [k(0)]: { kind: 'colTotal', col: 0 }, [k(1)]: { kind: 'colTotal', col: 1 } });

/** Every count table of the export, built from the dashboard's own figures and the period's months. */
function tables(d: Dashboard, counts: MonthCounts): LabelledTable[] {
  const out: LabelledTable[] = [];
  const perMonth = counts.perMonth('new_cases', 'total', 'all');
  const lastYear = (m: string) => `${Number(m.slice(0, 4)) - 1}${m.slice(4)}`;
  out.push(
    twoColumn('new_cases_by_month', 'Nya ärenden per månad', monthsOf(d.period).map((m) => ({ label: m, current: perMonth.get(m) ?? 0, previous: perMonth.get(lastYear(m)) ?? 0 })), { totals: true, shared: totalsShared(key.newCases) }),
  );
  const [opened, withService, goalMet] = d.keyFigures;
  out.push(
    twoColumn(
      'key_figures',
      'Nyckeltal',
      [
        { label: 'Öppnade ärenden', current: opened!.current, previous: opened!.previous },
        { label: 'Öppnade ärenden med minst en insats', current: withService!.current, previous: withService!.previous },
        { label: 'Avslutade ärenden med målet uppnått', current: goalMet!.current, previous: goalMet!.previous },
      ],
      {
        totals: false,
        shared: {
          [key.newCases(0)]: { kind: 'cell', row: 0, col: 0 },
          [key.newCases(1)]: { kind: 'cell', row: 0, col: 1 },
          [key.withService(0)]: { kind: 'cell', row: 1, col: 0 },
          [key.withService(1)]: { kind: 'cell', row: 1, col: 1 },
          [key.goalMet(0)]: { kind: 'cell', row: 2, col: 0 },
          [key.goalMet(1)]: { kind: 'cell', row: 2, col: 1 },
        },
      },
    ),
  );
  out.push(
    twoColumn(
      'cases_with_service',
      'Öppnade ärenden med och utan insats',
      [
        { label: 'Med minst en insats', current: withService!.current, previous: withService!.previous },
        { label: 'Utan insats', current: opened!.current - withService!.current, previous: opened!.previous - withService!.previous },
      ],
      { totals: true, shared: { ...totalsShared(key.newCases), [key.withService(0)]: { kind: 'cell', row: 0, col: 0 }, [key.withService(1)]: { kind: 'cell', row: 0, col: 1 } } },
    ),
  );
  for (const b of d.breakdowns) {
    const rows = b.categories.map((c) => ({ label: b.id === 'services' ? (c.label ?? 'Annan uppgift') : codeLabel(b.id, c.code), current: c.current, previous: c.previous }));
    const byCase = ['source', 'gender', 'age_band', 'relation'].includes(b.id);
    const sharedTotals: Partial<Record<string, (c: number) => string>> = { children: key.children, placed_children_consent: key.placedChildren, placement_destination: key.placementsEnded };
    const totalsKey = byCase ? key.newCases : sharedTotals[b.id];
    const shared: Record<string, CellRef> = totalsKey ? totalsShared(totalsKey) : {};
    if (b.id === 'closing_reason') {
      const goal = b.categories.findIndex((c) => c.code === 'goal_met');
      shared[key.goalMet(0)] = { kind: 'cell', row: goal, col: 0 };
      shared[key.goalMet(1)] = { kind: 'cell', row: goal, col: 1 };
    }
    out.push(twoColumn(b.id, BREAKDOWN_TITLES[b.id], rows, { totals: b.currentTotal !== null, shared }));
  }
  const own = d.quality.childrenWithOwnDecision;
  out.push(
    twoColumn(
      'children_own_decision',
      'Barn i nya ärenden med eget beslut',
      [
        { label: 'Med eget beslut', current: own.current, previous: own.previous },
        { label: 'Utan eget beslut', current: own.currentOf - own.current, previous: own.previousOf - own.previous },
      ],
      { totals: true, shared: totalsShared(key.children) },
    ),
  );
  /**
   * A yes/no share as a table whose totals are the same figure as `whole`
   * elsewhere in the export. Months kept from before a measure existed (frozen
   * by retention) can make the totals differ from that figure; a column is
   * tied to it only where they agree, which is exactly when one could be
   * worked out from the other.
   */
  const share = (id: string, title: string, yes: string, no: string, v: Share, k: (c: number) => string, whole: [number, number] | null) => {
    const shared: Record<string, CellRef> = {};
    [v.currentOf, v.previousOf].forEach((of, col) => {
      if (whole === null || whole[col] === of) shared[k(col)] = { kind: 'colTotal', col };
    });
    return twoColumn(id, title, [{ label: yes, current: v.current, previous: v.previous }, { label: no, current: v.currentOf - v.current, previous: v.previousOf - v.previous }], { totals: true, shared });
  };
  const q = d.quality;
  const days = d.settings.riskAssessmentDays;
  const openedPair: [number, number] = [opened!.current, opened!.previous];
  out.push(share('risk_assessment_within_days', `Nya ärenden med riskbedömning inom ${days} dagar`, `Inom ${days} dagar`, 'Senare eller ingen', q.riskAssessmentWithinDays, key.newCases, openedPair));
  out.push(share('safety_plan', 'Nya ärenden med säkerhetsplan', 'Med säkerhetsplan', 'Utan säkerhetsplan', q.safetyPlan, key.newCases, openedPair));
  out.push(share('placed_children_own_decision', 'Medföljande barn med eget placeringsbeslut', 'Med eget beslut', 'Utan eget beslut', q.accompanyingChildrenWithOwnDecision, key.placedChildren, null));
  const pl = d.placements;
  out.push(
    twoColumn(
      PLACEMENTS_TABLE,
      'Placeringar i skyddat boende',
      [
        { label: 'Påbörjade placeringar', current: pl.current.started, previous: pl.previous.started },
        { label: 'Avslutade placeringar', current: pl.current.ended, previous: pl.previous.ended },
      ],
      { totals: false, shared: { [key.placementsEnded(0)]: { kind: 'cell', row: 1, col: 0 }, [key.placementsEnded(1)]: { kind: 'cell', row: 1, col: 1 } } },
    ),
  );
  return out;
}

const PLACEMENTS_TABLE = 'placements';

/**
 * Nights, cost and average length of placements: not counts, so not in the
 * suppression — but a sum over one or two stays tells about those people, so
 * each is shown only where the count behind it is shown (nights and cost
 * behind the started placements, which are never more than the stays billed
 * in the period; the average behind the ended ones).
 */
function placementRows(d: Dashboard, table: SuppressedTable, t: number): ExportCell[][] {
  const gated = (row: number, values: [number | null, number | null]): ExportCell[] =>
    values.map((v, col) => {
      const mark = table.cells[row]![col]!;
      if (mark.kind === 'shown') return v ?? NOTHING;
      return mark.kind === 'primary' ? `<${t}` : SECONDARY;
    });
  const { current: c, previous: p } = d.placements;
  const kronor = (ore: number) => Math.round(ore / 100);
  return [
    ['Vårddygn, vuxna', ...gated(0, [c.adultDays, p.adultDays])],
    ['Vårddygn, medföljande barn', ...gated(0, [c.childDays, p.childDays])],
    ['Kostnad, kronor', ...gated(0, [kronor(c.costOre), kronor(p.costOre)])],
    ['Genomsnittlig vistelsetid för avslutade placeringar, dygn', ...gated(1, [c.averageDays, p.averageDays])],
  ];
}


/**
 * The export, cell by cell: only aggregates, months at the finest, ages in
 * bands, every small count suppressed (primary and secondary) over all its
 * tables together, rates and medians only where the counts behind them are
 * shown, and every text neutralised against spreadsheet formulas.
 */
export function buildExport(d: Dashboard, counts: MonthCounts, threshold: number, createdMonth: string): ExportPreview {
  const labelled = tables(d, counts);
  const result = suppress([...labelled.filter((l) => l.rowLabels.length > 0).map((l) => l.table), ...outcomeCountTables(d)], threshold);
  const t = result.threshold;
  const byId = new Map<string, SuppressedTable>(result.tables.map((s) => [s.id, s]));
  const rows: ExportCell[][] = [
    ['Fristad – statistik över arbetet mot våld i nära relationer'],
    ['Period', periodLabel(d.period)],
    ['Jämförs med', periodLabel(d.comparison)],
    ['Skapad (månad)', createdMonth],
    ['Sekretess', `Antal från 1 till ${t - 1} visas som <${t}. ${SECONDARY} betyder att värdet döljs så att ett litet antal inte kan räknas fram.`],
    [],
  ];
  for (const l of labelled) {
    const s = byId.get(l.table.id);
    rows.push([l.title]);
    if (l.rowLabels.length === 0) {
      rows.push(['Inga uppgifter.'], []);
      continue;
    }
    if (!s) {
      rows.push(['Tabellen har utelämnats för att skydda små antal.'], []);
      continue;
    }
    rows.push(['', ...l.colLabels]);
    l.rowLabels.forEach((label, i) => rows.push([label, ...s.cells[i]!.map((m) => cell(m, t))]));
    if (l.table.showColTotals) rows.push(['Totalt', ...s.colTotals.map((m) => cell(m, t))]);
    if (l.table.id === 'key_figures') rows.push(...rates(d, s, t));
    if (l.table.id === PLACEMENTS_TABLE) rows.push(...placementRows(d, s, t));
    rows.push([]);
  }
  rows.push(...outcomeExportRows(d, byId, t));
  rows.push(...medianRows(d, t));
  return { period: d.period, threshold: t, rows: rows.map((r) => r.map((c) => (typeof c === 'string' ? neutraliseCell(c) : c))), withheld: result.withheld };
}

/** Key figures per 10,000 adults: a rate gives its count away, so it is shown only where the count is. */
function rates(d: Dashboard, keyFigures: SuppressedTable, t: number): ExportCell[][] {
  if (d.settings.adultPopulation === null) return [['Per 10 000 vuxna invånare', 'Folkmängd saknas i inställningarna']];
  const label = ['Öppnade ärenden per 10 000 vuxna', 'Med minst en insats per 10 000 vuxna', 'Målet uppnått per 10 000 vuxna'];
  return d.keyFigures.map((k, i) => [
    label[i]!,
    ...[k.currentPer10k, k.previousPer10k].map((rate, col) => {
      const mark = keyFigures.cells[i]![col]!;
      return mark.kind === 'shown' && rate !== null ? rate : mark.kind === 'primary' ? `<${t}` : SECONDARY;
    }),
  ]);
}

/** The median days to first contact, shown only when at least `t` cases are behind it (a median of few is one person's wait). */
function medianRows(d: Dashboard, t: number): ExportCell[][] {
  const m = d.quality.medianDaysToFirstContact;
  const show = (median: number | null, cases: number): ExportCell => (median === null ? NOTHING : cases >= t ? median : SECONDARY);
  return [['Kvalitet'], ['', 'Perioden', 'Samma period året innan'], ['Mediantid från aktualisering till första kontakt (dagar)', show(m.current, m.currentCases), show(m.previous, m.previousCases)]];
}
