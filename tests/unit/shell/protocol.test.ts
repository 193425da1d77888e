import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fake } from './fake-electron.js';
import { tempDir } from '../../support/temp.js';

vi.mock('electron', async () => (await import('./fake-electron.js')).fakeElectron());

const { createRendererHandler, registerAppScheme, rendererFile, serveRenderer } = await import('../../../src-main/protocol.js');
const { CONTENT_SECURITY_POLICY } = await import('../../../src-main/shell-policy.js');

beforeEach(() => {
  fake().reset();
});

/** A built renderer in a temp folder, with a secret file beside it that must stay out of reach. */
function builtRenderer() {
  const base = tempDir();
  const dir = join(base, 'renderer');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Fristad</title>');
  writeFileSync(join(dir, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(base, 'secret.txt'), 'hemlig adress');
  return dir;
}

const get = (handler: (r: Request) => Promise<Response>, url: string, method = 'GET') => handler(new Request(url, { method }));

describe('app:// scheme', () => {
  it('is registered as standard, secure and fetch-capable', () => {
    registerAppScheme();
    expect(fake().electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('serveRenderer installs the handler for app://', async () => {
    const dir = builtRenderer();
    serveRenderer(dir);
    const handler = fake().state.protocolHandlers.get('app');
    expect(handler).toBeDefined();
    expect((await get(handler!, 'app://fristad/')).status).toBe(200);
  });
});

describe('app:// handler', () => {
  it('serves index.html for / with the strict CSP and the test host’s other headers', async () => {
    const res = await get(createRendererHandler(builtRenderer()), 'app://fristad/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await res.text()).toContain('<title>Fristad</title>');
  });

  it('serves assets with their type', async () => {
    const res = await get(createRendererHandler(builtRenderer()), 'app://fristad/assets/index-abc.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('refuses to leave the renderer folder, however the path is spelled', async () => {
    const handler = createRendererHandler(builtRenderer());
    for (const url of [
      'app://fristad/../secret.txt',
      'app://fristad/%2e%2e/secret.txt',
      'app://fristad/assets/..%2F..%2Fsecret.txt',
      'app://fristad/assets/..%5C..%5Csecret.txt',
      'app://fristad/%2E%2E%2Fsecret.txt',
      'app://fristad/index.html%00.js',
      'app://fristad/%E0%A4%A',
    ]) {
      const res = await get(handler, url);
      expect(res.status, url).toBe(404);
      expect(await res.text(), url).not.toContain('hemlig');
    }
  });

  it('answers only for host fristad, only GET and HEAD, and 404 for what is missing or a folder', async () => {
    const handler = createRendererHandler(builtRenderer());
    expect((await get(handler, 'app://other/index.html')).status).toBe(404);
    expect((await get(handler, 'app://fristad/nope.js')).status).toBe(404);
    expect((await get(handler, 'app://fristad/assets')).status).toBe(404);
    expect((await get(handler, 'app://fristad/', 'POST')).status).toBe(405);
    const head = await get(handler, 'app://fristad/', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('rendererFile maps URLs to files inside the folder only', () => {
    expect(rendererFile('/srv/r', 'app://fristad/')).toBe(join('/srv/r', 'index.html'));
    expect(rendererFile('/srv/r', 'app://fristad/a/b.css')).toBe(join('/srv/r', 'a', 'b.css'));
    expect(rendererFile('/srv/r', 'app://fristad/..%2Fr2/x')).toBeNull();
    expect(rendererFile('/srv/r', 'https://fristad/index.html')).toBeNull();
  });
});
