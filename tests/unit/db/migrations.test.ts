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

  it.each(names.map((n, i) => [n, i] as const))('%s keeps the data written under the schema before it', async (name, index) => {
    const { sqlite, db } = freshFile();
    const previous = names[index - 1];
    if (previous) await migrateToLatest(sqlite, db, previous);
    // Data at the previous schema: for the first migration the file is empty; we then write data through it and re-run.
    await migrateToLatest(sqlite, db, name);
    await sql`INSERT INTO workers (id, name, role, active, created_at) VALUES ('w1', 'Kvar Efter', 'samordnare', 1, '2026-01-01T00:00:00Z')`.execute(db);
    await migrateToLatest(sqlite, db);
    expect(sqlite.prepare(`SELECT name FROM workers WHERE id = 'w1'`).get()).toEqual({ name: 'Kvar Efter' });
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
