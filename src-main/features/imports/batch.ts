import { createHash, randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Session } from '../../api/context.js';
import type { Database, ImportBatchesTable } from '../../db/schema.js';

export type ImportKind = ImportBatchesTable['kind'];

export interface BatchCounts {
  rows: number;
  accepted: number;
  refused: number;
  persons: number;
  cases: number;
  placements: number;
  drafts: number;
}

/** The SHA-256 of the file's bytes, hex: lets a coordinator tell which file was imported without the log holding its name. */
export function fileSha256(base64: string): string {
  return createHash('sha256').update(Buffer.from(base64, 'base64')).digest('hex');
}

/** A new batch id; every record the import makes carries it (`import_id`). */
export function newImportId(): string {
  return randomUUID();
}

/**
 * Writes the batch and its one audit event (`imports.commit`) inside the
 * import's transaction, before the records that point at it. The event's
 * detail holds the kind and the counts only — no names, numbers or file name —
 * and its entity is the batch, which the log review and the register extract
 * follow from a record's `import_id`.
 */
export async function recordImportBatch(session: Session, trx: Transaction<Database>, id: string, kind: ImportKind, base64: string, counts: BatchCounts, at: string): Promise<void> {
  await trx
    .insertInto('import_batches')
    .values({
      id,
      kind,
      file_sha256: fileSha256(base64),
      imported_by: session.worker.id,
      imported_at: at,
      row_count: counts.rows,
      accepted: counts.accepted,
      refused: counts.refused,
      persons_created: counts.persons,
      cases_created: counts.cases,
      placements_created: counts.placements,
      journal_drafts: counts.drafts,
    })
    .execute();
  await session.audit.record(trx, { action: 'imports.commit', entityType: 'import', entityId: id, detail: { kind, ...counts } });
}
