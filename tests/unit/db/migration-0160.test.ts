import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { FRISTAD_APPLICATION_ID, createKysely, migrateToLatest, openSqlite } from '../../../src-main/db/connection.js';
import { tempDir } from '../../support/temp.js';

describe('migration 0160-statistics-held', () => {
  it('keeps every kept month; new cases, members and violence types strike their month unless the triggers are held, updates and deletes always do', async () => {
    // given a file at 0150 with kept counts for three months
    const sqlite = openSqlite(join(tempDir(), 'fristad.db'), randomBytes(32), { create: true });
    sqlite.pragma(`application_id = ${FRISTAD_APPLICATION_ID}`);
    const db = createKysely(sqlite);
    await migrateToLatest(sqlite, db, '0150-journal-terms');
    const at = '2026-01-01T00:00:00Z';
    sqlite.exec(`INSERT INTO workers (id, name, role, active, created_at) VALUES ('w1', 'Kvar Efter', 'samordnare', 1, '${at}');
      INSERT INTO persons (id, first_name, last_name, number_kind, personal_number, birth_year, gender, protection_level, created_at, created_by, updated_at)
        VALUES ('p1', 'Åsa', 'Östlund', 'none', NULL, 1980, 'kvinna', 'none', '${at}', 'w1', '${at}');
      INSERT INTO statistics_counted (month, frozen, counted_on, count_id) VALUES ('2025-03', 0, '2025-04-01', 'a'), ('2025-04', 0, '2025-05-01', 'b'), ('2025-05', 0, '2025-06-01', 'c');`);
    const kept = () => (sqlite.prepare('SELECT month FROM statistics_counted ORDER BY month').all() as { month: string }[]).map((r) => r.month);
    const newCase = (id: string, intake: string) =>
      sqlite.exec(`INSERT INTO cases (id, case_number, main_person_id, intake_date, intake_source, status, assigned_worker_id, created_at, created_by, updated_at)
        VALUES ('${id}', '${id}', 'p1', '${intake}', 'report_police', 'intake', 'w1', '${at}', 'w1', '${at}')`);

    // when it migrates
    await migrateToLatest(sqlite, db);
    expect(kept()).toEqual(['2025-03', '2025-04', '2025-05']);
    expect(sqlite.prepare('SELECT count(*) AS n FROM statistics_held').get()).toEqual({ n: 0 });

    // then a case written in the app strikes its month, as before
    newCase('c1', '2025-03-05');
    expect(kept()).toEqual(['2025-04', '2025-05']);
    sqlite.exec(`INSERT INTO statistics_counted (month, frozen, counted_on, count_id) VALUES ('2025-03', 0, '2025-04-01', 'd')`);
    sqlite.exec(`INSERT INTO case_persons (case_id, person_id, role) VALUES ('c1', 'p1', 'victim')`);
    expect(kept()).toEqual(['2025-04', '2025-05']);
    sqlite.exec(`INSERT INTO statistics_counted (month, frozen, counted_on, count_id) VALUES ('2025-03', 0, '2025-04-01', 'e')`);
    sqlite.exec(`INSERT INTO case_violence_types (case_id, violence_type) VALUES ('c1', 'physical')`);
    expect(kept()).toEqual(['2025-04', '2025-05']);

    // and while the triggers are held, a new case, its member and its violence type strike nothing
    sqlite.exec('INSERT INTO statistics_held (held) VALUES (1)');
    newCase('c2', '2025-04-10');
    sqlite.exec(`INSERT INTO case_persons (case_id, person_id, role) VALUES ('c2', 'p1', 'victim'); INSERT INTO case_violence_types (case_id, violence_type) VALUES ('c2', 'psychological')`);
    expect(kept()).toEqual(['2025-04', '2025-05']);
    // but a change to a case still does
    sqlite.exec(`UPDATE cases SET intake_date = '2025-05-02' WHERE id = 'c2'`);
    expect(kept()).toEqual([]);
    sqlite.exec('DELETE FROM statistics_held');

    // and the table holds one row at most, the number 1
    expect(() => sqlite.exec('INSERT INTO statistics_held (held) VALUES (2)')).toThrow(/CHECK/);
    sqlite.exec('INSERT INTO statistics_held (held) VALUES (1)');
    expect(() => sqlite.exec('INSERT INTO statistics_held (held) VALUES (1)')).toThrow(/UNIQUE/);
    sqlite.close();
  });
});
