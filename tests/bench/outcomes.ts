/**
 * Benchmark of the outcome follow-up's share of the statistics (issue 8),
 * called from run.ts: counting the outcome pairs of a span of months from the
 * live records (what a month struck off by a change costs on the next read),
 * for this month (counted again on every read), the last full year and ten
 * years. Alone on a store of its own:
 * `npx tsx tests/bench/outcomes.ts [--cases N]` (a plain demo store in memory).
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../src-main/db/schema.js';
import { outcomeMonthCounts } from '../../src-main/features/statistics/queries-outcomes.js';
import { round, summarize, type Stat } from './stats.js';

export interface OutcomesBench {
  stats: Record<string, Stat & { label: string; pairs: number }>;
  lines: string[];
}

/** Times `outcomeMonthCounts` for the year before `now` and the ten years up to it. */
export async function benchOutcomes(db: Kysely<Database> | Transaction<Database>, now: Date, iterations: number): Promise<OutcomesBench> {
  const y = now.getUTCFullYear();
  const thisMonth = `${y}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
  const spans = [
    { key: 'outcomes_month', label: 'outcome pairs counted, this month (every read)', period: { from: thisMonth, to: thisMonth } },
    { key: 'outcomes_year', label: 'outcome pairs counted, last full year', period: { from: `${y - 1}-01`, to: `${y - 1}-12` } },
    { key: 'outcomes_ten_years', label: 'outcome pairs counted, ten years', period: { from: `${y - 9}-01`, to: `${y}-12` } },
  ];
  const stats: OutcomesBench['stats'] = {};
  for (const s of spans) {
    let pairs = 0;
    const run = () => {
      pairs = 0;
      return outcomeMonthCounts(db, s.period, (_m, _measure, dimension, value, n) => {
        if (dimension === 'pairs' && value === '*') pairs += Number(n);
      });
    };
    for (let i = 0; i < 3; i++) await run();
    const samples: number[] = [];
    for (let i = 0; i < iterations; i++) {
      await yieldToLoop();
      const t = performance.now();
      await run();
      samples.push(performance.now() - t);
    }
    stats[s.key] = { label: s.label, pairs, ...summarize(samples) };
  }
  const lines = ['', 'Outcome follow-up (live count of a span, ms):'];
  for (const [key, s] of Object.entries(stats)) lines.push(`  ${s.label.padEnd(48)} pairs=${String(s.pairs).padStart(6)}  n=${String(s.n).padStart(4)}  p50 ${round(s.p50, 1)}  p95 ${round(s.p95, 1)}  (${key})`);
  return { stats, lines };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { openPlainDemoDb } = await import('../../src-main/demo/generate.js');
  const { createKysely } = await import('../../src-main/db/connection.js');
  const at = process.argv.indexOf('--cases');
  const cases = at > 0 ? Number(process.argv[at + 1]) : 50_000;
  const now = new Date();
  const t = performance.now();
  const { sqlite } = await openPlainDemoDb(':memory:', { size: 'large', profile: { persons: cases * 2, cases, extraWorkers: 20 }, seed: 8, now, firstWorker: { id: '0a0a0a0a-0a0a-4a0a-8a0a-0a0a0a0a0a0a', name: 'Bänk Mätare' } });
  console.log(`store of ${cases} cases built in ${Math.round(performance.now() - t)} ms; follow-ups: ${(sqlite.prepare('SELECT count(*) AS n FROM outcome_followups').get() as { n: number }).n}`);
  console.log((await benchOutcomes(createKysely(sqlite), now, 30)).lines.join('\n'));
  sqlite.close();
}
