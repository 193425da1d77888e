/**
 * Benchmark of the statistics feature (issue 8), called from run.ts: the whole
 * dashboard for a year and for a quarter (kept monthly counts current, and
 * every month recounted as after changes), ten years, the export preview, and
 * the CSV and XLSX exports, through the router, at the store's scale.
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { Router } from '../../src-main/api/router.js';
import type { Session } from '../../src-main/api/context.js';
import { round, summarize, type Stat } from './stats.js';

export const STATISTICS_TARGETS = { dashboardP95Ms: 50, xlsxExportP95Ms: 1000 };

interface StatisticsKind {
  key: string;
  label: string;
  channel: string;
  input: unknown;
  iterations: number;
  /** Untimed, before each call: strike every kept month off, to measure a dashboard right after changes (the first look of the day). */
  cold?: boolean;
}

/** What is measured: the year and quarter that contain `now`, the year before (a full year of data), and the exports of that year. */
function kinds(now: Date, iterations: number): StatisticsKind[] {
  const y = now.getUTCFullYear();
  const q = Math.floor(now.getUTCMonth() / 3);
  const pad = (n: number) => String(n).padStart(2, '0');
  const lastYear = { from: `${y - 1}-01`, to: `${y - 1}-12` };
  const few = Math.max(20, Math.round(iterations / 10));
  return [
    { key: 'dashboard_year', label: 'dashboard, last full year vs the year before', channel: 'statistics.dashboard', input: lastYear, iterations },
    { key: 'dashboard_year_cold', label: 'dashboard, last full year, every month recounted', channel: 'statistics.dashboard', input: lastYear, iterations: few, cold: true },
    { key: 'dashboard_quarter', label: 'dashboard, this quarter vs a year earlier', channel: 'statistics.dashboard', input: { from: `${y}-${pad(q * 3 + 1)}`, to: `${y}-${pad(q * 3 + 3)}` }, iterations },
    { key: 'dashboard_ten_years', label: 'dashboard, ten years', channel: 'statistics.dashboard', input: { from: `${y - 9}-01`, to: `${y}-12` }, iterations: few },
    { key: 'export_preview_year', label: 'export preview (suppression), last full year', channel: 'statistics.exportPreview', input: lastYear, iterations: few },
    { key: 'export_csv_year', label: 'CSV export, last full year', channel: 'statistics.export', input: { period: lastYear, format: 'csv' }, iterations: few },
    { key: 'export_xlsx_year', label: 'XLSX export, last full year', channel: 'statistics.export', input: { period: lastYear, format: 'xlsx' }, iterations: few },
  ];
}

export interface StatisticsBench {
  stats: Record<string, Stat & { label: string }>;
  pass: { dashboard: boolean; xlsx: boolean };
  lines: string[];
}

/** Measures each kind warm (a fifth of the calls as warm-up), yielding to the event loop between calls as IPC would. */
export async function benchStatistics(router: Router, session: Session, now: Date, iterations: number): Promise<StatisticsBench> {
  const stats: StatisticsBench['stats'] = {};
  for (const k of kinds(now, iterations)) {
    const call = async () => {
      const r = await router.invoke(k.channel, k.input);
      if (!r.ok) throw new Error(`${k.channel} failed: ${r.error.code} ${r.error.message}`);
    };
    for (let i = 0; i < Math.max(3, Math.round(k.iterations / 5)); i++) await call();
    const samples: number[] = [];
    for (let i = 0; i < k.iterations; i++) {
      if (k.cold) await session.db.deleteFrom('statistics_counted').where('frozen', '=', 0).execute();
      await yieldToLoop();
      const t = performance.now();
      await call();
      samples.push(performance.now() - t);
    }
    stats[k.key] = { label: k.label, ...summarize(samples) };
  }
  const dashboardP95 = Math.max(stats.dashboard_year!.p95, stats.dashboard_quarter!.p95);
  const pass = { dashboard: dashboardP95 <= STATISTICS_TARGETS.dashboardP95Ms, xlsx: stats.export_xlsx_year!.p95 <= STATISTICS_TARGETS.xlsxExportP95Ms };
  const lines = ['', 'Statistics (warm, through router.invoke, ms):'];
  for (const [key, s] of Object.entries(stats)) lines.push(`  ${s.label.padEnd(48)} n=${String(s.n).padStart(4)}  p50 ${round(s.p50, 1)}  p95 ${round(s.p95, 1)}  p99 ${round(s.p99, 1)}  (${key})`);
  lines.push(`  dashboard p95 ${round(dashboardP95, 1)} ms, target ≤ ${STATISTICS_TARGETS.dashboardP95Ms} ms: ${pass.dashboard ? 'pass' : 'MISS'}; XLSX export p95 ${round(stats.export_xlsx_year!.p95, 1)} ms, target ≤ ${STATISTICS_TARGETS.xlsxExportP95Ms} ms: ${pass.xlsx ? 'pass' : 'MISS'}`);
  return { stats, pass, lines };
}
