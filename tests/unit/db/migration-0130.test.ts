import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { FRISTAD_APPLICATION_ID, createKysely, migrateToLatest, openSqlite } from '../../../src-main/db/connection.js';
import { tempDir } from '../../support/temp.js';

describe('migration 0130-import-batches', () => {
  it('adds import batches, import ids and the unit case number without touching existing rows; the case number is unique', async () => {
    const sqlite = openSqlite(join(tempDir(), 'fristad.db'), randomBytes(32), { create: true });
    sqlite.pragma(`application_id = ${FRISTAD_APPLICATION_ID}`);
    const db = createKysely(sqlite);
    await migrateToLatest(sqlite, db, '0100-drop-monthly-aggregates');
    const at = '2024-03-05T10:00:00.000Z';
    await sql`INSERT INTO workers (id, name, role, active, created_at) VALUES ('w1', 'Handläggare Ett', 'samordnare', 1, ${at})`.execute(db);
    await sql`INSERT INTO persons (id, first_name, last_name, number_kind, personal_number, birth_year, gender, protection_level, created_at, created_by, updated_at)
      VALUES ('p1', 'Åsa', 'Östlund', 'personnummer', '19850314-1238', 1985, 'kvinna', 'none', ${at}, 'w1', ${at})`.execute(db);
    await sql`INSERT INTO cases (id, case_number, main_person_id, intake_date, intake_source, status, assigned_worker_id, created_at, created_by, updated_at)
      VALUES ('c1', '2024-0001', 'p1', '2024-03-05', 'own_application', 'intake', 'w1', ${at}, 'w1', ${at})`.execute(db);
    const before = sqlite.prepare(`SELECT * FROM cases`).all();

    await migrateToLatest(sqlite, db);

    expect(sqlite.prepare(`SELECT id, case_number, import_id, external_ref FROM cases`).all()).toEqual([{ id: 'c1', case_number: '2024-0001', import_id: null, external_ref: null }]);
    expect(sqlite.prepare(`SELECT id, first_name, import_id FROM persons`).all()).toEqual([{ id: 'p1', first_name: 'Åsa', import_id: null }]);
    expect((sqlite.prepare(`SELECT * FROM cases`).all() as Record<string, unknown>[]).map(({ import_id: _i, external_ref: _e, ...rest }) => rest)).toEqual(before);
    // a batch, a case pointing at it with the unit's own number; a second case with that number is refused
    sqlite.prepare(`INSERT INTO import_batches VALUES ('b1', 'case_log', ?, 'w1', ?, 2, 2, 0, 0, 1, 0, 0)`).run('a'.repeat(64), at);
    sqlite.prepare(`UPDATE cases SET import_id = 'b1', external_ref = 'VINR 2019/14' WHERE id = 'c1'`).run();
    expect(() =>
      sqlite.prepare(`INSERT INTO cases (id, case_number, main_person_id, intake_date, intake_source, status, assigned_worker_id, created_at, created_by, updated_at, external_ref)
        VALUES ('c2', '2024-0002', 'p1', '2024-04-01', 'own_application', 'intake', 'w1', ?, 'w1', ?, 'VINR 2019/14')`).run(at, at),
    ).toThrow(/UNIQUE/);
    expect(() => sqlite.prepare(`UPDATE persons SET import_id = 'no-such-batch'`).run()).toThrow(/FOREIGN KEY/);
    expect(sqlite.prepare(`EXPLAIN QUERY PLAN SELECT id FROM cases WHERE external_ref = 'x'`).all()).toEqual(expect.arrayContaining([expect.objectContaining({ detail: expect.stringContaining('cases_external_ref') })]));
    sqlite.close();
  });
});
