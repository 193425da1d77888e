import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fake } from './fake-electron.js';
import { TEST_KDF, tempDir } from '../../support/temp.js';
import type { Logger } from '../../../src-main/log.js';
import type { InvokeResult } from '../../../src-main/api/result.js';

vi.mock('electron', async () => (await import('./fake-electron.js')).fakeElectron());

const { installIpcTransport } = await import('../../../src-main/ipc-transport.js');
const { isAppPageUrl } = await import('../../../src-main/shell-policy.js');
const { Core } = await import('../../../src-main/core.js');
const { createAppRouter } = await import('../../../src-main/api/app-router.js');

const log: Logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
const isOwnPage = (url: string) => isAppPageUrl(url, null);

beforeEach(() => {
  fake().reset();
  vi.mocked(log.warn).mockClear();
});

/** An ipcMain event as Electron builds it, from a frame at `url`. */
function eventFrom(url: string, parent: object | null = null) {
  return { senderFrame: { url, parent }, sender: {} };
}

function fakeRouter() {
  return { invoke: vi.fn(async (): Promise<InvokeResult> => ({ ok: true, value: 'svar' })) };
}

function handler(): (...args: unknown[]) => Promise<InvokeResult> {
  const h = fake().state.ipcHandlers.get('fristad:invoke');
  if (!h) throw new Error('fristad:invoke is not registered');
  return h as unknown as (...args: unknown[]) => Promise<InvokeResult>;
}

describe('ipcMain transport', () => {
  it('registers exactly one channel, fristad:invoke, and can remove it', () => {
    const uninstall = installIpcTransport(fakeRouter(), isOwnPage, log);
    expect([...fake().state.ipcHandlers.keys()]).toEqual(['fristad:invoke']);
    uninstall();
    expect(fake().state.ipcHandlers.size).toBe(0);
  });

  it('given a call from our own page, forwards channel and input to the real router and returns its answer', async () => {
    const core = new Core({ vaultDir: tempDir(), kdf: TEST_KDF });
    installIpcTransport(createAppRouter(core), isOwnPage, log);
    expect(await handler()(eventFrom('app://fristad/index.html'), 'vault.status', undefined)).toEqual({ ok: true, value: { state: 'no_vault' } });
    const refused = await handler()(eventFrom('app://fristad/'), 'vault.create', { unitName: '' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await handler()(eventFrom('app://fristad/'), 'no.such.channel', null)).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  it('passes null input on as none, like the test host', async () => {
    const router = fakeRouter();
    installIpcTransport(router, isOwnPage, log);
    await handler()(eventFrom('app://fristad/'), 'vault.status', null);
    expect(router.invoke).toHaveBeenCalledWith('vault.status', undefined);
  });

  it('refuses a foreign page, a subframe, a missing or destroyed frame, without calling the router', async () => {
    const router = fakeRouter();
    installIpcTransport(router, isOwnPage, log);
    const destroyed = {
      get senderFrame(): never {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    const senders = [
      eventFrom('https://evil.example/'),
      eventFrom('file:///tmp/x.html'),
      eventFrom('app://evil/'),
      eventFrom('http://localhost:5173/'),
      eventFrom('app://fristad/', { url: 'app://fristad/' }),
      { senderFrame: null },
      destroyed,
    ];
    for (const event of senders) {
      const r = await handler()(event, 'persons.search', { query: 'a' });
      expect(r).toEqual({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('nekades') } });
    }
    expect(router.invoke).not.toHaveBeenCalled();
    expect(log.warn).toHaveBeenCalledTimes(senders.length);
    expect(vi.mocked(log.warn).mock.calls.map((c) => c[1]?.reason)).toEqual(['foreign_page', 'foreign_page', 'foreign_page', 'foreign_page', 'subframe', 'no_frame', 'frame_gone']);
    // Never the page's address or the input in the log.
    expect(JSON.stringify(vi.mocked(log.warn).mock.calls)).not.toMatch(/evil|query/);
  });

  it('answers a router that throws with an internal error instead of a rejected promise', async () => {
    installIpcTransport({ invoke: vi.fn(async () => Promise.reject(new TypeError('boom'))) }, isOwnPage, log);
    expect(await handler()(eventFrom('app://fristad/'), 'vault.status', undefined)).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('in development accepts the dev server page', async () => {
    const router = fakeRouter();
    installIpcTransport(router, (url) => isAppPageUrl(url, 'http://localhost:5173'), log);
    expect(await handler()(eventFrom('http://localhost:5173/'), 'vault.status', undefined)).toEqual({ ok: true, value: 'svar' });
  });
});
