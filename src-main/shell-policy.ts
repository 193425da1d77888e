import { join } from 'node:path';

/**
 * The desktop shell's rules as plain data and pure functions: which page is
 * ours, which requests may leave the renderer, which Content-Security-Policy
 * it gets. No `electron` import, so the rules are tested on their own and the
 * glue that applies them stays a few lines.
 */

/** The renderer is served from `app://fristad/`, never from `file://`. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'fristad';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/`;

/** Same policy as the meta tag in src-renderer/index.html and the test host's header. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'; frame-ancestors 'none'";

/**
 * The development policy: Vite's dev server injects an inline module (React
 * refresh), inline styles and a websocket for hot reload. Only ever used with
 * an unpackaged app and a loopback dev server.
 */
export function devContentSecurityPolicy(devOrigin: string): string {
  const ws = devOrigin.replace(/^http/, 'ws');
  return `default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self' ${ws}; base-uri 'none'; form-action 'none'; object-src 'none'; frame-ancestors 'none'`;
}

/** The policy the shell sends with every response: the strict one, unless running against the dev server. */
export function contentSecurityPolicyFor(devOrigin: string | null): string {
  return devOrigin === null ? CONTENT_SECURITY_POLICY : devContentSecurityPolicy(devOrigin);
}

/**
 * Where `scripts/ensure-electron-native.mjs` puts the Electron build of the
 * SQLite module, one folder per Electron version, platform and processor, so
 * it never replaces the Node build in node_modules that the tests load.
 */
export function electronNativeBindingPath(appPath: string, electronVersion: string, platform: string, arch: string): string {
  return join(appPath, 'native', `electron-${electronVersion}-${platform}-${arch}`, 'better_sqlite3.node');
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * The electron-vite dev server's origin, or null. Honoured only in an
 * unpackaged app and only on loopback: an installed Fristad never loads a
 * page named by an environment variable.
 */
export function devServerOrigin(env: NodeJS.ProcessEnv, isPackaged: boolean): string | null {
  if (isPackaged) return null;
  const raw = env.ELECTRON_RENDERER_URL;
  if (!raw) return null;
  const url = parse(raw);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return null;
  if (!LOOPBACK_HOSTS.has(url.hostname)) return null;
  return url.origin;
}

/** True for a URL on our own page: `app://fristad/…`, or the dev server in development. */
export function isAppPageUrl(url: string, devOrigin: string | null): boolean {
  const u = parse(url);
  if (!u) return false;
  if (u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '') return true;
  return devOrigin !== null && (u.protocol === 'http:' || u.protocol === 'https:') && u.origin === devOrigin;
}

/**
 * Whether a request from the renderer may go out at all. Everything remote is
 * refused; what remains is our own scheme, inline data, blobs made by our page
 * and, in development, the dev server (its pages and its hot-reload socket)
 * and the developer tools.
 */
export function isAllowedRequestUrl(url: string, devOrigin: string | null): boolean {
  const u = parse(url);
  if (!u) return false;
  if (isAppPageUrl(url, devOrigin)) return true;
  if (u.protocol === 'data:') return true;
  if (u.protocol === 'blob:') return isAppPageUrl(u.pathname, devOrigin);
  if (devOrigin === null) return false;
  if (u.protocol === 'devtools:') return true;
  const dev = new URL(devOrigin);
  return (u.protocol === 'ws:' || u.protocol === 'wss:') && u.host === dev.host;
}

/** Content types of the renderer's built files, for the app:// handler and the test host alike. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
});

/** Headers on every renderer response besides its type: the CSP and no sniffing, referrer or caching. */
export function responseHeaders(csp: string = CONTENT_SECURITY_POLICY): Record<string, string> {
  return { 'content-security-policy': csp, 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'cache-control': 'no-store' };
}

