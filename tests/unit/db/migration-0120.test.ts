import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { FRISTAD_APPLICATION_ID, createKysely, migrateToLatest, openSqlite } from '../../../src-main/db/connection.js';
import { monthCountsFor } from '../../../src-main/features/statistics/month-store.js';
import { tempDir } from '../../support/temp.js';

describe('migration 0120-statistics-today', () => {
  it('keeps every counted month and its rows, marks them counted after they ended, and gives month counts their indexes', async () => {
    // given a file at 0110 with kept statistics (one month frozen, one not) and the records they were counted from
    const sqlite = openSqlite(join(tempDir(), 'fristad.db'), randomBytes(32), { create: true });
    sqlite.pragma(`application_id = ${FRISTAD_APPLICATION_ID}`);
    const db = createKysely(sqlite);
    await migrateToLatest(sqlite, db, '0110-outcome-followups');
    sqlite.exec(`INSERT INTO workers (id, name, role, active, created_at) VALUES ('w1', 'Kvar Efter', 'samordnare', 1, '2026-01-01T00:00:00Z');
      INSERT INTO persons (id, first_name, last_name, number_kind, personal_number, birth_year, gender, protection_level, created_at, created_by, updated_at)
        VALUES ('p1', 'Åsa', 'Östlund', 'none', NULL, 1980, 'kvinna', 'none', '2026-01-01T00:00:00Z', 'w1', '2026-01-01T00:00:00Z');
      INSERT INTO cases (id, case_number, main_person_id, intake_date, intake_source, status, assigned_worker_id, closed_at, closing_reason, created_at, created_by, updated_at)
        VALUES ('c1', '2025-0001', 'p1', '2025-03-05', 'report_police', 'closed', 'w1', '2025-04-02', 'goal_met', '2025-03-05T09:00:00Z', 'w1', '2025-04-02T09:00:00Z');
      INSERT INTO case_persons (case_id, person_id, role) VALUES ('c1', 'p1', 'victim');
      INSERT INTO statistics_months (month, measure, dimension, value, count) VALUES
        ('2018-03', 'new_cases', 'total', 'all', 12), ('2025-03', 'new_cases', 'total', 'all', 1), ('2025-04', 'closed_cases', 'total', 'all', 1);
      INSERT INTO statistics_counted (month, frozen) VALUES ('2018-03', 1), ('2025-03', 0), ('2025-04', 0);`);

    // when it migrates
    await migrateToLatest(sqlite, db);

    // then every kept month is still there, counted on the first day after it ended, each under its own count id
    const counted = sqlite.prepare(`SELECT month, frozen, counted_on, count_id FROM statistics_counted ORDER BY month`).all() as { month: string; frozen: number; counted_on: string; count_id: string }[];
    expect(counted.map(({ month, frozen, counted_on }) => ({ month, frozen, counted_on }))).toEqual([
      { month: '2018-03', frozen: 1, counted_on: '2018-04-01' },
      { month: '2025-03', frozen: 0, counted_on: '2025-04-01' },
      { month: '2025-04', frozen: 0, counted_on: '2025-05-01' },
    ]);
    expect(new Set(counted.map((r) => r.count_id)).size).toBe(3);
    for (const r of counted) expect(r.count_id).toMatch(/^[0-9a-f]{32}$/);
    expect(sqlite.prepare(`SELECT month, measure, value, count FROM statistics_months ORDER BY month`).all()).toEqual([
      { month: '2018-03', measure: 'new_cases', value: 'all', count: 12 },
      { month: '2025-03', measure: 'new_cases', value: 'all', count: 1 },
      { month: '2025-04', measure: 'closed_cases', value: 'all', count: 1 },
    ]);
    // and the kept months hold on a later day: read as they are, not counted again (2018-03 has no case behind its 12)
    const rows = await db.transaction().execute((trx) => monthCountsFor(trx, { from: '2018-03', to: '2018-03' }, '2026-11-23'));
    expect(rows).toEqual([{ month: '2018-03', measure: 'new_cases', dimension: 'total', value: 'all', count: 12 }]);
    expect(sqlite.prepare(`SELECT counted_on FROM statistics_counted WHERE month = '2025-03'`).get()).toEqual({ counted_on: '2025-04-01' });
    // and a day that is not a date is refused
    expect(() => sqlite.exec(`UPDATE statistics_counted SET counted_on = 'idag' WHERE month = '2025-03'`)).toThrow(/CHECK/);
    // and one month's services, decisions, closed cases and assessments are read through an index, not a scan of the table
    for (const [table, column, extra] of [['services', 'start_date', 'service_type'], ['decisions', 'decision_date', 'outcome'], ['cases', 'closed_at', 'closing_reason'], ['risk_assessments', 'assessed_on', 'level']] as const) {
      const plan = sqlite.prepare(`EXPLAIN QUERY PLAN SELECT substr(${column}, 1, 7) AS m, ${extra}, count(*) FROM ${table} WHERE ${column} >= ? AND ${column} < ? GROUP BY m, ${extra}`).all('2025-03-01', '2025-04-01') as { detail: string }[];
      expect(plan.map((p) => p.detail).join(' / ')).toMatch(new RegExp(`SEARCH ${table} USING COVERING INDEX \\w+ \\(${column}>\\? AND ${column}<\\?\\)`));
    }
    sqlite.close();
  });
});
