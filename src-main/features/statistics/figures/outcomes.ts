import type { MonthPeriod } from '../../../domain/statistics-period.js';
import type { ViolenceStopped } from '../../../domain/outcome-followup.js';
import { ALL_PAIRS, NO_SERVICE, OUTCOME_MEASURE } from '../queries-outcomes.js';
import type { MonthCounts } from './counts.js';

/** A mean of the answers given (declined answers left out): how many answered, their sum, and the mean to one decimal (null when none). */
export interface OutcomeMean {
  answered: number;
  sum: number;
  mean: number | null;
}

/** One group of pairs: a service type, the cases without a service (`none`), or all pairs (`all`). */
export interface OutcomeRow {
  code: string;
  /** The unit's label of a service type; null for `none` and `all` (the renderer names them). */
  label: string | null;
  pairs: number;
  safetyChange: OutcomeMean;
  wellBeingChange: OutcomeMean;
  /** Pairs by the answer to "has the violence stopped?", at intake and at closing. */
  stoppedAtIntake: Record<ViolenceStopped, number>;
  stoppedAtClosing: Record<ViolenceStopped, number>;
  help: OutcomeMean;
}

/** The outcome follow-up of the period: cases closed in it with an intake and a closing follow-up of the same person. */
export interface OutcomeFigures {
  /** By service type, in the unit's order, then `none`; only groups with pairs. A case with two services is in both rows. */
  rows: OutcomeRow[];
  /** Every pair once. */
  total: OutcomeRow;
  /** Every pair once in the same period a year earlier (the dashboard's comparison). */
  previousTotal: OutcomeRow;
}

function mean(hist: Map<string, number>): OutcomeMean {
  let answered = 0;
  let sum = 0;
  for (const [bucket, n] of hist) {
    answered += n;
    sum += Number(bucket) * n;
  }
  return { answered, sum, mean: answered === 0 ? null : Math.round((sum / answered) * 10) / 10 };
}

function stopped(hist: Map<string, number>): Record<ViolenceStopped, number> {
  return { yes: hist.get('yes') ?? 0, partly: hist.get('partly') ?? 0, no: hist.get('no') ?? 0, unknown: hist.get('unknown') ?? 0 };
}

/**
 * The outcome figures of a period from the kept monthly counts (pure), with
 * the total of the same period a year earlier beside them.
 */
export function outcomeFigures(counts: MonthCounts, periods: { current: MonthPeriod; previous: MonthPeriod }, serviceTypes: { code: string; label: string }[]): OutcomeFigures {
  const labels = new Map(serviceTypes.map((t) => [t.code, t.label]));
  const current = outcomeGroups(counts, periods.current, labels);
  const order = [...serviceTypes.map((t) => t.code), ...current.groups().filter((g) => g !== ALL_PAIRS && g !== NO_SERVICE && !labels.has(g)).sort(), NO_SERVICE];
  return {
    rows: order.filter((g) => current.pairsOf(g) > 0).map((g) => current.row(g, g)),
    total: current.row(ALL_PAIRS, 'all'),
    previousTotal: outcomeGroups(counts, periods.previous, labels).row(ALL_PAIRS, 'all'),
  };
}

/** The pairs of one period by group (service type, `none`, `all`), and the figures of a group as a row. */
function outcomeGroups(counts: MonthCounts, period: MonthPeriod, labels: ReadonlyMap<string, string>) {
  /** dimension → group → bucket → count */
  const by = (dimension: string) => {
    const out = new Map<string, Map<string, number>>();
    for (const [value, n] of counts.values(OUTCOME_MEASURE, dimension, period)) {
      const cut = value.indexOf('|');
      const group = cut < 0 ? value : value.slice(0, cut);
      const bucket = cut < 0 ? '' : value.slice(cut + 1);
      const m = out.get(group) ?? new Map<string, number>();
      m.set(bucket, (m.get(bucket) ?? 0) + n);
      out.set(group, m);
    }
    return out;
  };
  const pairs = by('pairs');
  const safety = by('safety_change');
  const well = by('well_being_change');
  const stoppedIn = by('stopped_intake');
  const stoppedOut = by('stopped_closing');
  const help = by('help');
  const empty = new Map<string, number>();
  const pairsOf = (group: string) => pairs.get(group)?.get('') ?? 0;
  const row = (group: string, code: string): OutcomeRow => ({
    code,
    label: labels.get(group) ?? null,
    pairs: pairsOf(group),
    safetyChange: mean(safety.get(group) ?? empty),
    wellBeingChange: mean(well.get(group) ?? empty),
    stoppedAtIntake: stopped(stoppedIn.get(group) ?? empty),
    stoppedAtClosing: stopped(stoppedOut.get(group) ?? empty),
    help: mean(help.get(group) ?? empty),
  });
  return { row, pairsOf, groups: () => [...pairs.keys()] };
}
