import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fake, fakeEvent, FakeSession, FakeWebContents } from './fake-electron.js';
import type { Logger } from '../../../src-main/log.js';

vi.mock('electron', async () => (await import('./fake-electron.js')).fakeElectron());

const { createMainWindow, hardenSession, hardenWebContents, secureWebPreferences } = await import('../../../src-main/window.js');
const { CONTENT_SECURITY_POLICY } = await import('../../../src-main/shell-policy.js');

const log: Logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
const DEV = 'http://localhost:5173';

beforeEach(() => {
  fake().reset();
});

function openWindow(devOrigin: string | null = null) {
  const win = createMainWindow({ appPath: '/opt/fristad', devOrigin, devTools: false, log });
  const fakeWin = fake().state.windows.at(-1);
  if (!fakeWin) throw new Error('no window was created');
  return { win, fakeWin };
}

describe('main window: web preferences', () => {
  it('given the installed app, when the window opens, then the renderer is isolated, sandboxed and has no Node', () => {
    const { fakeWin } = openWindow();
    expect(fakeWin.options.webPreferences).toEqual({
      preload: join('/opt/fristad', 'out', 'preload', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: false,
    });
  });

  it('developer tools follow the flag the shell passes (on only when unpackaged)', () => {
    expect(secureWebPreferences('/p.cjs', true).devTools).toBe(true);
    expect(secureWebPreferences('/p.cjs', false).devTools).toBe(false);
  });

  it('stays hidden until ready-to-show, and loads app://fristad/ (never file://)', () => {
    const { fakeWin } = openWindow();
    expect(fakeWin.options.show).toBe(false);
    expect(fakeWin.show).not.toHaveBeenCalled();
    fakeWin.emit('ready-to-show');
    expect(fakeWin.show).toHaveBeenCalledTimes(1);
    expect(fakeWin.loadURL).toHaveBeenCalledWith('app://fristad/');
  });

  it('in development loads the dev server instead', () => {
    const { fakeWin } = openWindow(DEV);
    expect(fakeWin.loadURL).toHaveBeenCalledWith(`${DEV}/`);
  });
});

describe('main window: navigation and new windows', () => {
  it('denies window.open', () => {
    const { fakeWin } = openWindow();
    expect(fakeWin.webContents.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(fakeWin.webContents.windowOpenHandler?.({ url: 'app://fristad/print' })).toEqual({ action: 'deny' });
  });

  it('prevents navigation and redirects to a foreign URL, allows our own page', () => {
    const { webContents } = openWindow().fakeWin;
    for (const event of ['will-navigate', 'will-redirect', 'will-frame-navigate'] as const) {
      expect(webContents.navigate(event, 'https://example.org/'), event).toBe(true);
      expect(webContents.navigate(event, 'file:///etc/passwd'), event).toBe(true);
      expect(webContents.navigate(event, 'app://evil/'), event).toBe(true);
      expect(webContents.navigate(event, 'app://fristad/index.html'), event).toBe(false);
    }
    // The log names where, never the path or query.
    expect(JSON.stringify(vi.mocked(log.warn).mock.calls)).not.toContain('passwd');
  });

  it('refuses every <webview>', () => {
    const { webContents } = openWindow().fakeWin;
    const e = fakeEvent();
    webContents.emit('will-attach-webview', e, {}, { src: 'https://example.org/' });
    expect(e.defaultPrevented).toBe(true);
  });

  it('hardens any WebContents handed to it (the app-wide second line)', () => {
    const contents = new FakeWebContents(new FakeSession());
    hardenWebContents(contents as never, null, log);
    expect(contents.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(contents.navigate('will-navigate', 'https://example.org/')).toBe(true);
  });
});

describe('main window: session', () => {
  it('denies every permission request and check', () => {
    openWindow();
    const { permission } = fake().state.defaultSession;
    const callback = vi.fn();
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      permission.request?.({}, p, callback, {});
      expect(permission.check?.({}, p, 'app://fristad', {})).toBe(false);
    }
    expect(callback).toHaveBeenCalledTimes(6);
    expect(callback.mock.calls.every(([granted]) => granted === false)).toBe(true);
    expect(permission.device?.({ deviceType: 'usb' })).toBe(false);
  });

  it('cancels every remote request and lets our own scheme through', () => {
    openWindow();
    const { beforeRequest } = fake().state.defaultSession;
    const answer = (url: string) => {
      let r: { cancel?: boolean } | undefined;
      beforeRequest?.({ url }, (x) => (r = x));
      return r;
    };
    expect(answer('https://example.org/track.gif')).toEqual({ cancel: true });
    expect(answer('http://localhost:5173/@vite/client')).toEqual({ cancel: true });
    expect(answer('app://fristad/assets/index.js')).toEqual({ cancel: false });
  });

  it('lets the dev server through in development only', () => {
    const ses = new FakeSession();
    hardenSession(ses as never, DEV, log);
    let r: { cancel?: boolean } | undefined;
    ses.beforeRequest?.({ url: `${DEV}/@vite/client` }, (x) => (r = x));
    expect(r).toEqual({ cancel: false });
  });

  it('sets the strict Content-Security-Policy on every response, replacing any other', () => {
    openWindow();
    const { headersReceived } = fake().state.defaultSession;
    let headers: Record<string, string[]> | undefined;
    headersReceived?.(
      { url: 'app://fristad/', responseHeaders: { 'content-type': ['text/html'], 'content-security-policy': ["default-src *"] } },
      (r) => (headers = r.responseHeaders),
    );
    expect(headers).toEqual({ 'content-type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});
