import { afterEach, describe, expect, it } from 'vitest';
import type { SqliteHandle } from '../../../src-main/db/connection.js';
import { createKysely } from '../../../src-main/db/connection.js';
import { openPlainDemoDb } from '../../../src-main/demo/generate.js';
import { followupIssues } from '../../../src-main/domain/outcome-followup.js';
import { liveMonthCounts } from '../../../src-main/features/statistics/queries.js';
import { MonthCounts } from '../../../src-main/features/statistics/figures/counts.js';
import { sameTimeLastYear } from '../../../src-main/domain/statistics-period.js';
import { outcomeFigures } from '../../../src-main/features/statistics/figures/outcomes.js';

const NOW = new Date('2026-06-15T10:00:00Z');
const open: SqliteHandle[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

describe('demo outcome follow-ups', () => {
  it('follows up victims at intake and, in closed cases, at closing, by the app’s own date rules, so the dashboard has pairs by service', async () => {
    const { sqlite } = await openPlainDemoDb(':memory:', { size: 'small', profile: { persons: 800, cases: 400, extraWorkers: 4 }, seed: 11, now: NOW, firstWorker: { id: '0a0a0a0a-0a0a-4a0a-8a0a-0a0a0a0a0a0a', name: 'Vera Exempeldotter' } });
    open.push(sqlite);
    const rows = sqlite
      .prepare(`SELECT o.case_id, o.person_id, o.phase, o.followed_up_on, o.help_rating, c.intake_date, c.status, c.main_person_id FROM outcome_followups o JOIN cases c ON c.id = o.case_id`)
      .all() as { case_id: string; person_id: string; phase: 'intake' | 'closing'; followed_up_on: string; help_rating: number | null; intake_date: string; status: string; main_person_id: string }[];
    const intake = rows.filter((r) => r.phase === 'intake');
    const closing = rows.filter((r) => r.phase === 'closing');
    expect(intake.length).toBeGreaterThan(100);
    expect(closing.length).toBeGreaterThan(30);
    const today = NOW.toISOString().slice(0, 10);
    for (const r of rows) {
      expect(r.person_id).toBe(r.main_person_id);
      const other = rows.find((x) => x.case_id === r.case_id && x.phase !== r.phase);
      expect(followupIssues({ phase: r.phase, followedUpOn: r.followed_up_on, helpRating: r.help_rating }, { today, caseIntakeDate: r.intake_date, other: other ? { phase: other.phase, followedUpOn: other.followed_up_on, helpRating: other.help_rating } : null })).toEqual([]);
      if (r.phase === 'closing') expect(r.status).toBe('closed');
    }
    // declined answers are there, but few
    const declined = (sqlite.prepare(`SELECT count(*) AS n FROM outcome_followups WHERE safety IS NULL`).get() as { n: number }).n;
    expect(declined).toBeGreaterThan(0);
    expect(declined).toBeLessThan(rows.length / 5);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    // the dashboard's outcome figures for the last years have pairs, by service, and people feel safer on average
    const period = { from: '2024-01', to: '2026-06' };
    const fig = outcomeFigures(new MonthCounts(await liveMonthCounts(createKysely(sqlite), period, today)), { current: period, previous: sameTimeLastYear(period) }, []);
    expect(fig.total.pairs).toBeGreaterThan(20);
    expect(fig.rows.length).toBeGreaterThan(2);
    expect(fig.total.safetyChange.mean!).toBeGreaterThan(0);
  });
});
