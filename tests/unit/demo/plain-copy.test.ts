import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatePlainDemoDb } from '../../../src-main/demo/generate.js';
import { openSqlite } from '../../../src-main/db/connection.js';
import { tempDir } from '../../support/temp.js';

describe('the plain demo copy (benchmark)', () => {
  it('is written whole into its file, the WAL checkpointed away, after every migration incl. table rebuilds and the bulk fill', async () => {
    const path = join(tempDir(), 'plain.db');
    const fill = await generatePlainDemoDb(path, { size: 'small', seed: 3, firstWorker: { id: '11111111-1111-4111-8111-111111111111', name: 'Demo Samordnare' } });
    expect(fill.rowCounts.cases).toBeGreaterThan(0);
    expect(!existsSync(`${path}-wal`) || statSync(`${path}-wal`).size === 0).toBe(true);
    const db = openSqlite(path, null, { plaintext: true });
    try {
      expect((db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n).toBe(fill.rowCounts.cases);
    } finally {
      db.close();
    }
  });
});
