import type { WorkerRole } from '../domain/vocabulary.js';
import { BulkInsert, DAY_MS, type DemoStep, type DemoWorker } from './context.js';
import { firstNameFor, inventedSurname } from './names.js';

/**
 * The unit's colleagues. The first worker (the samordnare who set the vault
 * up) is already in the table; the others get rows only — no key slot — so
 * cases can be assigned to them. A coordinator adds their slots in the app.
 */
export const workersStep: DemoStep = {
  name: 'workers',
  run(ctx) {
    const rng = ctx.rng(this.name);
    const first = ctx.sqlite.prepare('SELECT id, name, role, active, created_at FROM workers WHERE id = ?').get(ctx.firstWorkerId) as
      | { id: string; name: string; role: WorkerRole; active: number; created_at: string }
      | undefined;
    if (!first) throw new Error('the first worker is missing');
    ctx.workers.push({ id: first.id, name: first.name, role: first.role, active: first.active === 1, createdAt: first.created_at });

    const insert = new BulkInsert(ctx, 'workers', ['id', 'name', 'role', 'active', 'created_at'], 16);
    const start = ctx.now.getTime() - ctx.profile.years * 365 * DAY_MS;
    for (let i = 0; i < ctx.profile.extraWorkers; i++) {
      const gender = rng.chance(0.8) ? 'kvinna' : 'man';
      const w: DemoWorker = {
        id: rng.uuid(),
        name: `${firstNameFor(rng, gender)} ${inventedSurname(rng)}`,
        // One more coordinator in a large unit; the rest are handläggare.
        role: i === 0 && ctx.profile.extraWorkers > 5 ? 'samordnare' : 'handlaggare',
        // Someone has left the unit: their old cases still name them.
        active: !(i === ctx.profile.extraWorkers - 1 && ctx.profile.extraWorkers > 2),
        createdAt: new Date(start - rng.int(0, 400) * DAY_MS).toISOString(),
      };
      ctx.workers.push(w);
      insert.add(w.id, w.name, w.role, w.active ? 1 : 0, w.createdAt);
    }
    insert.finish();
  },
};
