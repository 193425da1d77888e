import { createHash } from 'node:crypto';

import type { AuditEventsTable } from '../../db/schema.js';

/** The fields of an audit event that its hash covers, as stored. */
export type ChainedFields = Pick<AuditEventsTable, 'at' | 'worker_id' | 'action' | 'entity_type' | 'entity_id' | 'detail'>;

/**
 * The link of one event in the tamper-evident chain:
 * SHA-256 over the previous event's hash (32 zero bytes for the first) and a
 * canonical serialisation of the event (a JSON array in a fixed field order).
 * Changing, removing or reordering a row breaks the link of that row or the next.
 */
export function chainHash(prev: Uint8Array | null, e: ChainedFields): Buffer {
  const h = createHash('sha256');
  h.update(prev ?? ZERO);
  h.update(JSON.stringify([e.at, e.worker_id, e.action, e.entity_type, e.entity_id, e.detail]));
  return h.digest();
}

const ZERO = Buffer.alloc(32);
