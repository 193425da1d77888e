import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { FRISTAD_APPLICATION_ID, createKysely, migrateToLatest, openSqlite } from '../../../src-main/db/connection.js';
import { tempDir } from '../../support/temp.js';

/** 0110-outcome-followups, run on a file at 0100 with a closed case, its service and kept statistics months in it. */
describe('migration 0110-outcome-followups', () => {
  it('keeps every existing row, adds the follow-ups with their rules, strikes off the closing month on a change, and cascades with the case', async () => {
    const sqlite = openSqlite(join(tempDir(), 'fristad.db'), randomBytes(32), { create: true });
    sqlite.pragma(`application_id = ${FRISTAD_APPLICATION_ID}`);
    const db = createKysely(sqlite);
    await migrateToLatest(sqlite, db, '0100-drop-monthly-aggregates');
    await sql`INSERT INTO workers (id, name, role, active, created_at) VALUES ('w1', 'Kvar Efter', 'samordnare', 1, '2026-01-01T00:00:00Z')`.execute(db);
    for (const [id, first] of [['p1', 'Åsa'], ['p2', 'Bo']] as const) {
      await sql`INSERT INTO persons (id, first_name, last_name, number_kind, personal_number, birth_year, gender, protection_level, created_at, created_by, updated_at)
        VALUES (${id}, ${first}, 'Östlund', 'none', NULL, 1985, 'kvinna', 'none', '2026-01-01T00:00:00Z', 'w1', '2026-01-01T00:00:00Z')`.execute(db);
    }
    await sql`INSERT INTO cases (id, case_number, main_person_id, intake_date, intake_source, status, assigned_worker_id, closed_at, created_at, created_by, updated_at, closing_reason)
      VALUES ('c1', '2025-0001', 'p1', '2025-01-05', 'own_application', 'closed', 'w1', '2025-06-20', '2025-01-05T09:00:00Z', 'w1', '2025-06-20T09:00:00Z', 'goal_met')`.execute(db);
    await sql`INSERT INTO case_persons (case_id, person_id, role, child_exposure) VALUES ('c1', 'p1', 'victim', NULL), ('c1', 'p2', 'perpetrator', NULL)`.execute(db);
    await sql`INSERT INTO services (id, case_id, person_id, service_type, decision_id, start_date, end_date, created_by, created_at, updated_at)
      VALUES ('s1', 'c1', 'p1', 'support_talks', NULL, '2025-02-01', '2025-06-01', 'w1', 'x', 'x')`.execute(db);
    await sql`INSERT INTO statistics_months (month, measure, dimension, value, count) VALUES ('2018-03', 'new_cases', 'total', 'all', 1), ('2025-06', 'closed_cases', 'total', 'all', 1)`.execute(db);
    await sql`INSERT INTO statistics_counted (month, frozen) VALUES ('2018-03', 1), ('2025-06', 0), ('2025-01', 0)`.execute(db);
    const before = {
      cases: sqlite.prepare(`SELECT * FROM cases`).all(),
      services: sqlite.prepare(`SELECT * FROM services`).all(),
      months: sqlite.prepare(`SELECT * FROM statistics_months ORDER BY month`).all(),
    };

    await migrateToLatest(sqlite, db, '0110-outcome-followups');

    // every row is still there; the months counted without the new measures are struck off, frozen ones kept
    expect(sqlite.prepare(`SELECT * FROM cases`).all()).toEqual(before.cases);
    expect(sqlite.prepare(`SELECT * FROM services`).all()).toEqual(before.services);
    expect(sqlite.prepare(`SELECT * FROM statistics_months ORDER BY month`).all()).toEqual(before.months);
    expect(sqlite.prepare(`SELECT month, frozen FROM statistics_counted`).all()).toEqual([{ month: '2018-03', frozen: 1 }]);

    const insert = sqlite.prepare(`INSERT INTO outcome_followups (id, case_id, person_id, phase, followed_up_on, safety, well_being, violence_stopped, help_rating, comment, worker_id, created_at, updated_at)
      VALUES (@id, 'c1', @person, @phase, @on, @safety, 3, @stopped, @help, NULL, 'w1', 'x', 'x')`);
    const row = { id: 'o1', person: 'p1', phase: 'intake', on: '2025-01-05', safety: 2, stopped: 'no', help: null };
    // the rules hold in the database itself
    expect(() => insert.run({ ...row, help: 4 })).toThrow(/CHECK/);
    expect(() => insert.run({ ...row, safety: 6 })).toThrow(/CHECK/);
    expect(() => insert.run({ ...row, safety: 0 })).toThrow(/CHECK/);
    expect(() => insert.run({ ...row, stopped: 'maybe' })).toThrow(/CHECK/);
    expect(() => insert.run({ ...row, phase: 'midway' })).toThrow(/CHECK/);
    expect(() => insert.run({ ...row, on: '5 jan' })).toThrow(/CHECK/);
    insert.run(row);
    expect(() => insert.run({ ...row, id: 'o2' })).toThrow(/UNIQUE/);
    // a declined rating is NULL
    insert.run({ ...row, id: 'o3', phase: 'closing', on: '2025-06-20', safety: null, stopped: 'yes', help: 5 });
    insert.run({ ...row, id: 'o4', person: 'p2' });
    expect(sqlite.prepare(`SELECT safety, help_rating FROM outcome_followups WHERE id = 'o3'`).get()).toEqual({ safety: null, help_rating: 5 });

    // a follow-up or a service of a closed case strikes off the month it was closed in
    const counted = () => (sqlite.prepare(`SELECT month FROM statistics_counted ORDER BY month`).all() as { month: string }[]).map((r) => r.month);
    sqlite.prepare(`INSERT INTO statistics_counted (month, frozen) VALUES ('2025-06', 0)`).run();
    sqlite.prepare(`UPDATE outcome_followups SET safety = 3 WHERE id = 'o1'`).run();
    expect(counted()).toEqual(['2018-03']);
    sqlite.prepare(`INSERT INTO statistics_counted (month, frozen) VALUES ('2025-06', 0)`).run();
    sqlite.prepare(`UPDATE services SET end_date = '2025-06-10' WHERE id = 's1'`).run();
    expect(counted()).toEqual(['2018-03']);

    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    // deleting the case takes its follow-ups with it
    sqlite.prepare(`DELETE FROM services WHERE case_id = 'c1'`).run();
    sqlite.prepare(`DELETE FROM cases WHERE id = 'c1'`).run();
    expect(sqlite.prepare(`SELECT count(*) AS n FROM outcome_followups`).get()).toEqual({ n: 0 });
    sqlite.close();
  });
});
