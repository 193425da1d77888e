import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { MIGRATIONS, LATEST_MIGRATION } from '../../../src-main/db/migrations/index.js';
import { FRISTAD_APPLICATION_ID, appliedMigrations, createKysely, migrateToLatest, openSqlite } from '../../../src-main/db/connection.js';
import { tempDir } from '../../support/temp.js';
import { AppError } from '../../../src-main/domain/errors.js';

/**
 * Each migration is tested from the schema before it, with data in it: the
 * fixture for step i writes rows valid at migration i−1, then the test
 * migrates to the latest and checks the rows are still there.
 */
const names = Object.keys(MIGRATIONS).sort();

function freshFile() {
  const path = join(tempDir(), 'fristad.db');
  const key = randomBytes(32);
  const sqlite = openSqlite(path, key, { create: true });
  sqlite.pragma(`application_id = ${FRISTAD_APPLICATION_ID}`);
  return { path, key, sqlite, db: createKysely(sqlite) };
}

/** A worker `w1` and a person `p1`, written as the 0010 schema has them. */
async function workerAndPerson(db: ReturnType<typeof freshFile>['db']): Promise<void> {
    await sql`INSERT INTO workers (id, name, role, active, created_at) VALUES ('w1', 'Kvar Efter', 'samordnare', 1, '2026-01-01T00:00:00Z')`.execute(db);
    await sql`INSERT INTO persons (id, first_name, last_name, number_kind, personal_number, birth_year, gender, protection_level, created_at, created_by, updated_at)
      VALUES ('p1', 'Åsa', 'Östlund', 'none', NULL, 1980, 'kvinna', 'none', '2026-01-01T00:00:00Z', 'w1', '2026-01-01T00:00:00Z')`.execute(db);
}

