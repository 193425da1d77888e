import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { FRISTAD_APPLICATION_ID, createKysely, migrateToLatest, openSqlite } from '../../../src-main/db/connection.js';
import { tempDir } from '../../support/temp.js';

describe('migration 0100-drop-monthly-aggregates', () => {
  it('drops the duplicate monthly_aggregates and keeps the statistics months, frozen ones included', async () => {
    const sqlite = openSqlite(join(tempDir(), 'fristad.db'), randomBytes(32), { create: true });
    sqlite.pragma(`application_id = ${FRISTAD_APPLICATION_ID}`);
    const db = createKysely(sqlite);
    await migrateToLatest(sqlite, db, '0090-imported-child-consent');
    await sql`INSERT INTO monthly_aggregates (month, measure, dimension, value, count, frozen) VALUES ('2018-03', 'new_cases', 'total', 'all', 1, 1)`.execute(db);
    await sql`INSERT INTO statistics_months (month, measure, dimension, value, count) VALUES ('2018-03', 'new_cases', 'total', 'all', 1)`.execute(db);
    await sql`INSERT INTO statistics_counted (month, frozen) VALUES ('2018-03', 1)`.execute(db);

    await migrateToLatest(sqlite, db);

    expect(sqlite.prepare(`SELECT name FROM sqlite_schema WHERE name = 'monthly_aggregates'`).all()).toEqual([]);
    expect(sqlite.prepare(`SELECT month, measure, dimension, value, count FROM statistics_months`).all()).toEqual([{ month: '2018-03', measure: 'new_cases', dimension: 'total', value: 'all', count: 1 }]);
    expect(sqlite.prepare(`SELECT month, frozen FROM statistics_counted`).all()).toEqual([{ month: '2018-03', frozen: 1 }]);
    sqlite.close();
  });
});
