import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { chainHash } from './chain.js';

export interface ChainVerification {
  /** Events checked, oldest first. */
  checked: number;
  /** The first event whose link does not hold (it, or the one before it, was changed, removed or moved); null when the whole chain holds. */
  firstBroken: { id: number; at: string } | null;
  /**
   * Events missing after the last one in the trail: SQLite remembers the
   * highest event number ever given (AUTOINCREMENT), so removing the newest
   * events — which leaves every remaining link whole — shows here. 0 when
   * none are missing.
   */
  removedAtEnd: number;
}

/** The highest event number SQLite has handed out (0 for an empty trail). */
async function highestEventNumber(db: Kysely<Database>): Promise<number> {
  const r = await sql<{ seq: number }>`SELECT seq FROM sqlite_sequence WHERE name = 'audit_events'`.execute(db);
  return Number(r.rows[0]?.seq ?? 0);
}

/** Walks the audit trail in order and recomputes every link, then checks that no event is missing after the last. */
export async function verifyChain(db: Kysely<Database>, batchSize = 20_000): Promise<ChainVerification> {
  let prev: Buffer | null = null;
  let after = 0;
  let checked = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_events')
      .select(['id', 'at', 'worker_id', 'action', 'entity_type', 'entity_id', 'detail', 'hash'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(batchSize)
      .execute();
    if (rows.length === 0) return { checked, firstBroken: null, removedAtEnd: Math.max(0, (await highestEventNumber(db)) - after) };
    for (const row of rows) {
      const expected = chainHash(prev, row);
      if (!row.hash || !expected.equals(row.hash)) return { checked, firstBroken: { id: row.id, at: row.at }, removedAtEnd: 0 };
      prev = row.hash;
      after = row.id;
      checked++;
    }
  }
}
