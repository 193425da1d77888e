import { describe, expect, it } from 'vitest';
import { contract } from '../../../src-main/api/contract.js';
import { call, unlockedApp } from '../../support/temp.js';
import { auditEvents, demoteFirstWorker, refused } from '../../support/casework.js';
import { listUnlockableWorkers } from '../../../src-main/vault/vault.js';
import type { WorkerSummary } from '../../../src-main/features/workers/contract.js';

const FIRST = 'första lösenordet för Olle';
const OWN = 'Olles egna långa lösenord';

describe('roles: checked in the router from the session', () => {
  const coordinatorChannels = Object.entries(contract).filter(([, def]) => def.access === 'coordinator').map(([name]) => name);

  it('the contract has coordinator channels (workers, settings, log review, retention, extract)', () => {
    expect(coordinatorChannels).toEqual(expect.arrayContaining(['workers.create', 'workers.deactivate', 'settings.update']));
    expect(coordinatorChannels.length).toBeGreaterThanOrEqual(5);
  });

  it('refuses every coordinator channel to a handläggare, with a Swedish message, whatever the input, and writes nothing', async () => {
    const app = await unlockedApp();
    await demoteFirstWorker(app);
    const db = app.core.requireSession().db;
    await app.core.requireSession().audit.flush();
    const count = async () => Number((await db.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    for (const name of coordinatorChannels) {
      for (const input of [undefined, {}, { id: '11111111-1111-4111-8111-111111111111' }]) {
        const error = await refused(app, name, input);
        expect(error.code, name).toBe('forbidden');
        expect(error.message, name).toMatch(/bara för samordnare/);
      }
    }
    expect(await count()).toBe(before);
  });

  it('lets a handläggare use every worker channel it is meant to (workers.list) but not administer', async () => {
    const app = await unlockedApp();
    await demoteFirstWorker(app);
    expect((await call<WorkerSummary[]>(app.router, 'workers.list')).length).toBe(1);
    expect((await refused(app, 'workers.create', { name: 'X', role: 'samordnare', firstPassphrase: FIRST, firstPassphraseRepeat: FIRST })).code).toBe('forbidden');
  });
});

describe('workers administration', () => {
  it('adds a worker with a first passphrase that must be changed at first unlock; the worker then works with their own', async () => {
    const app = await unlockedApp();
    const olle = await call<WorkerSummary>(app.router, 'workers.create', { name: 'Olle Kollega', role: 'handlaggare', firstPassphrase: FIRST, firstPassphraseRepeat: FIRST });
    expect(olle).toMatchObject({ name: 'Olle Kollega', role: 'handlaggare', active: true });
    expect(listUnlockableWorkers(app.dir).map((w) => w.name)).toContain('Olle Kollega');

    await app.core.lock('user');
    const info = await call<{ mustChangePassphrase: boolean; role: string }>(app.router, 'vault.unlock', { workerId: olle.id, passphrase: FIRST });
    expect(info).toMatchObject({ mustChangePassphrase: true, role: 'handlaggare' });
    expect((await refused(app, 'cases.list', {})).message).toMatch(/byta ditt första lösenord/);
    await call(app.router, 'vault.changePassphrase', { current: FIRST, passphrase: OWN, passphraseRepeat: OWN });
    await call(app.router, 'cases.list', {});
    await app.core.lock('user');
    expect((await app.router.invoke('vault.unlock', { workerId: olle.id, passphrase: FIRST })).ok).toBe(false);
    expect(await call(app.router, 'vault.unlock', { workerId: olle.id, passphrase: OWN })).toMatchObject({ mustChangePassphrase: false });
  });

  it('refuses a too short first passphrase and a repeat that differs, in Swedish, and adds nobody', async () => {
    const app = await unlockedApp();
    expect((await refused(app, 'workers.create', { name: 'Kort', role: 'handlaggare', firstPassphrase: 'kort', firstPassphraseRepeat: 'kort' })).message).toMatch(/minst 10 tecken/);
    expect((await refused(app, 'workers.create', { name: 'Olik', role: 'handlaggare', firstPassphrase: FIRST, firstPassphraseRepeat: FIRST + 'x' })).details?.issues?.[0]?.message).toMatch(/inte lika/);
    expect((await call<WorkerSummary[]>(app.router, 'workers.list')).map((w) => w.name)).toEqual(['Sara Handläggare']);
  });

  it('deactivates a worker: their key slot is gone, their name stays, they cannot unlock', async () => {
    const app = await unlockedApp();
    const olle = await call<WorkerSummary>(app.router, 'workers.create', { name: 'Olle Kollega', role: 'handlaggare', firstPassphrase: FIRST, firstPassphraseRepeat: FIRST });
    expect(await call(app.router, 'workers.deactivate', { id: olle.id })).toMatchObject({ active: false, name: 'Olle Kollega' });
    expect(listUnlockableWorkers(app.dir).map((w) => w.workerId)).not.toContain(olle.id);
    expect((await call<WorkerSummary[]>(app.router, 'workers.list')).find((w) => w.id === olle.id)?.name).toBe('Olle Kollega');
    await app.core.lock('user');
    expect((await app.router.invoke('vault.unlock', { workerId: olle.id, passphrase: FIRST })).ok).toBe(false);
  });

  it('never leaves the unit without an active samordnare, and a coordinator cannot deactivate themselves', async () => {
    const app = await unlockedApp();
    expect((await refused(app, 'workers.deactivate', { id: app.workerId })).message).toMatch(/dig själv/);
    expect((await refused(app, 'workers.setRole', { id: app.workerId, role: 'handlaggare' })).message).toMatch(/minst en aktiv samordnare/);
  });

  it('changes a role, effective at the next unlock', async () => {
    const app = await unlockedApp();
    const olle = await call<WorkerSummary>(app.router, 'workers.create', { name: 'Olle Kollega', role: 'handlaggare', firstPassphrase: FIRST, firstPassphraseRepeat: FIRST });
    expect(await call(app.router, 'workers.setRole', { id: olle.id, role: 'samordnare' })).toMatchObject({ role: 'samordnare' });
    await app.core.lock('user');
    expect(await call(app.router, 'vault.unlock', { workerId: olle.id, passphrase: FIRST })).toMatchObject({ role: 'samordnare' });
  });

  it('resets a forgotten passphrase with the recovery key, and refuses a wrong key', async () => {
    const app = await unlockedApp();
    const olle = await call<WorkerSummary>(app.router, 'workers.create', { name: 'Olle Kollega', role: 'handlaggare', firstPassphrase: FIRST, firstPassphraseRepeat: FIRST });
    const wrongKey = app.recoveryKey.replace(/[0-9A-F]/, (c) => (c === '0' ? '1' : '0'));
    expect((await refused(app, 'workers.resetPassphrase', { workerId: olle.id, recoveryKey: wrongKey, firstPassphrase: 'ett nytt första lösen', firstPassphraseRepeat: 'ett nytt första lösen' })).message).toMatch(/Återställningsnyckeln/);
    await call(app.router, 'workers.resetPassphrase', { workerId: olle.id, recoveryKey: app.recoveryKey, firstPassphrase: 'ett nytt första lösen', firstPassphraseRepeat: 'ett nytt första lösen' });
    await app.core.lock('user');
    expect((await app.router.invoke('vault.unlock', { workerId: olle.id, passphrase: FIRST })).ok).toBe(false);
    expect(await call(app.router, 'vault.unlock', { workerId: olle.id, passphrase: 'ett nytt första lösen' })).toMatchObject({ mustChangePassphrase: true });
  });

  it('records every change of workers and roles in the audit trail, without names', async () => {
    const app = await unlockedApp();
    const olle = await call<WorkerSummary>(app.router, 'workers.create', { name: 'Olle Kollega', role: 'handlaggare', firstPassphrase: FIRST, firstPassphraseRepeat: FIRST });
    await call(app.router, 'workers.setRole', { id: olle.id, role: 'samordnare' });
    await call(app.router, 'workers.resetPassphrase', { workerId: olle.id, recoveryKey: app.recoveryKey, firstPassphrase: FIRST, firstPassphraseRepeat: FIRST });
    await call(app.router, 'workers.deactivate', { id: olle.id });
    const events = (await auditEvents(app)).filter((e) => e.entity_id === olle.id);
    expect(events.map((e) => e.action)).toEqual(['workers.create', 'workers.set_role', 'workers.reset_passphrase', 'workers.deactivate']);
    expect(JSON.stringify(events)).not.toContain('Olle');
  });
});
