import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { openSqlite } from '../../../src-main/db/connection.js';
import { checkpointSettled, withCheckpointAfter } from '../../../src-main/db/checkpoint.js';
import { tempDir } from '../../support/temp.js';

function bigStore() {
  const path = join(tempDir(), 'fristad.db');
  const sqlite = openSqlite(path, randomBytes(32), { create: true });
  sqlite.exec('CREATE TABLE rows (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
  return { sqlite, path };
}

const fill = (sqlite: ReturnType<typeof bigStore>['sqlite']) => async () => {
  const insert = sqlite.prepare('INSERT INTO rows (text) VALUES (?)');
  sqlite.transaction(() => {
    for (let i = 0; i < 20_000; i++) insert.run(`rad ${i} ${'x'.repeat(200)}`);
  })();
  return 'klar';
};

describe('a large write checkpoints after it, not inside its commit', () => {
  it('leaves the log uncopied when the work returns, copies it on the next turn, and keeps the automatic threshold', async () => {
    const { sqlite, path } = bigStore();
    const threshold = sqlite.pragma('wal_autocheckpoint', { simple: true });
    const result = await withCheckpointAfter(sqlite, fill(sqlite));
    expect(result).toBe('klar');
    // The commit is in the log (durable), the database file itself not yet written: no checkpoint ran inside the commit.
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(4_000_000);
    const before = statSync(path).size;
    expect(await checkpointSettled()).toBeGreaterThan(0);
    expect(statSync(path).size).toBeGreaterThan(before + 4_000_000);
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(threshold);
    expect(sqlite.prepare('SELECT count(*) AS n FROM rows').get()).toEqual({ n: 20_000 });
    sqlite.close();
  });

  it('does nothing when the vault was closed before the next turn, and restores the threshold after a failed write', async () => {
    const { sqlite } = bigStore();
    await expect(withCheckpointAfter(sqlite, async () => Promise.reject(new Error('avbruten')))).rejects.toThrow('avbruten');
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    await withCheckpointAfter(sqlite, fill(sqlite));
    sqlite.close();
    expect(await checkpointSettled()).toBe(0);
  });
});
