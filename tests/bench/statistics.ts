/**
 * Benchmark of the statistics feature (issue 8), called from run.ts: the whole
 * dashboard through the router at the store's scale for the current month,
 * the current quarter, the last full year, ten years and a custom span (kept
 * monthly counts current), the export preview and the CSV and XLSX exports;
 * and apart from those, the reads that count again: the first read of a day
 * (the current month counted again, as after midnight) and of a month (the
 * month just ended too), ten years with no
 * kept rows in memory (the first read after the app starts), and a year with
 * every month counted again (as after changes in every month).
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { sql } from 'kysely';
import type { Router } from '../../src-main/api/router.js';
import type { Session } from '../../src-main/api/context.js';
import { localIsoDate } from '../../src-main/domain/dates.js';
import { addMonths } from '../../src-main/domain/statistics-period.js';
import { forgetRowsInMemory } from '../../src-main/features/statistics/month-store.js';
import { round, summarize, type Stat } from './stats.js';

export const STATISTICS_TARGETS = { dashboardP95Ms: 50, xlsxExportP95Ms: 1000 };

/** Untimed work before each measured call, to put the store in the state that kind measures. */
type Before = (session: Session, now: Date) => Promise<void>;

interface StatisticsKind {
  key: string;
  label: string;
  channel: string;
  input: unknown;
  iterations: number;
  /** Counted in the dashboard verdict (every warm dashboard read). */
  dashboard?: boolean;
  before?: Before;
}

/** Every kept month struck off: a dashboard right after changes in every month. */
const strikeAll: Before = async (session) => {
  await session.db.deleteFrom('statistics_counted').where('frozen', '=', 0).execute();
};
/** The current month as the first read of a new day finds it: counted yesterday. */
const countedYesterday: Before = async (session, now) => {
  const today = localIsoDate(now);
  await sql`UPDATE statistics_counted SET counted_on = date(${today}, '-1 day') WHERE month = ${today.slice(0, 7)} AND frozen = 0`.execute(session.db);
};
/** The current month and the one before as the first read of a new month finds them: both counted during the month before. */
const countedLastMonth: Before = async (session, now) => {
  const thisMonth = localIsoDate(now).slice(0, 7);
  const lastMonth = addMonths(thisMonth, -1);
  await sql`UPDATE statistics_counted SET counted_on = ${`${lastMonth}-28`} WHERE month IN (${thisMonth}, ${lastMonth}) AND frozen = 0`.execute(session.db);
};
/** No kept rows in memory: the first read after the app starts reads them from the store. */
const nothingInMemory: Before = async () => forgetRowsInMemory();

/** What is measured: the month, quarter and year that contain `now`, the year before (a full year of data), ten years, a custom span, and the exports of the full year. */
function kinds(now: Date, iterations: number): StatisticsKind[] {
  const today = localIsoDate(now);
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const q = Math.floor((m - 1) / 3);
  const pad = (n: number) => String(n).padStart(2, '0');
  const thisMonth = { from: `${y}-${pad(m)}`, to: `${y}-${pad(m)}` };
  const lastYear = { from: `${y - 1}-01`, to: `${y - 1}-12` };
  const tenYears = { from: `${y - 9}-01`, to: `${y}-12` };
  const few = Math.max(20, Math.round(iterations / 10));
  const dash = 'statistics.dashboard';
  return [
    { key: 'dashboard_month', label: 'dashboard, this month vs a year earlier', channel: dash, input: thisMonth, iterations, dashboard: true },
    { key: 'dashboard_quarter', label: 'dashboard, this quarter vs a year earlier', channel: dash, input: { from: `${y}-${pad(q * 3 + 1)}`, to: `${y}-${pad(q * 3 + 3)}` }, iterations, dashboard: true },
    { key: 'dashboard_this_year', label: 'dashboard, this year vs last year', channel: dash, input: { from: `${y}-01`, to: `${y}-12` }, iterations, dashboard: true },
    { key: 'dashboard_year', label: 'dashboard, last full year vs the year before', channel: dash, input: lastYear, iterations, dashboard: true },
    { key: 'dashboard_ten_years', label: 'dashboard, ten years', channel: dash, input: tenYears, iterations, dashboard: true },
    { key: 'dashboard_custom', label: 'dashboard, custom span (19 months)', channel: dash, input: { from: `${y - 3}-06`, to: `${y - 1}-12` }, iterations, dashboard: true },
    { key: 'export_preview_year', label: 'export preview (suppression), last full year', channel: 'statistics.exportPreview', input: lastYear, iterations: few },
    { key: 'export_csv_year', label: 'CSV export, last full year', channel: 'statistics.export', input: { period: lastYear, format: 'csv' }, iterations: few },
    { key: 'export_xlsx_year', label: 'XLSX export, last full year', channel: 'statistics.export', input: { period: lastYear, format: 'xlsx' }, iterations: few },
    { key: 'first_of_day_quarter', label: 'first read of a day, this quarter', channel: dash, input: { from: `${y}-${pad(q * 3 + 1)}`, to: `${y}-${pad(q * 3 + 3)}` }, iterations: few, before: countedYesterday },
    { key: 'first_of_day_ten_years', label: 'first read of a day, ten years', channel: dash, input: tenYears, iterations: few, before: countedYesterday },
    { key: 'first_of_month_quarter', label: 'first read of a month, this quarter', channel: dash, input: { from: `${y}-${pad(q * 3 + 1)}`, to: `${y}-${pad(q * 3 + 3)}` }, iterations: few, before: countedLastMonth },
    { key: 'ten_years_from_store', label: 'ten years, no kept rows in memory', channel: dash, input: tenYears, iterations: few, before: nothingInMemory },
    { key: 'dashboard_year_cold', label: 'last full year, every month counted again', channel: dash, input: lastYear, iterations: few, before: strikeAll },
  ];
}

