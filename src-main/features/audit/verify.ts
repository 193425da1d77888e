import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { chainHash } from './chain.js';

export interface ChainVerification {
  /** Events checked, oldest first. */
  checked: number;
  /** The first event whose link does not hold (it, or the one before it, was changed, removed or moved); null when the whole chain holds. */
  firstBroken: { id: number; at: string } | null;
}

/** Walks the audit trail in order and recomputes every link. */
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
    if (rows.length === 0) return { checked, firstBroken: null };
    for (const row of rows) {
      const expected = chainHash(prev, row);
      if (!row.hash || !expected.equals(row.hash)) return { checked, firstBroken: { id: row.id, at: row.at } };
      prev = row.hash;
      after = row.id;
      checked++;
    }
  }
}
