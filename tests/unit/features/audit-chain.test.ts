import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { call, unlockedApp } from '../../support/temp.js';
import { newCase, newPerson } from '../../support/casework.js';
import { verifyChain } from '../../../src-main/features/audit/verify.js';

/** A store with a few dozen events of several kinds. */
async function appWithEvents() {
  const app = await unlockedApp();
  for (let i = 0; i < 5; i++) await newCase(app, `Kedjeberg${i}`);
  const p = await newPerson(app, 'Ada', 'Skyddad', 'skyddad_folkbokforing');
  await call(app.router, 'persons.get', { id: p.id });
  await call(app.router, 'persons.search', { query: 'Kedje' });
  const s = app.core.requireSession();
  await s.audit.flush();
  return { app, db: s.db };
}

describe('the tamper-evident audit trail', () => {
  it('holds for events written by the services, by notes, and by vault set-up', async () => {
    const { db } = await appWithEvents();
    const r = await verifyChain(db);
    expect(r.firstBroken).toBeNull();
    expect(r.checked).toBeGreaterThan(10);
  });

  it('reports the changed row when one event is edited', async () => {
    const { db } = await appWithEvents();
    await sql`UPDATE audit_events SET action = 'persons.search' WHERE id = 7`.execute(db);
    expect((await verifyChain(db)).firstBroken?.id).toBe(7);
  });

  it('reports the row after a deleted one', async () => {
    const { db } = await appWithEvents();
    await sql`DELETE FROM audit_events WHERE id = 9`.execute(db);
    expect((await verifyChain(db)).firstBroken?.id).toBe(10);
  });

  it('reports the newest events removed, which leaves every remaining link whole', async () => {
    const { db } = await appWithEvents();
    const whole = await verifyChain(db);
    expect(whole.removedAtEnd).toBe(0);
    const last = Number((await sql<{ id: number }>`SELECT max(id) AS id FROM audit_events`.execute(db)).rows[0]!.id);
    await sql`DELETE FROM audit_events WHERE id > ${last - 3}`.execute(db);
    expect(await verifyChain(db)).toEqual({ checked: whole.checked - 3, firstBroken: null, removedAtEnd: 3 });
  });

  it('reports the first of two rows swapped in order', async () => {
    const { db } = await appWithEvents();
    // Swap the whole content (with each row's own hash) of rows 4 and 5.
    await sql`UPDATE audit_events SET id = -4 WHERE id = 4`.execute(db);
    await sql`UPDATE audit_events SET id = 4 WHERE id = 5`.execute(db);
    await sql`UPDATE audit_events SET id = 5 WHERE id = -4`.execute(db);
    expect((await verifyChain(db)).firstBroken?.id).toBe(4);
  });

  it('keeps the chain whole when a transaction with an event rolls back', async () => {
    const { app, db } = await appWithEvents();
    const s = app.core.requireSession();
    await expect(
      db.transaction().execute(async (trx) => {
        await s.audit.record(trx, { action: 'persons.read', entityType: 'person', entityId: null });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await newPerson(app, 'Efter', 'Rollback');
    expect((await verifyChain(db)).firstBroken).toBeNull();
  });
});
