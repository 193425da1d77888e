import { afterEach, describe, expect, it, vi } from 'vitest';
import { call, unlockedApp, PASS } from '../support/temp.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('core: auto-lock and lock', () => {
  it('locks after the idle minutes, drops the session, and says why on the lock screen', async () => {
    const app = await unlockedApp();
    vi.useFakeTimers();
    await call(app.router, 'settings.update', { autoLockMinutes: 2 });
    await vi.advanceTimersByTimeAsync(60_000);
    await call(app.router, 'vault.touch');
    await vi.advanceTimersByTimeAsync(90_000);
    expect(app.core.status().state).toBe('unlocked');
    // vault.status is polling, not activity: it does not keep the vault open.
    await call(app.router, 'vault.status');
    await vi.advanceTimersByTimeAsync(31_000);
    const status = app.core.status();
    expect(status).toMatchObject({ state: 'locked', lastLockReason: 'idle' });
    expect(await app.router.invoke('persons.search', { query: 'a' })).toMatchObject({ ok: false, error: { code: 'locked' } });
  });

  it('locking twice is harmless, and unlocking again restores the session', async () => {
    const app = await unlockedApp();
    await app.core.lock('os');
    await app.core.lock('os');
    expect(app.core.status()).toMatchObject({ state: 'locked', lastLockReason: 'os' });
    await app.core.unlock(app.workerId, PASS);
    expect(app.core.status().state).toBe('unlocked');
  });

  it('a worker with a first passphrase must change it before anything else', async () => {
    const app = await unlockedApp();
    const { addWorkerSlot } = await import('../../src-main/vault/vault.js');
    const { TEST_KDF } = await import('../support/temp.js');
    const id = '33333333-3333-4333-8333-333333333333';
    const s = app.core.requireSession();
    await s.db.insertInto('workers').values({ id, name: 'Ny Kollega', role: 'handlaggare', active: 1, created_at: new Date().toISOString() }).execute();
    await addWorkerSlot(s.vault, id, 'Ny Kollega', 'första lösenordet', TEST_KDF);
    await app.core.lock('user');
    await call(app.router, 'vault.unlock', { workerId: id, passphrase: 'första lösenordet' });
    expect(await app.router.invoke('persons.search', { query: 'a' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await call(app.router, 'vault.changePassphrase', { current: 'första lösenordet', passphrase: 'mitt eget lösenord', passphraseRepeat: 'mitt eget lösenord' });
    expect(await app.router.invoke('persons.search', { query: 'a' })).toMatchObject({ ok: true });
  });
});

describe('core: unit name', () => {
  it('a renamed unit shows its new name on the lock screen', async () => {
    const app = await unlockedApp();
    await call(app.router, 'settings.update', { unitName: 'Enheten för våld i nära relationer' });
    await app.core.lock('user');
    expect(app.core.status()).toMatchObject({ state: 'locked', unitName: 'Enheten för våld i nära relationer' });
  });
});