describe('migrations', () => {
  it('are named in run order with zero-padded numbers', () => {
    for (const n of names) expect(n).toMatch(/^\d{4}-[a-z0-9-]+$/);
    expect(names.at(-1)).toBe(LATEST_MIGRATION);
  });

  it('build the whole schema on an empty file, in one transaction, and a second run changes nothing', async () => {
    const { sqlite, db } = freshFile();
    await migrateToLatest(sqlite, db);
    expect(appliedMigrations(sqlite)).toEqual(names);
    const schema = sqlite.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).all();
    await migrateToLatest(sqlite, db);
    expect(sqlite.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).all()).toEqual(schema);
    sqlite.close();
  });

  it.each(names.slice(1).map((n, i) => [n, names[i]!] as const))('%s keeps the data written under the schema before it (%s)', async (name, previous) => {
    const { sqlite, db } = freshFile();
    await migrateToLatest(sqlite, db, previous);
    // Rows written while the file is still at the previous schema.
    await sql`INSERT INTO workers (id, name, role, active, created_at) VALUES ('w1', 'Kvar Efter', 'samordnare', 1, '2026-01-01T00:00:00Z')`.execute(db);
    await sql`INSERT INTO persons (id, first_name, last_name, number_kind, personal_number, birth_year, gender, protection_level, created_at, created_by, updated_at)
      VALUES ('p1', 'Åsa', 'Östlund', 'none', NULL, 1980, 'kvinna', 'skyddad_folkbokforing', '2026-01-01T00:00:00Z', 'w1', '2026-01-01T00:00:00Z')`.execute(db);
    await sql`INSERT INTO cases (id, case_number, main_person_id, intake_date, intake_source, status, assigned_worker_id, closed_at, created_at, created_by, updated_at)
      VALUES ('c1', '2026-0001', 'p1', '2026-01-05', 'islandsmodellen', 'ongoing', 'w1', NULL, '2026-01-05T09:00:00Z', 'w1', '2026-02-01T09:00:00Z')`.execute(db);
    await sql`INSERT INTO case_persons (case_id, person_id, role) VALUES ('c1', 'p1', 'victim')`.execute(db);
    await migrateToLatest(sqlite, db, name);
    expect(sqlite.prepare(`SELECT name FROM workers WHERE id = 'w1'`).get()).toEqual({ name: 'Kvar Efter' });
    expect(sqlite.prepare(`SELECT last_name, protection_level FROM persons WHERE id = 'p1'`).get()).toEqual({ last_name: 'Östlund', protection_level: 'skyddad_folkbokforing' });
    expect(sqlite.prepare(`SELECT case_number, status FROM cases WHERE id = 'c1'`).get()).toEqual({ case_number: '2026-0001', status: 'ongoing' });
    expect(sqlite.prepare(`SELECT count(*) AS n FROM case_persons`).get()).toEqual({ n: 1 });
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    sqlite.close();
  });

  it('0020-casework gives existing cases their history: the intake, the current status and the assignment', async () => {
    const { sqlite, db } = freshFile();
    await migrateToLatest(sqlite, db, '0010-create-core');
    await workerAndPerson(db);
    await sql`INSERT INTO cases (id, case_number, main_person_id, intake_date, intake_source, status, assigned_worker_id, closed_at, created_at, created_by, updated_at)
      VALUES ('c1', '2026-0001', 'p1', '2026-01-05', 'islandsmodellen', 'ongoing', 'w1', NULL, '2026-01-05T09:00:00Z', 'w1', '2026-02-01T09:00:00Z')`.execute(db);
    await migrateToLatest(sqlite, db, '0020-casework');
    expect(sqlite.prepare(`SELECT from_status, to_status, event_date FROM case_status_events WHERE case_id = 'c1' ORDER BY id`).all()).toEqual([
      { from_status: null, to_status: 'intake', event_date: '2026-01-05' },
      { from_status: 'intake', to_status: 'ongoing', event_date: '2026-02-01' },
    ]);
    expect(sqlite.prepare(`SELECT worker_id FROM case_assignments WHERE case_id = 'c1'`).all()).toEqual([{ worker_id: 'w1' }]);
    expect(sqlite.prepare(`SELECT interpreter_needed FROM persons WHERE id = 'p1'`).get()).toEqual({ interpreter_needed: 0 });
    expect((sqlite.prepare(`SELECT count(*) AS n FROM service_types`).get() as { n: number }).n).toBeGreaterThan(5);
    sqlite.close();
  });

  it('0070-statistics keeps every row, and its triggers strike a counted month off when a case in it changes (never a frozen one)', async () => {
    const { sqlite, db } = freshFile();
    await migrateToLatest(sqlite, db, '0020-casework');
    await workerAndPerson(db);
    for (const [id, date] of [['c1', '2026-01-05'], ['c2', '2026-02-07']] as const) {
      await sql`INSERT INTO cases (id, case_number, main_person_id, intake_date, intake_source, status, assigned_worker_id, closed_at, created_at, created_by, updated_at)
        VALUES (${id}, ${`2026-000${id.slice(1)}`}, 'p1', ${date}, 'islandsmodellen', 'ongoing', 'w1', NULL, '2026-01-05T09:00:00Z', 'w1', '2026-02-01T09:00:00Z')`.execute(db);
    }
    await migrateToLatest(sqlite, db, '0070-statistics');
    expect(sqlite.prepare(`SELECT id, intake_date FROM cases ORDER BY id`).all()).toEqual([
      { id: 'c1', intake_date: '2026-01-05' },
      { id: 'c2', intake_date: '2026-02-07' },
    ]);
    sqlite.exec(`INSERT INTO statistics_counted (month, frozen) VALUES ('2026-01', 0), ('2026-02', 1), ('2026-03', 0)`);
    sqlite.exec(`UPDATE cases SET relation = 'partner'`);
    sqlite.exec(`INSERT INTO services (id, case_id, person_id, service_type, start_date, end_date, created_by, created_at, updated_at) VALUES ('s1', 'c1', 'p1', 'support_talks', '2026-03-02', NULL, 'w1', 'x', 'x')`);
    // January (the cases' month) and March (the service's) are struck off; frozen February stays.
    expect(sqlite.prepare(`SELECT month, frozen FROM statistics_counted ORDER BY month`).all()).toEqual([{ month: '2026-02', frozen: 1 }]);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    sqlite.close();
  });

  it('0080-statistics-more keeps every row, recounts the months counted before it (not frozen ones), and strikes off the months a placement or a price touches', async () => {
    const { sqlite, db } = freshFile();
    await migrateToLatest(sqlite, db, '0070-statistics');
    await workerAndPerson(db);
    sqlite.exec(`INSERT INTO cases (id, case_number, main_person_id, intake_date, intake_source, status, assigned_worker_id, closed_at, created_at, created_by, updated_at)
      VALUES ('c1', '2026-0001', 'p1', '2026-01-05', 'islandsmodellen', 'ongoing', 'w1', NULL, 'x', 'w1', 'x')`);
    sqlite.exec(`INSERT INTO shelters (id, name, name_key, operator_type, created_by, created_at, updated_at) VALUES ('s1', 'Jouren', 'jouren', 'womens_shelter', 'w1', 'x', 'x')`);
    sqlite.exec(`INSERT INTO shelter_price_periods (id, shelter_id, valid_from, adult_ore, child_ore, created_by, created_at) VALUES ('pp1', 's1', '2025-01-01', 100000, 50000, 'w1', 'x')`);
    sqlite.exec(`INSERT INTO placements (id, case_id, person_id, shelter_id, decision_date, start_date, end_date, created_by, created_at, updated_at) VALUES ('pl1', 'c1', 'p1', 's1', '2026-01-10', '2026-01-10', NULL, 'w1', 'x', 'x')`);
    sqlite.exec(`INSERT INTO statistics_months (month, measure, dimension, value, count) VALUES ('2025-06', 'new_cases', 'total', 'all', 7)`);
    sqlite.exec(`INSERT INTO statistics_counted (month, frozen) VALUES ('2025-06', 1), ('2025-07', 0), ('2026-01', 0)`);
    await migrateToLatest(sqlite, db);
    // Every row is kept; months counted without the new measures are struck off, the frozen one stays as it was.
    expect(sqlite.prepare(`SELECT id, end_date FROM placements`).all()).toEqual([{ id: 'pl1', end_date: null }]);
    expect(sqlite.prepare(`SELECT month, count FROM statistics_months`).all()).toEqual([{ month: '2025-06', count: 7 }]);
    expect(sqlite.prepare(`SELECT month, frozen FROM statistics_counted ORDER BY month`).all()).toEqual([{ month: '2025-06', frozen: 1 }]);
    // Ending the open placement strikes off every month it counted in (from January on); a month before it stays.
    sqlite.exec(`INSERT INTO statistics_counted (month, frozen) VALUES ('2025-12', 0), ('2026-01', 0), ('2026-04', 0)`);
    sqlite.exec(`UPDATE placements SET end_date = '2026-03-02', end_reason = 'moved_on', destination = 'own_home' WHERE id = 'pl1'`);
    expect(sqlite.prepare(`SELECT month FROM statistics_counted ORDER BY month`).all()).toEqual([{ month: '2025-06' }, { month: '2025-12' }]);
    // A new price from April strikes off April and later only, never the frozen month.
    sqlite.exec(`INSERT INTO statistics_counted (month, frozen) VALUES ('2026-03', 0), ('2026-04', 0), ('2026-05', 0)`);
    sqlite.exec(`INSERT INTO shelter_price_periods (id, shelter_id, valid_from, adult_ore, child_ore, created_by, created_at) VALUES ('pp2', 's1', '2026-04-01', 110000, 50000, 'w1', 'x')`);
    expect(sqlite.prepare(`SELECT month FROM statistics_counted ORDER BY month`).all()).toEqual([{ month: '2025-06' }, { month: '2025-12' }, { month: '2026-03' }]);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    sqlite.close();
  });

  it('refuses a file made by a newer Fristad instead of guessing', async () => {
    const { sqlite, db } = freshFile();
    await migrateToLatest(sqlite, db);
    sqlite.prepare(`INSERT INTO kysely_migration (name, timestamp) VALUES ('9990-from-the-future', '2030-01-01')`).run();
    await expect(migrateToLatest(sqlite, db)).rejects.toBeInstanceOf(AppError);
    sqlite.close();
  });

  it('roll back completely when a migration fails half-way', async () => {
    const { sqlite, db } = freshFile();
    const { Migrator } = await import('kysely');
    const broken = {
      async getMigrations() {
        return {
          '0001-ok': { up: async (k: typeof db) => void (await sql`CREATE TABLE half (x INTEGER)`.execute(k)) },
          '0002-fails': { up: async (k: typeof db) => void (await sql`CREATE TABLE nope (`.execute(k)) },
        };
      },
    };
    const result = await new Migrator({ db, provider: broken as never }).migrateToLatest();
    expect(result.error).toBeDefined();
    expect(sqlite.prepare(`SELECT name FROM sqlite_schema WHERE name = 'half'`).get()).toBeUndefined();
    sqlite.close();
  });
});