export interface StatisticsBench {
  stats: Record<string, Stat & { label: string }>;
  pass: { dashboard: boolean; xlsx: boolean; firstReadOfDay: boolean };
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
      if (k.before) await k.before(session, now);
      await yieldToLoop();
      const t = performance.now();
      await call();
      samples.push(performance.now() - t);
    }
    stats[k.key] = { label: k.label, ...summarize(samples) };
  }
  const dashboardP95 = Math.max(...kinds(now, iterations).filter((k) => k.dashboard).map((k) => stats[k.key]!.p95));
  const firstOfDayP95 = Math.max(stats.first_of_day_quarter!.p95, stats.first_of_day_ten_years!.p95);
  const pass = {
    dashboard: dashboardP95 <= STATISTICS_TARGETS.dashboardP95Ms,
    xlsx: stats.export_xlsx_year!.p95 <= STATISTICS_TARGETS.xlsxExportP95Ms,
    firstReadOfDay: firstOfDayP95 <= STATISTICS_TARGETS.dashboardP95Ms,
  };
  const verdict = (ok: boolean) => (ok ? 'pass' : 'MISS');
  const lines = ['', 'Statistics (warm, through router.invoke, ms):'];
  for (const [key, s] of Object.entries(stats)) lines.push(`  ${s.label.padEnd(48)} n=${String(s.n).padStart(4)}  p50 ${round(s.p50, 1)}  p95 ${round(s.p95, 1)}  p99 ${round(s.p99, 1)}  (${key})`);
  lines.push(`  dashboard p95 (worst warm period) ${round(dashboardP95, 1)} ms, target ≤ ${STATISTICS_TARGETS.dashboardP95Ms} ms: ${verdict(pass.dashboard)}; first read of a day p95 ${round(firstOfDayP95, 1)} ms: ${verdict(pass.firstReadOfDay)}; XLSX export p95 ${round(stats.export_xlsx_year!.p95, 1)} ms, target ≤ ${STATISTICS_TARGETS.xlsxExportP95Ms} ms: ${verdict(pass.xlsx)}`);
  return { stats, pass, lines };
}

// Alone: `npx tsx tests/bench/statistics.ts --size large --iterations 200` (builds a demo vault with a cheap KDF, measures, removes it).
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const opt = (n: string) => {
    const i = process.argv.indexOf(`--${n}`);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const size = (opt('size') ?? 'large') as 'small' | 'large';
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { generateDemoVault } = await import('../../src-main/demo/generate.js');
  const { Core } = await import('../../src-main/core.js');
  const { createAppRouter } = await import('../../src-main/api/app-router.js');
  const dir = mkdtempSync(join(tmpdir(), 'fristad-bench-stats-'));
  try {
    const kdf = { name: 'scrypt' as const, N: 2 ** 12, r: 8, p: 1 };
    const now = new Date();
    const t = performance.now();
    const v = await generateDemoVault({ dir, size, kdf, passphrase: 'bänkens långa lösenord', now });
    console.log(`${size} store built in ${round((performance.now() - t) / 1000, 1)} s`);
    const core = new Core({ vaultDir: dir, kdf });
    await core.unlock(v.workerId, 'bänkens långa lösenord');
    const result = await benchStatistics(createAppRouter(core), core.requireSession(), now, Number(opt('iterations') ?? 200));
    console.log(result.lines.join('\n'));
    await core.lock('quit');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
