import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { chainHash } from './chain.js';

/**
 * The access log. Reads and writes of one record append their event inside
 * the same transaction as the read or write (`record`). Lists and searches —
 * many per minute while a worker types — are noted in memory (`note`) and
 * written in one transaction at the next write, within two seconds, or at
 * lock; so a search stays a pure read. Details never hold names, numbers or
 * free text: only ids and counts.
 *
 * Every event is a link in a hash chain (`chain.ts`): its hash covers the
 * hash of the event before it. The previous hash is read inside the same
 * transaction (one seek to the last row of the primary key), so a rolled-back
 * transaction can never leave a cached link that no longer exists.
 */
export interface AuditEventInput {
  action: string;
  entityType: string;
  entityId?: string | null;
  detail?: Record<string, string | number | boolean> | null;
}

export class AuditLog {
  #pending: { at: string; event: AuditEventInput }[] = [];
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly workerId: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Appends an event within the caller's transaction. */
  async record(trx: Transaction<Database>, event: AuditEventInput): Promise<void> {
    const rows = this.#takePending();
    rows.push(this.#row(this.now().toISOString(), event));
    await insertChained(trx, rows);
  }

  /** Appends an event in a transaction of its own, for actions that write nothing else (lock, passphrase change, backup). */
  async append(event: AuditEventInput): Promise<void> {
    await this.db.transaction().execute((trx) => this.record(trx, event));
  }

  /** Notes a list or search read; written within two seconds. */
  note(event: AuditEventInput): void {
    this.#pending.push({ at: this.now().toISOString(), event });
    if (!this.#timer) {
      this.#timer = setTimeout(() => {
        this.#timer = null;
        void this.flush().catch(() => undefined);
      }, 2000);
      this.#timer.unref?.();
    }
  }

  /** Writes every noted event now (at lock, quit, and from the timer). */
  async flush(): Promise<void> {
    const rows = this.#takePending();
    if (rows.length === 0) return;
    await this.db.transaction().execute((trx) => insertChained(trx, rows));
  }

  get pendingCount(): number {
    return this.#pending.length;
  }

  #takePending() {
    if (this.#timer) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
    const rows = this.#pending.map((p) => this.#row(p.at, p.event));
    this.#pending = [];
    return rows;
  }

  #row(at: string, e: AuditEventInput) {
    return {
      at,
      worker_id: this.workerId,
      action: e.action,
      entity_type: e.entityType,
      entity_id: e.entityId ?? null,
      detail: e.detail ? JSON.stringify(e.detail) : null,
    };
  }
}

type UnchainedRow = Omit<Database['audit_events'], 'id' | 'hash' | 'case_ref'>;

/** Inserts events after the last one, each with its link in the chain. Also used where an event is written without a session (vault set-up). */
export async function insertChained(trx: Transaction<Database>, rows: UnchainedRow[]): Promise<void> {
  const last = await trx.selectFrom('audit_events').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  await trx.insertInto('audit_events').values(chain(last?.hash ?? null, rows)).execute();
}

/** The rows with their links, each hash covering the one before (`prev` for the first). */
function chain(prev: Buffer | null, rows: UnchainedRow[]): (UnchainedRow & { hash: Buffer })[] {
  let link = prev;
  return rows.map((r) => {
    link = chainHash(link, r);
    return { ...r, hash: link };
  });
}
