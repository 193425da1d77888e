import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  contentSecurityPolicyFor,
  devServerOrigin,
  electronNativeBindingPath,
  isAllowedRequestUrl,
  isAppPageUrl,
} from '../../../src-main/shell-policy.js';

const root = join(import.meta.dirname, '../../..');
const DEV = 'http://localhost:5173';

describe('shell policy: which page is ours', () => {
  it('accepts app://fristad/ and nothing that only looks like it', () => {
    expect(isAppPageUrl('app://fristad/', null)).toBe(true);
    expect(isAppPageUrl('app://fristad/index.html#/cases/1', null)).toBe(true);
    for (const url of ['app://evil/', 'app://fristad.evil.se/', 'app://x@fristad/', 'https://fristad/', 'file:///work/main/out/renderer/index.html', 'http://localhost:5173/', 'about:blank', 'not a url', '']) {
      expect(isAppPageUrl(url, null), url).toBe(false);
    }
  });

  it('accepts the dev server only when one is given, and only its exact origin', () => {
    expect(isAppPageUrl(`${DEV}/`, DEV)).toBe(true);
    expect(isAppPageUrl('http://localhost:5174/', DEV)).toBe(false);
    expect(isAppPageUrl('http://127.0.0.1:5173/', DEV)).toBe(false);
  });
});

describe('shell policy: the dev server address', () => {
  it('is honoured only in an unpackaged app and only on loopback', () => {
    expect(devServerOrigin({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, false)).toBe(DEV);
    expect(devServerOrigin({ ELECTRON_RENDERER_URL: 'http://127.0.0.1:5173/x' }, false)).toBe('http://127.0.0.1:5173');
    expect(devServerOrigin({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, true)).toBeNull();
    expect(devServerOrigin({ ELECTRON_RENDERER_URL: 'https://evil.example/' }, false)).toBeNull();
    expect(devServerOrigin({ ELECTRON_RENDERER_URL: 'file:///etc/passwd' }, false)).toBeNull();
    expect(devServerOrigin({}, false)).toBeNull();
  });
});

describe('shell policy: which requests may leave the renderer', () => {
  it('refuses everything remote in the installed app', () => {
    for (const url of ['https://example.org/', 'http://127.0.0.1:8080/x', 'ws://localhost:5173/', 'file:///etc/passwd', 'devtools://devtools/bundled/x', 'blob:https://example.org/1', 'ftp://x/']) {
      expect(isAllowedRequestUrl(url, null), url).toBe(false);
    }
  });

  it('lets our own scheme, inline data and our own blobs through', () => {
    for (const url of ['app://fristad/assets/index-abc.js', 'data:image/png;base64,AAAA', 'blob:app://fristad/3f2a']) {
      expect(isAllowedRequestUrl(url, null), url).toBe(true);
    }
  });

  it('in development also lets the dev server, its hot-reload socket and the developer tools through', () => {
    expect(isAllowedRequestUrl(`${DEV}/@vite/client`, DEV)).toBe(true);
    expect(isAllowedRequestUrl('ws://localhost:5173/?token=x', DEV)).toBe(true);
    expect(isAllowedRequestUrl('devtools://devtools/bundled/devtools_app.html', DEV)).toBe(true);
    expect(isAllowedRequestUrl('ws://localhost:9999/', DEV)).toBe(false);
    expect(isAllowedRequestUrl('https://example.org/', DEV)).toBe(false);
  });
});

describe('shell policy: Content-Security-Policy', () => {
  it('is the same policy as the renderer page declares', () => {
    const html = readFileSync(join(root, 'src-renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY);
    expect(contentSecurityPolicyFor(null)).toBe(CONTENT_SECURITY_POLICY);
  });

  it('is relaxed for inline code only against the dev server', () => {
    const dev = contentSecurityPolicyFor(DEV);
    expect(dev).toContain("'unsafe-inline'");
    expect(dev).toContain('ws://localhost:5173');
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe');
  });
});

describe('shell policy: the Electron build of the SQLite module', () => {
  it('lives in its own folder per Electron version, platform and processor', () => {
    expect(electronNativeBindingPath('/app', '41.10.0', 'linux', 'x64')).toBe(join('/app', 'native', 'electron-41.10.0-linux-x64', 'better_sqlite3.node'));
  });
});
