import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { FRISTAD_APPLICATION_ID, createKysely, migrateToLatest, openSqlite } from '../../../src-main/db/connection.js';
import { verifyChain } from '../../../src-main/features/audit/verify.js';
import { tempDir } from '../../support/temp.js';

describe('0060-privacy', () => {
  it('chains the events already in the trail, keeps them, and the chain then grows from there', async () => {
    const sqlite = openSqlite(join(tempDir(), 'fristad.db'), randomBytes(32), { create: true });
    sqlite.pragma(`application_id = ${FRISTAD_APPLICATION_ID}`);
    const db = createKysely(sqlite);
    await migrateToLatest(sqlite, db, '0020-casework');
    await sql`INSERT INTO workers (id, name, role, active, created_at) VALUES ('w1', 'Kvar Efter', 'samordnare', 1, '2026-01-01T00:00:00Z')`.execute(db);
    for (let i = 0; i < 12; i++) {
      await sql`INSERT INTO audit_events (at, worker_id, action, entity_type, entity_id, detail) VALUES (${`2026-01-0${1 + (i % 9)}T10:00:00Z`}, 'w1', 'journal.create', 'journal_entry', ${`e${i}`}, ${JSON.stringify({ caseId: `c${i % 3}` })})`.execute(db);
    }
    await migrateToLatest(sqlite, db);
    expect(sqlite.prepare('SELECT count(*) AS n FROM audit_events WHERE hash IS NOT NULL').get()).toEqual({ n: 12 });
    expect(await verifyChain(db)).toEqual({ checked: 12, firstBroken: null, removedAtEnd: 0 });
    // The generated case reference reads the case out of the detail, for the review's case filter.
    expect(sqlite.prepare(`SELECT count(*) AS n FROM audit_events WHERE case_ref = 'c1'`).get()).toEqual({ n: 4 });
    // The review's filters use their indexes.
    const plan = sqlite.prepare(`EXPLAIN QUERY PLAN SELECT id FROM audit_events WHERE case_ref = 'c1' ORDER BY at DESC LIMIT 50`).all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/audit_events_case_at/);
    sqlite.close();
  });
});
