import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it, vi } from 'vitest';
import { fake } from './fake-electron.js';

vi.mock('electron', async () => (await import('./fake-electron.js')).fakeElectron());

const root = join(import.meta.dirname, '../../..');

describe('preload bridge', () => {
  it('exposes exactly one object, window.fristad, with exactly one function, invoke', async () => {
    fake().reset();
    await import('../../../src-main/preload.js');
    const expose = fake().electron.contextBridge.exposeInMainWorld;
    expect(expose).toHaveBeenCalledTimes(1);
    const [key, api] = expose.mock.calls[0] as unknown as [string, Record<string, unknown>];
    expect(key).toBe('fristad');
    expect(Object.keys(api)).toEqual(['invoke']);
    expect(typeof api.invoke).toBe('function');
  });

  it('invoke carries channel and input over fristad:invoke and returns the main process’s answer', async () => {
    await import('../../../src-main/preload.js');
    const api = fake().electron.contextBridge.exposeInMainWorld.mock.calls.at(-1)?.[1] as unknown as { invoke: (c: string, i: unknown) => Promise<unknown> };
    fake().electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { state: 'no_vault' } });
    await expect(api.invoke('vault.status', undefined)).resolves.toEqual({ ok: true, value: { state: 'no_vault' } });
    expect(fake().electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('fristad:invoke', 'vault.status', undefined);
  });

  it('bundles to CommonJS that requires nothing but electron (what a sandboxed preload may load)', async () => {
    const out = await build({
      entryPoints: [join(root, 'src-main/preload.ts')],
      bundle: true,
      write: false,
      format: 'cjs',
      platform: 'node',
      external: ['electron'],
      logLevel: 'silent',
    });
    const code = out.outputFiles[0]!.text;
    const required: string[] = [];
    const exposed: Record<string, unknown> = {};
    const sandboxRequire = (id: string) => {
      required.push(id);
      if (id !== 'electron') throw new Error(`module not found: ${id}`);
      return { contextBridge: { exposeInMainWorld: (k: string, v: unknown) => (exposed[k] = v) }, ipcRenderer: { invoke: async () => null } };
    };
    runInNewContext(code, { require: sandboxRequire, module: { exports: {} }, exports: {} });
    expect(required).toEqual(['electron']);
    expect(Object.keys(exposed)).toEqual(['fristad']);
  });
});
