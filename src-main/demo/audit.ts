import { BulkInsert, type DemoStep } from './context.js';
import { chainHash } from '../features/audit/chain.js';

/**
 * The access log of what the earlier steps wrote, as the services would
 * have appended it: one event per write of persons, cases (intake, status,
 * reassignment, people added), decisions and services, in the order the
 * writes happened (the AUTOINCREMENT id follows time). Reads are not
 * invented, and neither are the journal's write events (see journal.ts).
 */
export const auditStep: DemoStep = {
  name: 'audit',
  run(ctx) {
    // A stable sort: events of one transaction keep the order their step gave them.
    const events = [...ctx.audit].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const audit = new BulkInsert(ctx, 'audit_events', ['at', 'worker_id', 'action', 'entity_type', 'entity_id', 'detail', 'hash'], 150);
    // Each event is chained to the one before it, starting from the vault's own first event.
    let prev = (ctx.sqlite.prepare('SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1').get() as { hash: Buffer | null } | undefined)?.hash ?? null;
    for (const e of events) {
      prev = chainHash(prev, { at: e[0], worker_id: e[1], action: e[2], entity_type: e[3], entity_id: e[4], detail: e[5] });
      audit.add(e[0], e[1], e[2], e[3], e[4], e[5], prev);
    }
    audit.finish();
    ctx.audit.length = 0;
  },
};
