import { BrowserWindow, type Session, type WebContents, type WebPreferences } from 'electron';
import { join } from 'node:path';
import type { Logger } from './log.js';
import { APP_URL, contentSecurityPolicyFor, isAllowedRequestUrl, isAppPageUrl } from './shell-policy.js';

export interface WindowContext {
  /** `app.getAppPath()`: the folder holding package.json and out/. */
  appPath: string;
  /** The electron-vite dev server's origin in development, else null. */
  devOrigin: string | null;
  /** Developer tools: only in an unpackaged app. */
  devTools: boolean;
  log: Logger;
}

/**
 * The renderer's web preferences: no Node, isolated and sandboxed, the one
 * preload bridge, and nothing that could load or run foreign content.
 */
export function secureWebPreferences(preload: string, devTools: boolean): WebPreferences {
  return {
    preload,
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
    devTools,
  };
}

/** The scheme and host of a refused URL: enough to debug, never a path or query that could carry data. */
function urlForLog(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`.slice(0, 120);
  } catch {
    return 'unparsable';
  }
}

/** No new windows, no navigation away from our page, no `<webview>`. Used for every WebContents. */
export function hardenWebContents(contents: WebContents, devOrigin: string | null, log: Logger): void {
  contents.setWindowOpenHandler(({ url }) => {
    log.warn('shell.window_open_denied', { target: urlForLog(url) });
    return { action: 'deny' };
  });
  const guard = (event: { preventDefault(): void; url: string }) => {
    if (isAppPageUrl(event.url, devOrigin)) return;
    event.preventDefault();
    log.warn('shell.navigation_denied', { target: urlForLog(event.url) });
  };
  contents.on('will-navigate', guard);
  contents.on('will-frame-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('shell.webview_denied');
  });
}

function withPolicy(headers: Record<string, string[]> | undefined, policy: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') out[name] = value;
  }
  out['Content-Security-Policy'] = [policy];
  return out;
}

/** Every permission refused, every remote request cancelled, our CSP on every response. */
export function hardenSession(ses: Session, devOrigin: string | null, log: Logger): void {
  ses.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn('shell.permission_denied', { permission });
    callback(false);
  });
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequestUrl(details.url, devOrigin);
    if (!allowed) log.warn('shell.request_blocked', { target: urlForLog(details.url) });
    callback({ cancel: !allowed });
  });
  const policy = contentSecurityPolicyFor(devOrigin);
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withPolicy(details.responseHeaders, policy) });
  });
}

/** The one window: hidden until its first paint, loading `app://fristad/` (or the dev server). */
export function createMainWindow(ctx: WindowContext): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'Fristad',
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(join(ctx.appPath, 'out', 'preload', 'preload.cjs'), ctx.devTools),
  });
  hardenSession(win.webContents.session, ctx.devOrigin, ctx.log);
  hardenWebContents(win.webContents, ctx.devOrigin, ctx.log);
  win.once('ready-to-show', () => win.show());
  win.loadURL(ctx.devOrigin ? `${ctx.devOrigin}/` : APP_URL).catch((err: unknown) => {
    ctx.log.error('shell.load_failed', { error: err instanceof Error ? err.name : 'unknown' });
  });
  return win;
}

/**
 * The print engine's window (src-main/print/electron-engine.ts): never shown,
 * no preload (the print route calls no channel), the same locked-down
 * preferences and session as the main window, on the print route.
 */
export function createPrintWindow(ctx: Pick<WindowContext, 'devOrigin' | 'log'>): BrowserWindow {
  const webPreferences = secureWebPreferences('', false);
  delete webPreferences.preload;
  const win = new BrowserWindow({ show: false, width: 794, height: 1123, title: 'Fristad – utskrift', webPreferences });
  win.loadURL(`${ctx.devOrigin ? `${ctx.devOrigin}/` : APP_URL}#print`).catch((err: unknown) => {
    ctx.log.error('print.load_failed', { error: err instanceof Error ? err.name : 'unknown' });
  });
  return win;
}
